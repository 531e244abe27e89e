#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/activation.hpp"
#include "core/activation_analysis.hpp"
#include "core/activation_kernels.hpp"
#include "core/layer_kernel.hpp"

namespace actviz {
namespace {

ParameterValues parse_params(const Activation& activation, const std::string& text) {
    ParameterValues values = activation.defaults();
    std::stringstream list(text);
    std::string item;
    while (std::getline(list, item, ';')) {
        const auto eq = item.find('=');
        const int index = activation.parameter_index(item.substr(0, eq));
        EXPECT_GE(index, 0) << activation.name << " has no parameter " << item;
        if (index >= 0) values[index] = std::stod(item.substr(eq + 1));
    }
    return values;
}

// Relative 1e-12, with a floor of a few ulps of the input's scale: PyTorch's own float64 formulas
// cancel in places (σ′ = σ(1 − σ) at x = 30, 1 + erf(x) for x ≪ 0) where ours keep every digit.
bool agrees(double ours, double torch, double x) {
    if (std::isnan(torch)) return std::isnan(ours);
    if (std::isinf(torch)) return ours == torch;
    return std::fabs(ours - torch) <= 1e-12 * std::fabs(torch) + 1e-14 * std::max(1.0, std::fabs(x));
}

TEST(ActivationCatalogue, HasEveryPyTorchActivationUnderItsName) {
    const std::set<std::string> expected{
        "identity", "sigmoid",    "tanh",     "relu",       "leaky_relu", "elu",        "celu",
        "selu",     "gelu",       "gelu_tanh", "silu",      "swish",      "mish",       "softplus",
        "softsign", "hardtanh",   "hardsigmoid", "hardswish", "relu6",    "logsigmoid", "tanhshrink",
        "softshrink", "hardshrink", "threshold", "prelu",   "rrelu",      "step"};
    std::set<std::string> names;
    for (const Activation& activation : activations()) names.insert(std::string(activation.name));
    EXPECT_EQ(names, expected);
}

TEST(ActivationCatalogue, DefaultsArePyTorchsAndInsideTheirRanges) {
    EXPECT_DOUBLE_EQ(find_activation("leaky_relu")->defaults()[0], 0.01);
    EXPECT_DOUBLE_EQ(find_activation("elu")->defaults()[0], 1.0);
    EXPECT_DOUBLE_EQ(find_activation("prelu")->defaults()[0], 0.25);
    EXPECT_DOUBLE_EQ(find_activation("softplus")->defaults()[1], 20.0);
    EXPECT_DOUBLE_EQ(find_activation("softshrink")->defaults()[0], 0.5);
    EXPECT_DOUBLE_EQ(find_activation("rrelu")->defaults()[0], 1.0 / 8);
    EXPECT_DOUBLE_EQ(find_activation("rrelu")->defaults()[1], 1.0 / 3);
    for (const Activation& activation : activations()) {
        EXPECT_FALSE(activation.invalid_reason(activation.defaults())) << activation.name;
    }
}

TEST(ActivationCatalogue, RejectsParametersOutsideTheirRangesOrInconsistent) {
    const Activation& hardtanh = *find_activation("hardtanh");
    EXPECT_TRUE(hardtanh.invalid_reason({1.0, -1.0}));
    EXPECT_TRUE(hardtanh.invalid_reason({-1.0, NAN}));
    EXPECT_TRUE(find_activation("elu")->invalid_reason({0.0, 0.0}));  // α = 0 would divide by zero in celu-like use
    EXPECT_TRUE(find_activation("rrelu")->invalid_reason({0.5, 0.2}));
    EXPECT_EQ(find_activation("nope"), nullptr);
}

TEST(ActivationCatalogue, MatchesPyTorchFloat64ValuesAndAutogradDerivatives) {
    std::ifstream fixture(ACTVIZ_FIXTURES_DIR "/activations_torch.csv");
    ASSERT_TRUE(fixture) << "missing fixture; regenerate with tests/fixtures/make_fixtures.py";
    std::string line;
    std::getline(fixture, line);  // header
    int rows = 0;
    std::set<std::string> covered;
    while (std::getline(fixture, line)) {
        std::stringstream fields(line);
        std::string name, params, x_text, f_text, df_text;
        std::getline(fields, name, ',');
        std::getline(fields, params, ',');
        std::getline(fields, x_text, ',');
        std::getline(fields, f_text, ',');
        std::getline(fields, df_text, ',');
        const Activation* activation = find_activation(name);
        ASSERT_NE(activation, nullptr) << name;
        const ParameterValues p = parse_params(*activation, params);
        const double x = std::stod(x_text), f = std::stod(f_text), df = std::stod(df_text);
        const double our_f = activation->f(x, p), our_df = activation->df(x, p);
        EXPECT_TRUE(agrees(our_f, f, x)) << name << "(" << params << ") at x=" << x_text << ": f=" << our_f
                                         << " torch " << f_text;
        // PyTorch 1.13's float64 hardsigmoid backward multiplies by float32(1/6); ours is exact.
        const bool float32_sixth = name == "hardsigmoid" && df != 0;
        EXPECT_TRUE(float32_sixth ? std::fabs(our_df - df) < 1e-7 * df : agrees(our_df, df, x)) << name << "(" << params << ") at x=" << x_text << ": f'=" << our_df
                                           << " torch " << df_text;
        covered.insert(name);
        ++rows;
    }
    EXPECT_GT(rows, 3000);
    EXPECT_EQ(covered.size(), activations().size());
}

TEST(ActivationCatalogue, DerivativeMatchesACentralFiniteDifferenceAwayFromKinks) {
    for (const Activation& activation : activations()) {
        ParameterValues settings[2] = {activation.defaults(), activation.defaults()};
        // A second, non-default setting: the middle of each parameter's range (order kept valid).
        for (int i = 0; i < activation.parameter_count; ++i) {
            const Parameter& param = activation.parameters[i];
            settings[1][i] = param.default_value + 0.37 * (param.max - param.default_value);
        }
        if (activation.invalid_reason(settings[1])) settings[1] = activation.defaults();
        for (const ParameterValues& p : settings) {
            const std::vector<double> kinks = activation.kinks(p);
            for (double x = -7.9; x <= 7.9; x += 0.0731) {
                bool near_kink = false;
                for (double kink : kinks) near_kink |= std::fabs(x - kink) < 1e-3;
                if (near_kink) continue;
                const double h = 1e-6;
                const double numeric = (activation.f(x + h, p) - activation.f(x - h, p)) / (2 * h);
                EXPECT_NEAR(activation.df(x, p), numeric, 1e-6 * std::max(1.0, std::fabs(numeric)))
                    << activation.name << " at x=" << x;
            }
        }
    }
}

TEST(ActivationCatalogue, StaysFiniteAndPreciseForLargeInputs) {
    for (const Activation& activation : activations()) {
        const ParameterValues p = activation.defaults();
        for (double x : {-1e4, -1e3, -745.0, -100.0, 100.0, 745.0, 1e3, 1e4}) {
            EXPECT_TRUE(std::isfinite(activation.f(x, p))) << activation.name << " f at " << x;
            EXPECT_TRUE(std::isfinite(activation.df(x, p))) << activation.name << " f' at " << x;
        }
    }
    // The tails keep their relative precision instead of rounding to 0 or cancelling.
    EXPECT_NEAR(find_activation("sigmoid")->f(-700, {}) / std::exp(-700.0), 1.0, 1e-12);
    EXPECT_NEAR(find_activation("logsigmoid")->f(-1e4, {}), -1e4, 1e-9);
    EXPECT_NEAR(find_activation("softplus")->f(-50, find_activation("softplus")->defaults()), std::exp(-50.0),
                1e-30);
    EXPECT_DOUBLE_EQ(find_activation("mish")->f(1e4, {}), 1e4);
}

// The catalogue's guarantee: f and f′ are finite for every finite x, with any parameters in range.
// Inputs from 0 through tiny and huge to the largest double, of both signs.
std::vector<double> finite_extremes() {
    std::vector<double> xs;
    for (double magnitude : {0.0, 1e-300, 1e-10, 1.0, 10.0, 1e2, 1e10, 1e38, 1e155, 1e300, 1.79e308,
                             std::numeric_limits<double>::max()}) {
        xs.push_back(magnitude);
        xs.push_back(-magnitude);
    }
    return xs;
}

// Defaults, then each parameter alone at its minimum and its maximum, then all at their minima and
// all at their maxima; combinations the activation refuses (hardtanh min ≥ max) are left out.
std::vector<ParameterValues> parameter_extremes(const Activation& activation) {
    std::vector<ParameterValues> sets{activation.defaults()};
    ParameterValues all_min = activation.defaults(), all_max = activation.defaults();
    for (int i = 0; i < activation.parameter_count; ++i) {
        for (double value : {activation.parameters[i].min, activation.parameters[i].max}) {
            ParameterValues p = activation.defaults();
            p[i] = value;
            sets.push_back(p);
        }
        all_min[i] = activation.parameters[i].min;
        all_max[i] = activation.parameters[i].max;
    }
    if (activation.parameter_count > 1) sets.insert(sets.end(), {all_min, all_max});
    std::erase_if(sets, [&](const ParameterValues& p) { return activation.invalid_reason(p).has_value(); });
    return sets;
}

std::string describe(const Activation& activation, const ParameterValues& p, double x) {
    std::string text(activation.name);
    for (int i = 0; i < activation.parameter_count; ++i) {
        text += " " + std::string(activation.parameters[i].name) + "=" + std::to_string(p[i]);
    }
    char at[48];
    std::snprintf(at, sizeof at, " at x=%.17g", x);
    return text + at;
}

TEST(ActivationCatalogue, EveryValueAndDerivativeIsFiniteForEveryFiniteInput) {
    // `actviz eval gelu_tanh --x=1e155` and `eval swish --beta 10 --x=1.8e307` printed a NaN f′:
    // the polynomial factor overflowed to ∞ where σ′ had underflowed to 0.
    for (const Activation& activation : activations()) {
        for (const ParameterValues& p : parameter_extremes(activation)) {
            for (double x : finite_extremes()) {
                EXPECT_TRUE(std::isfinite(activation.f(x, p))) << describe(activation, p, x) << ": f = " << activation.f(x, p);
                EXPECT_TRUE(std::isfinite(activation.df(x, p))) << describe(activation, p, x) << ": f' = " << activation.df(x, p);
                EXPECT_TRUE(std::isfinite(second_derivative(activation, p, x)))
                    << describe(activation, p, x) << ": f'' = " << second_derivative(activation, p, x);
            }
        }
    }
    EXPECT_EQ(find_activation("gelu_tanh")->df(1e155, {}), 1.0);
    EXPECT_EQ(find_activation("swish")->df(1.8e307, {10.0}), 1.0);
}

// Every vector path (the layer kernels of the classifier, the activation kernels of gradient flow),
// in double and float32, on blocks long enough for whole SIMD packets and a scalar tail.
template <typename T, typename Kernel>
void expect_kernel_finite(const char* path, const Activation& activation, const ParameterValues& p) {
    const Kernel kernel(activation, p);
    for (double wide : finite_extremes()) {
        const T x = static_cast<T>(std::clamp(wide, -static_cast<double>(std::numeric_limits<T>::max()),
                                              static_cast<double>(std::numeric_limits<T>::max())));
        constexpr Eigen::Index kBlock = 37;  // > two packets of AVX-512 floats, plus a tail
        std::vector<T> u(kBlock, x), f(kBlock), df(kBlock);
        kernel.apply(u.data(), f.data(), df.data(), kBlock);
        for (Eigen::Index i = 0; i < kBlock; ++i) {
            ASSERT_TRUE(std::isfinite(f[i])) << path << " " << describe(activation, p, x) << ": f = " << f[i];
            ASSERT_TRUE(std::isfinite(df[i])) << path << " " << describe(activation, p, x) << ": f' = " << df[i];
        }
    }
}

TEST(ActivationCatalogue, VectorPathsAreFiniteForEveryFiniteInputInDoubleAndFloat) {
    for (const Activation& activation : activations()) {
        for (const ParameterValues& p : parameter_extremes(activation)) {
            expect_kernel_finite<double, detail::LayerKernel<double>>("LayerKernel<double>", activation, p);
            expect_kernel_finite<float, detail::LayerKernel<float>>("LayerKernel<float>", activation, p);
            expect_kernel_finite<double, detail::ActivationKernel<double>>("ActivationKernel<double>", activation, p);
            expect_kernel_finite<float, detail::ActivationKernel<float>>("ActivationKernel<float>", activation, p);
        }
    }
}

TEST(TextbookFigures, TanhIsAScaledShiftedSigmoid) {
    const Activation& sigmoid = *find_activation("sigmoid");
    const Activation& tanh_fn = *find_activation("tanh");
    for (double z = -6; z <= 6; z += 0.25) EXPECT_NEAR(tanh_fn.f(z, {}), 2 * sigmoid.f(2 * z, {}) - 1, 1e-15);
}

TEST(TextbookFigures, SigmoidDerivativePeaksAtAQuarterAtZero) {
    const Activation& sigmoid = *find_activation("sigmoid");
    const ActivationFigures figures = analyse(sigmoid, {});
    EXPECT_DOUBLE_EQ(figures.max_abs_derivative.value, 0.25);
    EXPECT_NEAR(figures.max_abs_derivative.x_from, 0.0, 1e-9);
    EXPECT_NEAR(figures.gradient_after_10_layers, 9.5367431640625e-07, 1e-18);  // 0.25^10
}

TEST(TextbookFigures, GeluMinimumIsAboutMinus0170NearMinus075) {
    for (const char* name : {"gelu", "gelu_tanh"}) {
        const ActivationFigures figures = analyse(*find_activation(name), {});
        EXPECT_NEAR(figures.min_value.value, -0.170, 0.0005) << name;
        EXPECT_NEAR(figures.min_value.x_from, -0.75, 0.01) << name;
        EXPECT_FALSE(figures.min_value.at_lower_edge);
    }
}

TEST(TextbookFigures, SwishMinimumIsAboutMinus0278) {
    const Activation& swish = *find_activation("swish");
    const ActivationFigures figures = analyse(swish, swish.defaults());
    EXPECT_NEAR(figures.min_value.value, -0.278, 0.0005);
    EXPECT_NEAR(figures.min_value.x_from, -1.278, 0.001);
}

TEST(Analysis, ReluDerivativePlateauIsOpenAtTheKinkAndRunsToTheEdge) {
    const ActivationFigures figures = analyse(*find_activation("relu"), {});
    EXPECT_DOUBLE_EQ(figures.max_abs_derivative.value, 1.0);
    EXPECT_DOUBLE_EQ(figures.max_abs_derivative.x_from, 0.0);
    EXPECT_TRUE(figures.max_abs_derivative.from_open);
    EXPECT_TRUE(figures.max_abs_derivative.at_upper_edge);
}

TEST(Analysis, SigmoidMinimumIsOnlyApproachedTowardsMinusInfinity) {
    const ActivationFigures figures = analyse(*find_activation("sigmoid"), {});
    EXPECT_TRUE(figures.min_value.at_lower_edge);
    EXPECT_TRUE(figures.min_value.is_limit);
    EXPECT_EQ(figures.min_value.value, 0.0);
}

TEST(Analysis, MinimaApproachedAtInfinityAreTheirLimitsNotTheSearchEdge) {
    auto minimum = [](const char* name, std::optional<double> first_parameter = std::nullopt) {
        const Activation& a = *find_activation(name);
        ParameterValues p = a.defaults();
        if (first_parameter) p[0] = *first_parameter;
        return analyse(a, p).min_value;
    };
    EXPECT_NEAR(minimum("tanh").value, -1.0, 1e-12);
    EXPECT_NEAR(minimum("elu", {2.0}).value, -2.0, 1e-12);                  // −α
    EXPECT_NEAR(minimum("selu").value, -1.0507009873554805 * 1.6732632423543772, 1e-9);  // −λα
    EXPECT_NEAR(minimum("softsign").value, -1.0, 1e-6);                     // approached like 1/x
    EXPECT_EQ(minimum("leaky_relu").value, -std::numeric_limits<double>::infinity());
    EXPECT_EQ(minimum("logsigmoid").value, -std::numeric_limits<double>::infinity());
    EXPECT_EQ(minimum("identity").value, -std::numeric_limits<double>::infinity());
    // Attained minima are untouched.
    EXPECT_FALSE(minimum("gelu").is_limit);
    EXPECT_NEAR(minimum("gelu").value, -0.170, 1e-3);
    EXPECT_FALSE(minimum("relu").is_limit);  // 0 on the whole plateau (−∞, 0]
    EXPECT_EQ(minimum("relu").value, 0.0);
}

TEST(Analysis, ZonesSeparateDeadFromSaturated) {
    const Activation& relu = *find_activation("relu");
    const DerivativeZones relu_zones = derivative_zones(sample_curve(relu, {}, -4, 4, 801), 0.01);
    ASSERT_EQ(relu_zones.dead.size(), 1u);
    EXPECT_DOUBLE_EQ(relu_zones.dead[0].from, -4);
    EXPECT_NEAR(relu_zones.dead[0].to, 0.0, 1e-6);  // the kink sample closes the dead zone at 0
    EXPECT_TRUE(relu_zones.saturated.empty());

    const Activation& sigmoid = *find_activation("sigmoid");
    const DerivativeZones sigmoid_zones = derivative_zones(sample_curve(sigmoid, {}, -10, 10, 2001), 0.01);
    EXPECT_TRUE(sigmoid_zones.dead.empty());
    ASSERT_EQ(sigmoid_zones.saturated.size(), 2u);  // both tails: σ′ < 0.01 beyond |x| ≈ 4.59
    EXPECT_NEAR(sigmoid_zones.saturated[0].to, -4.59, 0.01);
    EXPECT_NEAR(sigmoid_zones.saturated[1].from, 4.59, 0.01);
}

TEST(Analysis, CurveSamplesIncludeKinksSoJumpsStaySharp) {
    const Activation& step = *find_activation("step");
    const CurveSamples curve = sample_curve(step, {}, -1, 1, 10);  // 10 even points miss 0
    ASSERT_TRUE(std::is_sorted(curve.x.begin(), curve.x.end()));
    ASSERT_EQ(curve.x.size(), 12u);
    const auto at_zero = std::find(curve.x.begin(), curve.x.end(), 0.0) - curve.x.begin();
    ASSERT_LT(at_zero, 11);
    EXPECT_EQ(curve.f[at_zero], 0.0);
    EXPECT_EQ(curve.f[at_zero + 1], 1.0);  // just past the kink: the jump is vertical
    EXPECT_TRUE(sample_curve(step, {}, 1, -1, 10).x.empty());
}

TEST(Analysis, SecondDerivativeOfSigmoidMatchesItsClosedForm) {
    const Activation& sigmoid = *find_activation("sigmoid");
    for (double x = -5; x <= 5; x += 0.5) {
        const double s = sigmoid.f(x, {});
        EXPECT_NEAR(second_derivative(sigmoid, {}, x), s * (1 - s) * (1 - 2 * s), 1e-8);
    }
}

}  // namespace
}  // namespace actviz
