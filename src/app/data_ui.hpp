#pragma once
// The user's own points: File > Import data… and Export data…, their dialogs, and files dropped on
// the window (a .csv imports points, a .json opens a session as File > Open does). The CSV format
// and its checks are the core's (core/points_csv.hpp); reading and writing run off the UI thread
// as sessions do (file_job.hpp). An import replaces the points of the Classifier and the Bake-off
// only once the whole file was read and checked; an error leaves both as they were.

#include <string>
#include <vector>

#include "app/app_state.hpp"

namespace actviz::app {

void draw_data_menu_items(AppState& state);  // inside File
// Once a frame: the dialogs, a finished import or export, files dropped since the last frame.
void draw_data_dialogs(AppState& state);

// File > Import data…: asks which file through the file chooser, then imports it.
void ask_import_data(AppState& state);
// Starts reading `path` as points; `rescale`: into the plane.
void begin_importing(AppState& state, const std::string& path, bool rescale);
// Reads and imports `path` at once (the window's --data flag, at start): whether it was imported.
bool import_data_now(AppState& state, const std::string& path, bool rescale);
// Starts writing the Classifier's points as they are now (hand edits included) to `path`.
void begin_exporting(AppState& state, const std::string& path);

// What the window's drop callback calls (and tests): the paths wait for the next frame.
void on_files_dropped(AppState& state, int count, const char** paths);

}  // namespace actviz::app
