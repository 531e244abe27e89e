#pragma once
// The UI font: DejaVu Sans from Debian's fonts-dejavu-core, with the Greek letters and maths
// symbols the panels use (α β λ σ ∂ ′ ≈ ≤ − ²). Falls back to ImGui's built-in font, with a note
// in the log, when the file is missing.

namespace actviz::app {

inline constexpr const char* kUiFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

// Adds the UI font to ImGui's atlas at `pixel_size`; returns false when it fell back.
bool load_ui_font(float pixel_size);

}  // namespace actviz::app
