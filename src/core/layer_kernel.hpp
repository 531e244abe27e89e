#pragma once
// f and f′ of one hidden layer's activation over a whole block of pre-activations (internal to
// core). The classifier's common activations run on Eigen's SIMD packets directly: tanh (in double
// Eigen 3.4 has no vector tanh and calls std::tanh per element) and the ReLU family (Eigen 3.4's
// .select() is not vectorised either). Everything else is delegated to detail::ActivationKernel
// (activation_kernels.hpp: sigmoid vectorised, the rest through the catalogue), except ELU, SiLU and
// GELU in float, which go to FloatSmoothKernel (float_smooth_kernels.hpp; double keeps the catalogue's
// exact scalar path for the gradient checks).
//
// tanh in double, with a = |u| and e = e^(−2a) from Eigen's vector exp:
//   a ≥ 1/16:  tanh a = (1 − e)/(1 + e),  tanh′ = 4e/(1 + e)²   (cancellation in 1 − e costs < 16 ulp)
//   a < 1/16:  tanh a = a − a³/3 + 2a⁵/15 − 17a⁷/315 + 62a⁹/2835 (truncation < 1e-14 relative),
//              tanh′ = 1 − tanh²
// so f agrees with std::tanh to ~1e-14 relative. The catalogue's f′ = 1 − tanh² cancels for large
// |u| (it is exact only to ~1e-16 absolute); ours does not, so the two agree to 1e-12 relative or
// a few 1e-16 absolute, whichever is larger (tests/core/test_mlp.cpp checks it).
// ReLU and leaky ReLU/PReLU follow the catalogue exactly, including at 0 and for NaN.

#include <cmath>
#include <string_view>
#include <type_traits>

#include <Eigen/Core>

#include "core/activation.hpp"
#include "core/activation_kernels.hpp"
#include "core/float_smooth_kernels.hpp"

namespace actviz::detail {

template <typename T>
class LayerKernel {
   public:
    LayerKernel(const Activation& activation, const ParameterValues& p)
        : generic_(activation, p),
          smooth_(sizeof(T) == sizeof(float) ? FloatSmoothKernel::kind_of(activation.name) : FloatSmoothKernel::Kind::None,
                  p),
          name_(activation.name),
          slope_(T(p[0])) {
        const std::string_view name = activation.name;
        if (name == "tanh" && sizeof(T) == sizeof(double))  // float: Eigen's own vector tanh is faster
            kind_ = Kind::Tanh;
        else if (name == "relu")
            kind_ = Kind::Relu;
        else if (name == "leaky_relu" || name == "prelu")
            kind_ = Kind::Leaky;
    }

    // False when every element goes through the catalogue's scalar functions (no SIMD path).
    bool vectorised() const {
        return kind_ != Kind::Other || smooth_.kind() != FloatSmoothKernel::Kind::None || generic_.vectorised();
    }

    // f(u) into f, f′(u) into df (`count` entries each); f may alias u, df may not.
    void apply(const T* u, T* f, T* df, Eigen::Index count) const {
        if constexpr (std::is_same_v<T, float>) {
            if (smooth_.kind() != FloatSmoothKernel::Kind::None) return smooth_.apply(u, f, df, count);
        }
        if (kind_ == Kind::Other || kLanes == 1) return generic_.apply(u, f, df, count);
        Eigen::Index i = 0;
        for (; i + kLanes <= count; i += kLanes) packet(u + i, f + i, df + i);
        for (; i < count; ++i) scalar(u[i], f[i], df[i]);
    }

    // f(u) only, in place, where f′ is not needed (the decision boundary). `scratch` holds
    // `count` entries for activations without a value-only path.
    void apply_values(T* u, T* scratch, Eigen::Index count) const {
        Eigen::Map<Eigen::Array<T, Eigen::Dynamic, 1>> x(u, count);
        if (name_ == "tanh") {
            x = x.tanh();  // float: Eigen's vector tanh; double: std::tanh per element (not the hot path)
        } else if (kind_ == Kind::Relu) {
            x = x.max(T(0));
        } else {
            apply(u, u, scratch, count);
        }
    }

