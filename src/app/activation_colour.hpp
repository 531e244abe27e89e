#pragma once
// One colour per catalogue activation, the same on every page: a curve in the Activations panel and
// a contestant in the Bake-off are recognisably the same function.

#include <imgui.h>

#include <iterator>
#include <string_view>
#include <utility>

#include "core/activation.hpp"
#include "core/custom_activation.hpp"
#include "plot/plot.hpp"

namespace actviz::app {

// The colour a catalogue index gets unless its author chose one: the activations compared most
// often (the Bake-off's classic seven and the identity) take the eight colour-blind-safe colours,
// the rest the palette beyond them.
inline ImU32 default_activation_colour(int index) {
    static constexpr std::pair<std::string_view, int> kSafeSlots[] = {
        {"relu", 0}, {"sigmoid", 1}, {"tanh", 2}, {"elu", 3}, {"silu", 4}, {"leaky_relu", 5}, {"gelu", 6}, {"identity", 7},
    };
    static_assert(std::size(kSafeSlots) == plot::kSafeSeriesColours);
    const auto entries = activations();
    if (index >= 0 && static_cast<std::size_t>(index) < entries.size()) {
        for (const auto& [name, slot] : kSafeSlots)
            if (entries[static_cast<std::size_t>(index)].name == name) return plot::series_colour(slot);
    }
    return plot::series_colour(plot::kSafeSeriesColours + index);
}

inline ImU32 activation_colour(const Activation& activation) {
    if (activation.custom && activation.custom->spec.colour != 0) {  // the colour its author chose
        const std::uint32_t c = activation.custom->spec.colour;
        return IM_COL32((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff, 255);
    }
    return default_activation_colour(activation_index(activation));
}

// The zones' shading, the same wherever a curve is drawn (the Activations page, the Classifier's
// units on their curves): dead (f′ = 0) red, saturated (0 < |f′| < 1% of max|f′|) amber.
inline constexpr ImU32 kDeadZoneColour = IM_COL32(220, 70, 60, 48);
inline constexpr ImU32 kSaturatedZoneColour = IM_COL32(230, 170, 40, 40);

}  // namespace actviz::app
