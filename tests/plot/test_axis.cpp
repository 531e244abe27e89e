#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "plot/axis.hpp"

namespace actviz::plot {
namespace {

TEST(NiceStep, IsOneTwoOrFiveTimesAPowerOfTen) {
    EXPECT_DOUBLE_EQ(nice_step(10.0, 10), 1.0);
    EXPECT_DOUBLE_EQ(nice_step(10.0, 4), 5.0);
    EXPECT_DOUBLE_EQ(nice_step(1.0, 6), 0.2);
    EXPECT_DOUBLE_EQ(nice_step(0.03, 3), 0.01);
    EXPECT_DOUBLE_EQ(nice_step(700.0, 5), 200.0);
}

TEST(Axis, LinearTransformRoundTripsAndMayBeReversed) {
    const Axis y{-1.0, 3.0, Scale::Linear, 400.0f, 0.0f};  // screen y grows downwards
    EXPECT_DOUBLE_EQ(y.to_pixel(-1.0), 400.0);
    EXPECT_DOUBLE_EQ(y.to_pixel(3.0), 0.0);
    EXPECT_DOUBLE_EQ(y.to_pixel(1.0), 200.0);
    EXPECT_NEAR(y.from_pixel(y.to_pixel(0.37)), 0.37, 1e-12);
}

TEST(Axis, LogTransformPutsDecadesEvenlyAndClampsNonPositive) {
    const Axis y{1e-6, 1.0, Scale::Log10, 0.0f, 600.0f};
    EXPECT_NEAR(y.to_pixel(1e-3), 300.0, 1e-9);
    EXPECT_NEAR(y.from_pixel(100.0), 1e-5, 1e-15);
    EXPECT_TRUE(std::isfinite(y.to_pixel(0.0)));
    EXPECT_TRUE(std::isfinite(y.to_pixel(-5.0)));
}

TEST(Ticks, LinearTicksAreNiceAndCoverTheRange) {
    const Axis x{-5.0, 5.0, Scale::Linear, 0.0f, 500.0f};
    const auto ticks = make_ticks(x, 50.0f);  // room for ~10
    ASSERT_FALSE(ticks.empty());
    EXPECT_DOUBLE_EQ(ticks.front().value, -5.0);
    EXPECT_DOUBLE_EQ(ticks.back().value, 5.0);
    EXPECT_EQ(ticks.size(), 11u);
    EXPECT_EQ(ticks[5].label, "0");
}

TEST(Ticks, FewerTicksOnAShortAxis) {
    const Axis wide{0.0, 1.0, Scale::Linear, 0.0f, 1000.0f};
    const Axis narrow{0.0, 1.0, Scale::Linear, 0.0f, 100.0f};
    EXPECT_GT(make_ticks(wide, 50.0f).size(), make_ticks(narrow, 50.0f).size());
    // Labels share one number of decimals, as matplotlib and ImPlot print them.
    for (const Tick& tick : make_ticks(narrow, 50.0f)) EXPECT_TRUE(tick.label == "0.0" || tick.label == "0.5" ||
                                                                    tick.label == "1.0") << tick.label;
}

TEST(Ticks, LogTicksHaveMajorsAtDecadesAndMinorsWhenRoomy) {
    const Axis roomy{1e-3, 1.0, Scale::Log10, 0.0f, 600.0f};
    int majors = 0, minors = 0;
    for (const Tick& tick : make_ticks(roomy, 40.0f)) {
        if (tick.major) {
            ++majors;
            EXPECT_NEAR(std::log10(tick.value), std::round(std::log10(tick.value)), 1e-12);
        } else {
            ++minors;
        }
    }
    EXPECT_EQ(majors, 4);   // 1e-3, 1e-2, 1e-1, 1
    EXPECT_EQ(minors, 24);  // 2..9 in each of three decades
}

TEST(Ticks, ALogAxisWithinOneDecadeStillGetsSpacedLabels) {
    // A loss stuck at 1.0986 fills a log axis from 1.0984 to 1.1: no decade in sight.
    for (const Axis axis : {Axis{1.0984, 1.1, Scale::Log10, 200.0f, 0.0f}, Axis{0.5, 3.0, Scale::Log10, 150.0f, 0.0f}}) {
        const std::vector<Tick> ticks = make_ticks(axis, 30.0f);
        std::vector<double> positions;
        for (const Tick& tick : ticks) {
            ASSERT_TRUE(tick.major);
            EXPECT_FALSE(tick.label.empty());
            EXPECT_GE(tick.value, axis.min * (1 - 1e-12));
            EXPECT_LE(tick.value, axis.max * (1 + 1e-12));
            positions.push_back(axis.to_pixel(tick.value));
        }
        ASSERT_GE(positions.size(), 2u) << axis.min;
        for (size_t i = 1; i < positions.size(); ++i) EXPECT_GE(std::fabs(positions[i] - positions[i - 1]), 30.0f - 1e-3);
    }
}

TEST(Ticks, WideLogRangesLabelEveryKthDecade) {
    const Axis deep{1e-64, 1.0, Scale::Log10, 0.0f, 300.0f};
    const auto ticks = make_ticks(deep, 40.0f);
    EXPECT_LE(ticks.size(), 10u);
    for (const Tick& tick : ticks) EXPECT_TRUE(tick.major);
}

TEST(Ticks, LabelledDecadesStepByOneTwoThreeOrFive) {
    // 26 decades over 200 px with labels 40 px apart: every 5th decade (not every 6th or 7th),
    // the others as unlabelled minor lines.
    const Axis y{1e-25, 1.0, Scale::Log10, 200.0f, 0.0f};
    int majors = 0;
    for (const Tick& tick : make_ticks(y, 40.0f)) {
        const long decade = std::lround(std::log10(tick.value));
        if (tick.major) {
            ++majors;
            EXPECT_EQ(decade % 5, 0) << tick.label;
        }
    }
    EXPECT_EQ(majors, 6);  // 1e-25, 1e-20, ..., 1
}

TEST(FormatTick, UsesJustEnoughDigits) {
    EXPECT_EQ(format_tick(0.25, 0.05), "0.25");
    EXPECT_EQ(format_tick(100.0, 50.0), "100");
    EXPECT_EQ(format_tick(1e-6, 1e-6), "1e-06");
}

}  // namespace
}  // namespace actviz::plot
