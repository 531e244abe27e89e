// The app's screenshot on a full disk (a file-size limit): an error and exit 1, where it used to
// say nothing, exit 0 and leave a truncated PNG.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "support/run_process.hpp"

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
