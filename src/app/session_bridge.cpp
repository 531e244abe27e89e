#include "app/session_bridge.hpp"

#include "core/custom_activation.hpp"

#include <imgui.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <memory>

#include "app/file_chooser.hpp"
#include "app/file_job_progress.hpp"
#include "app/panel_registry.hpp"
#include "files/atomic_file.hpp"
#include "session/session_file.hpp"
#include "session/session_state.hpp"

namespace actviz::app {
namespace {

constexpr std::size_t kMaxRecent = 8;

std::string page_id(int maximised_panel) {
    return maximised_panel >= 0 && maximised_panel < kPanelCount ? std::string(kPanelNames[static_cast<std::size_t>(maximised_panel)].id)
                                                                 : "all";
}

void add_recent(SessionUiState& ui, const std::string& path) {
    std::erase(ui.recent, path);
    ui.recent.insert(ui.recent.begin(), path);
    if (ui.recent.size() > kMaxRecent) ui.recent.resize(kMaxRecent);
}

void show_error(AppState& state, const std::string& message) {
    notify(state, message);
    state.session.error = message;
    state.session.dialog = SessionDialog::Error;
    state.session.dialog_opening = true;
}

}  // namespace

session::Session capture_session(const AppState& state) {
    session::Session s;
    s.page = page_id(state.maximised_panel);
    for (int i = 0; i < kPanelCount; ++i) {
        if (!state.panel_visible[i]) s.panel_visible[std::string(kPanelNames[static_cast<std::size_t>(i)].id)] = false;
    }
    s.link_activations = state.activation_link.on;
    for (const Activation* typed : custom_activations()) s.custom_activations.push_back(typed->custom->spec);
    for (const PanelEntry& panel : kPanelRegistry) panel.capture(state, s);
    return s;
}

void apply_session(AppState& state, session::LoadedSession loaded) {
    const session::Session& s = loaded.session;
    // Its formulas join the lists only now that it is adopted (superseding same-named ones).
    for (const Activation* defined : s.defined_activations) publish_custom_activation(*defined);
    state.maximised_panel = -1;
    for (int i = 0; i < kPanelCount; ++i) {
        const std::string id(kPanelNames[static_cast<std::size_t>(i)].id);
        if (s.page == id) state.maximised_panel = i;
        const auto found = s.panel_visible.find(id);
        state.panel_visible[i] = found == s.panel_visible.end() || found->second;
    }
    state.activation_link = ActivationLink();
    state.activation_link.on = s.link_activations;  // the classifier's choice leads at the next sync
    for (const PanelEntry& panel : kPanelRegistry) panel.apply(state, loaded);
}

namespace {

// The fingerprint of a captured session's work (its classifier state is set aside meanwhile, not
// copied). A classifier state that is just what the settings build counts as none: looking at the
// Classifier page builds one, and looking is no change.
std::uint64_t fingerprint_of(session::Session& s, bool classifier_as_built) {
    std::uint64_t extra = 0;
    std::optional<session::ClassifierState> state = std::move(s.classifier_state);
    s.classifier_state.reset();
    if (state && !classifier_as_built) {
        // The state's bulk (points, weights, history) summarised: steps and sizes change with
        // training and editing; the weights' bytes catch the rest (a reset at the same step count).
        const TrainerState& t = state->trainer;
        extra = static_cast<std::uint64_t>(t.steps) * 1000003u + state->data.train.size() * 7919u + state->data.test.size();
        extra ^= std::hash<std::string_view>{}(std::string_view(reinterpret_cast<const char*>(t.parameters.data()),
                                                                sizeof(double) * static_cast<std::size_t>(t.parameters.size())));
    }
    // The page shown and the panels hidden are where the user looks, not their work: looking around
    // is no unsaved change (they are still saved, and kept in last.json).
    std::string page = std::move(s.page);
    std::map<std::string, bool> visible = std::move(s.panel_visible);
    s.page.clear(), s.panel_visible.clear();
    // Imported points (up to 100,000 in each of two panels) are summarised by the import itself:
    // immutable and shared, so a new import is a new object.
    std::shared_ptr<const ImportedData> imported[] = {std::move(s.classifier.data.imported),
                                                      std::move(s.bakeoff.contest.data.imported)};
    s.classifier.data.imported.reset(), s.bakeoff.contest.data.imported.reset();
    for (const auto& points : imported) extra = extra * 31 + std::hash<const void*>{}(points.get());
    // The settings are small without them: their text is the simplest exact summary.
    const std::uint64_t settings = std::hash<std::string>{}(session::to_json_text(s));
    s.classifier.data.imported = std::move(imported[0]), s.bakeoff.contest.data.imported = std::move(imported[1]);
    s.classifier_state = std::move(state);
    s.page = std::move(page), s.panel_visible = std::move(visible);
    return settings ^ (extra * 0x9e3779b97f4a7c15ull);
}

}  // namespace

std::uint64_t session_fingerprint(const AppState& state) {
    session::Session s = capture_session(state);
    return fingerprint_of(s, state.classifier.live.as_built_from_settings());
}

bool has_unsaved_changes(const AppState& state) { return session_fingerprint(state) != state.session.saved_fingerprint; }

namespace {

// What opening does once the file is read, checked and its trainer rebuilt, however it was read.
bool adopt_opened(AppState& state, const std::string& path, session::ParseResult result) {
    if (!result.loaded) {
        show_error(state, result.error);
        return false;
    }
    apply_session(state, std::move(*result.loaded));
    state.session.path = path;
    add_recent(state.session, path);
    state.session.saved_fingerprint = session_fingerprint(state);
    notify(state, "Opened " + path);
    return true;
}

SavedSession write_session(const std::string& path, const session::Session& s, std::uint64_t fingerprint) {
    SavedSession saved;
    saved.fingerprint = fingerprint;
    saved.error = session::save_session_file(path, s, session::kMaxSessionBytes, &saved.kept_every);
    return saved;
}

// What saving does once the file is written, however it was written.
bool adopt_saved(AppState& state, const std::string& path, const SavedSession& saved) {
    if (saved.error) {
        show_error(state, *saved.error);
        return false;
    }
    state.session.path = path;
    add_recent(state.session, path);
    state.session.saved_fingerprint = saved.fingerprint;  // what was written: later edits stay unsaved
    notify(state, saved.kept_every > 1 ? "Saved " + path + " (training history thinned to every " +
                                             std::to_string(saved.kept_every) + "th record to stay under 64 MiB)"
                                       : "Saved " + path);
    return true;
}

}  // namespace

bool open_session(AppState& state, const std::string& path) {
    return adopt_opened(state, path, session::load_session_file(path));
}

void begin_opening(AppState& state, const std::string& path) {
    state.opening.start(path, [path] { return session::load_session_file(path); });
}

void finish_opening(AppState& state) {
    if (auto opened = state.opening.take()) adopt_opened(state, opened->path, std::move(opened->result));
}

bool save_session(AppState& state, const std::string& path) {
    session::Session s = capture_session(state);
    const std::uint64_t fingerprint = fingerprint_of(s, state.classifier.live.as_built_from_settings());
    return adopt_saved(state, path, write_session(path, s, fingerprint));
}

void begin_saving(AppState& state, const std::string& path) {
    // Shared, not copied again: the job must be copyable (std::function), the session can be large.
    auto s = std::make_shared<session::Session>(capture_session(state));
    const std::uint64_t fingerprint = fingerprint_of(*s, state.classifier.live.as_built_from_settings());
    state.saving.start(path, [path, s, fingerprint] { return write_session(path, *s, fingerprint); });
}

std::optional<bool> finish_saving(AppState& state) {
    if (auto saved = state.saving.take()) return adopt_saved(state, saved->path, saved->result);
    return std::nullopt;
}

void draw_file_progress(AppState& state) {
    if (state.opening.busy()) {
        draw_progress(state, state.opening, "Opening",
                      "The session on screen stays as it is until the file is read and checked.", true);
    }
    if (state.saving.busy()) {
        draw_progress(state, state.saving, "Saving", "You can go on working: what is saved is the session as it was.",
                      false);
    }
}

void new_session(AppState& state) {
    session::LoadedSession defaults;  // the settings' own defaults, as at first start (named: GCC 12
    apply_session(state, std::move(defaults));  // warns falsely about a temporary's vector)
    state.session.path.clear();
    state.session.saved_fingerprint = session_fingerprint(state);
    notify(state, "New session");
}

std::optional<std::string> state_folder() {
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg == '/') return std::string(xdg) + "/actviz";
    if (const char* home = std::getenv("HOME"); home && *home == '/') return std::string(home) + "/.local/state/actviz";
    return std::nullopt;
}

