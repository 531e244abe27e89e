#include "app/session_ui.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "app/file_chooser.hpp"
#include "app/file_types.hpp"
#include "app/session_bridge.hpp"
#include "app/widgets.hpp"

namespace actviz::app {
namespace {

void open_dialog(SessionUiState& ui, SessionDialog dialog) {
    ui.dialog = dialog;
    ui.dialog_opening = true;
}

// The session's own folder when it has a file (else the chooser's first folder), and its name.
files::ChooserRequest session_request(const AppState& state, bool save) {
    files::ChooserRequest request;
    request.save = save;
    request.title = save ? "Save session as" : "Open session";
    request.filters = session_file_types();
    const std::string& path = state.session.path;
    if (!path.empty()) request.folder = files::parent_of(files::absolute_path(path, first_folder(state)));
    const std::size_t slash = path.find_last_of('/');
    request.suggested_name = path.empty() ? "session.actviz.json" : path.substr(slash == std::string::npos ? 0 : slash + 1);
    return request;
}

void ask_open(AppState& state) {
    FileRequest request;
    request.chooser = session_request(state, false);
    request.on_chosen = [](AppState& s, const std::string& path) { begin_opening(s, path); };
    ask_for_file(state, std::move(request));
}

}  // namespace

void ask_save_session_as(AppState& state) {
    FileRequest request;
    request.chooser = session_request(state, true);
    // What the unsaved-changes question held up (a quit, an open) follows the save.
    request.on_chosen = [](AppState& s, const std::string& path) { begin_saving(s, path); };
    request.on_cancelled = [](AppState& s) { s.session.pending = PendingAction::None; };  // e.g. a quit: the user stays
    ask_for_file(state, std::move(request));
}

namespace {

// Runs what waited for the unsaved-changes question (or nothing waited).
void run_pending(AppState& state, PendingAction action, const std::string& path) {
    state.session.pending = PendingAction::None;
    switch (action) {
        case PendingAction::New: new_session(state); break;
        case PendingAction::Open: ask_open(state); break;
        case PendingAction::OpenPath: begin_opening(state, path); break;
        case PendingAction::Quit: state.quit_requested = true; break;
        case PendingAction::None: break;
    }
}

// Runs `action` now, or first asks about unsaved changes.
void run_or_confirm(AppState& state, PendingAction action, const std::string& path = {}) {
    state.session.pending = action;
    state.session.pending_path = path;
    if (has_unsaved_changes(state)) {
        open_dialog(state.session, SessionDialog::ConfirmDiscard);
        return;
    }
    run_pending(state, action, path);
}

// A save off the UI thread that completed this frame: what waited for it follows a successful one
// (training may have gone on meanwhile: the user chose to save, so nothing is asked twice).
void finish_pending_save(AppState& state) {
    const std::optional<bool> saved = finish_saving(state);
    if (!saved) return;
    const PendingAction action = state.session.pending;
    if (*saved) {
        run_pending(state, action, state.session.pending_path);
    } else {
        state.session.pending = PendingAction::None;  // the error dialog says why; the user stays
    }
}

void save_or_ask(AppState& state) {
    if (state.session.path.empty()) {
        ask_save_session_as(state);
    } else {
        begin_saving(state, state.session.path);
    }
}

const char* dialog_title(SessionDialog dialog) {
    switch (dialog) {
        case SessionDialog::ConfirmDiscard: return "Unsaved changes";
        case SessionDialog::Error: return "Session not opened or saved";
        case SessionDialog::None: break;
    }
    return "";
}

void draw_confirm_dialog(AppState& state) {
    SessionUiState& ui = state.session;
    const std::string name = ui.path.empty() ? "This untitled session" : "'" + ui.path + "'";
    ImGui::Text("%s has changes that are not saved.", name.c_str());
    ImGui::TextUnformatted(ui.pending == PendingAction::Quit ? "Save them before quitting?" : "Save them before going on?");
    if (ui.pending == PendingAction::Quit && ui.remember_last) {
        ImGui::TextDisabled("Either way, the screen as it is now comes back at the next start.");
    }
    ImGui::Spacing();
    const float width = ImGui::GetFontSize() * 7;
    const auto go_on = [&] {
        const PendingAction action = ui.pending;
        const std::string path = ui.pending_path;
        ui.saved_fingerprint = session_fingerprint(state);  // the user chose: no second question
        ui.dialog = SessionDialog::None;
        ImGui::CloseCurrentPopup();
        run_or_confirm(state, action, path);
    };
    if (ImGui::Button("Save", ImVec2(width, 0))) {
        ui.dialog = SessionDialog::None;
        ImGui::CloseCurrentPopup();
        save_or_ask(state);  // the pending action follows a successful save (after Save As if untitled)
    }
    ImGui::SameLine();
    if (ImGui::Button(ui.pending == PendingAction::Quit ? "Quit without saving" : "Discard changes",
                      ImVec2(width * 1.8f, 0))) {
        go_on();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(width, 0)) || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) {
        ui.pending = PendingAction::None;
        ui.dialog = SessionDialog::None;
        ImGui::CloseCurrentPopup();
    }
}

void draw_error_dialog(AppState& state) {
    SessionUiState& ui = state.session;
    if (error_dialog_body(ui.error, "Nothing was changed: the session on screen is as it was.")) {
        ui.dialog = SessionDialog::None;
        ImGui::CloseCurrentPopup();
    }
}

}  // namespace

