// Every picture and readout of the Classifier belongs to the model on screen: after each way the
// model can change (a step; a weight set by hand, undone, or saved and opened before its record; a
// reset; an activation switch; a Bake-off contestant opened; a session opened; a point added), one
// frame later the header's record, the decision regions, the dead-unit map and the points'
// predicted classes all describe the same model. The header's train accuracy must equal the share
// of training points the drawn predictions get right.

#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/app_state.hpp"
#include "app/bakeoff/bakeoff_panel.hpp"
#include "app/session_bridge.hpp"
#include "support/temp_folder.hpp"

namespace actviz::app {
namespace {

// Why the Classifier's readouts and pictures disagree with its model, or "" when they agree.
std::string disagreement(const AppState& state) {
    const ClassifierLive& live = state.classifier.live;
    const Trainer* trainer = live.trainer();
    if (!trainer) return "no trainer";
    const ClassifierLive::Versions v = live.versions();
    if (v.recorded != v.model) return "the header's record is of an older model";
    if (v.planes != v.model) return "the decision regions and dead-unit map are of an older model";
    const std::vector<Point>& train = trainer->data().train;
    const std::vector<int>& predicted = live.train_predicted();
    if (predicted.size() != train.size()) return "predictions for another set of points";
    int right = 0;
    for (std::size_t i = 0; i < train.size(); ++i) right += predicted[i] == train[i].label ? 1 : 0;
    const double shown = trainer->history().back().train_accuracy;
    const double drawn = train.empty() ? 0 : static_cast<double>(right) / static_cast<double>(train.size());
    if (std::fabs(shown - drawn) > 1e-12) {
        return "header says " + std::to_string(shown) + " train accuracy, the points drawn say " + std::to_string(drawn);
    }
    return "";
}

struct Change {
    std::string name;
    std::function<void(AppState&)> apply;
};

TEST(ClassifierCurrent, EveryReadoutAndPictureFollowsTheModelAfterOneFrame) {
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    testing::TempFolder folder;
    const std::string saved = (folder.path / "other.actviz.json").string();
    const std::string edited = (folder.path / "edited.actviz.json").string();
    const int classifier = panel_index(PanelId::Classifier);

    const std::vector<Change> changes = {
        {"single step", [](AppState& s) { s.classifier.live.single_step(); }},
        {"weight set by hand", [](AppState& s) { ASSERT_TRUE(s.classifier.live.edit_weight(0, 0, 1, -1.5)); }},
        {"weight edit undone", [](AppState& s) { ASSERT_TRUE(s.classifier.live.undo_weight_edit()); }},
        {"weight set by hand, the session saved before its record and opened",
         [&edited](AppState& s) {
             const Trainer* trainer = s.classifier.live.trainer();
             ASSERT_TRUE(s.classifier.live.edit_weight(trainer->mlp().layer_count() - 1, 0, 0, 30.0));
             ASSERT_TRUE(save_session(s, edited));
             ASSERT_TRUE(open_session(s, edited));
         }},
        {"activation switched (paused, no reset)",
         [](AppState& s) {
             int& activation = s.classifier.settings.hyper.activation;
             const int gelu = activation_index(*find_activation("gelu"));
             activation = activation == gelu ? activation_index(*find_activation("tanh")) : gelu;
         }},
        {"point added by hand", [](AppState& s) { s.classifier.live.add_point(Point{0.2, -0.3, 1}, false); }},
        {"points erased by hand", [](AppState& s) { s.classifier.live.erase_near(0.0, 0.0, 0.4); }},
        {"reset", [](AppState& s) { s.classifier.live.reset(); }},
        {"Bake-off contestant opened",
         [](AppState& s) { open_contestant_in_classifier(s.bakeoff, 1, s.classifier); }},
        {"session opened", [&saved](AppState& s) { ASSERT_TRUE(open_session(s, saved)); }},
    };
    std::vector<std::string> failures;
    std::size_t next = 0;
    int changed_at = -1;
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.width = 1000;
    launch.height = 700;
    launch.panel = "bakeoff";
    launch.preset = "bakeoff-spiral";
    launch.frames = 400;
    const int status = run(launch, [&](AppState& state, GLFWwindow*, int frame) {
        if (frame == 20) {  // the Bake-off has trained a while: on to the Classifier, paused
            // A budget every plane pass and record fits in (under ASan too): paused, all is done in the frame.
            state.classifier.settings.run.frame_budget_ms = 1000;
            state.bakeoff.settings.playing = false;
            state.maximised_panel = classifier;
            state.classifier.settings.run.playing = true;
        } else if (frame == 40) {
            state.classifier.settings.run.playing = false;
            ASSERT_TRUE(save_session(state, saved));  // what "session opened" opens: trained 20 frames
            state.classifier.live.reset();            // so that opening it changes the model
        } else if (frame > 45 && next < changes.size()) {
            if (changed_at < 0) {
                changes[next].apply(state);
                changed_at = frame;
            } else if (frame == changed_at + 2) {  // one whole frame drawn since the change
                if (std::string why = disagreement(state); !why.empty()) failures.push_back(changes[next].name + ": " + why);
                ++next;
                changed_at = -1;
            }
        } else if (next == changes.size()) {
            state.quit_requested = true;
        }
    });
    EXPECT_EQ(status, 0);
    EXPECT_EQ(next, changes.size()) << "the run ended before every change was tried";
    for (const std::string& failure : failures) ADD_FAILURE() << failure;
}

// Paused, the planes were computed in the frame whatever they cost (~100 ms at 8 × 64 for every
// hovered unit or frame of a drag). Dearer than the frame's budget, they are drawn on the worker as
// while training plays, and the frames that follow take them in: a few frames later every picture
// is of the model again. And while the picture asked for changes every frame (a drag of the view,
// here driven through update_planes with the panel out of sight), the worker's pictures are shown
// as they come, though each is of a request already gone: they were dropped, and the plane froze
// until the drag stopped.
TEST(ClassifierCurrent, DearPlanesWhilePausedAreDrawnBesideTheFrameAndArrive) {
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.width = 1000;
    launch.height = 700;
    launch.panel = "classifier";
    launch.frames = 3000;  // an upper bound: the hook quits once the pictures have followed
    int changed_at = -1, current_at = -1, pictures_followed = 0;
    double worker_ms_before = -1, worker_ms_after = 0;
    double shown_x_min = -99;
    PlaneRequest dragged;
    std::string why = "never changed";
    const int status = run(launch, [&](AppState& state, GLFWwindow*, int frame) {
        ClassifierSettings& settings = state.classifier.settings;
        ClassifierLive& live = state.classifier.live;
        if (frame == 0) {
            settings.run.playing = false;
            settings.architecture.hidden = {64, 64, 64};  // a plane pass of tens of milliseconds
            settings.run.frame_budget_ms = 1;              // dear against this budget
        } else if (frame == 10) {
            worker_ms_before = live.worker_plane_ms();  // paused from the start: never used
            live.single_step();
            changed_at = frame;
        } else if (changed_at > 0 && current_at < 0 && frame > changed_at + 1) {
            why = disagreement(state);
            if (why.empty()) current_at = frame, worker_ms_after = live.worker_plane_ms();
        } else if (current_at > 0 && frame == current_at + 1) {
            state.maximised_panel = panel_index(PanelId::Activations);  // only this hook asks for planes now
            dragged = live.shown_request();
        } else if (current_at > 0 && pictures_followed < 3 && frame < current_at + 2500) {
            // Under ASan, beside a parallel test, the worker's low-priority pass can take seconds.
            dragged.view.x_min += 0.01;  // the view panned a little every frame: never the same request
            dragged.view.x_max += 0.01;
            PlaneColours colours;
            colours.palette = {Rgb{200, 60, 60}, Rgb{60, 200, 60}, Rgb{60, 60, 200}};
            colours.count_ramp = {0xff000000u, 0xffffffffu};
            live.update_planes(dragged, colours, settings.run.frame_budget_ms);
            const double shown_x = live.shown_request().view.x_min;
            if (shown_x != shown_x_min) ++pictures_followed, shown_x_min = shown_x;
        } else if (current_at > 0) {
            state.quit_requested = true;
        }
    });
    EXPECT_EQ(status, 0);
    EXPECT_EQ(worker_ms_before, 0);
    EXPECT_GT(current_at, 0) << "the planes never caught up: " << why;
    EXPECT_GT(worker_ms_after, 0) << "the paused planes were computed in the frame";
    EXPECT_GE(pictures_followed, 3) << "the pictures stopped following a request that changes every frame";
}

}  // namespace
}  // namespace actviz::app
