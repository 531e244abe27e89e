#include "settings/classifier_settings.hpp"

#include <algorithm>
#include <charconv>

#include "settings/preset_list.hpp"

namespace actviz::settings {
namespace {

int catalogue_index(std::string_view name) { return activation_index(*find_activation(name)); }

void set_activation(ClassifierHyper& hyper, std::string_view name) {
    hyper.activation = catalogue_index(name);
    hyper.parameters = find_activation(name)->defaults();
}

// Every preset starts from the defaults so nothing of the previous settings leaks in; the run
// settings (steps per frame, automatic mode) are the user's and stay.
void start_from_defaults(ClassifierSettings& s, std::string_view id) {
    const ClassifierRun run = s.run;
    s = ClassifierSettings();
    s.run = run;
    s.run.playing = true;
    s.preset = id;
}

// Toggles between two activations (the weights are kept: the comparison is on the same network).
void toggle_activation(ClassifierSettings& s, std::string_view a, std::string_view b) {
    set_activation(s.hyper, s.hyper.activation == catalogue_index(a) ? b : a);
    s.run.playing = true;
}

}  // namespace

ClassifierHyper::ClassifierHyper() { set_activation(*this, "tanh"); }

DatasetConfig to_dataset_config(const ClassifierSettings& settings) {
    DatasetConfig config;
    config.kind = settings.data.kind;
    config.classes = settings.data.classes;
    config.points = settings.data.points;
    config.noise = settings.data.noise;
    config.test_ratio = settings.data.test_ratio;
    config.seed = static_cast<std::uint64_t>(settings.architecture.seed);
    return config;
}

Dataset training_data(const ClassifierSettings& settings) {
    if (settings.data.imported) return settings.data.imported->data;
    return make_dataset(to_dataset_config(settings));
}

void use_imported_data(ClassifierData& data, std::shared_ptr<const ImportedData> imported) {
    if (imported) {
        data.classes = imported->data.classes;
    } else {
        const DatasetInfo& info = dataset_info(data.kind);
        data.classes = std::clamp(data.classes, info.min_classes, info.max_classes);
    }
    data.imported = std::move(imported);
}

std::string describe_data(const ClassifierData& data) {
    return data.imported ? describe_imported(*data.imported) : std::string(dataset_info(data.kind).display);
}

TrainerConfig to_trainer_config(const ClassifierSettings& settings) {
    const ClassifierArchitecture& arch = settings.architecture;
    const ClassifierHyper& hyper = settings.hyper;
    TrainerConfig config;
    config.model.features = arch.features;
    config.model.hidden = arch.hidden;
    config.model.classes = settings.data.classes;
    const auto index = static_cast<size_t>(hyper.activation);
    config.model.activations = {LayerActivation{index < activations().size() ? &activations()[index] : nullptr,
                                                hyper.parameters}};
    config.model.init = arch.init;
    config.model.gain = arch.gain;
    config.model.bias = arch.bias;
    config.model.seed = static_cast<std::uint64_t>(arch.seed);
    config.optimizer = to_optimizer_settings(hyper);
    config.batch = hyper.batch;
    config.l2 = hyper.l2;
    config.l1 = hyper.l1;
    return config;
}

OptimizerSettings to_optimizer_settings(const ClassifierHyper& hyper) {
    OptimizerSettings optimizer;
    optimizer.kind = hyper.optimizer;
    optimizer.learning_rate = hyper.learning_rate;
    optimizer.momentum = hyper.momentum;
    optimizer.nesterov = hyper.nesterov;
    return optimizer;
}

std::optional<std::string> settings_error(const ClassifierSettings& settings) {
    if (settings.hyper.activation < 0 || static_cast<size_t>(settings.hyper.activation) >= activations().size()) {
        return "no such activation";
    }
    if (const auto& imported = settings.data.imported) {
        // Imported points were checked as they were read; their class count must be the network's.
        if (settings.data.classes != imported->data.classes) {
            return "classes must be " + std::to_string(imported->data.classes) + " for " + describe_imported(*imported) +
                   ", got " + std::to_string(settings.data.classes);
        }
    } else if (auto error = to_dataset_config(settings).validate()) {
        return error;
    }
    return to_trainer_config(settings).validate();
}

std::string hidden_text(const std::vector<int>& hidden) {
    if (hidden.empty()) return "0";
    std::string text;
    for (int units : hidden) text += (text.empty() ? "" : ", ") + std::to_string(units);
    return text;
}

std::optional<std::vector<int>> parse_hidden_text(std::string_view text, std::string& error) {
    std::vector<int> sizes;
    std::string_view rest = text;
    const auto trim = [](std::string_view s) {
        while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
        while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
        return s;
    };
    if (trim(text).empty() || trim(text) == "0") return sizes;
    while (true) {
        const size_t comma = rest.find(',');
        const std::string_view item = trim(rest.substr(0, comma));
        int units = 0;
        const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), units);
        if (item.empty() || ec != std::errc() || end != item.data() + item.size() || units < 1 || units > kMaxUnits) {
            error = "each layer needs 1.." + std::to_string(kMaxUnits) + " units, got '" + std::string(item) + "'";
            return std::nullopt;
        }
        sizes.push_back(units);
        if (sizes.size() > static_cast<size_t>(kMaxHiddenLayers)) {
            error = "at most " + std::to_string(kMaxHiddenLayers) + " hidden layers";
            return std::nullopt;
        }
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return sizes;
}

