#include "app/gradflow/gradflow_readouts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace actviz::app {
namespace {

// A number with a true minus sign (U+2212), as the plots print them.
std::string signed_text(const char* format, double value) {
    char text[48];
    std::snprintf(text, sizeof text, format, std::fabs(value));
    // Rounds to zero: no sign at all ("0.0", never "−0.0").
    const bool zero = std::strtod(text, nullptr) == 0;
    return (value < 0 && !zero ? "\xE2\x88\x92" : "") + std::string(text);
}

}  // namespace

const char* quantity_label(GradQuantity quantity) {
    switch (quantity) {
        case GradQuantity::WeightGrad: return "‖∂L/∂W‖";
        case GradQuantity::ActivationGrad: return "‖∂L/∂a‖";
        case GradQuantity::MeanAbsDz: return "mean |∂L/∂z|";
    }
    return "";
}

std::string curve_name(const GradflowCurve& curve) {
    std::string name(activations()[curve.activation].display);
    name += ", " + std::string(init_scheme_name(curve.init));
    if (curve.gain != 1.0f) {
        char gain[32];
        std::snprintf(gain, sizeof gain, " ×%.3g", curve.gain);
        name += gain;
    }
    if (curve.residual) name += ", residual";
    if (curve.layernorm) name += ", layer norm";
    return name;
}

std::string log10_text(double value) { return signed_text("%.2f", value); }

int ratio_factor_count(int depth) { return std::max(0, depth - 1); }

std::string ratio_span_text(int depth, GradQuantity quantity) {
    char text[160];
    const int factors = ratio_factor_count(depth);
    if (factors == 0) {
        std::snprintf(text, sizeof text, "%s layer 1 / layer 1: no layer's factor between", quantity_label(quantity));
    } else if (factors == 1) {
        std::snprintf(text, sizeof text, "%s layer 1 / layer 2: 1 layer's factor (layer 2)", quantity_label(quantity));
    } else {
        std::snprintf(text, sizeof text, "%s layer 1 / layer %d: %d layers' factors (layers 2–%d)",
                      quantity_label(quantity), depth, factors, depth);
    }
    return text;
}

MapCellView map_cell_view(const GradflowMapCell& cell, GradQuantity quantity, int depth, double gain) {
    const GradientRatio ratio =
        gradient_ratio(quantity_of(cell.first, quantity), quantity_of(cell.last, quantity), cell.finiteness);
    MapCellView view;
    switch (ratio.verdict) {
        case GradientVerdict::Overflow:
            view.value = std::numeric_limits<double>::infinity();  // exploding beyond what doubles hold: the red end
            view.text = view.short_text = "∞";
            break;
        case GradientVerdict::NotANumber:
            view.value = std::numeric_limits<double>::infinity();
            view.text = view.short_text = "NaN";
            break;
        case GradientVerdict::NoGradient:
            view.value = std::numeric_limits<double>::quiet_NaN();
            view.text = view.short_text = "0/0";
            break;
        default:
            view.value = ratio.log10_ratio;
            if (std::isinf(view.value)) {
                view.text = view.short_text = view.value < 0 ? "\xE2\x88\x92∞" : "∞";
            } else {
                view.text = signed_text("%.1f", view.value);
                view.short_text = signed_text("%.0f", view.value);
            }
    }
    char text[256];
    std::snprintf(text, sizeof text, "depth %d, gain %.3g\nlog10 %s layer 1 / layer %d = %s\nratio %s: %s", depth, gain,
                  quantity_label(quantity), depth,
                  std::isfinite(view.value) ? log10_text(view.value).c_str() : view.text.c_str(),
                  ratio.ratio_text.c_str(), ratio.label.c_str());
    view.tooltip = text;
    return view;
}

std::string map_title(const GradflowSimulation& simulation, GradQuantity quantity) {
    std::string title = std::string("log10 ") + quantity_label(quantity) + " 1/N, curve 1";
    if (!simulation.curves.empty()) title += " (" + std::string(activations()[simulation.curves[0].activation].display) + ")";
    return title;
}

std::optional<std::string> map_differs_note(const GradflowSimulation& simulation) {
    if (simulation.curves.empty()) return std::nullopt;
    const GradflowConfig curve = simulation.config_for(0), map = map_base_config(simulation);
    if (curve == map) return std::nullopt;
    char text[256];
    std::snprintf(text, sizeof text,
                  "map at width %d, batch %d (curve 1: width %d, batch %d) to stay quick: its figures differ from "
                  "the headline's",
                  map.width, map.batch, curve.width, curve.batch);
    return std::string(text);
}

std::vector<AttenuationRow> attenuation_rows(const GradflowResult& result, double peak_slope, int max_back) {
    std::vector<AttenuationRow> rows;
    const int depth = static_cast<int>(result.layers.size());
    if (depth == 0) return rows;
    const double last = result.layers.back().act_grad_norm;
    for (int k = 0; k <= std::min(max_back, depth - 1); ++k) {
        const double here = result.layers[static_cast<std::size_t>(depth - 1 - k)].act_grad_norm;
        rows.push_back({k, std::pow(peak_slope, k), last > 0 ? here / last : std::numeric_limits<double>::quiet_NaN()});
    }
    return rows;
}

}  // namespace actviz::app
