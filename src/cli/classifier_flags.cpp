#include "cli/classifier_flags.hpp"

#include <algorithm>
#include <array>
#include <limits>

#include "cli/parse_value.hpp"
#include "files/atomic_file.hpp"
#include "files/bounded_read.hpp"
#include "cli/setting_flags.hpp"
#include "cli/usage_error.hpp"
#include "settings/classifier_settings.hpp"

namespace actviz::cli {
namespace {

constexpr std::array kClassifierFlags{
    FlagSpec{"dataset"}, FlagSpec{"classes"},         FlagSpec{"points"}, FlagSpec{"noise"},
    FlagSpec{"test-ratio"}, FlagSpec{"hidden"},       FlagSpec{"features"}, FlagSpec{"init"},
    FlagSpec{"bias"},    FlagSpec{"optimizer"},       flag_spec(settings::classifier_setting::kNesterov), FlagSpec{"lr"},
    FlagSpec{"batch"},   FlagSpec{"l2"},              FlagSpec{"l1"},     FlagSpec{"steps"},
    FlagSpec{"seed"},    FlagSpec{"every"},               FlagSpec{"gain"},   FlagSpec{"momentum"},
    FlagSpec{"data"},    FlagSpec{"rescale", false}};

template <typename Names>
std::string one_of(const Names& names) {
    std::vector<std::string_view> views(names.begin(), names.end());
    return joined_names(views);
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

}  // namespace

std::span<const FlagSpec> classifier_flags() { return kClassifierFlags; }

std::string joined_names(std::span<const std::string_view> names) {
    std::string text;
    for (std::string_view name : names) text += (text.empty() ? "" : ", ") + std::string(name);
    return text;
}

std::string_view required_flag(const Flags& flags, const char* name, const char* example) {
    const auto value = flags.value(name);
    if (!value) throw UsageError(std::string("--") + name + " is missing, e.g. --" + name + " " + example);
    return *value;
}

RunFlags run_from_flags(const Flags& flags) {
    RunFlags run;
    if (auto text = flags.value("seed")) {
        run.seed = static_cast<std::uint64_t>(parse_integer("--seed", *text, 0, std::numeric_limits<long long>::max()));
    }
    run.steps = parse_integer("--steps", required_flag(flags, "steps", "2000"), 0, kMaxTrainSteps);
    if (auto text = flags.value("every")) run.every = parse_integer("--every", *text, 1, kMaxTrainSteps);
    return run;
}

DatasetConfig dataset_from_flags(const Flags& flags, std::uint64_t seed) {
    const std::string_view name = required_flag(flags, "dataset", "spiral");
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
    namespace c = settings::classifier_setting;
    data.points = setting_flag(flags, c::kPoints).value_or(data.points);
    data.noise = setting_flag(flags, c::kNoise).value_or(data.noise);
    data.test_ratio = setting_flag(flags, c::kTestRatio).value_or(data.test_ratio);
    if (auto reason = data.validate()) throw UsageError(*reason);
    return data;
}

std::optional<ImportedData> data_from_file_flag(const Flags& flags, std::uint64_t seed) {
    const auto path = flags.value("data");
    if (!path) {
        if (flags.has("rescale")) throw UsageError("--rescale rescales the points of --data FILE.csv: give --data");
        return std::nullopt;
    }
    // These describe generated points; a file brings its own.
    for (const char* name : {"dataset", "classes", "points", "noise"}) {
        if (flags.has(name)) {
            throw UsageError(std::string("--") + name + " describes generated points; --data '" +
                             files::printable_path(*path) + "' brings its own: give one of them");
        }
    }
    PointsCsvOptions options;
    options.rescale = flags.has("rescale");
    options.seed = seed;
    options.test_ratio = setting_flag(flags, settings::classifier_setting::kTestRatio).value_or(options.test_ratio);
    const std::string file(*path);
    std::string text;
    if (auto error = files::read_bounded(file, kMaxPointsFileBytes, "32 MiB (the most a points file may be)", text)) {
        throw UsageError("cannot read --data '" + files::printable_path(file) + "': " + *error);
    }
    const std::size_t slash = file.find_last_of('/');
    PointsCsvResult read = read_points_csv(text, slash == std::string::npos ? file : file.substr(slash + 1), options);
    if (!read.imported) throw UsageError("--data '" + files::printable_path(file) + "': " + read.error);
    return std::move(read.imported);
}

TrainerConfig trainer_from_flags(const Flags& flags, int classes, std::uint64_t seed, int train_points,
                                 const LayerActivation& activation) {
    TrainerConfig config;
    ModelConfig& model = config.model;
    model.seed = seed;
    model.classes = classes;
    model.hidden = parse_hidden(required_flag(flags, "hidden", "16,16"));
    model.activations = {activation};
    if (auto text = flags.value("features")) model.features = parse_features(*text);
    if (auto text = flags.value("init")) {
        const auto scheme = find_init_scheme(*text);
        if (!scheme)
            throw UsageError("unknown --init '" + std::string(*text) + "' (one of " + one_of(init_scheme_names()) +
                             ")");
        model.init = *scheme;
    }
    namespace c = settings::classifier_setting;
    model.bias = setting_flag(flags, c::kBias).value_or(model.bias);
    model.gain = setting_flag(flags, c::kGain).value_or(model.gain);

    const std::string_view optimizer = required_flag(flags, "optimizer", "adam");
    const auto kind = find_optimizer(optimizer);
    if (!kind)
        throw UsageError("unknown --optimizer '" + std::string(optimizer) + "' (one of " + one_of(optimizer_names()) +
                         ")");
    config.optimizer.kind = *kind;
    config.optimizer.nesterov = setting_flag(flags, c::kNesterov);
    if (config.optimizer.nesterov && *kind != OptimizerKind::Momentum) {
        throw UsageError("--nesterov applies only to --optimizer momentum");
    }
    if (auto text = flags.value("momentum")) {
        if (*kind != OptimizerKind::Momentum) throw UsageError("--momentum applies only to --optimizer momentum");
        config.optimizer.momentum = *setting_flag(flags, c::kMomentum);
    }
    required_flag(flags, "lr", "0.01");
    config.optimizer.learning_rate = *setting_flag(flags, c::kLearningRate);
    if (auto text = flags.value("batch")) {
        config.batch = static_cast<int>(parse_integer("--batch", *text, 0, kMaxPoints));
        if (config.batch > train_points) {
            throw UsageError("--batch " + std::to_string(config.batch) + " exceeds the " +
                             std::to_string(train_points) + " training points (0 means full batch)");
        }
    }
    config.l2 = setting_flag(flags, c::kL2).value_or(config.l2);
    config.l1 = setting_flag(flags, c::kL1).value_or(config.l1);
    if (auto reason = config.validate()) throw UsageError(*reason);
    return config;
}

}  // namespace actviz::cli
