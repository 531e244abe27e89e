// [SECTION] State: per-plot (persistent) and per-frame (the plot being drawn)
// [SECTION] Colours
// [SECTION] Begin, setup and interaction
// [SECTION] Axes, grid and ticks
// [SECTION] Items
// [SECTION] End: legend, hover readout, notes, menu

#include "plot/plot.hpp"

#include <imgui_internal.h>  // ImRect, GetItemID

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "plot/interaction.hpp"

namespace actviz::plot {
namespace {

// [SECTION] State: per-plot (persistent) and per-frame (the plot being drawn) -------------------

struct AxisState {
    Range range;
    Range requested;           // what the caller asked for last (Reset view returns here)
    bool initialised = false;  // Cond::Once limits applied
    Scale scale = Scale::Linear;
    std::string label;
};

struct Extents {
    double x_min = INFINITY, x_max = -INFINITY, y_min = INFINITY, y_max = -INFINITY;
    void add(double x, double y, Scale y_scale) {
        if (!std::isfinite(x) || !std::isfinite(y) || (y_scale == Scale::Log10 && y <= 0)) return;
        x_min = std::min(x_min, x), x_max = std::max(x_max, x);
        y_min = std::min(y_min, y), y_max = std::max(y_max, y);
    }
    bool valid() const { return x_min <= x_max && y_min <= y_max; }
};

struct PlotState {
    AxisState x, y;
    std::unordered_set<std::string> hidden;  // legend keys the user toggled off
    std::string highlighted;                 // legend key hovered last frame
    Extents last_extents;                    // of the visible items, for double-click fit
    ImRect legend_rect;                      // where the legend was drawn last frame
    bool fit_requested = false;
};

enum class ItemKind { Line, Fill, Marker };

struct LegendEntry {
    std::string key;  // the full label, "name##id"
    ImU32 colour;
    bool dashed;
    ItemKind kind;
    std::string tooltip;
};

struct ReadoutEntry {
    std::string name;
    ImU32 colour;
    std::optional<double> value;
};

struct Frame {
    PlotState* state = nullptr;
    ImGuiID id = 0;
    ImDrawList* draw = nullptr;
    ImRect frame, data;
    Axis x, y;
    std::string title;
    int flags = 0;
    bool setup_done = false;
    bool hovered = false;   // the mouse is over the data area (and not over the legend)
    bool clicked = false;
    ImVec2 click{};
    bool clamped = false;   // some value ≤ 0 was drawn at a log axis' floor
    std::vector<LegendEntry> legend;
    std::vector<ReadoutEntry> readout;
    Extents extents;
    std::vector<Tick> custom_ticks[2];  // [X], [Y]: set by setup_axis_ticks, else nice numbers
};

std::unordered_map<ImGuiID, PlotState> g_states;
Frame g_frame;
bool g_in_plot = false;

std::string display_name(const std::string& key) {
    const auto hash = key.find("##");
    return hash == std::string::npos ? key : key.substr(0, hash);
}

AxisState& axis_state(AxisId axis) { return axis == AxisId::X ? g_frame.state->x : g_frame.state->y; }

ImU32 with_alpha(ImU32 colour, float factor) {
    const unsigned alpha = (colour >> IM_COL32_A_SHIFT) & 0xFF;
    return (colour & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha * factor) << IM_COL32_A_SHIFT);
}

// Registers a legend entry (once per key) and says whether the item is drawn, and how: dimmed
// when another entry is highlighted, emphasised when its own is.
struct ItemLook {
    bool visible;
    ImU32 colour;
    float emphasis;
};

ItemLook begin_item(const char* label, ImU32 colour, bool dashed, ItemKind kind) {
    const std::string key(label);
    const bool known = std::any_of(g_frame.legend.begin(), g_frame.legend.end(),
                                   [&](const LegendEntry& e) { return e.key == key; });
    // A label that starts with "##" names an item without a legend entry (ImGui's convention).
    if (!known && !key.starts_with("##")) g_frame.legend.push_back({key, colour, dashed, kind, {}});
    const PlotState& state = *g_frame.state;
    if (state.hidden.count(key)) return {false, colour, 1.0f};
    if (state.highlighted.empty()) return {true, colour, 1.0f};
    if (state.highlighted == key) return {true, colour, 1.8f};
    return {true, with_alpha(colour, 0.3f), 1.0f};
}

void finish_setup();

ImVec2 to_pixels(double x, double y) {
    return {static_cast<float>(g_frame.x.to_pixel(x)), static_cast<float>(g_frame.y.to_pixel(y))};
}

// Pixel y of a value, with values ≤ 0 on a log axis held at the floor (the data area's bottom).
float y_pixel(double y, bool* clamped) {
    if (g_frame.y.scale == Scale::Log10 && !(y > 0)) {
        *clamped = true;
        return g_frame.data.Max.y;
    }
    return static_cast<float>(g_frame.y.to_pixel(y));
}

// [SECTION] Colours -----------------------------------------------------------------------------

constexpr ImU32 kPalette[] = {
    // Tableau 10, brightened a little for a dark background, then its lighter companions.
    IM_COL32(94, 146, 204, 255),  IM_COL32(242, 142, 43, 255),  IM_COL32(231, 96, 98, 255),
    IM_COL32(118, 183, 178, 255), IM_COL32(98, 178, 86, 255),   IM_COL32(237, 201, 72, 255),
    IM_COL32(186, 132, 172, 255), IM_COL32(255, 157, 167, 255), IM_COL32(176, 134, 108, 255),
    IM_COL32(186, 176, 172, 255), IM_COL32(160, 203, 232, 255), IM_COL32(255, 190, 125, 255),
    IM_COL32(140, 209, 125, 255), IM_COL32(134, 188, 182, 255), IM_COL32(241, 206, 99, 255),
    IM_COL32(212, 166, 200, 255), IM_COL32(73, 152, 148, 255),  IM_COL32(211, 114, 149, 255),
    IM_COL32(182, 153, 45, 255),  IM_COL32(121, 112, 110, 255),
};

ImU32 hsv(float h, float s, float v) {
    float r, g, b;
    ImGui::ColorConvertHSVtoRGB(h, s, v, r, g, b);
    return IM_COL32(static_cast<int>(r * 255), static_cast<int>(g * 255), static_cast<int>(b * 255), 255);
}

}  // namespace

