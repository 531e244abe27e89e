#pragma once
// A typed formula compiled to a flat program: a straight list of instructions over whole arrays,
// so a custom activation's hot path never walks an expression tree per element. Each instruction
// reads earlier registers and writes one register; a register holds one chunk of 256 values (the
// input, a broadcast constant or parameter, or an intermediate). core/formula.cpp builds programs
// from GiNaC expressions; this file only runs them, with no GiNaC in sight.
//
// Piecewise conventions (the same as the catalogue's, so max(0, x) is exactly relu):
//   step(u) = 1 for u > 0, else 0;  abs′ uses sign(u), sign(0) = 0;
//   max(a, b) and min(a, b) propagate NaN; their derivative at a tie takes the slope nearest 0
//   between the two (Pick; 0 when they differ in sign), which gives relu′(0) = 0, leaky_relu′(0) = α,
//   hardtanh′(±1) = 0 and max(x, −x)′(0) = abs′(0) = 0 as autograd does.

#include <cstdint>
#include <span>
#include <vector>

#include <Eigen/Core>

#include "core/activation.hpp"

namespace actviz {

enum class FormulaOp : std::uint8_t {
    Input, Parameter, Constant,                        // leaves: x, α/β (index in `a`), a number
    Add, Sub, Mul, Div, Neg,                           // arithmetic
    Square, Cube, Recip, Sqrt, Pow,                    // powers: Pow raises a to the register b
    Exp, Log, Log1p, Sin, Cos, Atan, Tanh, Erf,        // elementary functions
    Sigmoid, Softplus,                                 // σ(u) and log(1 + eᵘ), computed without overflow
    Abs, Sign, Step, Max, Min,                         // piecewise
    Pick,                                              // a > b ? c : b > a ? d : nearest 0 in [c, d]: max/min′
};

struct FormulaInstruction {
    FormulaOp op;
    int a = -1, b = -1, c = -1, d = -1;  // operand registers (Parameter: 0 = α, 1 = β)
    double constant = 0;                 // Constant's value
    int out = -1;                        // the register written
};

class FormulaProgram {
   public:
    std::vector<FormulaInstruction> code;
    std::vector<int> outputs;  // the register holding each result, in order
    int registers = 0;

    // Evaluates every output over `count` inputs: outputs[k][i] = result k at x[i]. An output may
    // alias x (each chunk reads all of its x before writing any output).
    template <typename T>
    void run(const T* x, Eigen::Index count, const ParameterValues& p, std::span<T* const> out) const;

    // One value of output k at x (the analysis and the CLI's eval; not a hot path).
    double value(double x, const ParameterValues& p, int k = 0) const;
};

extern template void FormulaProgram::run<float>(const float*, Eigen::Index, const ParameterValues&,
                                                std::span<float* const>) const;
extern template void FormulaProgram::run<double>(const double*, Eigen::Index, const ParameterValues&,
                                                 std::span<double* const>) const;

}  // namespace actviz
