#include "plot/interaction.hpp"

#include <algorithm>
#include <cmath>

namespace actviz::plot {
namespace {

double to_space(double value, Scale scale) {
    return scale == Scale::Log10 ? std::log10(std::max(value, kLogFloor)) : value;
}
double from_space(double value, Scale scale) { return scale == Scale::Log10 ? std::pow(10.0, value) : value; }

}  // namespace

Range zoom_range(Range range, double anchor, double factor, Scale scale) {
    const double lo = to_space(range.min, scale), hi = to_space(range.max, scale), a = to_space(anchor, scale);
    double new_lo = a - (a - lo) * factor, new_hi = a + (hi - a) * factor;
    const double min_width = 1e-9 * std::max({1.0, std::fabs(new_lo), std::fabs(new_hi)});
    if (new_hi - new_lo < min_width) return range;
    if (scale == Scale::Log10) {
        new_lo = std::max(new_lo, -300.0);
        new_hi = std::min(new_hi, 300.0);
    }
    return {from_space(new_lo, scale), from_space(new_hi, scale)};
}

Range pan_range(Range range, double pixels, double span_pixels, Scale scale) {
    if (span_pixels <= 0) return range;
    const double lo = to_space(range.min, scale), hi = to_space(range.max, scale);
    const double shift = -pixels / span_pixels * (hi - lo);
    return {from_space(lo + shift, scale), from_space(hi + shift, scale)};
}

Range fit_range(double lo, double hi, double margin, Scale scale) {
    if (!(lo <= hi) || !std::isfinite(lo) || !std::isfinite(hi)) return scale == Scale::Log10 ? Range{0.1, 10} : Range{0, 1};
    double a = to_space(lo, scale), b = to_space(hi, scale);
    if (b - a < 1e-12 * std::max(1.0, std::fabs(a))) {
        a -= 0.5;
        b += 0.5;
    }
    const double pad = (b - a) * margin;
    return {from_space(a - pad, scale), from_space(b + pad, scale)};
}

std::optional<double> interpolate_at(const double* xs, const double* ys, int count, double x) {
    if (count <= 0 || !(x >= xs[0]) || !(x <= xs[count - 1])) return std::nullopt;
    const int upper = static_cast<int>(std::lower_bound(xs, xs + count, x) - xs);
    if (upper == 0) return std::isfinite(ys[0]) ? std::optional<double>(ys[0]) : std::nullopt;
    const int lower = upper - 1;
    if (!std::isfinite(ys[lower]) || !std::isfinite(ys[upper])) return std::nullopt;
    const double span = xs[upper] - xs[lower];
    const double t = span > 0 ? (x - xs[lower]) / span : 1.0;
    return ys[lower] + t * (ys[upper] - ys[lower]);
}

std::vector<std::pair<Point2, Point2>> dash_polyline(const std::vector<Point2>& points, float dash, float gap) {
    std::vector<std::pair<Point2, Point2>> dashes;
    if (points.size() < 2 || !(dash > 0) || !(gap >= 0)) return dashes;
    const double period = static_cast<double>(dash) + gap;
    double phase = 0;  // distance into the current period, carried across vertices
    for (size_t i = 0; i + 1 < points.size(); ++i) {
        const Point2 a = points[i], b = points[i + 1];
        const double dx = b.x - a.x, dy = b.y - a.y;
        const double length = std::sqrt(dx * dx + dy * dy);
        if (!(length > 0) || !std::isfinite(length)) continue;
        auto at = [&](double s) { return Point2{static_cast<float>(a.x + dx * s / length), static_cast<float>(a.y + dy * s / length)}; };
        double s = 0;
        while (s < length) {
            const double in_period = std::fmod(phase + s, period);
            // At least a hundredth of a pixel per step: rounding can never stall the walk.
            const double step = std::max(in_period < dash ? dash - in_period : period - in_period, 0.01);
            const double end = std::min(length, s + step);
            if (in_period < dash) dashes.push_back({at(s), at(end)});
            s = end;
        }
        phase = std::fmod(phase + length, period);
    }
    return dashes;
}

}  // namespace actviz::plot
