// [SECTION] Our functions in GiNaC (derivatives and printing)
// [SECTION] The parser: text -> GiNaC expression, with columns in every message
// [SECTION] The compiler: GiNaC expression -> flat program
// [SECTION] Printing f′ for a reader
// [SECTION] compile_formula
//
// Why our own parser in front of GiNaC: GiNaC's parser reports every error at "line 0, column 0"
// with its own source location appended, rejects x^2^3, and would evaluate 10^10^10 exactly (a
// ten-billion-digit integer). The grammar is ours (a small recursive descent with positions);
// GiNaC does what it is good at: canonical forms, symbolic derivatives, printing.

#include "core/formula.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <mutex>
#include <numbers>
#include <sstream>
#include <cctype>
#include <stdexcept>

#include <ginac/ginac.h>

namespace actviz {
namespace {

using GiNaC::ex;

// [SECTION] Our functions in GiNaC (derivatives and printing) ----------------------------------

// GiNaC's own abs and step differ from ours (complex abs′, step(0) = 1/2), so every function a
// formula names that GiNaC lacks or defines differently is declared here, with its derivative.
DECLARE_FUNCTION_1P(av_sigmoid)
DECLARE_FUNCTION_1P(av_softplus)
DECLARE_FUNCTION_1P(av_erf)
DECLARE_FUNCTION_1P(av_log1p)
DECLARE_FUNCTION_1P(av_abs)
DECLARE_FUNCTION_1P(av_sign)
DECLARE_FUNCTION_1P(av_step)
DECLARE_FUNCTION_2P(av_max)
DECLARE_FUNCTION_2P(av_min)
DECLARE_FUNCTION_4P(av_pick)

ex sigmoid_slope(const ex& u, unsigned) { return av_sigmoid(u) * av_sigmoid(-u); }  // σ′ = σ(u)σ(−u), no cancellation
ex softplus_slope(const ex& u, unsigned) { return av_sigmoid(u); }
ex erf_slope(const ex& u, unsigned) { return 2 / GiNaC::sqrt(GiNaC::Pi) * GiNaC::exp(-GiNaC::pow(u, 2)); }
ex log1p_slope(const ex& u, unsigned) { return GiNaC::pow(1 + u, -1); }
ex abs_slope(const ex& u, unsigned) { return av_sign(u); }
ex flat_slope(const ex&, unsigned) { return 0; }
// max and min: the slope of the larger (smaller) argument; at a tie the slope nearest 0 between the
// two (0 when they differ in sign), as autograd gives relu′(0) = 0, leaky_relu′(0) = α, abs′(0) = 0. These need the arguments' own derivatives, so they are
// total derivatives (GiNaC's expl_derivative) rather than partial ones.
ex max_slope(const ex& a, const ex& b, const GiNaC::symbol& s) { return av_pick(a, b, a.diff(s), b.diff(s)); }
ex min_slope(const ex& a, const ex& b, const GiNaC::symbol& s) { return av_pick(b, a, a.diff(s), b.diff(s)); }
ex pick_slope(const ex& a, const ex& b, const ex& c, const ex& d, const GiNaC::symbol& s) {
    return av_pick(a, b, c.diff(s), d.diff(s));
}

template <const char* Name>
void print_call(const ex& u, const GiNaC::print_context& c) {
    c.s << Name << '(';
    u.print(c);
    c.s << ')';
}
template <const char* Name>
void print_call2(const ex& a, const ex& b, const GiNaC::print_context& c) {
    c.s << Name << '(';
    a.print(c);
    c.s << ", ";
    b.print(c);
    c.s << ')';
}
void print_pick(const ex& a, const ex& b, const ex& c, const ex& d, const GiNaC::print_context& ctx) {
    ctx.s << "(";
    a.print(ctx);
    ctx.s << " > ";
    b.print(ctx);
    ctx.s << " ? ";
    c.print(ctx);
    ctx.s << " : ";
    d.print(ctx);
    ctx.s << ")";
}

constexpr char kSigmoid[] = "sigmoid", kSoftplus[] = "softplus", kErf[] = "erf", kLog1p[] = "log1p", kAbs[] = "abs",
               kSign[] = "sign", kStep[] = "step", kMax[] = "max", kMin[] = "min";

REGISTER_FUNCTION(av_sigmoid, derivative_func(sigmoid_slope).print_func<GiNaC::print_context>(print_call<kSigmoid>))
REGISTER_FUNCTION(av_softplus, derivative_func(softplus_slope).print_func<GiNaC::print_context>(print_call<kSoftplus>))
REGISTER_FUNCTION(av_erf, derivative_func(erf_slope).print_func<GiNaC::print_context>(print_call<kErf>))
REGISTER_FUNCTION(av_log1p, derivative_func(log1p_slope).print_func<GiNaC::print_context>(print_call<kLog1p>))
REGISTER_FUNCTION(av_abs, derivative_func(abs_slope).print_func<GiNaC::print_context>(print_call<kAbs>))
REGISTER_FUNCTION(av_sign, derivative_func(flat_slope).print_func<GiNaC::print_context>(print_call<kSign>))
REGISTER_FUNCTION(av_step, derivative_func(flat_slope).print_func<GiNaC::print_context>(print_call<kStep>))
REGISTER_FUNCTION(av_max, expl_derivative_func(max_slope).print_func<GiNaC::print_context>(print_call2<kMax>))
REGISTER_FUNCTION(av_min, expl_derivative_func(min_slope).print_func<GiNaC::print_context>(print_call2<kMin>))
REGISTER_FUNCTION(av_pick, expl_derivative_func(pick_slope).print_func<GiNaC::print_context>(print_pick))

// The functions a formula may call: name, arity, how to build it, and (for a numeric argument)
// its value in double, so GiNaC never evaluates a transcendental of a number itself (exp(1e300) in
// arbitrary precision can take forever).
struct FunctionEntry {
    std::string_view name;
    int arity;
    ex (*build)(const ex& a, const ex& b);
    double (*value)(double a, double b);
};

double sigmoid_value(double u, double) { return u >= 0 ? 1 / (1 + std::exp(-u)) : std::exp(u) / (1 + std::exp(u)); }
double softplus_value(double u, double) { return std::max(u, 0.0) + std::log1p(std::exp(-std::fabs(u))); }
double sign_value(double u, double) { return u > 0 ? 1.0 : u < 0 ? -1.0 : u; }

const FunctionEntry kFunctions[] = {
    {"exp", 1, [](const ex& a, const ex&) { return ex(GiNaC::exp(a)); }, [](double a, double) { return std::exp(a); }},
    {"log", 1, [](const ex& a, const ex&) { return ex(GiNaC::log(a)); }, [](double a, double) { return std::log(a); }},
    {"log1p", 1, [](const ex& a, const ex&) { return ex(av_log1p(a)); }, [](double a, double) { return std::log1p(a); }},
    {"sqrt", 1, [](const ex& a, const ex&) { return GiNaC::sqrt(a); }, [](double a, double) { return std::sqrt(a); }},
    {"abs", 1, [](const ex& a, const ex&) { return ex(av_abs(a)); }, [](double a, double) { return std::fabs(a); }},
    {"sin", 1, [](const ex& a, const ex&) { return ex(GiNaC::sin(a)); }, [](double a, double) { return std::sin(a); }},
    {"cos", 1, [](const ex& a, const ex&) { return ex(GiNaC::cos(a)); }, [](double a, double) { return std::cos(a); }},
    {"atan", 1, [](const ex& a, const ex&) { return ex(GiNaC::atan(a)); }, [](double a, double) { return std::atan(a); }},
    {"tanh", 1, [](const ex& a, const ex&) { return ex(GiNaC::tanh(a)); }, [](double a, double) { return std::tanh(a); }},
    {"sigmoid", 1, [](const ex& a, const ex&) { return ex(av_sigmoid(a)); }, sigmoid_value},
    {"softplus", 1, [](const ex& a, const ex&) { return ex(av_softplus(a)); }, softplus_value},
    {"erf", 1, [](const ex& a, const ex&) { return ex(av_erf(a)); }, [](double a, double) { return std::erf(a); }},
    {"sign", 1, [](const ex& a, const ex&) { return ex(av_sign(a)); }, sign_value},
    {"step", 1, [](const ex& a, const ex&) { return ex(av_step(a)); }, [](double a, double) { return a > 0 ? 1.0 : 0.0; }},
    {"max", 2, [](const ex& a, const ex& b) { return ex(av_max(a, b)); }, [](double a, double b) { return std::max(a, b); }},
    {"min", 2, [](const ex& a, const ex& b) { return ex(av_min(a, b)); }, [](double a, double b) { return std::min(a, b); }},
};

const FunctionEntry* find_function(std::string_view name) {
    for (const FunctionEntry& f : kFunctions)
        if (f.name == name) return &f;
    return nullptr;
}

// [SECTION] The parser: text -> GiNaC expression, with columns in every message -----------------

struct Symbols {
    GiNaC::realsymbol x{"x"}, alpha{"alpha"}, beta{"beta"};
};

class ParseFailure : public std::runtime_error {
   public:
    ParseFailure(const std::string& message, int column) : std::runtime_error(message), column(column) {}
    int column;
};

bool is_name_start(unsigned char c) { return std::isalpha(c) || c == '_'; }
bool is_name_char(unsigned char c) { return std::isalnum(c) || c == '_'; }

class Parser {
   public:
    Parser(std::string_view text, const Symbols& symbols) : text_(text), symbols_(symbols) {}

