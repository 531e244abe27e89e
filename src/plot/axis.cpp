#include "plot/axis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

namespace actviz::plot {

double Axis::to_linear(double value) const {
    return scale == Scale::Log10 ? std::log10(std::max(value, kLogFloor)) : value;
}

double Axis::from_linear(double linear) const { return scale == Scale::Log10 ? std::pow(10.0, linear) : linear; }

double Axis::to_pixel(double value) const {
    const double lo = to_linear(min), hi = to_linear(max);
    const double t = hi != lo ? (to_linear(value) - lo) / (hi - lo) : 0.5;
    return pixel_min + t * (pixel_max - pixel_min);
}

double Axis::from_pixel(double pixel) const {
    const double span = pixel_max - pixel_min;
    const double t = span != 0 ? (pixel - pixel_min) / span : 0.0;
    const double lo = to_linear(min), hi = to_linear(max);
    return from_linear(lo + t * (hi - lo));
}

double nice_step(double range, double target_count) {
    if (!(range > 0) || !std::isfinite(range) || target_count < 1) return 1.0;
    const double rough = range / target_count;
    const double decade = std::pow(10.0, std::floor(std::log10(rough)));
    const double fraction = rough / decade;
    const double nice = fraction <= 1.0 ? 1.0 : fraction <= 2.0 ? 2.0 : fraction <= 5.0 ? 5.0 : 10.0;
    return nice * decade;
}

std::string format_tick(double value, double step) {
    char text[32];
    const double magnitude = std::max(std::fabs(value), std::fabs(step));
    if (magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-4)) {
        std::snprintf(text, sizeof text, "%.3g", value);
    } else {
        const int decimals = std::clamp(static_cast<int>(std::ceil(-std::log10(step) - 1e-9)), 0, 10);
        std::snprintf(text, sizeof text, "%.*f", decimals, value);
    }
    return text;
}

namespace {

std::vector<Tick> linear_ticks(const Axis& axis, float pixels, float min_spacing) {
    const double lo = std::min(axis.min, axis.max), hi = std::max(axis.min, axis.max);
    const double step = nice_step(hi - lo, std::max(1.0, static_cast<double>(pixels / min_spacing)));
    std::vector<Tick> ticks;
    const double first = std::ceil(lo / step - 1e-9);
    for (double k = first; k * step <= hi + step * 1e-9 && ticks.size() < 1000; k += 1.0) {
        const double value = std::fabs(k) < 1e-12 ? 0.0 : k * step;
        ticks.push_back({value, true, format_tick(value, step)});
    }
    return ticks;
}

std::vector<Tick> decade_ticks(const Axis& axis, float pixels, float min_spacing) {
    const double lo = axis.to_linear(std::min(axis.min, axis.max));
    const double hi = axis.to_linear(std::max(axis.min, axis.max));
    const double decades = std::max(hi - lo, 1e-12);
    const double pixels_per_decade = pixels / decades;
    // Label every k-th decade so labels stay apart, k from 1, 2, 3, 5, 10, 20, 30, 50, ... so the
    // labels read as a regular sequence (10⁻⁵, 10⁻¹⁰, ...); minors at 2..9 only when a decade is
    // roomy, else at the unlabelled decades when they are a few pixels apart.
    const int needed = std::max(1, static_cast<int>(std::ceil(min_spacing / pixels_per_decade)));
    int every = 1;
    for (int scale = 1; every < needed && scale <= 100000; scale *= 10) {
        for (int base : {1, 2, 3, 5, 10}) {
            if (every < needed) every = base * scale;
        }
    }
    const bool minors = every == 1 && pixels_per_decade >= 4 * min_spacing / 3;
    const bool decade_minors = every > 1 && pixels_per_decade >= 6;
    std::vector<Tick> ticks;
    for (double d = std::floor(lo); d <= std::ceil(hi) && ticks.size() < 2000; d += 1.0) {
        const double decade = std::pow(10.0, d);
        if (d >= lo - 1e-9 && d <= hi + 1e-9) {
            if (static_cast<long long>(d) % every == 0) {
                char label[32];
                std::snprintf(label, sizeof label, "1e%d", static_cast<int>(d));
                const bool plain = d >= -3 && d <= 4;
                ticks.push_back({decade, true, plain ? format_tick(decade, decade) : label});
            } else if (decade_minors) {
                ticks.push_back({decade, false, {}});
            }
        }
        if (!minors) continue;
        for (int m = 2; m <= 9; ++m) {
            const double linear = d + std::log10(static_cast<double>(m));
            if (linear >= lo && linear <= hi) ticks.push_back({m * decade, false, {}});
        }
    }
    return ticks;
}

// Decades, or, on an axis zoomed within a decade (a loss stuck at 1.0986), plain values at a
// linear step: a log axis that has fewer than two labels says nothing about its scale.
std::vector<Tick> log_ticks(const Axis& axis, float pixels, float min_spacing) {
    std::vector<Tick> ticks = decade_ticks(axis, pixels, min_spacing);
    const auto labelled = std::count_if(ticks.begin(), ticks.end(), [](const Tick& t) { return t.major; });
    if (labelled >= 2) return ticks;
    // Linear steps bunch up towards the top of a log axis: keep those at least min_spacing apart.
    const double lo = axis.to_linear(std::min(axis.min, axis.max));
    const double hi = axis.to_linear(std::max(axis.min, axis.max));
    const double pixels_per_unit = pixels / std::max(hi - lo, 1e-12);
    std::vector<Tick> spaced;
    double last = -1e300;
    for (Tick& tick : linear_ticks(axis, pixels, min_spacing)) {
        if (!(tick.value > 0)) continue;
        const double at = axis.to_linear(tick.value) * pixels_per_unit;
        if (at - last < min_spacing) continue;
        last = at;
        spaced.push_back(std::move(tick));
    }
    return spaced.size() >= 2 ? spaced : ticks;
}

}  // namespace

std::vector<Tick> make_ticks(const Axis& axis, float min_spacing) {
    const float pixels = std::fabs(axis.pixel_max - axis.pixel_min);
    if (pixels < 1 || !(min_spacing > 0)) return {};
    return axis.scale == Scale::Log10 ? log_ticks(axis, pixels, min_spacing) : linear_ticks(axis, pixels, min_spacing);
}

}  // namespace actviz::plot
