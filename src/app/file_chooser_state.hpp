#pragma once
// What the file chooser remembers between frames: which chooser answers (the desktop's or the
// in-app browser), the one request waiting for an answer, the desktop chooser's process while it
// is up, the in-app browser, and the folders files were last chosen in.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/file_browser_view.hpp"
#include "files/child_process.hpp"
#include "files/desktop_chooser.hpp"

namespace actviz::app {

struct AppState;

// A question for a path, and what follows the answer. Cancel means nothing happens (beyond on_cancelled).
struct FileRequest {
    files::ChooserRequest chooser;
    std::function<void(AppState&, const std::string& path)> on_chosen;
    std::function<void(AppState&)> on_cancelled;  // optional: e.g. a quit that waited for a Save As stays
    std::function<void(AppState&)> draw_options;  // optional: the request's own options (in the File menu too)
};

struct FileChooserState {
    files::ChooserKind kind = files::ChooserKind::Builtin;  // app::run picks it (ACTVIZ_FILE_CHOOSER, else what is installed)
    std::string note;                   // why the setting was not followed, said at the first question
    std::optional<FileRequest> request;  // the question being answered, if any
    std::unique_ptr<files::ChildProcess> desktop;  // zenity or kdialog while it is up
    FileBrowserView browser;
    std::vector<std::string> recent_folders;  // where files were chosen, most recent first (recent-folders.txt)
};

}  // namespace actviz::app
