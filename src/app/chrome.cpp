#include "app/chrome.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/panels.hpp"

namespace actviz::app {
namespace {

struct Shortcut {
    const char* keys;
    const char* action;
};
constexpr Shortcut kShortcuts[] = {
    {"F12", "save a screenshot of the window (PNG, current folder)"},
    {"Ctrl+Q", "quit"},
    {"F1", "show this list"},
    {"Ctrl+click a slider", "type an exact value"},
    {"Mouse wheel", "scroll a panel"},
};

constexpr ImGuiWindowFlags kBarFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus;

}  // namespace

void handle_shortcuts(AppState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    // ImGui 1.86's GLFW backend stores key state under GLFW key codes.
    if (ImGui::IsKeyPressed(GLFW_KEY_F12, false)) state.screenshot_requested = true;
    if (ImGui::IsKeyPressed(GLFW_KEY_F1, false)) state.show_shortcuts = !state.show_shortcuts;
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false)) state.quit_requested = true;
}

float draw_main_menu(AppState& state) {
    if (!ImGui::BeginMainMenuBar()) return 0.0f;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Screenshot", "F12")) state.screenshot_requested = true;
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) state.quit_requested = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        for (int i = 0; i < kPanelCount; ++i) ImGui::MenuItem(kPanels[i].title, nullptr, &state.panel_visible[i]);
        ImGui::Separator();
        if (ImGui::MenuItem("Show all panels")) state.panel_visible.fill(true);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Keyboard shortcuts", "F1")) state.show_shortcuts = true;
        if (ImGui::MenuItem("About actviz")) state.show_about = true;
        ImGui::EndMenu();
    }
    const float height = ImGui::GetWindowSize().y;
    ImGui::EndMainMenuBar();
    return height;
}

float draw_status_bar(AppState& state) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float height = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y;
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x, viewport->Pos.y + viewport->Size.y - height));
    ImGui::SetNextWindowSize(ImVec2(viewport->Size.x, height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetStyle().WindowPadding.x, 4.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    if (ImGui::Begin("##status", nullptr, kBarFlags)) {
        const FrameStats& stats = state.frame_stats;
        ImGui::Text("%5.1f fps   frame %5.2f ms   worst %5.2f ms", stats.frames_per_second(),
                    stats.work_milliseconds(), stats.worst_work_milliseconds());
        if (!state.status_message.empty() && ImGui::GetTime() - state.status_message_time < 8.0) {
            ImGui::SameLine(0.0f, ImGui::GetFontSize() * 2.0f);
            ImGui::TextUnformatted(state.status_message.c_str());
        }
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    return height;
}

void draw_dialogs(AppState& state) {
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
            if (!state.font_has_greek) ImGui::TextDisabled("Font: ImGui built-in (install fonts-dejavu-core)");
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
