// [SECTION] State: per-plot (persistent) and per-frame (the plot being drawn)
// [SECTION] Text: numbers with a real minus sign, powers of ten
// [SECTION] Colours
// [SECTION] Begin, setup and interaction
// [SECTION] Layout, axes, grid and ticks
// [SECTION] Queries between setup and end_plot
// [SECTION] End: legend, hover readout, notes, menu
//
// The items (plot_line, plot_band, ...) are in plot_items.cpp; plot_internal.hpp holds the state
// structs and the helpers both files use.

#include "plot/plot.hpp"

#include <imgui_internal.h>  // ImRect, OpenPopupEx, SetItemUsingMouseWheel

#include <algorithm>
#include <cfloat>
#include <array>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "plot/csv_table.hpp"
#include "plot/interaction.hpp"
#include "plot/plot_internal.hpp"
#include "plot/svg_writer.hpp"

namespace actviz::plot {

using namespace detail;

// [SECTION] State: per-plot (persistent) and per-frame (the plot being drawn) -------------------
// The state structs are in plot_internal.hpp.

namespace {

std::function<void(const ChartExport&)> g_export_handler;
bool g_hover_suppressed = false;
std::unordered_map<ImGuiID, ChartExport::Kind> g_requested_exports;  // request_chart_export, by plot id

// Plot states by ImGui context, then by plot id: an id means nothing in another context. A
// context's states go when the context is destroyed (a shutdown hook), never per frame.
std::unordered_map<ImGuiContext*, std::unordered_map<ImGuiID, PlotState>> g_states;

}  // namespace

Frame detail::g_frame;
bool detail::g_in_plot = false;

std::string detail::display_name(const std::string& label) {
    const auto hash = label.find("##");
    return hash == std::string::npos ? label : label.substr(0, hash);
}

namespace {

AxisState& axis_state(AxisId axis) { return axis == AxisId::X ? g_frame.state->x : g_frame.state->y; }

// Index of Frame's per-axis arrays: [X], [Y].
int axis_index(AxisId axis) { return axis == AxisId::X ? 0 : 1; }

// The plot's context menu.
ImGuiID menu_id() { return ImHashStr("##plot_menu", 0, g_frame.id); }

unsigned alpha_of(ImU32 colour) { return (colour >> IM_COL32_A_SHIFT) & 0xFF; }

ImU32 with_min_alpha(ImU32 colour, unsigned alpha) {
    return (colour & ~IM_COL32_A_MASK) | (std::max(alpha_of(colour), alpha) << IM_COL32_A_SHIFT);
}

}  // namespace

ImU32 detail::with_alpha(ImU32 colour, float factor) {
    return (colour & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha_of(colour) * factor) << IM_COL32_A_SHIFT);
}

// [SECTION] Text: numbers with a real minus sign, powers of ten ----------------------------------

namespace {

bool font_has(ImWchar c) { return ImGui::GetFont()->FindGlyphNoFallback(c) != nullptr; }

}  // namespace

