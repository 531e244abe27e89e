// "Export data as CSV" from a chart's context menu, driven as a user would (right-click, then the
// menu item), and the CSV table itself: every drawn item, numbers that read back exactly.

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>
#include <cstdlib>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "plot/csv_table.hpp"
#include "plot/plot.hpp"
#include "support/headless_imgui.hpp"

namespace actviz::plot {
namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

TEST(CsvTable, LongFormatWithExactNumbers) {
    CsvTable table;
    const double xs[] = {0.1, 1.0 / 3.0}, ys[] = {-2.5, NAN};
    table.add_points("tanh, scaled", xs, ys, 2);
    const double low[] = {0, 1}, high[] = {2, 3};
    table.add_band("std", xs, low, high, 2);
    EXPECT_TRUE(table.wide());  // so far one x for all
    const double cells[] = {1, 2, 3, 4, 5, 6};  // 2 rows × 3 columns over [0, 3] × [0, 2]
    table.add_grid("map", cells, 2, 3, 0, 3, 0, 2);
    EXPECT_FALSE(table.wide());  // a heatmap's cells have two coordinates: long
    const auto rows = lines(table.text());
    ASSERT_EQ(rows.size(), 1u + 2 + 4 + 6);
    EXPECT_EQ(rows[0], "series,x,y,value");
    EXPECT_EQ(rows[1], "\"tanh, scaled\",0.10000000000000001,-2.5,");
    EXPECT_EQ(std::strtod(rows[2].substr(rows[2].find("\",") + 2).c_str(), nullptr), 1.0 / 3.0);
    EXPECT_NE(rows[2].find(",nan,"), std::string::npos);
    EXPECT_EQ(rows[3], "std (low),0.10000000000000001,0,");
    EXPECT_EQ(rows[6], "std (high),0.33333333333333331,3,");
    EXPECT_EQ(rows[7], "map,0.5,1.5,1");   // top-left cell: row 0 is at the top
    EXPECT_EQ(rows[12], "map,2.5,0.5,6");  // bottom-right
}

TEST(CsvTable, WideWhenTheSeriesShareX) {
    CsvTable table;
    table.set_x_name("x, input");
    const double xs[] = {-1, 0, 1}, f[] = {0.25, 0.5, 0.75}, g[] = {-0.5, 0, NAN};
    table.add_points("sigmoid", xs, f, 3);
    table.add_points("tanh", xs, g, 3);
    ASSERT_TRUE(table.wide());
    EXPECT_EQ(table.text(), "\"x, input\",sigmoid,tanh\n-1,0.25,-0.5\n0,0.5,0\n1,0.75,nan\n");
}

TEST(CsvTable, WideWithEmptyCellsWhereASeriesHasAnXOfItsOwn) {
    CsvTable table;
    const double grid[] = {-1, 0, 1}, with_kink[] = {-1, 0, 0.5, 1}, f[] = {1, 2, 3}, g[] = {4, 5, 6, 7};
    table.add_points("tanh", grid, f, 3);
    table.add_points("relu", with_kink, g, 4);
    ASSERT_TRUE(table.wide());
    EXPECT_EQ(table.text(), "x,tanh,relu\n-1,1,4\n0,2,5\n0.5,,6\n1,3,7\n");
}

TEST(CsvTable, LongWhenTheXsDiffer) {
    CsvTable table;
    const double steps[] = {0, 10, 20}, others[] = {5, 15}, loss[] = {1, 0.5, 0.25}, test[] = {1.1, 0.3};
    table.add_points("train", steps, loss, 3);
    table.add_points("test", others, test, 2);  // no x in common: a wide table would be half empty
    EXPECT_FALSE(table.wide());
    EXPECT_EQ(table.text(), "series,x,y,value\ntrain,0,1,\ntrain,10,0.5,\ntrain,20,0.25,\ntest,5,1.1000000000000001,\n"
                            "test,15,0.29999999999999999,\n");
}

TEST(CsvTable, MarkersOnALineAreThatLine) {
    CsvTable table;
    const double xs[] = {1, 2, 3}, ys[] = {0.5, NAN, 0.125}, other[] = {9, 9, 9};
    table.add_points("tanh", xs, ys, 3);
    table.add_points("tanh", xs, ys, 3);                // its markers, under the same label
    table.add_points("tanh points", xs, ys, 3, false);  // or under an id of their own ("##tanh points")
    table.add_points("tanh", xs, other, 3);             // the same name, other points: a second series
    EXPECT_EQ(lines(table.text())[0], "x,tanh,tanh (2)");
}

class ChartExportTest : public ::testing::Test {
   protected:
    void SetUp() override {
        set_chart_export_handler([this](const ChartExport& request) {
            if (request.kind != ChartExport::Kind::Csv) return;
            exported_title_ = request.title;
            exported_ = request.content();
            ++exports_;
        });
    }
    void TearDown() override {
        set_chart_export_handler(nullptr);
    }

