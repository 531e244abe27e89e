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

}  // namespace actviz::app
