#pragma once
// The "link activations" toggle: a checkbox beside each linked panel's activation choice and an
// item in the View menu, all showing the same switch (activation_link.hpp has the logic).

#include "app/app_state.hpp"

namespace actviz::app {

LinkedPanels linked_panels(AppState& state);

// A small "link" checkbox; turning it on links every panel to `here`, this panel's choice.
void draw_link_checkbox(AppState& state, const LinkedChoice& here, const char* label = "link");
// View > Link activations; turning it on from the menu links everything to the classifier's choice.
void draw_link_menu_item(AppState& state);

}  // namespace actviz::app
