// [SECTION] Parameter helpers
// [SECTION] The catalogue, family by family (f and f′ side by side)
// [SECTION] Lookup and validation

#include "core/activation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <atomic>
#include <mutex>

#include "core/activation_math.hpp"
#include "core/custom_activation.hpp"

namespace actviz {
namespace {

// [SECTION] Parameter helpers ------------------------------------------------------------------

using P = const ParameterValues&;
constexpr Parameter kNoParameter{"", "", 0, 0, 0};
constexpr std::array<Parameter, kMaxParameters> no_params() { return {kNoParameter, kNoParameter}; }
constexpr std::array<Parameter, kMaxParameters> one_param(Parameter a) { return {a, kNoParameter}; }
constexpr std::array<Parameter, kMaxParameters> two_params(Parameter a, Parameter b) { return {a, b}; }

std::vector<double> smooth(P) { return {}; }
std::vector<double> kink_at_zero(P) { return {0.0}; }
std::vector<double> kinks_at_first(P p) { return {p[0]}; }
std::vector<double> kinks_at_both(P p) { return {p[0], p[1]}; }
std::vector<double> kinks_at_plus_minus_first(P p) { return {-p[0], p[0]}; }

double leaky(double x, double slope) { return x > 0 ? x : slope * x; }
double d_leaky(double x, double slope) { return x > 0 ? 1.0 : slope; }
double clamp_to(double x, double lo, double hi) { return std::min(std::max(x, lo), hi); }
// hardtanh's autograd passes the gradient only strictly inside (lo, hi).
double d_clamp_to(double x, double lo, double hi) { return x <= lo || x >= hi ? 0.0 : 1.0; }

// [SECTION] The catalogue, family by family (f and f′ side by side) ----------------------------

const std::array kCatalogue{
    // --- Linear ---
    Activation{"identity", "Identity", Family::Linear, "f(x) = x", "f′(x) = 1", no_params(), 0,
               {"(−∞, ∞)", false, false},
               [](double x, P) { return x; },
               [](double, P) { return 1.0; }, smooth},

    // --- Sigmoid-like ---
    Activation{"sigmoid", "Sigmoid", Family::SigmoidLike, "σ(x) = 1 / (1 + e^−x)",
               "σ′(x) = σ(x)(1 − σ(x))", no_params(), 0,
               {"(0, 1)", true, false},
               [](double x, P) { return math::sigmoid(x); },
               [](double x, P) { return math::d_sigmoid(x); }, smooth},
    Activation{"tanh", "Tanh", Family::SigmoidLike, "tanh(x) = (e^x − e^−x) / (e^x + e^−x)",
               "tanh′(x) = 1 − tanh²(x)", no_params(), 0,
               {"(−1, 1)", true, false},
               [](double x, P) { return std::tanh(x); },
               [](double x, P) { const double t = std::tanh(x); return 1.0 - t * t; }, smooth},
    Activation{"softsign", "Softsign", Family::SigmoidLike, "f(x) = x / (1 + |x|)",
               "f′(x) = 1 / (1 + |x|)²", no_params(), 0,
               {"(−1, 1)", true, false},
               [](double x, P) { return x / (1.0 + std::fabs(x)); },
               [](double x, P) { const double d = 1.0 + std::fabs(x); return 1.0 / (d * d); }, smooth},
    Activation{"logsigmoid", "LogSigmoid", Family::SigmoidLike, "f(x) = log σ(x) = −log(1 + e^−x)",
               "f′(x) = σ(−x) = 1 − σ(x)", no_params(), 0,
               {"(−∞, 0)", true, false},
               [](double x, P) { return -math::log1p_exp(-x); },
               [](double x, P) { return math::sigmoid(-x); }, smooth},

    // --- ReLU family ---
    Activation{"relu", "ReLU", Family::ReluFamily, "f(x) = max(0, x)", "f′(x) = 1 if x > 0, else 0", no_params(), 0,
               {"[0, ∞)", false, true},
               [](double x, P) { return x > 0 ? x : 0.0; },
               [](double x, P) { return x > 0 ? 1.0 : 0.0; }, kink_at_zero},
    Activation{"leaky_relu", "Leaky ReLU", Family::ReluFamily, "f(x) = x if x > 0, else αx",
               "f′(x) = 1 if x > 0, else α",
               one_param({"alpha", "α", 0.01, 0.0, 1.0}), 1,
               {"(−∞, ∞)", false, false},
               [](double x, P p) { return leaky(x, p[0]); },
               [](double x, P p) { return d_leaky(x, p[0]); }, kink_at_zero},
    Activation{"prelu", "PReLU", Family::ReluFamily, "f(x) = x if x > 0, else αx  (α learnable)",
               "f′(x) = 1 if x > 0, else α  (∂f/∂α = x for x < 0)",
               one_param({"alpha", "α", 0.25, 0.0, 1.0}), 1,
               {"(−∞, ∞)", false, false},
               [](double x, P p) { return leaky(x, p[0]); },
               [](double x, P p) { return d_leaky(x, p[0]); }, kink_at_zero},
    Activation{"rrelu", "RReLU (eval)", Family::ReluFamily,
               "f(x) = x if x > 0, else ((l + u)/2)·x  (evaluation mode)",
               "f′(x) = 1 if x > 0, else (l + u)/2",
               two_params({"lower", "l", 1.0 / 8, 0.0, 1.0}, {"upper", "u", 1.0 / 3, 0.0, 1.0}), 2,
               {"(−∞, ∞)", false, false},
               [](double x, P p) { return leaky(x, (p[0] + p[1]) / 2); },
               [](double x, P p) { return d_leaky(x, (p[0] + p[1]) / 2); }, kink_at_zero},
    Activation{"relu6", "ReLU6", Family::ReluFamily, "f(x) = min(max(0, x), 6)",
               "f′(x) = 1 if 0 < x < 6, else 0", no_params(), 0,
               {"[0, 6]", true, true},
               [](double x, P) { return clamp_to(x, 0.0, 6.0); },
               [](double x, P) { return d_clamp_to(x, 0.0, 6.0); },
               [](P) { return std::vector<double>{0.0, 6.0}; }},
    Activation{"elu", "ELU", Family::ReluFamily, "f(x) = x if x > 0, else α(e^x − 1)", "f′(x) = 1 if x > 0, else α·e^x",
               one_param({"alpha", "α", 1.0, 0.01, 5.0}), 1,
               {"(−α, ∞)", true, false},
               [](double x, P p) { return x > 0 ? x : p[0] * std::expm1(x); },
               [](double x, P p) { return x > 0 ? 1.0 : p[0] * std::exp(x); }, kink_at_zero},
    Activation{"celu", "CELU", Family::ReluFamily, "f(x) = max(0, x) + min(0, α(e^(x/α) − 1))",
               "f′(x) = 1 if x > 0, else e^(x/α)",
               one_param({"alpha", "α", 1.0, 0.01, 5.0}), 1,
               {"(−α, ∞)", true, false},
               [](double x, P p) { return x > 0 ? x : p[0] * std::expm1(x / p[0]); },
               [](double x, P p) { return x > 0 ? 1.0 : std::exp(x / p[0]); }, kink_at_zero},
    Activation{"selu", "SELU", Family::ReluFamily, "f(x) = λ·(x if x > 0, else α(e^x − 1)), λ ≈ 1.0507, α ≈ 1.6733",
               "f′(x) = λ if x > 0, else λα·e^x",
               no_params(), 0,
               {"(−λα, ∞) ≈ (−1.758, ∞)", true, false},
               [](double x, P) { return x > 0 ? math::selu_positive(x) : math::kSeluScale * (math::kSeluAlpha * std::expm1(x)); },
               [](double x, P) { return math::kSeluScale * (x > 0 ? 1.0 : math::kSeluAlpha * std::exp(x)); },
               kink_at_zero},

    // --- Smooth ReLUs ---
    Activation{"gelu", "GELU", Family::SmoothRelu, "f(x) = x·Φ(x)  (Φ: standard normal CDF, exact erf form)",
               "f′(x) = Φ(x) + x·φ(x)  (φ: standard normal density)",
               no_params(), 0,
               {"[≈ −0.170, ∞)", true, false},
               [](double x, P) { return x * math::normal_cdf(x); },
               [](double x, P) { return math::normal_cdf(x) + x * math::normal_pdf(x); }, smooth},
    Activation{"gelu_tanh", "GELU (tanh approx.)", Family::SmoothRelu,
               "f(x) = ½x(1 + tanh(√(2/π)(x + 0.044715x³)))",
               "f′(x) = ½(1 + t) + ½x(1 − t²)·√(2/π)(1 + 0.134145x²), t = tanh(√(2/π)(x + 0.044715x³))", no_params(), 0,
               {"[≈ −0.170, ∞)", true, false},
               [](double x, P) { return math::gelu_tanh(x); },
               [](double x, P) { return math::d_gelu_tanh(x); }, smooth},
    Activation{"silu", "SiLU", Family::SmoothRelu, "f(x) = x·σ(x)", "f′(x) = σ(x)(1 + x(1 − σ(x)))", no_params(), 0,
               {"[≈ −0.278, ∞)", true, false},
               [](double x, P) { return x * math::sigmoid(x); },
               [](double x, P) { return math::sigmoid(x) + math::scaled_d_sigmoid(x, x); }, smooth},
    Activation{"swish", "Swish", Family::SmoothRelu, "f(x) = x·σ(βx)  (β = 1: SiLU)",
               "f′(x) = σ(βx)(1 + βx(1 − σ(βx)))",
               one_param({"beta", "β", 1.0, 0.0, 10.0}), 1,
               {"[≈ −0.278/β, ∞)", true, false},
               [](double x, P p) { return x * math::sigmoid(p[0] * x); },
               [](double x, P p) { return math::sigmoid(p[0] * x) + math::scaled_d_sigmoid(p[0] * x, p[0] * x); },
               smooth},
    Activation{"mish", "Mish", Family::SmoothRelu, "f(x) = x·tanh(softplus(x))",
               "f′(x) = tanh(s) + x·σ(x)(1 − tanh²(s)), s = softplus(x)", no_params(), 0,
               {"[≈ −0.309, ∞)", true, false},
               [](double x, P) { return x * std::tanh(math::log1p_exp(x)); },
               [](double x, P) {
                   const double t = std::tanh(math::log1p_exp(x));
                   return t + x * math::sigmoid(x) * (1.0 - t * t);
               },
               smooth},
    Activation{"softplus", "Softplus", Family::SmoothRelu,
               "f(x) = (1/β)·log(1 + e^(βx)); f(x) = x where βx > threshold",
               "f′(x) = σ(βx); 1 where βx > threshold",
               two_params({"beta", "β", 1.0, 0.01, 10.0}, {"threshold", "threshold", 20.0, 1.0, 50.0}), 2,
               {"(0, ∞)", true, false},
               [](double x, P p) { return p[0] * x > p[1] ? x : math::log1p_exp(p[0] * x) / p[0]; },
               [](double x, P p) { return p[0] * x > p[1] ? 1.0 : math::sigmoid(p[0] * x); },
               [](P p) { return std::vector<double>{p[1] / p[0]}; }},

    // --- Shrinkage ---
    Activation{"softshrink", "Softshrink", Family::Shrinkage, "f(x) = x − λ if x > λ, x + λ if x < −λ, else 0",
               "f′(x) = 1 if |x| > λ, else 0",
               one_param({"lambda", "λ", 0.5, 0.0, 5.0}), 1,
               {"(−∞, ∞)", false, true},
               [](double x, P p) { return x > p[0] ? x - p[0] : x < -p[0] ? x + p[0] : 0.0; },
               [](double x, P p) { return x >= -p[0] && x <= p[0] ? 0.0 : 1.0; }, kinks_at_plus_minus_first},
    Activation{"hardshrink", "Hardshrink", Family::Shrinkage, "f(x) = x if |x| > λ, else 0",
               "f′(x) = 1 if |x| > λ, else 0",
               one_param({"lambda", "λ", 0.5, 0.0, 5.0}), 1,
               {"(−∞, −λ) ∪ {0} ∪ (λ, ∞)", false, true},
               [](double x, P p) { return x >= -p[0] && x <= p[0] ? 0.0 : x; },
               [](double x, P p) { return x >= -p[0] && x <= p[0] ? 0.0 : 1.0; }, kinks_at_plus_minus_first},
    Activation{"tanhshrink", "Tanhshrink", Family::Shrinkage, "f(x) = x − tanh(x)", "f′(x) = tanh²(x)", no_params(), 0,
               {"(−∞, ∞)", false, false},
               [](double x, P) { return x - std::tanh(x); },
               [](double x, P) { const double t = std::tanh(x); return t * t; }, smooth},

    // --- Hard / piecewise ---
    Activation{"hardtanh", "Hardtanh", Family::HardPiecewise, "f(x) = min(max(x, min_value), max_value)",
               "f′(x) = 1 if min_value < x < max_value, else 0",
               two_params({"min_value", "min", -1.0, -10.0, 10.0}, {"max_value", "max", 1.0, -10.0, 10.0}), 2,
               {"[min_value, max_value]", true, true},
               [](double x, P p) { return clamp_to(x, p[0], p[1]); },
               [](double x, P p) { return d_clamp_to(x, p[0], p[1]); }, kinks_at_both},
    Activation{"hardsigmoid", "Hardsigmoid", Family::HardPiecewise, "f(x) = min(max(x/6 + ½, 0), 1)",
               "f′(x) = 1/6 if −3 < x < 3, else 0", no_params(), 0,
               {"[0, 1]", true, true},
               [](double x, P) { return x <= -3 ? 0.0 : x >= 3 ? 1.0 : x / 6 + 0.5; },
               [](double x, P) { return x > -3 && x < 3 ? 1.0 / 6 : 0.0; },
               [](P) { return std::vector<double>{-3.0, 3.0}; }},
    Activation{"hardswish", "Hardswish", Family::HardPiecewise, "f(x) = x·min(max(x + 3, 0), 6) / 6",
               "f′(x) = 0 if x < −3, x/3 + ½ if x < 3, else 1", no_params(), 0,
               {"[−0.375, ∞)", false, true},
               [](double x, P) { return x <= -3 ? 0.0 : x >= 3 ? x : x * (x + 3) / 6; },
               [](double x, P) { return x < -3 ? 0.0 : x < 3 ? x / 3 + 0.5 : 1.0; },
               [](P) { return std::vector<double>{-3.0, 3.0}; }},
    Activation{"threshold", "Threshold", Family::HardPiecewise, "f(x) = x if x > threshold, else value",
               "f′(x) = 1 if x > threshold, else 0",
               two_params({"threshold", "threshold", 0.5, -10.0, 10.0}, {"value", "value", 0.0, -20.0, 20.0}), 2,
               {"{value} ∪ (threshold, ∞)", false, true},
               [](double x, P p) { return x > p[0] ? x : p[1]; },
               [](double x, P p) { return x > p[0] ? 1.0 : 0.0; }, kinks_at_first},
    Activation{"step", "Step (Heaviside)", Family::HardPiecewise, "f(x) = 1 if x > 0, else 0",
               "f′(x) = 0  (the jump at 0 passes no gradient)", no_params(), 0,
               {"{0, 1}", true, true},
               [](double x, P) { return x > 0 ? 1.0 : 0.0; },
               [](double, P) { return 0.0; }, kink_at_zero},
};

}  // namespace

// [SECTION] Lookup and validation --------------------------------------------------------------

std::string_view family_name(Family family) {
    switch (family) {
        case Family::Linear: return "Linear";
        case Family::SigmoidLike: return "Sigmoid-like";
        case Family::ReluFamily: return "ReLU family";
        case Family::SmoothRelu: return "Smooth ReLUs";
        case Family::Shrinkage: return "Shrinkage";
        case Family::HardPiecewise: return "Hard / piecewise";
        case Family::Custom: return "Your formulas";
    }
    return "?";
}

// The built-ins, then the user's formulas: fixed storage, so appending never moves an entry.
struct Catalogue {
    std::array<Activation, kCatalogue.size() + kMaxCustomActivations> entries{};
    std::atomic<std::size_t> size{0};
    std::mutex appending;
    Catalogue() {
        std::copy(kCatalogue.begin(), kCatalogue.end(), entries.begin());
        size.store(kCatalogue.size(), std::memory_order_release);
    }
};

Catalogue& catalogue() {
    static Catalogue instance;
    return instance;
}

std::span<const Activation> activations() {
    Catalogue& c = catalogue();
    return {c.entries.data(), c.size.load(std::memory_order_acquire)};
}

std::size_t builtin_activation_count() { return kCatalogue.size(); }

const Activation* find_activation(std::string_view name) {
    const auto all = activations();
    for (auto it = all.rbegin(); it != all.rend(); ++it)  // newest first: a redefinition wins
        if (it->name == name && it->listed()) return &*it;
    return nullptr;
}

int activation_index(const Activation& activation) { return static_cast<int>(&activation - catalogue().entries.data()); }

namespace detail {
const Activation* append_activation(const Activation& activation) {
    Catalogue& c = catalogue();
    const std::lock_guard lock(c.appending);
    const std::size_t at = c.size.load(std::memory_order_relaxed);
    if (at >= c.entries.size()) return nullptr;
    c.entries[at] = activation;
    c.size.store(at + 1, std::memory_order_release);
    return &c.entries[at];
}
}  // namespace detail

double Activation::f(double x, const ParameterValues& p) const {
    return custom ? custom->compiled.value.value(x, p) : f_fn(x, p);
}

double Activation::df(double x, const ParameterValues& p) const {
    return custom ? custom->compiled.slope.value(x, p, 1) : df_fn(x, p);
}

std::vector<double> Activation::kinks(const ParameterValues& p) const { return custom ? custom_kinks(*custom, p) : kinks_fn(p); }

bool Activation::listed() const {
    return !custom || (!custom->superseded.load(std::memory_order_acquire) && !custom->provisional.load(std::memory_order_acquire));
}

ParameterValues Activation::defaults() const {
    ParameterValues values{};
    for (int i = 0; i < parameter_count; ++i) values[i] = parameters[i].default_value;
    return values;
}

int Activation::parameter_index(std::string_view parameter_name) const {
    for (int i = 0; i < parameter_count; ++i) {
        if (parameters[i].name == parameter_name) return i;
    }
    return -1;
}

std::optional<std::string> Activation::invalid_reason(const ParameterValues& p) const {
    for (int i = 0; i < parameter_count; ++i) {
        const Parameter& param = parameters[i];
        if (!std::isfinite(p[i]) || p[i] < param.min || p[i] > param.max) {
            char text[160];
            std::snprintf(text, sizeof text, "%s of %s must be a number from %g to %g, got %g",
                          std::string(param.name).c_str(), std::string(name).c_str(), param.min, param.max, p[i]);
            return text;
        }
    }
    if (name == "hardtanh" && !(p[0] < p[1])) return "hardtanh needs min_value < max_value";
    if (name == "rrelu" && !(p[0] <= p[1])) return "rrelu needs lower <= upper";
    return std::nullopt;
}

}  // namespace actviz

// LeakSanitizer (ASan builds): CLN, the number library under GiNaC (core/formula.cpp), allocates 26
// bytes when it is loaded and never frees them, in every process that links it, formula or not.
// The suppression lives in the catalogue's file because every program that links GiNaC links the
// catalogue; per-formula leaks are still caught (fuzz_formula checks each input separately).
extern "C" const char* __lsan_default_suppressions() { return "leak:libcln.so\n"; }
// Quietly: LSan would otherwise list the suppression used on stderr at every exit, after the CLI's
// own one-line messages that tests (and scripts) read.
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
