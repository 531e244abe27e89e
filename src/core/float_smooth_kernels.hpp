#pragma once
// ELU, SiLU and GELU in float32 over a block of pre-activations, on Eigen's vector exp and erf
// packets (internal to core; LayerKernel<float> dispatches here). These three are in the bake-off's
// classic seven; through the catalogue's scalar double functions a 2-32-32-32-32-3 full-batch step
// took ~2 ms instead of ReLU's ~0.25 ms (now ~20 µs per 32 × 600 layer). The catalogue's formulas:
//   ELU   f = u (u > 0) else α·expm1(u)              f′ = 1 else α·e^u
//         expm1 = e^u − 1, or its Taylor series to u⁵/120 for |u| < 1/16 (truncation < 2e-9
//         relative) to keep float's relative precision near 0 (Eigen's vector expm1 is slower)
//   SiLU  f = u·σ(u)                                 f′ = σ(u)·(1 + u·σ(−u))
//         σ(±|u|) from e = e^−|u| without overflow: σ(|u|) = 1/(1 + e), σ(−|u|) = e·σ(|u|)
//   GELU  f = u·Φ(u), Φ(u) = ½(1 + erf(u/√2))         f′ = Φ(u) + u·φ(u), φ(u) = e^(−u²/2)/√(2π)
// Accuracy is float's: GELU's Φ for u ≲ −4 loses its relative precision to the cancellation in
// 1 + erf (absolute error ~1e-7 in Φ, so ~1e-7·|u| in f; Φ = 0 below u ≈ −5.5), as in PyTorch's float GELU. Tests compare
// against the catalogue with float tolerances (tests/core/test_mlp.cpp). NaN stays NaN.

#include <numbers>
#include <string_view>

#include <Eigen/Core>
#include <unsupported/Eigen/SpecialFunctions>

#include "core/activation.hpp"

namespace actviz::detail {

class FloatSmoothKernel {
   public:
    enum class Kind { None, Elu, Silu, Gelu };

    static Kind kind_of(std::string_view name) {
        if (name == "elu") return Kind::Elu;
        if (name == "silu") return Kind::Silu;
        if (name == "gelu") return Kind::Gelu;
        return Kind::None;
    }

    FloatSmoothKernel(Kind kind, const ParameterValues& p) : kind_(kind), parameters_(p), alpha_(static_cast<float>(p[0])) {}
    Kind kind() const { return kind_; }

    // f(u) into f, f′(u) into df; f may alias u (each packet reads u before writing f).
    void apply(const float* u, float* f, float* df, Eigen::Index count) const {
        Eigen::Index i = 0;
        for (; i + kLanes <= count; i += kLanes) packet(u + i, f + i, df + i);
        if (i == count) return;
        // The tail of a block (fewer than a packet): the catalogue's double, rounded.
        const Activation& activation =
            *find_activation(kind_ == Kind::Elu ? "elu" : kind_ == Kind::Silu ? "silu" : "gelu");
        for (; i < count; ++i) {
            df[i] = static_cast<float>(activation.df(u[i], parameters_));
            f[i] = static_cast<float>(activation.f(u[i], parameters_));
        }
    }

   private:
    // Packets and selects by hand: Eigen 3.4's array .select() is not vectorised, and it made these
    // kernels 3× slower than their exp alone.
    using Packet = Eigen::internal::packet_traits<float>::type;
    static constexpr int kLanes = static_cast<int>(sizeof(Packet) / sizeof(float));
    static constexpr float kSmall = 0.0625f, kSixth = 1.0f / 6, kTwentyFourth = 1.0f / 24, kOneTwentieth = 1.0f / 120;
    static constexpr float kInvSqrt2 = static_cast<float>(1 / std::numbers::sqrt2);
    static constexpr float kInvSqrt2Pi = static_cast<float>(std::numbers::inv_sqrtpi / std::numbers::sqrt2);

    void packet(const float* u_data, float* f_data, float* df_data) const {
        using namespace Eigen::internal;
        const Packet u = ploadu<Packet>(u_data);
        const Packet zero = pzero(u);
        const Packet one = pset1<Packet>(1.0f);
        Packet f = zero, df = zero;
        switch (kind_) {
            case Kind::Elu: {
                const Packet negative = pmin(u, zero);  // e^u only where it is used: no overflow for large u
                const Packet exp = pexp(negative);
                Packet series = pmadd(negative, pset1<Packet>(kOneTwentieth), pset1<Packet>(kTwentyFourth));
                series = pmadd(negative, series, pset1<Packet>(kSixth));
                series = pmadd(negative, series, pset1<Packet>(0.5f));
                series = pmul(negative, pmadd(negative, series, one));
                const Packet expm1 = pselect(pcmp_lt(pset1<Packet>(-kSmall), negative), series, psub(exp, one));
                const Packet alpha = pset1<Packet>(alpha_);
                const Packet positive = pcmp_lt(zero, u);
                const Packet number = pcmp_eq(u, u);  // false for NaN, which min() would turn into 0
                f = pselect(number, pselect(positive, u, pmul(alpha, expm1)), u);
                df = pselect(number, pselect(positive, one, pmul(alpha, exp)), u);
                break;
            }
            case Kind::Silu: {
                const Packet e = pexp(pnegate(pabs(u)));
                const Packet upper = pdiv(one, padd(one, e));
                const Packet lower = pmul(e, upper);
                const Packet non_negative = pcmp_le(zero, u);
                const Packet sigma = pselect(non_negative, upper, lower);
                const Packet sigma_negated = pselect(non_negative, lower, upper);
                df = pmul(sigma, pmadd(u, sigma_negated, one));
                f = pmul(u, sigma);
                break;
            }
            case Kind::Gelu: {
                const Packet half = pset1<Packet>(0.5f);
                const Packet cdf = pmul(half, padd(one, perf(pmul(u, pset1<Packet>(kInvSqrt2)))));
                const Packet pdf = pmul(pset1<Packet>(kInvSqrt2Pi), pexp(pnegate(pmul(half, pmul(u, u)))));
                df = pmadd(u, pdf, cdf);
                f = pmul(u, cdf);
                break;
            }
            case Kind::None: return;
        }
        pstoreu(df_data, df);
        pstoreu(f_data, f);
    }

    Kind kind_;
    ParameterValues parameters_;  // for the tail through the catalogue
    float alpha_;                 // ELU's α
};

}  // namespace actviz::detail
