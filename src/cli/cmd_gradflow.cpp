// actviz gradflow --depth N --width W --activation NAME [activation parameter flags] [--init NAME]
//   [--gain G] [--std S] [--bias B] [--batch B] [--seed S] [--residual] [--layernorm] [--float32] [--bound]
//   or --session FILE [--curve N] with any of those flags overriding the session's Gradient flow panel
// → CSV, one row per hidden layer, layer 1 nearest the input: the numbers the Gradient flow panel plots.

#include <array>
#include <limits>
#include <new>
#include <ostream>

#include "cli/activation_flags.hpp"
#include "cli/command_configs.hpp"
#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "cli/memory_flag.hpp"
#include "cli/parse_value.hpp"
#include "cli/session_flags.hpp"
#include "cli/setting_flags.hpp"
#include "cli/usage_error.hpp"
#include "core/gradflow.hpp"
#include "core/memory_budget.hpp"
#include "settings/gradflow_settings.hpp"

namespace actviz::cli {
namespace {

constexpr std::array kGradflowFlags{FlagSpec{"depth"},
                                    FlagSpec{"width"},
                                    FlagSpec{"activation"},
                                    FlagSpec{"init"},
                                    FlagSpec{"gain"},
                                    FlagSpec{"std"},
                                    FlagSpec{"bias"},
                                    FlagSpec{"batch"},
                                    FlagSpec{"seed"},
                                    flag_spec(settings::gradflow_setting::kResidual),
                                    flag_spec(settings::gradflow_setting::kLayernorm),
                                    flag_spec(settings::gradflow_setting::kFloat32),
                                    FlagSpec{"bound", false},
                                    kMemoryBudgetFlag};

template <typename Owner>
int required_count(const Flags& flags, const settings::Setting<Owner, int>& setting) {
    if (!flags.has(setting.flag)) {
        throw UsageError("--" + std::string(setting.flag) + " is missing (" + std::to_string(setting.min) + " to " +
                         std::to_string(setting.max) + ")");
    }
    return *setting_flag(flags, setting);  // a count: the flag is required
}

InitScheme init_from_flags(const Flags& flags) {
    const auto text = flags.value("init");
    if (!text) return InitScheme::XavierNormal;
    if (auto scheme = find_init_scheme(*text)) return *scheme;
    std::string names;
    for (std::string_view name : init_scheme_names()) names += (names.empty() ? "" : ", ") + std::string(name);
    throw UsageError("unknown --init '" + std::string(*text) + "' (one of " + names + ")");
}

GradflowConfig config_of(const Flags& flags) {
    if (!flags.positionals().empty()) throw UsageError("unexpected argument '" + flags.positionals()[0] + "'");
    GradflowConfig config;
    namespace g = settings::gradflow_setting;
    config.depth = required_count(flags, g::kDepth);
    config.width = required_count(flags, g::kWidth);
    config.batch = setting_flag(flags, g::kBatch).value_or(config.batch);
    const auto name = flags.value("activation");
    const ActivationChoice choice = activation_from_flags(
        name ? std::optional<std::string_view>(*name) : std::nullopt, flags, "",
        "--activation is missing, e.g. --activation sigmoid (actviz list shows them), or --formula 'EXPR'");
    config.activation = choice.activation;
    config.parameters = choice.parameters;
    config.init = init_from_flags(flags);
    if (flags.has("std") && config.init != InitScheme::Normal) {
        throw UsageError("--std applies only to --init normal (got --init " +
                         std::string(init_scheme_name(config.init)) + ")");
    }
    config.gain = setting_flag(flags, g::kGain).value_or(1.0);
    if (auto std = setting_flag(flags, g::kNormalStd)) config.normal_std = *std;
    if (auto bias = setting_flag(flags, g::kBias)) config.bias = *bias;
    if (auto text = flags.value("seed")) {
        config.seed =
            static_cast<std::uint64_t>(parse_integer("--seed", *text, 0, std::numeric_limits<long long>::max()));
    }
    config.residual = setting_flag(flags, g::kResidual);
    config.layernorm = setting_flag(flags, g::kLayernorm);
    config.float32 = setting_flag(flags, g::kFloat32);
    if (auto reason = config.validate()) throw UsageError(*reason);
    return config;
}

}  // namespace

GradflowCommand parse_gradflow(std::span<const std::string> args) {
    std::vector<FlagSpec> specs(kGradflowFlags.begin(), kGradflowFlags.end());
    for (const FlagSpec& spec : activation_parameter_flags()) specs.push_back(spec);
    const std::vector<std::string> expanded = expand_session_flags("gradflow", args, specs).args;
    GradflowCommand command{Flags(expanded, specs)};
    command.config = config_of(command.flags);
    return command;
}

int run_gradflow(std::span<const std::string> args, std::ostream& out, std::ostream&) {
    const GradflowCommand command = parse_gradflow(args);
    const Flags& flags = command.flags;
    const GradflowConfig& config = command.config;
    const std::string what = "gradient flow at depth " + std::to_string(config.depth) + " × width " +
                             std::to_string(config.width) + " × batch " + std::to_string(config.batch) +
                             (config.float32 ? " in float32" : " in double");
    if (auto refusal = over_budget(what, static_cast<double>(estimate_bytes(config)), memory_budget_from_flags(flags))) {
        throw UsageError(*refusal);
    }
    const bool bound = flags.has("bound");
    GradflowControl control;
    control.spectral_bound = bound;
    GradflowResult result;
    try {
        result = simulate_gradient_flow(config, control);
    } catch (const std::bad_alloc&) {  // within the budget but the machine has less free
        throw UsageError(what + " needs about " + format_bytes(static_cast<double>(estimate_bytes(config))) +
                         " and the system could not provide it; use a smaller depth, width or batch");
    }
    out << "layer,weight_grad_norm,act_grad_norm,mean_abs_dz,act_mean,act_std,saturated_fraction,"
           "zero_slope_fraction,dead_unit_fraction"
        << (bound ? ",spectral_norm,act_grad_bound" : "") << '\n';
    for (size_t l = 0; l < result.layers.size(); ++l) {
        const LayerStats& s = result.layers[l];
        out << l + 1;
        for (double value : {s.weight_grad_norm, s.act_grad_norm, s.mean_abs_dz, s.act_mean, s.act_std,
                             s.saturated_fraction, s.zero_slope_fraction, s.dead_unit_fraction}) {
            out << ',' << format_number(value);
        }
        if (bound) out << ',' << format_number(result.spectral_norms[l]) << ',' << format_number(result.act_grad_bound[l]);
        out << '\n';
    }
    return 0;
}

}  // namespace actviz::cli
