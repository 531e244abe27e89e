#include "settings/bakeoff_settings.hpp"

#include "settings/preset_list.hpp"

namespace actviz::settings {
namespace {

constexpr const char* kClassicSeven[] = {"sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu", "silu"};

// The classic comparison, also the benchmark's case: 750 points with 20% held out leaves 600
// training points at full batch.
void classic_spiral(BakeoffSettings& s) {
    const int seeds = s.seeds;
    const int budget = s.step_budget;
    s = BakeoffSettings();
    s.seeds = seeds;
    s.step_budget = budget;
    s.playing = true;
}

void spiral_small(BakeoffSettings& s) {
    classic_spiral(s);
    s.contest.architecture.hidden = {16, 16};
}

void moons_sgd(BakeoffSettings& s) {
    classic_spiral(s);
    s.contest.data.kind = DatasetKind::Moons;
    s.contest.data.classes = 2;
    s.contest.data.noise = dataset_info(DatasetKind::Moons).default_noise;
    s.contest.hyper.optimizer = OptimizerKind::Sgd;
    s.contest.hyper.learning_rate = 0.1;
}

}  // namespace

std::vector<int> classic_bakeoff_activations() {
    std::vector<int> indices;
    for (const char* name : kClassicSeven) indices.push_back(activation_index(*find_activation(name)));
    return indices;
}

BakeoffSettings::BakeoffSettings() : activations(classic_bakeoff_activations()) {
    contest.data.kind = DatasetKind::Spiral;
    contest.data.classes = 3;
    contest.data.points = 750;
    contest.data.test_ratio = 0.2;
    contest.architecture.hidden = {32, 32, 32, 32};
    contest.hyper.optimizer = OptimizerKind::Adam;
    contest.hyper.learning_rate = 0.01;
    contest.hyper.batch = 0;
}

BakeoffConfig to_bakeoff_config(const BakeoffSettings& settings, int first_seed, int seeds) {
    BakeoffConfig config;
    config.trainer = to_trainer_config(settings.contest);
    config.trainer.model.seed += static_cast<std::uint64_t>(first_seed);
    config.seeds = seeds;
    config.history_limit = kBakeoffHistoryRecords;
    config.step_budget = settings.step_budget;
    for (int index : settings.activations) {
        if (index < 0 || static_cast<size_t>(index) >= activations().size()) continue;
        const Activation& activation = activations()[static_cast<size_t>(index)];
        config.activations.push_back({&activation, activation.defaults()});
    }
    return config;
}

std::optional<std::string> bakeoff_settings_error(const BakeoffSettings& settings) {
    const int count = static_cast<int>(settings.activations.size());
    if (count < kMinBakeoffActivations || count > kMaxBakeoffActivations) {
        return "tick " + std::to_string(kMinBakeoffActivations) + " to " + std::to_string(kMaxBakeoffActivations) +
               " activations (" + std::to_string(count) + " ticked)";
    }
    if (!bakeoff_setting::kSeeds.accepts(settings.seeds)) {
        return "seeds must be 1 to " + std::to_string(static_cast<int>(bakeoff_setting::kSeeds.max));
    }
    if (!bakeoff_setting::kStepBudget.accepts(settings.step_budget)) {
        return "the step budget must be 0 to " + std::to_string(kMaxBakeoffStepBudget);
    }
    if (auto error = settings_error(settings.contest)) return error;
    return to_bakeoff_config(settings, 0, 1).validate();
}

const std::vector<BakeoffPreset>& bakeoff_presets() {
    static const std::vector<BakeoffPreset> presets{
        {"bakeoff-spiral", "Seven activations, deep spiral (2-32-32-32-32-3, Adam)", classic_spiral},
        {"bakeoff-spiral-shallow", "Seven activations, shallow spiral (2-16-16-3)", spiral_small},
        {"bakeoff-moons-sgd", "Seven activations, moons with plain SGD", moons_sgd},
    };
    return presets;
}

const BakeoffPreset* find_bakeoff_preset(std::string_view id) { return find_preset(bakeoff_presets(), id); }

}  // namespace actviz::settings
