#pragma once
// The pure maths behind a chart's interaction and drawing: zoom about a point, pan, fit to data,
// place values on a log axis, read a series at an x, cut a polyline into dashes, pick the legend's
// corner. No ImGui here, so all of it is unit-tested (tests/plot/test_interaction.cpp).

#include <optional>
#include <string>
#include <vector>

#include "plot/axis.hpp"

namespace actviz::plot {

struct Range {
    double min = 0, max = 1;
};

// Zooms `range` by `factor` (< 1 zooms in) keeping `anchor` where it is on screen. On a log axis
// the zoom happens in log space. A zoom that would collapse the range below a tiny relative width,
// or overflow it, returns `range` unchanged.
Range zoom_range(Range range, double anchor, double factor, Scale scale);

// Moves `range` so that the data under pixel p moves to pixel p + `pixels`, on an axis drawn over
// `span_pixels` pixels (positive: content follows the mouse rightwards / upwards).
Range pan_range(Range range, double pixels, double span_pixels, Scale scale);

// A range around data extents [lo, hi] with `margin` of its width on each side (in log space on a
// log axis). Degenerate extents (lo == hi) get a unit-wide range (a decade each side on a log
// axis); empty or non-finite ones a default range.
Range fit_range(double lo, double hi, double margin, Scale scale);

// Where a data value is drawn on an axis. On a log axis, values ≤ 0 (and −∞) cannot be shown:
// they are held at `floor` (the axis minimum) and flagged, never dropped. NaN, and ±∞ where they
// have no place, are not drawable: a line breaks there.
struct Placement {
    double value;
    bool drawable;
    bool at_floor;
};
Placement place_on_axis(double value, Scale scale, double floor);

// The value of a series at x (xs ascending), interpolated linearly in the axes' own spaces so the
// readout agrees with the straight segments drawn on screen (geometric between samples on a log y
// axis). nullopt outside the series or where a neighbour is NaN. On a log y axis a neighbour ≤ 0
// has no log: the nearer sample's value is returned, so the readout can say "≤ 0".
std::optional<double> interpolate_at(const double* xs, const double* ys, int count, double x,
                                     Scale x_scale = Scale::Linear, Scale y_scale = Scale::Linear);

// The readout text for a value: "%.4g", or on a log axis "0 (at the floor)" for an exact zero and
// "≤ 0" for negative values (both drawn at the floor).
std::string format_readout(double value, Scale scale);

struct Point2 {
    float x, y;
};
// Dashes along a polyline in pixel space: each dash is a polyline `dash` pixels long following the
// curve, with `gap` pixels between dashes. The pattern carries across vertices, so a curve sampled
// once per pixel still looks evenly dashed.
std::vector<std::vector<Point2>> dash_polyline(const std::vector<Point2>& points, float dash, float gap);

// A polyline in pixel space thinned to at most four points per pixel column (the M4 rule: first,
// lowest, highest, last of each column, in their order): the same picture as the full line to the
// pixel, with a vertex count bounded by the plot's width. A 4000-step training history then costs
// ~4 × width vertices instead of 4000 anti-aliased segments, which software GL renders slowly.
std::vector<Point2> thin_to_pixel_columns(const std::vector<Point2>& points);

// The legend's corner (0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right): the one covering
// the fewest data points. It moves away from `current` only for a clear gain, so it does not
// flicker while the user pans.
int choose_legend_corner(const int points_under[4], int current);

}  // namespace actviz::plot