ImU32 series_colour(int index) {
    constexpr int kCount = static_cast<int>(sizeof kPalette / sizeof kPalette[0]);
    if (index >= 0 && index < kCount) return kPalette[index];
    // Beyond the table: golden-angle hues stay apart from each other.
    return hsv(std::fmod(0.13f + 0.618034f * static_cast<float>(std::abs(index)), 1.0f), 0.55f, 0.95f);
}

ImU32 sequential_colour(double t) {
    // A viridis-like ramp through five anchors.
    static const float anchors[5][3] = {{0.27f, 0.00f, 0.33f}, {0.23f, 0.32f, 0.55f}, {0.13f, 0.57f, 0.55f},
                                        {0.37f, 0.79f, 0.38f}, {0.99f, 0.91f, 0.14f}};
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * 4;
    const int i = std::min(static_cast<int>(t), 3);
    const float f = static_cast<float>(t - i);
    float c[3];
    for (int k = 0; k < 3; ++k) c[k] = anchors[i][k] + f * (anchors[i + 1][k] - anchors[i][k]);
    return IM_COL32(static_cast<int>(c[0] * 255), static_cast<int>(c[1] * 255), static_cast<int>(c[2] * 255), 255);
}

ImU32 diverging_colour(double t) {
    t = std::clamp(std::isfinite(t) ? t : 0.0, -1.0, 1.0);
    const float mid[3] = {0.86f, 0.86f, 0.86f}, low[3] = {0.13f, 0.40f, 0.80f}, high[3] = {0.84f, 0.19f, 0.15f};
    const float* end = t < 0 ? low : high;
    const float f = static_cast<float>(std::fabs(t));
    float c[3];
    for (int k = 0; k < 3; ++k) c[k] = mid[k] + f * (end[k] - mid[k]);
    return IM_COL32(static_cast<int>(c[0] * 255), static_cast<int>(c[1] * 255), static_cast<int>(c[2] * 255), 255);
}

// [SECTION] Begin, setup and interaction --------------------------------------------------------

