#include "app/file_chooser.hpp"

#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "app/widgets.hpp"
#include "files/atomic_file.hpp"

namespace actviz::app {
namespace {

constexpr std::size_t kMaxRecentFolders = 8;

std::string current_folder() {
    std::error_code error;
    const std::filesystem::path here = std::filesystem::current_path(error);
    return error ? std::string("/") : here.string();
}

// Takes the request out before calling back: what follows may ask another question.
void answer(AppState& state, const std::string* path) {
    FileRequest request = std::move(*state.chooser.request);
    state.chooser.request.reset();
    state.chooser.desktop.reset();
    if (path) {
        remember_folder(state.chooser, *path);
        if (request.on_chosen) request.on_chosen(state, *path);
    } else if (request.on_cancelled) {
        request.on_cancelled(state);
    }
}

void open_builtin(AppState& state) {
    open_file_browser(state.chooser.browser, state.chooser.request->chooser, state.chooser.request->chooser.folder);
}

void poll_desktop(AppState& state) {
    FileChooserState& chooser = state.chooser;
    // Frames keep coming while it is up, slowly when idle: soon enough to see the answer.
    state.requests.wake_within_s = std::min(state.requests.wake_within_s, 0.1);
    if (!chooser.desktop->poll()) return;
    const files::ChooserAnswer answered =
        files::parse_chooser_answer(chooser.kind, chooser.desktop->exit_status(), chooser.desktop->output());
    switch (answered.kind) {
        case files::ChooserAnswer::Chosen: answer(state, &answered.path); break;
        case files::ChooserAnswer::Cancelled: answer(state, nullptr); break;
        case files::ChooserAnswer::Failed:
            // Still a question to answer: the in-app browser asks it instead.
            notify(state, answered.error + "; the in-app file browser asks instead");
            chooser.desktop.reset();
            open_builtin(state);
            break;
    }
}

}  // namespace

void ask_for_file(AppState& state, FileRequest request) {
    FileChooserState& chooser = state.chooser;
    if (chooser.request) {
        notify(state, "A file chooser is open already: answer it first");
        return;
    }
    if (!chooser.note.empty()) notify(state, std::exchange(chooser.note, {}));
    if (request.chooser.folder.empty()) request.chooser.folder = first_folder(state);
    chooser.request = std::move(request);
    if (chooser.kind == files::ChooserKind::Builtin) {
        open_builtin(state);
        return;
    }
    chooser.desktop = std::make_unique<files::ChildProcess>();
    const std::string error = chooser.desktop->start(files::chooser_command(chooser.kind, chooser.request->chooser));
    if (!error.empty()) {
        notify(state, error + "; the in-app file browser asks instead");
        chooser.desktop.reset();
        open_builtin(state);
    }
}

void draw_file_chooser(AppState& state) {
    FileChooserState& chooser = state.chooser;
    if (!chooser.request) return;
    if (chooser.desktop) {
        poll_desktop(state);
        return;
    }
    const auto& options = chooser.request->draw_options;
    const BrowserOutcome outcome = draw_file_browser(chooser.browser, chooser.recent_folders,
                                                     options ? std::function<void()>([&] { options(state); }) : nullptr);
    if (outcome.kind == BrowserOutcome::Chosen) answer(state, &outcome.path);
    else if (outcome.kind == BrowserOutcome::Cancelled) answer(state, nullptr);
}

bool file_chooser_busy(const AppState& state) { return state.chooser.request.has_value(); }

void draw_file_chooser_setting(AppState& state) {
    const files::ChooserEnvironment environment = files::current_chooser_environment();
    ImGui::TextDisabled("File chooser");
    struct Option {
        files::ChooserKind kind;
        const char* label;
        bool available;
    };
    const Option options[] = {
        {files::ChooserKind::Builtin, "In-app file browser", true},
        {files::ChooserKind::Zenity, "zenity (GNOME, GTK)", environment.has_zenity && environment.has_display},
        {files::ChooserKind::Kdialog, "kdialog (KDE, Qt)", environment.has_kdialog && environment.has_display},
    };
    for (const Option& option : options) {
        if (ImGui::MenuItem(option.label, nullptr, state.chooser.kind == option.kind, option.available && !state.chooser.request)) {
            state.chooser.kind = option.kind;
        }
    }
    item_tooltip("Where File > Open, Save as, Import data, Export data and the screenshots ask for a path. "
                 "At start: ACTVIZ_FILE_CHOOSER=builtin|zenity|kdialog|auto (auto: the desktop's own when installed).");
}

std::string first_folder(const AppState& state) {
    for (const std::string& folder : state.chooser.recent_folders) {
        std::error_code error;
        if (std::filesystem::is_directory(folder, error)) return folder;
    }
    return current_folder();
}

void remember_folder(FileChooserState& chooser, const std::string& path) {
    const std::string folder = files::parent_of(files::absolute_path(path, current_folder()));
    if (folder.find('\n') != std::string::npos) return;  // recent-folders.txt holds one a line
    std::erase(chooser.recent_folders, folder);
    chooser.recent_folders.insert(chooser.recent_folders.begin(), folder);
    if (chooser.recent_folders.size() > kMaxRecentFolders) chooser.recent_folders.resize(kMaxRecentFolders);
}

void load_recent_folders(FileChooserState& chooser, const std::string& state_folder) {
    std::ifstream in(state_folder + "/recent-folders.txt");
    std::string line;
    while (std::getline(in, line) && chooser.recent_folders.size() < kMaxRecentFolders) {
        if (!line.empty() && line.front() == '/' && line.size() < 4096) chooser.recent_folders.push_back(line);
    }
}

void save_recent_folders(const FileChooserState& chooser, const std::string& state_folder) {
    std::string text;
    for (const std::string& folder : chooser.recent_folders) text += folder + "\n";
    files::write_file_atomically(state_folder + "/recent-folders.txt", text);
}

}  // namespace actviz::app
