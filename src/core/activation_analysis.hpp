#pragma once
// Numbers about one activation with given parameters, over an x interval: where its derivative
// peaks, where it is lowest, how much gradient survives a stack of layers, where it saturates or
// dies. The Activations panel's property table and shading come from here.

#include <vector>

#include "core/activation.hpp"

namespace actviz {

// An extreme value and where it is reached. A flat extreme (relu′ = 1 on x > 0) is an interval;
// `at_lower_edge` / `at_upper_edge` mean the interval runs into the end of the search range,
// i.e. the value is approached towards −∞ / +∞ rather than attained inside.
struct Extremum {
    double value = 0;
    double x_from = 0, x_to = 0;         // equal for a single point
    bool from_open = false, to_open = false;  // the interval starts/ends just past a kink, e.g. (0, ∞)
    bool at_lower_edge = false, at_upper_edge = false;
    // The minimum of f sits at the edge of the search, i.e. is only approached as x → ±∞: `value`
    // is then that limit (sigmoid: 0, tanh: −1, ELU: −α, softsign: −1), or −∞ when f keeps falling
    // (leaky_relu, logsigmoid), never the arbitrary f(−10) of the search's edge.
    bool is_limit = false;
};

struct ActivationFigures {
    Extremum max_abs_derivative;  // max |f′|
    Extremum min_value;           // min f
    double gradient_after_10_layers;  // max|f′|^10: the chain-rule bound at the best point
};

// Searches [lo, hi] on a dense grid (with the kinks added), refined by golden-section search
// around an interior optimum.
ActivationFigures analyse(const Activation& activation, const ParameterValues& p, double lo = -10, double hi = 10);

// f″ by a central difference of the analytic f′ (there is no closed form for every activation);
// relative accuracy ~1e-7 away from kinks. A typed formula's f″ is exact (GiNaC's second derivative).
double second_derivative(const Activation& activation, const ParameterValues& p, double x);

// f and f′ sampled over [lo, hi] for plotting: `count` evenly spaced points plus every kink inside
// (and a point just past it, so jumps such as step's are drawn as jumps, not slopes). x ascending.
struct CurveSamples {
    std::vector<double> x, f, df;
};
CurveSamples sample_curve(const Activation& activation, const ParameterValues& p, double lo, double hi, int count);

// Where a sampled curve's derivative is exactly zero (dead: no gradient at all) and where it is
// nearly zero, 0 < |f′| < epsilon (saturated). Each sample stands for the span halfway to its
// neighbours; adjacent spans of one kind merge into one interval.
struct Interval {
    double from, to;
};
struct DerivativeZones {
    std::vector<Interval> saturated;
    std::vector<Interval> dead;
};
DerivativeZones derivative_zones(const CurveSamples& curve, double epsilon);

}  // namespace actviz
