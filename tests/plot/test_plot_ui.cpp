// The plot layer driven in-process, as a user would: an ImGui context without a window (fonts
// built by hand, mouse input set in ImGuiIO), one window filled by one plot.

#include <gtest/gtest.h>
#include <imgui.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "plot/plot.hpp"
#include "plot/plot_internal.hpp"
#include "support/headless_imgui.hpp"

namespace actviz::plot {
namespace {

class PlotUi : public ::testing::Test {
   protected:

    // One frame: `body` runs between begin_plot and end_plot of a plot filling an 800 × 600 window.
    // Returns whether begin_plot returned true.
    bool frame(const std::function<void()>& body, ImVec2 size = ImVec2(0, 0), int flags = PlotFlags_None) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(800, 600));
        ImGui::Begin("plots", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        const bool shown = begin_plot("##plot", size, "title", flags);
        if (shown) {
            body();
            end_plot();
        }
        ImGui::End();
        ImGui::Render();
        ImGuiIO& io = ImGui::GetIO();
        io.MouseWheel = 0;
        return shown;
    }

    void frames(int count, const std::function<void()>& body) {
        for (int i = 0; i < count; ++i) frame(body);
    }

    // A press and a release at `where`, a frame each, with a settling frame before.
    void click(ImVec2 where, const std::function<void()>& body) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = where;
        frame(body);
        io.MouseDown[0] = true;
        frame(body);
        io.MouseDown[0] = false;
        frame(body);
    }

    test::HeadlessImGui imgui_{ImVec2(800, 600)};
};

std::vector<double> range(int count, double lo, double hi) {
    std::vector<double> v(count);
    for (int i = 0; i < count; ++i) v[i] = lo + (hi - lo) * i / (count - 1);
    return v;
}

struct TwoLines {
    std::vector<double> xs = range(200, -6, 6), a, b;
    TwoLines() {
        for (double x : xs) a.push_back(std::tanh(x)), b.push_back(1 / (1 + std::exp(-x)));
    }
    bool a_visible = true, b_visible = true;
    ImVec2 b_min{}, b_max{};
    bool b_in_legend = false;
    double x_min = 0, x_max = 0, y_min = 0, y_max = 0;
    void draw() {
        setup_axis(AxisId::X, "x");
        setup_axis(AxisId::Y, "f(x)");
        setup_axis_limits(AxisId::X, -6, 6);
        setup_axis_limits(AxisId::Y, -1.5, 1.5);
        x_min = axis_min(AxisId::X), x_max = axis_max(AxisId::X);
        y_min = axis_min(AxisId::Y), y_max = axis_max(AxisId::Y);
        plot_line("tanh", xs.data(), a.data(), static_cast<int>(xs.size()), {series_colour(0)});
        plot_line("sigmoid", xs.data(), b.data(), static_cast<int>(xs.size()), {series_colour(1), 2.0f, true});
        a_visible = is_item_visible("tanh");
        b_visible = is_item_visible("sigmoid");
        b_in_legend = legend_entry_rect("sigmoid", &b_min, &b_max);
    }
};

ImVec2 centre(ImVec2 min, ImVec2 max) { return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2); }

TEST_F(PlotUi, ClickingALegendEntryHidesItsItemUntilClickedAgain) {
    TwoLines plot;
    auto body = [&] { plot.draw(); };
    frames(3, body);
    ASSERT_TRUE(plot.b_in_legend);
    EXPECT_TRUE(plot.a_visible && plot.b_visible);

    click(centre(plot.b_min, plot.b_max), body);
    ImGui::GetIO().MousePos = ImVec2(-100, -100);  // away: the state must persist on its own
    frames(3, body);
    EXPECT_FALSE(plot.b_visible);
    EXPECT_TRUE(plot.a_visible);
    // A click on the legend is not a pan: the view did not move.
    EXPECT_DOUBLE_EQ(plot.x_min, -6.0);
    EXPECT_DOUBLE_EQ(plot.x_max, 6.0);

    click(centre(plot.b_min, plot.b_max), body);
    frame(body);
    EXPECT_TRUE(plot.b_visible);
}