    ex parse() {
        skip_space();
        if (at_end()) fail("the formula is empty: type an expression in x, e.g. x * sigmoid(x)");
        ex result = expression();
        skip_space();
        if (!at_end()) {
            if (peek() == ')') fail("unmatched ')'");
            fail("expected an operator (+ − * / ^) or the end, found " + found());
        }
        return result;
    }

   private:
    // expression := term (("+" | "-") term)*
    ex expression() {
        ex left = term();
        for (;;) {
            skip_space();
            if (accept('+')) left = left + term();
            else if (accept('-')) left = left - term();
            else return left;
        }
    }
    // term := unary (("*" | "/") unary)*
    ex term() {
        ex left = unary();
        for (;;) {
            skip_space();
            if (peek() == '*' && peek(1) == '*') fail("use ^ for a power, not **");
            if (accept('*')) {
                left = left * unary();
            } else if (accept('/')) {
                const int column = column_of(pos_ - 1);
                const ex divisor = unary();
                if (divisor.is_zero()) fail_at("division by zero at column " + std::to_string(column), column);
                left = left / divisor;
            } else {
                return left;
            }
        }
    }
    // unary := ("-" | "+") unary | power        (so -x^2 = −(x²))
    ex unary() {
        const Depth guard(*this);
        skip_space();
        if (accept('-')) return -unary();
        if (accept('+')) return unary();
        return power();
    }
    // power := primary ("^" unary)?             (right-associative: x^2^3 = x^(2^3); x^-1 allowed)
    ex power() {
        ex base = primary();
        skip_space();
        if (!accept('^')) return base;
        const int column = column_of(pos_ - 1);
        ex exponent = unary();
        // Both numbers: computed in double, not as GiNaC's exact (possibly astronomically large) integer.
        if (GiNaC::is_a<GiNaC::numeric>(base) && GiNaC::is_a<GiNaC::numeric>(exponent)) {
            const double value = std::pow(to_double(base), to_double(exponent));
            if (!std::isfinite(value)) fail_at("the power at column " + std::to_string(column) + " is not a finite number", column);
            return numeric_of(value);
        }
        // x^2 as an exact square (so f′ reads 2·x and compiles to a multiplication); only small
        // whole exponents, since GiNaC multiplies nested ones out exactly.
        if (GiNaC::is_a<GiNaC::numeric>(exponent)) {
            const double k = to_double(exponent);
            if (k == std::round(k) && std::fabs(k) <= 4) exponent = GiNaC::numeric(static_cast<long>(k));
        }
        // c^x needs log(c) for its derivative: undefined for c ≤ 0 (GiNaC would throw mid-way).
        if (GiNaC::is_a<GiNaC::numeric>(base) && !(to_double(base) > 0))
            fail_at("the power at column " + std::to_string(column) + " raises " + (to_double(base) == 0 ? "0" : "a negative number") +
                        " to a power in x, which has no real derivative",
                    column);
        return GiNaC::pow(base, exponent);
    }
    // primary := number | name | name "(" arguments ")" | "(" expression ")"
    ex primary() {
        skip_space();
        if (at_end()) fail("expected a number, a name or '(', found the end of the formula");
        const unsigned char c = static_cast<unsigned char>(peek());
        if (c == '(') {
            const int open = column_of(pos_);
            ++pos_;
            if (++nesting_ > kMaxFormulaNesting)
                fail("more than " + std::to_string(kMaxFormulaNesting) + " parentheses inside each other");
            ex inner = expression();
            skip_space();
            if (!accept(')')) fail("expected ')' to close the '(' at column " + std::to_string(open) + ", found " + found());
            --nesting_;
            return inner;
        }
        if (std::isdigit(c) || c == '.') return number();
        if (is_name_start(c) || c >= 0x80) return name();
        fail("expected a number, a name or '(', found " + found());
    }

