// actviz train --dataset NAME [--classes K] [--points N] [--noise S] [--test-ratio R] --hidden 16,16
//   (or --data FILE.csv [--rescale] [--test-ratio R] instead of the generated dataset)
//   --activation NAME [activation parameter flags] [--features x2,y2,xy,sinx,siny] [--init NAME] [--bias B]
//   --optimizer sgd|momentum|adam|rmsprop [--nesterov] --lr LR [--batch B] [--l2 X] [--l1 X] --steps N
//   [--seed S] [--every K] [--gain G] [--weights FILE]
//   or --session FILE with any of those flags overriding the session's Classifier panel (--steps
//   defaults to the steps the session had trained). With --session the network trains from its seed
//   on the session's own points, hand-added and erased ones included, split as the panel split them:
//   what the panel would show after Reset. Those points cannot be regenerated from the panel's
//   settings, so they come from the session rather than from flags. A dataset flag given explicitly
//   (--dataset --classes --points --noise --test-ratio, or --seed, which also draws the points) asks
//   for other data: the points are then drawn anew from the flags, as the panel does on such a change.
// → CSV step,train_loss,train_accuracy,test_loss,test_accuracy,dead_fraction: a row at step 0, every K
// steps and at the last step. A diverged run (the loss NaN, infinite or above Trainer::blow_up_loss())
// prints its rows up to the divergence, one line on stderr and exits 3. test_loss and test_accuracy are empty with --test-ratio 0.
// --histograms FILE: the Classifier's "units on the curve" numbers (core/z_histogram.hpp) at the same
// steps as the rows, as CSV layer,bin_left,bin_right,count,step (layers numbered from 1 as in the
// window; the mass below and above the range as bins (−inf, lo) and [hi, inf)).

#include <cstdint>
#include <limits>
#include <ostream>
#include <string>

#include "cli/activation_flags.hpp"
#include "cli/classifier_flags.hpp"
#include "cli/command_configs.hpp"
#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "cli/memory_flag.hpp"
#include "cli/parse_value.hpp"
#include "cli/session_flags.hpp"
#include "cli/usage_error.hpp"
#include "core/memory_budget.hpp"
#include "core/trainer.hpp"
#include "session/session_file.hpp"
#include "session/weights_json.hpp"

