// [SECTION] Item helpers: legend entry, hover readout, log floors, exported names
// [SECTION] Lines
// [SECTION] Bands
// [SECTION] Bars
// [SECTION] Scatter
// [SECTION] X spans
// [SECTION] Heatmaps
// [SECTION] Images
// [SECTION] Segments
//
// The items of plot.hpp, drawn into the plot that begin_plot (plot.cpp) opened; plot_internal.hpp
// holds the state structs and the helpers both files use.

#include <imgui.h>
#include <imgui_internal.h>  // ImRect

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "plot/axis.hpp"
#include "plot/csv_table.hpp"
#include "plot/interaction.hpp"
#include "plot/plot.hpp"
#include "plot/plot_internal.hpp"

namespace actviz::plot {

using namespace detail;

namespace {

// [SECTION] Item helpers: legend entry, hover readout, log floors, exported names -----------------

// set_next_item_export_name's name for the next item, taken (and forgotten) by its export_name.
std::optional<std::string> g_next_export_name;

// An item's name in exported data: the caller's (set_next_item_export_name), else its legend
// name, else for a "##id" item with none, the id.
std::string export_name(const char* label) {
    if (g_next_export_name) {
        std::string name = std::move(*g_next_export_name);
        g_next_export_name.reset();
        return name;
    }
    const std::string full = label ? label : "", name = display_name(full);
    const size_t id = full.find_first_not_of('#');
    return name.empty() && id != std::string::npos ? full.substr(id) : name;
}

// Whether the item has a legend name (a "##id" item does not: its data may repeat a named one's).
bool named(const char* label) { return label && label[0] != '\0' && !(label[0] == '#' && label[1] == '#'); }

// Adds an item's points to the chart's data, if they are being collected.
void capture_points(const std::string& name, const char* label, const double* xs, const double* ys, int count) {
    if (g_frame.capture && !name.empty()) g_frame.capture->add_points(name, xs, ys, count, named(label));
}

// Counts a point towards the extents that double-click, and axes given no limits, fit to.
void add_extent(double x, double y) { g_frame.extents.add(x, y, g_frame.x.scale, g_frame.y.scale); }

// Notes a point held at a log floor, if it is in view: the note speaks of what the user sees.
bool flag_floor(const PlacedPoint& p) {
    if (!p.at_floor) return false;
    const ImRect& d = g_frame.data;
    const bool in_view = p.pixel.x >= d.Min.x && p.pixel.x <= d.Max.x && p.pixel.y >= d.Min.y && p.pixel.y <= d.Max.y;
    g_frame.clamped |= in_view;
    return true;
}

// A small triangle pointing at the floor it stands on (down on a log y axis, left on a log x
// axis): "this value is ≤ 0, drawn here".
void draw_floor_marker(const PlacedPoint& p, ImU32 colour) {
    const ImRect& d = g_frame.data;
    ImVec2 a, b, c;
    if (p.floor_x) {
        const float x = d.Min.x + 1;
        a = ImVec2(x + 9, p.pixel.y - 5), b = ImVec2(x + 9, p.pixel.y + 5), c = ImVec2(x, p.pixel.y);
    } else {
        const float y = d.Max.y - 1;
        a = ImVec2(p.pixel.x - 5, y - 9), b = ImVec2(p.pixel.x + 5, y - 9), c = ImVec2(p.pixel.x, y);
    }
    g_frame.draw->AddTriangleFilled(a, b, c, colour | IM_COL32_A_MASK);
    g_frame.draw->AddTriangle(a, b, c, IM_COL32(15, 16, 20, 255), 1.0f);
    const ImVec2 triangle[3] = {a, b, c};
    record_polygon(triangle, 3, colour | IM_COL32_A_MASK);
}

void record_readout(const char* label, const LineStyle& style, const double* xs, const double* ys, int count) {
    if (!g_frame.hovered) return;
    const double x = g_frame.readout_x();
    g_frame.readout.push_back({display_name(label), style.colour, style.dashed, ItemKind::Line,
                               interpolate_at(xs, ys, count, x, g_frame.x.scale, g_frame.y.scale)});
}

// Registers a legend entry (once per label) and says whether the item is drawn, and how: dimmed
// when another entry is highlighted, emphasised when its own is.
struct ItemLook {
    bool visible;
    ImU32 colour;
    float emphasis;
    std::string export_name;  // its data's name in a CSV export
};

ItemLook begin_item(const char* label, ImU32 colour, bool dashed, ItemKind kind) {
    finish_setup();
    const std::string key(label ? label : "");
    const bool known =
        std::any_of(g_frame.legend.begin(), g_frame.legend.end(), [&](const LegendEntry& e) { return e.label == key; });
    // A label that starts with "##" names an item without a legend entry (ImGui's convention).
    if (!known && !key.starts_with("##")) g_frame.legend.push_back({key, colour, dashed, kind});
    const PlotState& state = *g_frame.state;
    std::string name = export_name(label);  // taken even when hidden: set_next_item_export_name is for this item
    if (state.hidden.count(key)) return {false, colour, 1.0f, std::move(name)};
    if (state.highlighted.empty()) return {true, colour, 1.0f, std::move(name)};
    if (state.highlighted == key) return {true, colour, 1.8f, std::move(name)};
    return {true, with_alpha(colour, 0.25f), 1.0f, std::move(name)};
}

}  // namespace

// [SECTION] Lines ---------------------------------------------------------------------------------

void plot_line(const char* label, const double* xs, const double* ys, int count, LineStyle style) {
    const ItemLook look = begin_item(label, style.colour, style.dashed, ItemKind::Line);
    if (!look.visible || count <= 0 || !xs || !ys) return;
    capture_points(look.export_name, label, xs, ys, count);
    record_readout(label, style, xs, ys, count);
    const float thickness = style.thickness * look.emphasis;
    std::vector<Point2> run;  // a run of drawable points: NaN or +∞ breaks the line
    run.reserve(static_cast<size_t>(count));
    std::vector<ImVec2> pixels;
    auto to_pixels = [&](const std::vector<Point2>& points) {
        pixels.assign(points.size(), ImVec2());
        for (size_t i = 0; i < points.size(); ++i) pixels[i] = ImVec2(points[i].x, points[i].y);
    };
    auto polyline = [&](const std::vector<Point2>& points) {
        to_pixels(points);
        g_frame.draw->AddPolyline(pixels.data(), static_cast<int>(pixels.size()), look.colour, ImDrawFlags_None,
                                  thickness);
    };
    auto flush = [&] {
        if (run.size() >= 2) {
            if (run.size() > 2 * static_cast<size_t>(g_frame.data.GetWidth())) run = thin_to_pixel_columns(run);
            // The SVG keeps the run whole, dashed by its stroke: one <polyline> a run, not one a dash.
            to_pixels(run);
            record_polyline(pixels.data(), static_cast<int>(pixels.size()), look.colour, thickness,
                            style.dashed ? 3.5f * thickness + 1 : 0, 2.5f * thickness + 1);
            if (style.dashed) {
                for (const std::vector<Point2>& dash : dash_polyline(run, 3.5f * thickness + 1, 2.5f * thickness + 1)) {
                    polyline(dash);
                }
            } else {
                polyline(run);
            }
        }
        run.clear();
    };
    ImVec2 last_marker(-1e9f, -1e9f);
    for (int i = 0; i < count; ++i) {
        const PlacedPoint p = place(xs[i], ys[i]);
        if (!p.drawable) {
            flush();
            continue;
        }
        add_extent(xs[i], ys[i]);
        if (!run.empty()) note_segment(ImVec2(run.back().x, run.back().y), p.pixel);
        run.push_back({p.pixel.x, p.pixel.y});
        note_point(p.pixel);
        if (flag_floor(p)) {
            // One marker per stretch at the floor, not one per sample: a dense run would be a smear.
            if (std::fabs(p.pixel.x - last_marker.x) + std::fabs(p.pixel.y - last_marker.y) >= 14) {
                draw_floor_marker(p, look.colour);
                last_marker = p.pixel;
            }
        }
    }
    flush();
}

// [SECTION] Bands ---------------------------------------------------------------------------------

void plot_band(const char* label, const double* xs, const double* y_low, const double* y_high, int count,
               ImU32 colour) {
    const ItemLook look = begin_item(label, colour, false, ItemKind::Fill);
    if (!look.visible || count <= 0 || !xs || !y_low || !y_high) return;
    if (g_frame.capture && !look.export_name.empty()) g_frame.capture->add_band(look.export_name, xs, y_low, y_high, count);
    // Anti-aliased fill gives every triangle a translucent fringe; where two triangles meet the
    // fringes overlap and a translucent band shows its diagonals as seams. The band's outer edges
    // are lines drawn by the caller, so plain fill loses nothing.
    const ImDrawListFlags saved_flags = g_frame.draw->Flags;
    g_frame.draw->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    // With more samples than pixel columns, each column's envelope (its highest and lowest pixel)
    // draws the same band with a segment per column instead of one per sample.
    const bool thin = count > static_cast<int>(g_frame.data.GetWidth());
    struct Edge {
        ImVec2 low, high;
    };
    std::optional<Edge> previous;  // the last drawable edge, unless a gap followed it
    std::optional<Edge> column;    // thinning: the column being gathered
    // The SVG gets each unbroken stretch as one polygon: its high edge forth, its low edge back.
    std::vector<Edge> stretch;
    auto record_stretch = [&] {
        std::vector<ImVec2> outline;
        for (const Edge& e : stretch) outline.push_back(e.high);
        for (auto e = stretch.rbegin(); e != stretch.rend(); ++e) outline.push_back(e->low);
        record_polygon(outline.data(), static_cast<int>(outline.size()), look.colour);
        stretch.clear();
    };
    auto segment_to = [&](const Edge& edge) {
        // Two triangles, not a quad: a quad whose edges cross (low above high) would be drawn
        // with a wrong winding and leave holes.
        if (previous) {
            g_frame.draw->AddTriangleFilled(previous->low, edge.low, edge.high, look.colour);
            g_frame.draw->AddTriangleFilled(previous->low, edge.high, previous->high, look.colour);
        }
        previous = edge;
        stretch.push_back(edge);
    };
    for (int i = 0; i < count; ++i) {
        const PlacedPoint l = place(xs[i], y_low[i]), h = place(xs[i], y_high[i]);
        if (!l.drawable || !h.drawable) {  // a gap in the band
            if (column) segment_to(*column);
            column.reset(), previous.reset();
            record_stretch();
            continue;
        }
        flag_floor(l), flag_floor(h);
        add_extent(xs[i], y_low[i]);
        add_extent(xs[i], y_high[i]);
        note_point(h.pixel);
        if (!thin) {
            segment_to({l.pixel, h.pixel});
            continue;
        }
        if (column && std::floor(column->low.x) == std::floor(l.pixel.x)) {
            column->low.y = std::max({column->low.y, l.pixel.y, h.pixel.y});
            column->high.y = std::min({column->high.y, l.pixel.y, h.pixel.y});
            continue;
        }
        if (column) segment_to(*column);
        column = Edge{ImVec2(l.pixel.x, std::max(l.pixel.y, h.pixel.y)), ImVec2(l.pixel.x, std::min(l.pixel.y, h.pixel.y))};
    }
    if (column) segment_to(*column);
    record_stretch();
    g_frame.draw->Flags = saved_flags;
}

// [SECTION] Bars ----------------------------------------------------------------------------------

void plot_bars(const char* label, const double* xs, const double* heights, int count, double bar_width, ImU32 colour,
               const double* values) {
    const ItemLook look = begin_item(label, colour, false, ItemKind::Fill);
    if (!look.visible || count <= 0 || !xs || !heights) return;
    if (!values) values = heights;
    capture_points(look.export_name, label, xs, values, count);
    if (!(bar_width > 0) || !std::isfinite(bar_width)) bar_width = 0.8;
    if (g_frame.hovered) {
        const double mouse_x = g_frame.readout_x();
        for (int i = 0; i < count; ++i) {
            if (std::fabs(mouse_x - xs[i]) <= bar_width / 2) {
                g_frame.readout.push_back({display_name(label), colour, false, ItemKind::Fill, values[i]});
            }
        }
    }
    // On a log axis bars grow from the bottom of the view: there is no zero to grow from.
    const bool log = g_frame.y.scale == Scale::Log10;
    const double base = log ? std::min(g_frame.y.min, g_frame.y.max) : 0.0;
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    for (int i = 0; i < count; ++i) {
        const PlacedPoint top = place(xs[i], heights[i]);
        if (!top.drawable || !std::isfinite(xs[i] - bar_width)) continue;
        const float x0 = clamp_pixel(g_frame.x.to_pixel(xs[i] - bar_width / 2), g_frame.data.Min.x, g_frame.data.Max.x);
        const float x1 = clamp_pixel(g_frame.x.to_pixel(xs[i] + bar_width / 2), g_frame.data.Min.x, g_frame.data.Max.x);
        const float y0 = log ? g_frame.data.Max.y : to_pixels(xs[i], base).y, y1 = top.pixel.y;
        const ImRect bar(ImVec2(std::min(x0, x1), std::min(y0, y1)), ImVec2(std::max(x0, x1), std::max(y0, y1)));
        g_frame.draw->AddRectFilled(bar.Min, bar.Max, look.colour, 2.0f, ImDrawFlags_RoundCornersTop);
        record_rect(bar.Min, bar.Max, look.colour, 0, 2.0f, true);
        note_rect(bar, 8);
        if (flag_floor(top)) {
            draw_floor_marker({ImVec2((x0 + x1) / 2, y1), true, true}, look.colour);
        }
        // A bar wide enough carries its value: above it when it grows up, below when it grows down.
        // An empty bar carries none: a row of zeros along a histogram's empty tails is noise.
        const std::string value = number_text(format_readout(values[i], Scale::Linear));
        const ImVec2 size = ImGui::CalcTextSize(value.c_str());
        if (bar.GetWidth() > size.x + 4 && !top.at_floor && heights[i] != 0) {
            const float y = heights[i] >= 0 || log ? bar.Min.y - size.y - 1 : bar.Max.y + 1;
            g_frame.draw->AddText(ImVec2(bar.GetCenter().x - size.x / 2, y), with_alpha(text, 0.8f), value.c_str());
            record_text(ImVec2(bar.GetCenter().x - size.x / 2, y), with_alpha(text, 0.8f), value);
        }
        add_extent(xs[i] - bar_width / 2, heights[i]);
        add_extent(xs[i] + bar_width / 2, base);
    }
}

// [SECTION] Scatter -------------------------------------------------------------------------------

constexpr float kSquareDotRadius = 1.5f;
// Larger series are thinned to one marker per cell: a 1000-layer gradient-flow curve or a data set
// of thousands of points; the Classifier's test points and misclassified rings are drawn whole.
constexpr int kExactScatter = 512;

void plot_scatter(const char* label, const double* xs, const double* ys, int count, ImU32 colour, float radius,
                  bool filled) {
    const ItemLook look = begin_item(label, colour, false, filled ? ItemKind::Marker : ItemKind::Ring);
    if (!look.visible || count <= 0 || !xs || !ys) return;
    capture_points(look.export_name, label, xs, ys, count);
    radius = std::clamp(std::isfinite(radius) ? radius : 3.0f, 0.5f, 50.0f);
    // A large series draws at most one marker per radius-sized cell of the data area: in a cloud a
    // marker whose centre falls where one is already drawn adds vertices but nothing a reader can
    // see. This bounds its cost by the plot's area, not by its length (100,000 points drew for a
    // second a frame). Series of up to kExactScatter points are drawn whole, every marker; the cells
    // come from the plain radius, so hovering the legend (emphasis) draws the same markers larger.
    const bool thinned = count > kExactScatter;
    ImRect area = g_frame.data;
    area.Expand(radius);  // markers whose centre is farther out than their radius are clipped away entirely
    const float cell = std::max(radius, 1.0f);
    const int columns = thinned ? static_cast<int>(area.GetWidth() / cell) + 1 : 1;
    const int rows = thinned ? static_cast<int>(area.GetHeight() / cell) + 1 : 1;
    std::vector<std::uint8_t>& drawn = g_frame.marker_cells;
    drawn.assign(static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows), 0);
    if (look.emphasis > 1) radius *= 1.4f;
    for (int i = 0; i < count; ++i) {
        const PlacedPoint p = place(xs[i], ys[i]);
        if (!p.drawable) continue;
        note_point(p.pixel);
        if (flag_floor(p)) {
            draw_floor_marker(p, look.colour);
            continue;
        }
        add_extent(xs[i], ys[i]);
        if (!area.Contains(p.pixel)) continue;
        if (thinned) {
            const int column = std::min(static_cast<int>((p.pixel.x - area.Min.x) / cell), columns - 1);
            const int row = std::min(static_cast<int>((p.pixel.y - area.Min.y) / cell), rows - 1);
            std::uint8_t& taken = drawn[static_cast<std::size_t>(row) * static_cast<std::size_t>(columns) + column];
            if (taken) continue;
            taken = 1;
        }
        // Vertices are what a scatter of hundreds of points costs under software GL: a dot under two
        // pixels across is a square (4 vertices instead of ~24), larger ones get ImGui's segment
        // count for their radius rather than a fixed 12.
        if (filled && radius < kSquareDotRadius) {
            g_frame.draw->AddRectFilled(ImVec2(p.pixel.x - radius, p.pixel.y - radius),
                                        ImVec2(p.pixel.x + radius, p.pixel.y + radius), look.colour);
            record_rect(ImVec2(p.pixel.x - radius, p.pixel.y - radius), ImVec2(p.pixel.x + radius, p.pixel.y + radius),
                        look.colour);
        } else if (filled) {
            g_frame.draw->AddCircleFilled(p.pixel, radius, look.colour);
            record_circle(p.pixel, radius, look.colour);
        } else {
            g_frame.draw->AddCircle(p.pixel, radius, look.colour, 0, 1.5f);
            record_circle(p.pixel, radius, 0, look.colour, 1.5f);
        }
    }
}

