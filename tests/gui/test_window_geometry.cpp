// The window comes back where it was: its size and place are kept in the last session on quit and
// restored at the next start (a place off every monitor is left to the window manager, --size
// wins over the remembered size); the placement rules in-process, the round trip in the real app.

#include <gtest/gtest.h>

#include <GLFW/glfw3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/app.hpp"
#include "app/app_state.hpp"
#include "app/window_placement.hpp"
#include "support/temp_folder.hpp"
#include "support/gui_test_files.hpp"

namespace actviz::app {
namespace {

const ScreenArea kLaptop{0, 0, 1366, 740};
const ScreenArea kLeftOfIt{-1920, 0, 1920, 1050};

TEST(WindowPlacement, ARememberedWindowOnAMonitorComesBackWhereItWas) {
    const ScreenArea monitors[] = {kLaptop, kLeftOfIt};
    const WindowPlacement p = place_window({-1500, 100, 1200, 800, false}, monitors, false);
    ASSERT_TRUE(p.x && p.y && p.width && p.height);
    EXPECT_EQ(*p.x, -1500);
    EXPECT_EQ(*p.y, 100);
    EXPECT_EQ(*p.width, 1200);
    EXPECT_EQ(*p.height, 800);
    EXPECT_FALSE(p.maximise);
    EXPECT_TRUE(place_window({10, 10, 800, 600, true}, monitors, false).maximise);
}

TEST(WindowPlacement, APlaceOffEveryMonitorIsLeftToTheWindowManager) {
    const ScreenArea monitors[] = {kLaptop};
    // The monitor on the left is gone: its place is off the laptop's screen.
    WindowPlacement p = place_window({-1500, 100, 1200, 700, false}, monitors, false);
    EXPECT_FALSE(p.x);
    EXPECT_FALSE(p.y);
    ASSERT_TRUE(p.width);
    EXPECT_EQ(*p.width, 1200);  // the size still comes back
    // Only the bottom edge on screen: the title bar cannot be grabbed.
    EXPECT_FALSE(place_window({100, 735, 800, 600, false}, monitors, false).x);
    EXPECT_FALSE(place_window({1360, 100, 800, 600, false}, monitors, false).x);  // 6 pixels of it on screen
    EXPECT_TRUE(place_window({1200, 100, 800, 600, false}, monitors, false).x);   // 166 pixels: grabbable
}

TEST(WindowPlacement, SizeFlagWinsAndNothingIsLargerThanTheLargestMonitor) {
    const ScreenArea monitors[] = {kLaptop};
    WindowPlacement p = place_window({20, 20, 2500, 1400, true}, monitors, true);
    EXPECT_FALSE(p.width);  // --size: the window keeps the size it opened with
    EXPECT_FALSE(p.maximise);
    ASSERT_TRUE(p.x);
    EXPECT_EQ(*p.x, 20);
    p = place_window({20, 20, 2500, 1400, false}, monitors, false);
    ASSERT_TRUE(p.width && p.height);
    EXPECT_EQ(*p.width, 1366);
    EXPECT_EQ(*p.height, 740);
}

using testing::have_display;

// Runs the app as a user would (no --frames: the last session is restored and kept), with
// XDG_STATE_HOME in a temporary folder; `hook` acts and quits.
void run_interactive(const std::string& state_home, settings::LaunchOptions launch, const FrameHook& hook) {
    const char* previous = std::getenv("XDG_STATE_HOME");
    const std::string saved = previous ? previous : "";
    ::setenv("XDG_STATE_HOME", state_home.c_str(), 1);
    launch.frames = 0;
    run(launch, hook);
    if (previous) ::setenv("XDG_STATE_HOME", saved.c_str(), 1);
    else ::unsetenv("XDG_STATE_HOME");
}

TEST(WindowGeometry, SizeAndPlaceComeBackAtTheNextStartAndSizeFlagWins) {
    if (!have_display()) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    const testing::TempFolder temp;
    settings::LaunchOptions launch;
    launch.width = 1000, launch.height = 700;
    // First run: the user moves and resizes the window, then quits.
    run_interactive(temp.path.string(), launch, [](AppState& state, GLFWwindow* window, int frame) {
        if (frame == 2) {
            glfwSetWindowPos(window, 130, 90);
            glfwSetWindowSize(window, 900, 620);
        }
        if (frame == 6) state.quit_requested = true;
    });
    std::ifstream in(temp.path / "actviz" / "last.json");
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_NE(text.str().find("\"window\""), std::string::npos) << "no window in last.json";

    int x = 0, y = 0, width = 0, height = 0;
    const auto look = [&](AppState& state, GLFWwindow* window, int frame) {
        if (frame == 3) {
            glfwGetWindowPos(window, &x, &y);
            glfwGetWindowSize(window, &width, &height);
            state.quit_requested = true;
        }
    };
    run_interactive(temp.path.string(), launch, look);
    EXPECT_EQ(x, 130);
    EXPECT_EQ(y, 90);
    EXPECT_EQ(width, 900);
    EXPECT_EQ(height, 620);

    launch.size_given = true;  // --size 1100x650
    launch.width = 1100, launch.height = 650;
    run_interactive(temp.path.string(), launch, look);
    EXPECT_EQ(width, 1100);
    EXPECT_EQ(height, 650);
    EXPECT_EQ(x, 130);  // the place still comes back
}

// Switching pages is looking around, not work: quitting a session file after visiting every page
// (the Classifier builds its network when first shown) asks nothing.
TEST(LookingAround, SwitchingPagesIsNoUnsavedChange) {
    if (!have_display()) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    const testing::TempFolder temp;
    const std::string lesson = (temp.path / "lesson.actviz.json").string();
    std::ofstream(lesson) << R"({"actviz_session": 3, "page": "activations"})";
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.frames = 400;  // an upper bound: the app quits long before unless it asks
    launch.width = 1024, launch.height = 640;
    launch.session_path = lesson;
    const int keys[] = {GLFW_KEY_4, GLFW_KEY_5, GLFW_KEY_3, GLFW_KEY_2, GLFW_KEY_0, GLFW_KEY_1};
    int last_frame = 0, pages_seen = 0;
    bool asked = false;
    run(launch, [&](AppState& state, GLFWwindow* window, int frame) {
        last_frame = frame;
        asked = asked || state.session.dialog == SessionDialog::ConfirmDiscard;
        ImGuiIO& io = ImGui::GetIO();
        const int step = frame / 12, phase = frame % 12;
        io.KeysDown[GLFW_KEY_LEFT_CONTROL] = io.KeyCtrl = false;
        for (int key : keys) io.KeysDown[key] = false;
        if (step >= 1 && step <= 6 && phase == 0) {
            io.KeysDown[keys[step - 1]] = io.KeysDown[GLFW_KEY_LEFT_CONTROL] = io.KeyCtrl = true;
            ++pages_seen;
        }
        if (step == 8 && phase == 0) glfwSetWindowShouldClose(window, GLFW_TRUE);  // the close button
    });
    EXPECT_EQ(pages_seen, 6);
    EXPECT_FALSE(asked) << "looking at the pages was taken for an unsaved change";
    EXPECT_LT(last_frame, 8 * 12 + 5) << "the app did not quit when closed";
}

}  // namespace
}  // namespace actviz::app
