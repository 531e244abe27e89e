#pragma once
// What an activation costs on this machine, measured rather than quoted: the time to evaluate f and
// f′ together over an array by the very kernels training runs (float32, detail::LayerKernel<float>:
// SIMD for sigmoid, tanh, the ReLU family, identity, ELU, SiLU and GELU; every other activation
// through the catalogue's scalar double functions, rounded), per element. A time budget bounds the
// measurement, so a page can measure the whole catalogue between frames or on a worker.

#include <Eigen/Core>

#include "core/activation.hpp"

namespace actviz {

inline constexpr Eigen::Index kCostElements = Eigen::Index{1} << 16;  // 256 KiB a buffer in float: in L2
inline constexpr int kCostMinRepetitions = 3;     // a median needs a few, whatever the budget
inline constexpr int kCostMaxRepetitions = 1000;  // beyond this the median no longer moves

struct ActivationCost {
    double ns_per_element = 0;  // the median repetition's time / elements (one f and one f′ each)
    int repetitions = 0;        // timed repetitions behind the median (after one untimed warm-up)
    // A SIMD kernel, or the catalogue's scalar double functions element by element: ReLU6 costs 30×
    // ReLU here because it has no kernel of its own, not because min(max(0, x), 6) is dear.
    bool vectorised = false;
};

// Evaluates the activation over `elements` pre-activations drawn once from N(0, 2²) with a fixed seed
// (both sides of every kink and the saturated tails, in an order a branch predictor cannot learn),
// repeatedly until `budget_seconds` is spent (kCostMinRepetitions at least, kCostMaxRepetitions at
// most), and returns the median time. Timings vary with the machine's load; the median of many
// repetitions is what is stable, and only ratios measured in one run are worth comparing.
ActivationCost measure_activation_cost(const Activation& activation, const ParameterValues& p, double budget_seconds,
                                       Eigen::Index elements = kCostElements);

}  // namespace actviz