bool begin_plot(const char* id, ImVec2 size, const char* title, int flags) {
    IM_ASSERT(!g_in_plot && "begin_plot without end_plot");
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float width = size.x > 0 ? size.x : std::max(avail.x + size.x, 1.0f);
    const float height = size.y > 0 ? size.y : std::max(avail.y + size.y, 1.0f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    if (width < 32 || height < 32) {
        ImGui::Dummy(ImVec2(width, height));
        return false;
    }
    ImGui::InvisibleButton(id, ImVec2(width, height), ImGuiButtonFlags_MouseButtonLeft |
                                                      ImGuiButtonFlags_MouseButtonRight);
    if (!ImGui::IsItemVisible()) return false;
    g_frame = Frame();
    g_frame.id = ImGui::GetID(id);
    g_frame.state = &g_states[g_frame.id];
    g_frame.draw = ImGui::GetWindowDrawList();
    g_frame.frame = ImRect(origin, ImVec2(origin.x + width, origin.y + height));
    g_frame.title = title ? title : "";
    g_frame.flags = flags;
    g_in_plot = true;
    return true;
}

void setup_axis(AxisId axis, const char* label, Scale scale) {
    AxisState& state = axis_state(axis);
    if (state.scale != scale) state.initialised = false;  // a new scale needs new limits
    state.scale = scale;
    state.label = label ? label : "";
}

void setup_axis_limits(AxisId axis, double min, double max, Cond cond) {
    AxisState& state = axis_state(axis);
    if (!(min < max) && !(min > max)) max = min + 1;  // equal (or NaN) limits: widen, never divide by 0
    state.requested = {min, max};
    if (cond == Cond::Always || !state.initialised) {
        state.range = {min, max};
        state.initialised = true;
    }
}

void setup_axis_ticks(AxisId axis, const double* values, const char* const* labels, int count) {
    std::vector<Tick>& ticks = g_frame.custom_ticks[axis == AxisId::X ? 0 : 1];
    ticks.clear();
    for (int i = 0; i < count; ++i) ticks.push_back({values[i], true, labels[i]});
}

namespace {

std::vector<Tick> ticks_for(AxisId axis, const Axis& geometry, float min_spacing) {
    const std::vector<Tick>& custom = g_frame.custom_ticks[axis == AxisId::X ? 0 : 1];
    return custom.empty() ? make_ticks(geometry, min_spacing) : custom;
}

// Pixels reserved around the data area for tick labels, axis labels and the title.
struct Margins {
    float left, right, top, bottom;
};

Margins margins_for(const PlotState& state) {
    const float line = ImGui::GetTextLineHeight();
    Margins m{6, 10, 6, 6};
    m.top += line + 4;  // the y label, or the title
    if (!g_frame.title.empty() && !state.y.label.empty()) m.top += line + 2;  // both: the title above
    m.bottom += line + 4;                           // x tick labels
    if (!state.x.label.empty()) m.bottom += line + 2;  // x label
    // The widest y tick label for an approximate data height.
    const float approx_height = g_frame.frame.GetHeight() - m.top - m.bottom;
    const Axis y{state.y.range.min, state.y.range.max, state.y.scale, approx_height, 0.0f};
    float widest = ImGui::CalcTextSize("0.0").x;
    for (const Tick& tick : ticks_for(AxisId::Y, y, line * 2.2f)) {
        if (tick.major) widest = std::max(widest, ImGui::CalcTextSize(tick.label.c_str()).x);
    }
    m.left += widest + 6;
    return m;
}

void handle_interaction() {
    PlotState& state = *g_frame.state;
    const ImGuiIO& io = ImGui::GetIO();
    const ImRect& data = g_frame.data;
    const bool over_item = ImGui::IsItemHovered();
    const bool over_legend = state.legend_rect.Contains(io.MousePos);
    g_frame.hovered = over_item && data.Contains(io.MousePos) && !over_legend;
    if (g_frame.flags & PlotFlags_NoInteraction) return;
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f) && !over_legend) {
        state.x.range = pan_range(state.x.range, io.MouseDelta.x, data.GetWidth(), state.x.scale);
        state.y.range = pan_range(state.y.range, -io.MouseDelta.y, data.GetHeight(), state.y.scale);
    }
    if (g_frame.hovered && io.MouseWheel != 0) {
        const double factor = std::pow(0.85, io.MouseWheel);
        if (!io.KeyCtrl) {
            state.x.range = zoom_range(state.x.range, g_frame.x.from_pixel(io.MousePos.x), factor, state.x.scale);
        }
        if (!io.KeyShift) {
            state.y.range = zoom_range(state.y.range, g_frame.y.from_pixel(io.MousePos.y), factor, state.y.scale);
        }
    }
    if (g_frame.hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) state.fit_requested = true;
    if (ImGui::IsItemDeactivated() && g_frame.hovered && io.MouseDragMaxDistanceSqr[0] < 9.0f) {
        g_frame.clicked = true;
        g_frame.click = io.MousePos;
    }
    if (over_item && ImGui::IsMouseReleased(ImGuiMouseButton_Right)) ImGui::OpenPopup("##plot_menu");
    if (state.fit_requested && state.last_extents.valid()) {
        const Extents& e = state.last_extents;
        state.x.range = fit_range(e.x_min, e.x_max, 0.03, state.x.scale);
        state.y.range = fit_range(e.y_min, e.y_max, 0.06, state.y.scale);
        state.fit_requested = false;
    }
}

void update_axes() {
    const PlotState& state = *g_frame.state;
    const ImRect& data = g_frame.data;
    g_frame.x = Axis{state.x.range.min, state.x.range.max, state.x.scale, data.Min.x, data.Max.x};
    g_frame.y = Axis{state.y.range.min, state.y.range.max, state.y.scale, data.Max.y, data.Min.y};
}

