// actviz bakeoff --dataset NAME [dataset flags of train] --hidden 32,32 --activations A,B,...
//   --optimizer NAME --lr LR [--batch B] --steps N [--seeds K] [--every E] [--memory-budget SIZE]
//   or --session FILE --steps N, with any of those flags overriding the session's Bake-off panel
// → CSV activation,seed,step,train_loss,train_accuracy,test_loss,test_accuracy,dead_fraction,
//   first_last_grad_ratio, contestant by contestant (seed by seed, activations in the order given),
//   a row at step 0, every E steps and the last step; then a blank line and the summary
//   activation,steps_to_90,steps_to_95,best_test_accuracy,final_train_loss,best_test_accuracy_low,
//   best_test_accuracy_high with means over the seeds (low/high: the 95% Wilson interval of the mean
//   best test accuracy on the test set's points); then a blank line and the verdict as comment lines
//   ("# ..."), core/bakeoff_verdict's words: CSV readers skip them (pandas: comment="#").
// --steps is the step budget of the panel's settings (bakeoff_setting::kStepBudget): every contestant
// of every seed stops at it, so the verdict is final.
// Every contestant trains in lockstep through core/bakeoff (no training loop of its own here).
// Memory grows with contestants × seeds (a Trainer each, and each keeps its rows until the end):
// a configuration estimated above the budget is refused before anything is built (exit 2).

#include <algorithm>
#include <ostream>
#include <string>

#include "cli/classifier_flags.hpp"
#include "cli/command_configs.hpp"
#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "cli/memory_flag.hpp"
#include "cli/parse_value.hpp"
#include "cli/session_flags.hpp"
#include "cli/setting_flags.hpp"
#include "cli/usage_error.hpp"
#include "cli/activation_flags.hpp"
#include "core/bakeoff.hpp"
#include "core/bakeoff_summary.hpp"
#include "core/bakeoff_verdict.hpp"
#include "core/memory_budget.hpp"
#include "settings/bakeoff_settings.hpp"

