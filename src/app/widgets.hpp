#pragma once
// Small ImGui helpers shared by the panels.

#include <string_view>

namespace actviz::app {

// A greyed "(?)" that shows `text` in a tooltip when hovered (as in imgui_demo.cpp).
void help_marker(const char* text);
// `text` in a tooltip wrapped at `wrap_em` font sizes, while the last item is hovered.
void item_tooltip(std::string_view text, float wrap_em = 24);

// Sliders whose typed values (Ctrl+click) are held to the same range as dragged ones
// (ImGuiSliderFlags_AlwaysClamp; ImGui's scientific-characters filter keeps "nan" out, and an
// overflow to inf clamps to max). `flags` adds to AlwaysClamp (e.g. ImGuiSliderFlags_Logarithmic).
bool checked_slider(const char* label, float* value, float min, float max, const char* format, int flags = 0);
bool checked_vslider(const char* label, float width, float height, float* value, float min, float max,
                     const char* format);
bool checked_slider(const char* label, double* value, double min, double max, const char* format, int flags = 0);

}  // namespace actviz::app