void draw_session_menu_items(AppState& state) {
    if (ImGui::MenuItem("New session")) run_or_confirm(state, PendingAction::New);
    if (ImGui::MenuItem("Open…", "Ctrl+O")) run_or_confirm(state, PendingAction::Open);
    if (ImGui::BeginMenu("Open recent", !state.session.recent.empty())) {
        const std::vector<std::string> recent = state.session.recent;  // opening reorders the list
        for (const std::string& path : recent) {
            if (ImGui::MenuItem(path.c_str())) run_or_confirm(state, PendingAction::OpenPath, path);
        }
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Save", "Ctrl+S")) save_or_ask(state);
    if (ImGui::MenuItem("Save as…")) ask_save_session_as(state);
    if (!state.session.path.empty()) ImGui::TextDisabled("%s", state.session.path.c_str());
}

void draw_session_dialogs(AppState& state) {
    finish_pending_save(state);
    SessionUiState& ui = state.session;
    if (ui.dialog == SessionDialog::None) return;
    const char* title = dialog_title(ui.dialog);
    if (ui.dialog_opening) {
        ImGui::OpenPopup(title);
        ui.dialog_opening = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x * 0.5f, viewport->Pos.y + viewport->Size.y * 0.4f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ui.dialog = SessionDialog::None;  // closed some other way
        return;
    }
    const SessionDialog shown = ui.dialog;
    switch (shown) {
        case SessionDialog::ConfirmDiscard: draw_confirm_dialog(state); break;
        case SessionDialog::Error: draw_error_dialog(state); break;
        case SessionDialog::None: break;
    }
    ImGui::EndPopup();
}

void request_quit(AppState& state) {
    SessionUiState& ui = state.session;
    if (ui.dialog == SessionDialog::ConfirmDiscard) return;  // the question is up already: answer it
    ui.dialog = SessionDialog::None;  // an error message gives way (its popup is not drawn again)
    const bool would_lose = !ui.path.empty() || !ui.remember_last;
    if (would_lose) run_or_confirm(state, PendingAction::Quit);
    else state.quit_requested = true;  // untitled: kept as the last session, restored at the next start
}

void open_session_path(AppState& state, const std::string& path) { run_or_confirm(state, PendingAction::OpenPath, path); }

void handle_session_shortcuts(AppState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    if (state.session.dialog != SessionDialog::None || file_chooser_busy(state) || !io.KeyCtrl) return;
    if (ImGui::IsKeyPressed(GLFW_KEY_S, false)) save_or_ask(state);
    if (ImGui::IsKeyPressed(GLFW_KEY_O, false)) run_or_confirm(state, PendingAction::Open);
}

}  // namespace actviz::app
