#pragma once
// What the Gradient flow panel simulates: shared network settings plus up to six overlaid curves,
// each with its own activation, initialisation, gain and residual / layer-norm switches.

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/gradflow.hpp"

namespace actviz::settings {

enum class GradQuantity { WeightGrad, ActivationGrad, MeanAbsDz };

struct GradflowCurve {
    int activation = 0;  // catalogue index
    ParameterValues parameters{};
    InitScheme init = InitScheme::XavierNormal;
    float gain = 1.0f;
    bool residual = false;
    bool layernorm = false;

    bool operator==(const GradflowCurve&) const = default;
};

inline constexpr int kMaxGradflowCurves = 6;

// Everything a simulation depends on: a change here means computing again.
struct GradflowSimulation {
    std::vector<GradflowCurve> curves;
    int depth = 20;
    int width = 64;
    int batch = 256;
    float bias = 0.0f;
    float normal_std = 0.05f;
    int seed = 0;
    bool float32 = false;

    GradflowSimulation();
    bool operator==(const GradflowSimulation&) const = default;

    // The core's configuration for curve `index`.
    GradflowConfig config_for(int index) const;
};

struct GradflowSettings {
    GradflowSimulation simulation;
    // How the results are shown: changing these recomputes nothing.
    GradQuantity quantity = GradQuantity::WeightGrad;
    bool show_chain_rule_bound = true;
};

struct GradflowPreset {
    std::string_view name;
    std::string_view lesson;  // shown as the preset's tooltip
    void (*apply)(GradflowSettings&);
};
std::vector<GradflowPreset> gradflow_presets();

}  // namespace actviz::settings
