#pragma once
// The Classifier panel: its settings, the live trainer with its images, and the text being typed
// into the hidden-layers box.

#include "app/classifier/classifier_collapse.hpp"
#include "app/sidebar.hpp"
#include "app/classifier/classifier_live.hpp"
#include "app/classifier/classifier_network.hpp"
#include "app/panel_context.hpp"
#include "settings/classifier_settings.hpp"

namespace actviz::app {

// The hidden-layer sizes being typed ("16, 16"), one per panel that shows the box.
struct HiddenLayersEdit {
    char text[64] = {};
    std::string error;
};

struct ClassifierPanel {
    ClassifierSettings settings;
    ClassifierLive live;
    HiddenLayersEdit hidden_edit;
    LinearTwin linear_twin;  // shown while every hidden layer is the identity
    SidebarState sidebar;    // the settings column, folded in a narrow panel
    NetworkDiagram network;  // what the network view drew last frame, and its weight edit
};

void draw_classifier_panel(ClassifierPanel& panel, PanelContext& context);
// Space play/pause, S one step, R reset: while the panel is shown and nothing else has the keyboard.
void handle_classifier_keys(ClassifierPanel& panel);
// Ctrl+Z: undoes the last weight edited in the network diagram (chrome.cpp calls it: panel keys
// go without Ctrl).
void handle_classifier_undo(ClassifierPanel& panel);

}  // namespace actviz::app
