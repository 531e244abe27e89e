#pragma once
// Every place the app asks for a path asks here: File > Open, Save As, Import data, Export data,
// Screenshot…, Screenshot of one panel, Export weights, a chart's "Export data as CSV". The answer
// comes from the desktop's own chooser (zenity or kdialog, run as a program beside the window, so
// frames keep coming while it is up) or from the in-app browser (file_browser_view.hpp); which one
// is files::pick_chooser's choice (ACTVIZ_FILE_CHOOSER=builtin|zenity|kdialog|portal|auto) and can
// be changed in Settings > File chooser. One question at a time. Cancel: nothing happens.
//
// What is done with the path keeps its own guarantees: sessions open and save off the UI thread
// (file_job.hpp), every write refuses a target that is not a regular file (files/atomic_file.hpp).

#include <string>

#include "app/app_state.hpp"
#include "app/file_chooser_state.hpp"

namespace actviz::app {

// Asks; the answer arrives in a later frame through request.on_chosen. While another question is
// up, says so in the status line and asks nothing.
void ask_for_file(AppState& state, FileRequest request);
// Once a frame: the in-app browser, or a look at the desktop chooser's process.
void draw_file_chooser(AppState& state);
bool file_chooser_busy(const AppState& state);

// Settings > File chooser: the chooser for this run.
void draw_file_chooser_setting(AppState& state);

// The folder files are offered in first: the last one a file was chosen in, else the current folder.
std::string first_folder(const AppState& state);
// A file was chosen in `path`'s folder: it becomes the first of the recent folders.
void remember_folder(FileChooserState& chooser, const std::string& path);

// recent-folders.txt in the state folder (beside recent.txt).
void load_recent_folders(FileChooserState& chooser, const std::string& state_folder);
void save_recent_folders(const FileChooserState& chooser, const std::string& state_folder);

}  // namespace actviz::app
