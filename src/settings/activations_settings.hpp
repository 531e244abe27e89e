#pragma once
// What the Activations panel shows (the Softmax panel's settings: softmax_settings.hpp). Widgets edit these fields directly; everything
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
    // Under the curves, the live z histogram of the Classifier's hidden layer (from 0): where its units sit.
    bool classifier_overlay = false;
    int classifier_layer = 0;
    std::string search;

    ActivationsSettings();
};

// Extends `selected` (unticked) and `parameters` (defaults) to activations added to the catalogue
// since `settings` was made (a formula the user defined).
void fit_to_catalogue(ActivationsSettings& settings);

// The catalogue entries `settings` has room for: the page iterates these, never activations()
// itself, since a session being opened on a worker thread may append to the catalogue mid-frame.
std::span<const Activation> fitted_catalogue(const ActivationsSettings& settings);

// The numeric settings, each described once (setting.hpp).
inline constexpr Setting<ActivationsSettings, float> kSaturationEpsilon{.key = "saturation_epsilon", .flag = "",
    .label = "ε", .member = &ActivationsSettings::saturation_epsilon, .min = 1e-4, .max = 0.5, .slider_min = 1e-4,
    .slider_max = 0.5, .scale = Scale::Log, .format = "%.4g"};
// The picker's search text, in bytes: the box takes no more, and a session holds no more.
inline constexpr std::size_t kMaxSearchLength = 256;
// Each end of the x range (x_min < x_max besides).
inline constexpr float kMaxAbsX = 1e4f;
static_assert(well_formed(kSaturationEpsilon));

}  // namespace actviz::settings
