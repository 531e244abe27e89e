#pragma once
// The Bake-off panel: the contest's settings, the live contest, and the hidden-layers text box.

#include "app/bakeoff/bakeoff_live.hpp"
#include "app/sidebar.hpp"
#include "app/classifier/classifier_panel.hpp"
#include "app/panel_context.hpp"
#include "app/unit_curve_chart.hpp"
#include "settings/bakeoff_settings.hpp"

namespace actviz::app {

struct BakeoffPanel {
    BakeoffSettings settings;
    BakeoffLive live;
    HiddenLayersEdit hidden_edit;
    SidebarState sidebar;  // the settings column, folded in a narrow panel
    // What the row of units-on-the-curve charts showed last frame, per contestant of seed 0 (a
    // default LayerMasses where a contestant had no histogram yet): the figures the GUI tests compare
    // with each contestant's own statistics.
    struct UnitCurvesShown {
        int layer = 0;
        std::vector<LayerMasses> masses;
        double draw_ms = 0;  // building the row last frame (its share of the frame breakdown's UI)
    } unit_curves_shown;
};

// Clicking a thumbnail sets context.requests.open_contestant_in_classifier.
void draw_bakeoff_panel(BakeoffPanel& panel, PanelContext& context);
// The contestant of `activation` (seed 0), with its exact weights, optimiser state and history,
// becomes the Classifier's; returns the status line's message.
std::string open_contestant_in_classifier(const BakeoffPanel& bakeoff, int activation, ClassifierPanel& classifier);

}  // namespace actviz::app
