#pragma once
// Small ImGui helpers shared by the panels.

namespace actviz::app {

// A greyed "(?)" that shows `text` in a tooltip when hovered (as in imgui_demo.cpp).
void help_marker(const char* text);

}  // namespace actviz::app
