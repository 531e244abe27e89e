#pragma once
// The Gradient flow panel: its settings, the worker that simulates them, and the statistics
// chart's last fitted y range (refitted only when the results change, so a user's zoom lasts).

#include "app/gradflow/gradflow_live.hpp"
#include "app/sidebar.hpp"
#include "app/panel_context.hpp"
#include "settings/gradflow_settings.hpp"

namespace actviz::app {

struct GradflowPanel {
    GradflowSettings settings;
    GradflowLive live;
    SidebarState sidebar;  // the settings column, folded in a narrow panel
    double stats_fitted_min = 0, stats_fitted_max = 0;
    double density_map_ms = 0;  // building the density map last frame (the frame breakdown's share of it)
};

void draw_gradflow_panel(GradflowPanel& panel, PanelContext& context);

}  // namespace actviz::app
