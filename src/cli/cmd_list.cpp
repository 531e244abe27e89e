// actviz list: the activation catalogue as CSV, name and default parameters.
// actviz list --properties [--cost-budget S]: the property table, one row per activation at its
// defaults, the Activations page's numbers (core/activation_properties.hpp, the page's ε) and the
// measured cost of f and f′ per element (core/activation_cost.hpp), relative to ReLU's.
// --formula 'EXPR' (repeatable as formula:EXPR entries, comma-separated) adds typed activations as
// rows, their derivative as GiNaC finds it and their range read off [−10, 10].

#include <array>
#include <charconv>
#include <ostream>
#include <vector>

#include "cli/activation_flags.hpp"
#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "files/csv_field.hpp"
#include "cli/parse_value.hpp"
#include "cli/usage_error.hpp"
#include "core/activation.hpp"
#include "core/activation_cost.hpp"
#include "core/activation_properties.hpp"
#include "core/property_text.hpp"
#include "settings/activations_settings.hpp"

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

void print_properties(double cost_budget, std::ostream& out) {
    // The page's own ε (a float setting), so its table and this one print the same intervals.
    const double share = settings::ActivationsSettings{}.saturation_epsilon;
    std::vector<ActivationCost> costs;
    for (const Activation& activation : activations()) {
        costs.push_back(measure_activation_cost(activation, activation.defaults(), cost_budget));
    }
    const double relu_ns = costs[static_cast<size_t>(activation_index(*find_activation("relu")))].ns_per_element;
    out << "name,derivative,range,mean_output,max_abs_derivative,max_abs_derivative_at,flat,can_die,ns_per_element,"
           "relative_to_relu,kernel\n";
    for (const Activation& activation : activations()) {
        const ActivationProperties properties = activation_properties(activation, activation.defaults(), share);
        const ActivationCost& cost = costs[static_cast<size_t>(activation_index(activation))];
        out << activation.name << ',' << files::csv_field(activation.derivative_formula) << ','
            << files::csv_field(range_text(activation, activation.defaults(), -10, 10)) << ','
            << format_number(properties.shape.mean_output) << ','
            << format_number(properties.figures.max_abs_derivative.value) << ','
            << files::csv_field(where_text(properties.figures.max_abs_derivative)) << ','
            << files::csv_field(flat_text(properties.shape.flat)) << ',' << (properties.can_die ? "yes" : "no") << ','
            << format_number(cost.ns_per_element) << ',' << format_number(cost.ns_per_element / relu_ns) << ','
            << (cost.vectorised ? "simd" : "scalar") << '\n';
    }
}

}  // namespace

int run_list(std::span<const std::string> args, std::ostream& out, std::ostream&) {
    constexpr std::array kSpecs{FlagSpec{"properties", false}, FlagSpec{"cost-budget"}, FlagSpec{"formula"}};
    const Flags flags(args, kSpecs);
    if (const auto formula = flags.value("formula")) activation_from_entry("formula:" + std::string(*formula), "--formula");
    if (!flags.positionals().empty()) throw UsageError("list takes no arguments, got '" + flags.positionals()[0] + "'");
    if (flags.has("properties")) {
        // Seconds of timing per activation: 27 activations at the default 0.05 s take about 1.4 s.
        const double budget =
            flags.has("cost-budget") ? parse_real("--cost-budget", *flags.value("cost-budget"), 0.001, 10) : 0.05;
        print_properties(budget, out);
        return 0;
    }
    if (flags.has("cost-budget")) throw UsageError("--cost-budget needs --properties");
    out << "name,parameters\n";
    for (const Activation& activation : activations()) out << activation.name << ',' << describe_parameters(activation) << '\n';
    return 0;
}

}  // namespace actviz::cli
