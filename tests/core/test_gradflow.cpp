// The gradient-flow simulator: its backward pass against finite differences and PyTorch, and the
// vanishing/exploding facts a user reads off the Gradient flow panel.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <utility>

#include <Eigen/Geometry>

#include "core/activity.hpp"
#include "core/gradflow.hpp"

#if defined(__x86_64__)
#include <xmmintrin.h>
#endif

namespace actviz {
namespace {

GradflowConfig small_config(const char* activation, bool residual, bool layernorm) {
    GradflowConfig config;
    config.depth = 3;
    config.width = 4;
    config.batch = 3;
    config.activation = find_activation(activation);
    config.parameters = config.activation->defaults();
    config.residual = residual;
    config.layernorm = layernorm;
    config.bias = 0.1;
    config.seed = 7;
    return config;
}

double loss_of(const GradflowConfig& config, const Network& network, const GradflowBatch& data) {
    GradflowControl control;
    control.threads = 1;
    return simulate_gradient_flow(config, network, data, control).loss;
}

// Central difference of the loss in one number of the network or data, against the backward pass.
template <typename Perturb>
void expect_matches_finite_difference(double analytic, const GradflowConfig& config, Network network,
                                      GradflowBatch data, Perturb perturb, const std::string& where) {
    const double h = 1e-6;
    perturb(network, data, h);
    const double plus = loss_of(config, network, data);
    perturb(network, data, -2 * h);
    const double minus = loss_of(config, network, data);
    const double numeric = (plus - minus) / (2 * h);
    EXPECT_NEAR(analytic, numeric, 1e-8 + 1e-6 * std::fabs(numeric)) << where;
}

void check_against_finite_differences(const GradflowConfig& config) {
    const Network network = make_network(config);
    const GradflowBatch data = make_batch(config);
    GradflowGradients gradients;
    GradflowControl control;
    control.gradients = &gradients;
    simulate_gradient_flow(config, network, data, control);
    const std::string name = std::string(config.activation->name) + (config.residual ? " residual" : "") +
                             (config.layernorm ? " layernorm" : "") + " batch " + std::to_string(config.batch);
    for (int l = 0; l <= config.depth; ++l) {
        for (int r = 0; r < config.width; ++r) {
            for (int c = 0; c < config.width; ++c) {
                expect_matches_finite_difference(
                    gradients.weights[l](r, c), config, network, data,
                    [&](Network& n, GradflowBatch&, double h) { n.weights[l](r, c) += h; },
                    name + ": dW layer " + std::to_string(l + 1) + " (" + std::to_string(r) + "," + std::to_string(c) +
                        ")");
            }
            expect_matches_finite_difference(
                gradients.biases[l](r), config, network, data,
                [&](Network& n, GradflowBatch&, double h) { n.biases[l](r) += h; },
                name + ": db layer " + std::to_string(l + 1));
        }
    }
    for (int j = 0; j < std::min(config.batch, 3); ++j) {
        for (int i = 0; i < config.width; ++i) {
            expect_matches_finite_difference(
                gradients.inputs(i, j), config, network, data,
                [&](Network&, GradflowBatch& d, double h) { d.inputs(i, j) += h; },
                name + ": dx (" + std::to_string(i) + "," + std::to_string(j) + ")");
        }
    }
}

TEST(GradflowBackward, MatchesCentralFiniteDifferences) {
    for (const char* activation : {"tanh", "sigmoid", "gelu", "softplus", "elu", "leaky_relu", "mish"}) {
        for (bool residual : {false, true}) {
            for (bool layernorm : {false, true})
                check_against_finite_differences(small_config(activation, residual, layernorm));
        }
    }
}

TEST(GradflowBackward, MatchesFiniteDifferencesWhenTheBatchIsSplitAcrossSlicesAndThreads) {
    GradflowConfig config = small_config("tanh", true, true);
    config.batch = 300;  // several slices of the batch, combined for ∂L/∂W
    config.width = 3;
    check_against_finite_differences(config);
}

// [SECTION] Against PyTorch ---------------------------------------------------------------------------

struct FixtureCase {
    std::string name;
    GradflowConfig config;
    Network network;
    GradflowBatch data;
    double loss = 0;
    std::vector<std::vector<double>> stats;  // per layer, the 7 figures in LayerStats order
};

std::vector<double> numbers(std::istringstream& fields) {
    std::vector<double> values;
    for (std::string item; fields >> item;) values.push_back(std::stod(item));
    return values;
}

std::vector<FixtureCase> load_fixture() {
    std::ifstream file(ACTVIZ_FIXTURES_DIR "/gradflow_torch.txt");
    EXPECT_TRUE(file) << "missing fixture; regenerate with tests/fixtures/make_gradflow_fixture.py";
    std::vector<FixtureCase> cases;
    for (std::string line; std::getline(file, line);) {
        std::istringstream fields(line);
        std::string kind;
        fields >> kind;
        if (kind == "case") {
            FixtureCase c;
            std::string activation, params;
            int residual = 0, layernorm = 0;
            fields >> c.name >> activation >> params >> c.config.depth >> c.config.width >> c.config.batch >>
                residual >> layernorm;
            c.config.activation = find_activation(activation);
            EXPECT_NE(c.config.activation, nullptr) << activation;
            c.config.parameters = c.config.activation->defaults();
            std::istringstream list(params == "-" ? "" : params);
            for (std::string item; std::getline(list, item, ';');) {
                const auto eq = item.find('=');
                c.config.parameters[c.config.activation->parameter_index(item.substr(0, eq))] =
                    std::stod(item.substr(eq + 1));
            }
            c.config.residual = residual != 0;
            c.config.layernorm = layernorm != 0;
            const int w = c.config.width;
            c.network.weights.assign(c.config.depth + 1, Eigen::MatrixXd(w, w));
            c.network.biases.assign(c.config.depth + 1, Eigen::VectorXd(w));
            c.data = {Eigen::MatrixXd(w, c.config.batch), Eigen::MatrixXd(w, c.config.batch)};
            cases.push_back(c);
            continue;
        }
        if (kind == "end" || cases.empty()) continue;
        FixtureCase& c = cases.back();
        int index = 0;
        fields >> index;
        if (kind == "weight") {
            int row = 0;
            fields >> row;
            const std::vector<double> v = numbers(fields);
            for (size_t i = 0; i < v.size(); ++i) c.network.weights[index - 1](row, i) = v[i];
        } else if (kind == "bias") {
            const std::vector<double> v = numbers(fields);
            for (size_t i = 0; i < v.size(); ++i) c.network.biases[index - 1](i) = v[i];
        } else if (kind == "input" || kind == "target") {
            Eigen::MatrixXd& m = kind == "input" ? c.data.inputs : c.data.targets;
            const std::vector<double> v = numbers(fields);
            for (size_t i = 0; i < v.size(); ++i) m(i, index) = v[i];
        } else if (kind == "loss") {
            c.loss = std::stod(line.substr(5));
        } else if (kind == "stats") {
            c.stats.push_back(numbers(fields));
        }
    }
    return cases;
}

TEST(GradflowAgainstPyTorch, PerLayerStatisticsMatchAutogradInFloat64) {
    const std::vector<FixtureCase> cases = load_fixture();
    ASSERT_GE(cases.size(), 8u);
    const char* names[] = {"weight_grad_norm", "act_grad_norm", "mean_abs_dz", "act_mean",
                           "act_std",          "saturated",     "zero-slope"};
    bool saw_saturation = false, saw_zero_slope = false;
    for (const FixtureCase& c : cases) {
        const GradflowResult result = simulate_gradient_flow(c.config, c.network, c.data);
        EXPECT_NEAR(result.loss, c.loss, 1e-12 * c.loss) << c.name;
        ASSERT_EQ(result.layers.size(), c.stats.size()) << c.name;
        for (size_t l = 0; l < c.stats.size(); ++l) {
            const LayerStats& s = result.layers[l];
            const double ours[] = {s.weight_grad_norm, s.act_grad_norm,      s.mean_abs_dz,  s.act_mean,
                                   s.act_std,          s.saturated_fraction, s.zero_slope_fraction};
            for (int k = 0; k < 7; ++k) {
                const double torch = c.stats[l][k];
                // Fractions are counts over 20 entries: exact. The mean may cancel to near 0: an absolute floor.
                const double tolerance = k >= 5 ? 0 : 1e-10 * std::fabs(torch) + (k == 3 ? 1e-15 : 0);
                EXPECT_NEAR(ours[k], torch, tolerance) << c.name << " layer " << l + 1 << " " << names[k];
            }
            saw_saturation |= c.stats[l][5] > 0;
            saw_zero_slope |= c.stats[l][6] > 0;
        }
    }
    EXPECT_TRUE(saw_saturation && saw_zero_slope) << "the fixture should exercise both fractions";
}

// [SECTION] What a user relies on ----------------------------------------------------------------------

GradflowConfig deep(const char* activation, int depth, InitScheme init) {
    GradflowConfig config;
    config.activation = find_activation(activation);
    config.parameters = config.activation->defaults();
    config.depth = depth;
    config.width = 64;
    config.batch = 256;
    config.init = init;
    return config;
}

TEST(GradflowTextbook, SigmoidDepth20XavierVanishesBySixOrdersOfMagnitude) {
    const GradflowResult result = simulate_gradient_flow(deep("sigmoid", 20, InitScheme::XavierNormal));
    ASSERT_EQ(result.layers.size(), 20u);
    EXPECT_GT(result.layers[0].weight_grad_norm, 0);
    EXPECT_LE(result.layers[0].weight_grad_norm, 1e-6 * result.layers[19].weight_grad_norm);
    EXPECT_LE(result.layers[0].act_grad_norm, 1e-6 * result.layers[19].act_grad_norm);
}

TEST(GradflowTextbook, ReluWithHeInitKeepsAllTwentyLayersWithinAFactorOf20) {
    const GradflowResult result = simulate_gradient_flow(deep("relu", 20, InitScheme::HeNormal));
    double lo = INFINITY, hi = 0;
    for (const LayerStats& s : result.layers) {
        lo = std::min(lo, s.weight_grad_norm);
        hi = std::max(hi, s.weight_grad_norm);
    }
    EXPECT_GT(lo, 0);
    EXPECT_LE(hi / lo, 20);
    // About half of a ReLU layer's units are off for any one sample (healthy sparsity: the zero-slope
    // share) and none is merely saturated. No unit of layer 1 is dead (each is on for some sample); deeper,
    // some are, at initialisation already (the inputs' directions collapse with depth), yet far from half.
    EXPECT_NEAR(result.layers[10].zero_slope_fraction, 0.5, 0.1);
    EXPECT_EQ(result.layers[10].saturated_fraction, 0);
    EXPECT_EQ(result.layers[0].dead_unit_fraction, 0);
    EXPECT_LE(result.layers[10].dead_unit_fraction, result.layers[10].zero_slope_fraction);
}

TEST(GradflowTextbook, ResidualConnectionsRescueSigmoidAtDepth100) {
    GradflowConfig config = deep("sigmoid", 100, InitScheme::XavierNormal);
    const GradflowResult plain = simulate_gradient_flow(config);
    config.residual = true;
    const GradflowResult residual = simulate_gradient_flow(config);
    const double plain_ratio = plain.layers[0].weight_grad_norm / plain.layers[99].weight_grad_norm;
    const double residual_ratio = residual.layers[0].weight_grad_norm / residual.layers[99].weight_grad_norm;
    EXPECT_GT(plain.layers[0].weight_grad_norm, 0) << "double keeps the tiny gradient";
    EXPECT_LT(plain_ratio, 1e-50);
    EXPECT_GT(residual_ratio, 1e-3);
}

TEST(GradflowFloat32, UnderflowGivesExactZerosWhereFloat64StillSeesTinyGradients) {
    GradflowConfig config = deep("sigmoid", 100, InitScheme::XavierNormal);
#if defined(__x86_64__)
    // Compare the control bits only: the low six are sticky exception flags that arithmetic sets.
    constexpr unsigned kControlBits = ~0x3Fu;
    const unsigned mxcsr_before = _mm_getcsr() & kControlBits;
#endif
    const GradflowResult exact = simulate_gradient_flow(config);
    config.float32 = true;
    const GradflowResult single = simulate_gradient_flow(config);
#if defined(__x86_64__)
    EXPECT_EQ(_mm_getcsr() & kControlBits, mxcsr_before) << "the denormal mode is restored";
#endif
    EXPECT_GT(exact.layers[0].weight_grad_norm, 0);
    EXPECT_LT(exact.layers[0].weight_grad_norm, 1e-38);  // below float's smallest normal number
    EXPECT_EQ(single.layers[0].weight_grad_norm, 0.0);
    EXPECT_EQ(single.layers[0].act_grad_norm, 0.0);
    EXPECT_EQ(single.layers[0].mean_abs_dz, 0.0);
    // Near the output both precisions agree to float accuracy.
    EXPECT_NEAR(single.layers[99].weight_grad_norm, exact.layers[99].weight_grad_norm,
                1e-4 * exact.layers[99].weight_grad_norm);
    EXPECT_NEAR(single.loss, exact.loss, 1e-5 * exact.loss);
}

// [SECTION] The verdict: vanishing, exploding, and overflow that is not underflow ----------------

// The network of the report: ReLU, N(0, 2²) weights times gain 10, biases 5, 200 layers of 8.
GradflowConfig exploding_relu(bool float32) {
    GradflowConfig config = deep("relu", 200, InitScheme::Normal);
    config.width = 8;
    config.normal_std = 2;
    config.gain = 10;
    config.bias = 5;
    config.float32 = float32;
    return config;
}

bool mentions_underflow(const GradientRatio& ratio) {
    return ratio.ratio_text.find("underflow") != std::string::npos || ratio.label.find("underflow") != std::string::npos;
}

TEST(GradflowVerdict, AnExplodingNetworkIsNeverCalledUnderflow) {
    // It was labelled "0 (underflow) vanishing". In float32 the activations overflow and the
    // gradients are NaN: overflow. In float64 the gradients stay finite (~1e74 at the top); the
    // activations grow to ~1e264, their spread overflows to ∞ from layer ~100, and layer 175 ends up
    // with every unit off, so layer 1's gradient is exactly 0: blocked by a dead layer.
    for (bool float32 : {false, true}) {
        const GradflowResult result = simulate_gradient_flow(exploding_relu(float32));
        const RunFiniteness run = finiteness_of(result);
        const char* which = float32 ? "float32" : "float64";
        EXPECT_GE(run.activations_overflow_layer, 1) << which;
        for (double LayerStats::*quantity : {&LayerStats::weight_grad_norm, &LayerStats::act_grad_norm, &LayerStats::mean_abs_dz}) {
            const GradientRatio ratio =
                gradient_ratio(result.layers.front().*quantity, result.layers.back().*quantity, run);
            if (float32) {
                EXPECT_TRUE(ratio.verdict == GradientVerdict::Overflow || ratio.verdict == GradientVerdict::NotANumber)
                    << ratio.ratio_text << " " << ratio.label;
            } else {
                EXPECT_EQ(run.overflow, Overflow::None);
                EXPECT_GT(run.dead_layer, 1);
                EXPECT_EQ(result.layers[static_cast<size_t>(run.dead_layer - 1)].zero_slope_fraction, 1.0);
                EXPECT_EQ(ratio.verdict, GradientVerdict::Blocked) << ratio.ratio_text << " " << ratio.label;
            }
            EXPECT_FALSE(mentions_underflow(ratio)) << which << ": " << ratio.ratio_text << " " << ratio.label;
        }
    }
}

TEST(GradflowVerdict, InfinityIsOverflowAndNaNHasItsOwnVerdict) {
    GradflowResult result;
    result.layers.resize(3);
    for (LayerStats& s : result.layers) s.weight_grad_norm = s.act_grad_norm = s.mean_abs_dz = 1;
    result.loss = 1;
    EXPECT_EQ(finiteness_of(result).overflow, Overflow::None);

    result.layers[1].act_mean = std::nan("");  // activations alone: a note, not the gradient's verdict
    EXPECT_EQ(finiteness_of(result).overflow, Overflow::None);
    EXPECT_EQ(finiteness_of(result).activations_overflow_layer, 2);
    result.layers[1].mean_abs_dz = std::nan("");
    const RunFiniteness nan_run = finiteness_of(result);
    EXPECT_EQ(nan_run.overflow, Overflow::NotANumber);
    EXPECT_EQ(nan_run.first_layer, 2);
    const GradientRatio nan_ratio = gradient_ratio(0, 1, nan_run);
    EXPECT_EQ(nan_ratio.verdict, GradientVerdict::NotANumber);
    EXPECT_EQ(nan_ratio.ratio_text, "NaN");
    EXPECT_EQ(nan_ratio.label, "NaN (from layer 2)");

    result.layers[2].weight_grad_norm = INFINITY;  // ∞ anywhere: overflow, even beside an earlier NaN
    const RunFiniteness inf_run = finiteness_of(result);
    EXPECT_EQ(inf_run.overflow, Overflow::Infinity);
    EXPECT_EQ(inf_run.first_layer, 2);
    const GradientRatio inf_ratio = gradient_ratio(0, INFINITY, inf_run);
    EXPECT_EQ(inf_ratio.verdict, GradientVerdict::Overflow);
    EXPECT_EQ(inf_ratio.ratio_text, "∞ (overflow)");
    EXPECT_EQ(inf_ratio.label, "overflow (∞ from layer 2)");
    EXPECT_TRUE(std::isnan(inf_ratio.log10_ratio));
}

TEST(GradflowVerdict, FiniteRunsKeepTheirVerdictsAndTrueUnderflowIsStillUnderflow) {
    // float32 flushes sigmoid's 1e-64 gradient at layer 1 of 100 to exactly 0: that is underflow.
    GradflowConfig config = deep("sigmoid", 100, InitScheme::XavierNormal);
    config.float32 = true;
    const GradflowResult flushed = simulate_gradient_flow(config);
    const GradientRatio underflow = gradient_ratio(flushed.layers.front().weight_grad_norm,
                                                   flushed.layers.back().weight_grad_norm, finiteness_of(flushed));
    EXPECT_EQ(underflow.verdict, GradientVerdict::Vanishing);
    EXPECT_EQ(underflow.ratio_text, "0 (underflow)");

    const GradientRatio vanishing = gradient_ratio(2.46e-13, 1, {});
    EXPECT_EQ(vanishing.verdict, GradientVerdict::Vanishing);
    EXPECT_EQ(vanishing.ratio_text, "2.46e-13");
    EXPECT_EQ(vanishing.label, "vanishing (< 1e-3)");
    EXPECT_EQ(gradient_ratio(5e4, 1, {}).verdict, GradientVerdict::Exploding);
    EXPECT_EQ(gradient_ratio(0.5, 1, {}).verdict, GradientVerdict::Healthy);
    EXPECT_EQ(gradient_ratio(0, 0, {}).verdict, GradientVerdict::NoGradient);
}

TEST(GradflowFloat32, MatchesFloat64OnAHealthyNetwork) {
    GradflowConfig config = deep("tanh", 10, InitScheme::XavierNormal);
    config.layernorm = true;
    const GradflowResult exact = simulate_gradient_flow(config);
    config.float32 = true;
    const GradflowResult single = simulate_gradient_flow(config);
    for (int l = 0; l < 10; ++l) {
        EXPECT_NEAR(single.layers[l].weight_grad_norm, exact.layers[l].weight_grad_norm,
                    1e-4 * exact.layers[l].weight_grad_norm);
        EXPECT_NEAR(single.layers[l].act_std, exact.layers[l].act_std, 1e-5);
    }
}

TEST(GradflowRun, IsDeterministicAndIndependentOfTheThreadCount) {
    GradflowConfig config = deep("gelu", 8, InitScheme::HeUniform);
    config.batch = 700;
    GradflowControl one, two;
    one.threads = 1;
    two.threads = 2;
    const GradflowResult a = simulate_gradient_flow(config, one);
    const GradflowResult b = simulate_gradient_flow(config, two);
    for (int l = 0; l < 8; ++l) {
        EXPECT_EQ(a.layers[l].weight_grad_norm, b.layers[l].weight_grad_norm);
        EXPECT_EQ(a.layers[l].act_std, b.layers[l].act_std);
    }
    config.seed = 1;
    EXPECT_NE(simulate_gradient_flow(config).layers[0].weight_grad_norm, a.layers[0].weight_grad_norm);
}

TEST(GradflowRun, LayerWeightsDoNotDependOnTheDepth) {
    GradflowConfig shallow = deep("tanh", 5, InitScheme::Orthogonal);
    GradflowConfig deeper = shallow;
    deeper.depth = 50;
    const Network a = make_network(shallow), b = make_network(deeper);
    for (int l = 0; l < 5; ++l) EXPECT_EQ(a.weights[l], b.weights[l]);
    EXPECT_EQ(make_batch(shallow).inputs, make_batch(deeper).inputs);
}

TEST(GradflowRun, ReportsProgressToTheEnd) {
    std::atomic<double> progress{0};
    GradflowControl control;
    control.progress = &progress;
    const GradflowResult result = simulate_gradient_flow(deep("tanh", 30, InitScheme::XavierNormal), control);
    EXPECT_FALSE(result.cancelled);
    EXPECT_EQ(progress.load(), 1.0);
}

TEST(GradflowRun, CancellationStopsARunInFlight) {
    GradflowConfig config = deep("tanh", 600, InitScheme::XavierNormal);
    config.width = 256;
    std::atomic<bool> cancel{false};
    std::atomic<double> progress{0};
    GradflowControl control;
    control.cancel = &cancel;
    control.progress = &progress;
    const Network network = make_network(config);
    const GradflowBatch data = make_batch(config);
    std::thread watcher([&] {
        while (progress.load() < 0.05) std::this_thread::yield();
        cancel = true;
    });
    const GradflowResult result = simulate_gradient_flow(config, network, data, control);
    watcher.join();
    EXPECT_TRUE(result.cancelled);
    EXPECT_TRUE(result.layers.empty());
    EXPECT_LT(progress.load(), 0.5);

    // Cancelled before it starts: nothing is computed.
    const GradflowResult early = simulate_gradient_flow(deep("tanh", 5, InitScheme::XavierNormal), control);
    EXPECT_TRUE(early.cancelled);
}

// [SECTION] Validation and memory -------------------------------------------------------------------------

TEST(GradflowConfig, ValidateNamesTheBadValueAndTheAllowedRange) {
    const auto reason = [](auto change) {
        GradflowConfig config;
        change(config);
        return config.validate().value_or("");
    };
    EXPECT_EQ(reason([](GradflowConfig&) {}), "");
    EXPECT_EQ(reason([](GradflowConfig& c) { c.depth = 0; }), "depth must be between 1 and 1000, got 0");
    EXPECT_EQ(reason([](GradflowConfig& c) { c.width = -3; }), "width must be between 1 and 1024, got -3");
    EXPECT_EQ(reason([](GradflowConfig& c) { c.batch = 5000; }), "batch must be between 1 and 4096, got 5000");
    EXPECT_EQ(reason([](GradflowConfig& c) { c.gain = 0; }), "gain must be greater than 0 and at most 100, got 0");
    EXPECT_NE(reason([](GradflowConfig& c) { c.gain = NAN; }), "");
    EXPECT_EQ(reason([](GradflowConfig& c) {
                  c.init = InitScheme::Normal;
                  c.normal_std = -1;
              }),
              "std must be greater than 0 and at most 100, got -1");
    EXPECT_EQ(reason([](GradflowConfig& c) { c.normal_std = -1; }), "") << "std only matters for init normal";
    EXPECT_EQ(reason([](GradflowConfig& c) { c.bias = 1e3; }), "bias must be between -100 and 100, got 1000");
    EXPECT_EQ(reason([](GradflowConfig& c) { c.activation = nullptr; }), "no activation chosen");
    EXPECT_NE(reason([](GradflowConfig& c) {
                  c.activation = find_activation("hardtanh");
                  c.parameters = {1.0, -1.0};
              }),
              "");
    GradflowConfig bad;
    bad.depth = 0;
    EXPECT_THROW(simulate_gradient_flow(bad), std::invalid_argument);
}

TEST(GradflowConfig, MemoryEstimateCoversTheCachedMatricesAndGrowsWithSize) {
    GradflowConfig config;
    config.depth = 200;
    config.width = 256;
    config.batch = 256;
    const double cached = 2.0 * config.depth * config.width * config.batch * sizeof(double);
    const double weights = (config.depth + 1.0) * config.width * config.width * sizeof(double);
    const double bytes = static_cast<double>(estimate_bytes(config));
    EXPECT_GE(bytes, cached + weights);
    EXPECT_LE(bytes, 1.2 * (cached + weights));
    GradflowConfig wider = config;
    wider.layernorm = true;
    EXPECT_GT(estimate_bytes(wider), estimate_bytes(config));
    GradflowConfig single = config;
    single.batch = 4096;
    single.width = 64;
    GradflowConfig single32 = single;
    single32.float32 = true;
    EXPECT_LT(estimate_bytes(single32), estimate_bytes(single));
}

TEST(GradflowVerdict, AZeroBelowALayerThatIsAllOffIsBlockedNotUnderflow) {
    GradflowResult result;
    result.layers.resize(4);
    for (LayerStats& s : result.layers) s.weight_grad_norm = 1;
    result.layers[0].weight_grad_norm = 0;
    EXPECT_EQ(gradient_ratio(0, 1, finiteness_of(result)).ratio_text, "0 (underflow)");  // no dead layer: underflow
    result.layers[2].zero_slope_fraction = 1;
    const GradientRatio ratio = gradient_ratio(0, 1, finiteness_of(result));
    EXPECT_EQ(ratio.verdict, GradientVerdict::Blocked);
    EXPECT_EQ(ratio.ratio_text, "0 (blocked)");
    EXPECT_EQ(ratio.label, "no gradient below layer 3: every unit there is off");
}

// [SECTION] Zero-slope share, dead units, and the true bound ----------------------------------------

// The forward pass of a plain ReLU network written out again, independently of the simulator: per
// hidden layer, the share of (unit, sample) pairs with z ≤ 0 (relu′ = 0) and of units with z ≤ 0 for
// every sample.
struct ReluCounts {
    std::vector<double> zero_slope, dead_units;
};
ReluCounts count_relu_zeros(const GradflowConfig& config) {
    const Network network = make_network(config);
    Eigen::MatrixXd a = make_batch(config).inputs;
    ReluCounts counts;
    for (int l = 0; l < config.depth; ++l) {
        const Eigen::MatrixXd z = (network.weights[l] * a).colwise() + network.biases[l];
        const Eigen::ArrayXXd off = (z.array() <= 0).cast<double>();
        counts.zero_slope.push_back(off.mean());
        counts.dead_units.push_back((off.rowwise().minCoeff() == 1).cast<double>().mean());
        a = z.cwiseMax(0.0);
    }
    return counts;
}

TEST(GradflowVocabulary, ZeroSlopeShareCountsPairsAndDeadUnitsCountUnitsOffForEverySample) {
    // He-initialised ReLU with a negative bias: about half the pairs and more have zero slope, and
    // some units are off for the whole batch (dead), most are not.
    GradflowConfig config = deep("relu", 12, InitScheme::HeNormal);
    config.width = 32;
    config.batch = 300;  // three slices: a unit must be off in every slice to be dead
    config.bias = -0.6;
    const ReluCounts expected = count_relu_zeros(config);
    for (int threads : {1, 3}) {
        GradflowControl control;
        control.threads = threads;
        const GradflowResult result = simulate_gradient_flow(config, control);
        ASSERT_EQ(result.layers.size(), 12u);
        bool some_dead = false, some_alive_though_mostly_off = false;
        for (size_t l = 0; l < result.layers.size(); ++l) {
            const LayerStats& s = result.layers[l];
            EXPECT_NEAR(s.zero_slope_fraction, expected.zero_slope[l], 1e-12) << "layer " << l + 1;
            EXPECT_NEAR(s.dead_unit_fraction, expected.dead_units[l], 1e-12) << "layer " << l + 1;
            EXPECT_LE(s.dead_unit_fraction, s.zero_slope_fraction);  // a dead unit's every pair has zero slope
            some_dead |= s.dead_unit_fraction > 0;
            some_alive_though_mostly_off |= s.zero_slope_fraction > 0.5 && s.dead_unit_fraction < s.zero_slope_fraction;
        }
        EXPECT_TRUE(some_dead) << "the case should have dead units";
        EXPECT_TRUE(some_alive_though_mostly_off) << "the case should tell the two statistics apart";
    }
}

TEST(GradflowVocabulary, ActivationsWithoutAHardZeroHaveNeitherZeroSlopeNorDeadUnits) {
    const GradflowResult result = simulate_gradient_flow(deep("tanh", 10, InitScheme::XavierNormal));
    for (const LayerStats& s : result.layers) {
        EXPECT_EQ(s.zero_slope_fraction, 0);
        EXPECT_EQ(s.dead_unit_fraction, 0);
    }
}

TEST(GradflowVocabulary, SaturationUsesTheSameShareOfMaxSlopeAsTheClassifier) {
    // One constant for "saturated" across the app: the gradient-flow statistic counts 0 < |f′| below
    // the same threshold the Classifier's inactivity rule uses for sigmoid.
    GradflowConfig config = deep("sigmoid", 3, InitScheme::Normal);
    config.normal_std = 3;  // wide pre-activations: many saturated entries
    config.width = 16;
    config.batch = 64;
    const InactivityRule rule = inactivity_rule(*config.activation, config.parameters);
    ASSERT_EQ(rule.kind, InactivityKind::Saturated);
    const Network network = make_network(config);
    Eigen::MatrixXd a = make_batch(config).inputs;
    const GradflowResult result = simulate_gradient_flow(config);
    for (int l = 0; l < config.depth; ++l) {
        const Eigen::MatrixXd z = (network.weights[l] * a).colwise() + network.biases[l];
        const Eigen::ArrayXXd s = 1 / (1 + (-z.array()).exp());
        // σ′ = e^−|z| / (1 + e^−|z|)²: never 0 where σ rounds to 1 (σ(1 − σ) would be).
        const Eigen::ArrayXXd e = (-z.array().abs()).exp();
        const Eigen::ArrayXXd slope = e / ((1 + e) * (1 + e));
        const double saturated = ((slope > 0) && (slope < rule.threshold)).cast<double>().mean();
        EXPECT_NEAR(result.layers[l].saturated_fraction, saturated, 1e-12) << "layer " << l + 1;
        a = s.matrix();
    }
    EXPECT_GT(result.layers[0].saturated_fraction, 0.1);
}

TEST(GradflowBound, SpectralNormOfScaledOrthogonalWeightsIsTheScale) {
    GradflowConfig config = deep("identity", 4, InitScheme::Orthogonal);
    config.gain = 0.37;
    const Network network = make_network(config);
    for (int l = 0; l < config.depth; ++l) EXPECT_NEAR(spectral_norm(network.weights[l]), 0.37, 1e-12);
    // And a matrix whose singular values are known: diag(3, −5, 2) rotated stays 5.
    Eigen::Matrix3d d = Eigen::Vector3d(3, -5, 2).asDiagonal();
    const Eigen::Matrix3d q = Eigen::AngleAxisd(0.7, Eigen::Vector3d(1, 2, 3).normalized()).toRotationMatrix();
    EXPECT_NEAR(spectral_norm(q * d * q.transpose()), 5, 1e-12);
}

// Tall, wide and square random matrices, at everyday and extreme scales: power iteration on WᵀW
// (an independent method, which approaches ‖W‖₂ from below) reaches the same norm.
TEST(GradflowBound, SpectralNormIsTheLargestStretchOfAnyVector) {
    std::mt19937_64 random(11);
    std::normal_distribution<double> normal;
    const auto gaussian = [&](Eigen::Index rows, Eigen::Index cols) {
        return Eigen::MatrixXd(Eigen::MatrixXd::NullaryExpr(rows, cols, [&] { return normal(random); }));
    };
    for (const auto& [rows, cols] : {std::pair{7, 5}, std::pair{5, 7}, std::pair{64, 64}, std::pair{1, 9}}) {
        for (const double scale : {1.0, 1e-200, 1e200}) {
            const Eigen::MatrixXd w = scale * gaussian(rows, cols);
            const double norm = spectral_norm(w);
            ASSERT_TRUE(std::isfinite(norm) && norm > 0) << rows << "x" << cols << " × " << scale;
            Eigen::VectorXd x = gaussian(cols, 1).normalized();
            const Eigen::MatrixXd unit = w / scale;
            for (int iteration = 0; iteration < 5000; ++iteration) x = (unit.transpose() * (unit * x)).normalized();
            EXPECT_NEAR((unit * x).norm(), norm / scale, 1e-12 * norm / scale) << rows << "x" << cols << " × " << scale;
        }
    }
    EXPECT_EQ(spectral_norm(Eigen::MatrixXd::Zero(3, 4)), 0);
    EXPECT_TRUE(std::isnan(spectral_norm(Eigen::MatrixXd::Constant(2, 2, std::numeric_limits<double>::infinity()))));
}

TEST(GradflowBound, TheTrueBoundHoldsWhereTheActivationFactorAloneIsExceeded) {
    struct Case {
        const char* name;
        GradflowConfig config;
    };
    std::vector<Case> cases;
    cases.push_back({"sigmoid xavier", deep("sigmoid", 20, InitScheme::XavierNormal)});
    GradflowConfig exploding = deep("relu", 30, InitScheme::HeNormal);  // the exploding preset's curve
    exploding.gain = 2;
    cases.push_back({"relu he x2", exploding});
    GradflowConfig residual = deep("tanh", 25, InitScheme::XavierNormal);
    residual.residual = true;
    cases.push_back({"tanh residual", residual});
    GradflowConfig layernorm = deep("gelu", 15, InitScheme::HeNormal);
    layernorm.layernorm = true;
    layernorm.bias = 0.3;
    cases.push_back({"gelu layer norm", layernorm});
    GradflowConfig both = deep("elu", 15, InitScheme::XavierUniform);
    both.layernorm = both.residual = true;
    cases.push_back({"elu residual + layer norm", both});
    GradflowConfig linear = deep("identity", 21, InitScheme::Orthogonal);  // the bound is exact here
    linear.gain = 0.2;
    cases.push_back({"identity orthogonal x0.2", linear});
    GradflowConfig float32 = exploding;
    float32.float32 = true;
    cases.push_back({"relu he x2 float32", float32});
    for (const Case& c : cases) {
        GradflowControl control;
        control.spectral_bound = true;
        const GradflowResult result = simulate_gradient_flow(c.config, control);
        ASSERT_EQ(result.act_grad_bound.size(), result.layers.size()) << c.name;
        // Up to rounding: float32 gradients carry ~1e-7 relative error per layer.
        const double slack = c.config.float32 ? 1e-5 : 1e-12;
        for (size_t l = 0; l < result.layers.size(); ++l) {
            EXPECT_LE(result.layers[l].act_grad_norm, result.act_grad_bound[l] * (1 + slack))
                << c.name << " layer " << l + 1;
        }
        EXPECT_EQ(result.act_grad_bound.back(), result.layers.back().act_grad_norm) << c.name;
    }
    // Identity with weights g·Q multiplies every gradient by exactly g: the bound is tight.
    GradflowControl control;
    control.spectral_bound = true;
    const GradflowResult tight = simulate_gradient_flow(linear, control);
    EXPECT_NEAR(tight.act_grad_bound.front() / tight.layers.front().act_grad_norm, 1, 1e-9);
    // The activation's factor alone, max|f′|^k = 1 for ReLU, is passed by nine orders of magnitude
    // in the exploding case: it is no bound, which is why the panel no longer calls it one.
    const GradflowResult exploded = simulate_gradient_flow(exploding);
    EXPECT_GT(exploded.layers.front().act_grad_norm, 1e6 * exploded.layers.back().act_grad_norm);
}

TEST(GradflowBound, NotComputedUnlessAsked) {
    const GradflowResult result = simulate_gradient_flow(deep("tanh", 5, InitScheme::XavierNormal));
    EXPECT_TRUE(result.act_grad_bound.empty());
    EXPECT_TRUE(result.spectral_norms.empty());
}

}  // namespace
}  // namespace actviz
