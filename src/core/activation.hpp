#pragma once
// The activation catalogue: every elementwise activation of PyTorch's torch.nn, with PyTorch's
// names, defaults and semantics. Each entry carries f and its analytic derivative f′ (written side
// by side in activation_math.hpp), its parameters with their allowed ranges, formulas of f and f′ for
// display and its qualitative properties.
//
// Derivative convention at kinks: f′ is what PyTorch's autograd returns there, e.g. relu′(0) = 0,
// leaky_relu′(0) = α, elu′(0) = α, hardtanh′(±1) = 0, hardswish′(−3) = −0.5 and hardswish′(3) = 1, softshrink′(±λ) = 0.
// step (Heaviside, step(0) = 0) has f′ = 0 everywhere, the derivative autograd would need.
// One deliberate difference: hardsigmoid′ = 1/6 exactly; PyTorch 1.13's float64 backward uses the
// float32 constant 0.1666666716 (a relative error of 3e-8).

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actviz {

enum class Family { Linear, SigmoidLike, ReluFamily, SmoothRelu, Shrinkage, HardPiecewise, Custom };
inline constexpr int kFamilyCount = 7;
std::string_view family_name(Family family);

struct CustomActivation;

struct Parameter {
    std::string_view name;    // the CLI flag and session key, e.g. "alpha", "min_value"
    std::string_view symbol;  // the UI label, e.g. "α", "λ"
    double default_value;
    double min, max;          // allowed range, the same in the UI and the CLI
};

inline constexpr int kMaxParameters = 2;
using ParameterValues = std::array<double, kMaxParameters>;  // in the order of Activation::parameters

struct Properties {
    // Zero-centred, smooth and monotone depend on the parameters (ELU is C¹ only with α = 1):
    // core/activation_shape.hpp computes them, with the evidence.
    std::string_view range;  // output range, e.g. "(0, 1)"
    bool saturates;          // f′ → 0 as x → −∞ or +∞
    bool can_die;            // f′ = 0 exactly on a whole interval: units stuck there get no gradient
};

struct Activation {
    std::string_view name;     // stable lower-case id: CLI, sessions, fixtures
    std::string_view display;  // for the UI, e.g. "Leaky ReLU"
    Family family;
    std::string_view formula;  // for display, Unicode
    std::string_view derivative_formula;  // f′ the same way, as the catalogue's df computes it (kinks as autograd)
    std::array<Parameter, kMaxParameters> parameters;
    int parameter_count;
    Properties properties;
    double (*f_fn)(double x, const ParameterValues& p);
    double (*df_fn)(double x, const ParameterValues& p);
    // Points where f or f′ is not smooth (may depend on the parameters); empty for smooth ones.
    std::vector<double> (*kinks_fn)(const ParameterValues& p);
    // Set for an activation the user typed as a formula (core/custom_activation.hpp): f, f′ and f″
    // then come from its compiled programs, and the function pointers above are unused.
    const CustomActivation* custom = nullptr;

    double f(double x, const ParameterValues& p) const;
    double df(double x, const ParameterValues& p) const;
    std::vector<double> kinks(const ParameterValues& p) const;
    // False for a custom activation the user has since redefined (kept alive for whatever still
    // refers to it, but no longer offered in lists or found by name).
    bool listed() const;

    std::span<const Parameter> params() const { return {parameters.data(), static_cast<size_t>(parameter_count)}; }
    ParameterValues defaults() const;
    // Index of the parameter called `name`, or -1.
    int parameter_index(std::string_view name) const;
    // A reason when the values are outside their ranges or inconsistent (hardtanh min ≥ max,
    // rrelu lower > upper); nullopt when they are fine.
    std::optional<std::string> invalid_reason(const ParameterValues& p) const;
};

// The catalogue: PyTorch's activations, then any the user defined as formulas in this process
// (appended, never moved or removed, so pointers and indices stay valid; thread-safe to read).
std::span<const Activation> activations();
// The listed activation called `name` (the newest definition of a custom name), or nullptr.
const Activation* find_activation(std::string_view name);
// Position in the catalogue (stable: the UI uses it to give each activation one colour everywhere).
int activation_index(const Activation& activation);
// How many of the catalogue's entries are PyTorch's built-ins (the first ones).
std::size_t builtin_activation_count();

}  // namespace actviz
