#include "app/chrome.hpp"

#include "core/custom_activation.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <unistd.h>

#include <algorithm>
#include <string>

#include "app/activation_link_ui.hpp"
#include "app/data_ui.hpp"
#include "app/export.hpp"
#include "app/file_chooser.hpp"
#include "app/file_types.hpp"
#include "app/guide_window.hpp"
#include "app/hinge_window.hpp"
#include "app/panel_registry.hpp"
#include "app/session_bridge.hpp"
#include "app/session_ui.hpp"
#include "app/widgets.hpp"
#include "app/zoom.hpp"

namespace actviz::app {
namespace {

struct Shortcut {
    const char* keys;
    const char* action;
};
constexpr Shortcut kShortcuts[] = {
    {"F12", "save a screenshot of the window (PNG, current folder; File > Screenshot… asks where)"},
    {"Ctrl+S / Ctrl+O", "save / open the session (every panel's settings, points, weights, history)"},
    {"Drop a file on the window", ".csv: import its points (File > Import data); .json: open the session"},
    {"Space", "Classifier: play / pause training"},
    {"S", "Classifier: one training step"},
    {"R", "Classifier: reset the weights (hand-edited points kept)"},
    {"Ctrl+Q", "quit"},
    {"F1", "show this list"},
    {"Ctrl+1 … Ctrl+5", "show one panel: Activations, Softmax, Gradient flow, Classifier, Bake-off"},  // kPanelNames
    {"Ctrl+0", "all panels, tiled"},
    {"Ctrl+= / Ctrl+−", "zoom in / out (fonts and spacing, 75–200%; View > Zoom)"},
    {"Double-click a panel title", "that panel alone / back to all panels"},
    {"Chart: drag, wheel", "pan, zoom (Shift: x only, Ctrl: y only)"},
    {"Chart: double-click", "fit to the data; right-click for more (export its data as CSV)"},
    {"Chart legend: click", "hide or show that curve"},
    {"Ctrl+click a slider", "type an exact value"},
    {"Mouse wheel", "scroll a panel"},
};

constexpr ImGuiWindowFlags kBarFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus;

// One "page" per panel, plus all of them tiled, switched from the menu bar like tabs; in a window
// too narrow for the tabs (1024 px at a large zoom), one menu named after the page shown.
void draw_page_switcher(AppState& state) {
    const float gap = ImGui::GetFontSize() * 2, padding = ImGui::GetStyle().FramePadding.x * 2;
    const auto tab_width = [&](const char* title) { return ImGui::CalcTextSize(title).x + padding; };
    float tabs = gap + ImGui::CalcTextSize("|").x + tab_width("All panels");
    for (int i = 0; i < kPanelCount; ++i) tabs += tab_width(panel_title(i)) + ImGui::GetStyle().ItemSpacing.x;
    const float guide = gap + ImGui::CalcTextSize("|").x + tab_width("Which activation?");
    const float room = ImGui::GetContentRegionAvail().x;
    ImGui::SameLine(0, gap);
    ImGui::TextDisabled("|");
    if (tabs > room) {
        const char* shown = state.maximised_panel >= 0 ? panel_title(state.maximised_panel) : "All panels";
        if (ImGui::BeginMenu((std::string(shown) + " \xE2\x96\xBE###page").c_str())) {  // ▾
            for (int i = 0; i < kPanelCount; ++i) {
                if (ImGui::MenuItem(panel_title(i), nullptr, state.maximised_panel == i)) show_page(state, i);
            }
            if (ImGui::MenuItem("All panels", nullptr, state.maximised_panel < 0)) state.maximised_panel = -1;
            ImGui::EndMenu();
        }
        return;  // the guide stays in Help > Choosing an activation
    }
    for (int i = 0; i < kPanelCount; ++i) {
        const char* title = panel_title(i);
        if (ImGui::Selectable(title, state.maximised_panel == i, ImGuiSelectableFlags_None, ImVec2(tab_width(title), 0))) {
            show_page(state, i);
        }
    }
    if (ImGui::Selectable("All panels", state.maximised_panel < 0, ImGuiSelectableFlags_None, ImVec2(tab_width("All panels"), 0))) {
        state.maximised_panel = -1;
    }
    if (tabs + guide > room) return;  // the guide stays in Help > Choosing an activation
    // The guide, one click from every page.
    ImGui::SameLine(0, gap);
    ImGui::TextDisabled("|");
    if (ImGui::Selectable("Which activation?", state.show_guide, ImGuiSelectableFlags_None, ImVec2(tab_width("Which activation?"), 0))) {
        state.show_guide = !state.show_guide;
    }
}

// View > Zoom and Ctrl+= / Ctrl+−: applied between frames (app.cpp), remembered for the next start.
void set_zoom(AppState& state, int percent) {
    percent = std::clamp(percent, kMinZoom, kMaxZoom);
    if (percent == state.ui_scale.zoom) return;
    state.ui_scale.zoom = percent;
    if (const auto folder = state_folder(); folder && state.session.remember_last) remember_zoom(*folder, percent);
    notify(state, "Zoom " + std::to_string(percent) + "%");
}

void draw_zoom_menu(AppState& state) {
    if (!ImGui::BeginMenu("Zoom")) return;
    if (ImGui::MenuItem("Zoom in", "Ctrl+=", false, state.ui_scale.zoom < kMaxZoom)) set_zoom(state, zoom_in(state.ui_scale.zoom));
    if (ImGui::MenuItem("Zoom out", "Ctrl+-", false, state.ui_scale.zoom > kMinZoom)) set_zoom(state, zoom_out(state.ui_scale.zoom));
    ImGui::Separator();
    for (int step : kZoomSteps) {
        const std::string label = std::to_string(step) + "%";
        if (ImGui::MenuItem(label.c_str(), nullptr, state.ui_scale.zoom == step)) set_zoom(state, step);
    }
    ImGui::EndMenu();
}

}  // namespace

void handle_shortcuts(AppState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    // ImGui 1.86's GLFW backend stores key state under GLFW key codes.
    if (ImGui::IsKeyPressed(GLFW_KEY_F12, false)) state.screenshot_requested = true;
    if (ImGui::IsKeyPressed(GLFW_KEY_F1, false)) state.show_shortcuts = !state.show_shortcuts;
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false)) request_quit(state);
    // Ctrl+1, Ctrl+2, … open the panels' pages in registry order, Ctrl+0 tiles them all.
    for (int i = 0; i < kPanelCount && io.KeyCtrl; ++i) {
        if (ImGui::IsKeyPressed(GLFW_KEY_1 + i, false)) show_page(state, i);
    }
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_0, false)) state.maximised_panel = -1;
    // Ctrl+= (Ctrl++ on most layouts is the same key), the keypad's + and −.
    if (io.KeyCtrl && (ImGui::IsKeyPressed(GLFW_KEY_EQUAL, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD, false)))
        set_zoom(state, zoom_in(state.ui_scale.zoom));
    if (io.KeyCtrl && (ImGui::IsKeyPressed(GLFW_KEY_MINUS, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT, false)))
        set_zoom(state, zoom_out(state.ui_scale.zoom));
    handle_session_shortcuts(state);
    // Ctrl+Z undoes a weight edit of the Classifier's network diagram, when its page is on screen and
    // no text box has the keyboard (a text box has its own Ctrl+Z).
    if (!io.WantTextInput && panel_on_screen(state, settings::panel_index(settings::PanelId::Classifier))) handle_classifier_undo(state.classifier);
    // A panel's own keys, when it is on screen and no text box or dialog has the keyboard.
    if (io.KeyCtrl || io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    for (int i = 0; i < kPanelCount; ++i) {
        const PanelEntry& panel = kPanelRegistry[static_cast<std::size_t>(i)];
        if (panel_on_screen(state, i) && panel.handle_keys) panel.handle_keys(state);
    }
}

