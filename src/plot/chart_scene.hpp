#pragma once
// What one chart drew, as shapes a vector file can hold: recorded by the plot while a chart's
// context menu is open (plot.cpp, plot_items.cpp, colour_bar.cpp), written as SVG by svg_writer.
// Std only, so the writer and its tests need no ImGui.
//
// Coordinates are the chart's own pixels: (0, 0) is the top-left of its frame (title, axes,
// legend and colour bar included), y grows downwards, as on screen. Colours are packed as ImGui
// packs them (ImU32): red in the low byte, then green, blue, alpha.

#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

namespace actviz::plot {

struct ScenePoint {
    float x = 0, y = 0;
};

using SceneColour = std::uint32_t;

// Where a shape is clipped: to the whole chart, or to its data area (the items, the legend).
enum class SceneClip { Frame, Data };

struct ScenePolyline {
    std::vector<ScenePoint> points;
    SceneColour colour = 0;
    float thickness = 1;
    float dash = 0, gap = 0;  // dashed when dash > 0 (pixels along the line)
};

struct ScenePolygon {  // filled, no outline (bands, floor markers)
    std::vector<ScenePoint> points;
    SceneColour fill = 0;
};

struct SceneRect {
    ScenePoint min, max;
    SceneColour fill = 0, stroke = 0;  // alpha 0: none
    float stroke_width = 1;
    float rounding = 0;
    bool round_top_only = false;  // bars: rounded where they end, square at their base
};

struct SceneCircle {
    ScenePoint centre;
    float radius = 1;
    SceneColour fill = 0, stroke = 0;  // alpha 0: none
    float stroke_width = 1;
};

struct SceneText {
    ScenePoint baseline;  // the left end of the text's baseline
    std::string text;     // UTF-8
    SceneColour colour = 0;
    float size = 13;  // pixels
};

// A picture that is not shapes (the Classifier's probability plane). Recorded as its texture; an
// export reads the pixels (plot::set_image_reader) into `png`, which makes the PNG bytes when the
// SVG is written (beside the frame). Empty (or making nothing): a note stands in its place.
struct SceneImage {
    ScenePoint min, max;
    void* texture = nullptr;  // an ImTextureID
    std::function<std::string()> png;
    std::string note = "picture not exported (Save chart as PNG has it)";
};

struct SceneShape {
    std::variant<ScenePolyline, ScenePolygon, SceneRect, SceneCircle, SceneText, SceneImage> shape;
    SceneClip clip = SceneClip::Frame;
    int group = 0;  // index into ChartScene::groups
};

struct ChartScene {
    float width = 0, height = 0;
    ScenePoint data_min, data_max;  // the data area: what SceneClip::Data clips to
    SceneColour background = 0xFF000000;
    std::string title;        // the file's <title>
    std::string font_family;  // as CSS names it, the app's font first
    std::vector<std::string> groups{"chart"};  // each becomes <g id="...">: axes, items, legend, colour-bar
    std::vector<SceneShape> shapes;            // in drawing order: later ones on top

    // Appends `shape` in the current group with the current clip.
    template <class Shape>
    void add(Shape shape) {
        shapes.push_back({std::move(shape), clip, static_cast<int>(groups.size()) - 1});
    }
    void begin_group(std::string name) { groups.push_back(std::move(name)); }
    SceneClip clip = SceneClip::Frame;
};

}  // namespace actviz::plot
