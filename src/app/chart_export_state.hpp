#pragma once
// What a chart's "Save chart as PNG" has under way between frames (chart_export.hpp).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "files/child_process.hpp"

namespace actviz::app {

struct ChartExportState {
    // 1×: the chart to read from the framebuffer after the next frame renders (its menu gone,
    // hover held off in that frame), before the file chooser is up over it.
    struct Grab {
        unsigned plot_id = 0;
        std::string title;
        int asked_in_frame = 0;  // ImGui's frame count when it was asked for: read in a later one
    };
    std::optional<Grab> grab;
    // 2×: rsvg-convert turning the chart's SVG into a PNG at twice the size, beside the window.
    struct Rasterising {
        std::unique_ptr<files::ChildProcess> process;
        std::string svg_file;  // the temporary SVG it reads (removed when it is done)
        std::string target;    // where the PNG goes once it is whole
    };
    std::vector<Rasterising> rasterising;
};

}  // namespace actviz::app
