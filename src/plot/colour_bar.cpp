// Colour bars: the scale of a heatmap or an image, beside its plot or lying down on its own.

#include <imgui.h>
#include <imgui_internal.h>  // ImRect

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "plot/plot.hpp"
#include "plot/plot_internal.hpp"

namespace actviz::plot {

using namespace detail;

namespace {

constexpr int kSteps = 48;  // gradient bands: smooth at any bar length

ImU32 colour_at(ColourMap map, double t) {  // t in [0, 1] along the bar
    return map == ColourMap::Diverging ? diverging_colour(2 * t - 1) : sequential_colour(t);
}

std::string value_text(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", v == 0 ? 0.0 : v);  // never "-0"
    return number_text(text);
}

// The values printed along a bar: its ends, and 0 (diverging) or the middle between them.
struct Marks {
    double values[3];
    int count;
};
Marks marks_of(double min, double max, ColourMap map) {
    if (map == ColourMap::Diverging && min < 0 && max > 0) return {{min, 0.0, max}, 3};
    return {{min, (min + max) / 2, max}, 3};
}

double fraction_of(double v, double min, double max) { return max > min ? std::clamp((v - min) / (max - min), 0.0, 1.0) : 0.0; }

}  // namespace

void setup_colour_bar(const char* label, double min, double max, ColourMap map) {
    if (!g_in_plot || !std::isfinite(min) || !std::isfinite(max)) return;
    if (!(min < max)) max = min + 1;
    g_frame.colour_bar = Frame::ColourBar{label ? label : "", min, max, map};
}

float detail::colour_bar_width(const Frame::ColourBar& bar) {
    float widest = 0;
    const Marks marks = marks_of(bar.min, bar.max, bar.map);
    for (int i = 0; i < marks.count; ++i) widest = std::max(widest, ImGui::CalcTextSize(value_text(marks.values[i]).c_str()).x);
    const float font = ImGui::GetFontSize();
    return font * 0.5f + font * 0.7f + 4 + widest;  // gap, bar, gap, labels
}

void detail::draw_colour_bar() {
    if (!g_frame.colour_bar) return;
    const Frame::ColourBar& bar = *g_frame.colour_bar;
    const float font = ImGui::GetFontSize();
    const ImRect& data = g_frame.data;
    const ImRect box(ImVec2(data.Max.x + font * 0.5f, data.Min.y), ImVec2(data.Max.x + font * 1.2f, data.Max.y));
    ImDrawList* draw = g_frame.draw;
    draw->PushClipRect(g_frame.frame.Min, g_frame.frame.Max, true);
    for (int i = 0; i < kSteps; ++i) {  // top = max
        const float y0 = box.Max.y - box.GetHeight() * static_cast<float>(i + 1) / kSteps;
        const float y1 = box.Max.y - box.GetHeight() * static_cast<float>(i) / kSteps;
        draw->AddRectFilled(ImVec2(box.Min.x, std::floor(y0)), ImVec2(box.Max.x, std::ceil(y1)),
                            colour_at(bar.map, (i + 0.5) / kSteps));
        record_rect(ImVec2(box.Min.x, std::floor(y0)), ImVec2(box.Max.x, std::ceil(y1)), colour_at(bar.map, (i + 0.5) / kSteps));
    }
    draw->AddRect(box.Min, box.Max, IM_COL32(255, 255, 255, 55));
    record_rect(box.Min, box.Max, 0, IM_COL32(255, 255, 255, 55));
    const ImU32 text = with_alpha(ImGui::GetColorU32(ImGuiCol_Text), 0.75f);
    const float line = ImGui::GetTextLineHeight();
    const Marks marks = marks_of(bar.min, bar.max, bar.map);
    const bool room_for_middle = box.GetHeight() >= 3 * line;  // else the three labels would touch
    for (int i = 0; i < marks.count; ++i) {
        if (i == 1 && !room_for_middle) continue;
        const float y = box.Max.y - box.GetHeight() * static_cast<float>(fraction_of(marks.values[i], bar.min, bar.max));
        const float top = std::clamp(y - line / 2, box.Min.y - line / 2, box.Max.y - line / 2);
        draw->AddText(ImVec2(box.Max.x + 4, top), text, value_text(marks.values[i]).c_str());  // no tick: it read as a minus
        record_text(ImVec2(box.Max.x + 4, top), text, value_text(marks.values[i]));
    }
    draw->PopClipRect();
    if (g_frame.item_hovered && box.Contains(ImGui::GetIO().MousePos)) {
        const double t = (box.Max.y - ImGui::GetIO().MousePos.y) / box.GetHeight();
        ImGui::SetTooltip("%s\n%s at this colour", bar.label.c_str(), value_text(bar.min + t * (bar.max - bar.min)).c_str());
    }
}

void colour_bar_strip(const char* label, double min, double max, ColourMap map, float width) {
    if (!(min < max)) max = min + 1;
    const float line = ImGui::GetTextLineHeight();
    const std::string lo = value_text(min), hi = value_text(max);
    const float lo_width = ImGui::CalcTextSize(lo.c_str()).x, hi_width = ImGui::CalcTextSize(hi.c_str()).x;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, line));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 text = with_alpha(ImGui::GetColorU32(ImGuiCol_Text), 0.75f);
    const ImRect box(ImVec2(at.x + lo_width + 4, at.y + line * 0.2f), ImVec2(at.x + width - hi_width - 4, at.y + line * 0.8f));
    if (box.GetWidth() < 8) return;
    draw->AddText(at, text, lo.c_str());
    for (int i = 0; i < kSteps; ++i) {
        const float x0 = box.Min.x + box.GetWidth() * static_cast<float>(i) / kSteps;
        const float x1 = box.Min.x + box.GetWidth() * static_cast<float>(i + 1) / kSteps;
        draw->AddRectFilled(ImVec2(std::floor(x0), box.Min.y), ImVec2(std::ceil(x1), box.Max.y), colour_at(map, (i + 0.5) / kSteps));
    }
    draw->AddRect(box.Min, box.Max, IM_COL32(255, 255, 255, 55));
    draw->AddText(ImVec2(box.Max.x + 4, at.y), text, hi.c_str());
    if (hovered) {
        const double t = std::clamp((ImGui::GetIO().MousePos.x - box.Min.x) / box.GetWidth(), 0.0f, 1.0f);
        ImGui::SetTooltip("%s\n%s at this colour", label, value_text(min + t * (max - min)).c_str());
    }
}

}  // namespace actviz::plot
