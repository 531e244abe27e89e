#pragma once
// A small ImPlot-like charting layer on ImGui's draw lists (ImPlot is not in Debian).
//
// Immediate mode, in ImPlot's order: begin, set the axes up, submit items, end.
//
//   if (plot::begin_plot("##id", ImVec2(0, 0), "title")) {                 // false when clipped away
//       plot::setup_axis(plot::AxisId::Y, "f(x)", plot::Scale::Log10);     // axes before any item
//       plot::setup_axis_limits(plot::AxisId::X, -6, 6);                   // Cond::Once by default
//       const int n = static_cast<int>(plot::plot_width_pixels());         // ~1 sample per pixel of
//       const double lo = plot::axis_min(plot::AxisId::X);                 // the current view
//       plot::plot_line("sigmoid", xs, ys, n, {plot::series_colour(0)});   // items
//       plot::end_plot();                                                  // legend, readout, notes
//   }
//
// Setup ends at the first item or at the first call of axis_min/axis_max/plot_width_pixels; the
// setup functions must come before that. Axes given no limits follow the data of the last frame.
//
// What the user can do, with no code in the caller:
//   - drag to pan; wheel to zoom about the mouse (Shift: x only, Ctrl: y only; log axes zoom in
//     log space); double-click to go back to the default view (the caller's limits, or following
//     the data); right-click for "Fit to data", "Reset view" (the same) and "Show all items". Once the user has panned,
//     zoomed or fitted, Cond::Once limits stop applying until "Reset view".
//   - click a legend entry to hide/show its item (remembered per plot id and label); hover an
//     entry to highlight its item (others dim) and see its set_legend_tooltip text.
//   - hover the data: a cursor line, and a tooltip with x and the value of every visible line
//     (interpolated; "—" outside the series) and bar under the mouse.
// On a log axis, values ≤ 0 (and −∞) cannot be drawn: they are held at the floor with a ▼ marker
// and a note "values ≤ 0 shown at the floor"; the readout says "≤ 0" or "0 (at the floor)". NaN (and
// +∞) break a line. The legend goes to the corner that hides the fewest data points; one that would
// cover over a quarter of the data folds into a tab above it, opened by hovering.
//
// Labels follow ImGui: "name##id" shows "name"; a label starting with "##" has no legend entry.
// All state lives in the current ImGui context's frame; one plot at a time (no nesting).

#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

#include "plot/axis.hpp"

