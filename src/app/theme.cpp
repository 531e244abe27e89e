#include "app/theme.hpp"

#include <imgui.h>

namespace actviz::app {

void apply_theme(float content_scale) {
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowPadding = ImVec2(10, 8);
    style.FramePadding = ImVec2(6, 4);
    style.ItemSpacing = ImVec2(8, 6);
    style.WindowRounding = 0.0f;  // tiled panels meet edge to edge
    style.FrameRounding = 3.0f;
    style.GrabRounding = 3.0f;
    style.PopupRounding = 4.0f;
    style.WindowBorderSize = 1.0f;
    style.ScrollbarSize = 12.0f;
    style.ScaleAllSizes(content_scale);

    ImVec4* colors = style.Colors;
    colors[ImGuiCol_WindowBg] = ImVec4(kWindowBackground[0], kWindowBackground[1], kWindowBackground[2], 1.00f);
    colors[ImGuiCol_ChildBg] = ImVec4(0.09f, 0.10f, 0.12f, 1.00f);
    colors[ImGuiCol_MenuBarBg] = ImVec4(0.16f, 0.17f, 0.20f, 1.00f);
    colors[ImGuiCol_TitleBg] = ImVec4(0.14f, 0.16f, 0.20f, 1.00f);
    colors[ImGuiCol_TitleBgActive] = ImVec4(0.18f, 0.25f, 0.36f, 1.00f);
    colors[ImGuiCol_Border] = ImVec4(0.25f, 0.27f, 0.31f, 1.00f);
    colors[ImGuiCol_FrameBg] = ImVec4(0.18f, 0.20f, 0.24f, 1.00f);
    colors[ImGuiCol_FrameBgHovered] = ImVec4(0.24f, 0.28f, 0.34f, 1.00f);
    colors[ImGuiCol_FrameBgActive] = ImVec4(0.28f, 0.34f, 0.42f, 1.00f);
}

}  // namespace actviz::app
