#include "app/placeholder.hpp"

#include <imgui.h>

namespace actviz::app {

void draw_placeholder(const char* coming_in, const char* what_it_will_show) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.75f, 0.35f, 1.0f));
    ImGui::TextUnformatted("Placeholder: this panel is not built yet.");
    ImGui::PopStyleColor();
    ImGui::TextDisabled("%s", coming_in);
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(what_it_will_show);
    ImGui::PopTextWrapPos();
}

}  // namespace actviz::app
