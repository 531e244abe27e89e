#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/command_output.hpp"
#include "cli/command_line.hpp"
#include "cli/usage_error.hpp"

namespace actviz::cli {
namespace {

CommandLine parse(std::vector<std::string> args) { return parse_command_line(args); }

std::string usage_error_of(std::vector<std::string> args) {
    try {
        parse(args);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(CommandLine, NoArgumentsOpensTheVisualiserWithDefaults) {
    const CommandLine command = parse({});
    EXPECT_EQ(command.action, Action::RunGui);
    EXPECT_EQ(command.gui.frames, 0);
    EXPECT_EQ(command.gui.width, 1600);
    EXPECT_EQ(command.gui.height, 960);
}

TEST(CommandLine, ReadsFramesScreenshotAndSizeInBothSpellings) {
    const CommandLine command = parse({"--frames", "12", "--screenshot=out.png", "--size", "800x600"});
    EXPECT_EQ(command.gui.frames, 12);
    EXPECT_EQ(command.gui.screenshot_path, "out.png");
    EXPECT_EQ(command.gui.width, 800);
    EXPECT_EQ(command.gui.height, 600);
}

TEST(CommandLine, BadValuesNameTheFlagAndWhatIsAllowed) {
    EXPECT_EQ(usage_error_of({"--frames", "abc"}), "--frames expects a whole number from 1 to 1000000, got 'abc'");
    EXPECT_EQ(usage_error_of({"--frames", "0"}), "--frames expects a whole number from 1 to 1000000, got '0'");
    EXPECT_EQ(usage_error_of({"--frames", "3.5"}), "--frames expects a whole number from 1 to 1000000, got '3.5'");
    EXPECT_EQ(usage_error_of({"--size", "800"}),
              "--size expects WIDTHxHEIGHT with each side from 64 to 8192, got '800'");
    EXPECT_EQ(usage_error_of({"--size", "0x600"}),
              "--size expects WIDTHxHEIGHT with each side from 64 to 8192, got '0x600'");
    EXPECT_EQ(usage_error_of({"--frames"}), "--frames needs a value");
    EXPECT_EQ(usage_error_of({"--bogus"}), "unknown flag '--bogus' (actviz --help lists the flags)");
    EXPECT_EQ(usage_error_of({"fly"}), "unknown subcommand 'fly' (actviz help lists them)");
}

// The last one used to win silently; the subcommands refuse a repeated flag, and so does the GUI.
TEST(CommandLine, ARepeatedFlagIsRefusedAsTheSubcommandsRefuseIt) {
    EXPECT_EQ(usage_error_of({"--frames", "3", "--frames", "4"}), "--frames is given twice");
    EXPECT_EQ(usage_error_of({"--size=900x600", "--size", "800x600"}), "--size is given twice");
    EXPECT_EQ(usage_error_of({"--fresh", "--fresh"}), "--fresh is given twice");
    const auto result = run_command("train", std::vector<std::string>{"--steps", "3", "--steps", "4"});
    EXPECT_NE(result.err.find("--steps is given twice"), std::string::npos) << result.err;
}

TEST(CommandLine, SubcommandTakesTheRestOfTheArguments) {
    const CommandLine command = parse({"help", "--x", "1"});
    EXPECT_EQ(command.action, Action::RunSubcommand);
    EXPECT_EQ(command.subcommand, "help");
    EXPECT_EQ(command.arguments, (std::vector<std::string>{"--x", "1"}));
}

// A double-click in a file manager runs the desktop entry's `actviz %f`: the file is the session.
TEST(CommandLine, AFilePathOpensThatSessionAsTheDesktopEntryPassesIt) {
    EXPECT_EQ(parse({"/home/ada/lesson.actviz.json"}).gui.session_path, "/home/ada/lesson.actviz.json");
    EXPECT_EQ(parse({"lesson.json"}).action, Action::RunGui);
    EXPECT_EQ(parse({"lesson.json"}).gui.session_path, "lesson.json");
    const CommandLine after_flags = parse({"--size", "800x600", "./spiral"});
    EXPECT_EQ(after_flags.gui.session_path, "./spiral");
    EXPECT_EQ(after_flags.gui.width, 800);
    // A word without '/' or '.' is still a subcommand, and a mistyped one says so.
    EXPECT_EQ(parse({"train"}).action, Action::RunSubcommand);
    EXPECT_EQ(usage_error_of({"trian"}), "unknown subcommand 'trian' (actviz help lists them)");
    EXPECT_EQ(usage_error_of({"a.actviz.json", "b.actviz.json"}),
              "two session files given, 'a.actviz.json' and 'b.actviz.json' (actviz opens one)");
    EXPECT_EQ(usage_error_of({"--session", "a.json", "b.json"}),
              "two session files given, 'a.json' and 'b.json' (actviz opens one)");
}

TEST(CommandLine, HelpListsFlagsAndEverySubcommand) {
    const std::string help = gui_help_text();
    for (const char* word : {"--frames", "--screenshot", "--size", "--version", "list", "eval", "softmax", "gradflow",
                             "train", "bakeoff", "xvfb-run"}) {
        EXPECT_NE(help.find(word), std::string::npos) << word;
    }
}

}  // namespace
}  // namespace actviz::cli
