#pragma once
// Small ImGui helpers shared by the panels.

#include <cstddef>
#include <string>
#include <string_view>

namespace actviz::app {

// A greyed "(?)" that shows `text` in a tooltip when hovered (as in imgui_demo.cpp).
void help_marker(const char* text);

// The next window opens centred on the screen, `width_em` × `height_em` font sizes, never more than
// `max_share` of the screen (the user may move and resize it afterwards).
void next_window_centred(float width_em, float height_em, float max_share = 0.9f);
// A one-line text box that holds at most `max_bytes` of UTF-8 (typing or pasting more stops there,
// at a character's boundary), so its text always fits where it is saved.
bool bounded_text_input(const char* label, const char* hint, std::string& text, std::size_t max_bytes);
// `text` in a tooltip wrapped at `wrap_em` font sizes, while the last item is hovered.
void item_tooltip(std::string_view text, float wrap_em = 24);
// Small windows (1024 × 640, a 200% zoom) degrade instead of cutting readouts off:
// The next item, `width` pixels wide, goes on this line when it fits before the right edge (after
// `spacing`; negative: the style's), else it starts a new line.
void same_line_if_fits(float width, float spacing = -1.0f);
// One line of text that ends in "…" where it would pass the right edge (less `reserve` pixels, for
// a "(?)" after it), whole in its tooltip.
void fitted_text(const std::string& text, bool disabled = false, float reserve = 0);
// The room a help_marker takes after SameLine, for fitted_text's `reserve`.
float help_marker_width();

// Headline readouts (the Classifier's accuracy, the Gradient flow's ratio and verdict, the Bake-off's
// accuracies) say, right after they are drawn, whether the whole of the last item is on screen:
// inside its window's visible area and the display. Tests read it at several window sizes.
void note_readout(const std::string& id);
struct ReadoutSeen {
    bool whole = false;  // the item lies entirely within what its window shows
    int frame = -1;      // ImGui's frame count when it was last drawn
};
ReadoutSeen readout_seen(const std::string& id);

// An error popup's body: the message, what was (not) changed, and OK (or Enter/Escape), which
// returns true; the caller then closes its popup.
bool error_dialog_body(const std::string& error, const char* consequence);

// Sliders whose typed values (Ctrl+click) are held to the same range as dragged ones
// (ImGuiSliderFlags_AlwaysClamp; ImGui's scientific-characters filter keeps "nan" out, an overflow
// to inf clamps to max, and a typed expression that evaluates to NaN, such as "*1e309" on a 0,
// leaves the value as it was). `flags` adds to AlwaysClamp (e.g. ImGuiSliderFlags_Logarithmic).
bool checked_slider(const char* label, float* value, float min, float max, const char* format, int flags = 0);
bool checked_vslider(const char* label, float width, float height, float* value, float min, float max,
                     const char* format);
bool checked_slider(const char* label, double* value, double min, double max, const char* format, int flags = 0);
// A number typed into a text box (no drag): held to [min, max] as the sliders hold typed values
// (an overflow clamps, NaN leaves the value as it was). Returns true when the value changed.
bool checked_input(const char* label, double* value, double min, double max, const char* format);
// A vertical slider that drags over [slider_min, slider_max] but shows, and keeps until dragged, a
// value beyond that span (its grab at the nearer end); dragged values stay within [min, max].
bool span_vslider(const char* label, float width, float height, double* value, double slider_min, double slider_max,
                  const char* format);

// A slider that drags over [slider_min, slider_max] and takes typed values anywhere in the wider
// [min, max] (clamped to it; NaN leaves the value as it was). Returns true when the value changed.
bool range_slider(const char* label, double* value, double min, double max, double slider_min, double slider_max,
                  const char* format, int flags = 0);
bool range_slider(const char* label, float* value, double min, double max, double slider_min, double slider_max,
                  const char* format, int flags = 0);
bool range_slider(const char* label, int* value, double min, double max, double slider_min, double slider_max,
                  const char* format, int flags = 0);

}  // namespace actviz::app
