#pragma once
// Gradient flow's layer × value density map (issue 14 item 3): for one curve's simulated network,
// each hidden layer's distribution of its activation inputs z (or, switched, of |∂L/∂z| on a log
// axis) as a column of colour, layer 1 at the left like the gradient chart beside it, with the
// activation's dead and saturated zones marked on the value axis — the classic figure of
// activations saturating layer by layer. The counts are the run's own (GradflowResult::density,
// counted in its pass; core/gradflow_density.hpp).

#include <imgui.h>

#include "app/gradflow/gradflow_panel.hpp"

namespace actviz::app {

void draw_density_map(GradflowPanel& panel, const GradflowSnapshot& snapshot, ImVec2 size);

}  // namespace actviz::app
