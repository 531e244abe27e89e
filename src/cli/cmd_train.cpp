// actviz train --dataset NAME [--classes K] [--points N] [--noise S] [--test-ratio R] --hidden 16,16
//   --activation NAME [activation parameter flags] [--features x2,y2,xy,sinx,siny] [--init NAME] [--bias B]
//   --optimizer sgd|momentum|adam|rmsprop [--nesterov] --lr LR [--batch B] [--l2 X] [--l1 X] --steps N
//   [--seed S] [--every K] [--gain G] [--weights FILE]
//   or --session FILE with any of those flags overriding the session's Classifier panel (--steps
//   defaults to the steps the session had trained)
// → CSV step,train_loss,train_accuracy,test_loss,test_accuracy,dead_fraction: a row at step 0, every K
// steps and at the last step. A diverged run prints its rows up to the divergence, one line on
// stderr and exits 3. test_loss and test_accuracy are empty with --test-ratio 0.

#include <array>
#include <limits>
#include <ostream>
#include <string>

#include "cli/activation_flags.hpp"
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

constexpr int kDivergedStatus = 3;
constexpr long long kMaxSteps = 100'000'000;

constexpr std::array kTrainFlags{
    FlagSpec{"dataset"},   FlagSpec{"classes"},         FlagSpec{"points"},   FlagSpec{"noise"}, FlagSpec{"test-ratio"},
    FlagSpec{"hidden"},    FlagSpec{"activation"},      FlagSpec{"features"}, FlagSpec{"init"},  FlagSpec{"bias"}, FlagSpec{"gain"},
    FlagSpec{"optimizer"}, FlagSpec{"nesterov", false}, FlagSpec{"lr"},       FlagSpec{"batch"}, FlagSpec{"l2"},
    FlagSpec{"l1"},        FlagSpec{"steps"},           FlagSpec{"seed"},     FlagSpec{"every"},
    FlagSpec{"weights"},   kMemoryBudgetFlag};

std::string_view required(const Flags& flags, const char* name, const char* example) {
    const auto value = flags.value(name);
    if (!value) throw UsageError(std::string("--") + name + " is missing, e.g. --" + name + " " + example);
    return *value;
}

template <typename Names>
std::string one_of(const Names& names) {
    std::string text;
    for (std::string_view name : names) text += (text.empty() ? "" : ", ") + std::string(name);
    return text;
}

// "16,16" → {16, 16}; "" or "0" → no hidden layer.
std::vector<int> parse_hidden(std::string_view text) {
    if (text.empty() || text == "0") return {};
    std::vector<int> sizes;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t comma = std::min(text.find(',', start), text.size());
        if (sizes.size() == static_cast<size_t>(kMaxHiddenLayers)) {
            throw UsageError("--hidden takes at most " + std::to_string(kMaxHiddenLayers) + " layers, got '" +
                             std::string(text) + "'");
        }
        sizes.push_back(
            static_cast<int>(parse_integer("--hidden (each layer)", text.substr(start, comma - start), 1, kMaxUnits)));
        start = comma + 1;
    }
    return sizes;
}

FeatureSet parse_features(std::string_view text) {
    FeatureSet features;
    size_t start = 0;
    while (!text.empty() && start <= text.size()) {
        const size_t comma = std::min(text.find(',', start), text.size());
        const std::string_view name = text.substr(start, comma - start);
        if (name == "x2")
            features.x_squared = true;
        else if (name == "y2")
            features.y_squared = true;
        else if (name == "xy")
            features.xy = true;
        else if (name == "sinx")
            features.sin_x = true;
        else if (name == "siny")
            features.sin_y = true;
        else
            throw UsageError("unknown --features entry '" + std::string(name) + "' (any of " +
                             one_of(optional_feature_names()) + ")");
        start = comma + 1;
    }
    return features;
}

DatasetConfig dataset_from_flags(const Flags& flags, std::uint64_t seed) {
    const std::string_view name = required(flags, "dataset", "spiral");
    const auto kind = find_dataset(name);
    if (!kind) {
        std::vector<std::string_view> names;
        for (const DatasetInfo& info : dataset_infos()) names.push_back(info.name);
        throw UsageError("unknown --dataset '" + std::string(name) + "' (one of " + one_of(names) + ")");
    }
    const DatasetInfo& info = dataset_info(*kind);
    DatasetConfig data;
    data.kind = *kind;
    data.seed = seed;
    data.noise = info.default_noise;
    data.classes = info.max_classes >= 3 ? 3 : info.min_classes;
    if (auto text = flags.value("classes")) {
        data.classes = static_cast<int>(parse_integer("--classes", *text, info.min_classes, info.max_classes));
    }
    if (auto text = flags.value("points")) {
        data.points = static_cast<int>(parse_integer("--points", *text, data.classes, kMaxPoints));
    }
    if (auto text = flags.value("noise")) data.noise = parse_real("--noise", *text, 0, kMaxNoise);
    if (auto text = flags.value("test-ratio")) data.test_ratio = parse_real("--test-ratio", *text, 0, kMaxTestRatio);
    if (auto reason = data.validate()) throw UsageError(*reason);
    return data;
}

