#pragma once
// What the Classifier panel trains, in three groups that differ in what a change costs:
//   ClassifierData          the dataset: a change regenerates the points and rebuilds the trainer
//   ClassifierArchitecture  layer sizes, features, initialisation, seed: a change rebuilds the trainer
//   ClassifierHyper         activation, optimiser, batch, penalties: applied through Trainer's setters,
//                           the weights are kept
// plus how training runs (ClassifierRun) and what the panel shows (ClassifierView). Widgets edit
// these structs directly; ClassifierLive turns them into the core's TrainerConfig.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"
#include "core/points_csv.hpp"
#include "core/trainer.hpp"
#include "settings/setting.hpp"

namespace actviz::settings {

struct ClassifierData {
    DatasetKind kind = DatasetKind::Spiral;
    int classes = 3;
    int points = 600;
    double noise = 0.2;
    double test_ratio = 0.2;
    // The user's own points (File > Import data, --data): while set, the points are these, split as
    // imported, `classes` is theirs and kind, points, noise and test_ratio wait unused. Shared and
    // immutable, so settings stay cheap to copy; a new import is a new object, and == compares the
    // object, so the trainer is rebuilt exactly when other data came in.
    std::shared_ptr<const ImportedData> imported;

    bool operator==(const ClassifierData&) const = default;
};

struct ClassifierArchitecture {
    std::vector<int> hidden{16, 16};  // units per hidden layer; empty = no hidden layer
    FeatureSet features;
    InitScheme init = InitScheme::XavierUniform;
    double gain = 1.0;
    double bias = 0.0;  // initial bias of every hidden unit
    int seed = 0;       // data, split, weights and batch order

    bool operator==(const ClassifierArchitecture&) const = default;
};

struct ClassifierHyper {
    int activation = 0;  // catalogue index (tanh by default, set in the constructor)
    ParameterValues parameters{};
    OptimizerKind optimizer = OptimizerKind::Adam;
    double learning_rate = 0.01;
    double momentum = 0.9;
    bool nesterov = false;
    int batch = 0;  // 0 = full batch
    double l2 = 0, l1 = 0;