// [SECTION] X spans -------------------------------------------------------------------------------

void plot_x_span(const char* label, double x0, double x1, ImU32 colour) {
    const ItemLook look = begin_item(label, colour, false, ItemKind::Fill);
    if (!look.visible || std::isnan(x0) || std::isnan(x1)) return;
    const ImRect& d = g_frame.data;
    const float p0 = clamp_pixel(g_frame.x.to_pixel(x0), d.Min.x, d.Max.x);
    const float p1 = clamp_pixel(g_frame.x.to_pixel(x1), d.Min.x, d.Max.x);
    g_frame.draw->AddRectFilled(ImVec2(std::min(p0, p1), d.Min.y), ImVec2(std::max(p0, p1), d.Max.y), look.colour);
    record_rect(ImVec2(std::min(p0, p1), d.Min.y), ImVec2(std::max(p0, p1), d.Max.y), look.colour);
}

// [SECTION] Heatmaps ------------------------------------------------------------------------------

namespace {

ImU32 text_colour_on(ImU32 background) {
    const float r = static_cast<float>((background >> IM_COL32_R_SHIFT) & 0xFF);
    const float g = static_cast<float>((background >> IM_COL32_G_SHIFT) & 0xFF);
    const float b = static_cast<float>((background >> IM_COL32_B_SHIFT) & 0xFF);
    return 0.299f * r + 0.587f * g + 0.114f * b > 140 ? IM_COL32(20, 20, 24, 235) : IM_COL32(245, 245, 245, 235);
}

}  // namespace

