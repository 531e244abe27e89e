// The classifier's network: the vectorised activation kernels agree with the catalogue, backprop
// agrees with central finite differences for every activation (with and without the extra
// features, with and without L2/L1 and PReLU's learned α), float32 passes agree with double ones,
// and changing an activation never touches the weights.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "core/dataset.hpp"
#include "core/layer_kernel.hpp"
#include "core/loss.hpp"
#include "core/mlp.hpp"
#include "core/mlp_pass.hpp"

namespace actviz {
namespace {

TEST(LayerKernel, FastPathsAgreeWithTheCatalogue) {
    std::vector<double> xs;
    for (double x = -40; x <= 40; x += 0.0137) xs.push_back(x);
    for (double x : {0.0, -0.0, 1e-300, -1e-20, 1e-8, 0.0625, -0.0625, 0.06249999, 400.0, -800.0, 1e308})
        xs.push_back(x);
    for (const char* name : {"tanh", "relu", "leaky_relu", "prelu", "sigmoid", "gelu", "hardtanh"}) {
        const Activation& activation = *find_activation(name);
        ParameterValues p = activation.defaults();
        if (activation.parameter_count > 0 && activation.name != std::string_view("hardtanh")) p[0] = 0.3;
        const detail::LayerKernel<double> kernel(activation, p);
        std::vector<double> f(xs.size()), df(xs.size());
        kernel.apply(xs.data(), f.data(), df.data(), static_cast<Eigen::Index>(xs.size()));
        for (size_t i = 0; i < xs.size(); ++i) {
            const double want_f = activation.f(xs[i], p), want_df = activation.df(xs[i], p);
            // f to 1e-13 relative; f′ to 1e-12 relative or 4e-16 absolute (the catalogue's 1 − tanh² is
            // itself only exact to ~1e-16 absolute where tanh → ±1).
            EXPECT_LE(std::fabs(f[i] - want_f), 1e-13 * std::fabs(want_f) + 1e-300) << name << " f at " << xs[i];
            EXPECT_LE(std::fabs(df[i] - want_df), 1e-12 * std::fabs(want_df) + 4e-16) << name << " f' at " << xs[i];
        }
    }
}

TEST(LayerKernel, FloatSmoothPathsAgreeWithTheCatalogue) {
    // ELU, SiLU and GELU have float32 vector paths (float_smooth_kernels.hpp); odd sizes exercise the tail.
    std::vector<float> xs;
    for (float x = -12; x <= 12; x += 0.0173f) xs.push_back(x);
    for (float x : {0.0f, -0.0f, 1e-30f, -1e-6f, 0.0625f, -0.0625f, -0.0624f, 60.0f, -90.0f}) xs.push_back(x);
    for (const char* name : {"elu", "silu", "gelu"}) {
        const Activation& activation = *find_activation(name);
        ParameterValues p = activation.defaults();
        if (activation.parameter_count > 0) p[0] = 0.3;
        const detail::LayerKernel<float> kernel(activation, p);
        std::vector<float> f(xs.size()), df(xs.size());
        kernel.apply(xs.data(), f.data(), df.data(), static_cast<Eigen::Index>(xs.size()));
        for (size_t i = 0; i < xs.size(); ++i) {
            const double want_f = activation.f(xs[i], p), want_df = activation.df(xs[i], p);
            // float: a few ulp relative, or ~1e-7 absolute in Φ where GELU's 1 + erf cancels (f = x·Φ).
            const double absolute = 1.5e-7 * (1 + std::fabs(xs[i]));
            EXPECT_LE(std::fabs(f[i] - want_f), 2e-6 * std::fabs(want_f) + absolute) << name << " f at " << xs[i];
            EXPECT_LE(std::fabs(df[i] - want_df), 2e-6 * std::fabs(want_df) + absolute) << name << " f' at " << xs[i];
        }
    }
    const float nan = std::numeric_limits<float>::quiet_NaN();
    for (const char* name : {"elu", "silu", "gelu"}) {
        const detail::LayerKernel<float> kernel(*find_activation(name), find_activation(name)->defaults());
        std::vector<float> u(8, nan), f(8), df(8);
        kernel.apply(u.data(), f.data(), df.data(), 8);
        EXPECT_TRUE(std::isnan(f[3])) << name;
    }
}

TEST(LayerKernel, PropagatesNanAndHandlesInfinity) {
    const detail::LayerKernel<double> tanh_kernel(*find_activation("tanh"), {});
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    std::vector<double> u{nan, inf, -inf, 0.5, nan}, f(5), df(5);
    tanh_kernel.apply(u.data(), f.data(), df.data(), 5);
    EXPECT_TRUE(std::isnan(f[0]));
    EXPECT_TRUE(std::isnan(f[4]));
    EXPECT_EQ(f[1], 1.0);
    EXPECT_EQ(f[2], -1.0);
    EXPECT_NEAR(df[1], 0.0, 1e-300);
}

ModelConfig small_model(const Activation& activation, const ParameterValues& p, bool features) {
    ModelConfig model;
    model.hidden = {4, 3};
    model.classes = 3;
    model.activations = {{&activation, p}};
    model.features = features ? FeatureSet{true, true, true, true, true} : FeatureSet{};
    model.gain = 1.5;  // spreads the pre-activations over the interesting part of every activation
    model.bias = 0.1;
    return model;
}

struct Objective {
    Matrix input;
    std::vector<int> labels;
    double l2 = 0, l1 = 0;