    ex number() {
        const size_t start = pos_;
        while (!at_end() && (std::isdigit(static_cast<unsigned char>(peek())) || peek() == '.')) ++pos_;
        if (!at_end() && (peek() == 'e' || peek() == 'E')) {
            // An exponent only when digits follow ("2e-3"); otherwise "2e" is 2 times e, which we refuse below.
            size_t look = pos_ + 1;
            if (look < text_.size() && (text_[look] == '+' || text_[look] == '-')) ++look;
            if (look < text_.size() && std::isdigit(static_cast<unsigned char>(text_[look]))) {
                pos_ = look;
                while (!at_end() && std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
            }
        }
        const std::string_view literal = text_.substr(start, pos_ - start);
        double value = 0;
        const auto [end, error] = std::from_chars(literal.data(), literal.data() + literal.size(), value);
        if (error == std::errc::result_out_of_range)
            fail_at("the number at column " + std::to_string(column_of(start)) + " is out of a double's range (about 1e±308)",
                    column_of(start));
        if (error != std::errc() || end != literal.data() + literal.size())
            fail_at("'" + std::string(literal) + "' at column " + std::to_string(column_of(start)) + " is not a number",
                    column_of(start));
        if (!std::isfinite(value))
            fail_at("the number at column " + std::to_string(column_of(start)) + " is too large", column_of(start));
        if (!at_end() && (is_name_start(static_cast<unsigned char>(peek())) || peek() == '('))
            fail("write the multiplication: '" + std::string(literal) + " * ...', not '" + std::string(literal) + "...'");
        // Numbers are doubles, never GiNaC's exact integers: GiNaC expands (2x)^n to 2^n·x^n and
        // would compute 2^999999999999 exactly. Only a small whole exponent is made exact (power()).
        return ex(GiNaC::numeric(value));
    }

    ex name() {
        const size_t start = pos_;
        std::string word;
        if (text_.substr(pos_).starts_with("α")) {
            word = "alpha";
            pos_ += std::string_view("α").size();
        } else if (text_.substr(pos_).starts_with("β")) {
            word = "beta";
            pos_ += std::string_view("β").size();
        } else if (static_cast<unsigned char>(peek()) >= 0x80) {
            fail("unexpected character " + found() + " (use alpha and beta, or α and β, for the parameters)");
        } else {
            while (!at_end() && is_name_char(static_cast<unsigned char>(peek()))) ++pos_;
            word = std::string(text_.substr(start, pos_ - start));
        }
        const int column = column_of(start);
        skip_space();
        const bool call = !at_end() && peek() == '(';
        if (const FunctionEntry* function = find_function(word)) {
            if (!call) fail_at("'" + word + "' at column " + std::to_string(column) + " is a function: write " + word + "(...)", column);
            return call_of(*function, column);
        }
        ex value;
        if (word == "x") value = symbols_.x;
        else if (word == "alpha") value = symbols_.alpha;
        else if (word == "beta") value = symbols_.beta;
        else if (word == "pi") value = GiNaC::Pi;
        else if (word == "e") value = GiNaC::exp(ex(1));  // exact: e^x becomes exp(x)
        else
            fail_at("unknown name '" + word + "' at column " + std::to_string(column) +
                        "; known: x, alpha, beta, pi, e, " + formula_function_names(),
                    column);
        if (call) fail_at("'" + word + "' at column " + std::to_string(column) + " is not a function", column);
        return value;
    }

    ex call_of(const FunctionEntry& function, int column) {
        ++pos_;  // '('
        if (++nesting_ > kMaxFormulaNesting)
            fail("more than " + std::to_string(kMaxFormulaNesting) + " parentheses inside each other");
        std::vector<ex> args;
        skip_space();
        if (!accept(')')) {
            for (;;) {
                args.push_back(expression());
                skip_space();
                if (accept(')')) break;
                if (!accept(',')) fail("expected ',' or ')' in the arguments of " + std::string(function.name) + ", found " + found());
            }
        }
        --nesting_;
        if (static_cast<int>(args.size()) != function.arity)
            fail_at(std::string(function.name) + " at column " + std::to_string(column) + " takes " +
                        std::to_string(function.arity) + (function.arity == 1 ? " argument" : " arguments") + ", got " +
                        std::to_string(args.size()),
                    column);
        const ex a = args[0], b = args.size() > 1 ? args[1] : ex(0);
        const bool numbers = GiNaC::is_a<GiNaC::numeric>(a) && (function.arity == 1 || GiNaC::is_a<GiNaC::numeric>(b));
        if (numbers) {
            const double value = function.value(to_double(a), to_double(b));
            if (!std::isfinite(value))
                fail_at(std::string(function.name) + " at column " + std::to_string(column) + " is not a finite number here", column);
            return numeric_of(value);
        }
        return function.build(a, b);
    }

    // A double as a GiNaC number; subnormals flushed to 0 (CLN may refuse them with an underflow).
    static ex numeric_of(double value) {
        if (std::fpclassify(value) == FP_SUBNORMAL) value = 0;
        return GiNaC::numeric(value);
    }

    double to_double(const ex& e) const {
        const GiNaC::numeric& n = GiNaC::ex_to<GiNaC::numeric>(e);
        return n.is_real() ? n.to_double() : std::nan("");
    }

    struct Depth {  // bounds the recursion however the operators are chained (-------x, x^x^x^...)
        explicit Depth(Parser& p) : parser(p) {
            if (++parser.depth_ > 4 * kMaxFormulaNesting + 64) parser.fail("the formula nests too deeply");
        }
        ~Depth() { --parser.depth_; }
        Parser& parser;
    };

    [[noreturn]] void fail(const std::string& what) { fail_at(what + " at column " + std::to_string(column_of(pos_)), column_of(pos_)); }
    [[noreturn]] void fail_at(const std::string& message, int column) { throw ParseFailure(message, column); }

    // Columns count characters, not bytes (α is two bytes).
    int column_of(size_t byte) const {
        int column = 1;
        for (size_t i = 0; i < byte && i < text_.size(); ++i)
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
        return column;
    }
    std::string found() const {
        if (at_end()) return "the end of the formula";
        size_t length = 1;
        while (pos_ + length < text_.size() && (static_cast<unsigned char>(text_[pos_ + length]) & 0xC0) == 0x80) ++length;
        return "'" + std::string(text_.substr(pos_, length)) + "'";
    }
    void skip_space() {
        while (!at_end() && std::isspace(static_cast<unsigned char>(peek()))) ++pos_;
    }
    bool at_end() const { return pos_ >= text_.size(); }
    char peek(size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }
    bool accept(char c) {
        if (peek() != c || at_end()) return false;
        ++pos_;
        return true;
    }

    std::string_view text_;
    const Symbols& symbols_;
    size_t pos_ = 0;
    int nesting_ = 0;
    int depth_ = 0;
};

// [SECTION] The compiler: GiNaC expression -> flat program --------------------------------------

class TooLarge : public std::runtime_error {
   public:
    TooLarge() : std::runtime_error("too large") {}
};

class Compiler {
   public:
    explicit Compiler(const Symbols& symbols) : symbols_(symbols) {}

