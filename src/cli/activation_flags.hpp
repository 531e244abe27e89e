#pragma once
// Choosing an activation and its parameters on the command line (eval, gradflow, train):
// --alpha --beta --lambda --threshold --value --min-value --max-value --lower --upper.
// A flag maps to the parameter of the same name ("--min-value" → min_value); a flag the chosen
// function does not take, or a value outside the parameter's range, is a UsageError.
// --formula 'EXPR' types one instead of naming it (core/formula.hpp), with --alpha and --beta as
// its parameters.

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "cli/flags.hpp"
#include "core/activation.hpp"

namespace actviz::cli {

std::span<const FlagSpec> activation_parameter_flags();

struct ActivationChoice {
    const Activation* activation;
    ParameterValues parameters;
};

// The activation called `name`, or the one typed with --formula (giving both is a UsageError);
// `name` nullopt and no --formula: `fallback`, or a UsageError saying `missing` when there is none.
ActivationChoice activation_from_flags(std::optional<std::string_view> name, const Flags& flags,
                                       std::string_view fallback = "", std::string_view missing = "");

// An entry of a list such as bakeoff's --activations: a name, or "formula:EXPR".
const Activation& activation_from_entry(std::string_view entry, std::string_view flag);

// `text` split at the commas outside parentheses ("relu,formula:max(0, x)" is two entries).
std::vector<std::string_view> split_top_level(std::string_view text);

}  // namespace actviz::cli
