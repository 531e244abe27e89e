#pragma once
// Exports beside the session: a chart's data as CSV (its context menu), the classifier's weights
// as JSON (File menu). The file chooser asks where, proposing a name by what the file holds and
// when ("actviz-loss-20260101-120000.csv"); the status bar says where it went, or why not.

#include <functional>
#include <string>
#include <vector>

#include "app/app_state.hpp"
#include "files/file_filter.hpp"
#include "gfx/screenshot.hpp"

namespace actviz::app {

// "actviz-<what, readable>-YYYYmmdd-HHMMSS.<extension>" ("what" empty: no middle part), with
// `what` made safe for any file system (files::readable_file_stem: "Loss##c" → "loss").
std::string timestamped_name(const std::string& what, const std::string& extension);

// A written file's path as the status bar shows it: whole (absolute), control characters escaped.
std::string shown_path(const std::string& path);

// Asks where to write the text `make_text` makes (a save, proposing `suggested_name`), then makes
// and writes it atomically beside the frame (write_queue.hpp) and says so, with `what` ("Chart
// data") and the full path, or why not. `make_text` holds what to write as it was when asked.
void ask_and_write(AppState& state, const std::string& title, std::string suggested_name,
                   std::vector<files::FileFilter> types, std::function<std::string()> make_text, const char* what);

// Encodes `pixels` (read from the framebuffer in this frame) as a PNG and writes it to `path`,
// beside the frame; the status bar says "<what> saved: <path>", or why not.
void write_png_beside(AppState& state, gfx::FramebufferPixels pixels, const std::string& path, const std::string& what);

// Asks where, then writes the Classifier's weights as they are now.
void export_weights(AppState& state);

}  // namespace actviz::app
