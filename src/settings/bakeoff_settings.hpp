#pragma once
// What the Bake-off panel compares: the Classifier panel's data, architecture and optimiser groups
// (chosen once for every contestant), the ticked activations and how many seeds the table averages.
// Widgets edit this struct; BakeoffLive turns it into the core's BakeoffConfig.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "settings/classifier_settings.hpp"
#include "core/bakeoff.hpp"
#include "settings/setting.hpp"

namespace actviz::settings {

inline constexpr int kMinBakeoffActivations = 2, kMaxBakeoffActivations = 8;
inline constexpr int kMaxBakeoffTableSeeds = 10;
inline constexpr int kMaxBakeoffStepBudget = 100'000'000;

struct BakeoffSettings {
    // The contest: data, network and optimiser shared by every contestant (hyper.activation unused).
    ClassifierSettings contest;
    std::vector<int> activations;  // catalogue indices of the ticked activations, in catalogue order
    int seeds = 5;                 // seed 0 trains on the UI thread, the others in the background
    // The contest stops when seed 0 reaches this step; the table is final once the background seeds
    // have caught up to it too. `actviz bakeoff --steps` is the same number.
    int step_budget = 1000;

    bool playing = false;
    int max_steps_per_frame = 50;  // lockstep steps per frame at most; fewer when the frame budget is used up
    double frame_budget_ms = 16.7;
    // The pace the contest keeps even when frames come slower than the budget assumes (a software
    // renderer, a loaded machine): at least this many steps per second per contestant, taking more
    // steps per frame at the cost of some frame rate. 0: the frame budget alone decides.
    int min_steps_per_second = 60;
    bool log_loss = true;
    bool log_grad = true;
    // The row of units-on-the-curve charts under the thumbnails, for one hidden layer (from 0).
    bool show_unit_curves = true;
    int unit_curves_layer = 0;

    BakeoffSettings();  // the classic comparison on the 3-arm spiral, 2-32-32-32-32-3, Adam 0.01
    bool operator==(const BakeoffSettings&) const = delete;
};

// The numeric settings beyond the contest's (classifier_setting), each described once.
namespace bakeoff_setting {
inline constexpr Setting<BakeoffSettings, int> kSeeds{.key = "seeds", .flag = "seeds", .label = "seeds",
    .member = &BakeoffSettings::seeds, .min = 1, .max = kMaxBakeoffSeeds, .slider_min = 1,
    .slider_max = kMaxBakeoffTableSeeds, .format = "%d"};
inline constexpr Setting<BakeoffSettings, int> kMaxStepsPerFrame{.key = "max_steps_per_frame", .flag = "",
    .label = "steps/frame at most", .member = &BakeoffSettings::max_steps_per_frame, .min = 1, .max = 1000,
    .slider_min = 1, .slider_max = 1000, .scale = Scale::Log, .format = "%d"};
inline constexpr Setting<BakeoffSettings, double> kFrameBudget{.key = "frame_budget_ms", .flag = "",
    .label = "frame budget", .member = &BakeoffSettings::frame_budget_ms, .min = 1, .max = 1000, .slider_min = 5,
    .slider_max = 100, .scale = Scale::Log, .format = "%.1f ms"};
inline constexpr Setting<BakeoffSettings, int> kMinStepsPerSecond{.key = "min_steps_per_second", .flag = "",
    .label = "min steps/s", .member = &BakeoffSettings::min_steps_per_second, .min = 0, .max = 500, .slider_min = 0,
    .slider_max = 500, .format = "%d"};
// The command line's --steps (the same range as actviz train's): a bake-off run from the command
// line stops at it as the panel's does, every seed at the same step.
inline constexpr Setting<BakeoffSettings, int> kStepBudget{.key = "step_budget", .flag = "steps",
    .label = "step budget", .member = &BakeoffSettings::step_budget, .min = 0, .max = kMaxBakeoffStepBudget,
    .slider_min = 10, .slider_max = 100000, .scale = Scale::Log, .format = "%d",
    .help = "The contest stops when every contestant has taken this many steps: seed 0 first, then the "
            "background seeds catch up to the same step, and only then is the table (and the verdict) final. "
            "Raising it continues the contest; lowering it below the current step restarts it. "
            "actviz bakeoff --steps is the same number."};
static_assert(well_formed(kSeeds) && well_formed(kMaxStepsPerFrame) && well_formed(kFrameBudget) &&
              well_formed(kMinStepsPerSecond) && well_formed(kStepBudget));
}  // namespace bakeoff_setting

// The panel's bake-off runs until stopped: each contestant keeps at most this many history
// records (older ones thinned evenly, as the Classifier's), so memory stays flat for hours.
inline constexpr std::size_t kBakeoffHistoryRecords = 4096;

// The core's configuration for seeds [first_seed, first_seed + seeds) of the contest.
BakeoffConfig to_bakeoff_config(const BakeoffSettings& settings, int first_seed, int seeds);
// Why the settings cannot run (too few or many activations, an invalid contest), or nullopt.
std::optional<std::string> bakeoff_settings_error(const BakeoffSettings& settings);

// The seven activations of the classic comparison, as catalogue indices.
std::vector<int> classic_bakeoff_activations();

struct BakeoffPreset {
    std::string_view id;  // for --preset
    std::string_view name;
    void (*apply)(BakeoffSettings&);  // also starts playing
};
const std::vector<BakeoffPreset>& bakeoff_presets();
const BakeoffPreset* find_bakeoff_preset(std::string_view id);

}  // namespace actviz::settings
