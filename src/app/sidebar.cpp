#include "app/sidebar.hpp"

#include <imgui.h>

#include "app/widgets.hpp"

namespace actviz::app {
namespace {

bool narrow() { return ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * kNarrowPanelEm; }

// A full-height strip button beside the column; true when clicked.
bool strip(const char* label, const char* tooltip) {
    const bool clicked = ImGui::Button(label, ImVec2(ImGui::GetFontSize() * 1.3f, -1));
    item_tooltip(tooltip);
    ImGui::SameLine();
    return clicked;
}

}  // namespace

bool begin_sidebar(const char* id, SidebarState& state, float width_em) {
    ImGui::PushID(id);
    if (narrow() && !state.unfolded_when_narrow) {
        if (strip("\xE2\x96\xB8##unfold", "Show the settings (the panel is narrow: they were folded away)")) {  // ▸
            state.unfolded_when_narrow = true;
        }
        ImGui::PopID();
        return false;
    }
    ImGui::BeginChild(id, ImVec2(ImGui::GetFontSize() * width_em, 0), true);
    return true;
}

void end_sidebar(SidebarState& state) {
    ImGui::EndChild();
    ImGui::SameLine();
    // Folding back is offered where it was unfolded: in a narrow panel.
    if (state.unfolded_when_narrow && narrow() &&
        strip("\xE2\x97\x82##fold", "Fold the settings away")) {  // ◂
        state.unfolded_when_narrow = false;
    }
    ImGui::PopID();
}

}  // namespace actviz::app
