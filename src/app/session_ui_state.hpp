#pragma once
// What the File menu's session handling remembers between frames: the file the session belongs
// to, the recent files, what was saved last (to know about unsaved changes), and which dialog is up.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace actviz::app {

// Open and Save As ask through the file chooser (file_chooser.hpp), not a dialog of their own.
enum class SessionDialog { None, ConfirmDiscard, Error };
// What waits for the "unsaved changes" question to be answered.
enum class PendingAction { None, New, Open, OpenPath, Quit };

struct SessionUiState {
    std::string path;                 // the session's file; empty = untitled
    std::vector<std::string> recent;  // most recent first
    std::uint64_t saved_fingerprint = 0;  // session_fingerprint() when last opened, saved or made new

    SessionDialog dialog = SessionDialog::None;
    bool dialog_opening = false;            // OpenPopup is due this frame
    PendingAction pending = PendingAction::None;
    std::string pending_path;               // for PendingAction::OpenPath
    std::string error;                      // the Error dialog's message

    bool remember_last = true;  // save to and restore from the state folder (off for --fresh and --frames runs)
};

}  // namespace actviz::app