namespace {

// File > Screenshot… and Screenshot of one panel: where, then the picture a frame later.
void ask_screenshot(AppState& state, int panel) {
    FileRequest request;
    request.chooser.save = true;
    request.chooser.title = panel >= 0 ? std::string("Screenshot of ") + panel_title(panel) : "Screenshot";
    request.chooser.suggested_name = timestamped_name(panel >= 0 ? panel_title(panel) : "", "png");
    request.chooser.filters = png_file_types();
    request.on_chosen = [panel](AppState& s, const std::string& path) { s.screenshot_to = AppState::ScreenshotRequest{path, panel}; };
    ask_for_file(state, std::move(request));
}

// Settings > Memory budget: what a computation may allocate before it is refused with its
// estimate. For this run (at start: --memory-budget); between 16 MiB and the machine's memory.
void draw_memory_budget_setting(AppState& state) {
    const double gib = 1024.0 * 1024.0 * 1024.0;
    const double machine = static_cast<double>(sysconf(_SC_PHYS_PAGES)) * static_cast<double>(sysconf(_SC_PAGESIZE));
    const double lo = static_cast<double>(kMinMemoryBudget) / gib;
    const double hi = std::max(machine > 0 ? machine / gib : 64.0, static_cast<double>(state.memory_budget) / gib);
    double budget = static_cast<double>(state.memory_budget) / gib;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (checked_slider("memory budget", &budget, lo, hi, "%.3g GiB", ImGuiSliderFlags_Logarithmic)) {
        state.memory_budget = static_cast<std::size_t>(budget * gib);
    }
    item_tooltip("Every computation is estimated before it runs: gradient flow, training, the bake-off. "
                 "Above this budget it is refused with its estimate instead of being attempted. "
                 "At start: --memory-budget (default 2 GiB).");
}

}  // namespace

