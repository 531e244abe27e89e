// "Save chart as SVG…" from a chart's context menu, driven as a user would, and the file it gives
// read back by python3's xml.etree (check_svg.py): well-formed, every point inside the picture, and
// one element per thing drawn (a polyline per line, dashed where dashed, a circle per marker...).

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "plot/chart_scene.hpp"
#include "plot/plot.hpp"
#include "plot/svg_writer.hpp"
#include "support/headless_imgui.hpp"

namespace actviz::plot {
namespace {

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// Runs check_svg.py on `svg` with `expectations`; its complaints, or "" when it is content.
std::string python_check(const std::string& svg, const std::string& expectations) {
    const std::filesystem::path folder = std::filesystem::temp_directory_path();
    const std::string file = (folder / ("actviz-svg-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                        "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".svg"))
                                 .string();
    const std::string report = file + ".txt";
    std::ofstream(file, std::ios::binary) << svg;
    std::string quoted;  // each expectation in quotes: ">=" is a redirection to the shell
    for (size_t start = 0; start < expectations.size();) {
        size_t end = expectations.find(' ', start);
        if (end == std::string::npos) end = expectations.size();
        if (end > start) quoted += " '" + expectations.substr(start, end - start) + "'";
        start = end + 1;
    }
    const std::string command = "python3 '" ACTVIZ_CHECK_SVG "' '" + file + "'" + quoted + " > '" + report + "' 2>&1";
    const int status = std::system(command.c_str());
    std::ifstream in(report);
    std::string complaints((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::filesystem::remove(file), std::filesystem::remove(report);
    return status == 0 ? "" : (complaints.empty() ? "check_svg.py failed to run" : complaints);
}

class SvgExport : public ::testing::Test {
   protected:
    void SetUp() override {
        set_chart_export_handler([this](const ChartExport& request) {
            if (request.kind == ChartExport::Kind::Svg) svg_ = request.content(), size_ = request.size;
        });
    }
    void TearDown() override { set_chart_export_handler(nullptr); }

    void frame() {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(800, 600));
        ImGui::Begin("charts", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        if (begin_plot("##chart", ImVec2(0, 0), "Activations", PlotFlags_LegendRight)) {
            draw_items();
            end_plot();
        }
        ImGui::End();
        ImGui::Render();
    }
    void press(int button, ImVec2 where) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = where;
        frame();
        io.MouseDown[button] = true;
        frame();
        io.MouseDown[button] = false;
        frame();
    }
    bool hover_item(const char* label) {
        ImGuiContext& g = *ImGui::GetCurrentContext();
        if (g.OpenPopupStack.empty() || !g.OpenPopupStack.back().Window) return false;
        ImGuiWindow* popup = g.OpenPopupStack.back().Window;
        const ImGuiID id = popup->GetID(label);
        for (float y = popup->Pos.y; y < popup->Pos.y + popup->Size.y; y += 3) {
            ImGui::GetIO().MousePos = ImVec2(popup->Pos.x + 20, y);
            frame();
            if (g.HoveredId == id) return true;
        }
        return false;
    }
    // Right-click the chart, then "Save chart as SVG…": the file's text.
    std::string save_svg() {
        frame();
        press(1, ImVec2(300, 300));
        EXPECT_TRUE(hover_item("Save chart as SVG\xE2\x80\xA6")) << "no SVG item in the chart's menu";
        press(0, ImGui::GetIO().MousePos);
        return svg_;
    }

    test::HeadlessImGui imgui_{ImVec2(800, 600)};
    std::function<void()> draw_items;
    std::string svg_;
    ImVec2 size_{0, 0};
};

TEST_F(SvgExport, LinesMarkersBarsBandsAndSpansAsTheirOwnElements) {
    std::vector<double> xs, f, df, low, high;
    for (int i = 0; i <= 60; ++i) {
        const double x = -6 + 0.2 * i, s = 1 / (1 + std::exp(-x));
        xs.push_back(x), f.push_back(s), df.push_back(s * (1 - s)), low.push_back(s - 0.1), high.push_back(s + 0.1);
    }
    const double px[] = {-2, 0, 2}, py[] = {0.2, 0.5, 0.8}, bx[] = {-4, -3, -2}, bh[] = {0.1, 0.2, 0.3};
    draw_items = [&] {
        setup_axis(AxisId::X, "x");
        setup_axis(AxisId::Y, "f(x)");
        setup_axis_limits(AxisId::X, -6, 6);
        setup_axis_limits(AxisId::Y, -0.2, 1.2);
        plot_x_span("dead zone", 4, 6, IM_COL32(200, 60, 60, 40));
        plot_band("sigmoid \xC2\xB1 0.1", xs.data(), low.data(), high.data(), static_cast<int>(xs.size()), IM_COL32(86, 180, 233, 50));
        plot_bars("dead", bx, bh, 3, 0.8, IM_COL32(230, 159, 0, 160));
        plot_line("sigmoid", xs.data(), f.data(), static_cast<int>(xs.size()), {series_colour(0)});
        plot_line("sigmoid f\xE2\x80\xB2 <&>", xs.data(), df.data(), static_cast<int>(xs.size()), {series_colour(0), 1.6f, true});
        plot_scatter("test (hollow)", px, py, 3, series_colour(1), 4, false);
    };
    const std::string svg = save_svg();
    ASSERT_FALSE(svg.empty());
    char view_box[64];  // the chart's frame: the window less its padding
    std::snprintf(view_box, sizeof view_box, "viewBox=\"0 0 %g %g\"", size_.x, size_.y);
    EXPECT_GT(size_.x, 700);
    EXPECT_NE(svg.find(view_box), std::string::npos);
    EXPECT_NE(svg.find(">Activations</text>"), std::string::npos);           // the title
    EXPECT_NE(svg.find("sigmoid f\xE2\x80\xB2 &lt;&amp;&gt;</text>"), std::string::npos);  // escaped legend text
    // Items: one polyline per line (the dashed one whole, not one per dash), a circle per marker
    // (hollow: no fill), a path per bar (rounded where it ends), a rect for the span, a polygon for
    // the band. Legend: a text per entry and a dashed swatch for the dashed line. No colour bar.
    EXPECT_EQ(python_check(svg, "items:polyline=2 items:circle=3 items:polygon=1 items:rect=1 items:path=3 "
                                "legend:text=6 legend:circle=1 dashed=2 axes:text>=8 colour-bar:rect=0"),
              "");
    EXPECT_EQ(count(svg, "fill=\"none\" stroke=\"#e69f00\""), 4u);  // 3 hollow markers and the legend's ring
}

TEST_F(SvgExport, HeatmapCellsAndColourBar) {
    const double cells[] = {-1, -0.5, 0.5, 1, 0, 0.25, -0.25, 0.75, 1, 1, -1, -1, 0.1, 0.2, 0.3, 0.4};
    draw_items = [&] {
        setup_colour_bar("J", -1, 1, ColourMap::Diverging);
        plot_heatmap("Jacobian", cells, 4, 4, -0.5, 3.5, -0.5, 3.5, -1, 1);
    };
    const std::string svg = save_svg();
    // 16 cells with their values printed; 48 colour steps and an outline; the bar's 3 values.
    EXPECT_EQ(python_check(svg, "items:rect=16 items:text=16 colour-bar:rect=49 colour-bar:text=3 items:polyline=0"), "");
}

TEST(SvgWriter, LinesLeavingTheDataAreaAreCutAtItsEdges) {
    ChartScene scene;
    scene.width = 100, scene.height = 100;
    scene.data_min = {10, 10}, scene.data_max = {90, 90};
    scene.title = "a < b & c";
    scene.begin_group("items");
    scene.clip = SceneClip::Data;
    // Up through the top edge and back: two pieces inside.
    scene.add(ScenePolyline{{{20, 50}, {50, -400}, {80, 50}}, 0xFF0000FFu, 1, 0, 0});
    // Far out on both sides (a zoomed-in ReLU): one piece across.
    scene.add(ScenePolyline{{{-4000, 50}, {4000, 50}}, 0xFF00FF00u, 2, 4, 3});
    scene.add(ScenePolyline{{{20, NAN}, {30, 40}}, 0xFF00FF00u, 2, 0, 0});  // a NaN breaks a line: nothing left to draw
    const std::string svg = chart_svg(scene);
    EXPECT_EQ(count(svg, "<polyline"), 3u);
    EXPECT_NE(svg.find("<title>a &lt; b &amp; c</title>"), std::string::npos);
    EXPECT_EQ(svg.find("nan"), std::string::npos);
    EXPECT_EQ(python_check(svg, "items:polyline=3 dashed=1"), "");
}

}  // namespace
}  // namespace actviz::plot
