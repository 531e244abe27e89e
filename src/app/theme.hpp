#pragma once

namespace actviz::app {

// ImGui's dark style with softer contrast and spacing scaled for `content_scale` (HiDPI).
void apply_theme(float content_scale);

// Background behind the panels (visible only where no panel is).
inline constexpr float kBackground[3] = {0.08f, 0.09f, 0.10f};
// The panels' own background. A panel that fills the window is drawn without one over a frame
// cleared to this colour: under software GL every full-window layer costs ~3 ms at 1280 × 800.
inline constexpr float kWindowBackground[3] = {0.11f, 0.12f, 0.14f};

}  // namespace actviz::app
