#include "plot/interaction.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace actviz::plot {
namespace {

double to_space(double value, Scale scale) {
    return scale == Scale::Log10 ? std::log10(std::max(value, kLogFloor)) : value;
}
double from_space(double value, Scale scale) { return scale == Scale::Log10 ? std::pow(10.0, value) : value; }

}  // namespace

Range zoom_range(Range range, double anchor, double factor, Scale scale) {
    if (!(factor > 0) || !std::isfinite(factor) || !std::isfinite(anchor)) return range;
    const double lo = to_space(range.min, scale), hi = to_space(range.max, scale), a = to_space(anchor, scale);
    double new_lo = a - (a - lo) * factor, new_hi = a + (hi - a) * factor;
    const double min_width = 1e-9 * std::max({1.0, std::fabs(new_lo), std::fabs(new_hi)});
    if (std::fabs(new_hi - new_lo) < min_width) return range;
    if (scale == Scale::Log10) {
        // Stay inside doubles: 10^±300 is still finite and positive.
        new_lo = std::clamp(new_lo, -300.0, 300.0);
        new_hi = std::clamp(new_hi, -300.0, 300.0);
        if (new_lo == new_hi) return range;
    } else if (!std::isfinite(new_hi - new_lo) || std::fabs(new_hi - new_lo) > 1e300) {
        return range;
    }
    return {from_space(new_lo, scale), from_space(new_hi, scale)};
}

Range pan_range(Range range, double pixels, double span_pixels, Scale scale) {
    if (!(span_pixels > 0) || !std::isfinite(pixels)) return range;
    const double lo = to_space(range.min, scale), hi = to_space(range.max, scale);
    const double shift = -pixels / span_pixels * (hi - lo);
    if (scale == Scale::Log10 && (lo + shift < -300 || hi + shift > 300)) return range;
    const Range moved{from_space(lo + shift, scale), from_space(hi + shift, scale)};
    return std::isfinite(moved.min) && std::isfinite(moved.max) ? moved : range;
}

Range fit_range(double lo, double hi, double margin, Scale scale) {
    if (!(lo <= hi) || !std::isfinite(lo) || !std::isfinite(hi) || (scale == Scale::Log10 && !(lo > 0))) {
        return scale == Scale::Log10 ? Range{0.1, 10} : Range{0, 1};
    }
    double a = to_space(lo, scale), b = to_space(hi, scale);
    if (b - a < 1e-12 * std::max(1.0, std::fabs(a))) {
        a -= 0.5 + (scale == Scale::Log10 ? 0.5 : 0.0);
        b += 0.5 + (scale == Scale::Log10 ? 0.5 : 0.0);
    }
    const double pad = (b - a) * margin;
    return {from_space(a - pad, scale), from_space(b + pad, scale)};
}

Placement place_on_axis(double value, Scale scale, double floor) {
    if (std::isnan(value)) return {value, false, false};
    if (scale == Scale::Linear) return {value, std::isfinite(value), false};
    if (value == INFINITY) return {value, false, false};
    if (!(value > 0)) return {floor, true, true};  // ≤ 0 and −∞: no logarithm, shown at the floor
    return {value, true, false};
}

std::optional<double> interpolate_at(const double* xs, const double* ys, int count, double x, Scale x_scale,
                                     Scale y_scale) {
    if (count <= 0 || !xs || !ys || !(x >= xs[0]) || !(x <= xs[count - 1])) return std::nullopt;
    const int upper = static_cast<int>(std::lower_bound(xs, xs + count, x) - xs);
    if (upper >= count) return std::nullopt;  // only when xs is not ascending
    if (upper == 0) return std::isnan(ys[0]) ? std::nullopt : std::optional<double>(ys[0]);
    const int lower = upper - 1;
    const double a = ys[lower], b = ys[upper];
    if (std::isnan(a) || std::isnan(b)) return std::nullopt;
    // The fraction of the way from xs[lower] to xs[upper], in the x axis's own space.
    const double x0 = xs[lower], x1 = xs[upper];
    const bool log_x = x_scale == Scale::Log10 && x0 > 0 && x > 0;
    const double span = log_x ? std::log10(x1) - std::log10(x0) : x1 - x0;
    const double t = span > 0 ? ((log_x ? std::log10(x) - std::log10(x0) : x - x0) / span) : 1.0;
    const double nearer = t < 0.5 ? a : b;
    if (!std::isfinite(a) || !std::isfinite(b)) return nearer;
    if (y_scale == Scale::Log10) {
        if (!(a > 0) || !(b > 0)) return nearer;
        return std::pow(10.0, std::log10(a) + t * (std::log10(b) - std::log10(a)));
    }
    return a + t * (b - a);
}

