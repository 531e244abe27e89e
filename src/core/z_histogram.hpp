#pragma once
// Units on their curves: where a hidden layer's pre-activations z fall over the training points,
// as a histogram to draw behind the layer's activation f and f′ (issue 14). Counted from the
// forward pass record() already runs over all the training data (Trainer::z_histograms()), so it
// costs no second pass: one look at every (unit, point) pair's z and f′.
//
// The zone masses are counted from f′ itself, with the same comparisons as the unit statistic
// (activity.hpp), never from where z's bin lies: so the share at f′ = 0 is exactly the zero-slope
// share, a unit whose whole mass sits there is exactly a dead unit, and the inactive mass is exactly
// 1 − the unit grid's activity. One vocabulary, one count.
//
// Bins: kZHistogramBins equal bins over [−R, R], symmetric so that 0 (ReLU's kink) is a bin edge.
// R is chosen once per run and layer (z_histogram_half_width) and only grows, in nice steps, when
// more than kZHistogramOverflowShare of the mass falls outside: the picture stays put while
// training instead of rescaling every frame. Values outside are counted as underflow / overflow.

#include <cstdint>
#include <vector>

#include <Eigen/Core>

#include "core/activation.hpp"
#include "core/activity.hpp"

namespace actviz {

inline constexpr int kZHistogramBins = 60;
inline constexpr double kZHistogramOverflowShare = 0.01;

// One distribution's counts: a layer's (every unit, every point) or one unit's (every point).
struct ZCounts {
    std::vector<std::int64_t> bins;  // kZHistogramBins: bin i holds lo + i·w ≤ z < lo + (i + 1)·w
    std::int64_t underflow = 0;      // z < lo
    std::int64_t overflow = 0;       // z ≥ hi (+∞ too); NaN z is counted in total only
    std::int64_t zero_slope = 0;     // f′ = 0 exactly
    std::int64_t saturated = 0;      // 0 < |f′| < 1% of max|f′| (InactivityRule::saturated_below)
    std::int64_t inactive = 0;       // |f′| below the layer's InactivityRule limit: the unit statistic's count
    std::int64_t total = 0;          // pairs counted

    double share(std::int64_t count) const { return total == 0 ? 0.0 : static_cast<double>(count) / total; }
    void clear();  // zeroes every count, keeps kZHistogramBins bins
};

struct LayerZHistogram {
    double lo = 0, hi = 0;         // the bins' range, [−R, R]
    ZCounts layer;                 // every unit at every training point
    std::vector<ZCounts> units;    // per unit, over the training points
    std::int64_t step = 0;         // the optimiser steps behind these numbers (record()'s step)

    double bin_width() const { return (hi - lo) / kZHistogramBins; }
    // lo + i·(hi − lo)/N with the division last: no multiply-add for a compiler to fuse in one
    // translation unit and not in another, and the middle edge is exactly 0 (ReLU's kink), not 3e-16.
    double bin_left(int i) const { return lo + (hi - lo) * i / kZHistogramBins; }
};

// Counts z (units × n, one column = one point) with its f′ (same shape) into `out` over [lo, hi)
// (kept from `out`), reusing its storage. `rule` is the layer's (activity.hpp): the comparisons are
// made in T, as the unit statistic makes them.
template <typename T>
void count_z(const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& z,
             const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& df, const InactivityRule& rule,
             LayerZHistogram& out);

// The gradient-flow pass's per-slice steps (gradflow_density.hpp), in two halves because the pass
// overwrites z with f(z) as it computes f′: first the positions of `count` values u (a flat run, no
// units) in `out`'s bins over [lo, hi), with their total; then, from their f′, the zone masses with
// the pass's own comparisons in T — zero_slope: f′ = 0; saturated: 0 < |f′| < saturated_limit;
// inactive: !(|f′| ≥ inactive_limit). Neither clears `out` first.
template <typename T>
void count_positions(const T* u, std::int64_t count, double lo, double hi, ZCounts& out);
template <typename T>
void count_slopes(const T* df, std::int64_t count, T saturated_limit, T inactive_limit, ZCounts& out);

// The smallest nice R (1, 2, 2.5, 5 × 10^k) covering both the activation's interesting region
// (1.5 × the outermost edge of its saturated or dead zones inside [−10, 10], at least 3: ReLU 3,
// tanh ±4.5, sigmoid ±9) and `max_abs_z`, the largest finite |z| of the data (capped at 1e6).
double z_histogram_half_width(const Activation& activation, const ParameterValues& p, double max_abs_z);
// The next nice R at or above `max_abs_z` (capped at 1e6).
double nice_half_width(double max_abs_z);

extern template void count_z<float>(const Eigen::Ref<const Eigen::MatrixXf>&, const Eigen::Ref<const Eigen::MatrixXf>&,
                                    const InactivityRule&, LayerZHistogram&);
extern template void count_positions<float>(const float*, std::int64_t, double, double, ZCounts&);
extern template void count_positions<double>(const double*, std::int64_t, double, double, ZCounts&);
extern template void count_slopes<float>(const float*, std::int64_t, float, float, ZCounts&);
extern template void count_slopes<double>(const double*, std::int64_t, double, double, ZCounts&);
extern template void count_z<double>(const Eigen::Ref<const Eigen::MatrixXd>&, const Eigen::Ref<const Eigen::MatrixXd>&,
                                     const InactivityRule&, LayerZHistogram&);

}  // namespace actviz