TEST_F(PlotUi, AClickThroughLegendLetsAClickOnItReachTheData) {
    // The Classifier's plane while clicks add points: a click in the legend's corner adds a point.
    TwoLines plot;
    bool clicked = false;
    double cx = 0, cy = 0;
    auto body = [&] {
        plot.draw();
        if (is_plot_clicked(&cx, &cy)) clicked = true;
    };
    const ImVec2 size(0, 0);
    for (int i = 0; i < 3; ++i) frame(body, size, PlotFlags_LegendClickThrough);
    ASSERT_TRUE(plot.b_in_legend);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = centre(plot.b_min, plot.b_max);
    frame(body, size, PlotFlags_LegendClickThrough);
    io.MouseDown[0] = true;
    frame(body, size, PlotFlags_LegendClickThrough);
    io.MouseDown[0] = false;
    frame(body, size, PlotFlags_LegendClickThrough);
    frame(body, size, PlotFlags_LegendClickThrough);
    EXPECT_TRUE(clicked) << "the legend kept the click";
    EXPECT_TRUE(plot.b_visible) << "the click toggled the legend entry";
}

TEST_F(PlotUi, ACrowdedLegendFoldsIntoATabAboveTheDataThatOpensUnderTheMouse) {
    // 80 series would cover much of the chart.
    const std::vector<double> xs = range(50, -6, 6);
    std::vector<std::vector<double>> ys(80);
    for (size_t k = 0; k < ys.size(); ++k) {
        for (double x : xs) ys[k].push_back(std::tanh(x + static_cast<double>(k) * 0.1));
    }
    bool entry_shown = false;
    ImVec2 legend_min{}, legend_max{};
    bool legend_shown = false;
    float data_top = 0;
    auto body = [&] {
        for (size_t k = 0; k < ys.size(); ++k) {
            const std::string label = "series " + std::to_string(k);
            plot_line(label.c_str(), xs.data(), ys[k].data(), static_cast<int>(xs.size()),
                      {series_colour(static_cast<int>(k))});
        }
        entry_shown = legend_entry_rect("series 0", nullptr, nullptr);
        legend_shown = legend_rect(&legend_min, &legend_max);
        data_top = data_to_pixels(0, axis_max(AxisId::Y)).y;
    };
    ImGui::GetIO().MousePos = ImVec2(-100, -100);
    frames(3, body);
    ASSERT_TRUE(legend_shown);
    EXPECT_FALSE(entry_shown);
    const float folded_area = (legend_max.x - legend_min.x) * (legend_max.y - legend_min.y);
    EXPECT_LT(folded_area, 800 * 600 / 20);
    EXPECT_LE(legend_max.y, data_top) << "the folded legend covers the data";

    ImGui::GetIO().MousePos = centre(legend_min, legend_max);
    frames(3, body);
    EXPECT_TRUE(entry_shown);
    EXPECT_GT((legend_max.x - legend_min.x) * (legend_max.y - legend_min.y), 4 * folded_area);

    ImGui::GetIO().MousePos = ImVec2(-100, -100);
    frames(3, body);  // the queries report the frame before
    EXPECT_FALSE(entry_shown);
}

TEST_F(PlotUi, WheelZoomsAboutTheMouseAndModifiersPickTheAxis) {
    TwoLines plot;
    auto body = [&] { plot.draw(); };
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(400, 300);  // the middle of the window: inside the data area
    frames(3, body);
    const double x_width = plot.x_max - plot.x_min, y_width = plot.y_max - plot.y_min;

    io.MouseWheel = 1;  // zoom in, both axes
    frame(body);
    frame(body);
    EXPECT_LT(plot.x_max - plot.x_min, 0.9 * x_width);
    EXPECT_LT(plot.y_max - plot.y_min, 0.9 * y_width);
    EXPECT_GT(plot.x_min, -6.0);
    EXPECT_LT(plot.x_max, 6.0);

    // Cond::Once limits no longer win once the user has zoomed.
    frames(2, body);
    EXPECT_GT(plot.x_min, -6.0);

    const double x_before = plot.x_max - plot.x_min, y_before = plot.y_max - plot.y_min;
    io.KeyShift = true;  // x only
    io.MouseWheel = -1;
    frame(body);
    frame(body);
    io.KeyShift = false;
    EXPECT_GT(plot.x_max - plot.x_min, 1.1 * x_before);
    EXPECT_DOUBLE_EQ(plot.y_max - plot.y_min, y_before);

    const double x_now = plot.x_max - plot.x_min;
    io.KeyCtrl = true;  // y only
    io.MouseWheel = -1;
    frame(body);
    frame(body);
    io.KeyCtrl = false;
    EXPECT_DOUBLE_EQ(plot.x_max - plot.x_min, x_now);
    EXPECT_GT(plot.y_max - plot.y_min, 1.1 * y_before);
}

