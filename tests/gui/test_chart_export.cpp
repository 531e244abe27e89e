// A chart's exports in the real app, for the charts a teacher would put on slides: the Activations
// chart, the Classifier's loss chart, the Gradient flow's depth × gain map and the Softmax Jacobian.
// Each is saved as PNG at 1× (the chart's own rectangle of the window), PNG at 2× (its SVG
// rasterised by rsvg-convert), SVG (read back by check_svg.py) and CSV, every path typed into the
// in-app browser as a user would; the status bar names each file whole.
// ACTVIZ_EXPORT_DIR=<folder> keeps the files there, to look at them.

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/app_state.hpp"
#include "gui/gui_input.hpp"
#include "plot/plot.hpp"
#include "support/gui_test_files.hpp"
#include "support/temp_folder.hpp"

namespace actviz::testing {
namespace {

// A PNG's width and height from its IHDR chunk (bytes 16–23, big-endian).
std::array<int, 2> png_size(const std::string& png) {
    if (png.size() < 24 || png.compare(1, 3, "PNG") != 0) return {0, 0};
    auto be32 = [&](size_t at) {
        return (static_cast<unsigned char>(png[at]) << 24) | (static_cast<unsigned char>(png[at + 1]) << 16) |
               (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
    };
    return {static_cast<int>(be32(16)), static_cast<int>(be32(20))};
}

struct ChartCase {
    const char* panel;
    const char* preset;
    const char* title;  // a part of the chart's title; empty: the largest chart on the page
    const char* file;   // the files' stem
};

class GuiChartExport : public ::testing::TestWithParam<ChartCase> {};

TEST_P(GuiChartExport, PngAt1xAnd2xSvgAndCsvOfOneChart) {
    if (!have_display()) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    const ChartCase& chart = GetParam();
    const TempFolder temp;
    const char* keep = std::getenv("ACTVIZ_EXPORT_DIR");
    const std::filesystem::path folder = keep ? std::filesystem::path(keep) : temp.path;
    std::filesystem::create_directories(folder);
    const std::string stem = (folder / chart.file).string();
    using Kind = plot::ChartExport::Kind;
    const std::vector<std::pair<Kind, std::string>> exports = {
        {Kind::Png, stem + ".png"}, {Kind::Png2x, stem + "-2x.png"}, {Kind::Svg, stem + ".svg"}, {Kind::Csv, stem + ".csv"}};
    for (const auto& [kind, path] : exports) std::filesystem::remove(path);

    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.frames = 4000;  // an upper bound: the hook quits when every file is written
    launch.width = 1600;
    launch.height = 960;
    launch.panel = chart.panel;
    launch.preset = chart.preset;
    GuiInput input;
    int stage = 0, next_export = 0, since = 0;
    plot::DrawnChart target;
    std::vector<std::string> titles, messages;
    const int status = app::run(launch, [&](app::AppState& state, GLFWwindow*, int frame) {
        const bool settled = !input.busy() && frame > since + 2;
        // The last few, not the one on show: an SVG's message and a 2× PNG's (its rasteriser ending
        // on a worker) can land in the same frame.
        messages.assign(state.status.recent.begin(), state.status.recent.end());
        // Let the page train and compute a while; Gradient flow until its worker has filled some of
        // the map (under ASan that takes more than 90 frames).
        const bool computed = std::string(chart.panel) != "gradflow" || state.gradflow.live.snapshot().map_cells_done > 0;
        if (stage == 0 && frame >= 90 && computed) {
            titles.clear();
            for (const plot::DrawnChart& c : plot::charts_drawn()) {
                titles.push_back(c.title);
                const float area = (c.max.x - c.min.x) * (c.max.y - c.min.y);
                const float best = (target.max.x - target.min.x) * (target.max.y - target.min.y);
                if (*chart.title ? c.title.find(chart.title) != std::string::npos : area > best) target = c;
            }
            stage = target.plot_id ? 1 : 99;
            since = frame;
        } else if (stage == 1 && settled && !state.chooser.request) {
            if (next_export == static_cast<int>(exports.size())) {
                stage = 3;
            } else {
                plot::request_chart_export(target.plot_id, exports[static_cast<size_t>(next_export)].first);
                stage = 2, since = frame;
            }
        } else if (stage == 2 && settled && state.chooser.browser.open && state.chooser.browser.rects.count("name")) {
            input.click(state.chooser.browser.rects.at("name"));
            input.key(GLFW_KEY_A, true);  // select all, then type the whole path over it
            input.type(exports[static_cast<size_t>(next_export)].second);
            input.key(GLFW_KEY_ENTER);
            ++next_export;
            stage = 1, since = frame;
        } else if (stage == 3 && state.chart_export.rasterising.empty() && state.writes.idle()) {
            state.quit_requested = true;
        } else if (stage == 99) {
            state.quit_requested = true;
        }
        input.apply();
    });
    EXPECT_EQ(status, 0);
    ASSERT_NE(target.plot_id, 0u) << "no chart titled '" << chart.title << "'; charts: " << ::testing::PrintToString(titles);
    const int width = static_cast<int>(target.max.x - target.min.x + 0.5f), height = static_cast<int>(target.max.y - target.min.y + 0.5f);
    // PNG at 1×: the chart's own rectangle; at 2×: twice that.
    EXPECT_EQ(png_size(read_text(exports[0].second)), (std::array<int, 2>{width, height})) << ::testing::PrintToString(messages);
    const std::array<int, 2> twice = png_size(read_text(exports[1].second));
    EXPECT_NEAR(twice[0], 2 * width, 2) << ::testing::PrintToString(messages);
    EXPECT_NEAR(twice[1], 2 * height, 2);
    // SVG: well-formed, every point inside, something drawn in the data area.
    const std::string check = "python3 '" ACTVIZ_CHECK_SVG "' '" + exports[2].second + "' 'items:g>=1'";
    EXPECT_EQ(std::system(check.c_str()), 0) << check;
    // A chart with a picture (the decision regions) has it in the SVG, read when the export was
    // asked for and encoded with the SVG beside the frame; not the note that stands in for it.
    const std::string svg = read_text(exports[2].second);
    if (std::string(chart.file) == "classifier-regions") {
        EXPECT_NE(svg.find("data:image/png;base64,iVBORw0KGgo"), std::string::npos) << "no picture in the SVG";
        EXPECT_EQ(svg.find("picture not exported"), std::string::npos);
    }
    // CSV: a header and rows, no internal ids.
    const std::string csv = read_text(exports[3].second);
    EXPECT_GT(std::count(csv.begin(), csv.end(), '\n'), 2) << csv.substr(0, 200);
    EXPECT_EQ(csv.find("##"), std::string::npos);
    // The status bar named every file by its whole path.
    for (const auto& [kind, path] : exports) {
        const bool named = std::any_of(messages.begin(), messages.end(), [&](const std::string& m) { return m.find(path) != std::string::npos; });
        EXPECT_TRUE(named) << path << " not in " << ::testing::PrintToString(messages);
    }
}

INSTANTIATE_TEST_SUITE_P(SlideCharts, GuiChartExport,
                         ::testing::Values(ChartCase{"activations", "", "", "activations"},
                                           ChartCase{"classifier", "spiral-tanh", "cross-entropy loss", "classifier-loss"},
                                           ChartCase{"classifier", "spiral-tanh", "decision regions", "classifier-regions"},
                                           ChartCase{"gradflow", "", "log10", "gradflow-map"},
                                           ChartCase{"softmax", "", "Jacobian", "softmax-jacobian"}),
                         [](const ::testing::TestParamInfo<ChartCase>& info) {
                             std::string name = info.param.file;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

}  // namespace
}  // namespace actviz::testing
