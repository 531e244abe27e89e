#pragma once
// When a hidden unit counts as inactive at one input: the dead-ReLU statistic of the classifier.
//   dead mode        f′(z) = 0 exactly (ReLU for z ≤ 0, hardtanh outside (min, max), leaky ReLU with α = 0, ...):
//                    the unit passes no gradient back at all.
//   saturation mode  for activations without a zero-derivative region (tanh, sigmoid, GELU, leaky ReLU with α > 0):
//                    |f′(z)| < 1% of max|f′|, the unit passes almost none.
// A unit is dead (or saturated) when it is inactive at every training point.

#include <limits>
#include <string_view>

#include "core/activation.hpp"

namespace actviz {

inline constexpr double kSaturatedDerivativeShare = 0.01;  // of max|f′|

struct InactivityRule {
    bool saturation = false;  // false: dead mode; true: saturation mode
    double threshold = 0;     // saturation mode: inactive when |f′| < threshold

    // |f′| below this is inactive; in dead mode the smallest positive number, i.e. f′ == 0.
    template <typename T>
    T limit() const {
        return saturation ? static_cast<T>(threshold) : std::numeric_limits<T>::denorm_min();
    }
    std::string_view statistic() const { return saturation ? "saturated" : "dead"; }
};

// Dead mode when f′ is exactly 0 somewhere on [−10, 10] (sampled with the kinks); otherwise
// saturation mode with 1% of max|f′| (actviz::analyse) as the threshold. Costs ~0.1 ms: cache it.
InactivityRule inactivity_rule(const Activation& activation, const ParameterValues& p);

}  // namespace actviz