// Typographic minus (U+2212) in numbers and "≤" when the font has them; ASCII otherwise, so the
// built-in font never shows "?".
std::string detail::number_text(const std::string& text) {
    std::string out;
    const bool minus = font_has(0x2212), less_equal = font_has(0x2264);
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '-' && minus && (i == 0 || text[i - 1] == 'e' || text[i - 1] == ' ')) {
            out += "\xE2\x88\x92";
        } else if (!less_equal && text.compare(i, 3, "\xE2\x89\xA4") == 0) {
            out += "<=";
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

detail::TickText detail::tick_text(const Tick& tick, bool powers_of_ten) {
    if (!powers_of_ten) return {number_text(tick.label), {}};
    const int decade = static_cast<int>(std::floor(std::log10(tick.value) + 1e-9));
    const double mantissa = tick.value / std::pow(10.0, decade);
    // A tick between decades (an axis zoomed within one: 2e-4, 3e-4) keeps its mantissa, 2×10⁻⁴;
    // drawn as a bare 10⁻⁴ every such tick would read the same.
    if (std::fabs(mantissa - 1) > 1e-6) {
        if (decade == 0 || decade == 1) return {number_text(tick.label), {}};
        char base[24];
        std::snprintf(base, sizeof base, "%.3g%s10", mantissa, font_has(0x00D7) ? "×" : "x");
        return {base, number_text(std::to_string(decade))};
    }
    if (decade == 0) return {"1", {}};
    if (decade == 1) return {"10", {}};
    return {"10", number_text(std::to_string(decade))};
}

namespace {

using detail::TickText;
using detail::tick_text;

constexpr float kExponentScale = 0.72f;

ImVec2 text_size(const TickText& text) {
    ImVec2 size = ImGui::CalcTextSize(text.base.c_str());
    if (!text.exponent.empty()) {
        size.x +=
            1 +
            ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize() * kExponentScale, FLT_MAX, 0, text.exponent.c_str()).x;
    }
    return size;
}

void draw_text(ImDrawList* draw, ImVec2 pos, ImU32 colour, const TickText& text) {
    draw->AddText(pos, colour, text.base.c_str());
    record_text(pos, colour, text.base);
    if (text.exponent.empty()) return;
    const float base_width = ImGui::CalcTextSize(text.base.c_str()).x;
    const float size = ImGui::GetFontSize();
    const ImVec2 at(pos.x + base_width + 1, pos.y - size * 0.2f);
    draw->AddText(ImGui::GetFont(), size * kExponentScale, at, colour, text.exponent.c_str());
    record_text(at, colour, text.exponent, size * kExponentScale);
}

// [SECTION] Colours -----------------------------------------------------------------------------

constexpr ImU32 kPalette[] = {
    // The first eight: Okabe & Ito's colour-blind-safe set (black, invisible here, became light
    // grey), ordered so that neighbours differ most: classes 0-2, train/test and the first layers
    // are told apart by everyone. Under simulated protanopia, deuteranopia and tritanopia (Machado et
    // al. 2009) every pair stays at least 16 CIELAB units apart (test_palette.cpp); Tableau's 10 had
    // pairs at 4.
    IM_COL32(86, 180, 233, 255),  IM_COL32(230, 159, 0, 255),   IM_COL32(0, 158, 115, 255),
    IM_COL32(204, 121, 167, 255), IM_COL32(240, 228, 66, 255),  IM_COL32(0, 114, 178, 255),
    IM_COL32(213, 94, 0, 255),    IM_COL32(210, 210, 210, 255),
    // Beyond eight no palette is safe for everyone: Tableau 10, brightened for a dark background,
    // then lighter companions.
    IM_COL32(94, 146, 204, 255),  IM_COL32(242, 142, 43, 255),  IM_COL32(231, 96, 98, 255),
    IM_COL32(118, 183, 178, 255), IM_COL32(98, 178, 86, 255),   IM_COL32(237, 201, 72, 255),
    IM_COL32(186, 132, 172, 255), IM_COL32(255, 157, 167, 255), IM_COL32(176, 134, 108, 255),
    IM_COL32(186, 176, 172, 255), IM_COL32(160, 203, 232, 255), IM_COL32(255, 190, 125, 255),
    IM_COL32(140, 209, 125, 255), IM_COL32(73, 152, 148, 255),  IM_COL32(212, 166, 200, 255),
    IM_COL32(211, 114, 149, 255), IM_COL32(182, 153, 45, 255),  IM_COL32(121, 112, 110, 255),
};

// Opaque, from components in [0, 1].
ImU32 rgb(float r, float g, float b) {
    return IM_COL32(static_cast<int>(r * 255), static_cast<int>(g * 255), static_cast<int>(b * 255), 255);
}

ImU32 hsv(float h, float s, float v) {
    float r, g, b;
    ImGui::ColorConvertHSVtoRGB(h, s, v, r, g, b);
    return rgb(r, g, b);
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
    static const float anchors[5][3] = {{0.27f, 0.00f, 0.33f},
                                        {0.23f, 0.32f, 0.55f},
                                        {0.13f, 0.57f, 0.55f},
                                        {0.37f, 0.79f, 0.38f},
                                        {0.99f, 0.91f, 0.14f}};
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * 4;
    const int i = std::min(static_cast<int>(t), 3);
    const float f = static_cast<float>(t - i);
    float c[3];
    for (int k = 0; k < 3; ++k) c[k] = anchors[i][k] + f * (anchors[i + 1][k] - anchors[i][k]);
    return rgb(c[0], c[1], c[2]);
}

ImU32 diverging_colour(double t) {
    t = std::clamp(std::isfinite(t) ? t : 0.0, -1.0, 1.0);
    const float mid[3] = {0.86f, 0.86f, 0.86f}, low[3] = {0.13f, 0.40f, 0.80f}, high[3] = {0.84f, 0.19f, 0.15f};
    const float* end = t < 0 ? low : high;
    const float f = static_cast<float>(std::fabs(t));
    float c[3];
    for (int k = 0; k < 3; ++k) c[k] = mid[k] + f * (end[k] - mid[k]);
    return rgb(c[0], c[1], c[2]);
}

// [SECTION] Begin, setup and interaction --------------------------------------------------------

bool begin_plot(const char* id, ImVec2 size, const char* title, int flags) {
    IM_ASSERT(!g_in_plot && "begin_plot without end_plot");
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (!g_states.count(context)) {
        ImGuiContextHook hook;
        hook.Type = ImGuiContextHookType_Shutdown;
        hook.Callback = [](ImGuiContext* dying, ImGuiContextHook*) { g_states.erase(dying); };
        ImGui::AddContextHook(context, &hook);
    }
    std::unordered_map<ImGuiID, PlotState>& states = g_states[context];
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float width = size.x > 0 ? size.x : std::max(avail.x + size.x, 1.0f);
    const float height = size.y > 0 ? size.y : std::max(avail.y + size.y, 1.0f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    if (!(width >= 32 && height >= 32)) {  // too small to show anything readable (or NaN)
        ImGui::Dummy(ImVec2(std::max(width, 1.0f), std::max(height, 1.0f)));
        return false;
    }
    ImGui::InvisibleButton(id, ImVec2(width, height),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    if (!ImGui::IsItemVisible()) return false;
    g_frame = Frame();
    g_frame.id = ImGui::GetItemID();
    g_frame.state = &states[g_frame.id];
    g_frame.draw = ImGui::GetWindowDrawList();
    g_frame.frame = ImRect(origin, ImVec2(origin.x + width, origin.y + height));
    g_frame.title = title ? title : "";
    // A child window is named "Parent/child_1A2B3C4D": its top window's name is the readable one.
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    while (window->ParentWindow && (window->Flags & ImGuiWindowFlags_ChildWindow)) window = window->ParentWindow;
    g_frame.window_title = window->Name;
    g_frame.state->export_title = display_name(g_frame.title.empty() ? g_frame.window_title : g_frame.title);
    g_frame.flags = flags;
    g_frame.item_hovered = ImGui::IsItemHovered() && !g_hover_suppressed;
    g_frame.item_active = ImGui::IsItemActive();
    g_frame.state->frame_rect = g_frame.frame;
    g_frame.state->drawn_in_frame = ImGui::GetFrameCount();
    if (g_export_handler && (ImGui::IsPopupOpen(menu_id(), ImGuiPopupFlags_None) || g_requested_exports.count(g_frame.id))) {
        g_frame.capture.emplace();
        g_frame.capture->set_x_name(g_frame.state->x.label);
        start_scene();
    }
    g_in_plot = true;
    return true;
}

void set_chart_export_handler(std::function<void(const ChartExport&)> handler) { g_export_handler = std::move(handler); }

void set_hover_suppressed(bool suppressed) { g_hover_suppressed = suppressed; }

std::vector<DrawnChart> charts_drawn() {
    std::vector<DrawnChart> charts;
    const auto states = g_states.find(ImGui::GetCurrentContext());
    if (states == g_states.end()) return charts;
    for (const auto& [id, state] : states->second) {
        if (state.drawn_in_frame == ImGui::GetFrameCount()) charts.push_back({id, state.export_title, state.frame_rect.Min, state.frame_rect.Max});
    }
    return charts;
}

void request_chart_export(ImGuiID plot_id, ChartExport::Kind kind) { g_requested_exports[plot_id] = kind; }

bool chart_rect(ImGuiID plot_id, ImVec2* min, ImVec2* max) {
    const auto states = g_states.find(ImGui::GetCurrentContext());
    if (states == g_states.end()) return false;
    const auto state = states->second.find(plot_id);
    if (state == states->second.end() || state->second.drawn_in_frame != ImGui::GetFrameCount()) return false;
    if (min) *min = state->second.frame_rect.Min;
    if (max) *max = state->second.frame_rect.Max;
    return true;
}

void setup_axis(AxisId axis, const char* label, Scale scale) {
    AxisState& state = axis_state(axis);
    if (state.scale != scale) state.user_modified = false;  // a new scale needs the caller's limits again
    state.scale = scale;
    state.label = label ? label : "";
}

void setup_axis_limits(AxisId axis, double min, double max, Cond cond) {
    if (!std::isfinite(min) || !std::isfinite(max)) return;  // keep the last good limits
    if (min == max) {
        // Widen equal limits instead of dividing by a zero span (by a decade on a log axis).
        const bool log = axis_state(axis).scale == Scale::Log10 && min > 0;
        min = log ? min / 10 : min - 0.5, max = log ? max * 10 : max + 0.5;
    }
    AxisState& state = axis_state(axis);
    state.requested = {min, max};
    g_frame.limits_given[axis_index(axis)] = true;
    if (cond == Cond::Always || !state.user_modified) state.range = state.requested;
}

void setup_axis_ticks(AxisId axis, const double* values, const char* const* labels, int count) {
    std::vector<Tick>& ticks = g_frame.custom_ticks[axis_index(axis)];
    ticks.clear();
    for (int i = 0; i < count; ++i) {
        if (std::isfinite(values[i])) ticks.push_back({values[i], true, labels && labels[i] ? labels[i] : ""});
    }
}

namespace {

// Back to the caller's limits (or, for axes without any, to following the data).
void reset_view(PlotState& state) {
    for (AxisState* axis : {&state.x, &state.y}) {
        axis->range = axis->requested;
        axis->user_modified = false;
    }
}

void handle_interaction() {
    PlotState& state = *g_frame.state;
    const ImGuiIO& io = ImGui::GetIO();
    const ImRect& data = g_frame.data;
    const bool over_legend = state.legend_rect.Contains(io.MousePos);
    g_frame.hovered = g_frame.item_hovered && data.Contains(io.MousePos) && !over_legend;
    if (g_frame.flags & PlotFlags_NoInteraction) return;
    if (g_frame.hovered) ImGui::SetItemUsingMouseWheel();  // the wheel zooms the plot, not scrolls the window
    const bool drag_from_legend = state.legend_rect.Contains(io.MouseClickedPos[ImGuiMouseButton_Left]);
    if (g_frame.item_active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f) && !drag_from_legend &&
        (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
        state.x.range = pan_range(state.x.range, io.MouseDelta.x, data.GetWidth(), state.x.scale);
        state.y.range = pan_range(state.y.range, -io.MouseDelta.y, data.GetHeight(), state.y.scale);
        state.x.user_modified = state.y.user_modified = true;
    }
    if (g_frame.hovered && io.MouseWheel != 0) {
        const double factor = std::pow(0.85, io.MouseWheel);
        if (!io.KeyCtrl) {
            state.x.range = zoom_range(state.x.range, g_frame.x.from_pixel(io.MousePos.x), factor, state.x.scale);
            state.x.user_modified = true;
        }
        if (!io.KeyShift) {
            state.y.range = zoom_range(state.y.range, g_frame.y.from_pixel(io.MousePos.y), factor, state.y.scale);
            state.y.user_modified = true;
        }
    }
    if (g_frame.hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) reset_view(state);
    if (g_frame.hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !drag_from_legend &&
        io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < 9.0f) {
        g_frame.clicked = true;
        g_frame.click = io.MousePos;
    }
    if (g_frame.item_hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Right) &&
        io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Right] < 9.0f) {
        ImGui::OpenPopupEx(menu_id());
    }
    if (state.fit_requested) {
        state.fit_requested = false;
        const Extents& e = state.last_extents;
        if (e.valid_x()) state.x.range = fit_range(e.x_min, e.x_max, 0.03, state.x.scale);
        if (e.valid_y()) state.y.range = fit_range(e.y_min, e.y_max, 0.06, state.y.scale);
        state.x.user_modified = state.y.user_modified = true;
    }
}

void update_axes() {
    const PlotState& state = *g_frame.state;
    const ImRect& data = g_frame.data;
    g_frame.x = Axis{state.x.range.min, state.x.range.max, state.x.scale, data.Min.x, data.Max.x};
    g_frame.y = Axis{state.y.range.min, state.y.range.max, state.y.scale, data.Max.y, data.Min.y};
}

// [SECTION] Layout, axes, grid and ticks ---------------------------------------------------------

float x_tick_spacing() { return ImGui::CalcTextSize("-0.000").x + 14; }
float y_tick_spacing() { return ImGui::GetTextLineHeight() * 2.2f; }

std::vector<Tick> ticks_for(AxisId axis, const Axis& geometry) {
    const std::vector<Tick>& custom = g_frame.custom_ticks[axis_index(axis)];
    if (!custom.empty()) return custom;
    return make_ticks(geometry, axis == AxisId::X ? x_tick_spacing() : y_tick_spacing());
}

// Decades on a log axis read as 10ⁿ once any of them would need an exponent; custom ticks never.
bool powers_of_ten(AxisId axis, const Axis& geometry, const std::vector<Tick>& ticks) {
    if (geometry.scale != Scale::Log10 || !g_frame.custom_ticks[axis_index(axis)].empty()) return false;
    return std::any_of(ticks.begin(), ticks.end(),
                       [](const Tick& t) { return t.major && t.label.find('e') != std::string::npos; });
}

bool has_label_row() {
    const PlotState& state = *g_frame.state;
    // Log axes always keep the row: the "values ≤ 0" note lives there, and the layout should not
    // jump when it appears.
    return !state.y.label.empty() || state.x.scale == Scale::Log10 || state.y.scale == Scale::Log10;
}

// Data area: the frame minus room for the title, the y label row, tick labels and the x label.
ImRect layout_data_area() {
    const PlotState& state = *g_frame.state;
    const ImRect& f = g_frame.frame;
    const float line = ImGui::GetTextLineHeight();
    float top = 4;
    if (!g_frame.title.empty()) top += line + 4;
    if (has_label_row() || state.legend_folded) top += line + 4;  // a folded legend's tab sits in that row
    top = std::max(top, line * 0.5f + 4);  // the top y tick label is centred on the edge
    float bottom = 4 + line + 4;           // x tick labels
    if (!state.x.label.empty()) bottom += line + 2;
    // The widest y tick label, for the data height this layout will give.
    const Axis y{state.y.range.min, state.y.range.max, state.y.scale, f.Max.y - bottom, f.Min.y + top};
    const std::vector<Tick> y_ticks = ticks_for(AxisId::Y, y);
    const bool y_powers = powers_of_ten(AxisId::Y, y, y_ticks);
    float widest = ImGui::CalcTextSize("0.0").x;
    for (const Tick& tick : y_ticks) {
        if (tick.major) widest = std::max(widest, text_size(tick_text(tick, y_powers)).x);
    }
    const float left = 6 + widest + 6;
    // The last x tick label is centred on the right edge: leave room for its right half.
    const Axis x{state.x.range.min, state.x.range.max, state.x.scale, f.Min.x + left, f.Max.x - 12};
    const std::vector<Tick> x_ticks = ticks_for(AxisId::X, x);
    float right = 12;
    if (!x_ticks.empty()) {
        const Tick& last = *std::max_element(x_ticks.begin(), x_ticks.end(), [&](const Tick& a, const Tick& b) {
            return x.to_pixel(a.value) < x.to_pixel(b.value);
        });
        if (std::fabs(x.to_pixel(last.value) - x.pixel_max) < 2) {
            right = std::max(right, text_size(tick_text(last, powers_of_ten(AxisId::X, x, x_ticks))).x / 2 + 4);
        }
    }
    if (g_frame.colour_bar) right += colour_bar_width(*g_frame.colour_bar);
    ImRect data(ImVec2(f.Min.x + left, f.Min.y + top), ImVec2(f.Max.x - right, f.Max.y - bottom));
    if (data.GetWidth() < 8 || data.GetHeight() < 8) data = f;  // tiny plot: all of it is data
    return data;
}

void draw_axes() {
    ImDrawList* draw = g_frame.draw;
    const ImRect& data = g_frame.data;
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 label_colour = with_alpha(text, 0.75f);
    const ImU32 major = IM_COL32(255, 255, 255, 30), minor = IM_COL32(255, 255, 255, 12);
    const float line = ImGui::GetTextLineHeight();
    record_group("axes", SceneClip::Frame);
    draw->AddRectFilled(data.Min, data.Max, IM_COL32(0, 0, 0, 55));
    record_rect(data.Min, data.Max, IM_COL32(0, 0, 0, 55));
    draw->PushClipRect(g_frame.frame.Min, g_frame.frame.Max, true);

    // A tick label that would touch the one drawn before it is left out (a short map at a large
    // zoom, custom ticks packed close): labels never overlap; the grid line stays.
    float x_label_end = -FLT_MAX;
    const std::vector<Tick> x_ticks = ticks_for(AxisId::X, g_frame.x);
    const bool x_powers = powers_of_ten(AxisId::X, g_frame.x, x_ticks);
    for (const Tick& tick : x_ticks) {
        const float px = std::round(static_cast<float>(g_frame.x.to_pixel(tick.value)));
        if (px < data.Min.x - 0.5f || px > data.Max.x + 0.5f) continue;
        draw->AddLine(ImVec2(px, data.Min.y), ImVec2(px, data.Max.y), tick.major ? major : minor);
        record_line(ImVec2(px, data.Min.y), ImVec2(px, data.Max.y), tick.major ? major : minor, 1.0f);
        if (!tick.major) continue;
        const TickText label = tick_text(tick, x_powers);
        const float width = text_size(label).x;
        if (width <= 0) continue;
        const float left = std::clamp(px - width / 2, g_frame.frame.Min.x, g_frame.frame.Max.x - width);
        if (left < x_label_end + 4) continue;
        draw_text(draw, ImVec2(left, data.Max.y + 4), text, label);
        x_label_end = left + width;
    }
    std::vector<float> y_label_rows;  // the centres of the y labels drawn
    const std::vector<Tick> y_ticks = ticks_for(AxisId::Y, g_frame.y);
    const bool y_powers = powers_of_ten(AxisId::Y, g_frame.y, y_ticks);
    for (const Tick& tick : y_ticks) {
        const float py = std::round(static_cast<float>(g_frame.y.to_pixel(tick.value)));
        if (py < data.Min.y - 0.5f || py > data.Max.y + 0.5f) continue;
        draw->AddLine(ImVec2(data.Min.x, py), ImVec2(data.Max.x, py), tick.major ? major : minor);
        record_line(ImVec2(data.Min.x, py), ImVec2(data.Max.x, py), tick.major ? major : minor, 1.0f);
        if (!tick.major) continue;
        const TickText label = tick_text(tick, y_powers);
        const ImVec2 size = text_size(label);
        if (size.x <= 0) continue;
        bool overlaps = false;
        for (float drawn : y_label_rows) overlaps = overlaps || std::fabs(drawn - py) < line;
        if (overlaps) continue;
        draw_text(draw, ImVec2(data.Min.x - size.x - 6, py - line / 2), text, label);
        y_label_rows.push_back(py);
    }
    // Zero lines help read signed curves.
    const ImU32 zero = IM_COL32(255, 255, 255, 70);
    if (g_frame.y.scale == Scale::Linear && std::min(g_frame.y.min, g_frame.y.max) < 0 &&
        std::max(g_frame.y.min, g_frame.y.max) > 0) {
        const float py = std::round(static_cast<float>(g_frame.y.to_pixel(0.0)));
        draw->AddLine(ImVec2(data.Min.x, py), ImVec2(data.Max.x, py), zero);
        record_line(ImVec2(data.Min.x, py), ImVec2(data.Max.x, py), zero, 1.0f);
    }
    if (g_frame.x.scale == Scale::Linear && std::min(g_frame.x.min, g_frame.x.max) < 0 &&
        std::max(g_frame.x.min, g_frame.x.max) > 0) {
        const float px = std::round(static_cast<float>(g_frame.x.to_pixel(0.0)));
        draw->AddLine(ImVec2(px, data.Min.y), ImVec2(px, data.Max.y), zero);
        record_line(ImVec2(px, data.Min.y), ImVec2(px, data.Max.y), zero, 1.0f);
    }

    const PlotState& state = *g_frame.state;
    float top = g_frame.frame.Min.y + 4;
    if (!g_frame.title.empty()) {
        const char* title = g_frame.title.c_str();
        const ImVec2 size = ImGui::CalcTextSize(title);
        const float room_min = g_frame.frame.Min.x + 4, room_max = g_frame.frame.Max.x - 4;
        if (size.x <= room_max - room_min) {
            const float left = std::clamp(data.GetCenter().x - size.x / 2, room_min, room_max - size.x);
            draw->AddText(ImVec2(left, top), text, title);
            record_text(ImVec2(left, top), text, g_frame.title);
        } else {
            record_text(ImVec2(room_min, top), text, g_frame.title);  // whole in the file: it has room to spare
            // A narrow chart: the title ends in "…", and hovering it shows it whole.
            ImGui::PushStyleColor(ImGuiCol_Text, text);
            ImGui::RenderTextEllipsis(draw, ImVec2(room_min, top), ImVec2(room_max, top + line), room_max, room_max,
                                      title, nullptr, &size);
            ImGui::PopStyleColor();
            if (g_frame.item_hovered && ImGui::IsMouseHoveringRect(ImVec2(room_min, top), ImVec2(room_max, top + line)))
                ImGui::SetTooltip("%s", title);
        }
        top += line + 4;
    }
    // The y label sits above the axis, as in a textbook figure, so it never fights the tick labels.
    if (!state.y.label.empty()) {
        draw->AddText(ImVec2(data.Min.x, top), label_colour, state.y.label.c_str());
        record_text(ImVec2(data.Min.x, top), label_colour, state.y.label);
    }
    if (!state.x.label.empty()) {
        const float width = ImGui::CalcTextSize(state.x.label.c_str()).x;
        const ImVec2 at(data.GetCenter().x - width / 2, data.Max.y + line + 6);
        draw->AddText(at, label_colour, state.x.label.c_str());
        record_text(at, label_colour, state.x.label);
    }
    draw->PopClipRect();
}

// The legend's four candidate places, for the legend size of last frame.
void place_legend_candidates() {
    const ImVec2 size = g_frame.state->legend_size;
    const ImRect& d = g_frame.data;
    constexpr float kInset = 6;
    const float left = d.Min.x + kInset, right = d.Max.x - kInset - size.x;
    const float top = d.Min.y + kInset, bottom = d.Max.y - kInset - size.y;
    g_frame.corners[0] = ImRect(ImVec2(left, top), ImVec2(left + size.x, top + size.y));
    g_frame.corners[1] = ImRect(ImVec2(right, top), ImVec2(right + size.x, top + size.y));
    g_frame.corners[2] = ImRect(ImVec2(left, bottom), ImVec2(left + size.x, bottom + size.y));
    g_frame.corners[3] = ImRect(ImVec2(right, bottom), ImVec2(right + size.x, bottom + size.y));
}

}  // namespace

void detail::note_point(ImVec2 p) {
    for (int c = 0; c < 4; ++c) g_frame.points_under[c] += g_frame.corners[c].Contains(p) ? 1 : 0;
}

// A sparsely sampled line crosses corners between its points: count points along long segments too.
void detail::note_segment(ImVec2 a, ImVec2 b) {
    const float length = std::fabs(b.x - a.x) + std::fabs(b.y - a.y);
    const int steps = std::min(static_cast<int>(length / 8), 64);
    for (int k = 1; k < steps; ++k) {
        const float t = static_cast<float>(k) / static_cast<float>(steps);
        note_point(ImVec2(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)));
    }
}