TEST_F(PlotUi, DragPansAndDoubleClickReturnsToTheDefaultView) {
    TwoLines plot;
    auto body = [&] { plot.draw(); };
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(400, 300);
    frames(3, body);
    io.MouseDown[0] = true;
    frame(body);
    for (int step = 1; step <= 10; ++step) {
        io.MousePos = ImVec2(400.0f + 10.0f * step, 300);
        frame(body);
    }
    io.MouseDown[0] = false;
    frame(body);
    // Content follows the mouse to the right: the view now starts left of −6, as wide as before.
    EXPECT_LT(plot.x_min, -6.5);
    EXPECT_NEAR(plot.x_max - plot.x_min, 12.0, 1e-9);

    // Double-click: back to the caller's view, x in [−6, 6] and y in [−1.5, 1.5] (a chart zoomed
    // in a lesson ago must not stay zoomed).
    frames(30, body);  // let the double-click timer from the drag's press expire
    io.MousePos = ImVec2(400, 300);
    for (int i = 0; i < 2; ++i) {
        io.MouseDown[0] = true;
        frame(body);
        io.MouseDown[0] = false;
        frame(body);
    }
    frame(body);
    EXPECT_DOUBLE_EQ(plot.x_min, -6.0);
    EXPECT_DOUBLE_EQ(plot.x_max, 6.0);
    EXPECT_DOUBLE_EQ(plot.y_min, -1.5);
    EXPECT_DOUBLE_EQ(plot.y_max, 1.5);
}

TEST_F(PlotUi, LogAxisShowsZerosAtTheFloorAndSaysSo) {
    std::vector<double> ks(41), values(41);
    for (int k = 0; k <= 40; ++k) ks[k] = k, values[k] = std::pow(0.25, k);
    values[30] = 0.0;  // an exact underflow
    values[31] = -1e-19;
    values[32] = NAN;
    values[33] = -INFINITY;
    bool clamped = false;
    double y_min = 0;
    auto body = [&] {
        setup_axis(AxisId::Y, "|g|", Scale::Log10);
        setup_axis_limits(AxisId::Y, 1e-25, 2);
        setup_axis_limits(AxisId::X, 0, 40);
        plot_line("0.25^k", ks.data(), values.data(), 41, {series_colour(0)});
        plot_scatter("samples", ks.data(), values.data(), 41, series_colour(0));
        plot_bars("bars", ks.data(), values.data(), 41, 0.5, series_colour(1));
        plot_band("band", ks.data(), values.data(), values.data(), 41, series_colour(2));
        clamped = values_clamped_to_floor();
        y_min = axis_min(AxisId::Y);
    };
    ImGui::GetIO().MousePos = ImVec2(400, 300);  // the hover readout runs too
    frames(3, body);
    EXPECT_TRUE(clamped);
    EXPECT_DOUBLE_EQ(y_min, 1e-25);
    // The same data without values ≤ 0 reports nothing.
    values[30] = values[31] = values[33] = 1e-19;
    frames(2, body);
    EXPECT_FALSE(clamped);
}

TEST_F(PlotUi, LogAxisFitIgnoresValuesItCannotShow) {
    const double xs[] = {1, 2, 3, 4};
    const double ys[] = {0.0, 1e-3, 1e-1, 10};
    double y_min = 0, y_max = 0;
    auto body = [&] {
        setup_axis(AxisId::Y, "v", Scale::Log10);  // no limits: the axis follows the data
        plot_line("v", xs, ys, 4, {series_colour(0)});
        y_min = axis_min(AxisId::Y), y_max = axis_max(AxisId::Y);
    };
    frames(3, body);
    EXPECT_LT(y_min, 1e-3);
    EXPECT_GT(y_min, 1e-5);
    EXPECT_GT(y_max, 10.0);
    EXPECT_LT(y_max, 100.0);
}

TEST_F(PlotUi, CondAlwaysOverridesTheUsersZoom) {
    double x_min = 0, x_max = 0;
    const double xs[] = {0, 1}, ys[] = {0, 1};
    auto body = [&] {
        setup_axis_limits(AxisId::X, -2, 2, Cond::Always);
        plot_line("l", xs, ys, 2, {series_colour(0)});
        x_min = axis_min(AxisId::X), x_max = axis_max(AxisId::X);
    };
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(400, 300);
    frames(3, body);
    io.MouseWheel = 2;
    frame(body);
    frame(body);
    EXPECT_DOUBLE_EQ(x_min, -2.0);
    EXPECT_DOUBLE_EQ(x_max, 2.0);
}

