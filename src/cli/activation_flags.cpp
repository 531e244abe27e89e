#include "cli/activation_flags.hpp"

#include <algorithm>
#include <array>
#include <limits>

#include "cli/parse_value.hpp"
#include "cli/usage_error.hpp"
#include "core/custom_activation.hpp"

namespace actviz::cli {
namespace {

constexpr std::array kParameterFlags{FlagSpec{"alpha"},     FlagSpec{"beta"},      FlagSpec{"lambda"},
                                     FlagSpec{"threshold"}, FlagSpec{"value"},     FlagSpec{"min-value"},
                                     FlagSpec{"max-value"}, FlagSpec{"lower"},     FlagSpec{"upper"}};
constexpr std::array kActivationFlags{FlagSpec{"alpha"},     FlagSpec{"beta"},      FlagSpec{"lambda"},
                                      FlagSpec{"threshold"}, FlagSpec{"value"},     FlagSpec{"min-value"},
                                      FlagSpec{"max-value"}, FlagSpec{"lower"},     FlagSpec{"upper"},
                                      FlagSpec{"formula"}};

// A formula from the command line: named by its own text when that fits a name, its parameters
// defaulting to 1 within ±kMaxCustomParameterMagnitude (the flags' values are checked against that).
const Activation& define_formula(std::string_view text, std::string_view flag, std::string_view fallback_name) {
    CustomActivationSpec spec;
    spec.formula = std::string(text);
    // A fallback name unique to the text, so two long formulas never share one.
    spec.name = invalid_custom_name(text) ? std::string(fallback_name) + " " +
                                                std::to_string(std::hash<std::string_view>{}(text) % 100000)
                                          : std::string(text);
    for (CustomParameterRange& range : spec.parameters)
        range = {1.0, -kMaxCustomParameterMagnitude, kMaxCustomParameterMagnitude};
    const CustomDefinition defined = define_custom_activation(spec);
    if (!defined.activation) throw UsageError(std::string(flag) + ": " + defined.error.message);
    return *defined.activation;
}

std::string parameter_of_flag(std::string_view flag) {
    std::string name(flag);
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
}

std::string flag_of_parameter(std::string_view parameter) {
    std::string flag = "--" + std::string(parameter);
    std::replace(flag.begin(), flag.end(), '_', '-');
    return flag;
}

std::string accepted_flags(const Activation& activation) {
    if (activation.parameter_count == 0) return "it has no parameters";
    std::string text = "it takes";
    for (const Parameter& param : activation.params()) text += " " + flag_of_parameter(param.name);
    return text;
}

}  // namespace

std::span<const FlagSpec> activation_parameter_flags() { return kActivationFlags; }

std::vector<std::string_view> split_top_level(std::string_view text) {
    std::vector<std::string_view> parts;
    int depth = 0;
    size_t start = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '(') ++depth;
        else if (text[i] == ')') --depth;
        else if (text[i] == ',' && depth <= 0) {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    parts.push_back(text.substr(start));
    return parts;
}

const Activation& activation_from_entry(std::string_view entry, std::string_view flag) {
    constexpr std::string_view kFormula = "formula:";
    if (entry.starts_with(kFormula)) return define_formula(entry.substr(kFormula.size()), flag, "formula");
    const Activation* activation = find_activation(entry);
    if (!activation) {
        throw UsageError("unknown activation '" + std::string(entry) + "' in " + std::string(flag) +
                         " (actviz list shows them; type one as formula:EXPR)");
    }
    return *activation;
}

ActivationChoice activation_from_flags(std::optional<std::string_view> name, const Flags& flags, std::string_view fallback,
                                       std::string_view missing) {
    const Activation* activation = nullptr;
    if (const auto formula = flags.value("formula")) {
        if (name) throw UsageError("give an activation's name or --formula, not both");
        activation = &define_formula(*formula, "--formula", "formula");
    } else {
        if (!name && fallback.empty()) throw UsageError(std::string(missing));
        const std::string_view chosen = name ? *name : fallback;
        activation = find_activation(chosen);
        if (!activation) {
            throw UsageError("unknown activation '" + std::string(chosen) +
                             "' (actviz list shows them; or type one with --formula 'EXPR')");
        }
    }
    ActivationChoice choice{activation, activation->defaults()};
    for (const std::string& given : flags.given()) {
        const bool is_parameter_flag = std::any_of(kParameterFlags.begin(), kParameterFlags.end(),
                                                   [&](const FlagSpec& spec) { return spec.name == given; });
        if (!is_parameter_flag) continue;
        const int index = activation->parameter_index(parameter_of_flag(given));
        if (index < 0) {
            throw UsageError(std::string(activation->name) + " takes no --" + given + " (" +
                             accepted_flags(*activation) + ")");
        }
        const Parameter& param = activation->parameters[index];
        choice.parameters[index] = parse_real("--" + given, *flags.value(given), param.min, param.max);
    }
    if (auto reason = activation->invalid_reason(choice.parameters)) throw UsageError(*reason);
    return choice;
}

}  // namespace actviz::cli