namespace actviz::plot {

enum class AxisId { X, Y };
enum class Cond { Once, Always };  // Once: until the user pans, zooms or fits; Always: every frame

enum PlotFlags : int {
    PlotFlags_None = 0,
    PlotFlags_LegendRight = 1 << 0,  // legend always top-right (default: the emptiest corner)
    PlotFlags_NoLegend = 1 << 1,
    PlotFlags_NoInteraction = 1 << 2,  // fixed view: no pan, zoom, fit or menu (hover still reads out)
    PlotFlags_NoReadout = 1 << 3,      // no cursor line or value tooltip: the caller shows its own
    PlotFlags_WholeX = 1 << 4,         // x takes whole values (steps, classes): the readout is at the nearest one
    PlotFlags_LegendClickThrough = 1 << 5,  // clicks on the legend go to the data (a plane points are added to)
};

// `size`: 0 or negative components fill the available space (minus |size|), as ImGui widgets do.
// Returns false, drawing nothing, when the plot is clipped away or smaller than 32 × 32 pixels.
bool begin_plot(const char* id, ImVec2 size, const char* title = nullptr, int flags = PlotFlags_None);
void setup_axis(AxisId axis, const char* label, Scale scale = Scale::Linear);
// Equal limits are widened; non-finite ones are ignored (the last good view stays).
void setup_axis_limits(AxisId axis, double min, double max, Cond cond = Cond::Once);
// Ticks at given values with given labels (class indices, depths of a map) instead of nice numbers.
void setup_axis_ticks(AxisId axis, const double* values, const char* const* labels, int count);

// Valid after the setup calls: the current view (after the user's pan/zoom) and its width.
double axis_min(AxisId axis);
double axis_max(AxisId axis);
float plot_width_pixels();  // of the data area: sample about one point per pixel

struct LineStyle {
    ImU32 colour;
    float thickness = 2.0f;
    bool dashed = false;
};

void plot_line(const char* label, const double* xs, const double* ys, int count, LineStyle style);
// Filled between y_low and y_high (use a translucent colour).
void plot_band(const char* label, const double* xs, const double* y_low, const double* y_high, int count, ImU32 colour);
// `values` (optional): what each bar stands for, when its drawn height is scaled to fit a chart of
// other things (a histogram under curves): the readout, the bar's printed value and the exports
// give these, the heights only place the bars.
void plot_bars(const char* label, const double* xs, const double* heights, int count, double bar_width, ImU32 colour,
               const double* values = nullptr);
void plot_scatter(const char* label, const double* xs, const double* ys, int count, ImU32 colour, float radius = 3,
                  bool filled = true);
// A shaded vertical band over the whole y range (e.g. where a derivative is zero).
void plot_x_span(const char* label, double x0, double x1, ImU32 colour);
// A small grid (up to 64 × 64) of cells, row-major, row 0 at y_max, coloured by value from v_min to
// v_max (diverging blue–grey–red when the range spans 0, else a sequential map). NaN cells stay
// empty. Roomy cells print their value; hovering a cell shows its row, column and value. Heatmaps
// and images fill the plot and get no legend entry.
void plot_heatmap(const char* label, const double* values, int rows, int cols, double x_min, double x_max, double y_min,
                  double y_max, double v_min, double v_max);
// The same with the caller's words for each cell (arrays of rows × cols, row-major, any may be null).
// Values beyond [v_min, v_max] (±∞ included) take the colour of the nearer end: the scale saturates,
// the printed text need not. A NaN cell with a text is drawn neutral grey with it (e.g. "0/0").
struct HeatmapLabels {
    const std::string* text = nullptr;        // printed in the cell when it fits
    const std::string* short_text = nullptr;  // printed instead when `text` does not fit (shrunk to fit, down to 65%)
    const std::string* tooltip = nullptr;     // the hover tooltip, instead of "row r, column c" and the value
};
void plot_heatmap(const char* label, const double* values, int rows, int cols, double x_min, double x_max, double y_min,
                  double y_max, double v_min, double v_max, const HeatmapLabels& labels);
void plot_image(const char* label, ImTextureID texture, double x_min, double y_min, double x_max, double y_max);

// The scale of a heatmap or an image, as a bar right of the data area with its end (and middle)
// values; hovering it gives `label` and the value under the mouse. A setup call: before any item.
enum class ColourMap { Sequential, Diverging };  // sequential_colour over [min, max]; diverging_colour, 0 in the middle
void setup_colour_bar(const char* label, double min, double max, ColourMap map);
// The same bar lying down, outside any plot (the Classifier's unit grid): `width` × one text line.
void colour_bar_strip(const char* label, double min, double max, ColourMap map, float width);

// Disjoint segments (x0,y0)-(x1,y1), (x2,y2)-(x3,y3), ...: contour lines. No hover readout.
void plot_segments(const char* label, const double* xs, const double* ys, int count, LineStyle style);

// Between the setup calls and end_plot: a data point's screen position, for overlays the caller
// draws itself on ImGui::GetWindowDrawList() (clipped to the data area until end_plot).
ImVec2 data_to_pixels(double x, double y);
// True while the mouse is over the data area; its position in data coordinates.
bool mouse_position(double* x, double* y);

// Extra text shown when the user hovers the legend entry `label` (formula, properties).
void set_legend_tooltip(const char* label, const char* text);
// False when the user has toggled `label` off in the legend (callers may skip computing it).
bool is_item_visible(const char* label);
// True in the frame the data area was clicked (not dragged); the click's data coordinates.
bool is_plot_clicked(double* x, double* y);
bool is_plot_hovered();
// True once an item of this plot has drawn a value ≤ 0 at a log axis's floor (the note is shown).
bool values_clamped_to_floor();
// Where the legend entry `label` was drawn last frame, in screen pixels (for UI tests and tours).
bool legend_entry_rect(const char* label, ImVec2* min, ImVec2* max);
// Where the whole legend (or, folded, its tab) was drawn last frame; false without a legend.
bool legend_rect(ImVec2* min, ImVec2* max);

void end_plot();

// What a chart's context menu hands the app to write: "Export data as CSV", "Save chart as PNG" at
// 1× or 2×, "Save chart as SVG…". Without a handler these menu items are not shown.
struct ChartExport {
    enum class Kind { Csv, Svg, Png, Png2x };
    Kind kind = Kind::Csv;
    std::string title;    // the chart's title as shown (an untitled chart: its window's), no "##" ids
    // Csv: the data (csv_table.hpp); Svg and Png2x: the chart as SVG (svg_writer.hpp). A copy of the
    // chart as it was when asked, made into text when called: at 100,000 points that takes tens of
    // milliseconds, which the app spends beside the frame. Empty for Png.
    std::function<std::string()> content;
    ImGuiID plot_id = 0;  // Png: the chart to read from the framebuffer once the menu is gone (chart_rect)
    ImVec2 size{0, 0};    // the chart's frame, in pixels
};
void set_chart_export_handler(std::function<void(const ChartExport&)> handler);
// Where chart `plot_id` was drawn in the current (or, after it, the latest) frame, in screen pixels:
// its whole frame, title, axes, legend and colour bar included. False when it was not drawn then.
bool chart_rect(ImGuiID plot_id, ImVec2* min, ImVec2* max);
// The charts drawn in the latest frame, for UI tests and scripted exports: which is which by title.
struct DrawnChart {
    ImGuiID plot_id = 0;
    std::string title;  // as the export names it (an untitled chart: its window's)
    ImVec2 min{0, 0}, max{0, 0};
};
std::vector<DrawnChart> charts_drawn();
// As if the user chose `kind` in chart `plot_id`'s menu: done when that chart is next drawn.
void request_chart_export(ImGuiID plot_id, ChartExport::Kind kind);
// While set, charts take no hover: no cursor line, readout, tooltip or highlighted legend entry.
// For the frame a chart is photographed in, when the mouse may still be over it.
void set_hover_suppressed(bool suppressed);
// How a picture drawn by plot_image gets into an SVG: the reader reads the texture's pixels when
// an export is asked for, and returns what makes their PNG bytes (called when the SVG is written,
// beside the frame; empty function or bytes: the picture is left out with a note). The plot cannot
// read GPU textures itself; the app installs a reader (gfx).
void set_image_reader(std::function<std::function<std::string()>(ImTextureID)> reader);
// The name the next item's data take in exports (CSV): what a reader would call them where the
// label does not say it ("test, class 1"); an empty name keeps a decoration out (the dark outline
// drawn under points repeats them). Applies to the next plot_* call only.
void set_next_item_export_name(const char* name);

// One fixed qualitative palette for the whole app: the same index is the same colour everywhere.
// The first kSafeSeriesColours are told apart with any common colour-vision deficiency.
inline constexpr int kSafeSeriesColours = 8;
ImU32 series_colour(int index);
// Colour of `t` in [0, 1] on a sequential map (dark violet → yellow), or of `t` in [−1, 1] on a
// diverging one (blue → light grey → red).
ImU32 sequential_colour(double t);
ImU32 diverging_colour(double t);

}  // namespace actviz::plot
