#pragma once
// Between plot.cpp (the plot: state, setup, axes, legend, end_plot) and plot_items.cpp (the items):
// the state of the plot being drawn and the helpers both files need. Not part of the public API.

#include <imgui.h>
#include <imgui_internal.h>  // ImRect

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "plot/axis.hpp"
#include "plot/chart_scene.hpp"
#include "plot/csv_table.hpp"
#include "plot/interaction.hpp"
#include "plot/plot.hpp"

namespace actviz::plot::detail {

// State: per-plot (persistent) and per-frame (the plot being drawn) ------------------------------

struct AxisState {
    Range range;
    Range requested;             // the caller's latest limits: "Reset view" returns here
    bool user_modified = false;  // panned, zoomed or fitted: Cond::Once limits no longer apply
    Scale scale = Scale::Linear;
    std::string label;
};

struct Extents {
    double x_min = INFINITY, x_max = -INFINITY, y_min = INFINITY, y_max = -INFINITY;
    // Only values an axis can show count: a log axis cannot fit around a zero.
    void add(double x, double y, Scale x_scale, Scale y_scale) {
        if (std::isfinite(x) && (x_scale == Scale::Linear || x > 0))
            x_min = std::min(x_min, x), x_max = std::max(x_max, x);
        if (std::isfinite(y) && (y_scale == Scale::Linear || y > 0))
            y_min = std::min(y_min, y), y_max = std::max(y_max, y);
    }
    bool valid_x() const { return x_min <= x_max; }
    bool valid_y() const { return y_min <= y_max; }
};

struct PlotState {
    AxisState x, y;
    std::unordered_set<std::string> hidden;               // legend labels the user toggled off
    std::string highlighted;                              // legend label hovered last frame
    Extents last_extents;                                 // of last frame's visible items: double-click fits to these
    ImRect legend_rect;                                   // where the legend was drawn last frame (input goes to it)
    ImVec2 legend_size{0, 0};                             // its size last frame, to score corners before drawing
    std::unordered_map<std::string, ImRect> legend_rows;  // last frame's rows, for legend_entry_rect
    int legend_corner = -1;                               // 0..3, see choose_legend_corner; -1 before the first choice
    ImRect frame_rect;        // the whole chart, where it was drawn last
    std::string export_title;  // its name for exports (charts_drawn)
    int drawn_in_frame = -1;  // ImGui's frame count then
    bool fit_requested = false;
    bool legend_hidden = false;  // by the context menu, for a legend that covers too much
    bool legend_open = false;    // a crowded legend shown in full because the mouse is over it
    bool legend_folded = false;  // the legend is too big for the data: a tab above it (the layout keeps a row for it)
};

enum class ItemKind { Line, Fill, Marker, Ring };  // Ring: a hollow marker

struct LegendEntry {
    std::string label;  // the full label, "name##id"
    ImU32 colour;
    bool dashed;
    ItemKind kind;
};

struct ReadoutEntry {
    std::string name;
    ImU32 colour;
    bool dashed;
    ItemKind kind;
    std::optional<double> value;
};

struct Frame {
    PlotState* state = nullptr;
    ImGuiID id = 0;
    ImDrawList* draw = nullptr;
    ImRect frame, data;
    Axis x, y;
    std::string title;
    std::string window_title;  // of the window the plot is in (its top window, for a child)
    int flags = 0;
    // The x the hover readout is taken at: the mouse's, or the nearest whole one (PlotFlags_WholeX).
    double readout_x() const {
        const double at = x.from_pixel(ImGui::GetIO().MousePos.x);
        return (flags & PlotFlags_WholeX) ? std::round(at) : at;
    }
    bool limits_given[2] = {false, false};  // setup_axis_limits called this frame, [X], [Y]
    bool setup_done = false;
    // Input, read once right after the plot's invisible button: later ImGui calls (tooltips)
    // change what "the last item" means.
    bool item_hovered = false, item_active = false;
    bool hovered = false;  // the mouse is over the data area and not over the legend
    bool readout_suppressed = false;
    bool clicked = false;
    ImVec2 click{};
    bool clamped = false;  // some value ≤ 0 was drawn at a log axis's floor
    std::vector<LegendEntry> legend;
    std::unordered_map<std::string, std::string> legend_tooltips;
    std::vector<ReadoutEntry> readout;
    Extents extents;
    std::vector<Tick> custom_ticks[2];  // [X], [Y]: set by setup_axis_ticks, else nice numbers
    ImRect corners[4];                  // where the legend could go, scored by the points under them
    int points_under[4] = {0, 0, 0, 0};
    // Scratch for plot_scatter: which marker-sized cells of the data area a series has drawn into.
    std::vector<std::uint8_t> marker_cells;
    // The items' data, collected only while the context menu is open (it may export them).
    std::optional<CsvTable> capture;
    // What the chart draws as shapes, recorded while the context menu is open (it may save an SVG).
    std::optional<ChartScene> scene;
    // setup_colour_bar: drawn right of the data area, which the layout narrows for it.
    struct ColourBar {
        std::string label;
        double min = 0, max = 1;
        ColourMap map = ColourMap::Sequential;
    };
    std::optional<ColourBar> colour_bar;
};

// The plot being drawn (defined in plot.cpp): one at a time, valid between begin_plot and end_plot.
extern Frame g_frame;
extern bool g_in_plot;

// Colour bars (colour_bar.cpp) -------------------------------------------------------------------

// The width a colour bar and its labels take right of the data area.
float colour_bar_width(const Frame::ColourBar& bar);
// Draws g_frame's colour bar beside the data area (end_plot), with its tooltip.
void draw_colour_bar();

// Recording for the SVG (scene_recorder.cpp): each does nothing unless g_frame.scene is set. Points
// are screen pixels, as drawn; the recorder makes them the chart's own.

void record_polyline(const ImVec2* points, int count, ImU32 colour, float thickness, float dash = 0, float gap = 0);
void record_line(ImVec2 a, ImVec2 b, ImU32 colour, float thickness);
void record_rect(ImVec2 min, ImVec2 max, ImU32 fill, ImU32 stroke = 0, float rounding = 0, bool round_top_only = false,
                 float stroke_width = 1);
void record_circle(ImVec2 centre, float radius, ImU32 fill, ImU32 stroke = 0, float stroke_width = 1);
void record_polygon(const ImVec2* points, int count, ImU32 fill);
// `top_left` as ImGui's AddText takes it; `size` 0: the current font size.
void record_text(ImVec2 top_left, ImU32 colour, const std::string& text, float size = 0);
void record_image(ImVec2 min, ImVec2 max, ImTextureID texture);
// Starts a part of the chart (<g id="name">), and says whether what follows is clipped to the data area.
void record_group(const char* name, SceneClip clip);
// Starts recording g_frame's chart (begin_plot), and notes its data area once laid out (finish_setup).
void start_scene();
void record_data_area();
// Reads the pixels of `scene`'s pictures through the app's image reader: when an export asks.
void read_scene_images(ChartScene& scene);

// Helpers (defined in plot.cpp) ------------------------------------------------------------------

// "name##id" shows "name".
std::string display_name(const std::string& label);
ImU32 with_alpha(ImU32 colour, float factor);
// Typographic minus and "≤" when the font has them.
std::string number_text(const std::string& text);

// A tick label as drawn: plain text, or a base ("10", "2×10") with a raised exponent on a log axis
// whose labels need one.
struct TickText {
    std::string base, exponent;
};
TickText tick_text(const Tick& tick, bool powers_of_ten);

// Ends setup (lays out the data area, handles input, draws the axes) once per plot; every item and
// query calls it first.
void finish_setup();

// Legend placement: what items draw under each of the legend's candidate corners.
void note_point(ImVec2 p);
void note_segment(ImVec2 a, ImVec2 b);
void note_rect(const ImRect& r, int weight);

// Data to pixels, held near the data area; place() also holds values ≤ 0 at a log axis's floor.
float clamp_pixel(double pixel, float lo, float hi);

struct PlacedPoint {
    ImVec2 pixel;
    bool drawable;
    bool at_floor;         // on either axis
    bool floor_x = false;  // held at the left edge of a log x axis
};

PlacedPoint place(double x, double y);
ImVec2 to_pixels(double x, double y);

}  // namespace actviz::plot::detail