    FormulaProgram compile(std::initializer_list<ex> results) {
        std::vector<int> outputs;
        for (const ex& e : results) outputs.push_back(emit(e));
        return assemble(outputs);
    }

   private:
    int emit(const ex& e) {
        if (const auto it = done_.find(e); it != done_.end()) return it->second;
        const int value = emit_new(e);
        done_.emplace(e, value);
        return value;
    }

    int emit_new(const ex& e) {
        using namespace GiNaC;
        if (is_a<numeric>(e)) {
            const numeric& n = ex_to<numeric>(e);
            return constant(n.is_real() ? n.to_double() : std::nan(""));
        }
        if (is_a<GiNaC::constant>(e)) return constant(ex_to<numeric>(e.evalf()).to_double());
        if (e.is_equal(symbols_.x)) return push({FormulaOp::Input});
        if (e.is_equal(symbols_.alpha)) return push({FormulaOp::Parameter, 0});
        if (e.is_equal(symbols_.beta)) return push({FormulaOp::Parameter, 1});
        if (is_a<add>(e)) {
            int sum = emit(e.op(0));
            for (size_t i = 1; i < e.nops(); ++i) {
                const ex& t = e.op(i);
                // a + (−1)·b is a − b
                if (is_a<mul>(t) && t.nops() == 2 && t.op(1).is_equal(-1)) sum = binary(FormulaOp::Sub, sum, emit(t.op(0)));
                else sum = binary(FormulaOp::Add, sum, emit(t));
            }
            return sum;
        }
        if (is_a<mul>(e)) {
            // Factors with negative exponents form a denominator: x·(1 + |x|)^−1 is x / (1 + |x|).
            int top = -1, bottom = -1;
            bool negate = false;
            for (size_t i = 0; i < e.nops(); ++i) {
                const ex& f = e.op(i);
                if (f.is_equal(-1)) {
                    negate = !negate;
                    continue;
                }
                if (is_a<power>(f) && is_a<numeric>(f.op(1)) && ex_to<numeric>(f.op(1)).is_negative()) {
                    const int factor = emit(pow(f.op(0), -f.op(1)));
                    bottom = bottom < 0 ? factor : binary(FormulaOp::Mul, bottom, factor);
                } else {
                    const int factor = emit(f);
                    top = top < 0 ? factor : binary(FormulaOp::Mul, top, factor);
                }
            }
            int result = top < 0 ? (bottom < 0 ? constant(1) : push({FormulaOp::Recip, bottom}))
                                 : (bottom < 0 ? top : binary(FormulaOp::Div, top, bottom));
            if (negate) result = push({FormulaOp::Neg, result});
            return result;
        }
        if (is_a<power>(e)) return power_of(e.op(0), e.op(1));
        if (is_a<function>(e)) return function_of(e);
        throw std::runtime_error("cannot compile " + to_text(e));
    }

