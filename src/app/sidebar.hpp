#pragma once
// A panel's settings column. A panel narrower than kNarrowPanelEm font sizes (a tile of "All
// panels" at 1280 × 720, a 200% zoom) starts with it folded into a thin ▸ strip, so the panel's own
// view and readouts get the width; the strip unfolds it, and a ◂ strip folds it again. A wide panel
// always shows it.

namespace actviz::app {

inline constexpr float kNarrowPanelEm = 50;

struct SidebarState {
    bool unfolded_when_narrow = false;  // the user's choice in a narrow panel
};

// Returns true when the column is shown: draw the settings, then end_sidebar. False: it is folded
// (nothing to draw; the strip is drawn and the cursor is beside it).
bool begin_sidebar(const char* id, SidebarState& state, float width_em);
void end_sidebar(SidebarState& state);

}  // namespace actviz::app
