#include "app/widgets.hpp"

#include <imgui.h>

namespace actviz::app {

void help_marker(const char* text) {
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

bool checked_slider(const char* label, float* value, float min, float max, const char* format, int flags) {
    return ImGui::SliderFloat(label, value, min, max, format, flags | ImGuiSliderFlags_AlwaysClamp);
}

bool checked_vslider(const char* label, float width, float height, float* value, float min, float max,
                     const char* format) {
    return ImGui::VSliderFloat(label, ImVec2(width, height), value, min, max, format, ImGuiSliderFlags_AlwaysClamp);
}

bool checked_slider(const char* label, double* value, double min, double max, const char* format, int flags) {
    return ImGui::SliderScalar(label, ImGuiDataType_Double, value, &min, &max, format,
                               flags | ImGuiSliderFlags_AlwaysClamp);
}

}  // namespace actviz::app
