#pragma once
// The window's frame around the panels: main menu bar, status bar, about and shortcut windows,
// and the keyboard shortcuts themselves.

#include "app/app_state.hpp"

namespace actviz::app {

void handle_shortcuts(AppState& state);
float draw_main_menu(AppState& state);   // returns the menu bar's height
float draw_status_bar(AppState& state);  // returns the status bar's height
void draw_dialogs(AppState& state);

}  // namespace actviz::app