   private:
    enum class Kind { Other, Tanh, Relu, Leaky };
    using Packet = typename Eigen::internal::packet_traits<T>::type;
    static constexpr int kLanes = Eigen::internal::unpacket_traits<Packet>::size;
    static constexpr T kSmall = T(0.0625);
    static constexpr T kC3 = T(-1) / 3, kC5 = T(2) / 15, kC7 = T(-17) / 315, kC9 = T(62) / 2835;

    void packet(const T* u_data, T* f_data, T* df_data) const {
        using namespace Eigen::internal;
        const Packet u = ploadu<Packet>(u_data);
        const Packet zero = pzero(u);
        const Packet one = pset1<Packet>(T(1));
        Packet f = zero, df = zero;
        switch (kind_) {
            case Kind::Tanh: {
                const Packet a = pabs(u);
                const Packet e = pexp(pmul(pset1<Packet>(T(-2)), a));
                const Packet inv = pdiv(one, padd(one, e));
                const Packet big_t = pmul(psub(one, e), inv);
                const Packet big_df = pmul(pmul(pset1<Packet>(T(4)), e), pmul(inv, inv));
                const Packet a2 = pmul(a, a);
                Packet series = pmadd(a2, pset1<Packet>(kC9), pset1<Packet>(kC7));
                series = pmadd(a2, series, pset1<Packet>(kC5));
                series = pmadd(a2, series, pset1<Packet>(kC3));
                series = pmul(a, pmadd(a2, series, one));
                // Selects, not 0/1 blends: 0·∞ would turn u = ±∞ into NaN. NaN inputs stay NaN.
                const Packet small = pcmp_lt(a, pset1<Packet>(kSmall));
                const Packet t = pselect(small, series, big_t);
                df = pselect(small, psub(one, pmul(series, series)), big_df);
                f = pselect(pcmp_lt(u, zero), pnegate(t), t);
                break;
            }
            case Kind::Relu: {
                const Packet positive = pcmp_lt(zero, u);  // false for NaN: relu(NaN) = 0 as in the catalogue
                f = pselect(positive, u, zero);
                df = pselect(positive, one, zero);
                break;
            }
            case Kind::Leaky: {
                const Packet positive = pcmp_lt(zero, u);
                const Packet slope = pset1<Packet>(slope_);
                f = pselect(positive, u, pmul(slope, u));
                df = pselect(positive, one, slope);
                break;
            }
            case Kind::Other: return;
        }
        pstoreu(df_data, df);
        pstoreu(f_data, f);
    }

    // The same formulas one element at a time (the tail of a block).
    void scalar(T u, T& f, T& df) const {
        switch (kind_) {
            case Kind::Tanh: {
                const T a = std::fabs(u);
                T t;
                if (a < kSmall) {
                    const T a2 = a * a;
                    t = a * (T(1) + a2 * (kC3 + a2 * (kC5 + a2 * (kC7 + a2 * kC9))));
                    df = T(1) - t * t;
                } else {
                    const T e = std::exp(T(-2) * a);
                    const T inv = T(1) / (T(1) + e);
                    t = (T(1) - e) * inv;
                    df = T(4) * e * inv * inv;
                }
                f = u < T(0) ? -t : t;
                return;
            }
            case Kind::Relu:
                df = u > T(0) ? T(1) : T(0);
                f = u > T(0) ? u : T(0);
                return;
            case Kind::Leaky:
                df = u > T(0) ? T(1) : slope_;
                f = u > T(0) ? u : slope_ * u;
                return;
            case Kind::Other: return;
        }
    }

    ActivationKernel<T> generic_;
    FloatSmoothKernel smooth_;  // Kind::None unless T = float and the activation is ELU, SiLU or GELU
    std::string_view name_;
    T slope_;  // leaky ReLU / PReLU α
    Kind kind_ = Kind::Other;
};

}  // namespace actviz::detail
