// The Bake-off's row of "units on the curve" charts (issue 14 item 2): under each contestant's
// decision regions, where the chosen hidden layer's pre-activations z sit on its activation's f and
// f′ — sigmoid's mass on the flat tails beside ReLU's on both sides of the kink. The same chart as
// the Classifier's small multiples (unit_curve_chart.hpp), from each contestant's own
// Trainer::z_histograms(), counted in the evaluation its training already runs: no second pass.

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/bakeoff/bakeoff_views.hpp"
#include "app/classifier/classifier_views.hpp"
#include "app/unit_curve_chart.hpp"
#include "app/widgets.hpp"

namespace actviz::app {

float bakeoff_unit_curves_header(BakeoffPanel& panel) {
    const Bakeoff* bakeoff = panel.live.bakeoff();
    const int layers = bakeoff ? bakeoff->contestant(0, 0).trainer().mlp().hidden_count() : 0;
    const float start = ImGui::GetCursorPosY();
    ImGui::Checkbox("units on the curve", &panel.settings.show_unit_curves);
    help_marker("Under each contestant: the chosen hidden layer's pre-activations z at every training point (bars) "
                "behind its activation's f and f′ (dashed), with the dead (red) and saturated (amber) zones — the "
                "Classifier's z-on-f chart, one per contestant. The title gives the share of the mass at f′ = 0 and "
                "in the saturated zone, and how many units have all of it inactive: the caption's dead or saturated "
                "share for that layer.");
    if (panel.settings.show_unit_curves && layers > 0) {
        ImGui::SameLine();
        panel.settings.unit_curves_layer = std::clamp(panel.settings.unit_curves_layer, 0, layers - 1);
        int shown = panel.settings.unit_curves_layer + 1;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        if (ImGui::SliderInt("##unitcurveslayer", &shown, 1, layers, "layer %d")) {
            panel.settings.unit_curves_layer = std::clamp(shown, 1, layers) - 1;
        }
    }
    return ImGui::GetCursorPosY() - start;
}

void draw_bakeoff_unit_curves(BakeoffPanel& panel, ImVec2 size) {
    const auto start = std::chrono::steady_clock::now();
    const Bakeoff* bakeoff = panel.live.bakeoff();
    panel.unit_curves_shown = {};
    if (!bakeoff || !panel.settings.show_unit_curves) return;
    const int count = bakeoff->activation_count();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float cell = std::floor((size.x - static_cast<float>(count - 1) * gap) / static_cast<float>(count));
    panel.unit_curves_shown.layer = panel.settings.unit_curves_layer;
    for (int a = 0; a < count; ++a) {
        if (a > 0) ImGui::SameLine();
        const Contestant& c = bakeoff->contestant(a, 0);
        const Trainer& trainer = c.trainer();
        const int h = panel.settings.unit_curves_layer;
        if (h >= static_cast<int>(trainer.z_histograms().size()) || trainer.z_histograms()[static_cast<size_t>(h)].hi <= 0) {
            ImGui::Dummy(ImVec2(cell, size.y));  // no record yet
            panel.unit_curves_shown.masses.emplace_back();
            continue;
        }
        UnitCurveLayer layer;
        layer.histogram = &trainer.z_histograms()[static_cast<size_t>(h)];
        layer.activation = &trainer.mlp().activation(h);
        layer.parameters = trainer.mlp().activation_parameters(h);
        layer.rule = trainer.mlp().inactivity(h);
        layer.word = inactivity_word(trainer);
        layer.layer = h;
        char id[32];
        std::snprintf(id, sizeof id, "##bakeoffz%d", a);
        const std::string name(c.activation_name());
        draw_unit_curve_chart(id, layer, ImVec2(cell, size.y), UnitCurveOptions{.compact = true, .name_first = name});
        panel.unit_curves_shown.masses.push_back(masses_of(*layer.histogram));
    }
    panel.unit_curves_shown.draw_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace actviz::app
