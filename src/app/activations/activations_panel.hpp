#pragma once
// The Activations panel: its settings and what core computed from them.

#include "app/activations/activations_live.hpp"
#include "app/sidebar.hpp"
#include "app/panel_context.hpp"

namespace actviz::app {

struct ActivationsPanel {
    ActivationsSettings settings;
    ActivationsLive live;
    SidebarState sidebar;  // the settings column, folded in a narrow panel
};

void draw_activations_panel(ActivationsPanel& panel, PanelContext& context);

// The dead and saturated zones shaded under `subject`'s curves over [lo, hi] (`count` samples):
// saturated where |f′| < ε·max|f′|, ε the panel's share.
DerivativeZones shaded_zones(ActivationsPanel& panel, const Activation& subject, double lo, double hi, int count);

}  // namespace actviz::app
