#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "plot/interaction.hpp"

namespace actviz::plot {
namespace {

double width(Range r) { return r.max - r.min; }

TEST(Zoom, KeepsTheAnchorInPlaceAndScalesTheWidth) {
    const Range zoomed = zoom_range({0, 10}, 2.0, 0.5, Scale::Linear);
    EXPECT_DOUBLE_EQ(width(zoomed), 5.0);
    // The anchor stays at the same fraction of the view (20%), so it stays under the mouse.
    EXPECT_DOUBLE_EQ((2.0 - zoomed.min) / width(zoomed), 0.2);
    const Range out = zoom_range({0, 10}, 2.0, 2.0, Scale::Linear);
    EXPECT_DOUBLE_EQ(width(out), 20.0);
}

TEST(Zoom, WorksInDecadesOnALogAxis) {
    const Range zoomed = zoom_range({1e-6, 1.0}, 1e-3, 0.5, Scale::Log10);
    EXPECT_NEAR(std::log10(zoomed.min), -4.5, 1e-12);
    EXPECT_NEAR(std::log10(zoomed.max), -1.5, 1e-12);
    EXPECT_GT(zoomed.min, 0.0);
}

TEST(Zoom, NeverCollapsesNorOverflows) {
    Range r{0, 1};
    for (int i = 0; i < 2000; ++i) r = zoom_range(r, 0.5, 0.5, Scale::Linear);
    EXPECT_GT(width(r), 0.0);
    for (int i = 0; i < 5000; ++i) r = zoom_range(r, 0.5, 2.0, Scale::Linear);
    EXPECT_TRUE(std::isfinite(r.min) && std::isfinite(r.max));
    Range log{1e-3, 1};
    for (int i = 0; i < 5000; ++i) log = zoom_range(log, 0.1, 2.0, Scale::Log10);
    EXPECT_GT(log.min, 0.0);
    EXPECT_TRUE(std::isfinite(log.max));
    EXPECT_DOUBLE_EQ(zoom_range({0, 1}, NAN, 0.5, Scale::Linear).max, 1.0);
}

TEST(Pan, MovesTheContentWithTheMouse) {
    // Dragging 100 px right on a 500 px axis showing [0, 10] reveals what was 2 units to the left.
    const Range panned = pan_range({0, 10}, 100, 500, Scale::Linear);
    EXPECT_DOUBLE_EQ(panned.min, -2.0);
    EXPECT_DOUBLE_EQ(panned.max, 8.0);
    const Range log = pan_range({1e-4, 1}, 150, 600, Scale::Log10);  // a quarter of 4 decades
    EXPECT_NEAR(log.min, 1e-5, 1e-17);
    EXPECT_NEAR(log.max, 0.1, 1e-13);
    EXPECT_DOUBLE_EQ(pan_range({0, 10}, 100, 0, Scale::Linear).min, 0.0);  // zero-size axis: no change
}

TEST(Fit, AddsAMarginAndHandlesDegenerateData) {
    const Range fit = fit_range(-1, 1, 0.1, Scale::Linear);
    EXPECT_DOUBLE_EQ(fit.min, -1.2);
    EXPECT_DOUBLE_EQ(fit.max, 1.2);
    const Range flat = fit_range(3, 3, 0.1, Scale::Linear);
    EXPECT_LT(flat.min, 3.0);
    EXPECT_GT(flat.max, 3.0);
    const Range log = fit_range(1e-20, 1, 0.05, Scale::Log10);
    EXPECT_NEAR(std::log10(log.min), -21.0, 1e-9);
    EXPECT_NEAR(std::log10(log.max), 1.0, 1e-9);
    const Range log_flat = fit_range(1e-5, 1e-5, 0, Scale::Log10);
    EXPECT_NEAR(std::log10(log_flat.min), -6.0, 1e-9);
    EXPECT_NEAR(std::log10(log_flat.max), -4.0, 1e-9);
    const Range empty = fit_range(INFINITY, -INFINITY, 0.1, Scale::Linear);  // no data at all
    EXPECT_LT(empty.min, empty.max);
    EXPECT_GT(fit_range(0, 1, 0.1, Scale::Log10).min, 0.0);  // a log fit never reaches zero
}

TEST(PlaceOnAxis, HoldsNonPositiveValuesAtTheLogFloorAndFlagsThem) {
    for (double v : {0.0, -3.0, -static_cast<double>(INFINITY)}) {
        const Placement p = place_on_axis(v, Scale::Log10, 1e-9);
        EXPECT_TRUE(p.drawable) << v;
        EXPECT_TRUE(p.at_floor) << v;
        EXPECT_DOUBLE_EQ(p.value, 1e-9);
    }
    const Placement positive = place_on_axis(1e-30, Scale::Log10, 1e-9);
    EXPECT_TRUE(positive.drawable);
    EXPECT_FALSE(positive.at_floor);  // below the view but positive: clipped, not a floor value
    EXPECT_FALSE(place_on_axis(NAN, Scale::Log10, 1e-9).drawable);
    EXPECT_FALSE(place_on_axis(INFINITY, Scale::Log10, 1e-9).drawable);
    EXPECT_FALSE(place_on_axis(-INFINITY, Scale::Linear, 0).drawable);
    const Placement linear = place_on_axis(-3.0, Scale::Linear, 0);
    EXPECT_TRUE(linear.drawable);
    EXPECT_FALSE(linear.at_floor);
    EXPECT_DOUBLE_EQ(linear.value, -3.0);
}

TEST(Interpolate, ReadsBetweenSamplesAndNothingOutside) {
    const double xs[] = {0, 1, 2, 4};
    const double ys[] = {0, 10, 20, 0};
    EXPECT_DOUBLE_EQ(*interpolate_at(xs, ys, 4, 0.25), 2.5);
    EXPECT_DOUBLE_EQ(*interpolate_at(xs, ys, 4, 3.0), 10.0);
    EXPECT_DOUBLE_EQ(*interpolate_at(xs, ys, 4, 0.0), 0.0);
    EXPECT_DOUBLE_EQ(*interpolate_at(xs, ys, 4, 4.0), 0.0);
    EXPECT_FALSE(interpolate_at(xs, ys, 4, -0.1));
    EXPECT_FALSE(interpolate_at(xs, ys, 4, 4.1));
    EXPECT_FALSE(interpolate_at(xs, ys, 4, NAN));
    EXPECT_FALSE(interpolate_at(xs, ys, 0, 1.0));
}

TEST(Interpolate, AGapInTheDataHasNoValue) {
    const double xs[] = {0, 1, 2, 3};
    const double ys[] = {1, NAN, 3, 4};
    EXPECT_FALSE(interpolate_at(xs, ys, 4, 0.5));
    EXPECT_FALSE(interpolate_at(xs, ys, 4, 1.5));
    EXPECT_DOUBLE_EQ(*interpolate_at(xs, ys, 4, 2.5), 3.5);
}

TEST(Interpolate, IsGeometricOnALogAxisAndReportsValuesAtTheFloor) {
    const double xs[] = {0, 1, 2};
    const double ys[] = {1, 100, 0};
    // The straight segment on a log axis passes through 10 halfway between 1 and 100.
    EXPECT_NEAR(*interpolate_at(xs, ys, 3, 0.5, Scale::Linear, Scale::Log10), 10.0, 1e-12);
    EXPECT_DOUBLE_EQ(*interpolate_at(xs, ys, 3, 0.5), 50.5);
    // Next to a zero there is no logarithm to interpolate: the nearer sample speaks.
    EXPECT_DOUBLE_EQ(*interpolate_at(xs, ys, 3, 1.8, Scale::Linear, Scale::Log10), 0.0);
    EXPECT_DOUBLE_EQ(*interpolate_at(xs, ys, 3, 1.2, Scale::Linear, Scale::Log10), 100.0);
    // On a log x axis the fraction is taken in decades.
    const double log_xs[] = {1, 100};
    const double line[] = {0, 2};
    EXPECT_NEAR(*interpolate_at(log_xs, line, 2, 10.0, Scale::Log10, Scale::Linear), 1.0, 1e-12);
}

// A zero is not called an underflow: ReLU's f′ on its negative side is exactly 0 by definition.
TEST(Readout, NamesZeroAndNonPositiveValuesOnALogAxis) {
    EXPECT_EQ(format_readout(0.0, Scale::Log10), "0 (at the floor)");
    EXPECT_EQ(format_readout(-2.0, Scale::Log10), "\xE2\x89\xA4 0");
    EXPECT_EQ(format_readout(0.25, Scale::Log10), "0.25");
    EXPECT_EQ(format_readout(0.0, Scale::Linear), "0");
    EXPECT_EQ(format_readout(1.5e-20, Scale::Log10), "1.5e-20");
}

double length(const std::vector<Point2>& polyline) {
    double total = 0;
    for (size_t i = 0; i + 1 < polyline.size(); ++i) {
        total += std::hypot(polyline[i + 1].x - polyline[i].x, polyline[i + 1].y - polyline[i].y);
    }
    return total;
}

TEST(Dashes, CoverTheDashFractionOfAStraightLine) {
    const auto dashes = dash_polyline({{0, 0}, {120, 0}}, 8, 4);
    ASSERT_EQ(dashes.size(), 10u);  // a period of 12 px, ten times
    double drawn = 0;
    for (const auto& dash : dashes) {
        EXPECT_NEAR(length(dash), 8.0, 1e-4);
        drawn += length(dash);
    }
    EXPECT_NEAR(drawn, 80.0, 1e-3);
}

TEST(Dashes, CarryThePatternAcrossDenselySampledVertices) {
    // A line sampled every pixel dashes exactly like the same line in one segment.
    std::vector<Point2> dense;
    for (int i = 0; i <= 120; ++i) dense.push_back({static_cast<float>(i), 0});
    const auto dashes = dash_polyline(dense, 8, 4);
    ASSERT_EQ(dashes.size(), 10u);
    for (const auto& dash : dashes) EXPECT_NEAR(length(dash), 8.0, 1e-3);
    EXPECT_NEAR(dashes[1].front().x, 12.0f, 1e-4);
}

TEST(Dashes, DegenerateInputGivesNoDashes) {
    EXPECT_TRUE(dash_polyline({}, 8, 4).empty());
    EXPECT_TRUE(dash_polyline({{1, 1}}, 8, 4).empty());
    EXPECT_TRUE(dash_polyline({{1, 1}, {1, 1}}, 8, 4).empty());
    EXPECT_TRUE(dash_polyline({{0, 0}, {10, 0}}, 0, 4).empty());
}

TEST(ThinToPixelColumns, KeepsEachColumnsEnvelopeInOrder) {
    // 100 points in one column, zig-zagging: first, lowest, highest and last survive, in order.
    std::vector<Point2> column;
    for (int i = 0; i < 100; ++i) column.push_back({10.0f + i * 0.005f, static_cast<float>((i * 37) % 50)});
    column.push_back({11.2f, 7.0f});
    const std::vector<Point2> thinned = thin_to_pixel_columns(column);
    ASSERT_EQ(thinned.size(), 4u);
    EXPECT_FLOAT_EQ(thinned[0].y, 0.0f);     // first, which is also the lowest
    EXPECT_FLOAT_EQ(thinned[1].y, 49.0f);    // highest
    EXPECT_FLOAT_EQ(thinned[2].x, 10.495f);  // last of the column
    EXPECT_FLOAT_EQ(thinned[3].x, 11.2f);    // the next column's only point
    float low = 1e9f, high = -1e9f;
    for (const Point2& p : thinned) low = std::min(low, p.y), high = std::max(high, p.y);
    EXPECT_FLOAT_EQ(low, 0.0f);
    EXPECT_FLOAT_EQ(high, 49.0f);
}

TEST(ThinToPixelColumns, BoundsTheVertexCountByTheWidth) {
    std::vector<Point2> dense;
    for (int i = 0; i < 40000; ++i) dense.push_back({i * 0.01f, std::sin(i * 0.37f) * 50});  // 400 columns
    EXPECT_LE(thin_to_pixel_columns(dense).size(), 4u * 400);
    const std::vector<Point2> sparse{{0, 0}, {5, 1}, {9, 3}};
    EXPECT_EQ(thin_to_pixel_columns(sparse).size(), 3u);  // one point per column: untouched
}

TEST(LegendCorner, GoesToTheEmptiestCornerWithoutFlickering) {
    const int crowded_top_left[4] = {40, 3, 0, 12};
    EXPECT_EQ(choose_legend_corner(crowded_top_left, -1), 2);
    EXPECT_EQ(choose_legend_corner(crowded_top_left, 0), 2);
    const int nearly_equal[4] = {2, 0, 1, 1};
    EXPECT_EQ(choose_legend_corner(nearly_equal, 0), 0);  // 2 points are no reason to jump
    const int all_empty[4] = {0, 0, 0, 0};
    EXPECT_EQ(choose_legend_corner(all_empty, -1), 0);  // top-left first, as textbooks do
}

}  // namespace
}  // namespace actviz::plot
