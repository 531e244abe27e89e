#pragma once
// The File menu's session commands (New, Open, Save, Save As, Recent), their dialogs (a path text
// box, the unsaved-changes question, errors) and shortcuts (Ctrl+S, Ctrl+O). ImGui has no native
// file dialog and we take no dependency for one: paths are typed, with the recent files a click away.

#include "app/app_state.hpp"

namespace actviz::app {

void draw_session_menu_items(AppState& state);  // inside File
void draw_session_dialogs(AppState& state);
void handle_session_shortcuts(AppState& state);

}  // namespace actviz::app
