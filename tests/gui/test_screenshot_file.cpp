// The app's screenshot on a full disk (a file-size limit): an error and exit 1, where it used to
// say nothing, exit 0 and leave a truncated PNG. F12 in the window: written beside the frame.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/app_state.hpp"
#include "support/gui_test_files.hpp"
#include "support/run_process.hpp"
#include "support/scratch_environment.hpp"

namespace actviz::test {
namespace {

TEST(ScreenshotFile, AFullDiskIsReportedAndLeavesNoTruncatedPng) {
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    const std::string png = temp_path("full-disk.png"), state = temp_path("state");
    std::filesystem::create_directory(state);
    // Ignored signals stay ignored across exec: write() fails with EFBIG instead of killing the app.
    // ulimit -f counts 512-byte blocks in sh: 8 KiB, far below the screenshot's size.
    const ProcessResult result = run_process("trap '' XFSZ; ulimit -f 16; XDG_STATE_HOME='" + state + "' " +
                                             actviz_binary() + " --fresh --frames 2 --size 900x560 --screenshot '" +
                                             png + "'");
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_NE(result.err.find("cannot write the screenshot"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("File too large"), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(png));
    std::filesystem::remove(png);
    std::filesystem::remove_all(state);
}

}  // namespace
}  // namespace actviz::test

namespace actviz::testing {
namespace {

bool whole_png(const std::string& bytes) {
    // The signature first, the IEND chunk (and its CRC) last: a truncated file has no end marker.
    return bytes.size() > 20 && bytes.compare(1, 3, "PNG") == 0 && bytes.compare(bytes.size() - 8, 4, "IEND") == 0;
}

// F12 three times in a row: three whole files under three names (none overwrites another while
// it is still being encoded), and the frame that asked never waits for the encoder: the message
// comes in a later frame, once the file is written.
TEST(ScreenshotKey, ThreeF12sGiveThreeWholeFilesWrittenBesideTheFrame) {
    if (!have_display()) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    const ScratchEnvironment scratch;
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.frames = 3000;  // an upper bound: the hook quits when every screenshot has said how it went
    launch.width = 1600;
    launch.height = 960;
    const auto saved = [](const app::AppState& state) {
        return std::count_if(state.status.recent.begin(), state.status.recent.end(),
                             [](const std::string& m) { return m.rfind("Screenshot saved: ", 0) == 0; });
    };
    int asked_in = -1;
    long saved_in_the_next_frame = -1;
    double asking_frame_ms = 0;
    const int status = app::run(launch, [&](app::AppState& state, GLFWwindow*, int frame) {
        if (frame >= 30 && frame < 33) {
            state.screenshot_requested = true;  // what F12 sets
            asked_in = frame;
        } else if (asked_in >= 0 && frame == asked_in + 1) {
            saved_in_the_next_frame = saved(state);
            asking_frame_ms = state.times.last_work_ms;
        } else if (asked_in >= 0 && saved(state) == 3 && state.writes.idle()) {
            state.quit_requested = true;
        }
    });
    EXPECT_EQ(status, 0);
    // The first two may have been taken in by then; the last one's frame ended before its file was written.
    EXPECT_LT(saved_in_the_next_frame, 3) << "the last F12's frame wrote its file itself";
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(scratch.path())) {
        if (entry.path().extension() != ".png") continue;
        names.push_back(entry.path().filename().string());
        EXPECT_TRUE(whole_png(read_text(entry.path().string()))) << entry.path();
    }
    EXPECT_EQ(names.size(), 3u) << ::testing::PrintToString(names);
    std::printf("the frame that asked for a 1600 x 960 screenshot took %.1f ms\n", asking_frame_ms);
}

}  // namespace
}  // namespace actviz::testing
