#include "core/property_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace actviz {

std::string property_number(const char* format, double value) {
    char text[48];
    std::snprintf(text, sizeof text, format, std::fabs(value) < 5e-13 ? 0.0 : value);
    return text;
}

std::string where_text(const Extremum& e) {
    auto bound = [](double x, bool edge, bool lower) {
        return edge ? std::string(lower ? "−∞" : "∞") : property_number("%.3g", x);
    };
    if (e.x_from == e.x_to) {
        if (e.at_lower_edge) return "x → −∞";
        if (e.at_upper_edge) return "x → ∞";
        return "x = " + property_number("%.3g", e.x_from);
    }
    // Appended piece by piece: GCC 12 gives a false -Wrestrict for "(" + std::string.
    std::string interval = e.from_open || e.at_lower_edge ? "(" : "[";
    interval += bound(e.x_from, e.at_lower_edge, true);
    interval += ", ";
    interval += bound(e.x_to, e.at_upper_edge, false);
    interval += e.to_open || e.at_upper_edge ? ")" : "]";
    return interval;
}

std::string flat_text(const std::vector<FlatInterval>& flat) {
    if (flat.empty()) return "nowhere";
    std::string text;
    for (std::size_t i = 0; i < flat.size(); ++i) {
        const FlatInterval& piece = flat[i];
        std::string part;
        const bool mirrored = i + 1 < flat.size() && piece.to_minus_infinity && flat[i + 1].to_plus_infinity &&
                              flat[i + 1].kind == piece.kind && std::fabs(piece.to + flat[i + 1].from) < 1e-6;
        // An interval as narrow as the bisection's resolution is one point (hardswish′(−1.5) = 0).
        const bool point = !piece.to_minus_infinity && !piece.to_plus_infinity && piece.to - piece.from <= 1e-9;
        if (piece.to_minus_infinity && piece.to_plus_infinity) part = "everywhere";
        else if (point) part = "x = " + property_number("%.3g", piece.from);
        else if (mirrored) part = "|x| > " + property_number("%.3g", flat[++i].from);
        else if (piece.to_minus_infinity) part = "x < " + property_number("%.3g", piece.to);
        else if (piece.to_plus_infinity) part = "x > " + property_number("%.3g", piece.from);
        else part = property_number("%.3g", piece.from) + " < x < " + property_number("%.3g", piece.to);
        if (piece.kind == FlatKind::Dead) part += " (f′ = 0)";
        text += (text.empty() ? "" : ", ") + part;
    }
    return text;
}

std::string mean_text(double mean) { return std::fabs(mean) < 5e-4 ? "0: yes" : property_number("%.3g", mean); }

std::string smooth_text(const ShapeEvidence& shape) {
    return shape.continuous_slope ? "yes" : "no, x = " + property_number("%.3g", shape.slope_jump_at);
}

std::string range_text(const Activation& activation, const ParameterValues& p, double lo, double hi) {
    if (!activation.custom) return std::string(activation.properties.range);
    const CurveSamples curve = sample_curve(activation, p, lo, hi, 801);
    double low = INFINITY, high = -INFINITY;
    for (std::size_t i = 0; i < curve.x.size(); ++i) {
        if (!std::isfinite(curve.f[i])) return "not finite at x = " + property_number("%.3g", curve.x[i]);
        low = std::min(low, curve.f[i]), high = std::max(high, curve.f[i]);
    }
    if (!std::isfinite(low)) return "?";
    return "[" + property_number("%.3g", low) + ", " + property_number("%.3g", high) + "] on [" +
           property_number("%.3g", lo) + ", " + property_number("%.3g", hi) + "]";
}

}  // namespace actviz