TrainerConfig trainer_from_flags(const Flags& flags, int classes, std::uint64_t seed, int train_points) {
    TrainerConfig config;
    ModelConfig& model = config.model;
    model.seed = seed;
    model.classes = classes;
    model.hidden = parse_hidden(required(flags, "hidden", "16,16"));
    const ActivationChoice choice = activation_from_flags(required(flags, "activation", "tanh"), flags);
    model.activations = {{choice.activation, choice.parameters}};
    if (auto text = flags.value("features")) model.features = parse_features(*text);
    if (auto text = flags.value("init")) {
        const auto scheme = find_init_scheme(*text);
        if (!scheme)
            throw UsageError("unknown --init '" + std::string(*text) + "' (one of " + one_of(init_scheme_names()) +
                             ")");
        model.init = *scheme;
    }
    if (auto text = flags.value("bias")) model.bias = parse_real("--bias", *text, -kMaxInitialBias, kMaxInitialBias);
    if (auto text = flags.value("gain")) {
        model.gain = parse_real("--gain", *text, 0, kMaxInitGain);
        if (model.gain <= 0) throw UsageError("--gain must be greater than 0, got '" + std::string(*text) + "'");
    }

    const std::string_view optimizer = required(flags, "optimizer", "adam");
    const auto kind = find_optimizer(optimizer);
    if (!kind)
        throw UsageError("unknown --optimizer '" + std::string(optimizer) + "' (one of " + one_of(optimizer_names()) +
                         ")");
    config.optimizer.kind = *kind;
    config.optimizer.nesterov = flags.has("nesterov");
    if (config.optimizer.nesterov && *kind != OptimizerKind::Momentum) {
        throw UsageError("--nesterov applies only to --optimizer momentum");
    }
    config.optimizer.learning_rate =
        parse_real("--lr", required(flags, "lr", "0.01"), kMinLearningRate, kMaxLearningRate);
    if (auto text = flags.value("batch")) {
        config.batch = static_cast<int>(parse_integer("--batch", *text, 0, kMaxPoints));
        if (config.batch > train_points) {
            throw UsageError("--batch " + std::to_string(config.batch) + " exceeds the " +
                             std::to_string(train_points) + " training points (0 means full batch)");
        }
    }
    if (auto text = flags.value("l2")) config.l2 = parse_real("--l2", *text, 0, kMaxPenalty);
    if (auto text = flags.value("l1")) config.l1 = parse_real("--l1", *text, 0, kMaxPenalty);
    if (auto reason = config.validate()) throw UsageError(*reason);
    return config;
}

void print_row(std::ostream& out, const HistoryRecord& r) {
    out << r.step << ',' << format_number(r.train_loss) << ',' << format_number(r.train_accuracy) << ','
        << (r.test_loss ? format_number(*r.test_loss) : "") << ','
        << (r.test_accuracy ? format_number(*r.test_accuracy) : "") << ',' << format_number(r.dead_fraction) << '\n';
}

}  // namespace

int run_train(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
    std::vector<FlagSpec> specs(kTrainFlags.begin(), kTrainFlags.end());
    for (const FlagSpec& spec : activation_parameter_flags()) specs.push_back(spec);
    const std::vector<std::string> expanded = expand_session_flags("train", args, specs);
    const Flags flags(expanded, specs);
    if (!flags.positionals().empty()) throw UsageError("unexpected argument '" + flags.positionals()[0] + "'");
    std::uint64_t seed = 0;
    if (auto text = flags.value("seed")) {
        seed = static_cast<std::uint64_t>(parse_integer("--seed", *text, 0, std::numeric_limits<long long>::max()));
    }
    const long long steps = parse_integer("--steps", required(flags, "steps", "2000"), 0, kMaxSteps);
    const long long every = flags.has("every") ? parse_integer("--every", *flags.value("every"), 1, kMaxSteps) : 100;
    const DatasetConfig data_config = dataset_from_flags(flags, seed);
    Dataset data = make_dataset(data_config);
    const TrainerConfig config =
        trainer_from_flags(flags, data_config.classes, seed, static_cast<int>(data.train.size()));

    const double bytes = estimate_training_bytes(config, data.train.size(), data.test.size());
    if (auto refusal = over_budget("training " + std::to_string(data_config.points) + " points", bytes,
                                   memory_budget_from_flags(flags))) {
        throw UsageError(*refusal);
    }
    Trainer trainer(std::move(data), config);
    out << "step,train_loss,train_accuracy,test_loss,test_accuracy,dead_fraction\n";
    size_t printed = 0;
    const auto print_new = [&] {
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
        if (auto error = session::write_file_atomically(std::string(*path), session::weights_to_json(trainer.mlp()))) {
            throw UsageError("cannot write --weights '" + std::string(*path) + "': " + *error);
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