const std::vector<ClassifierPreset>& classifier_presets() {
    static const std::vector<ClassifierPreset> presets = {
        {"xor-hidden-layer", "XOR needs a hidden layer",
         "Without a hidden layer the network is a linear classifier. A straight line gets at most three of XOR's "
         "four quadrants right (75%, less on these noisy points), and gradient descent does not even find that "
         "line: the loss stays at log 2 ≈ 0.693, a coin flip's, and the accuracy is wherever its barely "
         "confident line happens to fall. Add one hidden layer and it bends the boundary around the quadrants (over 95%).",
         [](ClassifierSettings& s) {
             start_from_defaults(s, "xor-hidden-layer");
             s.data.kind = DatasetKind::Xor;
             s.data.classes = 2;
             s.data.points = 400;
             s.data.noise = dataset_info(DatasetKind::Xor).default_noise;
             s.architecture.hidden = {};
             s.hyper.learning_rate = 0.03;
         },
         "Toggle 0 ↔ 1 hidden layer (8 units)",
         [](ClassifierSettings& s) {
             s.architecture.hidden = s.architecture.hidden.empty() ? std::vector<int>{8} : std::vector<int>{};
             s.run.playing = true;
         }},
        {"spiral-tanh", "spiral with tanh",
         "Three interleaved spiral arms, 2-16-16-3 with tanh and Adam (lr 0.01): the boundary winds itself around "
         "the arms within a few hundred steps (over 99% of the training points by step 300), and no unit "
         "saturates (tanh has no dead zone: its statistic is saturation).",
         [](ClassifierSettings& s) {
             start_from_defaults(s, "spiral-tanh");
             s.view.unit_curves = true;  // the lesson is where the units sit on the curve
         }, "", nullptr},
        {"dying-relu-bias", "dying ReLU: bias −5",
         "Every hidden bias starts at −5: each ReLU's pre-activation is negative for every input, so f′ = 0 "
         "everywhere, no gradient reaches any hidden weight and the units never recover. Only the output layer's "
         "biases learn, so the network can do no better than naming the most common class (34%).",
         [](ClassifierSettings& s) {
             start_from_defaults(s, "dying-relu-bias");
             s.view.unit_curves = true;  // the lesson is where the units sit on the curve
             set_activation(s.hyper, "relu");
             s.architecture.init = InitScheme::HeUniform;
             s.architecture.bias = -5;
         },
         "", nullptr},
        {"dying-relu-lr", "dying ReLU: learning rate too high",
         "ReLU with Adam at lr 1: within ten steps the big first steps throw most units into the region where "
         "they are negative for every training point. The survivors fit part of the spiral for a while, then "
         "die too: by about step 1000 the dead fraction climbs past 90% and the loss rises back to chance, log 3 ≈ 1.10.",
         [](ClassifierSettings& s) {
             start_from_defaults(s, "dying-relu-lr");
             s.view.unit_curves = true;  // the lesson is where the units sit on the curve
             set_activation(s.hyper, "relu");
             s.architecture.init = InitScheme::HeUniform;
             s.hyper.learning_rate = 1.0;
         },
         "", nullptr},
        {"leaky-relu-revives", "leaky ReLU revives the dead",
         "The bias −5 network again, with leaky ReLU (α = 0.1): negative inputs still pass 10% of the gradient, "
         "so the units climb back and the network learns (over 95% within about a thousand steps). Toggle to "
         "ReLU early, before they have climbed back, and every unit dies on the spot (weights kept); toggled "
         "later, the units that have revived survive.",
         [](ClassifierSettings& s) {
             start_from_defaults(s, "leaky-relu-revives");
             set_activation(s.hyper, "leaky_relu");
             s.hyper.parameters[0] = 0.1;
             s.architecture.init = InitScheme::HeUniform;
             s.architecture.bias = -5;
         },
         "Toggle leaky ReLU ↔ ReLU",
         [](ClassifierSettings& s) {
             const bool leaky = s.hyper.activation == catalogue_index("leaky_relu");
             set_activation(s.hyper, leaky ? "relu" : "leaky_relu");
             if (!leaky) s.hyper.parameters[0] = 0.1;
             s.run.playing = true;
         }},
        {"sigmoid-deep", "sigmoid in a deep net learns slowly",
         "Five sigmoid layers trained with SGD + momentum. σ′ ≤ 0.25, so at the start the gradient shrinks "
         "layer by layer: layer 1 gets under a thousandth of the output layer's (see the gradient-norm chart). "
         "Within a hundred steps or so the output layer settles on the class shares, every layer's gradient "
         "falls below 1e-3 and the loss sits at log 3 for thousands of steps before the network finally learns. "
         "Toggle to tanh: same weights, and it learns within a few hundred steps.",
         [](ClassifierSettings& s) {
             start_from_defaults(s, "sigmoid-deep");
             s.view.unit_curves = true;  // the lesson is where the units sit on the curve
             set_activation(s.hyper, "sigmoid");
             s.architecture.hidden = {16, 16, 16, 16, 16};
             s.hyper.optimizer = OptimizerKind::Momentum;
             s.hyper.learning_rate = 0.05;
         },
         "Toggle sigmoid ↔ tanh", [](ClassifierSettings& s) { toggle_activation(s, "sigmoid", "tanh"); }},
        {"linear-collapse", "stacked linear layers collapse to one",
         "Three hidden layers of 8 with the identity as activation, on the two moons: a product of linear maps "
         "is linear, so the network equals one layer, logits = W*·x + b* (shown beside the plane, live), and "
         "its boundary stays a straight line however long it trains. A network with no hidden layer, trained "
         "alongside on the same points, ends at the same loss (the best a straight line does, ~88% here). "
         "Toggle to tanh: the same three layers bend the boundary around the moons.",
         [](ClassifierSettings& s) {
             start_from_defaults(s, "linear-collapse");
             s.data.kind = DatasetKind::Moons;
             s.data.classes = 2;
             s.data.noise = dataset_info(DatasetKind::Moons).default_noise;
             s.architecture.hidden = {8, 8, 8};
             set_activation(s.hyper, "identity");
         },
         "Toggle identity ↔ tanh", [](ClassifierSettings& s) { toggle_activation(s, "identity", "tanh"); }},
        {"debugging-challenge", "debugging challenge: a deep ReLU net that will not learn",
         "The chapter's exercise: five ReLU layers of 16 that sit at chance (a third on three arms) however long "
         "they train. Read the unit grid before the fix: the dead share rises with depth, to every unit of the "
         "last layers. Why: Xavier's scale is made for tanh, but a ReLU zeroes half of its inputs, so the signal's "
         "variance halves at every layer, and the small negative bias (−0.3) soon outweighs it: deeper "
         "pre-activations are negative for every point, f′ = 0, and no gradient passes. The fix is one click: He "
         "initialisation (√2 larger, made for ReLU) and zero bias.",
         [](ClassifierSettings& s) {
             start_from_defaults(s, "debugging-challenge");
             set_activation(s.hyper, "relu");
             s.architecture.hidden = {16, 16, 16, 16, 16};
             s.architecture.init = InitScheme::XavierUniform;
             s.architecture.bias = -0.3;
         },
         "Apply the fix: He init, bias 0",
         [](ClassifierSettings& s) {
             s.architecture.init = InitScheme::HeUniform;
             s.architecture.bias = 0;
             s.run.playing = true;
         }},
        {"gelu-vs-relu", "GELU vs ReLU",
         "The same network with GELU, a smooth ReLU: its derivative is 0 only at one point (x ≈ −0.75, its "
         "minimum), never over a whole side as ReLU's is, so no unit can die. Toggle to ReLU mid-run to compare "
         "on the same weights: the boundary turns piecewise linear.",
         [](ClassifierSettings& s) {
             start_from_defaults(s, "gelu-vs-relu");
             set_activation(s.hyper, "gelu");
             s.architecture.init = InitScheme::HeUniform;
         },
         "Toggle GELU ↔ ReLU", [](ClassifierSettings& s) { toggle_activation(s, "gelu", "relu"); }},
    };
    return presets;
}

const ClassifierPreset* find_classifier_preset(std::string_view id) { return find_preset(classifier_presets(), id); }

std::string classifier_preset_ids() { return preset_id_list(classifier_presets()); }

}  // namespace actviz::settings
