#include "core/activation_analysis.hpp"

#include "core/custom_activation.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace actviz {
namespace {

constexpr int kGridIntervals = 4000;

std::vector<double> grid_with_kinks(const Activation& activation, const ParameterValues& p, double lo, double hi) {
    std::vector<double> xs;
    xs.reserve(kGridIntervals + 8);
    for (int i = 0; i <= kGridIntervals; ++i) xs.push_back(lo + (hi - lo) * i / kGridIntervals);
    for (double kink : activation.kinks(p)) {
        if (kink > lo && kink < hi) xs.push_back(kink);
    }
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    return xs;
}

bool is_kink(const std::vector<double>& kinks, double x) {
    return std::find(kinks.begin(), kinks.end(), x) != kinks.end();
}

// Golden-section search for the maximum of a unimodal `score` on [a, b].
double golden_max(const std::function<double(double)>& score, double a, double b) {
    const double ratio = (std::sqrt(5.0) - 1) / 2;
    double c = b - ratio * (b - a), d = a + ratio * (b - a);
    double fc = score(c), fd = score(d);
    for (int i = 0; i < 80 && b - a > 1e-13 * std::max(1.0, std::fabs(a)); ++i) {
        if (fc >= fd) {
            b = d, d = c, fd = fc;
            c = b - ratio * (b - a), fc = score(c);
        } else {
            a = c, c = d, fc = fd;
            d = a + ratio * (b - a), fd = score(d);
        }
    }
    return (a + b) / 2;
}

// The maximum of `score` over the grid: a flat run of equal maxima becomes an interval; a single
// interior maximum between smooth neighbours is refined by golden-section search.
Extremum find_max(const std::vector<double>& xs, const std::vector<double>& kinks,
                  const std::function<double(double)>& score) {
    std::vector<double> values(xs.size());
    for (size_t i = 0; i < xs.size(); ++i) values[i] = score(xs[i]);
    const size_t best = static_cast<size_t>(std::max_element(values.begin(), values.end()) - values.begin());
    const double top = values[best];
    const double tie = 1e-12 * std::max(1.0, std::fabs(top));
    size_t first = best, last = best;
    while (first > 0 && std::fabs(values[first - 1] - top) <= tie) --first;
    while (last + 1 < xs.size() && std::fabs(values[last + 1] - top) <= tie) ++last;

    Extremum result;
    result.value = top;
    result.x_from = xs[first];
    result.x_to = xs[last];
    result.at_lower_edge = first == 0;
    result.at_upper_edge = last == xs.size() - 1;
    // A plateau that starts right after a kink is open there: relu′ = 1 on (0, ∞), not at 0.
    if (first > 0 && is_kink(kinks, xs[first - 1]) && first != last) {
        result.x_from = xs[first - 1];
        result.from_open = true;
    }
    if (last + 1 < xs.size() && is_kink(kinks, xs[last + 1]) && first != last) {
        result.x_to = xs[last + 1];
        result.to_open = true;
    }
    const bool interior = first == last && first > 0 && last + 1 < xs.size();
    if (interior && !is_kink(kinks, xs[best]) && !is_kink(kinks, xs[best - 1]) && !is_kink(kinks, xs[best + 1])) {
        const double x = golden_max(score, xs[best - 1], xs[best + 1]);
        const double value = score(x);
        if (value > top) {  // a flat top keeps the grid point (σ′ peaks at exactly 0)
            result.value = value;
            result.x_from = result.x_to = x;
        }
    }
    return result;
}

// lim f(x) as x → direction·∞, from f at |x| = 1e2, 1e3, 1e4 (safe for every activation). A limit
// approached like c/x (softsign, the slowest in the catalogue) shrinks its steps tenfold per decade
// and is extrapolated; a function that falls as fast or faster at 1e4 than at 1e3 has no limit.
double limit_at_infinity(const Activation& activation, const ParameterValues& p, double direction) {
    const double f2 = activation.f(direction * 1e2, p);
    const double f3 = activation.f(direction * 1e3, p);
    const double f4 = activation.f(direction * 1e4, p);
    const double step3 = f3 - f2, step4 = f4 - f3;
    if (std::fabs(step4) > 0.5 * std::fabs(step3) && std::fabs(step4) > 1e-12) {
        return step4 < 0 ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    }
    return f4 + step4 / 9;  // f = L + c/x: f4 − f3 = 9c/1e4 (direction folded into c)
}

}  // namespace

