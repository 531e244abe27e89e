// actviz list: the activation catalogue as CSV, name and default parameters.

#include <charconv>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/usage_error.hpp"
#include "core/activation.hpp"

namespace actviz::cli {
namespace {

// Parameters as "alpha=0.01;beta=1", shortest form that reads back exactly.
std::string describe_parameters(const Activation& activation) {
    std::string text;
    for (const Parameter& param : activation.params()) {
        char number[32];
        const auto end = std::to_chars(number, number + sizeof number, param.default_value).ptr;
        if (!text.empty()) text += ';';
        text += std::string(param.name) + "=" + std::string(number, end);
    }
    return text;
}

}  // namespace

int run_list(std::span<const std::string> args, std::ostream& out, std::ostream&) {
    if (!args.empty()) throw UsageError("list takes no arguments, got '" + args[0] + "'");
    out << "name,parameters\n";
    for (const Activation& activation : activations()) out << activation.name << ',' << describe_parameters(activation) << '\n';
    return 0;
}

}  // namespace actviz::cli
