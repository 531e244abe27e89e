// --stats-log: one line a second with the frames, the longest frame and resident memory.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/stats_log.hpp"

namespace actviz::app {
namespace {

std::vector<std::string> lines_of(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

TEST(StatsLog, WritesALineASecondWithTheLongestFrameAndMemory) {
    const std::string path = (std::filesystem::temp_directory_path() / "actviz-stats-log-test.csv").string();
    {
        StatsLog log;
        std::string error;
        ASSERT_TRUE(log.open(path, error)) << error;
        double t = 0;
        for (int i = 0; i < 30; ++i) log.frame(t += 0.02, 0.02, 0.01);  // 0.6 s of 20 ms frames
        log.frame(t += 0.08, 0.08, 0.03);                               // one stutter
        for (int i = 0; i < 20; ++i) log.frame(t += 0.02, 0.02, 0.01);  // crosses 1 s: the first line
        for (int i = 0; i < 60; ++i) log.frame(t += 0.02, 0.02, 0.005);  // a second, steady
    }
    const std::vector<std::string> lines = lines_of(path);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0], "seconds,frames,worst_frame_ms,rss_mib,worst_work_ms");
    double seconds = 0, worst = 0, rss = 0, work = 0;
    int frames = 0;
    ASSERT_EQ(std::sscanf(lines[1].c_str(), "%lf,%d,%lf,%lf,%lf", &seconds, &frames, &worst, &rss, &work), 5);
    EXPECT_NEAR(seconds, 1.0, 0.03);
    EXPECT_NEAR(worst, 80.0, 1e-6);
    EXPECT_GT(rss, 1.0);  // this test process has some memory
    EXPECT_NEAR(work, 30.0, 1e-6);
    ASSERT_EQ(std::sscanf(lines[2].c_str(), "%lf,%d,%lf,%lf,%lf", &seconds, &frames, &worst, &rss, &work), 5);
    EXPECT_NEAR(worst, 20.0, 1e-6);
    EXPECT_NEAR(work, 10.0, 1e-6);  // the line's window began inside the 10 ms frames
    std::filesystem::remove(path);
}

TEST(StatsLog, AnUnwritablePathSaysWhyAndNoPathLogsNothing) {
    StatsLog log;
    std::string error;
    EXPECT_FALSE(log.open("/nonexistent-dir/stats.csv", error));
    EXPECT_FALSE(error.empty());
    StatsLog none;
    EXPECT_TRUE(none.open("", error));
    none.frame(5, 0.1, 0.05);  // nothing to write to, nothing breaks
}

}  // namespace
}  // namespace actviz::app
