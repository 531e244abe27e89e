#include "app/data_ui.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstring>
#include <memory>

#include "app/export.hpp"
#include "app/file_chooser.hpp"
#include "app/file_types.hpp"
#include "app/file_job_progress.hpp"
#include "app/session_ui.hpp"
#include "app/widgets.hpp"
#include "files/atomic_file.hpp"
#include "files/bounded_read.hpp"
#include "settings/panels.hpp"

namespace actviz::app {
namespace {

void open_dialog(DataUiState& ui, DataDialog dialog) {
    ui.dialog = dialog;
    ui.dialog_opening = true;
}

void show_error(AppState& state, const std::string& message) {
    notify(state, message);
    state.data.error = message;
    open_dialog(state.data, DataDialog::Error);
}

std::string file_name(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool ends_with_ignoring_case(const std::string& text, std::string_view suffix) {
    if (text.size() < suffix.size()) return false;
    return std::equal(suffix.begin(), suffix.end(), text.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                      [](char wanted, char c) { return std::tolower(static_cast<unsigned char>(c)) == wanted; });
}

// [SECTION] Import and export, as they finish

// The whole file was read and checked: the Classifier and the Bake-off train on it from now on
// (both rebuild at their next sync). A failed import changes nothing.
void adopt_imported(AppState& state, const std::string& path, PointsCsvResult result) {
    if (!result.imported) {
        show_error(state, "Data not imported from '" + files::printable_path(path) + "': " + result.error);
        return;
    }
    const auto imported = std::make_shared<const ImportedData>(std::move(*result.imported));
    ClassifierSettings& classifier = state.classifier.settings;
    use_imported_data(classifier.data, imported);
    classifier.preset.clear();  // a lesson's words were about its own dataset
    classifier.view.paint_class = std::min(classifier.view.paint_class, classifier.data.classes - 1);
    use_imported_data(state.bakeoff.settings.contest.data, imported);
    const Dataset& d = imported->data;
    std::string message = "Imported " + imported->name + ": " + std::to_string(d.train.size() + d.test.size()) +
                          " points (" + std::to_string(d.train.size()) + " train, " + std::to_string(d.test.size()) +
                          " test), " + std::to_string(d.classes) + " classes, in the Classifier and the Bake-off";
    if (imported->rescale) message += "; rescaled " + describe_rescale(*imported->rescale);
    if (imported->beyond_plane) message += "; some lie beyond the plane shown (±1.6): double-click it to fit, or import rescaled";
    notify(state, message);
    // Where the points can be seen: the Classifier, unless a page that shows them is up already.
    const int classifier_page = settings::panel_index(settings::PanelId::Classifier);
    if (state.maximised_panel >= 0 && state.maximised_panel != classifier_page &&
        state.maximised_panel != settings::panel_index(settings::PanelId::Bakeoff)) {
        show_page(state, classifier_page);
    }
}

void finish_jobs(AppState& state) {
    if (auto done = state.importing.take()) adopt_imported(state, done->path, std::move(done->result));
    if (auto done = state.exporting.take()) {
        if (done->result.error) {
            show_error(state, "Data not exported to '" + files::printable_path(done->path) + "': " + *done->result.error);
        } else {
            notify(state, "Exported the Classifier's points to " + files::printable_path(done->path) + done->result.note);
        }
    }
}

// Files dropped since the last frame: the first one counts (one import or one open at a time).
void handle_dropped(AppState& state) {
    if (state.dropped_paths.empty()) return;
    const std::vector<std::string> dropped = std::move(state.dropped_paths);
    state.dropped_paths.clear();
    const std::string& path = dropped.front();
    const std::string more = dropped.size() > 1 ? " (" + std::to_string(dropped.size() - 1) + " more dropped files ignored)" : "";
    if (ends_with_ignoring_case(path, ".csv")) {
        begin_importing(state, path, state.data.rescale);
        if (!more.empty()) notify(state, "Importing " + files::printable_path(path) + more);
    } else if (ends_with_ignoring_case(path, ".json")) {
        open_session_path(state, path);
        if (!more.empty()) notify(state, "Opening " + files::printable_path(path) + more);
    } else {
        notify(state, "Dropped '" + files::printable_path(path) + "': drop a .csv of points to import, or a .json session to open");
    }
}

// [SECTION] Dialogs

const char* dialog_title(DataDialog dialog) {
    switch (dialog) {
        case DataDialog::Error: return "Data not imported or exported";
        case DataDialog::None: break;
    }
    return "";
}

void draw_rescale_option(AppState& state) {
    ImGui::Checkbox("Rescale into the plane", &state.data.rescale);
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("Centre the points and scale both axes by one factor so they span ±1.3, where the\n"
                          "generated datasets lie; the factor is shown. Also applies to dropped files.\n\n"
                          "The file: x,y,label a line (header optional); labels are integers (kept in order) or\n"
                          "names, 2 to 6 classes, up to 100000 points; a split column (train/test) is kept.");
    }
}

}  // namespace

void ask_import_data(AppState& state) {
    FileRequest request;
    request.chooser.title = "Import data";
    request.chooser.filters = points_file_types();
    request.on_chosen = [](AppState& s, const std::string& path) { begin_importing(s, path, s.data.rescale); };
    request.draw_options = draw_rescale_option;
    ask_for_file(state, std::move(request));
}

namespace {

void ask_export(AppState& state) {
    FileRequest request;
    request.chooser.save = true;
    request.chooser.title = "Export data";
    request.chooser.suggested_name = timestamped_name("points", "csv");
    request.chooser.filters = points_file_types();
    request.on_chosen = [](AppState& s, const std::string& path) { begin_exporting(s, path); };
    ask_for_file(state, std::move(request));
}

void draw_error_dialog(DataUiState& ui) {
    if (error_dialog_body(ui.error, "Nothing was changed: the points on screen are as they were.")) {
        ui.dialog = DataDialog::None;
        ImGui::CloseCurrentPopup();
    }
}

}  // namespace

void draw_data_menu_items(AppState& state) {
    if (ImGui::MenuItem("Import data…", nullptr, false, !state.importing.busy())) ask_import_data(state);
    ImGui::MenuItem("Rescale imported data into the plane", nullptr, &state.data.rescale);
    item_tooltip("Imported points (File > Import data, a dropped .csv) are centred and scaled by one factor to span ±1.3, "
                 "where the generated datasets lie.");
    if (ImGui::MenuItem("Export data…", nullptr, false, state.classifier.live.trainer() != nullptr && !state.exporting.busy())) {
        ask_export(state);
    }
}

void draw_data_dialogs(AppState& state) {
    handle_dropped(state);
    finish_jobs(state);
    if (state.importing.busy()) {
        draw_progress(state, state.importing, "Importing", "The points on screen stay as they are until the file is read and checked.",
                      true);
    }
    if (state.exporting.busy()) draw_progress(state, state.exporting, "Exporting", "What is written is the points as they were.", false);
    DataUiState& ui = state.data;
    if (ui.dialog == DataDialog::None) return;
    const char* title = dialog_title(ui.dialog);
    if (ui.dialog_opening) {
        ImGui::OpenPopup(title);
        ui.dialog_opening = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x * 0.5f, viewport->Pos.y + viewport->Size.y * 0.4f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ui.dialog = DataDialog::None;  // closed some other way
        return;
    }
    switch (ui.dialog) {
        case DataDialog::Error: draw_error_dialog(ui); break;
        case DataDialog::None: break;
    }
    ImGui::EndPopup();
}

namespace {

PointsCsvOptions import_options(const AppState& state, bool rescale) {
    PointsCsvOptions options;
    options.rescale = rescale;
    // A file without a split column is split as the Classifier splits generated points.
    options.test_ratio = state.classifier.settings.data.test_ratio;
    options.seed = static_cast<std::uint64_t>(std::max(state.classifier.settings.architecture.seed, 0));
    return options;
}

PointsCsvResult read_points_file(const std::string& path, const PointsCsvOptions& options) {
    std::string text;
    if (auto error = files::read_bounded(path, kMaxPointsFileBytes, "32 MiB (the most a points file may be)", text)) {
        return PointsCsvResult{std::nullopt, *error};
    }
    return read_points_csv(text, file_name(path), options);
}

}  // namespace

void begin_importing(AppState& state, const std::string& path, bool rescale) {
    const PointsCsvOptions options = import_options(state, rescale);
    state.importing.start(path, [path, options] { return read_points_file(path, options); });
}

bool import_data_now(AppState& state, const std::string& path, bool rescale) {
    PointsCsvResult result = read_points_file(path, import_options(state, rescale));
    const bool ok = result.imported.has_value();
    adopt_imported(state, path, std::move(result));
    return ok;
}

void begin_exporting(AppState& state, const std::string& path) {
    const Trainer* trainer = state.classifier.live.trainer();
    if (!trainer) return;
    // Captured now (a copy of the points: 2.4 MB at 100,000), formatted with the write off the UI
    // thread (tens of milliseconds at that size): training may go on meanwhile.
    const Dataset& data = trainer->data();
    auto points = std::make_shared<const Dataset>(data);
    // A class whose points were all erased has no line to carry it: the file imports with fewer classes.
    std::vector<bool> present(static_cast<std::size_t>(data.classes), false);
    for (const auto* set : {&data.train, &data.test}) {
        for (const Point& p : *set) {
            if (p.label >= 0 && p.label < data.classes) present[static_cast<std::size_t>(p.label)] = true;
        }
    }
    std::string note;
    for (int k = 0; k < data.classes; ++k) {
        if (!present[static_cast<std::size_t>(k)]) note += (note.empty() ? "; no points left in class " : ", ") + std::to_string(k);
    }
    if (!note.empty()) note += " (the file imports with the classes that have points)";
    state.exporting.start(path, [path, points, note] {
        return ExportedPoints{files::write_file_atomically(path, write_points_csv(*points)), note};
    });
}

void on_files_dropped(AppState& state, int count, const char** paths) {
    for (int i = 0; i < count; ++i) {
        if (paths[i]) state.dropped_paths.emplace_back(paths[i]);
    }
}

}  // namespace actviz::app
