#pragma once
// An activation the user typed as a formula (core/formula.hpp), made a catalogue entry like any of
// PyTorch's: it gets an index, a colour, parameter sliders and every panel, the CLI and sessions.
// Definitions are appended to the catalogue and never freed, so whatever holds one (a training
// run, a Bake-off contestant) keeps a valid pointer; redefining a name supersedes the old entry,
// which is then no longer listed or found by name.

#include <array>
#include <atomic>
#include <mutex>
#include <utility>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/activation.hpp"
#include "core/formula.hpp"

namespace actviz {

inline constexpr std::size_t kMaxCustomActivations = 512;  // definitions per process, superseded ones included
inline constexpr std::size_t kMaxCustomNameLength = 48;
// The largest |bound| a parameter's range may have (the same for the editor, sessions and the CLI).
inline constexpr double kMaxCustomParameterMagnitude = 1e4;

struct CustomParameterRange {
    double default_value = 1, min = -10, max = 10;
    bool operator==(const CustomParameterRange&) const = default;
};

struct CustomActivationSpec {
    std::string name;     // shown everywhere and saved; not a built-in's name
    std::string formula;  // in x, alpha, beta
    std::array<CustomParameterRange, kMaxParameters> parameters{};  // α then β
    std::uint32_t colour = 0;  // 0xRRGGBB chosen by the user; 0 = the catalogue's colour for its index
    bool operator==(const CustomActivationSpec&) const = default;
};

struct CustomActivation {
    CustomActivationSpec spec;
    CompiledFormula compiled;
    std::string formula_line;     // "f(x) = <formula>"
    std::string derivative_line;  // "f′(x) = <GiNaC's derivative>"
    std::atomic<bool> superseded{false};
    // Defined by a session being opened: usable by that session's panels, but neither listed nor
    // found by name nor superseding anything until the session is adopted (publish_custom_activation),
    // so an open that fails later leaves the catalogue as the user sees it.
    std::atomic<bool> provisional{false};
    // The last kinks found (custom_kinks), for the parameters they were found at.
    mutable std::mutex kinks_mutex;
    mutable std::optional<std::pair<ParameterValues, std::vector<double>>> kinks_cache;
};

// Where a typed formula's f′ jumps within ±kCustomKinkRange: the kinks of abs, max, min (and the
// jumps of sign and step) that the formula's curve passes, found on a 0.001 grid and refined by
// bisection to ~1e-12. None for a formula without such functions. Cached per parameter values.
inline constexpr double kCustomKinkRange = 50;
std::vector<double> custom_kinks(const CustomActivation& custom, const ParameterValues& p);

struct CustomDefinition {
    const Activation* activation = nullptr;  // set on success
    FormulaError error;                      // otherwise: the formula's error, or what else is wrong
};

// Validates and compiles `spec` and appends it to the catalogue; the same spec defined again returns
// the existing entry. A listed custom activation of the same name is superseded. Thread-safe.
// `provisional`: see CustomActivation::provisional (nothing is superseded yet).
CustomDefinition define_custom_activation(const CustomActivationSpec& spec, bool provisional = false);
// Makes a provisional definition an ordinary one: listed, found by name, superseding a listed custom
// activation of the same name. Nothing for any other activation. Thread-safe.
void publish_custom_activation(const Activation& activation);

// Why `name` cannot name a custom activation (empty, too long, control characters, a built-in's
// name), or nullopt.
std::optional<std::string> invalid_custom_name(std::string_view name);
// Why the ranges are unusable (not finite, beyond ±kMaxCustomParameterMagnitude, min ≥ max, the
// default outside), or nullopt. Only the first `count` are checked.
std::optional<std::string> invalid_custom_parameters(const CustomActivationSpec& spec, int count);

// The listed custom activations, in order of definition.
std::vector<const Activation*> custom_activations();

}  // namespace actviz