    void frame() {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(800, 600));
        ImGui::Begin("plots", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        if (begin_plot("##plot", ImVec2(0, 0), title_)) {
            setup_axis(AxisId::X, "step");
            plot_line("train", xs_.data(), ys_.data(), static_cast<int>(xs_.size()), {series_colour(0)});
            plot_scatter("train", xs_.data(), ys_.data(), static_cast<int>(xs_.size()), series_colour(0));
            plot_scatter("##train markers", xs_.data(), ys_.data(), static_cast<int>(xs_.size()), series_colour(0));
            if (!hide_test_) plot_line("test##t", xs_.data(), zs_.data(), static_cast<int>(xs_.size()), {series_colour(1)});
            set_next_item_export_name("");
            plot_scatter("##outline", xs_.data(), zs_.data(), static_cast<int>(xs_.size()), series_colour(2));
            set_next_item_export_name("validation");
            plot_line("##v", xs_.data(), vs_.data(), static_cast<int>(xs_.size()), {series_colour(3)});
            if (with_bars_) plot_bars("share", xs_.data(), heights_.data(), 3, 0.5, series_colour(4), shares_.data());
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
    // Hovers down the open popup until the item is under the mouse; false when it is not there.
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

    test::HeadlessImGui imgui_{ImVec2(800, 600)};
    std::vector<double> xs_{0, 1, 2}, ys_{1.5, 0.75, 0.25}, zs_{1.6, 0.9, 0.5}, vs_{2, 1, 0.5};
    bool hide_test_ = false;
    bool with_bars_ = false;
    std::vector<double> heights_{0.4, 1.0, 0.6}, shares_{0.2, 0.5, 0.3};  // a histogram drawn to a chart's scale
    const char* title_ = "loss per step";
    std::string exported_, exported_title_;
    int exports_ = 0;
};

// One column per series a reader would name: the line's markers (same label, or an id of their
// own) are the line; an outline kept out; an id-only line under the name it was given.
TEST_F(ChartExportTest, RightClickThenExportGivesTheDrawnSeriesOnceEach) {
    frame();
    press(1, ImVec2(400, 300));
    ASSERT_TRUE(hover_item("Export data as CSV\xE2\x80\xA6")) << "no export item in the chart's menu";
    const ImVec2 item = ImGui::GetIO().MousePos;
    press(0, item);
    ASSERT_EQ(exports_, 1);
    EXPECT_EQ(exported_title_, "loss per step");
    EXPECT_EQ(exported_, "step,train,test,validation\n0,1.5,1.6000000000000001,2\n1,0.75,0.90000000000000002,1\n"
                         "2,0.25,0.5,0.5\n");
}

// A histogram under curves is drawn scaled to the chart; its CSV (like its readout) gives the shares.
TEST_F(ChartExportTest, BarsDrawnToScaleExportWhatTheyStandFor) {
    with_bars_ = true;
    frame();
    press(1, ImVec2(400, 300));
    ASSERT_TRUE(hover_item("Export data as CSV\xE2\x80\xA6"));
    press(0, ImGui::GetIO().MousePos);
    ASSERT_EQ(exports_, 1);
    EXPECT_EQ(exported_, "step,train,test,validation,share\n0,1.5,1.6000000000000001,2,0.20000000000000001\n"
                         "1,0.75,0.90000000000000002,1,0.5\n2,0.25,0.5,0.5,0.29999999999999999\n");
}

TEST_F(ChartExportTest, AnUntitledChartIsNamedByItsWindow) {
    title_ = nullptr;
    frame();
    press(1, ImVec2(400, 300));
    ASSERT_TRUE(hover_item("Export data as CSV\xE2\x80\xA6"));
    press(0, ImGui::GetIO().MousePos);
    ASSERT_EQ(exports_, 1);
    EXPECT_EQ(exported_title_, "plots");  // the window, not the popup ("##Popup_…")
}

TEST_F(ChartExportTest, NoHandlerNoMenuItem) {
    set_chart_export_handler(nullptr);
    frame();
    press(1, ImVec2(400, 300));
    EXPECT_FALSE(hover_item("Export data as CSV\xE2\x80\xA6"));
    EXPECT_FALSE(hover_item("Save chart as SVG\xE2\x80\xA6"));
    EXPECT_TRUE(hover_item("Fit to data"));  // the menu itself is there
}

}  // namespace
}  // namespace actviz::plot
