#pragma once
// An axis: a data range, a scale and the pixel span it is drawn over, with the transforms between
// data and pixels (the ImPlot model). Pure maths, unit-tested; no drawing here.

#include <string>
#include <vector>

namespace actviz::plot {

enum class Scale { Linear, Log10 };

// Smallest value a log axis shows; values at or below zero are clamped here and marked.
inline constexpr double kLogFloor = 1e-300;

struct Axis {
    double min = 0, max = 1;        // data range shown (on a log axis: both > 0)
    Scale scale = Scale::Linear;
    float pixel_min = 0, pixel_max = 1;  // pixel positions of `min` and `max` (may be reversed, as for y)

    double to_pixel(double value) const;
    double from_pixel(double pixel) const;
    // The value in the axis's own linear space: value itself, or log10(value) (clamped at kLogFloor).
    double to_linear(double value) const;
    double from_linear(double linear) const;
};

struct Tick {
    double value;
    bool major;         // majors carry a label and a stronger grid line
    std::string label;  // empty for minors
};

// "Nice" step (1, 2 or 5 × 10^k) so that about `target_count` steps cover `range`.
double nice_step(double range, double target_count);

// Ticks for an axis drawn over `pixels` pixels: majors at least `min_spacing` pixels apart.
// Linear: multiples of a nice step. Log10: majors at decades (every k-th decade on wide ranges),
// minors at 2..9 × 10^k when there is room.
std::vector<Tick> make_ticks(const Axis& axis, float min_spacing);

// A tick label with just enough digits for `step` ("0.25", "1e-06", "100").
std::string format_tick(double value, double step);

}  // namespace actviz::plot
