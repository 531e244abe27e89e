#pragma once
// The in-app file browser: what a file chooser looks like when the desktop offers none (no portal,
// no zenity, no kdialog; under Xvfb in the tests; ACTVIZ_FILE_CHOOSER=builtin). A modal window over
// the app: the folder (typed or stepped through), places (home, the start folder, recent folders),
// the folders and files of the chosen type, a file name box that also takes a whole typed path, and
// for a save the question before a file is replaced. The model is files::FolderBrowser.

#include <array>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "files/folder_browser.hpp"

namespace actviz::app {

struct FileBrowserView {
    files::FolderBrowser model;
    bool open = false;
    bool opening = false;                   // OpenPopup is due this frame
    std::array<char, 1024> name_input{};    // a file name, or a whole path
    std::array<char, 1024> folder_input{};  // the folder shown, editable
    std::string message;                    // why the last choice was refused
    std::string replace_path;               // a save waiting for "Replace?" (empty: none)
    std::string start_folder;               // where this chooser began: a place to return to
    // Where each control was drawn last frame (x, y, width, height), by name: "entry:NAME",
    // "parent", "folder", "name", "filter", "filter:LABEL", "confirm", "cancel", "replace", "keep",
    // "place:PATH". Tests click these through the real frame loop.
    std::map<std::string, std::array<float, 4>> rects;
};

struct BrowserOutcome {
    enum Kind { StillOpen, Chosen, Cancelled } kind = StillOpen;
    std::string path;
};

void open_file_browser(FileBrowserView& view, const files::ChooserRequest& request, const std::string& folder);
// Once a frame while open. `draw_options` (may be empty) adds the request's own options under the
// list (Import data's "Rescale into the plane").
BrowserOutcome draw_file_browser(FileBrowserView& view, const std::vector<std::string>& recent_folders,
                                 const std::function<void()>& draw_options);

}  // namespace actviz::app