void detail::note_rect(const ImRect& r, int weight) {
    for (int c = 0; c < 4; ++c) g_frame.points_under[c] += g_frame.corners[c].Overlaps(r) ? weight : 0;
}

void detail::finish_setup() {
    if (g_frame.setup_done) return;
    g_frame.setup_done = true;
    PlotState& state = *g_frame.state;
    // Axes the caller gave no limits for follow the data (last frame's), until the user takes over.
    for (int i = 0; i < 2; ++i) {
        AxisState& axis = i == 0 ? state.x : state.y;
        if (g_frame.limits_given[i] || axis.user_modified) continue;
        const Extents& e = state.last_extents;
        const bool valid = i == 0 ? e.valid_x() : e.valid_y();
        axis.requested =
            valid ? fit_range(i == 0 ? e.x_min : e.y_min, i == 0 ? e.x_max : e.y_max, i == 0 ? 0.0 : 0.06, axis.scale)
                  : fit_range(NAN, NAN, 0, axis.scale);
        axis.range = axis.requested;
    }
    for (AxisState* axis : {&state.x, &state.y}) {
        if (axis->scale != Scale::Log10) continue;
        // A log axis needs positive limits: keep the decades the caller meant to show above the floor.
        Range& r = axis->range;
        if (!(r.max > 0)) r = {0.1, 10};
        if (!(r.min > 0)) r.min = r.max * 1e-6;
    }
    g_frame.data = layout_data_area();
    record_data_area();
    update_axes();
    handle_interaction();
    update_axes();
    draw_axes();
    place_legend_candidates();
    g_frame.draw->PushClipRect(g_frame.data.Min, g_frame.data.Max, true);
    record_group("items", SceneClip::Data);
}