// [SECTION] Axes, grid and ticks -----------------------------------------------------------------

void draw_axes() {
    ImDrawList* draw = g_frame.draw;
    const ImRect& data = g_frame.data;
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 faint_text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 major = IM_COL32(255, 255, 255, 34), minor = IM_COL32(255, 255, 255, 14);
    const float line = ImGui::GetTextLineHeight();
    draw->AddRectFilled(data.Min, data.Max, IM_COL32(0, 0, 0, 60));

    for (const Tick& tick : ticks_for(AxisId::X, g_frame.x, ImGui::CalcTextSize("-0.000").x + 12)) {
        const float px = static_cast<float>(g_frame.x.to_pixel(tick.value));
        if (px < data.Min.x - 0.5f || px > data.Max.x + 0.5f) continue;
        draw->AddLine(ImVec2(px, data.Min.y), ImVec2(px, data.Max.y), tick.major ? major : minor);
        if (!tick.major) continue;
        const ImVec2 size = ImGui::CalcTextSize(tick.label.c_str());
        const float left = std::clamp(px - size.x / 2, g_frame.frame.Min.x, g_frame.frame.Max.x - size.x);
        draw->AddText(ImVec2(left, data.Max.y + 3), text, tick.label.c_str());
    }
    for (const Tick& tick : ticks_for(AxisId::Y, g_frame.y, line * 2.2f)) {
        const float py = static_cast<float>(g_frame.y.to_pixel(tick.value));
        if (py < data.Min.y - 0.5f || py > data.Max.y + 0.5f) continue;
        draw->AddLine(ImVec2(data.Min.x, py), ImVec2(data.Max.x, py), tick.major ? major : minor);
        if (!tick.major) continue;
        const ImVec2 size = ImGui::CalcTextSize(tick.label.c_str());
        draw->AddText(ImVec2(data.Min.x - size.x - 5, py - size.y / 2), text, tick.label.c_str());
    }
    // Zero lines help read signed curves.
    if (g_frame.y.scale == Scale::Linear && g_frame.y.min < 0 && g_frame.y.max > 0) {
        const float py = static_cast<float>(g_frame.y.to_pixel(0.0));
        draw->AddLine(ImVec2(data.Min.x, py), ImVec2(data.Max.x, py), IM_COL32(255, 255, 255, 70));
    }
    if (g_frame.x.scale == Scale::Linear && g_frame.x.min < 0 && g_frame.x.max > 0) {
        const float px = static_cast<float>(g_frame.x.to_pixel(0.0));
        draw->AddLine(ImVec2(px, data.Min.y), ImVec2(px, data.Max.y), IM_COL32(255, 255, 255, 70));
    }
    const PlotState& state = *g_frame.state;
    float top = g_frame.frame.Min.y + 4;
    if (!g_frame.title.empty()) {
        const float width = ImGui::CalcTextSize(g_frame.title.c_str()).x;
        const float left = std::max(data.GetCenter().x - width / 2, g_frame.frame.Min.x + 6);
        draw->PushClipRect(g_frame.frame.Min, g_frame.frame.Max, true);
        draw->AddText(ImVec2(left, top), text, g_frame.title.c_str());
        draw->PopClipRect();
        top += line + 2;
    }
    if (!state.y.label.empty()) draw->AddText(ImVec2(g_frame.frame.Min.x + 6, top), faint_text, state.y.label.c_str());
    if (!state.x.label.empty()) {
        const float width = ImGui::CalcTextSize(state.x.label.c_str()).x;
        draw->AddText(ImVec2(data.GetCenter().x - width / 2, data.Max.y + line + 5), faint_text,
                      state.x.label.c_str());
    }
    (void)style;
}

void finish_setup() {
    if (g_frame.setup_done) return;
    g_frame.setup_done = true;
    PlotState& state = *g_frame.state;
    for (AxisState* axis : {&state.x, &state.y}) {
        if (!axis->initialised) axis->range = axis->scale == Scale::Log10 ? Range{1e-3, 1} : Range{0, 1};
        if (axis->scale == Scale::Log10 && !(axis->range.min > 0 && axis->range.max > 0)) {
            axis->range = fit_range(std::max(axis->range.max * 1e-6, kLogFloor), std::max(axis->range.max, 1e-300), 0,
                                    Scale::Log10);
        }
    }
    const Margins m = margins_for(state);
    const ImRect& f = g_frame.frame;
    g_frame.data = ImRect(ImVec2(f.Min.x + m.left, f.Min.y + m.top), ImVec2(f.Max.x - m.right, f.Max.y - m.bottom));
    if (g_frame.data.GetWidth() < 8 || g_frame.data.GetHeight() < 8) {
        g_frame.data = ImRect(f.Min, ImVec2(f.Min.x + std::max(f.GetWidth(), 8.0f), f.Min.y + std::max(f.GetHeight(), 8.0f)));
    }
    update_axes();
    handle_interaction();
    update_axes();
    draw_axes();
    g_frame.draw->PushClipRect(g_frame.data.Min, g_frame.data.Max, true);
}

