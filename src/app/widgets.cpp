#include "app/widgets.hpp"

#include <imgui.h>

namespace actviz::app {

void help_marker(const char* text) {
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    item_tooltip(text, 32);
}

void item_tooltip(std::string_view text, float wrap_em) {
    if (!ImGui::IsItemHovered()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * wrap_em);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
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
