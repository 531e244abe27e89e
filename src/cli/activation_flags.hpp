#pragma once
// Choosing an activation and its parameters on the command line (eval, and later gradflow and
// train): --alpha --beta --lambda --threshold --value --min-value --max-value --lower --upper.
// A flag maps to the parameter of the same name ("--min-value" → min_value); a flag the chosen
// function does not take, or a value outside the parameter's range, is a UsageError.

#include <span>
#include <string_view>

#include "cli/flags.hpp"
#include "core/activation.hpp"

namespace actviz::cli {

std::span<const FlagSpec> activation_parameter_flags();

struct ActivationChoice {
    const Activation* activation;
    ParameterValues parameters;
};

ActivationChoice activation_from_flags(std::string_view name, const Flags& flags);

}  // namespace actviz::cli
