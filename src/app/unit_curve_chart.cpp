// One "units on the curve" chart (unit_curve_chart.hpp), drawn from what the caller read off a
// Trainer: nothing here computes science beyond sampling f and f′ for the curves and zones.
//
// [SECTION] Words: the zone masses as text
// [SECTION] Scales: the y range and the bars
// [SECTION] The chart

#include "app/unit_curve_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "app/activation_colour.hpp"
#include "core/activation_analysis.hpp"
#include "plot/plot.hpp"

namespace actviz::app {
namespace {

constexpr ImU32 kDimText = IM_COL32(190, 190, 190, 255);
constexpr int kCurveSamples = 241;

// [SECTION] Words: the zone masses as text -----------------------------------------------------

// The compact title of a small multiple, as much of "L1 relu · f′=0 62% · sat. 0% · 5/16 dead" as fits
// in `width`: the activation's name goes first (the panel names it), then a saturated share of 0.
// With `name_first` (the Bake-off's contestant) that name leads every form, since it is what tells the
// charts apart there.
std::string compact_title(const UnitCurveLayer& l, const LayerMasses& m, std::string_view name_first, float width) {
    char units[48], zero[32], saturated[32];
    std::snprintf(units, sizeof units, "%d/%d %s", m.all_inactive, m.units, std::string(l.word).c_str());
    std::snprintf(zero, sizeof zero, "f′=0 %.0f%%", 100 * m.zero_slope);
    std::snprintf(saturated, sizeof saturated, "sat. %.0f%%", 100 * m.saturated);
    const std::string layer = name_first.empty() ? "L" + std::to_string(l.layer + 1) : std::string(name_first);
    const std::string named = name_first.empty() ? layer + " " + std::string(l.activation->name) : layer;
    const std::string larger = m.saturated > m.zero_slope ? saturated : zero;
    for (const std::string& title : {named + " · " + zero + " · " + saturated + " · " + units,
                                     layer + " · " + zero + " · " + saturated + " · " + units,
                                     layer + " · " + larger + " · " + units, layer + " · " + larger}) {
        if (ImGui::CalcTextSize(title.c_str()).x <= width) return title;
    }
    return layer;  // the tooltip has the rest
}

// [SECTION] Scales: the y range and the bars ---------------------------------------------------

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

// Bars for a distribution's bins, scaled so that its tallest reaches `top`.
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
    char text[32];
    if (histogram.layer.underflow > 0) {
        std::snprintf(text, sizeof text, "◂ %.1f%%", 100 * histogram.layer.share(histogram.layer.underflow));
        const ImVec2 at = plot::data_to_pixels(histogram.lo, y_top);
        draw->AddText(ImVec2(at.x + 4, at.y + 2), kDimText, text);
    }
    if (histogram.layer.overflow > 0) {
        std::snprintf(text, sizeof text, "%.1f%% ▸", 100 * histogram.layer.share(histogram.layer.overflow));
        const ImVec2 at = plot::data_to_pixels(histogram.hi, y_top);
        draw->AddText(ImVec2(at.x - ImGui::CalcTextSize(text).x - 4, at.y + 2), kDimText, text);
    }
}

// The hovered unit's own distribution, as a yellow outline over the layer's bars.
void plot_unit_outline(const LayerZHistogram& histogram, int unit, double top) {
    const std::vector<double> heights = scaled_heights(histogram.units[static_cast<size_t>(unit)], top);
    std::vector<double> xs{histogram.lo}, ys{0.0};
    for (int i = 0; i < kZHistogramBins; ++i) {
        const double left = histogram.bin_left(i), right = i + 1 < kZHistogramBins ? histogram.bin_left(i + 1) : histogram.hi;
        xs.insert(xs.end(), {left, right});
        ys.insert(ys.end(), {heights[static_cast<size_t>(i)], heights[static_cast<size_t>(i)]});
    }
    xs.push_back(histogram.hi);
    ys.push_back(0.0);
    char label[48];
    std::snprintf(label, sizeof label, "unit %d##unit", unit + 1);
    plot::plot_line(label, xs.data(), ys.data(), static_cast<int>(xs.size()), {kHoveredUnitColour, 2.0f, false});
}

}  // namespace

LayerMasses masses_of(const LayerZHistogram& histogram) {
    LayerMasses m;
    m.zero_slope = histogram.layer.share(histogram.layer.zero_slope);
    m.saturated = histogram.layer.share(histogram.layer.saturated);
    m.inactive = histogram.layer.share(histogram.layer.inactive);
    m.units = static_cast<int>(histogram.units.size());
    for (const ZCounts& unit : histogram.units) m.all_inactive += unit.total > 0 && unit.inactive == unit.total;
    return m;
}

