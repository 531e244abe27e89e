// The headline readouts are whole on screen at a laptop's 1024 × 640, in the tiled "All panels"
// view at 1280 × 720, at 1920 × 1080, and at 1024 × 640 with a 200% zoom (a projector): the
// Classifier's accuracy, test accuracy, loss and inactive share; the Gradient flow's ratio and
// verdict; every Bake-off contestant's accuracies. Each is checked in the real app, after it was
// drawn in the last frame, against what its window shows (widgets.hpp: note_readout).

#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/app_state.hpp"
#include "app/widgets.hpp"
#include "settings/bakeoff_settings.hpp"

namespace actviz::app {
namespace {

struct Case {
    int width, height;
    const char* panel;  // "all": tiled
    int zoom = 100;
};

std::vector<std::string> readouts_for(const char* panel) {
    std::vector<std::string> ids;
    const std::string p = panel;
    if (p == "classifier" || p == "all") {
        for (const char* id : {"classifier.accuracy", "classifier.test", "classifier.loss", "classifier.inactive"}) ids.push_back(id);
    }
    if (p == "gradflow" || p == "all") ids.insert(ids.end(), {"gradflow.ratio", "gradflow.verdict"});
    if (p == "bakeoff" || p == "all") {
        for (int index : settings::classic_bakeoff_activations())
            ids.push_back("bakeoff.accuracy." + std::string(activations()[static_cast<std::size_t>(index)].name));
    }
    return ids;
}

void expect_readouts_whole(const Case& c) {
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.width = c.width;
    launch.height = c.height;
    launch.panel = c.panel;
    launch.zoom = c.zoom;
    launch.zoom_given = true;
    // Until every readout has been drawn for 5 frames in a row (Gradient flow's shows once its worker
    // has run, which under ASan takes many frames); at most 3000 frames.
    launch.frames = 3000;
    const std::vector<std::string> ids = readouts_for(c.panel);
    int last_frame = -1, settled = 0;
    ASSERT_EQ(run(launch, [&](AppState& state, GLFWwindow*, int) {
                  last_frame = ImGui::GetFrameCount();  // the frame just built: readouts drawn in it carry this count
                  bool all = true;
                  for (const std::string& id : ids) all = all && readout_seen(id).frame >= last_frame;
                  settled = all ? settled + 1 : 0;
                  if (settled >= 5) state.quit_requested = true;
              }),
              0);
    for (const std::string& id : ids) {
        const ReadoutSeen seen = readout_seen(id);
        EXPECT_GE(seen.frame, last_frame - 1) << id << " was not drawn in the last frames at " << c.width << "x" << c.height
                                              << " (" << c.panel << ", zoom " << c.zoom << "%)";
        EXPECT_TRUE(seen.whole) << id << " is cut off at " << c.width << "x" << c.height << " (" << c.panel << ", zoom "
                                << c.zoom << "%)";
    }
}

class ReadoutsFit : public ::testing::Test {
   protected:
    void SetUp() override {
        const char* display = std::getenv("DISPLAY");
        if (!display || !*display) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    }
};

TEST_F(ReadoutsFit, OnALaptopScreen) {
    for (const char* panel : {"classifier", "gradflow", "bakeoff"}) expect_readouts_whole({1024, 640, panel});
}

TEST_F(ReadoutsFit, InTheTiledViewAt1280By720) { expect_readouts_whole({1280, 720, "all"}); }

TEST_F(ReadoutsFit, OnAFullHdScreen) {
    for (const char* panel : {"classifier", "gradflow", "bakeoff"}) expect_readouts_whole({1920, 1080, panel});
}

TEST_F(ReadoutsFit, AtTwiceTheZoomOnALaptopScreen) {
    for (const char* panel : {"classifier", "gradflow", "bakeoff"}) expect_readouts_whole({1024, 640, panel, 200});
}

// Settings whose network is over the memory budget from the start (100,000 points through 8 × 64,
// 2.9 GB against 2 GiB): there is no network to show, and the page says why where it would be; it
// was silently empty.
TEST_F(ReadoutsFit, ANetworkRefusedAtStartSaysWhyOnALaptopScreen) {
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.width = 1024;
    launch.height = 640;
    launch.panel = "classifier";
    launch.frames = 3000;  // an upper bound: quits once the reason has been drawn for 5 frames
    launch.memory_budget = std::size_t{1} << 20;  // 1 MiB: the default network is over it too
    int last_frame = -1, settled = 0;
    std::string error;
    ASSERT_EQ(run(launch, [&](AppState& state, GLFWwindow*, int) {
                  last_frame = ImGui::GetFrameCount();
                  error = state.classifier.live.error();
                  settled = readout_seen("classifier.no_network").frame >= last_frame ? settled + 1 : 0;
                  if (settled >= 5 || last_frame > 200) state.quit_requested = true;
              }),
              0);
    EXPECT_EQ(readout_seen("classifier.no_network").frame >= last_frame - 1, true) << "the page said nothing";
    EXPECT_TRUE(readout_seen("classifier.no_network").whole) << "the reason is cut off";
    EXPECT_NE(error.find("memory budget"), std::string::npos) << error;
}

}  // namespace
}  // namespace actviz::app
