#include "core/activity.hpp"

#include <algorithm>
#include <cmath>

#include "core/activation_analysis.hpp"
#include "core/curve_memo.hpp"

namespace actviz {

InactivityRule inactivity_rule(const Activation& activation, const ParameterValues& p) {
    const std::string_view name = activation.name;
    // The leaky family is the common case and changes with every PReLU step: answer it directly.
    if (name == "leaky_relu" || name == "prelu") {
        const double slope = std::fabs(p[0]);
        const double saturated_below = kSaturatedDerivativeShare * std::max(slope, 1.0);
        if (slope == 0) return {InactivityKind::Dead, 0, saturated_below};
        // Between the two slopes: below it is the negative side (|f′| = |α|), above it z > 0 (1).
        if (slope < 1) return {InactivityKind::NegativeSide, (1 + slope) / 2, saturated_below};
        return {InactivityKind::Saturated, saturated_below, saturated_below};
    }
    static CurveMemo<InactivityRule> memo;
    return memo.get(activation, p, [](const Activation& a, const ParameterValues& values) -> InactivityRule {
        const CurveSamples curve = sample_curve(a, values, -10, 10, 2001);
        const double saturated_below = kSaturatedDerivativeShare * std::fabs(analyse(a, values).max_abs_derivative.value);
        if (std::any_of(curve.df.begin(), curve.df.end(), [](double d) { return d == 0; })) {
            return {InactivityKind::Dead, 0, saturated_below};
        }
        return {InactivityKind::Saturated, saturated_below, saturated_below};
    });
}

}  // namespace actviz