// Pixel coordinates, held within a few thousand pixels of the data area: ImGui's anti-aliasing
// works in floats and turns far-off coordinates (a ReLU zoomed out, 1e300) into garbage.
float detail::clamp_pixel(double pixel, float lo, float hi) {
    return static_cast<float>(std::clamp(pixel, static_cast<double>(lo) - 4096.0, static_cast<double>(hi) + 4096.0));
}

PlacedPoint detail::place(double x, double y) {
    const Placement px = place_on_axis(x, g_frame.x.scale, g_frame.x.min);
    const Placement py = place_on_axis(y, g_frame.y.scale, std::min(g_frame.y.min, g_frame.y.max));
    if (!px.drawable || !py.drawable) return {{}, false, false};
    const ImRect& d = g_frame.data;
    const ImVec2 p(px.at_floor ? d.Min.x : clamp_pixel(g_frame.x.to_pixel(px.value), d.Min.x, d.Max.x),
                   py.at_floor ? d.Max.y : clamp_pixel(g_frame.y.to_pixel(py.value), d.Min.y, d.Max.y));
    return {p, true, px.at_floor || py.at_floor, px.at_floor && !py.at_floor};
}

ImVec2 detail::to_pixels(double x, double y) {
    const ImRect& d = g_frame.data;
    return {clamp_pixel(g_frame.x.to_pixel(x), d.Min.x, d.Max.x), clamp_pixel(g_frame.y.to_pixel(y), d.Min.y, d.Max.y)};
}

