#include "app/widgets.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>  // RenderTextEllipsis

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

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

namespace {

// After ImGui has written a typed or dragged value: NaN (0 × inf typed as "*1e309") restores the
// value before the edit; anything else is clamped to [min, max]. Returns whether the value changed.
template <typename T>
bool keep_in_range(bool edited, T* value, T before, double min, double max) {
    if (!edited) return false;
    if (std::isnan(static_cast<double>(*value))) {
        *value = before;
        return false;
    }
    *value = static_cast<T>(std::clamp(static_cast<double>(*value), min, max));
    return *value != before;
}

template <typename T>
bool scalar_range_slider(const char* label, ImGuiDataType type, T* value, double min, double max, double slider_min,
                         double slider_max, const char* format, int flags) {
    const T before = *value;
    const T lo = static_cast<T>(slider_min), hi = static_cast<T>(slider_max);
    // No AlwaysClamp: a typed value may go past the drag span, up to [min, max].
    const bool edited = ImGui::SliderScalar(label, type, value, &lo, &hi, format, flags);
    return keep_in_range(edited, value, before, min, max);
}

}  // namespace

bool checked_slider(const char* label, float* value, float min, float max, const char* format, int flags) {
    const float before = *value;
    const bool edited = ImGui::SliderFloat(label, value, min, max, format, flags | ImGuiSliderFlags_AlwaysClamp);
    return keep_in_range(edited, value, before, min, max);
}

bool checked_vslider(const char* label, float width, float height, float* value, float min, float max,
                     const char* format) {
    const float before = *value;
    const bool edited =
        ImGui::VSliderFloat(label, ImVec2(width, height), value, min, max, format, ImGuiSliderFlags_AlwaysClamp);
    return keep_in_range(edited, value, before, min, max);
}

bool checked_slider(const char* label, double* value, double min, double max, const char* format, int flags) {
    const double before = *value;
    const bool edited = ImGui::SliderScalar(label, ImGuiDataType_Double, value, &min, &max, format,
                                            flags | ImGuiSliderFlags_AlwaysClamp);
    return keep_in_range(edited, value, before, min, max);
}

bool checked_input(const char* label, double* value, double min, double max, const char* format) {
    const double before = *value;
    const bool edited = ImGui::InputDouble(label, value, 0.0, 0.0, format);
    return keep_in_range(edited, value, before, min, max);
}

bool span_vslider(const char* label, float width, float height, double* value, double slider_min, double slider_max,
                  const char* format) {
    const double before = *value;
    const bool edited = ImGui::VSliderScalar(label, ImVec2(width, height), ImGuiDataType_Double, value, &slider_min,
                                             &slider_max, format, ImGuiSliderFlags_AlwaysClamp);
    return keep_in_range(edited, value, before, slider_min, slider_max);
}

bool range_slider(const char* label, double* value, double min, double max, double slider_min, double slider_max,
                  const char* format, int flags) {
    return scalar_range_slider(label, ImGuiDataType_Double, value, min, max, slider_min, slider_max, format, flags);
}

bool range_slider(const char* label, float* value, double min, double max, double slider_min, double slider_max,
                  const char* format, int flags) {
    return scalar_range_slider(label, ImGuiDataType_Float, value, min, max, slider_min, slider_max, format, flags);
}

bool range_slider(const char* label, int* value, double min, double max, double slider_min, double slider_max,
                  const char* format, int flags) {
    return scalar_range_slider(label, ImGuiDataType_S32, value, min, max, slider_min, slider_max, format, flags);
}

bool bounded_text_input(const char* label, const char* hint, std::string& text, std::size_t max_bytes) {
    // A fixed buffer: ImGui inserts whole characters while they fit and drops the rest.
    std::vector<char> buffer(max_bytes + 1, '\0');
    const std::size_t kept = std::min(text.size(), max_bytes);
    std::copy_n(text.begin(), kept, buffer.begin());
    if (!ImGui::InputTextWithHint(label, hint, buffer.data(), buffer.size())) return false;
    text = buffer.data();
    return true;
}

void next_window_centred(float width_em, float height_em, float max_share) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float font = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x * 0.5f, viewport->Pos.y + viewport->Size.y * 0.5f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(font * width_em, viewport->Size.x * max_share),
                                    std::min(font * height_em, viewport->Size.y * max_share)),
                             ImGuiCond_Appearing);
}

bool error_dialog_body(const std::string& error, const char* consequence) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
    ImGui::TextUnformatted(error.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("%s", consequence);
    return ImGui::Button("OK", ImVec2(ImGui::GetFontSize() * 6, 0)) || ImGui::IsKeyPressed(GLFW_KEY_ENTER) ||
           ImGui::IsKeyPressed(GLFW_KEY_ESCAPE);
}

void same_line_if_fits(float width, float spacing) {
    const float gap = spacing < 0 ? ImGui::GetStyle().ItemSpacing.x : spacing;
    const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + gap + width <= right_edge) ImGui::SameLine(0, gap);
}

float help_marker_width() { return ImGui::CalcTextSize("(?)").x + ImGui::GetStyle().ItemSpacing.x; }

void fitted_text(const std::string& text, bool disabled, float reserve) {
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float right = at.x + std::max(0.0f, ImGui::GetContentRegionAvail().x - reserve);
    if (size.x <= right - at.x) {
        if (disabled) ImGui::TextDisabled("%s", text.c_str());
        else ImGui::TextUnformatted(text.c_str());
        return;
    }
    ImGui::Dummy(ImVec2(right - at.x, size.y));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(disabled ? ImGuiCol_TextDisabled : ImGuiCol_Text));
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), at, ImVec2(right, at.y + size.y), right, right, text.c_str(),
                              nullptr, &size);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) item_tooltip(text);
}

namespace {
std::map<std::string, ReadoutSeen>& readouts() {
    static std::map<std::string, ReadoutSeen> seen;  // the UI thread's
    return seen;
}
}  // namespace

void note_readout(const std::string& id) {
    const ImRect item(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImRect shown = ImGui::GetCurrentWindow()->ClipRect;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    shown.ClipWith(ImRect(viewport->Pos, ImVec2(viewport->Pos.x + viewport->Size.x, viewport->Pos.y + viewport->Size.y)));
    // Half a pixel of slack: rects are in floats and text sits on pixel edges.
    shown.Expand(0.5f);
    readouts()[id] = {shown.Contains(item) && item.GetWidth() > 0, ImGui::GetFrameCount()};
}

ReadoutSeen readout_seen(const std::string& id) {
    const auto found = readouts().find(id);
    return found == readouts().end() ? ReadoutSeen{} : found->second;
}

}  // namespace actviz::app
