#pragma once
// The UI font: DejaVu Sans from Debian's fonts-dejavu-core, with the Greek letters and maths
// symbols the panels use (α β λ σ ∂ ′ ≈ ≤ − ²). Falls back to ImGui's built-in font, with a note
// in the log, when the file is missing.

struct ImFont;

namespace actviz::app {

inline constexpr const char* kUiFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

struct UiFonts {
    ImFont* body = nullptr;   // the default font
    ImFont* large = nullptr;  // headline numbers (gradient ratio, accuracy): 1.9 × body
    bool has_greek = false;   // false when the built-in fallback is used
};

// Adds the UI fonts to ImGui's atlas, the body font at `pixel_size`.
UiFonts load_ui_fonts(float pixel_size);

}  // namespace actviz::app