// [SECTION] Queries between setup and end_plot ----------------------------------------------------

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

ImVec2 data_to_pixels(double x, double y) {
    finish_setup();
    return to_pixels(x, y);
}

bool mouse_position(double* x, double* y) {
    finish_setup();
    if (!g_frame.hovered) return false;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (x) *x = g_frame.x.from_pixel(mouse.x);
    if (y) *y = g_frame.y.from_pixel(mouse.y);
    return true;
}

void set_legend_tooltip(const char* label, const char* text) {
    if (g_in_plot && label && text) g_frame.legend_tooltips[label] = text;
}

bool is_item_visible(const char* label) { return !(g_in_plot && label && g_frame.state->hidden.count(label)); }

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

bool values_clamped_to_floor() { return g_in_plot && g_frame.clamped; }

bool legend_entry_rect(const char* label, ImVec2* min, ImVec2* max) {
    if (!g_in_plot || !label) return false;
    const auto row = g_frame.state->legend_rows.find(label);
    if (row == g_frame.state->legend_rows.end()) return false;
    if (min) *min = row->second.Min;
    if (max) *max = row->second.Max;
    return true;
}

bool legend_rect(ImVec2* min, ImVec2* max) {
    if (!g_in_plot) return false;
    const ImRect& rect = g_frame.state->legend_rect;
    if (rect.GetWidth() <= 0 || rect.GetHeight() <= 0) return false;
    if (min) *min = rect.Min;
    if (max) *max = rect.Max;
    return true;
}

