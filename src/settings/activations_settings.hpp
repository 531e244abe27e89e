#pragma once
// What the Activations and Softmax panels show. Widgets edit these fields directly; everything
// drawn is computed by src/core from them.

#include <string>
#include <vector>

#include "core/activation.hpp"

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

}  // namespace actviz::settings
