#pragma once
// A small ImPlot-like charting layer on ImGui's draw lists (ImPlot is not in Debian).
//
//   if (plot::begin_plot("##id", size, "title")) {        // false when clipped away
//       plot::setup_axis(plot::AxisId::Y, "f(x)", plot::Scale::Log10);   // axes before items
//       plot::setup_axis_limits(plot::AxisId::X, -6, 6);                // Cond::Once by default
//       plot::plot_line("sigmoid", xs, ys, n, {colour});                  // items
//       plot::end_plot();                                                 // legend, readout, notes
//   }
//
// The user pans by dragging, zooms with the wheel (Shift: x only, Ctrl: y only; log axes zoom in
// log space), double-clicks to fit the visible data, and right-clicks for "Reset view". Legend
// entries toggle their item (click) and highlight it (hover). Hovering the data shows a cursor
// line with the value of every visible line at that x. On a log axis, values ≤ 0 are drawn at the
// floor with a marker and a note, never dropped silently.

#include <imgui.h>

#include "plot/axis.hpp"

namespace actviz::plot {

enum class AxisId { X, Y };
enum class Cond { Once, Always };  // Once: until the user pans, zooms or fits; Always: every frame

enum PlotFlags : int {
    PlotFlags_None = 0,
    PlotFlags_LegendRight = 1 << 0,  // legend in the top-right corner instead of the top-left
    PlotFlags_NoLegend = 1 << 1,
    PlotFlags_NoInteraction = 1 << 2,  // fixed view: no pan, zoom or fit
};

// `size`: 0 or negative components fill the available space, as ImGui widgets do.
bool begin_plot(const char* id, ImVec2 size, const char* title = nullptr, int flags = PlotFlags_None);
void setup_axis(AxisId axis, const char* label, Scale scale = Scale::Linear);
void setup_axis_limits(AxisId axis, double min, double max, Cond cond = Cond::Once);
// Ticks at given values with given labels (class indices, depths of a map) instead of nice numbers.
void setup_axis_ticks(AxisId axis, const double* values, const char* const* labels, int count);

// Valid after the setup calls (they finish at the first of these or of the items).
double axis_min(AxisId axis);
double axis_max(AxisId axis);
float plot_width_pixels();  // of the data area: sample about one point per pixel

struct LineStyle {
    ImU32 colour;
    float thickness = 2.0f;
    bool dashed = false;
};

void plot_line(const char* label, const double* xs, const double* ys, int count, LineStyle style);
void plot_band(const char* label, const double* xs, const double* y_low, const double* y_high, int count,
               ImU32 colour);
void plot_bars(const char* label, const double* xs, const double* heights, int count, double bar_width, ImU32 colour);
void plot_scatter(const char* label, const double* xs, const double* ys, int count, ImU32 colour, float radius = 3,
                  bool filled = true);
// A shaded vertical band over the whole y range (e.g. where a derivative is zero).
void plot_x_span(const char* label, double x0, double x1, ImU32 colour);
// A small grid (up to 64 × 64) of cells, row 0 at y_max, coloured by value from v_min to v_max
// (diverging blue–white–red when the range spans 0, else a sequential map). NaN cells stay empty.
// Hovering a cell shows its row, column and value.
void plot_heatmap(const char* label, const double* values, int rows, int cols, double x_min, double x_max,
                  double y_min, double y_max, double v_min, double v_max);
void plot_image(const char* label, ImTextureID texture, double x_min, double y_min, double x_max, double y_max);

// Extra text shown when the user hovers the legend entry `label` (formula, properties).
void set_legend_tooltip(const char* label, const char* text);
// False when the user has toggled `label` off in the legend.
bool is_item_visible(const char* label);
// True in the frame the data area was clicked (not dragged); the click's data coordinates.
bool is_plot_clicked(double* x, double* y);
bool is_plot_hovered();

void end_plot();

// One fixed qualitative palette for the whole app: the same index is the same colour everywhere.
ImU32 series_colour(int index);
// Colour of `t` in [0, 1] on a sequential map (dark blue → yellow), or of `t` in [−1, 1] on a
// diverging one (blue → light grey → red).
ImU32 sequential_colour(double t);
ImU32 diverging_colour(double t);

}  // namespace actviz::plot
