#pragma once
// What the Classifier panel trains, in three groups that differ in what a change costs:
//   ClassifierData          the dataset: a change regenerates the points and rebuilds the trainer
//   ClassifierArchitecture  layer sizes, features, initialisation, seed: a change rebuilds the trainer
//   ClassifierHyper         activation, optimiser, batch, penalties: applied through Trainer's setters,
//                           the weights are kept
// plus how training runs (ClassifierRun) and what the panel shows (ClassifierView). Widgets edit
// these structs directly; ClassifierLive turns them into the core's TrainerConfig.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"
#include "core/trainer.hpp"

namespace actviz::settings {

struct ClassifierData {
    DatasetKind kind = DatasetKind::Spiral;
    int classes = 3;
    int points = 600;
    double noise = 0.2;
    double test_ratio = 0.2;

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
    bool show_test = true;     // test points (hollow)
    bool show_contours = true;
    bool log_loss = true;      // log-y for the loss chart
    bool log_grad = true;      // log-y for the gradient-norm chart
    MouseTool tool = MouseTool::Pan;  // what a click on the decision plane does (dragging always pans)
    int paint_class = 0;              // class of points added with the mouse
    bool add_to_test = false;         // added points go to the test set
    int hovered_layer = -1, hovered_unit = -1;  // the unit under the mouse in the unit grid (last frame)
};

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
