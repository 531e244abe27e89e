#pragma once
// One "units on the curve" chart (issue 14): a hidden layer's pre-activations z as a histogram
// (core/z_histogram.hpp) behind the layer's f and f′ (dashed), with the Activations page's dead and
// saturated zones. The one drawing shared by the Classifier's view (classifier_unit_curves.cpp) and
// the Bake-off's row of contestants (bakeoff_unit_curves.cpp); the bars alone also go under the
// Activations page's curves (plot_z_bars).

#include <imgui.h>

#include <string>
#include <string_view>

#include "core/activation.hpp"
#include "core/activity.hpp"
#include "core/z_histogram.hpp"

namespace actviz::app {

inline constexpr ImU32 kLayerBarsColour = IM_COL32(110, 150, 210, 170);
inline constexpr ImU32 kHoveredUnitColour = IM_COL32(250, 214, 90, 255);  // the dead plane's colour for a unit

// What the printed words say about one layer's histogram: shares of its (unit, point) pairs, and the
// units whose whole mass is inactive — the unit grid's dead (saturated, negative-side) count.
struct LayerMasses {
    double zero_slope = 0, saturated = 0, inactive = 0;
    int units = 0, all_inactive = 0;
};
LayerMasses masses_of(const LayerZHistogram& histogram);

// Everything one chart draws, read from a Trainer by the caller.
struct UnitCurveLayer {
    const LayerZHistogram* histogram = nullptr;
    const Activation* activation = nullptr;
    ParameterValues parameters{};
    InactivityRule rule{};
    std::string_view word = "dead";  // the trainer's unit statistic: dead, saturated, negative-side
    int layer = 0;                   // hidden layer, from 0
    int hovered_unit = -1;           // a unit of this layer to outline in yellow, or −1
};

struct UnitCurveOptions {
    bool compact = false;        // small multiple: short title, no axis labels, no legend; ◂ ▸ in the corners
    std::string_view name_first; // compact: this name leads the title whatever else is dropped (the Bake-off's contestant)
};

// Draws the chart with plot id `id`. In a compact chart, hovering it gives every figure in a tooltip.
void draw_unit_curve_chart(const char* id, const UnitCurveLayer& layer, ImVec2 size, const UnitCurveOptions& options);

// The histogram's bins as one bar item, the tallest reaching `top` (shapes compare, not heights).
void plot_z_bars(const char* label, const LayerZHistogram& histogram, const ZCounts& counts, double top, ImU32 colour);

}  // namespace actviz::app
