#pragma once
// The evidence behind the words the property table uses, computed for the parameters in use
// rather than stated once per function: a student can check each claim against the curve.
//   zero-centred  how far from zero the mean output is for standard-normal inputs, E f(Z),
//                 Z ~ N(0, 1): tanh 0, sigmoid 0.5, ReLU 1/√(2π) ≈ 0.399, GELU 1/(2√π) ≈ 0.282.
//   smooth        f′ continuous everywhere (C¹): ELU with α = 1 is, with any other α it is not.
//   monotone      f′ ≥ 0 over the searched interval (SiLU and GELU dip below zero for x < 0).
//   flat          where |f′| < share · max|f′| (saturated) or f′ = 0 exactly (dead), as intervals
//                 whose ends are found to ~1e-12 (sigmoid at 1%: |x| > 5.99; at |f′| < 0.01
//                 absolute it would be 4.6, which is 4% of sigmoid's peak 0.25).

#include <vector>

#include "core/activation.hpp"

namespace actviz {

enum class FlatKind { Saturated, Dead };

// An interval of the searched range; an end that is the range's own edge stands for ±∞ (the
// function keeps its behaviour beyond it for every catalogue entry).
struct FlatInterval {
    FlatKind kind;
    double from, to;
    bool to_minus_infinity = false, to_plus_infinity = false;
};

struct ShapeEvidence {
    double mean_output = 0;        // E f(Z), Z ~ N(0, 1)
    bool continuous_slope = true;  // f and f′ continuous at every kink
    double slope_jump_at = 0;      // where f′ (or f) jumps first, when not continuous
    double slope_left = 0, slope_right = 0;  // f′ just left and right of that point
    bool monotone = true;          // f′ ≥ 0 on the searched range
    double min_slope = 0, min_slope_at = 0;  // the lowest f′ there and where
    std::vector<FlatInterval> flat;          // ascending, saturated and dead intervals
};

// `share`: saturated below share · max|f′| (max over the same range, actviz::analyse).
ShapeEvidence shape_evidence(const Activation& activation, const ParameterValues& p, double share, double lo = -10,
                             double hi = 10);

}  // namespace actviz
