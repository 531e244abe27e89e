#pragma once
// Numerically safe building blocks for the activations: no overflow, NaN or catastrophic
// cancellation for |x| up to 1e4, and finite values for every finite x up to ±DBL_MAX. Each
// derivative sits next to its function.

#include <cmath>
#include <limits>
#include <numbers>

namespace actviz::math {

// σ(x) = 1 / (1 + e^−x), evaluated so that e^(±x) never overflows.
inline double sigmoid(double x) {
    if (x >= 0) return 1.0 / (1.0 + std::exp(-x));
    const double e = std::exp(x);
    return e / (1.0 + e);
}
// σ′(x) = σ(x)·σ(−x): the product of two accurate factors (σ(x)·(1 − σ(x)) loses digits for large x).
inline double d_sigmoid(double x) { return sigmoid(x) * sigmoid(-x); }

// c·σ′(x), the term SiLU's and Swish's derivatives add (c = βx). Far out σ′ underflows to exactly
// 0 while c may have overflowed to ∞ (β = 10, x = 1.8e307); the exponential decay wins, so the term
// is 0 there, not 0·∞ = NaN.
inline double scaled_d_sigmoid(double c, double x) {
    const double slope = d_sigmoid(x);
    return slope == 0 ? 0.0 : c * slope;
}

// log(1 + e^x) without overflow: x + log1p(e^−x) for x > 0.
inline double log1p_exp(double x) { return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x)); }

// Φ(x), the standard normal CDF, via erfc so the left tail keeps its relative precision.
inline double normal_cdf(double x) { return 0.5 * std::erfc(-x * std::numbers::sqrt2 / 2); }
inline double normal_pdf(double x) { return std::exp(-0.5 * x * x) / std::sqrt(2 * std::numbers::pi); }

// GELU's tanh approximation: 0.5·x·(1 + tanh u), u = √(2/π)(x + 0.044715x³).
// 1 + tanh u = 2σ(2u) avoids cancellation for large negative x.
inline constexpr double kGeluTanhScale = 0.7978845608028654;  // √(2/π)
inline constexpr double kGeluTanhCubic = 0.044715;
inline double gelu_tanh(double x) {
    const double u = kGeluTanhScale * (x + kGeluTanhCubic * x * x * x);
    return x * sigmoid(2 * u);
}
inline double d_gelu_tanh(double x) {
    const double u = kGeluTanhScale * (x + kGeluTanhCubic * x * x * x);
    const double du = kGeluTanhScale * (1 + 3 * kGeluTanhCubic * x * x);
    // d/dx [x σ(2u)] = σ(2u) + x·2σ(2u)σ(−2u)·u′. For |x| ≳ 4e153 u′ overflows to ∞ where σ′ is
    // exactly 0; the term is 0 there, not 0·∞ = NaN.
    const double slope = d_sigmoid(2 * u);
    return sigmoid(2 * u) + (slope == 0 ? 0.0 : 2 * x * slope * du);
}

// SELU's constants, as in PyTorch.
inline constexpr double kSeluAlpha = 1.6732632423543772848170429916717;
inline constexpr double kSeluScale = 1.0507009873554804934193349852946;
// λx for x > 0. Beyond x ≈ 1.71e308 λx exceeds the largest double; it saturates there rather than
// becoming ∞, so f stays finite for every finite x (∞ stays ∞).
inline double selu_positive(double x) {
    const double scaled = kSeluScale * x;
    return std::isinf(scaled) && std::isfinite(x) ? std::numeric_limits<double>::max() : scaled;
}

}  // namespace actviz::math
