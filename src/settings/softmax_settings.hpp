#pragma once
// What the Softmax panel shows: the logits and the temperature, each described once (setting.hpp),
// and the presets that set them to the textbook's examples. Widgets edit these fields directly;
// everything drawn is computed by src/core from them (softmax, softmax_steps, temperature_sweep).

#include <string_view>
#include <vector>

#include "settings/setting.hpp"

namespace actviz::settings {

struct SoftmaxSettings {
    std::vector<double> logits{2.0, 1.0, 0.1};
    float temperature = 1.0f;
};

// Each logit up to ±10⁴ (typed; the vertical bars drag over ±10), 2 to 10 classes: the page's
// widgets, the session reader and `actviz softmax --logits` all take this description. 10⁴ reaches
// the textbook's [1000, 1001, 1002], where the naive e^z has long overflowed (past z = 709.78).
inline constexpr ListSetting<SoftmaxSettings, double> kLogits{.key = "logits", .flag = "logits", .label = "logits z",
    .member = &SoftmaxSettings::logits, .min = -1e4, .max = 1e4, .slider_min = -10, .slider_max = 10, .min_count = 2,
    .max_count = 10, .format = "%g"};
inline constexpr Setting<SoftmaxSettings, float> kTemperature{.key = "temperature", .flag = "temperature",
    .label = "temperature T", .member = &SoftmaxSettings::temperature, .min = 0.01, .max = 100, .slider_min = 0.01,
    .slider_max = 100, .scale = Scale::Log};
static_assert(well_formed(kLogits) && well_formed(kTemperature));

struct SoftmaxPreset {
    std::string_view id;      // for --preset: "textbook-1000"
    std::string_view name;    // the button's label
    std::string_view lesson;  // its tooltip
    void (*apply)(SoftmaxSettings&);
};
const std::vector<SoftmaxPreset>& softmax_presets();
const SoftmaxPreset* find_softmax_preset(std::string_view id);

}  // namespace actviz::settings