float draw_main_menu(AppState& state) {
    if (!ImGui::BeginMainMenuBar()) return 0.0f;
    if (ImGui::BeginMenu("File")) {
        draw_session_menu_items(state);
        ImGui::Separator();
        draw_data_menu_items(state);
        ImGui::Separator();
        if (ImGui::MenuItem("Screenshot…")) ask_screenshot(state, -1);
        if (ImGui::BeginMenu("Screenshot of one panel")) {
            for (int i = 0; i < kPanelCount; ++i) {
                if (ImGui::MenuItem(panel_title(i), nullptr, false, state.panel_rects[i][2] > 0)) ask_screenshot(state, i);
            }
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Export weights as JSON…", nullptr, false, state.classifier.live.trainer() != nullptr)) {
            export_weights(state);
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) request_quit(state);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        for (int i = 0; i < kPanelCount; ++i) {
            const std::string keys = "Ctrl+" + std::to_string(i + 1);  // as handle_shortcuts reads them
            if (ImGui::MenuItem(panel_title(i), keys.c_str(), state.maximised_panel == i)) show_page(state, i);
        }
        if (ImGui::MenuItem("All panels, tiled", "Ctrl+0", state.maximised_panel < 0)) state.maximised_panel = -1;
        ImGui::Separator();
        draw_zoom_menu(state);
        ImGui::Separator();
        ImGui::TextDisabled("In the tiled layout");
        for (int i = 0; i < kPanelCount; ++i) ImGui::MenuItem(panel_title(i), nullptr, &state.panel_visible[i]);
        if (ImGui::MenuItem("Show all panels")) state.panel_visible.fill(true);
        ImGui::Separator();
        draw_link_menu_item(state);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Activations")) {
        if (ImGui::MenuItem("Type a formula…")) open_formula_editor(state.formula_editor);
        const auto typed = custom_activations();
        if (!typed.empty()) {
            ImGui::Separator();
            ImGui::TextDisabled("Change");
            for (const Activation* a : typed)
                if (ImGui::MenuItem(std::string(a->display).c_str())) open_formula_editor(state.formula_editor, a);
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Settings")) {
        draw_memory_budget_setting(state);
        ImGui::Separator();
        draw_file_chooser_setting(state);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Choosing an activation")) state.show_guide = true;
        if (ImGui::MenuItem("ReLU networks are piecewise linear")) state.hinges.open = true;
        if (ImGui::MenuItem("Keyboard shortcuts", "F1")) state.show_shortcuts = true;
        if (ImGui::MenuItem("About actviz")) state.show_about = true;
        ImGui::EndMenu();
    }
    draw_page_switcher(state);
    const float height = ImGui::GetWindowSize().y;
    ImGui::EndMainMenuBar();
    return height;
}

namespace {

// Where a training frame's time goes (medians), so a slow frame can be blamed on the right part.
void draw_training_breakdown(const FrameBreakdown& breakdown) {
    ImGui::SameLine(0.0f, ImGui::GetFontSize() * 2.0f);
    ImGui::TextDisabled("classifier:");
    for (int i = 0; i < kFramePhaseCount; ++i) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s %.2f%s", kFramePhaseNames[i], breakdown.median(static_cast<FramePhase>(i)),
                            i + 1 < kFramePhaseCount ? " ·" : " ms");
    }
}

}  // namespace

