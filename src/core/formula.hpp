#pragma once
// A formula in x typed by the user, e.g. "x * tanh(softplus(x))", compiled to flat programs for f,
// f′ and f″. GiNaC (Debian's libginac-dev) parses it and differentiates it symbolically, so f′ and
// f″ are exact; core/formula_program.hpp then runs the result over whole arrays. Only formula.cpp
// sees GiNaC.
//
// Names a formula may use: x; the parameters alpha and beta (sliders, α then β); the constants pi
// and e; and the functions listed by formula_function_names(). Numbers are decimal (1.702, 2e-3);
// ^ is a power (right-associative: x^2^3 = x^(2^3)).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/formula_program.hpp"

namespace actviz {

// Limits that keep a typed formula from exhausting the parser's stack or the compiler's memory.
inline constexpr std::size_t kMaxFormulaLength = 500;     // characters
inline constexpr int kMaxFormulaNesting = 40;             // parentheses inside each other
inline constexpr std::size_t kMaxFormulaInstructions = 4000;  // of the largest program (usually f″)

struct FormulaError {
    std::string message;  // one line, e.g. "unknown name 'sigmod' at column 5 (known: ...)"
    int column = 0;       // 1-based position in the text; 0 when the error has no position
};

struct CompiledFormula {
    std::string text;          // as typed, trimmed
    std::string derivative;    // f′ for a reader, e.g. "sigmoid(x) + x·sigmoid(x)·sigmoid(-x)"
    FormulaProgram value;      // outputs f
    FormulaProgram slope;      // outputs f, f′
    FormulaProgram curvature;  // outputs f″
    int parameter_count = 0;   // 2 when beta appears, else 1 when alpha appears, else 0
};

struct FormulaResult {
    std::optional<CompiledFormula> formula;  // set on success
    FormulaError error;                      // set otherwise
};

// Thread-safe (GiNaC's parser and differentiation are serialised inside).
FormulaResult compile_formula(std::string_view text);

// "exp, log, log1p, ..." — the functions a formula may call, for messages and the editor's help.
std::string formula_function_names();

}  // namespace actviz