void record_readout(const char* label, ImU32 colour, const double* xs, const double* ys, int count) {
    if (!g_frame.hovered) return;
    const double x = g_frame.x.from_pixel(ImGui::GetIO().MousePos.x);
    g_frame.readout.push_back({display_name(label), colour, interpolate_at(xs, ys, count, x)});
}

}  // namespace

double axis_min(AxisId axis) {
    finish_setup();
    return axis == AxisId::X ? g_frame.x.min : g_frame.y.min;
}

double axis_max(AxisId axis) {
    finish_setup();
    return axis == AxisId::X ? g_frame.x.max : g_frame.y.max;
}

float plot_width_pixels() {
    finish_setup();
    return g_frame.data.GetWidth();
}

// [SECTION] Items ------------------------------------------------------------------------------

void plot_line(const char* label, const double* xs, const double* ys, int count, LineStyle style) {
    finish_setup();
    const ItemLook look = begin_item(label, style.colour, style.dashed, ItemKind::Line);
    if (!look.visible || count <= 0) return;
    record_readout(label, style.colour, xs, ys, count);
    const float thickness = style.thickness * look.emphasis;
    std::vector<Point2> run;
    run.reserve(static_cast<size_t>(count));
    auto flush = [&] {
        if (run.size() >= 2) {
            if (style.dashed) {
                for (const auto& [a, b] : dash_polyline(run, 7.0f, 5.0f)) {
                    g_frame.draw->AddLine(ImVec2(a.x, a.y), ImVec2(b.x, b.y), look.colour, thickness);
                }
            } else {
                g_frame.draw->AddPolyline(reinterpret_cast<const ImVec2*>(run.data()), static_cast<int>(run.size()),
                                          look.colour, ImDrawFlags_None, thickness);
            }
        }
        run.clear();
    };
    for (int i = 0; i < count; ++i) {
        if (!std::isfinite(xs[i]) || std::isnan(ys[i])) {
            flush();  // a gap in the data breaks the line
            continue;
        }
        g_frame.extents.add(xs[i], ys[i], g_frame.y.scale);
        bool clamped = false;
        const float px = static_cast<float>(g_frame.x.to_pixel(xs[i]));
        const float py = std::isinf(ys[i]) ? (ys[i] > 0 ? g_frame.data.Min.y - 10 : g_frame.data.Max.y + 10)
                                           : y_pixel(ys[i], &clamped);
        run.push_back({px, py});
        if (clamped) {
            g_frame.clamped = true;
            // A small downward triangle marks each value held at the floor.
            g_frame.draw->AddTriangleFilled(ImVec2(px - 4, py - 7), ImVec2(px + 4, py - 7), ImVec2(px, py - 1),
                                            look.colour);
        }
    }
    flush();
}

void plot_band(const char* label, const double* xs, const double* y_low, const double* y_high, int count,
               ImU32 colour) {
    finish_setup();
    const ItemLook look = begin_item(label, colour, false, ItemKind::Fill);
    if (!look.visible) return;
    bool clamped = false;
    for (int i = 0; i + 1 < count; ++i) {
        const double v[] = {xs[i], xs[i + 1], y_low[i], y_low[i + 1], y_high[i], y_high[i + 1]};
        if (!std::all_of(std::begin(v), std::end(v), [](double d) { return std::isfinite(d); })) continue;
        const float x0 = static_cast<float>(g_frame.x.to_pixel(xs[i]));
        const float x1 = static_cast<float>(g_frame.x.to_pixel(xs[i + 1]));
        const ImVec2 quad[4] = {{x0, y_pixel(y_low[i], &clamped)}, {x1, y_pixel(y_low[i + 1], &clamped)},
                                {x1, y_pixel(y_high[i + 1], &clamped)}, {x0, y_pixel(y_high[i], &clamped)}};
        g_frame.draw->AddQuadFilled(quad[0], quad[1], quad[2], quad[3], look.colour);
        g_frame.extents.add(xs[i], y_low[i], g_frame.y.scale);
        g_frame.extents.add(xs[i], y_high[i], g_frame.y.scale);
    }
    g_frame.clamped |= clamped;
}