ActivationFigures analyse(const Activation& activation, const ParameterValues& p, double lo, double hi) {
    const std::vector<double> xs = grid_with_kinks(activation, p, lo, hi);
    const std::vector<double> kinks = activation.kinks(p);
    ActivationFigures figures;
    figures.max_abs_derivative = find_max(xs, kinks, [&](double x) { return std::fabs(activation.df(x, p)); });
    Extremum lowest = find_max(xs, kinks, [&](double x) { return -activation.f(x, p); });
    lowest.value = -lowest.value;
    const bool point = lowest.x_from == lowest.x_to;
    if (point && lowest.at_lower_edge && lo <= -10) {
        lowest.value = limit_at_infinity(activation, p, -1), lowest.is_limit = true;
    } else if (point && lowest.at_upper_edge && hi >= 10) {
        lowest.value = limit_at_infinity(activation, p, +1), lowest.is_limit = true;
    }
    figures.min_value = lowest;
    figures.gradient_after_10_layers = std::pow(figures.max_abs_derivative.value, 10);
    return figures;
}

double second_derivative(const Activation& activation, const ParameterValues& p, double x) {
    if (activation.custom) return activation.custom->compiled.curvature.value(x, p);  // exact, from GiNaC
    const double h = 1e-5 * std::max(1.0, std::fabs(x));
    // Near ±DBL_MAX, x ± h would overflow to ±∞; the step stops at the largest double instead.
    constexpr double kLargest = std::numeric_limits<double>::max();
    if (std::fabs(x) > kLargest - h) {
        const double above = std::min(x + h, kLargest), below = std::max(x - h, -kLargest);
        return (activation.df(above, p) - activation.df(below, p)) / (above - below);
    }
    return (activation.df(x + h, p) - activation.df(x - h, p)) / (2 * h);
}

CurveSamples sample_curve(const Activation& activation, const ParameterValues& p, double lo, double hi, int count) {
    CurveSamples curve;
    if (!(hi > lo) || count < 2) return curve;
    std::vector<double>& xs = curve.x;
    xs.reserve(static_cast<size_t>(count) + 8);
    for (int i = 0; i < count; ++i) xs.push_back(lo + (hi - lo) * i / (count - 1));
    const double nudge = (hi - lo) * 1e-9;
    for (double kink : activation.kinks(p)) {
        if (kink <= lo || kink >= hi) continue;
        xs.push_back(kink);
        xs.push_back(kink + nudge);
    }
    std::sort(xs.begin(), xs.end());
    curve.f.resize(xs.size());
    curve.df.resize(xs.size());
    for (size_t i = 0; i < xs.size(); ++i) {
        curve.f[i] = activation.f(xs[i], p);
        curve.df[i] = activation.df(xs[i], p);
    }
    return curve;
}

DerivativeZones derivative_zones(const CurveSamples& curve, double epsilon) {
    DerivativeZones zones;
    const std::vector<double>& xs = curve.x;
    const size_t n = xs.size();
    auto add = [&](std::vector<Interval>& list, size_t i) {
        const double from = i == 0 ? xs[0] : (xs[i - 1] + xs[i]) / 2;
        const double to = i + 1 == n ? xs[n - 1] : (xs[i] + xs[i + 1]) / 2;
        if (!list.empty() && list.back().to == from) list.back().to = to;
        else list.push_back({from, to});
    };
    for (size_t i = 0; i < n; ++i) {
        const double slope = std::fabs(curve.df[i]);
        if (slope == 0.0) add(zones.dead, i);
        else if (slope < epsilon) add(zones.saturated, i);
    }
    return zones;
}

}  // namespace actviz
