#include "core/activation_shape.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/activation_analysis.hpp"

namespace actviz {
namespace {

// Composite Simpson's rule of f(z)·φ(z) over [−12, 12] (φ < 1e-31 beyond): 24,000 intervals put
// the error of a kink's lost smoothness below 1e-9.
double mean_over_standard_normal(const Activation& activation, const ParameterValues& p) {
    constexpr int kIntervals = 24000;
    constexpr double kLo = -12, kHi = 12, kStep = (kHi - kLo) / kIntervals;
    const double norm = 1 / std::sqrt(2 * std::numbers::pi);
    double sum = 0;
    for (int i = 0; i <= kIntervals; ++i) {
        const double z = kLo + kStep * i;
        const double weight = i == 0 || i == kIntervals ? 1 : (i % 2 == 1 ? 4 : 2);
        sum += weight * activation.f(z, p) * norm * std::exp(-z * z / 2);
    }
    return sum * kStep / 3;
}

enum class Slope { Active, Saturated, Dead };

}  // namespace

ShapeEvidence shape_evidence(const Activation& activation, const ParameterValues& p, double share, double lo,
                             double hi) {
    ShapeEvidence evidence;
    evidence.mean_output = mean_over_standard_normal(activation, p);

    for (double kink : activation.kinks(p)) {
        const double h = 1e-7 * std::max(1.0, std::fabs(kink));
        const double left = activation.df(kink - h, p), right = activation.df(kink + h, p);
        const double value_jump = std::fabs(activation.f(kink + h, p) - activation.f(kink - h, p));
        const double scale = std::max({1.0, std::fabs(left), std::fabs(right)});
        if (std::fabs(left - right) > 1e-5 * scale || value_jump > 1e-5 * scale) {
            evidence.continuous_slope = false;
            evidence.slope_jump_at = kink, evidence.slope_left = left, evidence.slope_right = right;
            break;
        }
    }

    const double threshold = share * analyse(activation, p, lo, hi).max_abs_derivative.value;
    const auto kind_at = [&](double x) {
        const double slope = std::fabs(activation.df(x, p));
        return slope == 0 ? Slope::Dead : slope < threshold ? Slope::Saturated : Slope::Active;
    };
    constexpr int kSamples = 4000;
    std::vector<double> xs;
    for (int i = 0; i <= kSamples; ++i) xs.push_back(lo + (hi - lo) * i / kSamples);
    for (double kink : activation.kinks(p)) {
        if (kink > lo && kink < hi) xs.push_back(kink);
    }
    std::sort(xs.begin(), xs.end());
    evidence.min_slope = activation.df(xs[0], p), evidence.min_slope_at = xs[0];
    for (double x : xs) {
        const double slope = activation.df(x, p);
        if (slope < evidence.min_slope) evidence.min_slope = slope, evidence.min_slope_at = x;
    }
    evidence.monotone = evidence.min_slope >= 0;

    // Runs of one kind between samples; each change of kind is placed by bisection.
    Slope current = kind_at(xs[0]);
    double start = xs[0];
    const auto close_run = [&](double end, bool reaches_hi) {
        if (current == Slope::Active) return;
        evidence.flat.push_back({current == Slope::Dead ? FlatKind::Dead : FlatKind::Saturated, start, end,
                                 start == lo, reaches_hi});
    };
    for (std::size_t i = 1; i < xs.size(); ++i) {
        // Up to three changes between two samples (active → saturated → dead), each placed in turn.
        double a = xs[i - 1];
        for (int change = 0; change < 3 && kind_at(xs[i]) != current; ++change) {
            double b = xs[i];  // kind_at(a) == current, kind_at(b) != current
            for (int step = 0; step < 200 && b - a > 1e-13 * std::max(1.0, std::fabs(a)); ++step) {
                const double mid = a + (b - a) / 2;
                (kind_at(mid) == current ? a : b) = mid;
            }
            close_run(b, false);
            current = kind_at(b), start = b, a = b;
        }
    }
    close_run(hi, true);
    return evidence;
}

}  // namespace actviz