void plot_bars(const char* label, const double* xs, const double* heights, int count, double bar_width,
               ImU32 colour) {
    finish_setup();
    const ItemLook look = begin_item(label, colour, false, ItemKind::Fill);
    if (!look.visible) return;
    if (g_frame.hovered) {
        const double mouse_x = g_frame.x.from_pixel(ImGui::GetIO().MousePos.x);
        for (int i = 0; i < count; ++i) {
            if (std::fabs(mouse_x - xs[i]) <= bar_width / 2) g_frame.readout.push_back({display_name(label), colour, heights[i]});
        }
    }
    const double base = g_frame.y.scale == Scale::Log10 ? g_frame.y.min : 0.0;
    for (int i = 0; i < count; ++i) {
        if (!std::isfinite(xs[i]) || !std::isfinite(heights[i])) continue;
        bool clamped = false;
        const float x0 = static_cast<float>(g_frame.x.to_pixel(xs[i] - bar_width / 2));
        const float x1 = static_cast<float>(g_frame.x.to_pixel(xs[i] + bar_width / 2));
        const float y0 = y_pixel(base, &clamped), y1 = y_pixel(heights[i], &clamped);
        g_frame.draw->AddRectFilled(ImVec2(x0, std::min(y0, y1)), ImVec2(x1, std::max(y0, y1)), look.colour, 2.0f);
        // A bar wide enough carries its value on top.
        char text[24];
        std::snprintf(text, sizeof text, "%.3g", heights[i]);
        const ImVec2 size = ImGui::CalcTextSize(text);
        if (x1 - x0 > size.x + 4) {
            g_frame.draw->AddText(ImVec2((x0 + x1 - size.x) / 2, std::min(y0, y1) - size.y - 2),
                                  ImGui::GetColorU32(ImGuiCol_Text), text);
        }
        g_frame.clamped |= clamped && g_frame.y.scale == Scale::Log10 && heights[i] <= 0;
        g_frame.extents.add(xs[i] - bar_width / 2, heights[i], g_frame.y.scale);
        g_frame.extents.add(xs[i] + bar_width / 2, base, g_frame.y.scale);
    }
}

void plot_scatter(const char* label, const double* xs, const double* ys, int count, ImU32 colour, float radius,
                  bool filled) {
    finish_setup();
    const ItemLook look = begin_item(label, colour, false, ItemKind::Marker);
    if (!look.visible) return;
    for (int i = 0; i < count; ++i) {
        if (!std::isfinite(xs[i]) || std::isnan(ys[i])) continue;
        bool clamped = false;
        const ImVec2 p(static_cast<float>(g_frame.x.to_pixel(xs[i])), y_pixel(ys[i], &clamped));
        if (clamped) {
            g_frame.clamped = true;
            g_frame.draw->AddTriangleFilled(ImVec2(p.x - 4, p.y - 7), ImVec2(p.x + 4, p.y - 7), ImVec2(p.x, p.y - 1),
                                            look.colour);
            continue;
        }
        g_frame.extents.add(xs[i], ys[i], g_frame.y.scale);
        if (filled) g_frame.draw->AddCircleFilled(p, radius * look.emphasis, look.colour, 12);
        else g_frame.draw->AddCircle(p, radius * look.emphasis, look.colour, 12, 1.5f);
    }
}

void plot_x_span(const char* label, double x0, double x1, ImU32 colour) {
    finish_setup();
    const ItemLook look = begin_item(label, colour, false, ItemKind::Fill);
    if (!look.visible || !std::isfinite(x0) || !std::isfinite(x1)) return;
    const float p0 = static_cast<float>(g_frame.x.to_pixel(x0)), p1 = static_cast<float>(g_frame.x.to_pixel(x1));
    g_frame.draw->AddRectFilled(ImVec2(std::min(p0, p1), g_frame.data.Min.y), ImVec2(std::max(p0, p1), g_frame.data.Max.y),
                                look.colour);
}