namespace actviz::cli {
namespace {

constexpr int kMinActivations = 2, kMaxActivations = 8;
constexpr long long kMaxRows = 10'000'000;
// --steps is the setting's step budget and train's --steps at once: one range for both.
static_assert(settings::kMaxBakeoffStepBudget == kMaxTrainSteps && settings::bakeoff_setting::kStepBudget.min == 0);

// "sigmoid,tanh,formula:max(0, x)" → the catalogue's activations at their PyTorch defaults, and typed ones.
std::vector<LayerActivation> parse_activations(std::string_view text) {
    std::vector<LayerActivation> list;
    for (std::string_view entry : split_top_level(text)) {
        const Activation& activation = activation_from_entry(entry, "--activations");
        list.push_back({&activation, activation.defaults()});
    }
    if (list.size() < kMinActivations || list.size() > kMaxActivations) {
        throw UsageError("--activations takes " + std::to_string(kMinActivations) + " to " +
                         std::to_string(kMaxActivations) + " names, got " + std::to_string(list.size()));
    }
    return list;
}

std::string optional_number(const std::optional<double>& value) { return value ? format_number(*value) : ""; }

void print_row(std::ostream& out, const Contestant& c, const HistoryRecord& r) {
    out << c.activation_name() << ',' << c.seed() << ',' << r.step << ',' << format_number(r.train_loss) << ','
        << format_number(r.train_accuracy) << ',' << optional_number(r.test_loss) << ','
        << optional_number(r.test_accuracy) << ',' << format_number(r.dead_fraction) << ','
        << optional_number(first_last_grad_ratio(r)) << '\n';
}

// A mean over seeds only when every seed has the value: a milestone some seed never reached is
// printed empty rather than as the flattering mean of the seeds that did.
std::string mean_over_all(const Spread& spread, int seeds) {
    return spread.count == seeds && seeds > 0 ? format_number(spread.mean) : "";
}

// The verdict after the tables, as comment lines: what it is over, then one line per criterion.
void print_verdict(std::ostream& out, const BakeoffVerdict& verdict, bool finished) {
    out << "\n# verdict";
    if (verdict.common_step) out << " at step " << *verdict.common_step;
    out << " over " << verdict.seeds << (verdict.seeds == 1 ? " seed" : " seeds");
    if (verdict.test_points > 0) out << " and " << verdict.test_points << " test points";
    // Every contestant at --steps (or diverged) is the only way this command ends: final.
    out << (finished ? ", final: every seed at the step budget" : "") << '\n';
    for (const std::string& line : verdict_lines(verdict)) out << "# " << line << '\n';
}

}  // namespace

BakeoffCommand parse_bakeoff(std::span<const std::string> args) {
    std::vector<FlagSpec> specs(classifier_flags().begin(), classifier_flags().end());
    specs.push_back(FlagSpec{"activations"});
    specs.push_back(FlagSpec{"seeds"});
    specs.push_back(kMemoryBudgetFlag);
    SessionArgs expanded = expand_session_flags("bakeoff", args, specs);
    BakeoffCommand command{Flags(expanded.args, specs)};
    const Flags& flags = command.flags;
    if (!flags.positionals().empty()) throw UsageError("unexpected argument '" + flags.positionals()[0] + "'");
    command.run = run_from_flags(flags);
    if (auto imported = data_from_file_flag(flags, command.run.seed)) {
        command.data = std::move(imported->data);
    } else if (expanded.data && !flags.has("dataset")) {
        command.data = std::move(*expanded.data);  // the session's contest on imported points
    } else {
        command.data_config = dataset_from_flags(flags, command.run.seed);
        command.data = make_dataset(command.data_config);
    }
    BakeoffConfig& config = command.config;
    config.activations = parse_activations(required_flag(flags, "activations", "sigmoid,tanh,relu"));
    config.trainer = trainer_from_flags(flags, command.data.classes, command.run.seed,
                                        static_cast<int>(command.data.train.size()), config.activations.front());
    config.seeds = setting_flag(flags, settings::bakeoff_setting::kSeeds).value_or(config.seeds);
    config.step_budget = command.run.steps;
    if (auto reason = config.validate()) throw UsageError(*reason);
    return command;
}

int run_bakeoff(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
    const BakeoffCommand command = parse_bakeoff(args);
    const Flags& flags = command.flags;
    const RunFlags& run = command.run;
    const Dataset& data = command.data;
    const BakeoffConfig& config = command.config;
    // Every contestant keeps its rows until the end (they print contestant by contestant): bound
    // them so a tiny --every over a long run is refused instead of exhausting memory.
    const long long contestants = static_cast<long long>(config.activations.size()) * config.seeds;
    if ((run.steps / run.every + 2) * contestants > kMaxRows) {
        throw UsageError("--every " + std::to_string(run.every) + " gives more than " + std::to_string(kMaxRows) +
                         " rows over --steps " + std::to_string(run.steps) + " for " + std::to_string(contestants) +
                         " contestants; use a larger --every");
    }
    const auto records = static_cast<std::size_t>(run.steps / run.every + 2);  // step 0, every E, the last
    const double bytes = estimate_bakeoff_bytes(config, data.train.size(), data.test.size(), records);
    if (auto refusal = over_budget("a bake-off of " + std::to_string(contestants) + " contestants on " +
                                       std::to_string(data.train.size() + data.test.size()) + " points",
                                   bytes, memory_budget_from_flags(flags))) {
        throw UsageError(*refusal);
    }

    Bakeoff bakeoff(data, config);
    // Lockstep in chunks of --every: each chunk steps every contestant, then records each once.
    for (long long done = 0; done < run.steps;) {
        const long long next = std::min(run.steps, (done / run.every + 1) * run.every);
        if (bakeoff.step(static_cast<int>(next - done)) == 0) break;  // every contestant diverged
        done = next;
    }

    out << "activation,seed,step,train_loss,train_accuracy,test_loss,test_accuracy,dead_fraction,"
           "first_last_grad_ratio\n";
    int diverged = 0;
    for (int i = 0; i < bakeoff.size(); ++i) {
        const Contestant& c = bakeoff.contestant(i);
        for (const HistoryRecord& r : c.trainer().history()) print_row(out, c, r);
        if (const auto& divergence = c.trainer().divergence()) {
            ++diverged;
            err << "actviz bakeoff: " << c.activation_name() << " (seed " << c.seed() << "): " << divergence->message
                << "\n";
        }
    }
    const int test_points = static_cast<int>(data.test.size());
    const BakeoffVerdict verdict = judge_bakeoff(summarise(bakeoff), bakeoff.activation_count(), test_points);
    out << "\nactivation,steps_to_90,steps_to_95,best_test_accuracy,final_train_loss,best_test_accuracy_low,"
           "best_test_accuracy_high\n";
    for (const ActivationSummary& row : verdict.table) {
        const auto& interval = verdict.test_interval[static_cast<size_t>(row.activation_index)];
        const bool all_seeds = row.best_test_accuracy.count == row.seeds;
        out << row.activation << ',' << mean_over_all(row.steps_to_90, row.seeds) << ','
            << mean_over_all(row.steps_to_95, row.seeds) << ','
            << mean_over_all(row.best_test_accuracy, row.seeds) << ','
            << mean_over_all(row.final_train_loss, row.seeds) << ','
            << (interval && all_seeds ? format_number(interval->low) : "") << ','
            << (interval && all_seeds ? format_number(interval->high) : "") << '\n';
    }
    print_verdict(out, verdict, bakeoff.finished());
    return diverged > 0 ? kDivergedStatus : 0;
}

}  // namespace actviz::cli
