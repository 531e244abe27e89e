// The property table's row (core/activation_properties.hpp, core/property_text.hpp): f′ written out
// for every activation, "can die" read from each function's own f′ (checked against an independent
// dense sampling of f′ and against parameters that change the answer), and the cells' wording.

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/activation_properties.hpp"
#include "core/property_text.hpp"

namespace actviz {
namespace {

// An independent reading of "f′ = 0 on an interval": three neighbouring points of a 0.001 grid over
// [−10, 10] where f′ is exactly 0. An isolated zero (hardswish′(−1.5) = 0) has non-zero neighbours.
bool zero_slope_on_some_interval(const Activation& activation, const ParameterValues& p) {
    constexpr int kSteps = 20000;
    int run = 0;
    for (int i = 0; i <= kSteps; ++i) {
        const double x = -10 + 20.0 * i / kSteps;
        run = activation.df(x, p) == 0 ? run + 1 : 0;
        if (run >= 3) return true;
    }
    return false;
}

TEST(ActivationProperties, EveryActivationWritesItsDerivativeOut) {
    for (const Activation& activation : activations()) {
        const std::string derivative(activation.derivative_formula);
        EXPECT_FALSE(derivative.empty()) << activation.name;
        EXPECT_NE(derivative.find("′"), std::string::npos) << activation.name << ": " << derivative;
        EXPECT_NE(derivative, std::string(activation.formula)) << activation.name;
    }
}

TEST(ActivationProperties, CanDieExactlyWhereTheSlopeIsZeroOnAnInterval) {
    int dying = 0;
    for (const Activation& activation : activations()) {
        const ParameterValues p = activation.defaults();
        const bool expected = zero_slope_on_some_interval(activation, p);
        const ActivationProperties properties = activation_properties(activation, p, 0.01);
        EXPECT_EQ(properties.can_die, expected) << activation.name;
        // The catalogue's hand-written flag agrees at the defaults: a third opinion.
        EXPECT_EQ(properties.can_die, activation.properties.can_die) << activation.name;
        dying += properties.can_die;
    }
    // ReLU, ReLU6, softshrink, hardshrink, hardtanh, hardsigmoid, hardswish, threshold, step.
    EXPECT_EQ(dying, 9);
    for (const char* name : {"relu", "relu6", "hardtanh", "hardsigmoid", "hardswish", "step"}) {
        EXPECT_TRUE(activation_properties(*find_activation(name), find_activation(name)->defaults(), 0.01).can_die)
            << name;
    }
    for (const char* name : {"identity", "sigmoid", "tanh", "leaky_relu", "elu", "gelu", "silu", "softplus"}) {
        EXPECT_FALSE(activation_properties(*find_activation(name), find_activation(name)->defaults(), 0.01).can_die)
            << name;
    }
}

TEST(ActivationProperties, CanDieFollowsTheParametersNotTheName) {
    // Leaky ReLU with α = 0 is ReLU: its negative side has f′ = 0 and its units can die.
    const Activation& leaky = *find_activation("leaky_relu");
    EXPECT_TRUE(activation_properties(leaky, {0.0, 0}, 0.01).can_die);
    EXPECT_TRUE(zero_slope_on_some_interval(leaky, {0.0, 0}));
    // Softshrink with λ = 0 is the identity but at x = 0: f′ = 0 at one point, no interval.
    const Activation& softshrink = *find_activation("softshrink");
    EXPECT_FALSE(activation_properties(softshrink, {0.0, 0}, 0.01).can_die);
    EXPECT_FALSE(zero_slope_on_some_interval(softshrink, {0.0, 0}));
    // Hardswish′ = x/3 + ½ crosses 0 at x = −1.5 (a grid point of the search): isolated, not an interval;
    // what makes hardswish die is x ≤ −3.
    const Activation& hardswish = *find_activation("hardswish");
    EXPECT_EQ(hardswish.df(-1.5, {}), 0.0);
    const ActivationProperties h = activation_properties(hardswish, {}, 0.01);
    ASSERT_FALSE(h.shape.flat.empty());
    EXPECT_EQ(h.shape.flat.front().kind, FlatKind::Dead);
    EXPECT_TRUE(h.shape.flat.front().to_minus_infinity);
    EXPECT_NEAR(h.shape.flat.front().to, -3.0, 1e-9);
    // The table writes that zero as the point it is.
    EXPECT_NE(flat_text(h.shape.flat).find("x = -1.5 (f′ = 0)"), std::string::npos) << flat_text(h.shape.flat);
}

TEST(PropertyText, CellsReadAsAStudentWritesThem) {
    const Activation& sigmoid = *find_activation("sigmoid");
    const ActivationProperties s = activation_properties(sigmoid, {}, 0.01);
    // σ′ = 1% of its peak at |x| = ln((1 + √0.99)/(1 − √0.99)) = 5.9895…
    EXPECT_EQ(flat_text(s.shape.flat), "|x| > 5.99");
    EXPECT_EQ(where_text(s.figures.max_abs_derivative), "x = 0");
    EXPECT_EQ(mean_text(s.shape.mean_output), "0.5");
    EXPECT_EQ(smooth_text(s.shape), "yes");

    const ActivationProperties relu = activation_properties(*find_activation("relu"), {}, 0.01);
    EXPECT_EQ(flat_text(relu.shape.flat), "x < 0 (f′ = 0)");
    EXPECT_EQ(where_text(relu.figures.max_abs_derivative), "(0, ∞)");
    EXPECT_EQ(mean_text(relu.shape.mean_output), "0.399");  // 1/√(2π)
    EXPECT_EQ(smooth_text(relu.shape), "no, x = 0");

    const ActivationProperties tanh = activation_properties(*find_activation("tanh"), {}, 0.01);
    EXPECT_EQ(mean_text(tanh.shape.mean_output), "0: yes");
    EXPECT_EQ(flat_text(activation_properties(*find_activation("identity"), {}, 0.01).shape.flat), "nowhere");
    EXPECT_EQ(flat_text(activation_properties(*find_activation("step"), {}, 0.01).shape.flat), "everywhere (f′ = 0)");
}

}  // namespace
}  // namespace actviz