// [SECTION] End: legend, hover readout, notes, menu ---------------------------------------------

namespace {

// `record`: the swatch is the chart's (its legend), not a tooltip's, and goes into the SVG too.
void draw_swatch(ImDrawList* draw, const LegendEntry& entry, ImVec2 min, float width, float height, ImU32 colour,
                 bool record = false) {
    const float mid = std::round(min.y + height / 2);
    if (entry.kind == ItemKind::Line) {
        if (entry.dashed) {
            for (float x = min.x; x < min.x + width; x += 9) {
                draw->AddLine(ImVec2(x, mid), ImVec2(std::min(x + 5, min.x + width), mid), colour, 2.0f);
            }
            if (record) record_polyline(std::array{ImVec2(min.x, mid), ImVec2(min.x + width, mid)}.data(), 2, colour, 2.0f, 5, 4);
        } else {
            draw->AddLine(ImVec2(min.x, mid), ImVec2(min.x + width, mid), colour, 2.5f);
            if (record) record_line(ImVec2(min.x, mid), ImVec2(min.x + width, mid), colour, 2.5f);
        }
    } else if (entry.kind == ItemKind::Marker) {
        draw->AddCircleFilled(ImVec2(min.x + width / 2, mid), 4.0f, colour);
        if (record) record_circle(ImVec2(min.x + width / 2, mid), 4.0f, colour);
    } else if (entry.kind == ItemKind::Ring) {  // as the points are drawn: hollow
        draw->AddCircle(ImVec2(min.x + width / 2, mid), 4.5f, colour, 0, 1.8f);
        if (record) record_circle(ImVec2(min.x + width / 2, mid), 4.5f, 0, colour, 1.8f);
    } else {
        // Fills are often faint on purpose (a shaded region): show them a little stronger, outlined.
        const ImVec2 a(min.x + 1, min.y + 3), b(min.x + width - 1, min.y + height - 3);
        draw->AddRectFilled(a, b, with_min_alpha(colour, 90));
        draw->AddRect(a, b, with_min_alpha(colour, 200));
        if (record) record_rect(a, b, with_min_alpha(colour, 90), with_min_alpha(colour, 200));
    }
}

void draw_legend() {
    PlotState& state = *g_frame.state;
    state.highlighted.clear();
    state.legend_rect = ImRect();
    state.legend_size = ImVec2(0, 0);
    state.legend_rows.clear();
    if ((g_frame.flags & PlotFlags_NoLegend) || state.legend_hidden || g_frame.legend.empty()) return;
    ImDrawList* draw = g_frame.draw;
    const float line = ImGui::GetTextLineHeight(), swatch = std::round(line * 1.5f), pad = 6, row_gap = 3;
    // Entries fill columns top to bottom. One column while the legend takes at most half the data height; more columns,
    // each as wide as its widest entry, when it would take more; clipped to the data area when even that does not fit
    // (the context menu can hide it).
    const int count = static_cast<int>(g_frame.legend.size());
    std::vector<float> entry_width(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        const std::string name = display_name(g_frame.legend[static_cast<size_t>(i)].label);
        entry_width[static_cast<size_t>(i)] = std::round(ImGui::CalcTextSize(name.c_str()).x + swatch + 3 * pad);
    }
    auto height_for = [&](int rows) { return std::round(rows * (line + row_gap) - row_gap + 2 * pad); };
    auto columns_for = [&](int rows, std::vector<float>* widths) {
        widths->assign(static_cast<size_t>((count + rows - 1) / rows), 0.0f);
        for (int i = 0; i < count; ++i) {
            float& w = (*widths)[static_cast<size_t>(i / rows)];
            w = std::max(w, entry_width[static_cast<size_t>(i)]);
        }
        float total = 0;
        for (float w : *widths) total += w;
        return total;
    };
    std::vector<float> column_widths;
    int per_column = count;
    for (int rows = count; rows >= 1; --rows) {
        std::vector<float> widths;
        if (columns_for(rows, &widths) > g_frame.data.GetWidth() - 12) break;  // fewer rows only get wider
        per_column = rows;
        if (height_for(rows) <= g_frame.data.GetHeight() * 0.5f) break;
    }
    const int columns = (count + per_column - 1) / per_column;
    per_column = (count + columns - 1) / columns;  // balanced: 7 entries in 2 columns are 4 + 3, not 6 + 1
    const float total_width = columns_for(per_column, &column_widths);
    const ImVec2 full_size(total_width, height_for(per_column));
    // A legend that would cover more than a quarter of the data (27 activations and their
    // derivatives; any legend of a small chart) folds into a tab in the row above the data, which
    // covers nothing and takes no click meant for the data; it opens while the mouse is over it.
    const bool crowded = full_size.x * full_size.y > g_frame.data.GetWidth() * g_frame.data.GetHeight() / 4;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool in_frame = g_frame.item_hovered || g_frame.item_active;
    state.legend_folded = crowded;  // the layout makes room for its tab from the next frame
    char tab_text[48];
    std::snprintf(tab_text, sizeof tab_text, "legend (%d) \xE2\x96\xBE", count);  // ▾
    const ImVec2 tab_text_size = ImGui::CalcTextSize(tab_text);
    const ImRect tab(ImVec2(g_frame.data.Max.x - tab_text_size.x - 2 * pad, g_frame.data.Min.y - line - 4),
                     ImVec2(g_frame.data.Max.x, g_frame.data.Min.y - 2));
    record_group("legend", SceneClip::Frame);
    if (crowded) {
        record_text(ImVec2(tab.Min.x + pad, tab.Min.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), tab_text);
        const bool over_tab = in_frame && tab.Contains(mouse);
        const bool over_open = in_frame && state.legend_open && state.legend_rect.Contains(mouse);
        state.legend_open = over_tab || over_open;
        draw->PushClipRect(g_frame.frame.Min, g_frame.frame.Max, true);
        if (over_tab) draw->AddRectFilled(tab.Min, tab.Max, IM_COL32(255, 255, 255, 22), 3.0f);
        draw->AddText(ImVec2(tab.Min.x + pad, tab.Min.y), ImGui::GetColorU32(over_tab ? ImGuiCol_Text : ImGuiCol_TextDisabled),
                      tab_text);
        draw->PopClipRect();
        if (!state.legend_open) {
            state.legend_rect = tab;  // outside the data: it keeps no click from it
            return;
        }
    }
    const bool input = in_frame && g_frame.data.Contains(mouse);
    const ImVec2 size = full_size;
    state.legend_size = size;
    // Scored against last frame's size: close enough, and a new size is scored next frame.
    int corner = 1;
    if (!(g_frame.flags & PlotFlags_LegendRight) && !crowded) {
        corner = state.legend_corner = choose_legend_corner(g_frame.points_under, state.legend_corner);
    }
    place_legend_candidates();
    const ImVec2 origin = g_frame.corners[corner].Min;
    const ImRect box(origin, ImVec2(origin.x + size.x, origin.y + size.y));
    // A click-through legend (the caller's clicks on the data mean something, such as adding
    // points) is drawn but neither hides items nor keeps clicks from the data.
    const bool click_through = (g_frame.flags & PlotFlags_LegendClickThrough) != 0 && !crowded;
    state.legend_rect = click_through ? ImRect() : box;
    state.legend_rect.ClipWith(g_frame.data);
    draw->PushClipRect(g_frame.data.Min, g_frame.data.Max, true);
    draw->AddRectFilled(box.Min, box.Max, IM_COL32(22, 24, 29, 225), 4.0f);
    draw->AddRect(box.Min, box.Max, IM_COL32(255, 255, 255, 45), 4.0f);
    record_group("legend", SceneClip::Data);
    record_rect(box.Min, box.Max, IM_COL32(22, 24, 29, 225), IM_COL32(255, 255, 255, 45), 4.0f);
    for (int i = 0; i < count; ++i) {
        const LegendEntry& entry = g_frame.legend[static_cast<size_t>(i)];
        float x = box.Min.x;
        for (int c = 0; c < i / per_column; ++c) x += column_widths[static_cast<size_t>(c)];
        const float y = box.Min.y + pad + (i % per_column) * (line + row_gap);
        const bool hidden = state.hidden.count(entry.label) > 0;
        const float width = column_widths[static_cast<size_t>(i / per_column)];
        const ImRect row(ImVec2(x, y - row_gap / 2), ImVec2(x + width, y + line + row_gap / 2));
        state.legend_rows[entry.label] = row;
        const bool hovered = input && !click_through && row.Contains(mouse);
        if (hovered) draw->AddRectFilled(row.Min, row.Max, IM_COL32(255, 255, 255, 22));
        const ImU32 colour = hidden ? IM_COL32(110, 110, 115, 200) : entry.colour;
        draw_swatch(draw, entry, ImVec2(x + pad, y), swatch, line, colour, true);
        const ImU32 text_colour = ImGui::GetColorU32(hidden ? ImGuiCol_TextDisabled : ImGuiCol_Text);
        draw->AddText(ImVec2(x + 2 * pad + swatch, y), text_colour, display_name(entry.label).c_str());
        record_text(ImVec2(x + 2 * pad + swatch, y), text_colour, display_name(entry.label));
        if (!hovered) continue;
        state.highlighted = entry.label;
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            if (hidden)
                state.hidden.erase(entry.label);
            else
                state.hidden.insert(entry.label);
        }
        // Beside the legend, not under the mouse, so the entries stay readable.
        const bool right_side = corner == 1 || corner == 3;
        ImGui::SetNextWindowPos(ImVec2(right_side ? box.Min.x - 8 : box.Max.x + 8, row.Min.y), ImGuiCond_Always,
                                ImVec2(right_side ? 1.0f : 0.0f, 0.0f));
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(display_name(entry.label).c_str());
        const auto tooltip = g_frame.legend_tooltips.find(entry.label);
        if (tooltip != g_frame.legend_tooltips.end()) ImGui::TextUnformatted(tooltip->second.c_str());
        ImGui::TextDisabled(hidden ? "click to show" : "click to hide");
        ImGui::EndTooltip();
    }
    draw->PopClipRect();
}

