#pragma once
// When a hidden unit counts as inactive at one input: the dead-ReLU statistic of the classifier.
//   dead mode        f′(z) = 0 exactly (ReLU for z ≤ 0, hardtanh outside (min, max), leaky ReLU with α = 0, ...):
//                    the unit passes no gradient back at all.
//   saturation mode  for activations without a zero-derivative region (tanh, sigmoid, GELU, ...):
//                    |f′(z)| < 1% of max|f′|, the unit passes almost none.
//   negative side    leaky ReLU and PReLU with 0 < |α| < 1: z < 0, where the slope is α rather than 1 —
//                    where a ReLU would be dead. A unit there at every point is the one a ReLU
//                    network would have lost; the leaky slope lets it climb back, and the count
//                    shows it happen (the same count as ReLU's dead units across a switch).
// A unit is dead (saturated, on its negative side) when it is so at every training point.

#include <limits>
#include <string_view>

#include "core/activation.hpp"

namespace actviz {

inline constexpr double kSaturatedDerivativeShare = 0.01;  // of max|f′|

enum class InactivityKind { Dead, Saturated, NegativeSide };

struct InactivityRule {
    InactivityKind kind = InactivityKind::Dead;
    double threshold = 0;  // saturated and negative side: inactive when |f′| < threshold
    // 1% of max|f′| in every mode: 0 < |f′| < saturated_below is the saturated zone, the one word the
    // Activations page shades and the units-on-the-curve histograms count (z_histogram.hpp), even for
    // an activation whose unit statistic is death (ReLU: none) or the negative side.
    double saturated_below = 0;

    // |f′| below this is inactive; in dead mode the smallest positive number, i.e. f′ == 0.
    template <typename T>
    T limit() const {
        return kind == InactivityKind::Dead ? std::numeric_limits<T>::denorm_min() : static_cast<T>(threshold);
    }
    std::string_view statistic() const {
        return kind == InactivityKind::Dead ? "dead" : kind == InactivityKind::Saturated ? "saturated" : "negative-side";
    }
};

// Dead mode when f′ is exactly 0 somewhere on [−10, 10] (sampled with the kinks); negative side
// for the leaky family with 0 < |α| < 1; otherwise saturation mode with 1% of max|f′|
// (actviz::analyse) as the threshold. Costs ~0.1 ms: cache it.
InactivityRule inactivity_rule(const Activation& activation, const ParameterValues& p);

}  // namespace actviz