void load_remembered(AppState& state) {
    const auto folder = state_folder();
    if (!folder) return;
    load_recent_folders(state.chooser, *folder);
    std::ifstream in(*folder + "/recent.txt");
    std::string line;
    while (std::getline(in, line) && state.session.recent.size() < kMaxRecent) {
        if (!line.empty() && line.size() < 4096) state.session.recent.push_back(line);
    }
}

bool restore_last_session(AppState& state) {
    const auto folder = state_folder();
    if (!folder) return false;
    const std::string last = *folder + "/last.json";
    struct stat info {};
    if (::stat(last.c_str(), &info) != 0) return false;  // first start: nothing to restore
    session::ParseResult result = session::load_session_file(last);
    if (!result.loaded) {
        // Kept aside, never overwritten by the defaults this run will save on quit: the user (or a
        // later actviz) may still recover it.
        const std::string aside = files::first_free_name(last + ".bad");
        const bool kept = std::rename(last.c_str(), aside.c_str()) == 0;
        notify(state, "The last session was not restored (" + result.error + ")" +
                          (kept ? "; it is kept as " + files::printable_path(aside) : ""));
        return false;
    }
    state.window = result.loaded->session.window;  // the frame loop puts the window back there
    apply_session(state, std::move(*result.loaded));
    state.session.saved_fingerprint = session_fingerprint(state);
    return true;
}

void remember_on_exit(AppState& state) {
    const auto folder = state_folder();
    if (!folder || !files::make_folders(*folder)) return;
    session::Session last = capture_session(state);
    last.window = state.window;  // only here: a session saved to a file opens alike on every screen
    if (auto error = session::save_session_file(*folder + "/last.json", last)) {
        std::fprintf(stderr, "actviz: the session could not be kept for next time: %s\n", error->c_str());
    }
    std::string recent;
    for (const std::string& path : state.session.recent) recent += path + "\n";
    files::write_file_atomically(*folder + "/recent.txt", recent);
    save_recent_folders(state.chooser, *folder);
}

}  // namespace actviz::app