void draw_readout() {
    if (!g_frame.hovered || g_frame.readout_suppressed || g_frame.item_active) return;
    if (g_frame.flags & PlotFlags_NoReadout) return;
    if ((g_frame.flags & PlotFlags_NoInteraction) && g_frame.readout.empty()) return;
    ImDrawList* draw = g_frame.draw;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    draw->PushClipRect(g_frame.data.Min, g_frame.data.Max, true);
    draw->AddLine(ImVec2(std::round(mouse.x), g_frame.data.Min.y), ImVec2(std::round(mouse.x), g_frame.data.Max.y),
                  IM_COL32(255, 255, 255, 100));
    const double x = g_frame.readout_x();
    // A dot where the cursor line meets each series.
    for (const ReadoutEntry& entry : g_frame.readout) {
        if (!entry.value) continue;
        const PlacedPoint p = place(x, *entry.value);
        if (!p.drawable) continue;
        draw->AddCircleFilled(ImVec2(std::round(mouse.x), p.pixel.y), 4.5f, IM_COL32(15, 16, 20, 255));
        draw->AddCircleFilled(ImVec2(std::round(mouse.x), p.pixel.y), 3.5f, entry.colour | IM_COL32_A_MASK);
    }
    draw->PopClipRect();
    ImGui::BeginTooltip();
    const std::string& x_label = g_frame.state->x.label;
    const std::string x_name = !x_label.empty() && x_label.size() <= 16 ? x_label : "x";
    ImGui::TextUnformatted((x_name + " = " + number_text(format_readout(x, Scale::Linear))).c_str());
    const float line = ImGui::GetTextLineHeight(), swatch = std::round(line * 1.5f);
    for (const ReadoutEntry& entry : g_frame.readout) {
        // The legend's swatch, so f (solid) and f′ (dashed) of one colour stay apart.
        const ImVec2 at = ImGui::GetCursorScreenPos();
        draw_swatch(ImGui::GetWindowDrawList(), {entry.name, entry.colour, entry.dashed, entry.kind}, at, swatch, line,
                    entry.colour | IM_COL32_A_MASK);
        ImGui::Dummy(ImVec2(swatch, line));
        ImGui::SameLine();
        if (entry.value) {
            const std::string value = number_text(format_readout(*entry.value, g_frame.y.scale));
            ImGui::Text("%s: %s", entry.name.c_str(), value.c_str());
        } else {
            ImGui::TextDisabled("%s: \xE2\x80\x94", entry.name.c_str());  // "—": no value at this x
        }
    }
    if (g_frame.readout.empty()) {
        const std::string y = number_text(format_readout(g_frame.y.from_pixel(mouse.y), Scale::Linear));
        ImGui::TextUnformatted(("y = " + y).c_str());
    }
    ImGui::EndTooltip();
}

