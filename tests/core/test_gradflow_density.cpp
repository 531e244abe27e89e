// Gradient flow's layer × value density map (core/gradflow_density.hpp): counted in the simulation's
// own pass, it equals a direct count over a forward and backward pass of our own, and its zone
// masses are the very statistics the panel's "activation statistics per layer" chart reports.

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <map>
#include <string_view>

#include "core/activation_analysis.hpp"
#include "core/gradflow.hpp"

namespace actviz {
namespace {

GradflowConfig config_of(const char* activation, int depth, int width, int batch, double gain) {
    GradflowConfig c;
    c.activation = find_activation(activation);
    c.parameters = c.activation->defaults();
    c.depth = depth, c.width = width, c.batch = batch, c.gain = gain;
    c.init = InitScheme::XavierNormal;
    return c;
}

GradflowResult run_with_density(const GradflowConfig& config, int threads = 2) {
    GradflowControl control;
    control.density = true;
    control.threads = threads;
    return simulate_gradient_flow(config, control);
}

// Our own pass in double, whole batch at once: z_l per layer and ∂L/∂z_l per layer.
struct OwnPass {
    std::vector<Eigen::MatrixXd> z, dz;
};
OwnPass own_pass(const GradflowConfig& config) {
    const Network network = make_network(config);
    const GradflowBatch data = make_batch(config);
    const Activation& f = *config.activation;
    OwnPass pass;
    std::vector<Eigen::MatrixXd> a{data.inputs}, slope;
    for (int l = 0; l < config.depth; ++l) {
        Eigen::MatrixXd z = network.weights[l] * a.back();
        z.colwise() += network.biases[l];
        pass.z.push_back(z);
        a.push_back(z.unaryExpr([&](double v) { return f.f(v, config.parameters); }));
        slope.push_back(z.unaryExpr([&](double v) { return f.df(v, config.parameters); }));
    }
    Eigen::MatrixXd dy = network.weights[config.depth] * a.back();
    dy.colwise() += network.biases[config.depth];
    dy = (dy - data.targets) * (2.0 / (static_cast<double>(config.width) * config.batch));
    Eigen::MatrixXd grad = network.weights[config.depth].transpose() * dy;
    pass.dz.resize(config.depth);
    for (int l = config.depth - 1; l >= 0; --l) {
        pass.dz[l] = grad.cwiseProduct(slope[l]);
        grad = network.weights[l].transpose() * pass.dz[l];
    }
    return pass;
}

TEST(GradflowDensity, ActivationInputsEqualADirectCount) {
    const GradflowConfig config = config_of("tanh", 6, 16, 300, 1.0);  // 2 slices on 2 threads
    const GradflowResult result = run_with_density(config);
    ASSERT_TRUE(result.density);
    const GradflowDensity& density = *result.density;
    ASSERT_EQ(density.z.size(), 6u);
    EXPECT_EQ(density.z_hi, 5.0);  // tanh: 1.5 × its saturated edge (2.99), rounded up to a nice 5
    const OwnPass pass = own_pass(config);
    for (int l = 0; l < config.depth; ++l) {
        std::vector<std::int64_t> bins(kZHistogramBins, 0);
        std::int64_t under = 0, over = 0;
        for (double v : pass.z[l].reshaped()) {
            const double at = (v - density.z_lo) / density.z_bin_width();
            if (at < 0) {
                ++under;
            } else if (at >= kZHistogramBins) {
                ++over;
            } else {
                ++bins[static_cast<size_t>(at)];
            }
        }
        const ZCounts& counted = density.z[static_cast<size_t>(l)];
        EXPECT_EQ(counted.total, 16 * 300);
        EXPECT_EQ(counted.bins, bins) << "layer " << l + 1;
        EXPECT_EQ(counted.underflow, under);
        EXPECT_EQ(counted.overflow, over);
    }
}

TEST(GradflowDensity, GradientMagnitudesEqualADirectCount) {
    const GradflowConfig config = config_of("sigmoid", 8, 12, 200, 1.0);  // vanishing: many decades
    const GradflowResult result = run_with_density(config);
    ASSERT_TRUE(result.density);
    const OwnPass pass = own_pass(config);
    for (int l = 0; l < config.depth; ++l) {
        const MagnitudeCounts& counted = result.density->gradient[static_cast<size_t>(l)];
        EXPECT_EQ(counted.total, 12 * 200);
        std::map<int, std::int64_t> direct;
        std::int64_t zero = 0;
        for (double g : pass.dz[l].reshaped()) {
            if (g == 0) {
                ++zero;
            } else {
                ++direct[std::ilogb(g)];
            }
        }
        EXPECT_EQ(counted.zero, zero);
        // The pass's f′ kernels may differ from f.df in the last bit, which can move a value lying on a
        // power of two: allow two entries of the layer's 2400 to sit one bin over.
        std::int64_t moved = 0;
        for (size_t i = 0; i < counted.bins.size(); ++i) {
            const int e = counted.first_exponent + static_cast<int>(i);
            moved += std::llabs(counted.bins[i] - (direct.count(e) ? direct[e] : 0));
            direct.erase(e);
        }
        for (const auto& [e, c] : direct) moved += c;  // exponents the pass never saw
        EXPECT_LE(moved, 4) << "layer " << l + 1;
    }
    // Layer 1's gradients are smaller than layer 8's by orders of magnitude: the map's whole point.
    const auto& first = result.density->gradient.front();
    const auto& last = result.density->gradient.back();
    EXPECT_LT(first.first_exponent + static_cast<int>(first.bins.size()), last.first_exponent + static_cast<int>(last.bins.size()) - 5);
}

// The map's saturated and zero-slope shares are the panel's statistics, in double and float32, for
// a saturating, a dead-zone and a layer-normed net; and the bins agree with them on the value axis.
TEST(GradflowDensity, ZoneSharesAreThePanelsStatistics) {
    struct Case {
        const char* activation;
        double gain;
        bool float32, layernorm;
    };
    for (const Case& c : {Case{"sigmoid", 4.0, false, false}, Case{"tanh", 3.0, true, false},
                          Case{"relu", 1.0, false, false}, Case{"relu", 1.0, true, true}, Case{"hardtanh", 2.0, false, false}}) {
        GradflowConfig config = config_of(c.activation, 10, 32, 256, c.gain);
        config.float32 = c.float32, config.layernorm = c.layernorm;
        const GradflowResult result = run_with_density(config);
        ASSERT_TRUE(result.density);
        double any_saturated = 0;
        for (int l = 0; l < config.depth; ++l) {
            const ZCounts& z = result.density->z[static_cast<size_t>(l)];
            const LayerStats& stats = result.layers[static_cast<size_t>(l)];
            EXPECT_EQ(z.share(z.saturated), stats.saturated_fraction) << c.activation << " layer " << l + 1;
            EXPECT_EQ(z.share(z.zero_slope), stats.zero_slope_fraction) << c.activation << " layer " << l + 1;
            any_saturated += stats.saturated_fraction;
        }
        const std::string_view name = c.activation;
        if (name == "sigmoid" || name == "tanh") {
            EXPECT_GT(any_saturated, 0.1) << c.activation;
        }
    }
    // On the value axis: sigmoid's saturated zone is |z| > 5.99; the bins wholly inside it (and the ◂ ▸
    // mass) hold no more than the saturated count, and with the bins that straddle its edge, no less.
    const GradflowConfig config = config_of("sigmoid", 6, 32, 256, 6.0);
    const GradflowResult result = run_with_density(config);
    const GradflowDensity& density = *result.density;
    const CurveSamples curve = sample_curve(*config.activation, config.parameters, density.z_lo, density.z_hi, 2001);
    const DerivativeZones zones = derivative_zones(curve, kSaturatedDerivativeShare * 0.25);
    for (int l = 0; l < config.depth; ++l) {
        const ZCounts& z = density.z[static_cast<size_t>(l)];
        std::int64_t inside = z.underflow + z.overflow, touching = inside;
        for (int i = 0; i < kZHistogramBins; ++i) {
            const double left = density.z_lo + i * density.z_bin_width(), right = left + density.z_bin_width();
            for (const Interval& zone : zones.saturated) {
                if (left >= zone.from && right <= zone.to) inside += z.bins[static_cast<size_t>(i)];
                if (right > zone.from && left < zone.to) touching += z.bins[static_cast<size_t>(i)];
            }
        }
        EXPECT_LE(inside, z.saturated + z.zero_slope) << "layer " << l + 1;
        EXPECT_GE(touching, z.saturated) << "layer " << l + 1;
        EXPECT_GT(z.saturated, 0) << "gain 6 saturates every layer";
    }
}

TEST(GradflowDensity, OnlyWhenAskedAndNotWhenCancelled) {
    const GradflowConfig config = config_of("tanh", 5, 16, 128, 1.0);
    const GradflowResult plain = simulate_gradient_flow(config);
    EXPECT_FALSE(plain.density);
    const GradflowResult counted = run_with_density(config, 1);
    ASSERT_EQ(plain.layers.size(), counted.layers.size());
    for (size_t l = 0; l < plain.layers.size(); ++l) {  // counting changes no statistic
        EXPECT_EQ(plain.layers[l].weight_grad_norm, counted.layers[l].weight_grad_norm);
        EXPECT_EQ(plain.layers[l].saturated_fraction, counted.layers[l].saturated_fraction);
    }
    std::atomic<bool> cancel{true};
    GradflowControl control;
    control.density = true;
    control.cancel = &cancel;
    const GradflowResult cancelled = simulate_gradient_flow(config, control);
    EXPECT_TRUE(cancelled.cancelled);
    EXPECT_FALSE(cancelled.density);
}

TEST(GradflowDensity, BinaryExponentsOfEdgeValues) {
    const double values[] = {1.0, 1.5, 2.0, 0.75, 4.9e-324, -3.0, 0.0, INFINITY, NAN};
    std::vector<std::int64_t> bins(highest_exponent<double>() - lowest_exponent<double>() + 1, 0);
    std::int64_t zero = 0, nonfinite = 0;
    count_magnitudes<double>(values, 9, lowest_exponent<double>(), bins.data(), zero, nonfinite);
    auto at = [&](int e) { return bins[static_cast<size_t>(e - lowest_exponent<double>())]; };
    EXPECT_EQ(at(0), 2);       // 1, 1.5
    EXPECT_EQ(at(1), 2);       // 2, −3
    EXPECT_EQ(at(-1), 1);      // 0.75
    EXPECT_EQ(at(-1074), 1);   // the smallest denormal
    EXPECT_EQ(zero, 1);
    EXPECT_EQ(nonfinite, 2);
    const float small[] = {1e-45f, 3.0e38f, 0.5f};
    std::vector<std::int64_t> fbins(highest_exponent<float>() - lowest_exponent<float>() + 1, 0);
    count_magnitudes<float>(small, 3, lowest_exponent<float>(), fbins.data(), zero, nonfinite);
    EXPECT_EQ(fbins[0], 1);                                        // 2^−149
    EXPECT_EQ(fbins[static_cast<size_t>(127 + 149)], 1);           // 3e38 < 2^128
    EXPECT_EQ(fbins[static_cast<size_t>(-1 + 149)], 1);
}

}  // namespace
}  // namespace actviz