namespace actviz::cli {
namespace {

void print_row(std::ostream& out, const HistoryRecord& r) {
    out << r.step << ',' << format_number(r.train_loss) << ',' << format_number(r.train_accuracy) << ','
        << (r.test_loss ? format_number(*r.test_loss) : "") << ','
        << (r.test_accuracy ? format_number(*r.test_accuracy) : "") << ',' << format_number(r.dead_fraction) << '\n';
}

// One recorded step's histograms, every layer, as CSV rows.
void append_histogram_rows(std::string& csv, const std::vector<LayerZHistogram>& histograms) {
    const auto row = [&csv](size_t layer, double left, double right, std::int64_t count, std::int64_t step) {
        csv += std::to_string(layer + 1) + ',' + format_number(left) + ',' + format_number(right) + ',' +
               std::to_string(count) + ',' + std::to_string(step) + '\n';
    };
    for (size_t h = 0; h < histograms.size(); ++h) {
        const LayerZHistogram& histogram = histograms[h];
        const double inf = std::numeric_limits<double>::infinity();
        row(h, -inf, histogram.lo, histogram.layer.underflow, histogram.step);
        for (int i = 0; i < kZHistogramBins; ++i) {
            row(h, histogram.bin_left(i), i + 1 == kZHistogramBins ? histogram.hi : histogram.bin_left(i + 1),
                histogram.layer.bins[static_cast<size_t>(i)], histogram.step);
        }
        row(h, histogram.hi, inf, histogram.layer.overflow, histogram.step);
    }
}

std::vector<FlagSpec> train_flag_specs() {
    std::vector<FlagSpec> specs(classifier_flags().begin(), classifier_flags().end());
    specs.push_back(FlagSpec{"activation"});
    specs.push_back(FlagSpec{"weights"});
    specs.push_back(FlagSpec{"histograms"});
    specs.push_back(kMemoryBudgetFlag);
    for (const FlagSpec& spec : activation_parameter_flags()) specs.push_back(spec);
    return specs;
}

}  // namespace

TrainCommand parse_train(std::span<const std::string> args) {
    const std::vector<FlagSpec> specs = train_flag_specs();
    SessionArgs expanded = expand_session_flags("train", args, specs);
    TrainCommand command{Flags(expanded.args, specs)};
    const Flags& flags = command.flags;
    if (!flags.positionals().empty()) throw UsageError("unexpected argument '" + flags.positionals()[0] + "'");
    command.run = run_from_flags(flags);
    if (auto imported = data_from_file_flag(flags, command.run.seed)) {
        command.data = std::move(imported->data);
    } else if (expanded.data && !flags.has("dataset")) {
        command.data = std::move(*expanded.data);  // a session trained on imported points
    } else {
        // Parsed even when the session's points are used: the session's settings are checked as typed flags are.
        command.data_config = dataset_from_flags(flags, command.run.seed);
        command.data = expanded.data ? std::move(*expanded.data) : make_dataset(command.data_config);
    }
    // Only a session's hand edits can leave none (the flags' check above refuses that for generated
    // points); no step could be taken, so say so instead of printing a lone step 0.
    if (command.data.train.empty()) throw UsageError("the session's training points were all erased: nothing to train on");
    const auto name = flags.value("activation");
    const ActivationChoice choice =
        activation_from_flags(name ? std::optional<std::string_view>(*name) : std::nullopt, flags, "tanh");
    command.config = trainer_from_flags(flags, command.data.classes, command.run.seed,
                                        static_cast<int>(command.data.train.size()),
                                        LayerActivation{choice.activation, choice.parameters});
    return command;
}

int run_train(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
    TrainCommand command = parse_train(args);
    const Flags& flags = command.flags;
    const long long steps = command.run.steps, every = command.run.every;
    Dataset& data = command.data;
    const TrainerConfig& config = command.config;

    const double bytes = estimate_training_bytes(config, data.train.size(), data.test.size());
    if (auto refusal = over_budget("training " + std::to_string(data.train.size() + data.test.size()) + " points",
                                   bytes, memory_budget_from_flags(flags))) {
        throw UsageError(*refusal);
    }
    Trainer trainer(std::move(data), config);
    out << "step,train_loss,train_accuracy,test_loss,test_accuracy,dead_fraction\n";
    const auto histograms_path = flags.value("histograms");
    std::string histograms_csv = "layer,bin_left,bin_right,count,step\n";
    size_t printed = 0;
    const auto print_new = [&] {
        if (histograms_path && printed < trainer.history().size()) {
            append_histogram_rows(histograms_csv, trainer.z_histograms());  // of the newest record: the one step() took
        }
        for (; printed < trainer.history().size(); ++printed) print_row(out, trainer.history()[printed]);
    };
    print_new();  // step 0
    while (trainer.steps() < steps && !trainer.divergence()) {
        const long long next = std::min(steps, (trainer.steps() / every + 1) * every);
        trainer.step(static_cast<int>(next - trainer.steps()));
        print_new();  // every K steps, the last step, or the last finite step before a divergence
    }
    // The last finite weights, also after a divergence (they are what the rows describe).
    if (auto path = flags.value("weights")) {
        if (auto error = files::write_file_atomically(std::string(*path), session::weights_to_json(trainer.mlp()))) {
            throw UsageError("cannot write --weights '" + files::printable_path(*path) + "': " + *error);
        }
    }
    if (histograms_path) {
        if (auto error = files::write_file_atomically(std::string(*histograms_path), histograms_csv)) {
            throw UsageError("cannot write --histograms '" + files::printable_path(*histograms_path) + "': " + *error);
        }
    }
    if (const auto& divergence = trainer.divergence()) {
        out.flush();
        err << "actviz train: " << divergence->message << "\n";
        return kDivergedStatus;
    }
    return 0;
}

}  // namespace actviz::cli
