#pragma once
// f and f′ of an activation over a whole array at once, vectorised, for the activations the
// gradient-flow presets use most (sigmoid, tanh, the ReLU family, identity) and for typed formulas
// (their compiled programs, core/formula_program.hpp); every other one goes through the catalogue's
// scalar functions. Internal to core: the catalogue stays the definition, these are the same
// formulas (activation_math.hpp) written for SIMD. Values agree with the catalogue to an ulp or two
// (Eigen's vector exp instead of std::exp).

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>

#include <Eigen/Core>

#include "core/activation.hpp"
#include "core/custom_activation.hpp"

namespace actviz::detail {

template <typename T>
class ActivationKernel {
   public:
    ActivationKernel(const Activation& activation, const ParameterValues& p) : activation_(activation), p_(p) {
        const std::string_view name = activation.name;
        if (activation.custom)
            kind_ = Kind::Program;
        else if (name == "sigmoid")
            kind_ = Kind::Sigmoid;
        else if (name == "tanh")
            kind_ = Kind::Tanh;
        else if (name == "relu")
            kind_ = Kind::Relu;
        else if (name == "leaky_relu" || name == "prelu")
            kind_ = Kind::Leaky;
        else if (name == "identity")
            kind_ = Kind::Identity;
    }

    // False when every element goes through the catalogue's scalar functions (no SIMD path).
    bool vectorised() const { return kind_ != Kind::Generic; }

    // f(u) into f, f′(u) into df; `count` entries each. f may be u itself (computed in place):
    // every kernel reads u[i] before it writes f[i], and df never overlaps u.
    void apply(const T* u, T* f, T* df, Eigen::Index count) const {
        if (kind_ == Kind::Program) {  // a typed formula: its compiled program runs over the whole block
            T* const outputs[] = {f, df};
            activation_.custom->compiled.slope.run(u, count, p_, std::span<T* const>(outputs));
            return;
        }
        for (Eigen::Index start = 0; start < count; start += kChunk) {
            const Eigen::Index n = std::min(kChunk, count - start);
            apply_chunk(u + start, f + start, df + start, n);
        }
    }

   private:
    enum class Kind { Generic, Program, Sigmoid, Tanh, Relu, Leaky, Identity };
    static constexpr Eigen::Index kChunk = 256;  // temporaries stay on the stack and in L1
    using Array = Eigen::Array<T, Eigen::Dynamic, 1, 0, kChunk, 1>;
    using ConstMap = Eigen::Map<const Eigen::Array<T, Eigen::Dynamic, 1>>;
    using Map = Eigen::Map<Eigen::Array<T, Eigen::Dynamic, 1>>;

    // Beyond this |u| the vector exp clamps its argument, so the tails go through the catalogue
    // (keeping σ(−720) = 2.4e-313 in double and letting float's tiny σ flush to exactly 0).
    static constexpr T kExpSafe = sizeof(T) == 4 ? T(80) : T(700);

    void apply_chunk(const T* u_data, T* f_data, T* df_data, Eigen::Index n) const {
        const ConstMap u(u_data, n);
        Map f(f_data, n), df(df_data, n);
        switch (kind_) {
            case Kind::Sigmoid: {
                // e = e^−|u|; σ(|u|) = 1/(1 + e), σ(−|u|) = e·σ(|u|); σ′ = σ(u)σ(−u) without cancellation.
                const Array e = (-u.abs()).exp();
                const Array upper = (T(1) + e).inverse();
                const Array lower = e * upper;
                df = upper * lower;
                if ((u.abs() > kExpSafe).any()) {
                    for (Eigen::Index i = 0; i < n; ++i) {
                        const bool tail = std::fabs(u_data[i]) > kExpSafe;
                        if (tail) df_data[i] = static_cast<T>(activation_.df(u_data[i], p_));
                        f_data[i] = tail ? static_cast<T>(activation_.f(u_data[i], p_))
                                         : (u_data[i] >= T(0) ? upper[i] : lower[i]);
                    }
                    return;
                }
                f = (u >= T(0)).select(upper, lower);
                return;
            }
            case Kind::Tanh:
                f = u.tanh();
                df = T(1) - f.square();
                return;
            case Kind::Relu:
                df = (u > T(0)).select(Array::Ones(n), T(0));
                f = (u > T(0)).select(u, T(0));
                return;
            case Kind::Leaky: {
                const T slope = static_cast<T>(p_[0]);
                df = (u > T(0)).select(Array::Ones(n), slope);
                f = (u > T(0)).select(u, slope * u);
                return;
            }
            case Kind::Identity:
                df.setOnes();
                f = u;
                return;
            case Kind::Program: return;  // handled in apply()
            case Kind::Generic:
                for (Eigen::Index i = 0; i < n; ++i) {
                    // The catalogue is double; in float32 each value is rounded (and flushed) like a float kernel's.
                    df_data[i] = narrowed(activation_.df(u_data[i], p_));
                    f_data[i] = narrowed(activation_.f(u_data[i], p_));
                }
                return;
        }
    }

    // A catalogue value in T. A finite value beyond float's range (selu's λx for x near FLT_MAX)
    // saturates at the largest float, as the catalogue saturates at the largest double, so a finite
    // input never gives an infinite f in float32 either; ±∞ and NaN pass through.
    static T narrowed(double value) {
        if constexpr (sizeof(T) < sizeof(double)) {
            constexpr double kLargest = static_cast<double>(std::numeric_limits<T>::max());
            if (std::isfinite(value)) value = std::clamp(value, -kLargest, kLargest);
        }
        return static_cast<T>(value);
    }

    const Activation& activation_;
    const ParameterValues p_;
    Kind kind_ = Kind::Generic;
};

}  // namespace actviz::detail