TEST_F(PlotUi, BadInputNeverCrashes) {
    const double nan = NAN, inf = INFINITY;
    const double xs[] = {0, 1, nan, 3, inf, 5};
    const double ys[] = {nan, inf, 2, -inf, 1, 1e308};
    double values[4] = {nan, 1, 2, 3};
    auto body = [&] {
        setup_axis_limits(AxisId::X, 3, 3);    // equal: widened
        setup_axis_limits(AxisId::Y, nan, 1);  // ignored
        setup_axis_ticks(AxisId::Y, ys, nullptr, 6);
        EXPECT_LT(axis_min(AxisId::X), axis_max(AxisId::X));
        plot_line("empty", xs, ys, 0, {series_colour(0)});
        plot_line("bad", xs, ys, 6, {series_colour(1), 3.0f, true});
        plot_line("null", nullptr, nullptr, 5, {series_colour(2)});
        plot_band("band", xs, ys, ys, 6, series_colour(3));
        plot_bars("bars", xs, ys, 6, nan, series_colour(4));
        plot_scatter("dots", xs, ys, 6, series_colour(5), nan);
        plot_x_span("span", inf, -inf, series_colour(6));
        plot_heatmap("heat", values, 2, 2, 0, 1, 0, 1, 1, 1);
        plot_heatmap("too big", values, 1000, 1000, 0, 1, 0, 1, 0, 1);
        set_legend_tooltip("bad", "text");
    };
    ImGui::GetIO().MousePos = ImVec2(400, 300);
    frames(3, body);
    ImGui::GetIO().MouseWheel = 1;
    frames(2, body);
    // Too small to draw: begin_plot says so and nothing else happens.
    EXPECT_FALSE(frame(body, ImVec2(10, 10)));
    EXPECT_TRUE(frame(body, ImVec2(40, 40)));
}

// Software GL pays per triangle: a band or a scatter of more samples than the plot has pixels
// must cost about what one sample per pixel costs, and still show a spike one sample wide.
TEST_F(PlotUi, DenseBandsAndScattersCostPixelsNotSamples) {
    struct Drawn {
        int vertices;
        float top;  // the highest vertex of the series' colour (pixels grow downwards)
    };
    auto draw = [&](int samples, bool band, bool spike) {
        const std::vector<double> xs = range(samples, 0, 1);
        std::vector<double> low(samples, -0.5), high(samples, 0.5);
        if (spike) high[samples / 2] = 0.9;
        auto body = [&] {
            setup_axis_limits(AxisId::X, 0, 1, Cond::Always);
            setup_axis_limits(AxisId::Y, -1, 1, Cond::Always);
            if (band) plot_band("##band", xs.data(), low.data(), high.data(), samples, series_colour(0));
            else plot_scatter("##dots", xs.data(), low.data(), samples, series_colour(0), 3.0f, false);
        };
        frames(2, body);
        Drawn drawn{ImGui::GetDrawData()->TotalVtxCount, 1e9f};  // "##": no legend swatch in that colour
        const ImDrawData* data = ImGui::GetDrawData();
        for (int l = 0; l < data->CmdListsCount; ++l) {
            for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) {
                if (v.col == series_colour(0)) drawn.top = std::min(drawn.top, v.pos.y);
            }
        }
        return drawn;
    };
    const Drawn sparse = draw(500, true, true), dense = draw(50000, true, true), flat = draw(50000, true, false);
    EXPECT_LT(dense.vertices, sparse.vertices * 2) << "a band of 50000 samples costs " << dense.vertices << " vertices";
    // 0.9 against 0.5 on a −1..1 axis: a fifth of the plot's height higher.
    EXPECT_LT(dense.top, flat.top - 50) << "the one-sample spike is missing from the thinned band";
    const Drawn few_dots = draw(100, false, false), many_dots = draw(50000, false, false);
    EXPECT_LT(many_dots.vertices, few_dots.vertices * 4) << "50000 overlapping rings cost " << many_dots.vertices;
}

// A cloud of points in any order (the Classifier's 100,000-point data sets) costs what the plot's
// area can show, not a marker per point: yet a lone point away from the cloud is still drawn.
TEST_F(PlotUi, AScatterCloudCostsItsAreaAndKeepsItsOutliers) {
    auto draw = [&](int cloud) {
        std::vector<double> xs, ys;
        std::uint64_t state = 12345;
        const auto uniform = [&state] {  // a fixed sequence: the test draws the same picture every run
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return static_cast<double>(state >> 11) / 9007199254740992.0;
        };
        for (int i = 0; i < cloud; ++i) xs.push_back(0.1 * uniform()), ys.push_back(0.1 * uniform());
        xs.push_back(0.9), ys.push_back(0.9);  // the outlier, drawn last
        ImVec2 outlier{};
        auto body = [&] {
            setup_axis_limits(AxisId::X, 0, 1, Cond::Always);
            setup_axis_limits(AxisId::Y, 0, 1, Cond::Always);
            plot_scatter("##dots", xs.data(), ys.data(), static_cast<int>(xs.size()), series_colour(0), 3.0f, true);
            outlier = data_to_pixels(0.9, 0.9);
        };
        frames(2, body);
        int vertices = 0;
        bool outlier_drawn = false;
        const ImDrawData* data = ImGui::GetDrawData();
        for (int l = 0; l < data->CmdListsCount; ++l) {
            for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) {
                if (v.col != series_colour(0)) continue;
                ++vertices;
                outlier_drawn = outlier_drawn || (std::fabs(v.pos.x - outlier.x) < 4 && std::fabs(v.pos.y - outlier.y) < 4);
            }
        }
        EXPECT_TRUE(outlier_drawn) << "the lone point after a cloud of " << cloud;
        return vertices;
    };
    const int few = draw(2000), many = draw(100000);
    EXPECT_LT(many, few * 2) << "100000 points in the corner cost " << many << " vertices, 2000 cost " << few;
}