float draw_status_bar(AppState& state) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float height = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y;
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x, viewport->Pos.y + viewport->Size.y - height));
    ImGui::SetNextWindowSize(ImVec2(viewport->Size.x, height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetStyle().WindowPadding.x, 4.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    if (ImGui::Begin("##status", nullptr, kBarFlags)) {
        const FrameStats& stats = state.times.stats;
        // Idle, the loop sleeps until input: a frame rate of 1 (the clock's wake-up) would read as a slow app.
        if (state.times.idle)
            ImGui::Text("idle    frame %5.2f ms   worst %5.2f ms", stats.work_milliseconds(), stats.worst_work_milliseconds());
        else
            ImGui::Text("%5.1f fps   frame %5.2f ms   worst %5.2f ms", stats.frames_per_second(), stats.work_milliseconds(),
                        stats.worst_work_milliseconds());
        // While the Classifier trains on screen (it trains only where it is drawn).
        if (state.classifier.settings.run.playing && panel_on_screen(state, settings::panel_index(settings::PanelId::Classifier)))
            draw_training_breakdown(state.classifier.live.breakdown());
        if (!state.status.message.empty() && ImGui::GetTime() - state.status.time < 8.0) {
            ImGui::SameLine(0.0f, ImGui::GetFontSize() * 2.0f);
            ImGui::TextUnformatted(state.status.message.c_str());
            if (state.status.recent.size() > 1 && ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::TextDisabled("Recent messages, newest first");
                for (auto m = state.status.recent.rbegin(); m != state.status.recent.rend(); ++m) ImGui::TextUnformatted(m->c_str());
                ImGui::EndTooltip();
            }
        }
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    return height;
}

void draw_dialogs(AppState& state) {
    draw_session_dialogs(state);
    draw_data_dialogs(state);
    draw_file_chooser(state);
    draw_guide_window(state);
    draw_hinge_window(state.hinges, state.requests.animating);
    draw_formula_window(state);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 centre(viewport->Pos.x + viewport->Size.x * 0.5f, viewport->Pos.y + viewport->Size.y * 0.5f);
    if (state.show_about) {
        ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        if (ImGui::Begin("About actviz", &state.show_about,
                         ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
            ImGui::Text("actviz %s", ACTVIZ_VERSION);
            ImGui::TextUnformatted("See activation functions and gradient flow.");
            ImGui::Separator();
            ImGui::TextDisabled("Renderer: %s", state.gl_description.c_str());
            ImGui::TextDisabled("Dear ImGui %s", IMGUI_VERSION);
            if (!state.fonts.has_greek) ImGui::TextDisabled("Font: ImGui built-in (install fonts-dejavu-core)");
        }
        ImGui::End();
    }
    if (state.show_shortcuts) {
        ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        if (ImGui::Begin("Keyboard shortcuts", &state.show_shortcuts,
                         ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
            if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
                for (const Shortcut& shortcut : kShortcuts) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(shortcut.keys);
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(shortcut.action);
                }
                ImGui::EndTable();
            }
        }
        ImGui::End();
    }
}

}  // namespace actviz::app
