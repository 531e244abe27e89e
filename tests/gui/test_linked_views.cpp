// Linked views in the running app (issue 14 items 2 and 4): the Bake-off's row of units-on-the-curve
// charts shows each contestant's own histogram, its all-inactive share being that contestant's dead
// (saturated) statistic for the chosen layer; the Activations page's overlay draws the Classifier's
// very histogram, of the step the Classifier is at.

#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/app_state.hpp"
#include "support/gui_test_files.hpp"

namespace actviz::app {
namespace {

using testing::have_display;

// ACTVIZ_SCREENSHOT_DIR set: pictures for README (ACTVIZ_SCREENSHOT_SIZE=WxH sets the window).
void screenshot(AppState& state, const char* name) {
    if (const char* dir = std::getenv("ACTVIZ_SCREENSHOT_DIR")) {
        state.screenshot_to = AppState::ScreenshotRequest{std::string(dir) + "/" + name, -1};
    }
}
void window_size(settings::LaunchOptions& launch) {
    if (const char* size = std::getenv("ACTVIZ_SCREENSHOT_SIZE")) std::sscanf(size, "%dx%d", &launch.width, &launch.height);
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
    window_size(launch);
    std::vector<std::string> failures;
    int checked = 0, layers_seen = 0;
    double relu_zero_slope = -1;
    const int status = run(launch, [&](AppState& state, GLFWwindow*, int frame) {
        BakeoffPanel& panel = state.bakeoff;
        if (frame == 30) panel.settings.unit_curves_layer = 2;  // the chooser: the third hidden layer
        if (frame == 58) screenshot(state, "bakeoff-unit-curves.png");
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
    window_size(launch);
    std::vector<std::string> failures;
    int compared = 0;
    // The hook runs before each frame. The Activations page draws before the Classifier trains in a
    // frame (tiled, both draw), so the overlay of frame N must be the histogram as it stood when
    // frame N began: kept from the previous call of the hook.
    std::optional<LayerZHistogram> at_frame_start;
    std::int64_t step_when_tiled = 0;
    const int status = run(launch, [&](AppState& state, GLFWwindow*, int frame) {
        if (frame == 30) {  // the Classifier has trained; now look at the Activations page with the overlay
            state.activations.settings.classifier_overlay = true;
            state.activations.settings.classifier_layer = 1;
            show_page(state, settings::panel_index(settings::PanelId::Activations));
        }
        if (frame == 45) screenshot(state, "activations-classifier-overlay.png");
        if (frame == 50) show_page(state, -1);  // every panel tiled: the Classifier trains while the overlay draws
        const Trainer* trainer = state.classifier.live.trainer();
        if (!trainer) {
            if (frame > 1) failures.push_back("no Classifier network");
            return;
        }
        if (frame == 50) step_when_tiled = trainer->steps();
        const auto& shown = state.activations.live.overlay_shown;
        if (frame > 31 && at_frame_start) {
            const LayerZHistogram& histogram = *at_frame_start;
            if (shown.layer != 1 || shown.bins != histogram.layer.bins || shown.lo != histogram.lo ||
                shown.hi != histogram.hi || shown.step != histogram.step) {
                failures.push_back("frame " + std::to_string(frame - 1) + ": the overlay is not the Classifier's layer 2");
            }
            ++compared;
        }
        at_frame_start = trainer->z_histograms()[1];
    });
    EXPECT_EQ(status, 0);
    EXPECT_GT(compared, 30);
    ASSERT_TRUE(at_frame_start);
    EXPECT_GT(at_frame_start->step, step_when_tiled) << "the Classifier trained on while tiled beside the overlay";
    for (const std::string& failure : failures) ADD_FAILURE() << failure;
}

// Gradient flow's map shows the run's own counts, switchable to the gradients; its column for a layer
// holds that layer's batch (width × batch entries), the gradients' zeros included.
TEST(LinkedViews, GradflowDensityMapIsTheRunsOwn) {
    if (!have_display()) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.width = 1600;
    launch.height = 960;
    launch.panel = "gradflow";
    launch.preset = "sigmoid-20";
    launch.frames = 400;
    window_size(launch);
    bool seen = false;
    int shots = 0;
    const int status = run(launch, [&](AppState& state, GLFWwindow*, int) {
        const GradflowSnapshot snapshot = state.gradflow.live.snapshot();
        if (snapshot.curves.empty() || !snapshot.curves[0]) return;
        const GradflowResult& result = *snapshot.curves[0];
        ASSERT_TRUE(result.density) << "the app asks for the map in the same pass";
        ASSERT_EQ(result.density->z.size(), result.layers.size());
        const GradflowSimulation& sim = state.gradflow.settings.simulation;
        for (size_t l = 0; l < result.layers.size(); ++l) {
            EXPECT_EQ(result.density->z[l].total, static_cast<std::int64_t>(sim.width) * sim.batch);
            EXPECT_EQ(result.density->gradient[l].total, static_cast<std::int64_t>(sim.width) * sim.batch);
            EXPECT_EQ(result.density->z[l].share(result.density->z[l].saturated), result.layers[l].saturated_fraction);
        }
        seen = true;
        if (shots == 0) {
            screenshot(state, "gradflow-density-z.png");
            ++shots;
        } else if (shots < 10) {  // the picture is taken a frame or two after it is asked for
            if (shots >= 4) state.gradflow.settings.density_value = DensityValue::Gradients;
            if (++shots == 10) screenshot(state, "gradflow-density-gradients.png");
        }
    });
    EXPECT_EQ(status, 0);
    EXPECT_TRUE(seen) << "the run should finish within the frames";
}

// The overlay ticked before the Classifier page was ever opened: it shows the network the Classifier's
// settings make, at step 0, where it used to ask the user to open the Classifier first.
TEST(LinkedViews, ActivationsOverlayNeedsNoVisitToTheClassifier) {
    if (!have_display()) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.width = 1280;
    launch.height = 800;
    launch.panel = "activations";
    launch.frames = 400;
    bool shown = false;
    const int status = run(launch, [&](AppState& state, GLFWwindow*, int frame) {
        if (frame == 1) state.activations.settings.classifier_overlay = true;
        const auto& overlay = state.activations.live.overlay_shown;
        const Trainer* trainer = state.classifier.live.trainer();
        if (frame > 3 && trainer && overlay.step == 0 && !overlay.bins.empty()) {
            EXPECT_EQ(trainer->steps(), 0) << "the Classifier trains only on its own page";
            EXPECT_EQ(overlay.bins, trainer->z_histograms()[0].layer.bins);
            shown = true;
            state.quit_requested = true;
        }
    });
    EXPECT_EQ(status, 0);
    EXPECT_TRUE(shown) << "the overlay never showed the Classifier's network";
}

// Not a test: with ACTVIZ_FRAME_REPORT set, prints the frame breakdown (median ms) of the Bake-off
// (spiral preset, 1280 × 800) with its units-on-the-curve row off, then on, and what the row and the
// Gradient flow's density map take to build — README's "Speed" figures. Timings are never asserted.
TEST(LinkedViews, FrameBreakdownReport) {
    if (!have_display() || !std::getenv("ACTVIZ_FRAME_REPORT")) GTEST_SKIP() << "set ACTVIZ_FRAME_REPORT to measure";
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.width = 1280;
    launch.height = 800;
    launch.panel = "bakeoff";
    launch.preset = "bakeoff-spiral";
    launch.frames = 600;
    std::vector<double> row_ms, map_ms;
    run(launch, [&](AppState& state, GLFWwindow*, int frame) {
        BakeoffPanel& panel = state.bakeoff;
        if (frame == 1) panel.settings.show_unit_curves = false;
        if (frame == 150) panel.settings.show_unit_curves = true;
        if (frame == 149 || frame == 299) {
            const FrameBreakdown& b = panel.live.breakdown();
            std::printf("bakeoff, units on the curve %s: train %.2f, thumbnails %.2f, UI %.2f, render %.2f ms\n",
                        frame == 149 ? "off" : "on ", b.median(FramePhase::Train), b.median(FramePhase::Planes),
                        b.median(FramePhase::Ui), b.median(FramePhase::Render));
        }
        if (frame > 160 && frame < 300) row_ms.push_back(panel.unit_curves_shown.draw_ms);
        if (frame == 300) show_page(state, settings::panel_index(settings::PanelId::Gradflow));
        if (frame > 450) map_ms.push_back(state.gradflow.density_map_ms);
        if (frame == 525) state.gradflow.settings.density_value = DensityValue::Gradients;
    });
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v.empty() ? 0.0 : v[v.size() / 2];
    };
    std::printf("bakeoff row of unit curves: median %.3f ms to build; gradflow density map (the page's default "
                "network, z then |dL/dz|): median %.3f ms\n", median(row_ms), median(map_ms));
}

// Not a test: with ACTVIZ_FRAME_REPORT set, prints the Classifier's frame breakdown (median ms) as the
// issue measures it — 1280 × 800, the spiral with tanh, 10 steps a frame — for each of its views of
// the plane's pictures in turn, and what the planes' pass took on the worker. Timings are never asserted.
TEST(LinkedViews, ClassifierFrameBreakdownReport) {
    if (!have_display() || !std::getenv("ACTVIZ_FRAME_REPORT")) GTEST_SKIP() << "set ACTVIZ_FRAME_REPORT to measure";
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.width = 1280;
    launch.height = 800;
    launch.panel = "classifier";
    launch.preset = "spiral-tanh";
    launch.frames = 4 * 200 + 10;
    const char* views[] = {"z on f", "inactive-unit plane", "network", "linear regions"};
    std::vector<double> worker_ms;
    run(launch, [&](AppState& state, GLFWwindow*, int frame) {
        ClassifierSettings& settings = state.classifier.settings;
        settings.run.automatic = false;
        settings.run.steps_per_frame = 10;
        settings.run.playing = true;
        const int view = frame / 200;
        if (frame % 200 == 0 && view < 4) {
            settings.view.unit_curves = view == 0;
            settings.view.network = view == 2;
            settings.view.linear_regions = view == 3;
            worker_ms.clear();
        }
        if (frame % 200 > 40) worker_ms.push_back(state.classifier.live.worker_plane_ms());
        if (frame % 200 == 199 && view < 4) {
            const FrameBreakdown& b = state.classifier.live.breakdown();
            std::sort(worker_ms.begin(), worker_ms.end());
            std::printf("classifier, %s: train %.2f, planes %.2f, UI %.2f, render %.2f ms; the planes' pass on the "
                        "worker %.2f ms (median)\n", views[view], b.median(FramePhase::Train), b.median(FramePhase::Planes),
                        b.median(FramePhase::Ui), b.median(FramePhase::Render), worker_ms[worker_ms.size() / 2]);
        }
    });
}

// Frame-to-frame times of a run, as the heavy-data reports print them.
struct FrameTimes {
    std::vector<double> ms;
    std::chrono::steady_clock::time_point last = std::chrono::steady_clock::now();
    void tick(bool counted) {
        const auto now = std::chrono::steady_clock::now();
        if (counted) ms.push_back(std::chrono::duration<double, std::milli>(now - last).count());
        last = now;
    }
    double seconds() const {
        double total = 0;
        for (double m : ms) total += m / 1000;
        return total;
    }
    void print(const char* what) const {
        std::vector<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        std::printf("%s: %.1f fps, median frame %.1f ms, 95th percentile %.1f ms, worst %.1f ms", what,
                    static_cast<double>(ms.size()) / seconds(), sorted[sorted.size() / 2], sorted[sorted.size() * 95 / 100],
                    sorted.back());
    }
};

// Not a test: with ACTVIZ_FRAME_REPORT set, prints the frame times of the Classifier training on
// 100,000 points (spiral, 4 × 32 SiLU, batch 32, automatic steps) at 1600 × 1000: an evaluation of
// all the data costs ~150 ms there, so this is where a record in the frame would show. Issue 18's
// "never freezes past its frame budget". Paused, it then takes a step, sets a weight by hand and
// undoes it, and prints the frames that follow beside what a record in the frame costs; then asks
// for a new seed and prints the frames until its network is on screen (made beside the frame).
// Timings are never asserted.
TEST(LinkedViews, ClassifierHeavyDataFrameReport) {
    if (!have_display() || !std::getenv("ACTVIZ_FRAME_REPORT")) GTEST_SKIP() << "set ACTVIZ_FRAME_REPORT to measure";
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.width = 1600;
    launch.height = 1000;
    launch.panel = "classifier";
    launch.frames = 600;  // an upper bound: the hook quits once the new network of frame 372 is in
    FrameTimes frames, paused;  // training (frames 31-329), then paused (330-359)
    FrameTimes building;        // from frame 372's new seed until the new network is on screen
    FrameTimes changes;         // the frames after a step (345), a weight edit (355) and its undo (365)
    double record_ms = 0;       // one record of the paused model, in place
    double rebuild_ms = 0;      // the new network's (100,000 points drawn, step 0 recorded)
    std::int64_t first_step = 0, last_step = 0;
    std::size_t records = 0;
    int recorded_by = -1;  // the paused frame by which the last record is of the trainer's step
    bool building_done = false;
    FrameBreakdown breakdown;
    run(launch, [&](AppState& state, GLFWwindow*, int frame) {
        ClassifierSettings& settings = state.classifier.settings;
        if (frame == 0) {
            settings.data.points = 100000;
            settings.architecture.hidden = {32, 32, 32, 32};
            settings.hyper.activation = activation_index(*find_activation("silu"));
            settings.hyper.batch = 32;
            settings.run.automatic = true;
            settings.run.playing = true;
        }
        if (frame <= 330) frames.tick(frame > 30);
        if (frame >= 330 && frame < 360) paused.tick(frame > 330);
        changes.tick(frame == 346 || frame == 356 || frame == 366);
        const Trainer* trainer = state.classifier.live.trainer();
        if (!trainer) return;
        ClassifierLive& live = state.classifier.live;
        if (frame == 345) live.single_step();
        if (frame == 355) live.edit_weight(0, 0, 0, 1.5);
        if (frame == 365) live.undo_weight_edit();
        if (frame == 370) {
            rebuild_ms = live.rebuild_ms();
            Trainer copy(*trainer);
            const auto start = std::chrono::steady_clock::now();
            copy.record();
            record_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        }
        // A new seed: a new network of 100,000 points, made beside the frame while the old one waits.
        if (frame == 372) settings.architecture.seed += 1;
        if (frame >= 372 && !building_done) {
            building.tick(frame > 372);
            building_done = frame > 372 && live.trainer_built_for(settings) != nullptr;
        }
        if (building_done) state.quit_requested = true;
        if (frame == 30) first_step = trainer->steps(), records = trainer->history().size();
        if (frame == 329) {
            breakdown = state.classifier.live.breakdown();
            last_step = trainer->steps();
            records = trainer->history().size() - records;
            settings.run.playing = false;
        }
        if (frame > 329 && recorded_by < 0 && trainer->history().back().step == trainer->steps()) recorded_by = frame - 329;
    });
    std::printf("classifier, 100,000 points: breakdown (median ms) train %.2f, planes %.2f, UI %.2f, render %.2f\n",
                breakdown.median(FramePhase::Train), breakdown.median(FramePhase::Planes), breakdown.median(FramePhase::Ui),
                breakdown.median(FramePhase::Render));
    frames.print("classifier, 100,000 points");
    std::printf("; %.0f steps/s, %zu records in %.1f s\n", static_cast<double>(last_step - first_step) / frames.seconds(),
                records, frames.seconds());
    paused.print("paused");
    std::printf("; the last step recorded by paused frame %d\n", recorded_by);
    std::printf("frames after a step, a weight edit and its undo: %.1f, %.1f, %.1f ms; a record in the frame: %.1f ms; "
                "a new network (what a slider held would cost each frame): %.1f ms\n",
                changes.ms[0], changes.ms[1], changes.ms[2], record_ms, rebuild_ms);
    if (!building.ms.empty()) {
        building.print("a new seed, until its network is on screen");
        std::printf("; %zu frames, %.0f ms in all\n", building.ms.size(), building.seconds() * 1000);
    }
}

// Not a test: with ACTVIZ_FRAME_REPORT set, prints the frame times of the Classifier paused at
// 8 × 64 GELU while the plane's picture changes every frame (the dead-unit layer shown cycles, as a
// hovered unit or a dragged view would), first with a budget every pass fits in (the planes in the
// frame, as before), then with the default 16.7 ms (dear passes on the worker). Timings are never asserted.
TEST(LinkedViews, ClassifierPausedDearPlanesFrameReport) {
    if (!have_display() || !std::getenv("ACTVIZ_FRAME_REPORT")) GTEST_SKIP() << "set ACTVIZ_FRAME_REPORT to measure";
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.width = 1600;
    launch.height = 1000;
    launch.panel = "classifier";
    launch.frames = 260;
    FrameTimes in_frame, beside;  // frames 41-140 with a budget of 1,000 ms, 161-259 with 16.7 ms
    std::vector<double> planes_in_frame, planes_beside;
    double worker_ms = 0;  // the worker's last pass
    int pictures_beside = 0, shown_layer = -99;  // new pictures shown in the second part
    run(launch, [&](AppState& state, GLFWwindow*, int frame) {
        ClassifierSettings& settings = state.classifier.settings;
        if (frame == 0) {
            settings.architecture.hidden = std::vector<int>(8, 64);
            settings.hyper.activation = activation_index(*find_activation("gelu"));
            settings.run.playing = false;
            settings.run.frame_budget_ms = 1000;
        }
        if (frame == 150) settings.run.frame_budget_ms = 16.7;
        if (frame >= 40) settings.view.dead_layer = frame % 8;
        in_frame.tick(frame > 40 && frame <= 140);
        beside.tick(frame > 160);
        if (frame > 40 && frame <= 140) planes_in_frame.push_back(state.classifier.live.planes_ms());
        if (frame > 160) planes_beside.push_back(state.classifier.live.planes_ms());
        if (frame > 160 && state.classifier.live.shown_request().dead_layer != shown_layer) {
            shown_layer = state.classifier.live.shown_request().dead_layer;
            ++pictures_beside;
        }
        worker_ms = state.classifier.live.worker_plane_ms();
    });
    for (auto* planes : {&planes_in_frame, &planes_beside}) std::sort(planes->begin(), planes->end());
    in_frame.print("paused, 8 × 64, the picture changing every frame, planes in the frame");
    std::printf("; planes on the UI thread %.1f ms (median)\n", planes_in_frame[planes_in_frame.size() / 2]);
    beside.print("the same, dear planes beside the frame");
    std::printf("; planes on the UI thread %.1f ms (median), the worker's pass %.1f ms, %d new pictures in %zu frames\n",
                planes_beside[planes_beside.size() / 2], worker_ms, pictures_beside, planes_beside.size());
}

// Not a test: with ACTVIZ_FRAME_REPORT set, prints the frame times of the Bake-off's default contest
// at the most the panel allows per contestant, 5,000 points and 8 × 64, two seeds, at 1600 × 1000: its records
// evaluate every contestant on all the data. Then a new learning rate: the frames until its contest
// is on screen (made beside the frame). Timings are never asserted.
TEST(LinkedViews, BakeoffHeavyDataFrameReport) {
    if (!have_display() || !std::getenv("ACTVIZ_FRAME_REPORT")) GTEST_SKIP() << "set ACTVIZ_FRAME_REPORT to measure";
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.width = 1600;
    launch.height = 1000;
    launch.panel = "bakeoff";
    launch.frames = 600;  // an upper bound: the hook quits once the new contest of frame 330 is in
    FrameTimes frames;
    FrameTimes building;  // from frame 330's new learning rate until its contest is on screen
    const Bakeoff* old_contest = nullptr;
    bool building_done = false;
    std::int64_t first_step = 0, last_step = 0;
    std::size_t records = 0;
    int contestants = 0;
    double rebuild_ms = 0;  // the contest's (what a slider held would cost each frame)
    FrameBreakdown breakdown;
    run(launch, [&](AppState& state, GLFWwindow*, int frame) {
        BakeoffSettings& settings = state.bakeoff.settings;
        if (frame == 0) {
            settings.contest.data.points = 5000;
            settings.contest.architecture.hidden = std::vector<int>(8, 64);
            settings.seeds = 2;  // five, the default, would be over the default memory budget
            settings.playing = true;
        }
        if (frame <= 330) frames.tick(frame > 30);
        const Bakeoff* bakeoff = state.bakeoff.live.bakeoff();
        if (frame == 330) old_contest = bakeoff, settings.contest.hyper.learning_rate *= 2;
        if (frame >= 330 && !building_done) {
            building.tick(frame > 330);
            building_done = frame > 330 && bakeoff != old_contest;
        }
        if (building_done) state.quit_requested = true;
        if (frame == 329 && !bakeoff) std::printf("no contest: %s\n", state.bakeoff.live.error().c_str());
        if (!bakeoff) return;
        const Trainer& first = bakeoff->contestant(0).trainer();
        if (frame == 30) first_step = first.steps(), records = first.history().size();
        if (frame == 329) {
            last_step = first.steps();
            records = first.history().size() - records;
            contestants = bakeoff->size();
            breakdown = state.bakeoff.live.breakdown();
            rebuild_ms = state.bakeoff.live.rebuild_ms();
        }
    });
    std::printf("bake-off, 5,000 points, 8 × 64: breakdown (median ms) train %.2f, thumbnails %.2f, UI %.2f, render %.2f\n",
                breakdown.median(FramePhase::Train), breakdown.median(FramePhase::Planes), breakdown.median(FramePhase::Ui),
                breakdown.median(FramePhase::Render));
    frames.print("bake-off, 5,000 points, 8 × 64");
    std::printf("; %d contestants on the UI thread, %.0f lockstep steps/s, %zu records each in %.1f s; a new contest %.0f ms\n",
                contestants, static_cast<double>(last_step - first_step) / frames.seconds(), records, frames.seconds(), rebuild_ms);
    if (!building.ms.empty()) {
        building.print("a new learning rate, until its contest is on screen");
        std::printf("; %zu frames, %.0f ms in all\n", building.ms.size(), building.seconds() * 1000);
    }
}

}  // namespace
}  // namespace actviz::app
