// Units on their curves (classifier_unit_curves.hpp). Everything shown is the trainer's: the
// histograms and their zone masses come from Trainer::z_histograms(), counted in the evaluation that
// also gives the unit grid its activity, so the printed shares are the grid's statistic itself.
//
// [SECTION] Words: the zone masses as text
// [SECTION] One layer's chart
// [SECTION] The view: one layer, or small multiples

#include "app/classifier/classifier_unit_curves.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/activation_colour.hpp"
#include "app/classifier/classifier_views.hpp"
#include "app/widgets.hpp"
#include "core/activation_analysis.hpp"
#include "plot/plot.hpp"

namespace actviz::app {
namespace {

constexpr ImU32 kLayerBars = IM_COL32(110, 150, 210, 170);
constexpr ImU32 kUnitOutline = IM_COL32(250, 214, 90, 255);  // the dead plane's colour for a unit's active region
constexpr ImU32 kDimText = IM_COL32(190, 190, 190, 255);
constexpr int kCurveSamples = 241;

// [SECTION] Words: the zone masses as text -----------------------------------------------------

struct LayerMasses {
    double zero_slope = 0, saturated = 0, inactive = 0;  // shares of the layer's (unit, point) pairs
    int units = 0, all_inactive = 0;                     // units whose every point is inactive: the grid's ×
};

LayerMasses masses_of(const LayerZHistogram& histogram) {
    LayerMasses m;
    m.zero_slope = histogram.layer.share(histogram.layer.zero_slope);
    m.saturated = histogram.layer.share(histogram.layer.saturated);
    m.inactive = histogram.layer.share(histogram.layer.inactive);
    m.units = static_cast<int>(histogram.units.size());
    for (const ZCounts& unit : histogram.units) m.all_inactive += unit.total > 0 && unit.inactive == unit.total;
    return m;
}

// The compact title of a small multiple, as much of "L1 relu · f′=0 62% · sat. 0% · 5/16 dead" as fits
// in `width`: the activation's name goes first (the panel names it), then a saturated share of 0.
std::string compact_title(int h, const Activation& activation, const LayerMasses& m, const char* word, float width) {
    char units[48], zero[32], saturated[32];
    std::snprintf(units, sizeof units, "%d/%d %s", m.all_inactive, m.units, word);
    std::snprintf(zero, sizeof zero, "f′=0 %.0f%%", 100 * m.zero_slope);
    std::snprintf(saturated, sizeof saturated, "sat. %.0f%%", 100 * m.saturated);
    const std::string layer = "L" + std::to_string(h + 1);
    const std::string named = layer + " " + std::string(activation.name);
    for (const std::string& title :
         {named + " · " + zero + " · " + saturated + " · " + units, layer + " · " + zero + " · " + saturated + " · " + units,
          layer + " · " + (m.saturated > m.zero_slope ? saturated : zero) + " · " + units}) {
        if (ImGui::CalcTextSize(title.c_str()).x <= width) return title;
    }
    const std::string short_title = layer + " · " + (m.saturated > m.zero_slope ? saturated : zero);
    return ImGui::CalcTextSize(short_title.c_str()).x <= width ? short_title : layer;  // the tooltip has the rest
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
    ImGui::PushStyleColor(ImGuiCol_Text, kUnitOutline);
    char line[200];
    std::snprintf(line, sizeof line, "L%d unit %d: f′ = 0 at %.1f%%, saturated at %.1f%% of its points; inactive %.1f%%%s",
                  view.hovered_layer + 1, view.hovered_unit + 1, 100 * unit.share(unit.zero_slope),
                  100 * unit.share(unit.saturated), 100 * unit.share(unit.inactive),
                  all ? (std::string(" → ") + inactivity_word(trainer)).c_str() : "");
    fitted_text(line);
    ImGui::PopStyleColor();
}

// [SECTION] One layer's chart ------------------------------------------------------------------

// The y range that shows f and f′ over the bins' range, with a little room; the bars are scaled into it.
void y_range(const CurveSamples& curve, double& lo, double& hi) {
    lo = 0, hi = 1e-3;
    for (size_t i = 0; i < curve.x.size(); ++i) {
        for (double v : {curve.f[i], curve.df[i]}) {
            if (!std::isfinite(v)) continue;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    const double pad = 0.06 * (hi - lo);
    lo -= pad;
    hi += pad;
}

// Bars for a distribution's bins, scaled so that its tallest reaches `top` (shapes compare, not heights).
std::vector<double> scaled_heights(const ZCounts& counts, double top) {
    const std::int64_t tallest = counts.bins.empty() ? 0 : *std::max_element(counts.bins.begin(), counts.bins.end());
    std::vector<double> heights(counts.bins.size(), 0.0);
    if (tallest == 0) return heights;
    for (size_t i = 0; i < heights.size(); ++i) heights[i] = top * static_cast<double>(counts.bins[i]) / tallest;
    return heights;
}

// The mass outside the bins' range, as "◂ 3.1%" / "1.2% ▸" in the chart's top corners.
void draw_outside_mass(const LayerZHistogram& histogram, double y_top) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float font = ImGui::GetFontSize();
    char text[32];
    if (histogram.layer.underflow > 0) {
        std::snprintf(text, sizeof text, "◂ %.1f%%", 100 * histogram.layer.share(histogram.layer.underflow));
        const ImVec2 at = plot::data_to_pixels(histogram.lo, y_top);
        draw->AddText(ImVec2(at.x + 4, at.y + 2), kDimText, text);
    }
    if (histogram.layer.overflow > 0) {
        std::snprintf(text, sizeof text, "%.1f%% ▸", 100 * histogram.layer.share(histogram.layer.overflow));
        const ImVec2 at = plot::data_to_pixels(histogram.hi, y_top);
        draw->AddText(ImVec2(at.x - ImGui::CalcTextSize(text).x - 4, at.y + 2 + font * 0), kDimText, text);
    }
}

void draw_layer_chart(const Trainer& trainer, int h, const ClassifierView& view, ImVec2 size, bool compact) {
    const Mlp& mlp = trainer.mlp();
    const LayerZHistogram& histogram = trainer.z_histograms()[static_cast<size_t>(h)];
    const Activation& activation = mlp.activation(h);
    const ParameterValues parameters = mlp.activation_parameters(h);
    const InactivityRule rule = mlp.inactivity(h);
    const LayerMasses masses = masses_of(histogram);
    const char* word = inactivity_word(trainer);

    std::string title;
    if (compact) {
        title = compact_title(h, activation, masses, word, size.x - ImGui::GetFontSize());
    } else {
        char text[160];
        std::snprintf(text, sizeof text, "layer %d: z of %d units × %lld training points on %s, f′ dashed", h + 1,
                      masses.units, static_cast<long long>(masses.units > 0 ? histogram.layer.total / masses.units : 0),
                      std::string(activation.name).c_str());
        title = text;
    }
    char id[32];
    std::snprintf(id, sizeof id, "##zcurve%d", h);
    const int flags = plot::PlotFlags_NoInteraction | (compact ? plot::PlotFlags_NoLegend | plot::PlotFlags_NoReadout : 0);
    if (!plot::begin_plot(id, size, title.c_str(), flags)) return;
    const CurveSamples curve = sample_curve(activation, parameters, histogram.lo, histogram.hi, kCurveSamples);
    double y_lo = 0, y_hi = 1;
    y_range(curve, y_lo, y_hi);
    plot::setup_axis(plot::AxisId::X, compact ? nullptr : "z = W a + b");
    plot::setup_axis(plot::AxisId::Y, compact ? nullptr : "f(z), f′(z); bars: share of z");
    plot::setup_axis_limits(plot::AxisId::X, histogram.lo, histogram.hi, plot::Cond::Always);
    plot::setup_axis_limits(plot::AxisId::Y, y_lo, y_hi, plot::Cond::Always);

    // The Activations page's zones, at the threshold the masses are counted with.
    const DerivativeZones zones = derivative_zones(curve, rule.saturated_below);
    for (const Interval& zone : zones.dead) plot::plot_x_span("dead: f′ = 0", zone.from, zone.to, kDeadZoneColour);
    for (const Interval& zone : zones.saturated) {
        plot::plot_x_span("saturated: |f′| < 1% of max|f′|", zone.from, zone.to, kSaturatedZoneColour);
    }
    std::vector<double> centres(kZHistogramBins);
    for (int i = 0; i < kZHistogramBins; ++i) centres[static_cast<size_t>(i)] = histogram.bin_left(i) + histogram.bin_width() / 2;
    const double top = 0.85 * y_hi;
    const std::vector<double> bars = scaled_heights(histogram.layer, top);
    plot::plot_bars("z of the layer", centres.data(), bars.data(), kZHistogramBins, histogram.bin_width() * 0.9, kLayerBars);
    const ImU32 colour = activation_colour(activation);
    plot::plot_line("f", curve.x.data(), curve.f.data(), static_cast<int>(curve.x.size()), {colour, 2.0f, false});
    plot::plot_line("f′", curve.x.data(), curve.df.data(), static_cast<int>(curve.x.size()), {colour, 1.6f, true});

    // The hovered unit's own distribution, as a yellow outline over the layer's bars.
    if (view.hovered_layer == h && view.hovered_unit >= 0 && view.hovered_unit < masses.units) {
        const ZCounts& unit = histogram.units[static_cast<size_t>(view.hovered_unit)];
        const std::vector<double> heights = scaled_heights(unit, top);
        std::vector<double> xs{histogram.lo}, ys{0.0};
        for (int i = 0; i < kZHistogramBins; ++i) {
            const double left = histogram.bin_left(i), right = left + histogram.bin_width();
            xs.insert(xs.end(), {left, right});
            ys.insert(ys.end(), {heights[static_cast<size_t>(i)], heights[static_cast<size_t>(i)]});
        }
        xs.push_back(histogram.hi);
        ys.push_back(0.0);
        char label[48];
        std::snprintf(label, sizeof label, "unit %d##unit", view.hovered_unit + 1);
        plot::plot_line(label, xs.data(), ys.data(), static_cast<int>(xs.size()), {kUnitOutline, 2.0f, false});
    }
    if (compact) draw_outside_mass(histogram, y_hi);  // the large chart prints it under the chart, clear of its legend
    const bool hovered = plot::is_plot_hovered();
    plot::end_plot();
    if (compact && hovered) {
        ImGui::SetTooltip("layer %d (%s): f′ = 0 for %.1f%% of its (unit, point) pairs, saturated for %.1f%%;\n"
                          "inactive for %.1f%%, and %d of %d units inactive at every point (%s)",
                          h + 1, std::string(activation.name).c_str(), 100 * masses.zero_slope, 100 * masses.saturated,
                          100 * masses.inactive, masses.all_inactive, masses.units, word);
    }
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
