#pragma once
// One colour per catalogue activation, the same on every page: a curve in the Activations panel and
// a contestant in the Bake-off are recognisably the same function.

#include <imgui.h>

#include "core/activation.hpp"
#include "core/custom_activation.hpp"
#include "plot/plot.hpp"

namespace actviz::app {

inline ImU32 activation_colour(const Activation& activation) {
    if (activation.custom && activation.custom->spec.colour != 0) {  // the colour its author chose
        const std::uint32_t c = activation.custom->spec.colour;
        return IM_COL32((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff, 255);
    }
    return plot::series_colour(activation_index(activation));
}

// The zones' shading, the same wherever a curve is drawn (the Activations page, the Classifier's
// units on their curves): dead (f′ = 0) red, saturated (0 < |f′| < 1% of max|f′|) amber.
inline constexpr ImU32 kDeadZoneColour = IM_COL32(220, 70, 60, 48);
inline constexpr ImU32 kSaturatedZoneColour = IM_COL32(230, 170, 40, 40);

}  // namespace actviz::app