void draw_clamp_note() {
    if (!g_frame.clamped) return;
    const ImRect& d = g_frame.data;
    // In the label row above the data when there is one, else inside the data's bottom-right
    // corner; shorter when the row is crowded by the y label.
    const bool row = has_label_row();
    const std::string& y_label = g_frame.state->y.label;
    const float room = d.GetWidth() - (y_label.empty() ? 0 : ImGui::CalcTextSize(y_label.c_str()).x + 16) - 16;
    std::string note = number_text("values \xE2\x89\xA4 0 shown at the floor");
    if (ImGui::CalcTextSize(note.c_str()).x > room) note = number_text("\xE2\x89\xA4 0 at floor");
    if (ImGui::CalcTextSize(note.c_str()).x > room) note.clear();  // the markers alone must do
    const ImVec2 size = ImGui::CalcTextSize(note.c_str());
    const float marker = note.empty() ? 10 : 14;
    const ImVec2 pos(d.Max.x - size.x, row ? d.Min.y - ImGui::GetTextLineHeight() - 3 : d.Max.y - size.y - 14);
    if (!row) {
        g_frame.draw->AddRectFilled(ImVec2(pos.x - marker - 6, pos.y - 2), ImVec2(d.Max.x - 2, pos.y + size.y + 2),
                                    IM_COL32(22, 24, 29, 225), 3.0f);
        record_rect(ImVec2(pos.x - marker - 6, pos.y - 2), ImVec2(d.Max.x - 2, pos.y + size.y + 2), IM_COL32(22, 24, 29, 225),
                    0, 3.0f);
    }
    const ImU32 colour = IM_COL32(240, 190, 90, 255);
    const float cy = pos.y + ImGui::GetTextLineHeight() / 2;
    const ImVec2 triangle[3] = {ImVec2(pos.x - marker, cy - 4), ImVec2(pos.x - marker + 10, cy - 4),
                                ImVec2(pos.x - marker + 5, cy + 5)};
    g_frame.draw->AddTriangleFilled(triangle[0], triangle[1], triangle[2], colour);
    record_polygon(triangle, 3, colour);
    if (!note.empty()) g_frame.draw->AddText(pos, colour, note.c_str());
    record_text(pos, colour, note);
}

// What the chart hands the app for `kind` (the chart drawn above, its data and shapes recorded).
ChartExport export_request(ChartExport::Kind kind) {
    ChartExport request;
    request.kind = kind;
    // Its title, or an untitled chart's window's (noted by begin_plot: inside the menu the current window is the popup).
    request.title = g_frame.state->export_title;
    request.plot_id = g_frame.id;
    request.size = g_frame.frame.GetSize();
    if (kind == ChartExport::Kind::Csv && g_frame.capture) {
        request.content = [table = std::make_shared<const CsvTable>(*g_frame.capture)] { return table->text(); };
    }
    if ((kind == ChartExport::Kind::Svg || kind == ChartExport::Kind::Png2x) && g_frame.scene) {
        auto scene = std::make_shared<ChartScene>(*g_frame.scene);
        read_scene_images(*scene);  // the pixels as they are now; their PNG is made with the SVG
        request.content = [scene = std::shared_ptr<const ChartScene>(std::move(scene))] { return chart_svg(*scene); };
    }
    return request;
}

// Called inside the chart's menu.
void draw_export_items() {
    ImGui::Separator();
    ChartExport request = export_request(ChartExport::Kind::Png);
    char png_1x[64], png_2x[64];
    std::snprintf(png_1x, sizeof png_1x, "1\xC3\x97, %.0f \xC3\x97 %.0f pixels\xE2\x80\xA6", request.size.x, request.size.y);
    std::snprintf(png_2x, sizeof png_2x, "2\xC3\x97, %.0f \xC3\x97 %.0f pixels\xE2\x80\xA6", 2 * request.size.x, 2 * request.size.y);
    if (ImGui::BeginMenu("Save chart as PNG")) {
        if (ImGui::MenuItem(png_1x)) g_export_handler(request);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("The chart as it is on screen, pixel for pixel.");
        if (ImGui::MenuItem(png_2x, nullptr, false, g_frame.scene.has_value())) g_export_handler(export_request(ChartExport::Kind::Png2x));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Drawn again from the chart's SVG at twice the size (rsvg-convert): sharp on slides.");
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Save chart as SVG\xE2\x80\xA6", nullptr, false, g_frame.scene.has_value())) {
        g_export_handler(export_request(ChartExport::Kind::Svg));
    }
    const bool has_data = g_frame.capture && !g_frame.capture->empty();
    if (ImGui::MenuItem("Export data as CSV\xE2\x80\xA6", nullptr, false, has_data)) {
        g_export_handler(export_request(ChartExport::Kind::Csv));
    }
}

// request_chart_export's request for this chart, as if chosen from its menu.
void send_requested_export() {
    const auto requested = g_requested_exports.find(g_frame.id);
    if (requested == g_requested_exports.end()) return;
    const ChartExport::Kind kind = requested->second;
    g_requested_exports.erase(requested);
    if (g_export_handler) g_export_handler(export_request(kind));
}

void draw_menu() {
    if (!ImGui::BeginPopupEx(menu_id(), ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar |
                                            ImGuiWindowFlags_NoSavedSettings)) {
        return;
    }
    PlotState& state = *g_frame.state;
    if (ImGui::MenuItem("Fit to data")) state.fit_requested = true;
    if (ImGui::MenuItem("Reset view", "double-click")) reset_view(state);
    if (!state.hidden.empty() && ImGui::MenuItem("Show all items")) state.hidden.clear();
    if (!(g_frame.flags & PlotFlags_NoLegend)) {
        bool shown = !state.legend_hidden;
        if (ImGui::MenuItem("Show legend", nullptr, &shown)) state.legend_hidden = !shown;
    }
    if (g_export_handler) draw_export_items();
    ImGui::EndPopup();
}

}  // namespace

void end_plot() {
    IM_ASSERT(g_in_plot && "end_plot without begin_plot");
    finish_setup();
    PlotState& state = *g_frame.state;
    g_frame.draw->PopClipRect();
    g_frame.draw->AddRect(g_frame.data.Min, g_frame.data.Max, IM_COL32(255, 255, 255, 55));
    record_group("frame", SceneClip::Frame);
    record_rect(g_frame.data.Min, g_frame.data.Max, 0, IM_COL32(255, 255, 255, 55));
    draw_clamp_note();
    record_group("colour-bar", SceneClip::Frame);
    draw_colour_bar();
    draw_legend();
    draw_readout();
    draw_menu();
    send_requested_export();
    state.last_extents = g_frame.extents;
    g_in_plot = false;
}

}  // namespace actviz::plot