void plot_heatmap(const char* label, const double* values, int rows, int cols, double x_min, double x_max, double y_min,
                  double y_max, double v_min, double v_max) {
    plot_heatmap(label, values, rows, cols, x_min, x_max, y_min, y_max, v_min, v_max, HeatmapLabels{});
}

void plot_heatmap(const char* label, const double* values, int rows, int cols, double x_min, double x_max, double y_min,
                  double y_max, double v_min, double v_max, const HeatmapLabels& labels) {
    finish_setup();
    const std::string name = export_name(label);
    if (!values || rows <= 0 || cols <= 0 || rows > 64 || cols > 64) return;
    if (!std::isfinite(x_min + x_max + y_min + y_max)) return;
    if (g_frame.capture && !name.empty()) g_frame.capture->add_grid(name, values, rows, cols, x_min, x_max, y_min, y_max);
    if (!(v_min < v_max)) v_max = v_min + 1;  // equal or NaN bounds: one colour, never a division by 0
    const bool diverging = v_min < 0 && v_max > 0;
    const double magnitude = std::max(std::fabs(v_min), std::fabs(v_max));
    const double cell_w = (x_max - x_min) / cols, cell_h = (y_max - y_min) / rows;
    const double value_step = (v_max - v_min) / 100;  // two significant digits of the range
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const float font_size = ImGui::GetFontSize();
    const auto fits = [](const ImRect& cell, const std::string& text, float scale) {
        const ImVec2 size = ImGui::CalcTextSize(text.c_str());
        return cell.GetWidth() > size.x * scale + 6 && cell.GetHeight() > size.y * scale + 2;
    };
    // The caller's texts share one form across the grid (all full, or all short), so a column never
    // mixes "0.8" with "−1": full texts when every one fits, else the short ones, shrunk (down to 65% of
    // the font) until every one fits; a text that still does not is left to the tooltip.
    struct {
        bool short_texts = false;
        float scale = 1;
    } caller_form;
    if (labels.text) {
        const ImVec2 a = to_pixels(x_min, y_max), b = to_pixels(x_min + cell_w, y_max - cell_h);
        const ImRect cell(ImVec2(std::min(a.x, b.x), std::min(a.y, b.y)), ImVec2(std::max(a.x, b.x), std::max(a.y, b.y)));
        // The largest scale at which every text of `texts` fits (1 when all do at full size).
        const auto scale_for = [&](const std::string* texts) {
            float scale = 1;
            for (int i = 0; i < rows * cols; ++i) {
                const ImVec2 size = ImGui::CalcTextSize(texts[i].c_str());
                if (size.x > 0) scale = std::min(scale, (cell.GetWidth() - 6.5f) / size.x);
                if (size.y > 0) scale = std::min(scale, (cell.GetHeight() - 2.5f) / size.y);
            }
            return scale;
        };
        if (scale_for(labels.text) < 1 && labels.short_text) {
            caller_form.short_texts = true;
            caller_form.scale = std::clamp(scale_for(labels.short_text), 0.65f, 1.0f);
        }
    }
    int hovered_row = -1, hovered_col = -1;
    ImRect hovered_cell;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            const double v = values[static_cast<size_t>(r) * cols + c];
            const ImVec2 a = to_pixels(x_min + c * cell_w, y_max - r * cell_h);
            const ImVec2 b = to_pixels(x_min + (c + 1) * cell_w, y_max - (r + 1) * cell_h);
            const ImRect cell(ImVec2(std::min(a.x, b.x), std::min(a.y, b.y)),
                              ImVec2(std::max(a.x, b.x), std::max(a.y, b.y)));
            if (g_frame.hovered && mouse.x >= cell.Min.x && mouse.x < cell.Max.x && mouse.y >= cell.Min.y &&
                mouse.y < cell.Max.y) {
                hovered_row = r, hovered_col = c, hovered_cell = cell;
            }
            const size_t index = static_cast<size_t>(r) * cols + c;
            const bool labelled = labels.text && !labels.text[index].empty();
            if (std::isnan(v) && !labelled) continue;  // not computed (yet): the background shows through
            const double shown = std::isinf(v) ? (v > 0 ? v_max : v_min) : v;  // the scale saturates
            const ImU32 colour = std::isnan(v) ? IM_COL32(128, 128, 128, 255)
                                 : diverging   ? diverging_colour(shown / magnitude)
                                               : sequential_colour((shown - v_min) / (v_max - v_min));
            g_frame.draw->AddRectFilled(cell.Min, cell.Max, colour);
            record_rect(cell.Min, cell.Max, colour);
            // Roomy cells carry their value (or the caller's text, or its short form), in a text colour
            // that reads on the cell.
            // A value that rounds to zero at the ticks' precision reads "0", never "−0".
            const double rounded = std::fabs(v) < value_step / 2 ? 0.0 : v;
            std::string text = labelled ? labels.text[index] : number_text(format_tick(rounded, value_step));
            if (labelled && caller_form.short_texts) text = labels.short_text[index];
            const float scale = labelled ? caller_form.scale : 1.0f;
            if (!text.empty() && fits(cell, text, scale)) {
                const ImVec2 size = ImGui::CalcTextSize(text.c_str());
                const ImVec2 at(cell.GetCenter().x - size.x * scale / 2, cell.GetCenter().y - size.y * scale / 2);
                g_frame.draw->AddText(ImGui::GetFont(), font_size * scale, at, text_colour_on(colour), text.c_str());
                record_text(at, text_colour_on(colour), text, font_size * scale);
            }
        }
    }
    add_extent(x_min, y_min);
    add_extent(x_max, y_max);
    if (hovered_row >= 0) {
        g_frame.draw->AddRect(hovered_cell.Min, hovered_cell.Max, IM_COL32(255, 255, 255, 255), 0, 0, 2.0f);
        const size_t index = static_cast<size_t>(hovered_row) * cols + hovered_col;
        const double v = values[index];
        const std::string shown_name = display_name(label ? label : "");
        ImGui::BeginTooltip();
        if (labels.tooltip && !labels.tooltip[index].empty()) {
            ImGui::TextUnformatted(labels.tooltip[index].c_str());
            ImGui::EndTooltip();
            g_frame.readout_suppressed = true;
            return;
        }
        if (!shown_name.empty()) ImGui::TextUnformatted(shown_name.c_str());
        ImGui::TextDisabled("row %d, column %d", hovered_row, hovered_col);
        if (std::isnan(v))
            ImGui::TextUnformatted("not computed");
        else
            ImGui::TextUnformatted(number_text(format_readout(v, Scale::Linear)).c_str());
        ImGui::EndTooltip();
        g_frame.readout_suppressed = true;  // the cell tooltip replaces the line readout
    }
}

