#include <gtest/gtest.h>

#include "app/frame_stats.hpp"

namespace actviz::app {
namespace {

TEST(FrameStats, ShowsSteadyFramesAsTheyAre) {
    FrameStats stats;
    for (int i = 0; i < 120; ++i) stats.record(1.0 / 60, 0.004);
    EXPECT_NEAR(stats.frames_per_second(), 60, 0.01);
    EXPECT_NEAR(stats.work_milliseconds(), 4, 1e-9);
    EXPECT_NEAR(stats.worst_work_milliseconds(), 4, 1e-9);
}

TEST(FrameStats, OneSlowFrameFadesWithinASecondEvenWhenIdle) {
    FrameStats stats;
    for (int i = 0; i < 60; ++i) stats.record(1.0 / 60, 0.002);
    stats.record(1.0 / 60, 0.400);  // a preset switch
    EXPECT_GT(stats.work_milliseconds(), 10);
    EXPECT_NEAR(stats.worst_work_milliseconds(), 400, 1e-9);
    // Idle: a cheap frame only every half second.
    for (int i = 0; i < 4; ++i) stats.record(0.5, 0.002);
    EXPECT_LT(stats.work_milliseconds(), 3);
    EXPECT_LT(stats.worst_work_milliseconds(), 3) << "the slow frame left the one-second window";
}

}  // namespace
}  // namespace actviz::app
