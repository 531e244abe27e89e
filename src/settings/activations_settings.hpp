#pragma once
// What the Activations and Softmax panels show. Widgets edit these fields directly; everything
// drawn is computed by src/core from them.

#include <cstddef>
#include <string>
#include <vector>

#include "core/activation.hpp"
#include "settings/setting.hpp"

namespace actviz::settings {

enum class CurveChoice { Function, Derivative, Both };

struct ActivationsSettings {
    std::vector<bool> selected;                 // one per catalogue entry
    std::vector<ParameterValues> parameters;    // one per catalogue entry
    CurveChoice curves = CurveChoice::Both;
    bool show_second_derivative = false;
    bool log_derivative = false;   // |f′| in its own chart on a log10 axis
    bool shade_zones = true;
    float saturation_epsilon = 0.01f;  // saturated where |f′| < ε · max|f′|
    float x_min = -6.0f, x_max = 6.0f;
    int zones_of = -1;             // catalogue index whose zones are shaded; -1 = first selected
    std::string search;

    ActivationsSettings();
};

struct SoftmaxSettings {
    std::vector<double> logits{2.0, 1.0, 0.1};
    float temperature = 1.0f;
};

// The numeric settings, each described once (setting.hpp).
inline constexpr Setting<ActivationsSettings, float> kSaturationEpsilon{.key = "saturation_epsilon", .flag = "",
    .label = "ε", .member = &ActivationsSettings::saturation_epsilon, .min = 1e-4, .max = 0.5, .slider_min = 1e-4,
    .slider_max = 0.5, .scale = Scale::Log, .format = "%.4g"};
// The picker's search text, in bytes: the box takes no more, and a session holds no more.
inline constexpr std::size_t kMaxSearchLength = 256;
// Each end of the x range (x_min < x_max besides).
inline constexpr float kMaxAbsX = 1e4f;
inline constexpr Setting<SoftmaxSettings, float> kTemperature{.key = "temperature", .flag = "temperature",
    .label = "temperature T", .member = &SoftmaxSettings::temperature, .min = 0.01, .max = 100, .slider_min = 0.01,
    .slider_max = 100, .scale = Scale::Log};
inline constexpr double kMaxAbsLogit = 10;  // each logit: the vertical sliders' span, the session's range
static_assert(well_formed(kSaturationEpsilon) && well_formed(kTemperature));

}  // namespace actviz::settings
