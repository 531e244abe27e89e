#pragma once

namespace actviz::app {

// ImGui's dark style with softer contrast and spacing scaled for `content_scale` (HiDPI).
void apply_theme(float content_scale);

// Background behind the panels (visible only where no panel is).
inline constexpr float kBackground[3] = {0.08f, 0.09f, 0.10f};

}  // namespace actviz::app
