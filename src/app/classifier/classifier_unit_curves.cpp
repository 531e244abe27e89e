// Units on their curves (classifier_unit_curves.hpp). Everything shown is the trainer's: the
// histograms and their zone masses come from Trainer::z_histograms(), counted in the evaluation that
// also gives the unit grid its activity, so the printed shares are the grid's statistic itself.
//
// [SECTION] Words: the hovered unit and the layer's masses
// [SECTION] The view: one layer, or small multiples

#include "app/classifier/classifier_unit_curves.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/classifier/classifier_views.hpp"
#include "app/unit_curve_chart.hpp"
#include "app/widgets.hpp"

namespace actviz::app {
namespace {

// [SECTION] Words: the hovered unit and the layer's masses ------------------------------------

// The chart's inputs from the trainer (unit_curve_chart.hpp draws it, as the Bake-off's do).
UnitCurveLayer layer_of(const Trainer& trainer, int h, const ClassifierView& view) {
    const Mlp& mlp = trainer.mlp();
    UnitCurveLayer l;
    l.histogram = &trainer.z_histograms()[static_cast<size_t>(h)];
    l.activation = &mlp.activation(h);
    l.parameters = mlp.activation_parameters(h);
    l.rule = mlp.inactivity(h);
    l.word = inactivity_word(trainer);
    l.layer = h;
    l.hovered_unit = view.hovered_layer == h ? view.hovered_unit : -1;
    return l;
}

// The hovered unit's line: its own masses, and the grid's figure they equal.
void draw_unit_line(const Trainer& trainer, const ClassifierView& view) {
    const auto& histograms = trainer.z_histograms();
    if (view.hovered_layer < 0 || view.hovered_layer >= static_cast<int>(histograms.size()) ||
        view.hovered_unit < 0 ||
        view.hovered_unit >= static_cast<int>(histograms[static_cast<size_t>(view.hovered_layer)].units.size())) {
        fitted_text("hover a unit in the grid below: its own z is drawn in yellow", true);
        return;
    }
    const ZCounts& unit =
        histograms[static_cast<size_t>(view.hovered_layer)].units[static_cast<size_t>(view.hovered_unit)];
    const bool all = unit.total > 0 && unit.inactive == unit.total;
    ImGui::PushStyleColor(ImGuiCol_Text, kHoveredUnitColour);
    char line[200];
    std::snprintf(line, sizeof line, "L%d unit %d: f′ = 0 at %.1f%%, saturated at %.1f%% of its points; inactive %.1f%%%s",
                  view.hovered_layer + 1, view.hovered_unit + 1, 100 * unit.share(unit.zero_slope),
                  100 * unit.share(unit.saturated), 100 * unit.share(unit.inactive),
                  all ? (std::string(" → ") + inactivity_word(trainer)).c_str() : "");
    fitted_text(line);
    ImGui::PopStyleColor();
}

void draw_layer_chart(const Trainer& trainer, int h, const ClassifierView& view, ImVec2 size, bool compact) {
    char id[32];
    std::snprintf(id, sizeof id, "##zcurve%d", h);
    draw_unit_curve_chart(id, layer_of(trainer, h, view), size, UnitCurveOptions{.compact = compact, .name_first = {}});
}

// Under the one-layer chart: the masses in the zones, and the grid's figures they equal.
void draw_layer_masses(const Trainer& trainer, int h) {
    const LayerMasses m = masses_of(trainer.z_histograms()[static_cast<size_t>(h)]);
    const char* word = inactivity_word(trainer);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(IM_COL32(240, 120, 110, 255)), "f′ = 0: %.1f%%", 100 * m.zero_slope);
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(IM_COL32(240, 190, 80, 255)), "saturated: %.1f%%", 100 * m.saturated);
    ImGui::SameLine();
    const ZCounts& layer = trainer.z_histograms()[static_cast<size_t>(h)].layer;
    if (layer.underflow + layer.overflow > 0) {
        ImGui::Text("of the mass; outside the range ◂ %.1f%% %.1f%% ▸", 100 * layer.share(layer.underflow),
                    100 * layer.share(layer.overflow));
    } else {
        ImGui::TextUnformatted("of the mass");
    }
    ImGui::SameLine();
    help_marker("The bars count every unit's pre-activation z at every training point (60 bins, the range fixed "
                "for the run and only widened when the data leaves it; ◂ ▸ give the share outside). The shares are "
                "counted from f′ itself with the unit grid's own test, so they are its statistic: f′ = 0 exactly is "
                "the zero-slope share, 0 < |f′| < 1% of max|f′| the saturated one, and a unit is dead (or saturated) "
                "when all of its own mass is inactive. Bars are scaled to the tallest; the hovered unit's to its own.");
    char line[160];
    std::snprintf(line, sizeof line, "%d of %d units have all their mass inactive: %.0f%% %s, as the grid below says",
                  m.all_inactive, m.units, m.units > 0 ? 100.0 * m.all_inactive / m.units : 0.0, word);
    fitted_text(line);
}

// [SECTION] The view: one layer, or small multiples --------------------------------------------

// Columns for `count` small charts in `size`: one row, input side first, as long as each chart keeps
// room for its ticks; otherwise the layout whose charts are largest, kept wider than tall.
int columns_for(int count, ImVec2 size) {
    if (size.x / static_cast<float>(count) >= ImGui::GetFontSize() * 6) return count;
    int best = 1;
    float best_side = 0;
    for (int columns = 1; columns <= count; ++columns) {
        const int rows = (count + columns - 1) / columns;
        const float side = std::min(size.x / static_cast<float>(columns), 1.5f * size.y / static_cast<float>(rows));
        if (side > best_side) best_side = side, best = columns;
    }
    return best;
}

}  // namespace

void draw_unit_curves(ClassifierPanel& panel, ImVec2 size) {
    const Trainer* trainer = panel.live.trainer();
    if (!trainer) return;
    const ClassifierView& view = panel.settings.view;
    const int layers = std::min(trainer->mlp().hidden_count(), static_cast<int>(trainer->z_histograms().size()));
    ImGui::BeginChild("##unitcurves", size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
    if (layers == 0) {
        ImGui::TextDisabled("no hidden layer: no unit to put on a curve");
        ImGui::EndChild();
        return;
    }
    const float line = ImGui::GetTextLineHeightWithSpacing();
    if (view.dead_layer >= 0 && view.dead_layer < layers) {
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        draw_layer_chart(*trainer, view.dead_layer, view, ImVec2(avail.x, std::max(avail.y - 3 * line, line * 4)), false);
        draw_layer_masses(*trainer, view.dead_layer);
        draw_unit_line(*trainer, view);
    } else {
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        const ImVec2 area(avail.x, std::max(avail.y - line, line * 4));
        const int columns = columns_for(layers, area);
        const int rows = (layers + columns - 1) / columns;
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        const ImVec2 cell(std::floor((area.x - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns)),
                          std::floor((area.y - ImGui::GetStyle().ItemSpacing.y * static_cast<float>(rows - 1)) /
                                     static_cast<float>(rows)));
        for (int h = 0; h < layers; ++h) {
            if (h % columns != 0) ImGui::SameLine();
            draw_layer_chart(*trainer, h, view, cell, true);
        }
        draw_unit_line(*trainer, view);
    }
    ImGui::EndChild();
}

}  // namespace actviz::app
