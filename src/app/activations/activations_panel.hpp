#pragma once
// The Activations panel: its settings and what core computed from them.

#include "app/activations/activations_live.hpp"
#include "app/panel_context.hpp"

namespace actviz::app {

struct ActivationsPanel {
    ActivationsSettings settings;
    ActivationsLive live;
};

void draw_activations_panel(ActivationsPanel& panel, PanelContext& context);

}  // namespace actviz::app
