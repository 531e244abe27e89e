// The actviz binary as a user meets it on a terminal: exit codes and the one line it prints.

#include <gtest/gtest.h>

#include "support/run_process.hpp"

namespace actviz::test {
namespace {

int count_lines(const std::string& text) {
    int lines = 0;
    for (char c : text) lines += c == '\n';
    return lines;
}

TEST(Binary, HelpPrintsUsageAndExitsZero) {
    const ProcessResult result = run_process(actviz_binary() + " --help");
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_NE(result.out.find("Usage:"), std::string::npos);
    EXPECT_NE(result.out.find("--screenshot"), std::string::npos);
    EXPECT_TRUE(result.err.empty()) << result.err;
}

TEST(Binary, VersionPrintsOneLine) {
    const ProcessResult result = run_process(actviz_binary() + " --version");
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_EQ(result.out.rfind("actviz ", 0), 0u);
    EXPECT_EQ(count_lines(result.out), 1);
}

TEST(Binary, UnknownFlagExitsTwoWithOneClearLine) {
    const ProcessResult result = run_process(actviz_binary() + " --frobnicate");
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(result.err, "actviz: unknown flag '--frobnicate' (actviz --help lists the flags)\n");
    EXPECT_TRUE(result.out.empty());
}

TEST(Binary, BadValueExitsTwoWithOneClearLine) {
    const ProcessResult result = run_process(actviz_binary() + " --frames -3");
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(count_lines(result.err), 1);
    EXPECT_NE(result.err.find("--frames"), std::string::npos);
}

TEST(Binary, NoDisplayExitsOneAndSaysHowToRunHeadless) {
    const ProcessResult result = run_process("env -u DISPLAY -u WAYLAND_DISPLAY " + actviz_binary() + " --frames 1");
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(count_lines(result.err), 1) << result.err;
    EXPECT_NE(result.err.find("no display"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("xvfb-run"), std::string::npos) << result.err;
}

TEST(Binary, HelpSubcommandListsComingSubcommands) {
    const ProcessResult result = run_process(actviz_binary() + " help");
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_NE(result.out.find("gradflow"), std::string::npos);
}

}  // namespace
}  // namespace actviz::test