// Sparse series are drawn whole: a hundred test rings two pixels apart each keep their ring (the
// thinning that bounds a cloud's cost must not drop points a reader can tell apart).
TEST_F(PlotUi, ASmallSeriesKeepsEveryMarker) {
    const auto rings = [&](int count) {
        std::vector<double> xs, ys(static_cast<std::size_t>(count), 0.0);
        for (int i = 0; i < count; ++i) xs.push_back(0.3 + i * 0.0025);  // ~2 pixels apart
        frames(2, [&] {
            setup_axis_limits(AxisId::X, 0, 1, Cond::Always);
            setup_axis_limits(AxisId::Y, -1, 1, Cond::Always);
            plot_scatter("##rings", xs.data(), ys.data(), count, series_colour(0), 3.8f, false);
        });
        int vertices = 0;
        const ImDrawData* data = ImGui::GetDrawData();
        for (int l = 0; l < data->CmdListsCount; ++l)
            for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) vertices += v.col == series_colour(0);
        return vertices;
    };
    const int one = rings(1), hundred = rings(100);
    ASSERT_GT(one, 0);
    EXPECT_EQ(hundred, 100 * one);
}

TEST_F(PlotUi, HiddenStateIsPerPlot) {
    const double xs[] = {0, 1}, ys[] = {0, 1};
    bool second_visible = false;
    ImVec2 min{}, max{};
    bool found = false;
    auto body = [&] {
        plot_line("same", xs, ys, 2, {series_colour(0)});
        found = legend_entry_rect("same", &min, &max);
    };
    frames(3, body);
    ASSERT_TRUE(found);
    click(centre(min, max), body);
    frame([&] { EXPECT_FALSE(is_item_visible("same")); });
    // Another plot in the same window with an item of the same label is unaffected.
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(800, 600));
    ImGui::Begin("plots", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    if (begin_plot("##other", ImVec2(0, 0))) {
        plot_line("same", xs, ys, 2, {series_colour(0)});
        second_visible = is_item_visible("same");
        end_plot();
    }
    ImGui::End();
    ImGui::Render();
    EXPECT_TRUE(second_visible);
}

// A log axis zoomed within a decade labels 2e-4 and 3e-4 as 2×10⁻⁴ and 3×10⁻⁴; drawn as a bare
// 10⁻⁴ (as they once were) the chart's labels would all read the same.
TEST(TickText, TicksBetweenDecadesKeepTheirMantissa) {
    const test::HeadlessImGui imgui(ImVec2(200, 100));
    ImGui::NewFrame();  // the font is the frame's
    const auto shown = [](double value, const char* label) {
        const detail::TickText t = detail::tick_text(Tick{value, true, label}, true);
        return t.base + "^" + t.exponent;
    };
    // The minus and the times sign as this font can draw them (typographic in the app's font).
    const std::string minus = detail::number_text("-");
    const std::string times = ImGui::GetFont()->FindGlyphNoFallback(0x00D7) ? "×" : "x";
    EXPECT_EQ(shown(1e-4, "1e-04"), "10^" + minus + "4");
    EXPECT_EQ(shown(2e-4, "2e-04"), "2" + times + "10^" + minus + "4");
    EXPECT_EQ(shown(6e-5, "6e-05"), "6" + times + "10^" + minus + "5");
    EXPECT_EQ(shown(1e3, "1000"), "10^3");
    EXPECT_EQ(shown(1, "1"), "1^");
    EXPECT_EQ(shown(3, "3"), "3^");  // between 1 and 100 a plain number
    EXPECT_NE(shown(2e-4, "2e-04"), shown(3e-4, "3e-04"));
    ImGui::EndFrame();
}

}  // namespace
}  // namespace actviz::plot
