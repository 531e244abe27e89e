#pragma once
// The Activations panel's property table and the one-line summary in the legend's tooltips: every
// word backed by a number computed for the parameters in use (core/activation_shape.hpp).

#include <string>

#include "app/activations/activations_panel.hpp"

namespace actviz::app {

// analyse() and shape_evidence() of `activation` with the panel's parameters and ε, cached.
const CachedFigures& figures_for(ActivationsPanel& panel, const Activation& activation);

// Formula, range and the table's verdicts on one line each, for a legend tooltip.
std::string activation_summary(ActivationsPanel& panel, const Activation& activation);

// True while the cost column is still being measured (a frame is wanted soon, even when idle).
bool draw_property_table(ActivationsPanel& panel, float height);

}  // namespace actviz::app
