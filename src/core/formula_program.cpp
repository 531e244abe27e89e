#include "core/formula_program.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "core/activation_math.hpp"

namespace actviz {
namespace {

constexpr Eigen::Index kChunk = 256;  // a register: stays in L1 with a few dozen of them

template <typename T>
using Array = Eigen::Array<T, Eigen::Dynamic, 1, 0, kChunk, 1>;
template <typename T>
using Map = Eigen::Map<Eigen::Array<T, Eigen::Dynamic, 1>>;

// Beyond this |u| Eigen's vector exp clamps its argument (e^−720 would read 5.6e-309 instead of
// 2.4e-313), so those elements are redone by std::exp; float's tiny values flush as a float kernel's.
template <typename T>
constexpr T kExpSafe = sizeof(T) == 4 ? T(80) : T(700);

// r may be a's own register (the allocator reuses an operand's register for the result): whatever
// reads a after r is written reads this copy instead.
template <typename T>
void exp_into(Map<T> r, const Map<T>& a) {
    if (!(a.abs() > kExpSafe<T>).any()) {
        r = a.exp();
        return;
    }
    const Array<T> input = a;
    r = input.exp();
    for (Eigen::Index i = 0; i < input.size(); ++i)
        if (std::fabs(input[i]) > kExpSafe<T>) r[i] = std::exp(input[i]);
}

// σ(u): e = e^−|u|, σ(|u|) = 1/(1 + e), σ(−|u|) = e·σ(|u|), exactly as the sigmoid kernel.
template <typename T>
void sigmoid_into(Map<T> r, const Map<T>& a) {
    const Array<T> input = a;  // r may alias a
    const Array<T> e = (-input.abs()).exp();
    const Array<T> upper = (T(1) + e).inverse();
    const Array<T> lower = e * upper;
    r = (input >= T(0)).select(upper, lower);
    if (!(input.abs() > kExpSafe<T>).any()) return;
    for (Eigen::Index i = 0; i < input.size(); ++i)
        if (std::fabs(input[i]) > kExpSafe<T>) r[i] = static_cast<T>(math::sigmoid(static_cast<double>(input[i])));
}

// log(1 + eᵘ) = max(u, 0) + log1p(e^−|u|): no overflow for large u, no loss for very negative u.
template <typename T>
void softplus_into(Map<T> r, const Map<T>& a) {
    const Array<T> input = a;  // r may alias a
    const Array<T> e = (-input.abs()).exp();
    r = input.max(T(0)) + e.log1p();
    // NaN must stay NaN (max would drop it).
    for (Eigen::Index i = 0; i < input.size(); ++i)
        if (std::isnan(input[i])) r[i] = input[i];
}

template <typename T>
void scalar_into(Map<T> r, const Map<T>& a, T (*fn)(T)) {
    for (Eigen::Index i = 0; i < a.size(); ++i) r[i] = fn(a[i]);
}

template <typename T>
T sign_of(T u) { return u > T(0) ? T(1) : u < T(0) ? T(-1) : u; }  // sign(0) = 0, NaN stays NaN
template <typename T>
T step_of(T u) { return u > T(0) ? T(1) : u <= T(0) ? T(0) : u; }  // step(0) = 0, NaN stays NaN
template <typename T>
T erf_of(T u) { return std::erf(u); }
template <typename T>
T tanh_of(T u) { return std::tanh(u); }

template <typename T>
void execute(const FormulaInstruction& in, Eigen::Index n, T* storage, const T* x, const ParameterValues& p) {
    const auto reg = [&](int r) { return Map<T>(storage + r * kChunk, n); };
    Map<T> r = reg(in.out);
    switch (in.op) {
        case FormulaOp::Input: r = Eigen::Map<const Eigen::Array<T, Eigen::Dynamic, 1>>(x, n); return;
        case FormulaOp::Parameter: r.setConstant(static_cast<T>(p[static_cast<size_t>(in.a)])); return;
        case FormulaOp::Constant: r.setConstant(static_cast<T>(in.constant)); return;
        default: break;
    }
    const Map<T> a = reg(in.a);
    switch (in.op) {
        case FormulaOp::Add: r = a + reg(in.b); return;
        case FormulaOp::Sub: r = a - reg(in.b); return;
        case FormulaOp::Mul: r = a * reg(in.b); return;
        case FormulaOp::Div: r = a / reg(in.b); return;
        case FormulaOp::Neg: r = -a; return;
        case FormulaOp::Square: r = a * a; return;
        case FormulaOp::Cube: r = a * a * a; return;
        case FormulaOp::Recip: r = T(1) / a; return;
        case FormulaOp::Sqrt: r = a.sqrt(); return;
        case FormulaOp::Pow: r = a.pow(reg(in.b)); return;
        case FormulaOp::Exp: exp_into<T>(r, a); return;
        case FormulaOp::Log: r = a.log(); return;
        case FormulaOp::Log1p: r = a.log1p(); return;
        case FormulaOp::Sin: r = a.sin(); return;
        case FormulaOp::Cos: r = a.cos(); return;
        case FormulaOp::Atan: r = a.atan(); return;
        case FormulaOp::Tanh:
            if constexpr (sizeof(T) == 4) r = a.tanh();  // Eigen's vector tanh (float only)
            else scalar_into<T>(r, a, tanh_of<T>);
            return;
        case FormulaOp::Erf: scalar_into<T>(r, a, erf_of<T>); return;
        case FormulaOp::Sigmoid: sigmoid_into<T>(r, a); return;
        case FormulaOp::Softplus: softplus_into<T>(r, a); return;
        case FormulaOp::Abs: r = a.abs(); return;
        case FormulaOp::Sign: scalar_into<T>(r, a, sign_of<T>); return;
        case FormulaOp::Step: scalar_into<T>(r, a, step_of<T>); return;
        case FormulaOp::Max: {
            const Map<T> b = reg(in.b);
            r = (a >= b).select(a, (b > a).select(b, a + b));  // a + b: NaN when either is
            return;
        }
        case FormulaOp::Min: {
            const Map<T> b = reg(in.b);
            r = (a <= b).select(a, (b < a).select(b, a + b));
            return;
        }
        case FormulaOp::Pick: {
            const Map<T> b = reg(in.b), c = reg(in.c), d = reg(in.d);
            // At a tie, the slope nearest 0 between c and d: 0 when they differ in sign.
            const auto nearest_zero = c.max(d).min(T(0)).max(c.min(d));  // clamp(0, min, max)
            r = (a > b).select(c, (b > a).select(d, (a == b).select(nearest_zero, a + b)));
            return;
        }
        case FormulaOp::Input:
        case FormulaOp::Parameter:
        case FormulaOp::Constant: return;
    }
}

}  // namespace

template <typename T>
void FormulaProgram::run(const T* x, Eigen::Index count, const ParameterValues& p, std::span<T* const> out) const {
    // Every register aligned to Eigen's packet size (kChunk values are a whole number of packets): Eigen
    // computes an unaligned array's first elements one at a time with std:: functions and the rest in
    // SIMD, whose cos or exp may differ in the last bit, so where the registers happened to sit once
    // changed f's last bit between two programs of one formula (seen by the fuzz corpus under load).
    thread_local std::vector<T, Eigen::aligned_allocator<T>> storage;
    storage.resize(static_cast<size_t>(std::max(registers, 1)) * kChunk);
    for (Eigen::Index start = 0; start < count; start += kChunk) {
        const Eigen::Index n = std::min(kChunk, count - start);
        for (const FormulaInstruction& in : code) execute<T>(in, n, storage.data(), x + start, p);
        for (size_t k = 0; k < out.size() && k < outputs.size(); ++k) {
            const T* from = storage.data() + outputs[k] * kChunk;
            std::copy(from, from + n, out[k] + start);
        }
    }
}

double FormulaProgram::value(double x, const ParameterValues& p, int k) const {
    std::array<double, 4> results{};
    std::array<double*, 4> out{};
    const size_t count = std::min(outputs.size(), results.size());
    for (size_t i = 0; i < count; ++i) out[i] = &results[i];
    run<double>(&x, 1, p, std::span<double* const>(out.data(), count));
    return results[static_cast<size_t>(k)];
}

template void FormulaProgram::run<float>(const float*, Eigen::Index, const ParameterValues&, std::span<float* const>) const;
template void FormulaProgram::run<double>(const double*, Eigen::Index, const ParameterValues&,
                                          std::span<double* const>) const;

}  // namespace actviz
