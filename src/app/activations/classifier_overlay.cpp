// The Classifier overlay on the Activations page (classifier_overlay.hpp). It reads the Classifier's
// trainer and nothing else: the histogram was counted in that trainer's own evaluation pass.

#include "app/activations/classifier_overlay.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/unit_curve_chart.hpp"
#include "app/widgets.hpp"
#include "plot/plot.hpp"

namespace actviz::app {
namespace {

constexpr ImU32 kOverlayBars = IM_COL32(110, 150, 210, 110);  // the z-on-f bars' blue, fainter: under the curves

// The chosen layer's histogram, or null (and why) when there is none to draw.
const LayerZHistogram* chosen_histogram(const ActivationsSettings& settings, const Trainer* classifier,
                                        std::string* why) {
    if (!classifier) {
        if (why) *why = "the Classifier's settings make no network: its page says why";
        return nullptr;
    }
    const int layers = std::min(classifier->mlp().hidden_count(), static_cast<int>(classifier->z_histograms().size()));
    if (layers == 0) {
        if (why) *why = "the Classifier's network has no hidden layer, so no unit to place on a curve";
        return nullptr;
    }
    const int k = std::clamp(settings.classifier_layer, 0, layers - 1);
    const LayerZHistogram& histogram = classifier->z_histograms()[static_cast<size_t>(k)];
    if (histogram.hi <= histogram.lo) {
        if (why) *why = "the Classifier has not evaluated its network yet";
        return nullptr;
    }
    return &histogram;
}

}  // namespace

void draw_classifier_overlay_controls(ActivationsPanel& panel, const Trainer* classifier) {
    ActivationsSettings& settings = panel.settings;
    ImGui::Checkbox("where the Classifier's layer sits", &settings.classifier_overlay);
    help_marker("Bars under the curves: the Classifier's chosen hidden layer, its pre-activations z at every "
                "training point (every unit), live while it trains — the histogram its z-on-f view draws, "
                "scaled so its tallest bar reaches 80% of the chart's height. Read it against the zones: mass "
                "in the red zone passes no gradient, in the amber one almost none.");
    if (!settings.classifier_overlay) return;
    const int layers = classifier ? classifier->mlp().hidden_count() : 0;
    if (layers > 1) {
        ImGui::SameLine();
        settings.classifier_layer = std::clamp(settings.classifier_layer, 0, layers - 1);
        int shown = settings.classifier_layer + 1;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        if (ImGui::SliderInt("##classifierlayer", &shown, 1, layers, "layer %d")) {
            settings.classifier_layer = std::clamp(shown, 1, layers) - 1;
        }
    }
    std::string why;
    const LayerZHistogram* histogram = chosen_histogram(settings, classifier, &why);
    if (!histogram) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.4f, 1.0f), "%s", why.c_str());
        return;
    }
    const int k = std::clamp(settings.classifier_layer, 0, layers - 1);
    const Activation& activation = classifier->mlp().activation(k);
    const int index = activation_index(activation);
    const bool shown_here = index >= 0 && index < static_cast<int>(settings.selected.size()) && settings.selected[static_cast<size_t>(index)];
    const LayerMasses m = masses_of(*histogram);
    char text[200];
    std::snprintf(text, sizeof text, "bars: layer %d of the Classifier (%s, %d units), step %lld — f′ = 0 %.0f%%, saturated %.0f%%",
                  k + 1, std::string(activation.name).c_str(), m.units, static_cast<long long>(histogram->step),
                  100 * m.zero_slope, 100 * m.saturated);
    ImGui::SameLine();
    fitted_text(text, true);
    if (!shown_here) {
        ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.4f, 1.0f), "that layer uses %s, which is not ticked here: tick it to see its curve",
                           std::string(activation.display).c_str());
    }
}

void plot_classifier_overlay(ActivationsPanel& panel, const Trainer* classifier) {
    auto& shown = panel.live.overlay_shown;
    shown = {};
    if (!panel.settings.classifier_overlay) return;
    const LayerZHistogram* histogram = chosen_histogram(panel.settings, classifier, nullptr);
    if (!histogram) return;
    const double top = 0.8 * plot::axis_max(plot::AxisId::Y);
    plot_z_bars("Classifier's layer##overlay", *histogram, histogram->layer, top, kOverlayBars);
    shown.layer = std::clamp(panel.settings.classifier_layer, 0, classifier->mlp().hidden_count() - 1);
    shown.step = histogram->step;
    shown.lo = histogram->lo, shown.hi = histogram->hi;
    shown.bins = histogram->layer.bins;
}

}  // namespace actviz::app