// [SECTION] Images --------------------------------------------------------------------------------

void plot_image(const char* label, ImTextureID texture, double x_min, double y_min, double x_max, double y_max) {
    finish_setup();
    g_next_export_name.reset();  // images give no data
    (void)label;  // images fill the plot: no legend entry, nothing to toggle
    if (!std::isfinite(x_min + x_max + y_min + y_max)) return;
    g_frame.draw->AddImage(texture, to_pixels(x_min, y_max), to_pixels(x_max, y_min));
    record_image(to_pixels(x_min, y_max), to_pixels(x_max, y_min), texture);
    add_extent(x_min, y_min);
    add_extent(x_max, y_max);
}

// [SECTION] Segments ------------------------------------------------------------------------------

void plot_segments(const char* label, const double* xs, const double* ys, int count, LineStyle style) {
    const ItemLook look = begin_item(label, style.colour, style.dashed, ItemKind::Line);  // contours: no data exported
    if (!look.visible || count <= 1 || !xs || !ys) return;
    const float thickness = style.thickness * look.emphasis;
    for (int i = 0; i + 1 < count; i += 2) {
        if (!std::isfinite(xs[i] + ys[i] + xs[i + 1] + ys[i + 1])) continue;
        g_frame.draw->AddLine(to_pixels(xs[i], ys[i]), to_pixels(xs[i + 1], ys[i + 1]), look.colour, thickness);
        record_line(to_pixels(xs[i], ys[i]), to_pixels(xs[i + 1], ys[i + 1]), look.colour, thickness);
        add_extent(xs[i], ys[i]);
        add_extent(xs[i + 1], ys[i + 1]);
    }
}

void set_next_item_export_name(const char* name) { g_next_export_name = name ? name : ""; }

}  // namespace actviz::plot