void plot_heatmap(const char* label, const double* values, int rows, int cols, double x_min, double x_max,
                  double y_min, double y_max, double v_min, double v_max) {
    finish_setup();
    if (rows <= 0 || cols <= 0 || rows > 64 || cols > 64) return;
    const bool diverging = v_min < 0 && v_max > 0;
    const double scale = std::max(std::fabs(v_min), std::fabs(v_max));
    const double cell_w = (x_max - x_min) / cols, cell_h = (y_max - y_min) / rows;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    int hovered_row = -1, hovered_col = -1;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            const double v = values[static_cast<size_t>(r) * cols + c];
            const ImVec2 a = to_pixels(x_min + c * cell_w, y_max - r * cell_h);
            const ImVec2 b = to_pixels(x_min + (c + 1) * cell_w, y_max - (r + 1) * cell_h);
            const ImVec2 lo(std::min(a.x, b.x), std::min(a.y, b.y)), hi(std::max(a.x, b.x), std::max(a.y, b.y));
            if (g_frame.hovered && mouse.x >= lo.x && mouse.x < hi.x && mouse.y >= lo.y && mouse.y < hi.y) {
                hovered_row = r, hovered_col = c;
            }
            if (std::isnan(v)) continue;
            const ImU32 colour = diverging ? diverging_colour(v / scale)
                                           : sequential_colour((v - v_min) / std::max(v_max - v_min, 1e-300));
            g_frame.draw->AddRectFilled(lo, hi, colour);
            // Roomy cells carry their value, in dark text on the light map colours.
            char text[24];
            std::snprintf(text, sizeof text, "%.3g", v);
            const ImVec2 size = ImGui::CalcTextSize(text);
            if (hi.x - lo.x > size.x + 6 && hi.y - lo.y > size.y + 4) {
                g_frame.draw->AddText(ImVec2((lo.x + hi.x - size.x) / 2, (lo.y + hi.y - size.y) / 2),
                                      IM_COL32(20, 20, 24, 230), text);
            }
        }
    }
    g_frame.extents.add(x_min, y_min, Scale::Linear);
    g_frame.extents.add(x_max, y_max, Scale::Linear);
    if (hovered_row >= 0) {
        const double v = values[static_cast<size_t>(hovered_row) * cols + hovered_col];
        ImGui::BeginTooltip();
        if (std::isnan(v)) ImGui::Text("%s: row %d, column %d: not computed yet", display_name(label).c_str(), hovered_row, hovered_col);
        else ImGui::Text("%s: row %d, column %d: %.4g", display_name(label).c_str(), hovered_row, hovered_col, v);
        ImGui::EndTooltip();
        g_frame.hovered = false;  // the cell tooltip replaces the line readout
    }
}

void plot_image(const char* label, ImTextureID texture, double x_min, double y_min, double x_max, double y_max) {
    finish_setup();
    const ItemLook look = begin_item(label, IM_COL32_WHITE, false, ItemKind::Fill);
    if (!look.visible) return;
    const ImVec2 top_left = to_pixels(x_min, y_max), bottom_right = to_pixels(x_max, y_min);
    g_frame.draw->AddImage(texture, top_left, bottom_right);
    g_frame.extents.add(x_min, y_min, Scale::Linear);
    g_frame.extents.add(x_max, y_max, Scale::Linear);
}

void set_legend_tooltip(const char* label, const char* text) {
    for (LegendEntry& entry : g_frame.legend) {
        if (entry.key == label) entry.tooltip = text;
    }
}

bool is_item_visible(const char* label) { return g_frame.state && !g_frame.state->hidden.count(label); }

bool is_plot_hovered() {
    finish_setup();
    return g_frame.hovered;
}

bool is_plot_clicked(double* x, double* y) {
    finish_setup();
    if (!g_frame.clicked) return false;
    if (x) *x = g_frame.x.from_pixel(g_frame.click.x);
    if (y) *y = g_frame.y.from_pixel(g_frame.click.y);
    return true;
}

// [SECTION] End: legend, hover readout, notes, menu ---------------------------------------------

