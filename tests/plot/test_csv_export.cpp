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
    const double cells[] = {1, 2, 3, 4, 5, 6};  // 2 rows × 3 columns over [0, 3] × [0, 2]
    table.add_grid("map", cells, 2, 3, 0, 3, 0, 2);
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

class ChartExport : public ::testing::Test {
   protected:
    void SetUp() override {
        set_csv_export_handler([this](const std::string& title, const std::string& csv) {
            exported_title_ = title;
            exported_ = csv;
            ++exports_;
        });
    }
    void TearDown() override {
        set_csv_export_handler(nullptr);
    }

    void frame() {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(800, 600));
        ImGui::Begin("plots", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        if (begin_plot("##plot", ImVec2(0, 0), "loss per step")) {
            plot_line("train", xs_.data(), ys_.data(), static_cast<int>(xs_.size()), {series_colour(0)});
            if (!hide_test_) plot_line("test##t", xs_.data(), zs_.data(), static_cast<int>(xs_.size()), {series_colour(1)});
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
    std::vector<double> xs_{0, 1, 2}, ys_{1.5, 0.75, 0.25}, zs_{1.6, 0.9, 0.5};
    bool hide_test_ = false;
    std::string exported_, exported_title_;
    int exports_ = 0;
};

TEST_F(ChartExport, RightClickThenExportGivesTheDrawnSeries) {
    frame();
    press(1, ImVec2(400, 300));
    ASSERT_TRUE(hover_item("Export data as CSV")) << "no export item in the chart's menu";
    const ImVec2 item = ImGui::GetIO().MousePos;
    press(0, item);
    ASSERT_EQ(exports_, 1);
    EXPECT_EQ(exported_title_, "loss per step");
    EXPECT_EQ(exported_, "series,x,y,value\ntrain,0,1.5,\ntrain,1,0.75,\ntrain,2,0.25,\n"
                         "test,0,1.6000000000000001,\ntest,1,0.90000000000000002,\ntest,2,0.5,\n");
}

TEST_F(ChartExport, NoHandlerNoMenuItem) {
    set_csv_export_handler(nullptr);
    frame();
    press(1, ImVec2(400, 300));
    EXPECT_FALSE(hover_item("Export data as CSV"));
    EXPECT_TRUE(hover_item("Fit to data"));  // the menu itself is there
}

}  // namespace
}  // namespace actviz::plot