    int power_of(const ex& base, const ex& exponent) {
        using namespace GiNaC;
        if (is_a<numeric>(exponent)) {
            const double k = ex_to<numeric>(exponent).to_double();
            const int b = emit(base);
            if (k == 1) return b;
            if (k == 2) return push({FormulaOp::Square, b});
            if (k == 3) return push({FormulaOp::Cube, b});
            if (k == -1) return push({FormulaOp::Recip, b});
            if (k == -2) return push({FormulaOp::Recip, push({FormulaOp::Square, b})});
            if (k == 0.5) return push({FormulaOp::Sqrt, b});
            if (k == -0.5) return push({FormulaOp::Recip, push({FormulaOp::Sqrt, b})});
            return binary(FormulaOp::Pow, b, constant(k));
        }
        return binary(FormulaOp::Pow, emit(base), emit(exponent));
    }

    int function_of(const ex& e) {
        using namespace GiNaC;
        const unsigned serial = ex_to<function>(e).get_serial();
        const auto unary_op = [&](FormulaOp op) { return push({op, emit(e.op(0))}); };
        if (serial == exp_SERIAL::serial) return unary_op(FormulaOp::Exp);
        if (serial == log_SERIAL::serial) return unary_op(FormulaOp::Log);
        if (serial == sin_SERIAL::serial) return unary_op(FormulaOp::Sin);
        if (serial == cos_SERIAL::serial) return unary_op(FormulaOp::Cos);
        if (serial == tanh_SERIAL::serial) return unary_op(FormulaOp::Tanh);
        if (serial == atan_SERIAL::serial) return unary_op(FormulaOp::Atan);
        if (serial == av_sigmoid_SERIAL::serial) return unary_op(FormulaOp::Sigmoid);
        if (serial == av_softplus_SERIAL::serial) return unary_op(FormulaOp::Softplus);
        if (serial == av_erf_SERIAL::serial) return unary_op(FormulaOp::Erf);
        if (serial == av_log1p_SERIAL::serial) return unary_op(FormulaOp::Log1p);
        if (serial == av_abs_SERIAL::serial) return unary_op(FormulaOp::Abs);
        if (serial == av_sign_SERIAL::serial) return unary_op(FormulaOp::Sign);
        if (serial == av_step_SERIAL::serial) return unary_op(FormulaOp::Step);
        if (serial == av_max_SERIAL::serial) return binary(FormulaOp::Max, emit(e.op(0)), emit(e.op(1)));
        if (serial == av_min_SERIAL::serial) return binary(FormulaOp::Min, emit(e.op(0)), emit(e.op(1)));
        if (serial == av_pick_SERIAL::serial) {
            FormulaInstruction in{FormulaOp::Pick, emit(e.op(0)), emit(e.op(1)), emit(e.op(2)), emit(e.op(3))};
            return push(in);
        }
        throw std::runtime_error("cannot compile " + to_text(e));
    }

