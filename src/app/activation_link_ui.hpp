#pragma once
// The "link activations" toggle: a checkbox beside each linked panel's activation choice and an
// item in the View menu, all showing the same switch (activation_link.hpp has the logic).

#include "app/app_state.hpp"
#include "app/vocabulary.hpp"

namespace actviz::app {

// A small "link" checkbox; turning it on links every panel to `here`, this panel's choice.
void draw_link_checkbox(LinkContext& link, const LinkedChoice& here, const char* label = "link");
// View > Link activations; turning it on from the menu links everything to the classifier's choice.
void draw_link_menu_item(AppState& state);

}  // namespace actviz::app
