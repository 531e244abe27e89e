#pragma once
// The pure maths behind a chart's interaction and drawing: zoom about a point, pan, fit to data,
// read a series at an x, and cut a polyline into dashes. No ImGui here, so all of it is unit-tested.

#include <optional>
#include <utility>
#include <vector>

#include "plot/axis.hpp"

namespace actviz::plot {

struct Range {
    double min = 0, max = 1;
};

// Zooms `range` by `factor` (< 1 zooms in) keeping `anchor` where it is on screen. On a log axis
// the zoom happens in log space. The result never collapses below a tiny relative width.
Range zoom_range(Range range, double anchor, double factor, Scale scale);

// Moves `range` so that the data under pixel p moves to pixel p + `pixels`, on an axis drawn over
// `span_pixels` pixels (positive: content follows the mouse rightwards / upwards).
Range pan_range(Range range, double pixels, double span_pixels, Scale scale);

// A range around data extents [lo, hi] with `margin` of its width on each side (in log space on a
// log axis). Degenerate or empty extents give a sensible unit-wide range.
Range fit_range(double lo, double hi, double margin, Scale scale);

// The linear interpolation of a series at x (xs ascending); nullopt outside the series or where a
// neighbouring value is not finite.
std::optional<double> interpolate_at(const double* xs, const double* ys, int count, double x);

struct Point2 {
    float x, y;
};
// Dashes along a polyline in pixel space: pairs of end points, `dash` long with `gap` between, the
// pattern continuing across vertices so long curves look even.
std::vector<std::pair<Point2, Point2>> dash_polyline(const std::vector<Point2>& points, float dash, float gap);

}  // namespace actviz::plot
