#include "cli/activation_flags.hpp"

#include <algorithm>
#include <array>
#include <limits>

#include "cli/parse_value.hpp"
#include "cli/usage_error.hpp"

namespace actviz::cli {
namespace {

constexpr std::array kParameterFlags{FlagSpec{"alpha"},     FlagSpec{"beta"},      FlagSpec{"lambda"},
                                     FlagSpec{"threshold"}, FlagSpec{"value"},     FlagSpec{"min-value"},
                                     FlagSpec{"max-value"}, FlagSpec{"lower"},     FlagSpec{"upper"}};

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

std::span<const FlagSpec> activation_parameter_flags() { return kParameterFlags; }

ActivationChoice activation_from_flags(std::string_view name, const Flags& flags) {
    const Activation* activation = find_activation(name);
    if (!activation) throw UsageError("unknown activation '" + std::string(name) + "' (actviz list shows them)");
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
