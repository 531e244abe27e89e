#pragma once
// One colour per catalogue activation, the same on every page: a curve in the Activations panel and
// a contestant in the Bake-off are recognisably the same function.

#include <imgui.h>

#include "core/activation.hpp"
#include "plot/plot.hpp"

namespace actviz::app {

inline ImU32 activation_colour(const Activation& activation) {
    return plot::series_colour(activation_index(activation));
}

}  // namespace actviz::app
