// Linked views in the running app (issue 14 items 2 and 4): the Bake-off's row of units-on-the-curve
// charts shows each contestant's own histogram, its all-inactive share being that contestant's dead
// (saturated) statistic for the chosen layer; the Activations page's overlay draws the Classifier's
// very histogram, of the step the Classifier is at.

#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/app_state.hpp"

namespace actviz::app {
namespace {

bool have_display() {
    const char* display = std::getenv("DISPLAY");
    return display && *display;
}

TEST(LinkedViews, BakeoffUnitCurvesAreEachContestantsOwnStatistic) {
    if (!have_display()) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.width = 1600;
    launch.height = 960;
    launch.panel = "bakeoff";
    launch.preset = "bakeoff-spiral";
    launch.frames = 60;
    std::vector<std::string> failures;
    int checked = 0, layers_seen = 0;
    double relu_zero_slope = -1;
    const int status = run(launch, [&](AppState& state, GLFWwindow*, int frame) {
        BakeoffPanel& panel = state.bakeoff;
        if (frame == 30) panel.settings.unit_curves_layer = 2;  // the chooser: the third hidden layer
        const Bakeoff* bakeoff = panel.live.bakeoff();
        const auto& shown = panel.unit_curves_shown;
        if (!bakeoff || shown.masses.empty()) return;
        if (static_cast<int>(shown.masses.size()) != bakeoff->activation_count()) {
            failures.push_back("frame " + std::to_string(frame) + ": not one chart per contestant");
            return;
        }
        if (frame > 30 && shown.layer != 2) failures.push_back("the layer chooser did not reach the charts");
        layers_seen |= 1 << shown.layer;
        for (int a = 0; a < bakeoff->activation_count(); ++a) {
            const Trainer& trainer = bakeoff->contestant(a, 0).trainer();
            if (trainer.history().empty()) continue;
            const LayerMasses& m = shown.masses[static_cast<size_t>(a)];
            const size_t h = static_cast<size_t>(shown.layer);
            const double dead = trainer.history().back().layer_dead_fraction[h];
            if (m.units == 0 || static_cast<double>(m.all_inactive) / m.units != dead) {
                failures.push_back("frame " + std::to_string(frame) + ", " + std::string(bakeoff->contestant(a, 0).activation_name()) +
                                   ": the chart's all-inactive share is not the contestant's statistic");
            }
            // The zero-slope share for a dead-mode activation is 1 − the grid's mean activity.
            const Vector& activity = trainer.unit_activity()[h];
            if (trainer.mlp().inactivity(static_cast<int>(h)).kind == InactivityKind::Dead &&
                std::fabs(m.zero_slope - (1 - activity.mean())) > 1e-12) {
                failures.push_back("frame " + std::to_string(frame) + ": zero-slope share differs from the activity");
            }
            if (bakeoff->contestant(a, 0).activation_name() == "relu") relu_zero_slope = m.zero_slope;
            ++checked;
        }
    });
    EXPECT_EQ(status, 0);
    EXPECT_GT(checked, 100);
    EXPECT_EQ(layers_seen, (1 << 0) | (1 << 2)) << "layer 1 by default, then layer 3";
    // A ReLU layer sits on both sides of its kink: a real share at f′ = 0, not all of it.
    EXPECT_GT(relu_zero_slope, 0.2);
    EXPECT_LT(relu_zero_slope, 0.9);
    for (const std::string& failure : failures) ADD_FAILURE() << failure;
}

TEST(LinkedViews, ActivationsOverlayIsTheClassifiersHistogram) {
    if (!have_display()) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.width = 1280;
    launch.height = 800;
    launch.panel = "classifier";
    launch.preset = "spiral-tanh";
    launch.frames = 70;
    std::vector<std::string> failures;
    int compared = 0;
    const int status = run(launch, [&](AppState& state, GLFWwindow*, int frame) {
        if (frame == 30) {  // the Classifier has trained; now look at the Activations page with the overlay
            state.activations.settings.classifier_overlay = true;
            state.activations.settings.classifier_layer = 1;
            show_page(state, settings::panel_index(settings::PanelId::Activations));
        }
        if (frame == 50) show_page(state, -1);  // every panel tiled: the Classifier trains while the overlay draws
        if (frame <= 31) return;
        const Trainer* trainer = state.classifier.live.trainer();
        const auto& shown = state.activations.live.overlay_shown;
        if (!trainer) {
            failures.push_back("no Classifier network");
            return;
        }
        const LayerZHistogram& histogram = trainer->z_histograms()[1];
        if (shown.layer != 1 || shown.bins != histogram.layer.bins || shown.lo != histogram.lo ||
            shown.hi != histogram.hi || shown.step != histogram.step) {
            failures.push_back("frame " + std::to_string(frame) + ": the overlay is not the Classifier's layer 2");
        }
        ++compared;
    });
    EXPECT_EQ(status, 0);
    EXPECT_GT(compared, 30);
    for (const std::string& failure : failures) ADD_FAILURE() << failure;
}

}  // namespace
}  // namespace actviz::app