    int constant(double value) {
        FormulaInstruction in{FormulaOp::Constant};
        in.constant = value;
        return push(in);
    }
    int binary(FormulaOp op, int a, int b) { return push({op, a, b}); }
    int push(FormulaInstruction in) {
        if (ssa_.size() >= kMaxFormulaInstructions) throw TooLarge();
        in.out = static_cast<int>(ssa_.size());
        ssa_.push_back(in);
        return in.out;
    }

    // SSA values -> a few reused registers: a value's register is freed after its last reader.
    FormulaProgram assemble(const std::vector<int>& outputs) const {
        const int count = static_cast<int>(ssa_.size());
        std::vector<int> last_use(static_cast<size_t>(count), -1);
        for (int i = 0; i < count; ++i)
            for (int operand : {ssa_[i].a, ssa_[i].b, ssa_[i].c, ssa_[i].d})
                if (operand >= 0 && ssa_[i].op != FormulaOp::Parameter) last_use[static_cast<size_t>(operand)] = i;
        for (int o : outputs) last_use[static_cast<size_t>(o)] = count;  // results live to the end
        FormulaProgram program;
        std::vector<int> physical(static_cast<size_t>(count), -1), free;
        for (int i = 0; i < count; ++i) {
            FormulaInstruction in = ssa_[static_cast<size_t>(i)];
            const auto map = [&](int& operand) {
                if (operand >= 0) operand = physical[static_cast<size_t>(operand)];
            };
            if (in.op != FormulaOp::Parameter) {
                map(in.a);
                map(in.b);
                map(in.c);
                map(in.d);
            }
            // Operands whose last reader is this instruction free their registers first: the
            // result may reuse one (every operation is elementwise, so in-place is safe).
            for (int operand : {ssa_[i].a, ssa_[i].b, ssa_[i].c, ssa_[i].d})
                if (operand >= 0 && ssa_[i].op != FormulaOp::Parameter && last_use[static_cast<size_t>(operand)] == i &&
                    std::find(free.begin(), free.end(), physical[static_cast<size_t>(operand)]) == free.end())
                    free.push_back(physical[static_cast<size_t>(operand)]);
            int reg;
            if (!free.empty()) {
                reg = free.back();
                free.pop_back();
            } else {
                reg = program.registers++;
            }
            physical[static_cast<size_t>(i)] = reg;
            in.out = reg;
            program.code.push_back(in);
            if (last_use[static_cast<size_t>(i)] < 0) free.push_back(reg);  // never read (dead code): reuse at once
        }
        for (int o : outputs) program.outputs.push_back(physical[static_cast<size_t>(o)]);
        return program;
    }

