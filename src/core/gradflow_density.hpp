#pragma once
// Gradient flow's layer × value density map (issue 14 item 3): per hidden layer, where the
// activation's inputs fall and how large the gradients ∂L/∂z are — the classic figure of a deep
// net's activations saturating layer by layer, beside the per-layer gradient curve.
//
// Counted inside the simulation's own pass (gradflow_pass.cpp: each slice counts its entries of a
// layer right where the forward or backward step has them, and adds them to the layer's totals), so
// there is no second pass and a cancelled run stops counting with it.
//
// Activation inputs: u_l = z_l, or the layer-norm output when layer norm is on (the value f is
// applied to, so the zones on the value axis are f′'s own). kZHistogramBins bins over [−R, R]
// (core/z_histogram.hpp's ZCounts: the zone masses are counted from f′ with the pass's own
// comparisons, so the saturated and zero-slope shares are the panel's statistics exactly).
// Gradients: |∂L/∂z_l| by binary exponent, bin e counting 2^e ≤ |g| < 2^(e+1) — one bin per factor
// of two over the whole floating-point range, since a vanishing net spans hundreds of decades.

#include <cstdint>
#include <vector>

#include "core/z_histogram.hpp"

namespace actviz {

// |g| of one layer by binary exponent, trimmed to the exponents that occur.
struct MagnitudeCounts {
    int first_exponent = 0;           // bins[i] counts 2^(first_exponent + i) ≤ |g| < 2^(first_exponent + i + 1)
    std::vector<std::int64_t> bins;   // empty when every |g| is 0 or non-finite
    std::int64_t zero = 0;            // g = 0 exactly (underflow, or a zero slope upstream)
    std::int64_t nonfinite = 0;       // ±∞ or NaN
    std::int64_t total = 0;

    double share(std::int64_t count) const { return total == 0 ? 0.0 : static_cast<double>(count) / total; }
};

struct GradflowDensity {
    double z_lo = 0, z_hi = 0;               // the activation inputs' bins: [−R, R]
    std::vector<ZCounts> z;                  // per hidden layer, [0] = layer 1
    std::vector<MagnitudeCounts> gradient;   // per hidden layer: |∂L/∂z_l| (mean_abs_dz's entries)

    double z_bin_width() const { return (z_hi - z_lo) / kZHistogramBins; }
    // Edge i of the z bins (0..kZHistogramBins), as LayerZHistogram::bin_left: the middle one exactly 0.
    double z_edge(int i) const { return z_lo + (z_hi - z_lo) * i / kZHistogramBins; }
};

// The default R of a run: the activation's zones with a margin (z_histogram_half_width with no
// data; ReLU 3, tanh 5, sigmoid 10), so the zones always show and the axis is the same for every
// run of that activation, whatever its depth or gain. Entries beyond it are counted as ◂ ▸.
double gradflow_density_half_width(const Activation& activation, const ParameterValues& p);

// The binary exponent of a finite, non-zero |value| (denormals included): ⌊log2 |value|⌋.
int binary_exponent(double value);

// Adds `count` values to one layer's magnitude counts indexed from `first_exponent` (the caller's
// dense array `by_exponent`, covering every exponent of T): the pass's per-slice step.
template <typename T>
void count_magnitudes(const T* values, std::int64_t count, int first_exponent, std::int64_t* by_exponent,
                      std::int64_t& zero, std::int64_t& nonfinite);

// The smallest and largest binary exponent a finite non-zero T can have (denormals included).
template <typename T>
constexpr int lowest_exponent();
template <typename T>
constexpr int highest_exponent();

template <>
constexpr int lowest_exponent<double>() { return -1074; }
template <>
constexpr int highest_exponent<double>() { return 1023; }
template <>
constexpr int lowest_exponent<float>() { return -149; }
template <>
constexpr int highest_exponent<float>() { return 127; }

extern template void count_magnitudes<float>(const float*, std::int64_t, int, std::int64_t*, std::int64_t&, std::int64_t&);
extern template void count_magnitudes<double>(const double*, std::int64_t, int, std::int64_t*, std::int64_t&,
                                              std::int64_t&);

}  // namespace actviz
