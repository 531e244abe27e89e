#pragma once
// The File menu's session commands (New, Open, Save, Save As, Recent), their dialogs (the
// unsaved-changes question, errors) and shortcuts (Ctrl+S, Ctrl+O). Open and Save As ask for the
// file through the file chooser (file_chooser.hpp: the desktop's, or the in-app browser).

#include <string>

#include "app/app_state.hpp"

namespace actviz::app {

void draw_session_menu_items(AppState& state);  // inside File
void draw_session_dialogs(AppState& state);
void handle_session_shortcuts(AppState& state);
// Opens the session at `path` as File > Open recent does (asking first about unsaved changes):
// a .json dropped on the window.
void open_session_path(AppState& state, const std::string& path);
// File > Save as…: asks where through the file chooser, then saves there.
void ask_save_session_as(AppState& state);

// File > Quit, Ctrl+Q and the window's close button. Quits at once unless changes would be lost:
// a session with a file asks first when it has unsaved changes (and so does an untitled one when
// it will not be kept for the next start, under --fresh). The answer sets state.quit_requested.
void request_quit(AppState& state);

}  // namespace actviz::app
