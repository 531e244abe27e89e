#pragma once
// Between the app's state and a session file: what is saved, how a loaded session replaces the
// state (all at once, only after the file was fully read and checked), the recent-files list and
// the last session kept in the state folder.

#include <cstdint>
#include <optional>
#include <string>

#include "app/app_state.hpp"
#include "session/session_json.hpp"
#include "app/vocabulary.hpp"

namespace actviz::app {

session::Session capture_session(const AppState& state);
// Replaces every panel's settings, the page and the classifier's trainer with the loaded ones.
void apply_session(AppState& state, session::LoadedSession loaded);

// Changes when anything a session holds changes (settings, page, trained steps, hand-edited points,
// weights): compared with the value at the last save to know about unsaved changes.
std::uint64_t session_fingerprint(const AppState& state);
bool has_unsaved_changes(const AppState& state);

// File operations as the menu runs them. Each reports in the status bar; a failure also opens
// the error dialog and leaves the state exactly as it was. Return whether they succeeded.
bool open_session(AppState& state, const std::string& path);
// File > Open and Open recent: starts reading `path` off the UI thread; the frames keep coming and
// finish_opening() applies it (or shows why not) once it is complete. The state is untouched until then.
void begin_opening(AppState& state, const std::string& path);
// Once a frame: applies a finished open.
void finish_opening(AppState& state);
// Writes the session now (the command line's --save-session, the monkey, quitting).
bool save_session(AppState& state, const std::string& path);
// File > Save and Save As: captures the session now and writes it (and reads it back) off the UI
// thread. finish_saving() reports it once it is complete: true when it was saved.
void begin_saving(AppState& state, const std::string& path);
std::optional<bool> finish_saving(AppState& state);
// Once a frame, while an open or a save is under way: a small window with its path and the seconds
// it has taken (and Cancel, for an open).
void draw_file_progress(AppState& state);
void new_session(AppState& state);

// $XDG_STATE_HOME/actviz, else ~/.local/state/actviz (nullopt without either variable).
std::optional<std::string> state_folder();
// The last session (last.json) and the recent-files list (recent.txt) in the state folder.
void load_remembered(AppState& state);                 // recent files only
// Also hands the window's remembered geometry to state.window. False when there is none or it cannot be read; one that cannot is renamed last.json.bad (or
// last.json-2.bad, …) and named in the status line, so quitting does not overwrite it.
bool restore_last_session(AppState& state);
void remember_on_exit(AppState& state);  // saves last.json (with state.window), recent.txt and recent-folders.txt

}  // namespace actviz::app
