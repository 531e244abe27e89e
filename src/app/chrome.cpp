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
#include "app/guide_window.hpp"
#include "app/hinge_window.hpp"
#include "app/panel_registry.hpp"
#include "app/session_ui.hpp"
#include "app/widgets.hpp"

namespace actviz::app {
namespace {

struct Shortcut {
    const char* keys;
    const char* action;
};
constexpr Shortcut kShortcuts[] = {
    {"F12", "save a screenshot of the window (PNG, current folder)"},
    {"Ctrl+S / Ctrl+O", "save / open the session (every panel's settings, points, weights, history)"},
    {"Drop a file on the window", ".csv: import its points (File > Import data); .json: open the session"},
    {"Space", "Classifier: play / pause training"},
    {"S", "Classifier: one training step"},
    {"R", "Classifier: reset the weights (hand-edited points kept)"},
    {"Ctrl+Q", "quit"},
    {"F1", "show this list"},
    {"Ctrl+1 … Ctrl+5", "show one panel: Activations, Softmax, Gradient flow, Classifier, Bake-off"},  // kPanelNames
    {"Ctrl+0", "all panels, tiled"},
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

// One "page" per panel, plus all of them tiled, switched from the menu bar like tabs.
void draw_page_switcher(AppState& state) {
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    ImGui::TextDisabled("|");
    for (int i = 0; i < kPanelCount; ++i) {
        const char* title = panel_title(i);
        const float width = ImGui::CalcTextSize(title).x + ImGui::GetStyle().FramePadding.x * 2;
        if (ImGui::Selectable(title, state.maximised_panel == i, ImGuiSelectableFlags_None, ImVec2(width, 0))) {
            show_page(state, i);
        }
    }
    const float width = ImGui::CalcTextSize("All panels").x + ImGui::GetStyle().FramePadding.x * 2;
    if (ImGui::Selectable("All panels", state.maximised_panel < 0, ImGuiSelectableFlags_None, ImVec2(width, 0))) {
        state.maximised_panel = -1;
    }
    // The guide, one click from every page.
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    ImGui::TextDisabled("|");
    const float guide_width = ImGui::CalcTextSize("Which activation?").x + ImGui::GetStyle().FramePadding.x * 2;
    if (ImGui::Selectable("Which activation?", state.show_guide, ImGuiSelectableFlags_None, ImVec2(guide_width, 0))) {
        state.show_guide = !state.show_guide;
    }
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
    handle_session_shortcuts(state);
    // Ctrl+Z undoes a weight edit of the Classifier's network diagram, when its page is on screen and
    // no text box has the keyboard (a text box has its own Ctrl+Z).
    const auto classifier = static_cast<std::size_t>(settings::PanelId::Classifier);
    if (!io.WantTextInput && state.panel_visible[classifier] &&
        (state.maximised_panel < 0 || state.maximised_panel == static_cast<int>(classifier))) {
        handle_classifier_undo(state.classifier);
    }
    // A panel's own keys, when it is on screen and no text box or dialog has the keyboard.
    if (io.KeyCtrl || io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    for (int i = 0; i < kPanelCount; ++i) {
        const PanelEntry& panel = kPanelRegistry[static_cast<std::size_t>(i)];
        const bool shown = state.panel_visible[static_cast<std::size_t>(i)] && (state.maximised_panel < 0 || state.maximised_panel == i);
        if (shown && panel.handle_keys) panel.handle_keys(state);
    }
}

namespace {

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
        if (ImGui::MenuItem("Screenshot", "F12")) state.screenshot_requested = true;
        if (ImGui::BeginMenu("Screenshot of one panel")) {
            for (int i = 0; i < kPanelCount; ++i) {
                if (ImGui::MenuItem(panel_title(i), nullptr, false, state.panel_rects[i][2] > 0)) {
                    state.panel_screenshot_requested = i;
                }
            }
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Export weights as JSON", nullptr, false, state.classifier.live.trainer() != nullptr)) {
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
        ImGui::Text("%5.1f fps   frame %5.2f ms   worst %5.2f ms", stats.frames_per_second(),
                    stats.work_milliseconds(), stats.worst_work_milliseconds());
        if (state.classifier.settings.run.playing) draw_training_breakdown(state.classifier.live.breakdown());
        if (!state.status.message.empty() && ImGui::GetTime() - state.status.time < 8.0) {
            ImGui::SameLine(0.0f, ImGui::GetFontSize() * 2.0f);
            ImGui::TextUnformatted(state.status.message.c_str());
        }
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    return height;
}

void draw_dialogs(AppState& state) {
    draw_session_dialogs(state);
    draw_data_dialogs(state);
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
