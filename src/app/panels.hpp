#pragma once
// One function per panel, one file per panel (panel_*.cpp). Each draws the inside of its
// window; the frame loop owns the windows and their layout.

#include "app/app_state.hpp"

namespace actviz::app {

void draw_activations_panel(AppState& state);
void draw_softmax_panel(AppState& state);
void draw_gradflow_panel(AppState& state);
void draw_classifier_panel(AppState& state);
void draw_bakeoff_panel(AppState& state);

struct PanelEntry {
    const char* title;
    void (*draw)(AppState&);
};

// The frame's dispatch list, in layout order (the order of cli::kPanelIds).
inline constexpr PanelEntry kPanels[kPanelCount] = {
    {"Activations", draw_activations_panel},
    {"Softmax", draw_softmax_panel},
    {"Gradient flow", draw_gradflow_panel},
    {"Classifier", draw_classifier_panel},
    {"Bake-off", draw_bakeoff_panel},
};

}  // namespace actviz::app
