#include "core/activity.hpp"

#include <algorithm>
#include <cmath>

#include "core/activation_analysis.hpp"

namespace actviz {

InactivityRule inactivity_rule(const Activation& activation, const ParameterValues& p) {
    const std::string_view name = activation.name;
    // The leaky family is the common case and changes with every PReLU step: answer it directly.
    if (name == "leaky_relu" || name == "prelu") {
        if (p[0] == 0) return {false, 0};
        return {true, kSaturatedDerivativeShare * std::max(1.0, std::fabs(p[0]))};
    }
    const CurveSamples curve = sample_curve(activation, p, -10, 10, 2001);
    if (std::any_of(curve.df.begin(), curve.df.end(), [](double d) { return d == 0; })) return {false, 0};
    const double peak = std::fabs(analyse(activation, p).max_abs_derivative.value);
    return {true, kSaturatedDerivativeShare * peak};
}

}  // namespace actviz
