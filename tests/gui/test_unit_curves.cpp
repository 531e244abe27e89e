// Units on their curves in the running app: the dying-ReLU preset opens with the view on, and
// while it trains, with every layer's small chart and then one layer's chart (a unit hovered), the
// histograms on screen are of the record on screen, their inactive mass is the unit grid's, and the
// mass at f′ = 0 grows as the learning rate kills the units.

#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/app_state.hpp"

namespace actviz::app {
namespace {

TEST(UnitCurves, DyingReLUPresetShowsMassSlidingIntoTheZeroSlopeZoneWhileTraining) {
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.width = 1024;
    launch.height = 640;
    launch.panel = "classifier";
    launch.preset = "dying-relu-lr";
    launch.frames = 80;
    std::vector<std::string> failures;
    double dead_at_start = -1, last_zero_slope = -1;
    bool shown = false;
    const int status = run(launch, [&](AppState& state, GLFWwindow*, int frame) {
        ClassifierView& view = state.classifier.settings.view;
        shown = shown || view.unit_curves;
        if (frame == 40) view.dead_layer = 0;  // one layer's chart from here on
        if (frame > 40) view.hovered_layer = 0, view.hovered_unit = frame % 16;  // as if the mouse moved along the grid
        const Trainer* trainer = state.classifier.live.trainer();
        if (!trainer || trainer->z_histograms().empty()) return;
        const LayerZHistogram& layer = trainer->z_histograms()[0];
        if (layer.step != trainer->history().back().step) failures.push_back("histogram of another step than the header's");
        const Vector& activity = trainer->unit_activity()[0];
        const double inactive_units = static_cast<double>((activity.array() == 0).count()) / static_cast<double>(activity.size());
        int all_inactive = 0;
        for (const ZCounts& unit : layer.units) all_inactive += unit.inactive == unit.total;
        if (static_cast<double>(all_inactive) / static_cast<double>(layer.units.size()) != inactive_units) {
            failures.push_back("frame " + std::to_string(frame) + ": units with all their mass inactive differ from the grid's dead units");
        }
        dead_at_start = trainer->history().front().layer_dead_fraction[0];  // step 0: the first frame has trained already
        last_zero_slope = layer.layer.share(layer.layer.zero_slope);
    });
    EXPECT_EQ(status, 0);
    EXPECT_TRUE(shown) << "the preset should open the units-on-the-curve view";
    // He-initialised ReLUs start about half on each side of the kink, none dead; Adam at lr 1 throws
    // nearly all of layer 1's mass left of it (over 90% by step 5: actviz train --histograms shows it).
    EXPECT_EQ(dead_at_start, 0.0);
    EXPECT_GT(last_zero_slope, 0.9) << "the mass should have slid into the zero-slope zone";
    for (const std::string& failure : failures) ADD_FAILURE() << failure;
}

}  // namespace
}  // namespace actviz::app
