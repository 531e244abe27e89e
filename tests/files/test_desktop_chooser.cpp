// The desktop's file chooser as a program: which one is picked, the command line it is given, what
// its output means, and a fake zenity on PATH run beside the caller (never blocking it) with its
// answer, its cancel and its failure read back.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "files/child_process.hpp"
#include "files/desktop_chooser.hpp"
#include "support/temp_folder.hpp"

namespace actviz::files {
namespace {

ChooserEnvironment desktop(std::string setting, bool zenity, bool kdialog, bool kde = false) {
    return {std::move(setting), true, kde, zenity, kdialog};
}

TEST(PickChooser, TheSettingWinsWhenItCanBeFollowed) {
    EXPECT_EQ(pick_chooser(desktop("builtin", true, true)).kind, ChooserKind::Builtin);
    EXPECT_EQ(pick_chooser(desktop("zenity", true, true, true)).kind, ChooserKind::Zenity);
    EXPECT_EQ(pick_chooser(desktop("kdialog", true, true)).kind, ChooserKind::Kdialog);
    EXPECT_TRUE(pick_chooser(desktop("kdialog", true, true)).note.empty());
}

TEST(PickChooser, AutomaticPrefersTheDesktopsOwnAndFallsBackToTheBrowser) {
    EXPECT_EQ(pick_chooser(desktop("", true, true)).kind, ChooserKind::Zenity);
    EXPECT_EQ(pick_chooser(desktop("auto", true, true, true)).kind, ChooserKind::Kdialog);  // on KDE
    EXPECT_EQ(pick_chooser(desktop("", false, true)).kind, ChooserKind::Kdialog);
    EXPECT_EQ(pick_chooser(desktop("", false, false)).kind, ChooserKind::Builtin);
    ChooserEnvironment headless = desktop("zenity", true, true);
    headless.has_display = false;  // nothing to show zenity on (Xvfb-less scripts)
    EXPECT_EQ(pick_chooser(headless).kind, ChooserKind::Builtin);
}

TEST(PickChooser, ASettingThatCannotBeFollowedSaysWhy) {
    ChooserChoice choice = pick_chooser(desktop("zenity", false, false));
    EXPECT_EQ(choice.kind, ChooserKind::Builtin);
    EXPECT_NE(choice.note.find("zenity is not installed"), std::string::npos) << choice.note;
    choice = pick_chooser(desktop("portal", true, false));
    EXPECT_EQ(choice.kind, ChooserKind::Zenity);
    EXPECT_NE(choice.note.find("without the XDG portal"), std::string::npos) << choice.note;
    choice = pick_chooser(desktop("gtk", false, false));
    EXPECT_NE(choice.note.find("'gtk' is not one of"), std::string::npos) << choice.note;
}

ChooserRequest save_session() {
    ChooserRequest request;
    request.save = true;
    request.title = "Save session as";
    request.folder = "/home/ada/lessons";
    request.suggested_name = "session.actviz.json";
    request.filters = {{"Sessions", {".actviz.json", ".json"}}};
    return request;
}

TEST(ChooserCommand, ZenityIsToldTheTitleFolderNameTypesAndToAskBeforeReplacing) {
    const std::vector<std::string> expected = {"zenity", "--file-selection", "--title=Save session as",
                                               "--filename=/home/ada/lessons/session.actviz.json", "--save",
                                               "--confirm-overwrite",
                                               "--file-filter=Sessions (*.actviz.json, *.json) | *.actviz.json *.json",
                                               "--file-filter=All files | *"};
    EXPECT_EQ(chooser_command(ChooserKind::Zenity, save_session()), expected);
    ChooserRequest open = save_session();
    open.save = false;
    const auto command = chooser_command(ChooserKind::Zenity, open);
    EXPECT_EQ(command[3], "--filename=/home/ada/lessons/");  // an open starts in the folder
    EXPECT_EQ(std::count(command.begin(), command.end(), "--save"), 0);
}

TEST(ChooserCommand, KdialogTakesOneFilterALine) {
    const std::vector<std::string> expected = {"kdialog", "--title", "Save session as", "--getsavefilename",
                                               "/home/ada/lessons/session.actviz.json",
                                               "*.actviz.json *.json|Sessions (*.actviz.json, *.json)\n*|All files"};
    EXPECT_EQ(chooser_command(ChooserKind::Kdialog, save_session()), expected);
}

TEST(ChooserAnswer, APathACancelOrAFailure) {
    ChooserAnswer a = parse_chooser_answer(ChooserKind::Zenity, 0, "/home/ada/my lesson .json\n");
    EXPECT_EQ(a.kind, ChooserAnswer::Chosen);
    EXPECT_EQ(a.path, "/home/ada/my lesson .json");  // spaces are the name's own: only the line break goes
    EXPECT_EQ(parse_chooser_answer(ChooserKind::Kdialog, 0, "/x.csv\n").path, "/x.csv");
    EXPECT_EQ(parse_chooser_answer(ChooserKind::Zenity, 1, "").kind, ChooserAnswer::Cancelled);
    EXPECT_EQ(parse_chooser_answer(ChooserKind::Zenity, 0, "\n").kind, ChooserAnswer::Cancelled);
    a = parse_chooser_answer(ChooserKind::Zenity, 0, "relative.json\n");
    EXPECT_EQ(a.kind, ChooserAnswer::Failed);
    EXPECT_NE(a.error.find("no absolute path"), std::string::npos) << a.error;
    EXPECT_EQ(parse_chooser_answer(ChooserKind::Zenity, 0, "/a\n/b\n").kind, ChooserAnswer::Failed);
    a = parse_chooser_answer(ChooserKind::Kdialog, 127, "");
    EXPECT_EQ(a.kind, ChooserAnswer::Failed);
    EXPECT_EQ(a.error, "kdialog could not be run");
    EXPECT_EQ(parse_chooser_answer(ChooserKind::Zenity, 5, "").kind, ChooserAnswer::Failed);  // zenity's timeout
}

// A shell script named zenity that answers like zenity after a pause, and records its arguments.
struct FakeZenity : ::testing::Test {
    testing::TempFolder temp;
    std::string bin, args_file;
    void write_fake(const std::string& body) {
        bin = (temp.path / "bin").string();
        std::filesystem::create_directories(bin);
        args_file = (temp.path / "args.txt").string();
        const std::string script = bin + "/zenity";
        std::ofstream(script) << "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + args_file + "'\n" + body;
        ::chmod(script.c_str(), 0755);
    }
    // Runs the request's zenity command through PATH = our bin folder; polls as the frame loop does.
    ChooserAnswer run(int& polls) {
        const char* old_path = std::getenv("PATH");
        const std::string saved = old_path ? old_path : "";
        ::setenv("PATH", (bin + ":/usr/bin:/bin").c_str(), 1);
        EXPECT_TRUE(on_path("zenity", std::getenv("PATH")));
        ChildProcess child;
        const std::string error = child.start(chooser_command(ChooserKind::Zenity, save_session()));
        ::setenv("PATH", saved.c_str(), 1);
        EXPECT_EQ(error, "");
        polls = 0;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (!child.poll() && std::chrono::steady_clock::now() < deadline) {
            ++polls;  // poll() came back at once: the caller drew a frame meanwhile
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return parse_chooser_answer(ChooserKind::Zenity, child.exit_status(), child.output());
    }
};

TEST_F(FakeZenity, ItsAnswerArrivesWithoutBlockingTheCaller) {
    write_fake("sleep 0.3\necho '/tmp/lessons/chosen one.actviz.json'\n");
    int polls = 0;
    const ChooserAnswer answer = run(polls);
    EXPECT_EQ(answer.kind, ChooserAnswer::Chosen);
    EXPECT_EQ(answer.path, "/tmp/lessons/chosen one.actviz.json");
    EXPECT_GT(polls, 10);  // 0.3 s of polls that each returned at once
    std::ifstream args(args_file);
    std::string line, all;
    while (std::getline(args, line)) all += line + "|";
    EXPECT_NE(all.find("--save|--confirm-overwrite|"), std::string::npos) << all;
}

TEST_F(FakeZenity, CancelMeansNothing) {
    write_fake("exit 1\n");
    int polls = 0;
    EXPECT_EQ(run(polls).kind, ChooserAnswer::Cancelled);
}

TEST_F(FakeZenity, ACrashIsAFailureNotAPath) {
    write_fake("echo '/tmp/half'\nkill -SEGV $$\n");
    int polls = 0;
    const ChooserAnswer answer = run(polls);
    EXPECT_EQ(answer.kind, ChooserAnswer::Failed);
    EXPECT_NE(answer.error.find("status 139"), std::string::npos) << answer.error;
}

TEST(ChildProcessRun, AProgramThatIsNotInstalledExits127) {
    ChildProcess child;
    // posix_spawnp reports a missing program either at once or as the child's exit 127.
    const std::string error = child.start({"actviz-no-such-program-here"});
    if (!error.empty()) {
        EXPECT_NE(error.find("cannot run"), std::string::npos) << error;
        return;
    }
    while (!child.poll()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    EXPECT_EQ(child.exit_status(), 127);
}

TEST(ChildProcessRun, StoppingEndsAChooserLeftOpen) {
    ChildProcess child;
    ASSERT_EQ(child.start({"sleep", "30"}), "");
    EXPECT_FALSE(child.poll());
    const auto start = std::chrono::steady_clock::now();
    child.stop();  // what quitting actviz with zenity still up does
    EXPECT_FALSE(child.running());
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

}  // namespace
}  // namespace actviz::files