    double value(const Mlp& mlp, PassWorkspace<double>& work) const {
        forward<double>(mlp, input, work);
        return softmax_cross_entropy<double>(work.logits(), labels).loss + weight_penalty(mlp, l2, l1);
    }
    Vector gradient(const Mlp& mlp, PassWorkspace<double>& work) const {
        forward<double>(mlp, input, work);
        softmax_cross_entropy<double>(work.logits(), labels, &work.dlogits());
        backward<double>(mlp, input, work);
        Vector g = work.gradient;
        add_penalty_gradient(mlp, l2, l1, g);
        return g;
    }
};

Objective make_objective(const Mlp& mlp, std::uint64_t seed) {
    DatasetConfig data;
    data.kind = DatasetKind::Gaussians;
    data.classes = 3;
    data.points = 9;
    data.noise = 0.6;
    data.test_ratio = 0;
    data.seed = seed;
    const Dataset points = make_dataset(data);
    Objective objective;
    Matrix xy(2, static_cast<Eigen::Index>(points.train.size()));
    for (size_t i = 0; i < points.train.size(); ++i) {
        xy(0, static_cast<Eigen::Index>(i)) = 1.5 * points.train[i].x;
        xy(1, static_cast<Eigen::Index>(i)) = 1.5 * points.train[i].y;
        objective.labels.push_back(points.train[i].label);
    }
    objective.input.resize(mlp.input_size(), xy.cols());
    expand_features(mlp.config().features, xy, objective.input);
    return objective;
}

// Distance from any hidden pre-activation to the activation's nearest kink (∞ for smooth ones).
double kink_distance(const Mlp& mlp, const Objective& objective, PassWorkspace<double>& work) {
    forward<double>(mlp, objective.input, work);
    double distance = std::numeric_limits<double>::infinity();
    for (int h = 0; h < mlp.hidden_count(); ++h) {
        for (double kink : mlp.activation(h).kinks(mlp.activation_parameters(h))) {
            distance = std::min(distance, (work.z[static_cast<size_t>(h)].array() - kink).abs().minCoeff());
        }
    }
    return distance;
}

void check_backprop(const Activation& activation, const ParameterValues& p, bool features, double l2, double l1) {
    // A seed whose pre-activations all keep clear of the kinks: finite differences are meaningless across a kink.
    for (std::uint64_t seed = 0; seed < 50; ++seed) {
        ModelConfig model = small_model(activation, p, features);
        model.seed = seed;
        Mlp mlp(model);
        Objective objective = make_objective(mlp, seed);
        objective.l2 = l2;
        objective.l1 = l1;
        PassWorkspace<double> work;
        work.resize(mlp, objective.input.cols());
        if (kink_distance(mlp, objective, work) < 1e-3) continue;
        const Vector analytic = objective.gradient(mlp, work);
        const double h = 1e-6;
        double worst = 0;
        for (Eigen::Index i = 0; i < mlp.parameters().size(); ++i) {
            const double saved = mlp.parameters()[i];
            mlp.parameters()[i] = saved + h;
            const double up = objective.value(mlp, work);
            mlp.parameters()[i] = saved - h;
            const double down = objective.value(mlp, work);
            mlp.parameters()[i] = saved;
            const double numeric = (up - down) / (2 * h);
            // L1's |w| has a kink at 0: no weight sits there after a random init.
            const double error = std::fabs(analytic[i] - numeric) / std::max(1.0, std::fabs(numeric));
            worst = std::max(worst, error);
        }
        EXPECT_LT(worst, 2e-7) << activation.name << (features ? " with features" : "") << " l2=" << l2 << " l1=" << l1
                               << " seed " << seed;
        return;
    }
    ADD_FAILURE() << activation.name << ": no seed kept the pre-activations away from the kinks";
}

TEST(MlpBackprop, MatchesCentralFiniteDifferencesForEveryActivation) {
    for (const Activation& activation : activations()) {
        // A non-default parameter setting where there is one (PReLU's α is learned: its gradient is checked too).
        ParameterValues p = activation.defaults();
        for (int i = 0; i < activation.parameter_count; ++i) {
            p[i] = activation.parameters[i].default_value +
                   0.3 * (activation.parameters[i].max - activation.parameters[i].default_value);
        }
        if (activation.invalid_reason(p)) p = activation.defaults();
        check_backprop(activation, p, false, 0, 0);
        check_backprop(activation, p, true, 0, 0);
        check_backprop(activation, p, true, 0.3, 0);
    }
}

TEST(MlpBackprop, IncludesL1AndPreluAlphaGradients) {
    const Activation& prelu = *find_activation("prelu");
    check_backprop(prelu, {0.25, 0}, true, 0.1, 0.05);
    // The α gradient itself is non-zero (so the check above covers it).
    Mlp mlp(small_model(prelu, {0.25, 0}, false));
    Objective objective = make_objective(mlp, 3);
    PassWorkspace<double> work;
    work.resize(mlp, objective.input.cols());
    const Vector g = objective.gradient(mlp, work);
    EXPECT_NE(g[mlp.layout().alpha_offset], 0.0);
    EXPECT_NE(g[mlp.layout().alpha_offset + 1], 0.0);
}

TEST(MlpPass, Float32AgreesWithFloat64) {
    Mlp mlp(small_model(*find_activation("tanh"), {}, true));
    const Objective objective = make_objective(mlp, 1);
    PassWorkspace<double> wd;
    wd.resize(mlp, objective.input.cols());
    const Vector exact = objective.gradient(mlp, wd);
    PassWorkspace<float> wf;
    wf.resize(mlp, objective.input.cols());
    const MatrixF input = objective.input.cast<float>();
    forward<float>(mlp, input, wf);
    softmax_cross_entropy<float>(wf.logits(), objective.labels, &wf.dlogits());
    backward<float>(mlp, input, wf);
    EXPECT_LT((wf.gradient.cast<double>() - exact).norm(), 1e-5 * exact.norm());
}

TEST(Mlp, LayoutHoldsWeightsThenBiasesThenOneAlphaPerHiddenLayer) {
    ModelConfig model = small_model(*find_activation("relu"), {}, true);  // 7 inputs → 4 → 3 → 3
    const Mlp mlp(model);
    EXPECT_EQ(mlp.input_size(), 7);
    EXPECT_EQ(mlp.layout().weight_count, 7 * 4 + 4 * 3 + 3 * 3);
    EXPECT_EQ(mlp.layout().size, mlp.layout().weight_count + 4 + 3 + 3 + 2);
    EXPECT_EQ(mlp.weight(1).rows(), 3);
    EXPECT_EQ(mlp.weight(1).cols(), 4);
    EXPECT_TRUE((mlp.bias(0).array() == 0.1).all());
    EXPECT_TRUE((mlp.bias(2).array() == 0.0).all());  // the output bias starts at 0
}

TEST(Mlp, ZeroHiddenLayersIsSoftmaxRegression) {
    ModelConfig model;
    model.hidden = {};
    model.classes = 2;
    const Mlp mlp(model);
    EXPECT_EQ(mlp.layer_count(), 1);
    EXPECT_EQ(mlp.layout().size, 2 * 2 + 2);
}

TEST(Mlp, ChangingTheActivationKeepsTheWeightsAndResetRedrawsThem) {
    Mlp mlp(small_model(*find_activation("tanh"), {}, false));
    const Vector initial = mlp.parameters();
    mlp.parameters()[0] += 1.0;
    const Vector trained = mlp.parameters();
    mlp.set_activation(-1, {find_activation("leaky_relu"), {0.2, 0}});
    mlp.set_activation(1, {find_activation("gelu"), {}});
    EXPECT_EQ(mlp.parameters(), trained);
    EXPECT_EQ(mlp.activation(0).name, "leaky_relu");
    EXPECT_EQ(mlp.activation(1).name, "gelu");
    mlp.set_activation(-1, {find_activation("prelu"), {0.3, 0}});
    EXPECT_EQ(mlp.parameters().head(mlp.layout().alpha_offset), trained.head(mlp.layout().alpha_offset));
    EXPECT_DOUBLE_EQ(mlp.alpha(0), 0.3);
    mlp.initialise();
    EXPECT_EQ(mlp.parameters().head(mlp.layout().weight_count), initial.head(mlp.layout().weight_count));
}

TEST(Mlp, InactivityRuleIsDeadForHardZerosAndSaturatedOtherwise) {
    EXPECT_EQ(inactivity_rule(*find_activation("relu"), {}).kind, InactivityKind::Dead);
    EXPECT_EQ(inactivity_rule(*find_activation("hardtanh"), find_activation("hardtanh")->defaults()).kind, InactivityKind::Dead);
    EXPECT_EQ(inactivity_rule(*find_activation("leaky_relu"), {0.0, 0}).kind, InactivityKind::Dead);
    const InactivityRule tanh_rule = inactivity_rule(*find_activation("tanh"), {});
    EXPECT_EQ(tanh_rule.kind, InactivityKind::Saturated);
    EXPECT_NEAR(tanh_rule.threshold, 0.01, 1e-9);  // max tanh′ = 1
    EXPECT_NEAR(inactivity_rule(*find_activation("sigmoid"), {}).threshold, 0.0025, 1e-9);
    EXPECT_EQ(tanh_rule.statistic(), "saturated");
    // Leaky ReLU (0 < α < 1): inactive on the negative side, where the slope is α rather than 1.
    const InactivityRule leaky = inactivity_rule(*find_activation("leaky_relu"), {0.1, 0});
    EXPECT_EQ(leaky.kind, InactivityKind::NegativeSide);
    EXPECT_LT(0.1, leaky.limit<double>());
    EXPECT_GT(1.0, leaky.limit<double>());
    EXPECT_EQ(leaky.statistic(), "negative-side");
}

}  // namespace
}  // namespace actviz