namespace {

void draw_legend() {
    PlotState& state = *g_frame.state;
    state.highlighted.clear();
    state.legend_rect = ImRect();
    if ((g_frame.flags & PlotFlags_NoLegend) || g_frame.legend.empty()) return;
    ImDrawList* draw = g_frame.draw;
    const float line = ImGui::GetTextLineHeight(), swatch = line * 1.4f, pad = 5;
    float width = 0;
    for (const LegendEntry& entry : g_frame.legend) {
        width = std::max(width, ImGui::CalcTextSize(display_name(entry.key).c_str()).x);
    }
    width += swatch + 3 * pad;
    const float height = g_frame.legend.size() * (line + 2) + 2 * pad - 2;
    const ImRect& data = g_frame.data;
    const float left = (g_frame.flags & PlotFlags_LegendRight) ? data.Max.x - width - 6 : data.Min.x + 6;
    const ImRect box(ImVec2(left, data.Min.y + 6), ImVec2(left + width, data.Min.y + 6 + height));
    state.legend_rect = box;
    draw->AddRectFilled(box.Min, box.Max, IM_COL32(20, 22, 26, 215), 4.0f);
    draw->AddRect(box.Min, box.Max, IM_COL32(255, 255, 255, 40), 4.0f);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    float y = box.Min.y + pad;
    for (const LegendEntry& entry : g_frame.legend) {
        const bool hidden = state.hidden.count(entry.key) > 0;
        const ImRect row(ImVec2(box.Min.x, y - 1), ImVec2(box.Max.x, y + line + 1));
        const bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && row.Contains(mouse);
        const ImU32 colour = hidden ? IM_COL32(120, 120, 120, 160) : entry.colour;
        const float mid = y + line / 2, x0 = box.Min.x + pad;
        if (entry.kind == ItemKind::Line) {
            if (entry.dashed) {
                draw->AddLine(ImVec2(x0, mid), ImVec2(x0 + swatch * 0.4f, mid), colour, 2.0f);
                draw->AddLine(ImVec2(x0 + swatch * 0.6f, mid), ImVec2(x0 + swatch, mid), colour, 2.0f);
            } else {
                draw->AddLine(ImVec2(x0, mid), ImVec2(x0 + swatch, mid), colour, 2.5f);
            }
        } else if (entry.kind == ItemKind::Marker) {
            draw->AddCircleFilled(ImVec2(x0 + swatch / 2, mid), 3.5f, colour);
        } else {
            draw->AddRectFilled(ImVec2(x0, y + 2), ImVec2(x0 + swatch, y + line - 2), colour | IM_COL32_A_MASK);
        }
        draw->AddText(ImVec2(x0 + swatch + pad, y),
                      hidden ? ImGui::GetColorU32(ImGuiCol_TextDisabled) : ImGui::GetColorU32(ImGuiCol_Text),
                      display_name(entry.key).c_str());
        if (hovered) {
            state.highlighted = entry.key;
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
                if (hidden) state.hidden.erase(entry.key);
                else state.hidden.insert(entry.key);
            }
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(display_name(entry.key).c_str());
            if (!entry.tooltip.empty()) ImGui::TextDisabled("%s", entry.tooltip.c_str());
            ImGui::TextDisabled(hidden ? "click to show" : "click to hide");
            ImGui::EndTooltip();
        }
        y += line + 2;
    }
}

std::string format_value(double value, Scale scale) {
    char text[48];
    if (scale == Scale::Log10 && value == 0) return "0 (underflow)";
    if (scale == Scale::Log10 && value < 0) return "≤ 0";
    std::snprintf(text, sizeof text, "%.4g", value);
    return text;
}

void draw_readout() {
    if (!g_frame.hovered || ImGui::IsItemActive()) return;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    g_frame.draw->AddLine(ImVec2(mouse.x, g_frame.data.Min.y), ImVec2(mouse.x, g_frame.data.Max.y),
                          IM_COL32(255, 255, 255, 90));
    ImGui::BeginTooltip();
    const double x = g_frame.x.from_pixel(mouse.x);
    ImGui::Text("x = %.4g", x);
    for (const ReadoutEntry& entry : g_frame.readout) {
        ImGui::ColorButton("##swatch", ImGui::ColorConvertU32ToFloat4(entry.colour), ImGuiColorEditFlags_NoTooltip,
                           ImVec2(ImGui::GetFontSize() * 0.7f, ImGui::GetFontSize() * 0.7f));
        ImGui::SameLine();
        if (entry.value) ImGui::Text("%s: %s", entry.name.c_str(), format_value(*entry.value, g_frame.y.scale).c_str());
        else ImGui::TextDisabled("%s: —", entry.name.c_str());
    }
    if (g_frame.readout.empty()) ImGui::Text("y = %.4g", g_frame.y.from_pixel(mouse.y));
    ImGui::EndTooltip();
}

void draw_menu() {
    if (!ImGui::BeginPopup("##plot_menu")) return;
    PlotState& state = *g_frame.state;
    if (ImGui::MenuItem("Fit to data", "double-click")) state.fit_requested = true;
    if (ImGui::MenuItem("Reset view")) {
        state.x.range = state.x.requested;
        state.y.range = state.y.requested;
    }
    if (!state.hidden.empty() && ImGui::MenuItem("Show all items")) state.hidden.clear();
    ImGui::EndPopup();
}

}  // namespace

void end_plot() {
    IM_ASSERT(g_in_plot && "end_plot without begin_plot");
    finish_setup();
    PlotState& state = *g_frame.state;
    g_frame.draw->PopClipRect();
    if (g_frame.clamped) {
        const char* note = "▼ values ≤ 0 drawn at the floor";
        const ImVec2 size = ImGui::CalcTextSize(note);
        g_frame.draw->AddText(ImVec2(g_frame.data.Max.x - size.x - 6, g_frame.data.Max.y - size.y - 4),
                              IM_COL32(240, 190, 90, 230), note);
    }
    draw_legend();
    draw_readout();
    g_frame.draw->AddRect(g_frame.data.Min, g_frame.data.Max, IM_COL32(255, 255, 255, 50));
    draw_menu();
    state.last_extents = g_frame.extents;
    g_in_plot = false;
}

}  // namespace actviz::plot
