#pragma once
// Units on their curves: where a hidden layer's pre-activations z fall over the training points
// (core/z_histogram.hpp, counted by the trainer's own evaluation), drawn as a histogram behind the
// layer's f and f′ with the Activations page's dead and saturated zones — the picture of why ReLUs
// die (the mass slides left of the kink and stays there) and why a sigmoid net starves (the mass
// sits on the flat tails). It takes the dead-unit plane's place when the panel's "z on f′" toggle is on.

#include <imgui.h>

#include "app/classifier/classifier_panel.hpp"

namespace actviz::app {

// The chosen layer (view.dead_layer ≥ 0) as one chart with its zone masses printed under it, or
// every hidden layer as small multiples (−1). The unit hovered in the unit grid adds its own
// distribution on top, in its layer's chart.
void draw_unit_curves(ClassifierPanel& panel, ImVec2 size);

}  // namespace actviz::app
