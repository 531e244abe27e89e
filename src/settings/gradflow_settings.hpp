#pragma once
// What the Gradient flow panel simulates: shared network settings plus up to six overlaid curves,
// each with its own activation, initialisation, gain and residual / layer-norm switches.

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/gradflow.hpp"
#include "settings/setting.hpp"

namespace actviz::settings {

enum class GradQuantity { WeightGrad, ActivationGrad, MeanAbsDz };
// What the layer × value density map shows: the activation inputs z, or the gradients |∂L/∂z|.
enum class DensityValue { Inputs, Gradients };

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
    DensityValue density_value = DensityValue::Inputs;
    int density_curve = 0;  // which curve's network the density map shows
};

// The numeric settings, each described once (setting.hpp).
namespace gradflow_setting {
inline constexpr Setting<GradflowSimulation, int> kDepth{.key = "depth", .flag = "depth", .label = "depth",
    .member = &GradflowSimulation::depth, .min = 1, .max = kGradflowMaxDepth, .slider_min = 1,
    .slider_max = kGradflowMaxDepth, .scale = Scale::Log, .format = "%d"};
inline constexpr Setting<GradflowSimulation, int> kWidth{.key = "width", .flag = "width", .label = "width",
    .member = &GradflowSimulation::width, .min = 1, .max = kGradflowMaxWidth, .slider_min = 1,
    .slider_max = kGradflowMaxWidth, .scale = Scale::Log, .format = "%d"};
inline constexpr Setting<GradflowSimulation, int> kBatch{.key = "batch", .flag = "batch", .label = "batch",
    .member = &GradflowSimulation::batch, .min = 1, .max = kGradflowMaxBatch, .slider_min = 1,
    .slider_max = kGradflowMaxBatch, .scale = Scale::Log, .format = "%d"};
inline constexpr Setting<GradflowSimulation, float> kBias{.key = "bias", .flag = "bias", .label = "bias",
    .member = &GradflowSimulation::bias, .min = -kGradflowMaxBias,
    .max = kGradflowMaxBias, .slider_min = -5, .slider_max = 5, .format = "%.2f"};
inline constexpr Setting<GradflowSimulation, float> kNormalStd{.key = "normal_std", .flag = "std",
    .label = "std (normal)", .member = &GradflowSimulation::normal_std, .min = 0.001,
    .max = kGradflowMaxGain, .slider_min = 0.001, .slider_max = 2, .scale = Scale::Log};
inline constexpr Setting<GradflowCurve, float> kGain{.key = "gain", .flag = "gain", .label = "gain",
    .member = &GradflowCurve::gain, .min = 0.01, .max = kGradflowMaxGain, .slider_min = 0.1,
    .slider_max = 10, .scale = Scale::Log, .format = "×%.3g"};
inline constexpr Switch<GradflowCurve> kResidual{.key = "residual", .flag = "residual", .label = "res",
    .member = &GradflowCurve::residual};
inline constexpr Switch<GradflowCurve> kLayernorm{.key = "layernorm", .flag = "layernorm", .label = "LN",
    .member = &GradflowCurve::layernorm};
inline constexpr Switch<GradflowSimulation> kFloat32{.key = "float32", .flag = "float32", .label = "float32",
    .member = &GradflowSimulation::float32};
static_assert(well_formed(kDepth) && well_formed(kWidth) && well_formed(kBatch) && well_formed(kBias) &&
              well_formed(kNormalStd) && well_formed(kGain));
}  // namespace gradflow_setting

struct GradflowPreset {
    std::string_view id;    // for --preset: "sigmoid-20"
    std::string_view name;  // menu label
    std::string_view lesson;  // shown as the preset's tooltip
    void (*apply)(GradflowSettings&);
};
const std::vector<GradflowPreset>& gradflow_presets();
const GradflowPreset* find_gradflow_preset(std::string_view id);

}  // namespace actviz::settings