    static std::string to_text(const ex& e) {
        std::ostringstream out;
        out << e;
        return out.str();
    }

    const Symbols& symbols_;
    std::vector<FormulaInstruction> ssa_;
    std::map<ex, int, GiNaC::ex_is_less> done_;
};

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

bool mentions(const ex& e, const GiNaC::symbol& s) { return e.has(s); }

// [SECTION] Printing f′ for a reader ---------------------------------------------------------------

// GiNaC prints x^(-1)*Pi^(-1); a student reads x/π. Precedence levels: sum 1, product 2, power 3.
class Printer {
   public:
    std::string text(const ex& e, int outer = 0) {
        using namespace GiNaC;
        if (is_a<numeric>(e)) return number(ex_to<numeric>(e), outer);
        if (is_a<GiNaC::constant>(e)) return e.is_equal(Pi) ? "π" : to_string(e);
        if (is_a<symbol>(e)) {
            const std::string name = ex_to<symbol>(e).get_name();
            return name == "alpha" ? "α" : name == "beta" ? "β" : name;
        }
        if (is_a<add>(e)) return wrap(sum(e), 1, outer);
        if (is_a<mul>(e)) return product(e, outer);
        if (is_a<power>(e)) return power_text(e.op(0), e.op(1), outer);
        if (is_a<function>(e)) return call(e);
        return to_string(e);
    }

   private:
    static std::string wrap(const std::string& inner, int level, int outer) { return level < outer ? "(" + inner + ")" : inner; }

    static std::string to_string(const ex& e) {
        std::ostringstream out;
        out << e;
        return out.str();
    }

    std::string number(const GiNaC::numeric& n, int outer) {
        std::string t;
        if (n.is_integer() || !n.is_rational()) {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%.10g", n.to_double());
            t = buffer;
        } else {
            t = number(n.numer(), 0) + "/" + number(n.denom(), 0);
            if (outer >= 2) return "(" + t + ")";
        }
        return n.is_negative() && outer >= 2 ? "(" + t + ")" : t;
    }

    std::string sum(const ex& e) {
        std::string out;
        for (size_t i = 0; i < e.nops(); ++i) {
            std::string term = text(e.op(i), 1);
            if (i > 0) {
                if (term.starts_with("-")) out += " − " + term.substr(1);
                else out += " + " + term;
            } else {
                out += term.starts_with("-") ? "−" + term.substr(1) : term;
            }
        }
        return out;
    }

    // The number first (3·x², not x²·3); factors with negative powers go below a fraction bar; a
    // −1 coefficient becomes a sign.
    std::string product(const ex& e, int outer) {
        using namespace GiNaC;
        std::vector<std::string> top, bottom;
        std::string coefficient;
        bool negative = false;
        for (size_t i = 0; i < e.nops(); ++i) {
            const ex& f = e.op(i);
            if (is_a<numeric>(f)) {
                numeric n = ex_to<numeric>(f);
                if (n.is_negative()) negative = !negative, n = -n;
                if (n.is_rational() && !n.is_integer()) {
                    if (!n.numer().is_equal(1)) coefficient = number(n.numer(), 2);
                    bottom.push_back(number(n.denom(), 2));
                } else if (!n.is_equal(1)) {
                    coefficient = number(n, 2);
                }
            } else if (is_a<power>(f) && is_a<numeric>(f.op(1)) && ex_to<numeric>(f.op(1)).is_negative()) {
                bottom.push_back(power_text(f.op(0), -f.op(1), 3));
            } else {
                top.push_back(text(f, 2));
            }
        }
        if (!coefficient.empty()) top.insert(top.begin(), coefficient);
        std::string t;
        for (const std::string& part : top) t += (t.empty() ? "" : "·") + part;
        if (t.empty()) t = "1";
        if (!bottom.empty()) {
            std::string below;
            for (const std::string& part : bottom) below += (below.empty() ? "" : "·") + part;
            t += " / " + (bottom.size() > 1 ? "(" + below + ")" : below);
        }
        return wrap((negative ? "-" : "") + t, bottom.empty() ? 2 : 1, outer);
    }

    std::string power_text(const ex& base, const ex& exponent, int outer) {
        using namespace GiNaC;
        if (exponent.is_equal(1)) return text(base, outer);
        if (exponent.is_equal(ex(1) / 2)) return "√(" + text(base) + ")";
        if (exponent.is_equal(-1)) return wrap("1 / " + text(base, 3), 2, outer);
        std::string b = text(base, 4);
        if (exponent.is_equal(2)) return b + "²";
        if (exponent.is_equal(3)) return b + "³";
        return wrap(b + "^" + text(exponent, 4), 3, outer);
    }

