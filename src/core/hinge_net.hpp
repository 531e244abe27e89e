#pragma once
// "ReLU networks are piecewise linear", in one dimension: a 1 → k → 1 network
//   f(x) = c + Σ_i v_i · relu(w_i x + b_i)
// whose unit i contributes a hinge at x = −b_i / w_i: zero on one side, a straight line of slope
// v_i · w_i on the other. The sum of k hinges is a piecewise-linear function with at most k kinks —
// the chapters' worked example builds a bump from three of them. Fitting it to a target curve by
// gradient descent moves the hinges to where the target bends.

#include <string_view>
#include <vector>

namespace actviz {

struct HingeUnit {
    double w = 1, b = 0, v = 1;  // input weight, bias, output weight
    double hinge() const { return w != 0 ? -b / w + 0.0 : 0; }  // where the unit switches on (w = 0: nowhere); never −0
    double contribution(double x) const;                  // v · relu(w x + b)
};

struct HingeNet {
    std::vector<HingeUnit> units;
    double c = 0;  // output bias
    double operator()(double x) const;
};

inline constexpr int kMaxHingeUnits = 8;
inline constexpr double kHingeRange = 3.0;  // the fit and the view cover x in [−3, 3]

enum class HingeTarget { Bump, Abs, Square, Sine };
inline constexpr std::string_view kHingeTargetNames[] = {"bump max(0, 1 − |x|)", "|x|", "x² / 3", "sin(x)"};
double hinge_target(HingeTarget target, double x);

// The worked example: hinges at −1, 0 and 1 with output weights 1, −2, 1 sum to max(0, 1 − |x|).
HingeNet bump_example();
// k units with hinges spread over the range and small output weights: a start for fitting.
HingeNet spread_hinges(int units);

// One full-batch gradient-descent step on the mean squared error against `target` over `samples`
// evenly spaced points of [−kHingeRange, kHingeRange]; returns the error before the step.
double hinge_fit_step(HingeNet& net, HingeTarget target, double learning_rate, int samples = 121);
double hinge_fit_error(const HingeNet& net, HingeTarget target, int samples = 121);

}  // namespace actviz