std::string format_readout(double value, Scale scale) {
    // Exactly 0: the plot cannot know why (an underflow, a dead ReLU's f′, a layer cut off by dead
    // units); the panels say which where they know.
    if (scale == Scale::Log10 && value == 0) return "0 (at the floor)";
    if (scale == Scale::Log10 && value < 0) return "\xE2\x89\xA4 0";  // "≤ 0"
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", value);
    return text;
}

std::vector<Point2> thin_to_pixel_columns(const std::vector<Point2>& points) {
    std::vector<Point2> thinned;
    thinned.reserve(std::min(points.size(), size_t{4096}));
    size_t begin = 0;
    while (begin < points.size()) {
        // One column: consecutive points whose x rounds down to the same pixel.
        const float column = std::floor(points[begin].x);
        size_t end = begin + 1;
        size_t low = begin, high = begin;
        while (end < points.size() && std::floor(points[end].x) == column) {
            if (points[end].y < points[low].y) low = end;
            if (points[end].y > points[high].y) high = end;
            ++end;
        }
        const size_t last = end - 1;
        size_t picks[4] = {begin, std::min(low, high), std::max(low, high), last};
        for (int i = 0; i < 4; ++i) {
            if (i > 0 && picks[i] == picks[i - 1]) continue;
            thinned.push_back(points[picks[i]]);
        }
        begin = end;
    }
    return thinned;
}

std::vector<std::vector<Point2>> dash_polyline(const std::vector<Point2>& points, float dash, float gap) {
    std::vector<std::vector<Point2>> dashes;
    if (points.size() < 2 || !(dash > 0) || !(gap >= 0)) return dashes;
    const double period = static_cast<double>(dash) + gap;
    double phase = 0;      // distance into the current period, carried across vertices
    bool drawing = false;  // the last point of dashes.back() is where the pen is
    for (size_t i = 0; i + 1 < points.size(); ++i) {
        const Point2 a = points[i], b = points[i + 1];
        const double dx = b.x - a.x, dy = b.y - a.y;
        const double length = std::sqrt(dx * dx + dy * dy);
        if (!(length > 0) || !std::isfinite(length)) continue;
        auto at = [&](double s) {
            return Point2{static_cast<float>(a.x + dx * s / length), static_cast<float>(a.y + dy * s / length)};
        };
        double s = 0;
        while (s < length) {
            const double in_period = std::fmod(phase + s, period);
            const bool on = in_period < dash;
            // At least a hundredth of a pixel per step: rounding can never stall the walk.
            const double step = std::max(on ? dash - in_period : period - in_period, 0.01);
            const double end = std::min(length, s + step);
            if (on) {
                if (!drawing) dashes.push_back({at(s)});
                dashes.back().push_back(at(end));
                drawing = end < s + step;  // the dash goes on into the next segment
            } else {
                drawing = false;
            }
            s = end;
        }
        phase = std::fmod(phase + length, period);
    }
    return dashes;
}

int choose_legend_corner(const int points_under[4], int current) {
    int best = 0;
    for (int corner = 1; corner < 4; ++corner) {
        if (points_under[corner] < points_under[best]) best = corner;
    }
    if (current < 0 || current > 3) return best;
    // Hysteresis: a few points more or less while panning is no reason to jump across the plot.
    const int gain = points_under[current] - points_under[best];
    return gain > std::max(2, points_under[current] / 4) ? best : current;
}

}  // namespace actviz::plot
