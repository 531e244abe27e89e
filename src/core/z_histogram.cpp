#include "core/z_histogram.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/activation_analysis.hpp"
#include "core/curve_memo.hpp"

namespace actviz {

void ZCounts::clear() {
    bins.assign(kZHistogramBins, 0);
    underflow = overflow = zero_slope = saturated = inactive = total = 0;
}

template <typename T>
void count_z(const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& z,
             const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& df, const InactivityRule& rule,
             LayerZHistogram& out) {
    const auto units = static_cast<size_t>(z.rows());
    out.units.resize(units);
    for (ZCounts& unit : out.units) unit.clear();
    out.layer.clear();
    // The unit statistic's own comparison (trainer.cpp: active when |f′| ≥ limit, in T), negated so
    // that NaN counts as inactive there and here alike.
    const T inactive_limit = rule.limit<T>();
    const T saturated_limit = static_cast<T>(rule.saturated_below);
    const double lo = out.lo, scale = kZHistogramBins / (out.hi - out.lo);
    for (Eigen::Index j = 0; j < z.cols(); ++j) {
        for (Eigen::Index u = 0; u < z.rows(); ++u) {
            ZCounts& unit = out.units[static_cast<size_t>(u)];
            const double value = static_cast<double>(z(u, j));
            const T slope = std::abs(df(u, j));
            ++unit.total;
            unit.zero_slope += slope == T(0);
            unit.saturated += slope > T(0) && slope < saturated_limit;
            unit.inactive += !(slope >= inactive_limit);
            // Position in bins, in double: a float z exactly at a bin edge lands in the bin it starts.
            const double at = (value - lo) * scale;
            if (at < 0) {
                ++unit.underflow;
            } else if (at >= kZHistogramBins) {
                ++unit.overflow;
            } else if (at >= 0) {  // false for NaN
                // Rounding can put a value just under hi at kZHistogramBins: clamp it into the last bin.
                ++unit.bins[static_cast<size_t>(std::min(static_cast<int>(at), kZHistogramBins - 1))];
            }
        }
    }
    for (const ZCounts& unit : out.units) {
        for (int i = 0; i < kZHistogramBins; ++i) out.layer.bins[static_cast<size_t>(i)] += unit.bins[static_cast<size_t>(i)];
        out.layer.underflow += unit.underflow;
        out.layer.overflow += unit.overflow;
        out.layer.zero_slope += unit.zero_slope;
        out.layer.saturated += unit.saturated;
        out.layer.inactive += unit.inactive;
        out.layer.total += unit.total;
    }
}

template <typename T>
void count_positions(const T* u, std::int64_t count, double lo, double hi, ZCounts& out) {
    const double scale = kZHistogramBins / (hi - lo);
    std::int64_t underflow = 0, overflow = 0;
    for (std::int64_t i = 0; i < count; ++i) {
        const double at = (static_cast<double>(u[i]) - lo) * scale;  // as count_z: in double
        if (at < 0) {
            ++underflow;
        } else if (at >= kZHistogramBins) {
            ++overflow;
        } else if (at >= 0) {  // false for NaN, which is counted in total only
            ++out.bins[static_cast<size_t>(std::min(static_cast<int>(at), kZHistogramBins - 1))];
        }
    }
    out.underflow += underflow;
    out.overflow += overflow;
    out.total += count;
}

template <typename T>
void count_slopes(const T* df, std::int64_t count, T saturated_limit, T inactive_limit, ZCounts& out) {
    std::int64_t zero = 0, saturated = 0, inactive = 0;
    for (std::int64_t i = 0; i < count; ++i) {
        const T slope = std::abs(df[i]);
        zero += slope == T(0);
        saturated += slope > T(0) && slope < saturated_limit;
        inactive += !(slope >= inactive_limit);
    }
    out.zero_slope += zero;
    out.saturated += saturated;
    out.inactive += inactive;
}

double nice_half_width(double max_abs_z) {
    const double target = std::min(std::isfinite(max_abs_z) ? std::fabs(max_abs_z) : 1e6, 1e6);
    if (target <= 1) return 1;
    const double decade = std::pow(10.0, std::floor(std::log10(target)));
    for (double step : std::array{1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * decade >= target) return step * decade;
    }
    return 10 * decade;
}

namespace {

// Where a saturated or dead zone begins, seen from 0 (the furthest such inner edge). A zone
// reaching the end of the sampled range counts by its inner end only (its outer end is the
// search's edge).
double zones_inner_edge(const Activation& activation, const ParameterValues& p) {
    const CurveSamples curve = sample_curve(activation, p, -10, 10, 2001);
    const InactivityRule rule = inactivity_rule(activation, p);
    const DerivativeZones zones = derivative_zones(curve, rule.saturated_below);
    double edge = 0;
    for (const auto* list : {&zones.saturated, &zones.dead}) {
        for (const Interval& zone : *list) {
            if (zone.to <= 0) edge = std::max(edge, -zone.to);
            else if (zone.from >= 0) edge = std::max(edge, zone.from);
        }
    }
    return edge;
}

}  // namespace

double z_histogram_half_width(const Activation& activation, const ParameterValues& p, double max_abs_z) {
    // Ranges are chosen rarely (a reset, an activation change, data leaving the range), so even
    // PReLU's learned α adds few entries.
    static CurveMemo<double> memo;
    const double edge = memo.get(activation, p, zones_inner_edge);
    // The data with a margin: a spike exactly at the extent (bias −5's second layer: every z = −5)
    // is drawn inside the chart, not on its edge.
    return nice_half_width(std::max({3.0, 1.5 * edge, std::isfinite(max_abs_z) ? 1.2 * max_abs_z : 0.0}));
}

template void count_z<float>(const Eigen::Ref<const Eigen::MatrixXf>&, const Eigen::Ref<const Eigen::MatrixXf>&,
                             const InactivityRule&, LayerZHistogram&);
template void count_positions<float>(const float*, std::int64_t, double, double, ZCounts&);
template void count_positions<double>(const double*, std::int64_t, double, double, ZCounts&);
template void count_slopes<float>(const float*, std::int64_t, float, float, ZCounts&);
template void count_slopes<double>(const double*, std::int64_t, double, double, ZCounts&);
template void count_z<double>(const Eigen::Ref<const Eigen::MatrixXd>&, const Eigen::Ref<const Eigen::MatrixXd>&,
                              const InactivityRule&, LayerZHistogram&);

}  // namespace actviz