    ClassifierHyper();
    bool operator==(const ClassifierHyper&) const = default;
};

inline constexpr int kMaxStepsPerFrame = 1000;

struct ClassifierRun {
    bool playing = false;
    int steps_per_frame = 10;  // 1..kMaxStepsPerFrame
    bool automatic = false;    // choose the steps per frame so the frame stays within its time budget
    double frame_budget_ms = 16.7;
};

enum class MouseTool { Pan, Add, Erase };

struct ClassifierView {
    int dead_layer = -1;       // −1: count the inactive units of every hidden layer; h: of layer h only
    // The dead-unit plane's place shows the units on their curves instead: the chosen layer's z
    // histogram behind its f and f′ (dead_layer ≥ 0), or one small chart per layer (−1).
    bool unit_curves = false;
    // The place beside the plane (and the unit grid's) shows the network as a network instead: nodes
    // with their pictures over the plane, links by weight (app/classifier/classifier_network.hpp).
    bool network = false;
    // The decision plane coloured by the activation pattern of the piecewise-linear units, each
    // pattern (linear region) its own colour, with their number (core/linear_regions.hpp).
    bool linear_regions = false;
    bool show_test = true;     // test points (hollow)
    bool show_contours = true;
    bool log_loss = true;      // log-y for the loss chart
    bool log_grad = true;      // log-y for the gradient-norm chart
    MouseTool tool = MouseTool::Pan;  // what a click on the decision plane does (dragging always pans)
    int paint_class = 0;              // class of points added with the mouse
    bool add_to_test = false;         // added points go to the test set
    int hovered_layer = -1, hovered_unit = -1;  // the unit under the mouse in the unit grid (last frame)
};

// The numeric settings of the groups above, each described once (setting.hpp). The class count
// (its range depends on the dataset), the batch (up to the training set) and the seed are checked
// where those depend on other settings.
namespace classifier_setting {
inline constexpr Setting<ClassifierData, int> kPoints{.key = "points", .flag = "points", .label = "points",
    .member = &ClassifierData::points, .min = 20, .max = kMaxPoints, .slider_min = 20, .slider_max = 5000,
    .scale = Scale::Log, .format = "%d"};
inline constexpr Setting<ClassifierData, double> kNoise{.key = "noise", .flag = "noise", .label = "noise",
    .member = &ClassifierData::noise, .min = 0, .max = kMaxNoise, .slider_min = 0, .slider_max = 1, .format = "%.2f"};
inline constexpr Setting<ClassifierData, double> kTestRatio{.key = "test_ratio", .flag = "test-ratio",
    .label = "test ratio", .member = &ClassifierData::test_ratio, .min = 0, .max = kMaxTestRatio, .slider_min = 0,
    .slider_max = kMaxTestRatio, .format = "%.2f"};
inline constexpr Setting<ClassifierArchitecture, double> kGain{.key = "gain", .flag = "gain", .label = "gain",
    .member = &ClassifierArchitecture::gain, .min = 0.01, .max = kMaxInitGain, .slider_min = 0.1, .slider_max = 10,
    .scale = Scale::Log, .format = "×%.3g"};
inline constexpr Setting<ClassifierArchitecture, double> kBias{.key = "bias", .flag = "bias", .label = "bias",
    .member = &ClassifierArchitecture::bias, .min = -kMaxInitialBias, .max = kMaxInitialBias, .slider_min = -10,
    .slider_max = 10, .format = "%.2f"};
inline constexpr Setting<ClassifierHyper, double> kLearningRate{.key = "learning_rate", .flag = "lr",
    .label = "learning rate", .member = &ClassifierHyper::learning_rate, .min = kMinLearningRate,
    .max = kMaxLearningRate, .slider_min = kMinLearningRate, .slider_max = kSliderMaxLearningRate, .scale = Scale::Log,
    .format = "%.2e"};
inline constexpr Setting<ClassifierHyper, double> kMomentum{.key = "momentum", .flag = "momentum", .label = "μ",
    .member = &ClassifierHyper::momentum, .min = 0, .max = kMaxMomentum, .slider_min = 0, .slider_max = kMaxMomentum,
    .format = "%.3f"};
inline constexpr Setting<ClassifierHyper, double> kL2{.key = "l2", .flag = "l2", .label = "L2",
    .member = &ClassifierHyper::l2, .min = 0, .max = kMaxPenalty, .slider_min = 0, .slider_max = 1, .scale = Scale::Log,
    .format = "%.4g"};
inline constexpr Setting<ClassifierHyper, double> kL1{.key = "l1", .flag = "l1", .label = "L1",
    .member = &ClassifierHyper::l1, .min = 0, .max = kMaxPenalty, .slider_min = 0, .slider_max = 1, .scale = Scale::Log,
    .format = "%.4g"};
inline constexpr Setting<ClassifierRun, int> kStepsPerFrame{.key = "steps_per_frame", .flag = "",
    .label = "steps/frame", .member = &ClassifierRun::steps_per_frame, .min = 1, .max = kMaxStepsPerFrame,
    .slider_min = 1, .slider_max = kMaxStepsPerFrame, .scale = Scale::Log, .format = "%d"};
inline constexpr Setting<ClassifierRun, double> kFrameBudget{.key = "frame_budget_ms", .flag = "",
    .label = "frame budget", .member = &ClassifierRun::frame_budget_ms, .min = 1, .max = 1000, .slider_min = 5,
    .slider_max = 100, .scale = Scale::Log, .format = "%.1f ms"};
inline constexpr Switch<ClassifierHyper> kNesterov{.key = "nesterov", .flag = "nesterov", .label = "Nesterov",
    .member = &ClassifierHyper::nesterov};
static_assert(well_formed(kPoints) && well_formed(kNoise) && well_formed(kTestRatio) && well_formed(kGain) &&
              well_formed(kBias) && well_formed(kLearningRate) && well_formed(kMomentum) && well_formed(kL2) &&
              well_formed(kL1) && well_formed(kStepsPerFrame) && well_formed(kFrameBudget));
}  // namespace classifier_setting

struct ClassifierSettings {
    ClassifierData data;
    ClassifierArchitecture architecture;
    ClassifierHyper hyper;
    ClassifierRun run;
    ClassifierView view;
    std::string preset;  // id of the preset applied last (its lesson is shown), empty for none
};

// The core's configuration for these settings (validate() it before use).
DatasetConfig to_dataset_config(const ClassifierSettings& settings);
// The points these settings train on: the imported ones, or make_dataset(to_dataset_config(...)).
Dataset training_data(const ClassifierSettings& settings);
// Trains on `imported` from now on (its class count too); null: back to the generated dataset.
void use_imported_data(ClassifierData& data, std::shared_ptr<const ImportedData> imported);
// "imported: name.csv, 3 classes", or the dataset's display name.
std::string describe_data(const ClassifierData& data);
TrainerConfig to_trainer_config(const ClassifierSettings& settings);
OptimizerSettings to_optimizer_settings(const ClassifierHyper& hyper);
// Why these settings cannot train (dataset or trainer config invalid), or nullopt.
std::optional<std::string> settings_error(const ClassifierSettings& settings);

// "16, 16" style text of the hidden layers, and back: nullopt with a reason in `error` for text that
// is not 0..8 comma-separated sizes of 1..64 ("" or "0" = no hidden layer).
std::string hidden_text(const std::vector<int>& hidden);
std::optional<std::vector<int>> parse_hidden_text(std::string_view text, std::string& error);

struct ClassifierPreset {
    std::string_view id;      // for --preset: "spiral-tanh"
    std::string_view name;    // menu label
    std::string_view lesson;  // shown under the controls while the preset is active
    void (*apply)(ClassifierSettings&);
    // A second setting to compare against (XOR without → with a hidden layer, GELU ↔ ReLU): the
    // button's label and what it changes. Empty label: none.
    std::string_view variant_label;
    void (*apply_variant)(ClassifierSettings&);
};
const std::vector<ClassifierPreset>& classifier_presets();
const ClassifierPreset* find_classifier_preset(std::string_view id);
std::string classifier_preset_ids();  // "xor-hidden-layer, spiral-tanh, ..." for error messages

}  // namespace actviz::settings
