#pragma once
// The desktop's own file chooser, run as a program: which one to use (ACTVIZ_FILE_CHOOSER, else what
// is installed), its command line for a request, and what its output means. Running it is
// child_process.hpp's job; drawing the in-app browser, app/file_browser_view's.
//
// zenity (GNOME's dialogs, GTK) and kdialog (KDE's, Qt) both print the chosen path and a newline
// and exit 0, or exit 1 when the user cancels. The XDG desktop portal is not built in (README: File
// choosers): "portal" falls back to the automatic choice, saying so.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "files/folder_browser.hpp"

namespace actviz::files {

enum class ChooserKind { Builtin, Zenity, Kdialog };

// "builtin", "zenity", "kdialog".
std::string_view chooser_name(ChooserKind kind);

// What the environment offers, read once at start (tests pass their own).
struct ChooserEnvironment {
    std::string setting;           // ACTVIZ_FILE_CHOOSER: builtin | zenity | kdialog | portal | auto | empty
    bool has_display = false;      // DISPLAY or WAYLAND_DISPLAY: a desktop to show a dialog on
    bool kde = false;              // XDG_CURRENT_DESKTOP names KDE: kdialog first
    bool has_zenity = false, has_kdialog = false;  // on PATH
};
ChooserEnvironment current_chooser_environment();

struct ChooserChoice {
    ChooserKind kind = ChooserKind::Builtin;
    std::string note;  // why the setting was not followed ("zenity is not installed: …"), or empty
};
// The setting when it can be followed; otherwise (and for "auto") kdialog on KDE, else zenity,
// else kdialog, else the in-app browser. Without a display, always the in-app browser.
ChooserChoice pick_chooser(const ChooserEnvironment& environment);

// The program and its arguments for a request (kind: Zenity or Kdialog).
std::vector<std::string> chooser_command(ChooserKind kind, const ChooserRequest& request);

// What the chooser's exit and output mean: a path, a cancel (nothing happens), or an error.
struct ChooserAnswer {
    enum Kind { Chosen, Cancelled, Failed } kind = Cancelled;
    std::string path;   // Chosen
    std::string error;  // Failed
};
ChooserAnswer parse_chooser_answer(ChooserKind kind, int exit_status, std::string_view output);

// Whether `program` is an executable file in one of PATH's folders.
bool on_path(std::string_view program, const char* path_variable);

}  // namespace actviz::files