void plot_z_bars(const char* label, const LayerZHistogram& histogram, const ZCounts& counts, double top, ImU32 colour) {
    std::vector<double> centres(kZHistogramBins);
    for (int i = 0; i < kZHistogramBins; ++i) centres[static_cast<size_t>(i)] = histogram.bin_left(i) + histogram.bin_width() / 2;
    const std::vector<double> bars = scaled_heights(counts, top);
    // Drawn to `top`, read out as what they are: each bin's share of the layer's z.
    std::vector<double> shares(counts.bins.size());
    for (size_t i = 0; i < shares.size(); ++i) shares[i] = counts.share(counts.bins[i]);
    plot::plot_bars(label, centres.data(), bars.data(), kZHistogramBins, histogram.bin_width() * 0.9, colour, shares.data());
}

// [SECTION] The chart --------------------------------------------------------------------------

void draw_unit_curve_chart(const char* id, const UnitCurveLayer& l, ImVec2 size, const UnitCurveOptions& options) {
    const LayerZHistogram& histogram = *l.histogram;
    const Activation& activation = *l.activation;
    const LayerMasses masses = masses_of(histogram);
    const bool compact = options.compact;
    std::string title;
    if (compact) {
        title = compact_title(l, masses, options.name_first, size.x - ImGui::GetFontSize());
    } else {
        char text[160];
        std::snprintf(text, sizeof text, "layer %d: z of %d units × %lld training points on %s, f′ dashed", l.layer + 1,
                      masses.units, static_cast<long long>(masses.units > 0 ? histogram.layer.total / masses.units : 0),
                      std::string(activation.name).c_str());
        title = text;
    }
    const int flags = plot::PlotFlags_NoInteraction | (compact ? plot::PlotFlags_NoLegend | plot::PlotFlags_NoReadout : 0);
    if (!plot::begin_plot(id, size, title.c_str(), flags)) return;
    const CurveSamples curve = sample_curve(activation, l.parameters, histogram.lo, histogram.hi, kCurveSamples);
    double y_lo = 0, y_hi = 1;
    y_range(curve, y_lo, y_hi);
    plot::setup_axis(plot::AxisId::X, compact ? nullptr : "z = W a + b");
    plot::setup_axis(plot::AxisId::Y, compact ? nullptr : "f(z), f′(z); bars: share of z");
    plot::setup_axis_limits(plot::AxisId::X, histogram.lo, histogram.hi, plot::Cond::Always);
    plot::setup_axis_limits(plot::AxisId::Y, y_lo, y_hi, plot::Cond::Always);

    // The Activations page's zones, at the threshold the masses are counted with.
    const DerivativeZones zones = derivative_zones(curve, l.rule.saturated_below);
    for (const Interval& zone : zones.dead) plot::plot_x_span("dead: f′ = 0", zone.from, zone.to, kDeadZoneColour);
    for (const Interval& zone : zones.saturated) {
        plot::plot_x_span("saturated: |f′| < 1% of max|f′|", zone.from, zone.to, kSaturatedZoneColour);
    }
    const double top = 0.85 * y_hi;
    plot_z_bars("z of the layer", histogram, histogram.layer, top, kLayerBarsColour);
    const ImU32 colour = activation_colour(activation);
    plot::plot_line("f", curve.x.data(), curve.f.data(), static_cast<int>(curve.x.size()), {colour, 2.0f, false});
    plot::plot_line("f′", curve.x.data(), curve.df.data(), static_cast<int>(curve.x.size()), {colour, 1.6f, true});
    if (l.hovered_unit >= 0 && l.hovered_unit < masses.units) plot_unit_outline(histogram, l.hovered_unit, top);
    if (compact) draw_outside_mass(histogram, y_hi);  // the large chart prints it under the chart, clear of its legend
    const bool hovered = plot::is_plot_hovered();
    plot::end_plot();
    if (compact && hovered) {
        const std::string who = options.name_first.empty() ? std::string(activation.name) : std::string(options.name_first);
        ImGui::SetTooltip("%s, layer %d: f′ = 0 for %.1f%% of its (unit, point) pairs, saturated for %.1f%%;\n"
                          "inactive for %.1f%%, and %d of %d units inactive at every point (%s)",
                          who.c_str(), l.layer + 1, 100 * masses.zero_slope, 100 * masses.saturated,
                          100 * masses.inactive, masses.all_inactive, masses.units, std::string(l.word).c_str());
    }
}

}  // namespace actviz::app