    // The slope of max/min: a > b ? c : b > a ? d : at a tie the slope nearest 0 between c and d.
    // With numbers for c and d the tie joins the branch holding that one: max(0, x)′ reads (x > 0 ? 1 : 0).
    std::string pick(const ex& e) {
        using namespace GiNaC;
        const ex &a = e.op(0), &b = e.op(1), &c = e.op(2), &d = e.op(3);
        if (is_a<numeric>(c) && is_a<numeric>(d) && ex_to<numeric>(c).is_real() && ex_to<numeric>(d).is_real()) {
            const double cv = ex_to<numeric>(c).to_double(), dv = ex_to<numeric>(d).to_double();
            const double tie = std::clamp(0.0, std::min(cv, dv), std::max(cv, dv));
            if (tie == cv) return "(" + text(b) + " > " + text(a) + " ? " + text(d) + " : " + text(c) + ")";
            if (tie == dv) return "(" + text(a) + " > " + text(b) + " ? " + text(c) + " : " + text(d) + ")";
            return "(" + text(a) + " > " + text(b) + " ? " + text(c) + " : " + text(b) + " > " + text(a) + " ? " + text(d) + " : 0)";
        }
        return "(" + text(a) + " > " + text(b) + " ? " + text(c) + " : " + text(b) + " > " + text(a) + " ? " + text(d) +
               " : the one of " + text(c) + ", " + text(d) + " nearer 0)";
    }

    std::string call(const ex& e) {
        using namespace GiNaC;
        if (ex_to<function>(e).get_serial() == av_pick_SERIAL::serial) return pick(e);
        std::string name = ex_to<function>(e).get_name();
        if (name.starts_with("av_")) name = name.substr(3);
        if (name == "exp" && e.op(0).is_equal(1)) return "e";
        std::string args;
        for (size_t i = 0; i < e.nops(); ++i) args += (i ? ", " : "") + text(e.op(i));
        return name + "(" + args + ")";
    }
};

}  // namespace

// [SECTION] compile_formula ------------------------------------------------------------------------

std::string formula_function_names() {
    std::string names;
    for (const FunctionEntry& f : kFunctions) names += (names.empty() ? "" : ", ") + std::string(f.name);
    return names;
}

FormulaResult compile_formula(std::string_view typed) {
    FormulaResult result;
    const std::string_view text = trimmed(typed);
    // Columns count in the text as typed: the leading spaces trimmed off come back.
    int leading = 0;
    for (const char* c = typed.data(); c != text.data(); ++c) ++leading;
    if (text.size() > kMaxFormulaLength) {
        result.error = {"the formula is " + std::to_string(text.size()) + " bytes long; at most " +
                            std::to_string(kMaxFormulaLength) + " are accepted",
                        static_cast<int>(kMaxFormulaLength) + 1};
        return result;
    }
    // GiNaC keeps global tables (its function registry, the unique symbol serials): one at a time.
    static std::mutex ginac;
    const std::lock_guard lock(ginac);
    try {
        // One set of symbols for the process: GiNaC orders a sum's terms by its symbols' serial
        // numbers, so the same formula then always prints its f′ the same way. Never destroyed
        // (GiNaC's own statics may be gone by then).
        static const Symbols* const shared = new Symbols;
        const Symbols& symbols = *shared;
        const ex f = Parser(text, symbols).parse();
        const ex df = f.diff(symbols.x);
        const ex d2f = df.diff(symbols.x);
        CompiledFormula compiled;
        compiled.text = std::string(text);
        compiled.derivative = Printer().text(df);
        if (compiled.derivative.starts_with("-")) compiled.derivative = "−" + compiled.derivative.substr(1);
        compiled.value = Compiler(symbols).compile({f});
        compiled.slope = Compiler(symbols).compile({f, df});
        compiled.curvature = Compiler(symbols).compile({d2f});
        compiled.parameter_count = mentions(f, symbols.beta) ? 2 : mentions(f, symbols.alpha) ? 1 : 0;
        result.formula = std::move(compiled);
    } catch (const ParseFailure& failure) {
        result.error = {failure.what(), failure.column > 0 ? failure.column + leading : 0};
        if (leading > 0 && failure.column > 0) {  // the message's "column N" too
            const std::string from = "column " + std::to_string(failure.column), to = "column " + std::to_string(failure.column + leading);
            if (const auto at = result.error.message.find(from); at != std::string::npos) result.error.message.replace(at, from.size(), to);
        }
    } catch (const TooLarge&) {
        result.error = {"the formula's derivatives are too large to compile (more than " +
                        std::to_string(kMaxFormulaInstructions) + " steps): simplify it"};
    } catch (const std::exception& failure) {
        result.error = {std::string("the formula cannot be compiled: ") + failure.what()};
    }
    return result;
}

}  // namespace actviz
