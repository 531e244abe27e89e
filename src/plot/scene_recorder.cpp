// Recording what a chart draws as shapes (chart_scene.hpp), for "Save chart as SVG…". The plot
// records beside each draw call while the chart's context menu is open, and only then: a chart
// nobody exports pays one pointer test per call.

#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

#include "plot/chart_scene.hpp"
#include "plot/plot.hpp"
#include "plot/plot_internal.hpp"

namespace actviz::plot {

using namespace detail;

namespace {

std::function<std::function<std::string()>(ImTextureID)> g_image_reader;

ChartScene* scene() { return g_frame.scene ? &*g_frame.scene : nullptr; }

ScenePoint own(ImVec2 p) { return {p.x - g_frame.frame.Min.x, p.y - g_frame.frame.Min.y}; }

}  // namespace

void set_image_reader(std::function<std::function<std::string()>(ImTextureID)> reader) { g_image_reader = std::move(reader); }

void detail::read_scene_images(ChartScene& scene) {
    for (SceneShape& shape : scene.shapes) {
        auto* image = std::get_if<SceneImage>(&shape.shape);
        if (image && g_image_reader) image->png = g_image_reader(image->texture);
    }
}

void detail::start_scene() {
    ChartScene& s = g_frame.scene.emplace();
    s.width = g_frame.frame.GetWidth(), s.height = g_frame.frame.GetHeight();
    s.title = g_frame.title;
    // The app's font (DejaVu Sans) first; what a viewer falls back to after it.
    s.font_family = "DejaVu Sans, Verdana, Arial, sans-serif";
    // What the chart is drawn on: the window's background, made opaque (a file has nothing behind it).
    s.background = ImGui::GetColorU32(ImGuiCol_WindowBg) | IM_COL32_A_MASK;
}

void detail::record_data_area() {
    if (ChartScene* s = scene()) s->data_min = own(g_frame.data.Min), s->data_max = own(g_frame.data.Max);
}

void detail::record_group(const char* name, SceneClip clip) {
    ChartScene* s = scene();
    if (!s) return;
    if (s->groups.back() != name) s->begin_group(name);
    s->clip = clip;
}

void detail::record_polyline(const ImVec2* points, int count, ImU32 colour, float thickness, float dash, float gap) {
    ChartScene* s = scene();
    if (!s || count < 2) return;
    ScenePolyline line;
    line.points.reserve(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) line.points.push_back(own(points[i]));
    line.colour = colour, line.thickness = thickness, line.dash = dash, line.gap = gap;
    s->add(std::move(line));
}

void detail::record_line(ImVec2 a, ImVec2 b, ImU32 colour, float thickness) {
    const ImVec2 points[2] = {a, b};
    record_polyline(points, 2, colour, thickness);
}

void detail::record_rect(ImVec2 min, ImVec2 max, ImU32 fill, ImU32 stroke, float rounding, bool round_top_only,
                         float stroke_width) {
    if (ChartScene* s = scene()) s->add(SceneRect{own(min), own(max), fill, stroke, stroke_width, rounding, round_top_only});
}

void detail::record_circle(ImVec2 centre, float radius, ImU32 fill, ImU32 stroke, float stroke_width) {
    if (ChartScene* s = scene()) s->add(SceneCircle{own(centre), radius, fill, stroke, stroke_width});
}

void detail::record_polygon(const ImVec2* points, int count, ImU32 fill) {
    ChartScene* s = scene();
    if (!s || count < 3) return;
    ScenePolygon polygon;
    for (int i = 0; i < count; ++i) polygon.points.push_back(own(points[i]));
    polygon.fill = fill;
    s->add(std::move(polygon));
}

void detail::record_text(ImVec2 top_left, ImU32 colour, const std::string& text, float size) {
    ChartScene* s = scene();
    if (!s || text.empty()) return;
    const ImFont* font = ImGui::GetFont();
    if (size <= 0) size = ImGui::GetFontSize();
    // ImGui places text by its top; SVG by its baseline, the font's ascent below the top.
    const float ascent = font->FontSize > 0 ? font->Ascent * size / font->FontSize : size * 0.8f;
    // ImGui's size is the line height (stb_truetype scales ascent − descent to it); SVG's font-size
    // is the em. For DejaVu Sans, the app's font: 2048 units per em over 1901 + 483 → 0.859 em a line.
    constexpr float kEmPerLine = 2048.0f / (1901.0f + 483.0f);
    s->add(SceneText{own(ImVec2(top_left.x, top_left.y + ascent)), text, colour, size * kEmPerLine});
}

void detail::record_image(ImVec2 min, ImVec2 max, ImTextureID texture) {
    ChartScene* s = scene();
    if (!s) return;
    // Only its texture: the pixels are read when an export asks for them (read_scene_images), not
    // in every frame the chart's menu is open.
    SceneImage image;
    image.min = own(min);
    image.max = own(max);
    image.texture = texture;
    s->add(std::move(image));
}

}  // namespace actviz::plot
