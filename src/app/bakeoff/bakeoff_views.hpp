#pragma once
// The Bake-off panel's parts: the small multiples (bakeoff_thumbnails.cpp), the overlaid charts
// (bakeoff_charts.cpp) and the results table (bakeoff_table.cpp). The panel (panel_bakeoff.cpp)
// lays them out and holds the controls.

#include <imgui.h>

#include <string>
#include <vector>

#include "app/bakeoff/bakeoff_panel.hpp"

namespace actviz::app {

// One decision-region thumbnail per activation of seed 0 with its caption. Returns the activation
// index whose thumbnail was clicked this frame, or −1.
int draw_bakeoff_thumbnails(BakeoffPanel& panel, ImVec2 size);
// The "units on the curve" switch and its layer chooser, on one line; returns the height it took.
float bakeoff_unit_curves_header(BakeoffPanel& panel);
// Under the thumbnails, one units-on-the-curve chart per contestant for the chosen layer
// (bakeoff_unit_curves.cpp), lined up with them; records what it showed in panel.unit_curves_shown.
void draw_bakeoff_unit_curves(BakeoffPanel& panel, ImVec2 size);
// Train loss and test accuracy against step, gradient norm and inactive fraction per layer now.
void draw_bakeoff_charts(BakeoffPanel& panel, ImVec2 size);
// Mean ± spread over the seeds per activation, sortable by any column.
void draw_bakeoff_table(BakeoffPanel& panel, ImVec2 size);
// Who won on each criterion, provisional or final (bakeoff_table.cpp), and the height it needs at `width`.
void draw_bakeoff_verdict(BakeoffPanel& panel, ImVec2 size);
float bakeoff_verdict_height(const BakeoffPanel& panel, float width);
// The verdict as the panel shows it: its status line first, then its findings. None before the
// first step: at the initial weights a ranking (or "never reached 90%") is of the seeds' luck.
std::vector<std::string> bakeoff_verdict_text(const BakeoffLive& live);

}  // namespace actviz::app
