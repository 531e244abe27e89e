// GradflowLive driven from the test thread as the panel drives it from the UI thread: settings
// change while the worker computes, and what the panel then shows must belong to the latest request.

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <utility>

#include "app/gradflow/gradflow_live.hpp"

namespace actviz::app {
namespace {

using namespace std::chrono_literals;

// Small enough that a curve finishes in microseconds, so the worker is often between computing a
// curve and storing it when the next request arrives.
GradflowSimulation tiny_simulation(int curve_count) {
    GradflowSimulation simulation;
    simulation.depth = 2;
    simulation.width = 2;
    simulation.batch = 2;
    const GradflowCurve first = simulation.curves.front();
    simulation.curves.assign(static_cast<size_t>(curve_count), first);
    for (int c = 0; c < curve_count; ++c) simulation.curves[c].gain = 0.5f + 0.25f * static_cast<float>(c);
    return simulation;
}

// Waits for the worker to finish the latest request (a deadline only so a hang fails, not a measurement).
GradflowSnapshot finished_snapshot(const GradflowLive& live) {
    GradflowSnapshot snapshot = live.snapshot();
    for (int i = 0; i < 60'000 && snapshot.busy; ++i) {
        std::this_thread::sleep_for(1ms);
        snapshot = live.snapshot();
    }
    return snapshot;
}

TEST(GradflowLive, SwitchingBetweenSixCurvesAndOneAsFastAsPossibleShowsOnlyTheLatestSettings) {
    // Switching the settings between 6 curves and 1 curve quickly used to end in a heap-buffer-overflow
    // on the worker thread: a job that had just finished curve i > 0 of its 6 stored it into the
    // snapshot the new 1-curve request had already resized, before the request's cancel reached it.
    // The window is a few microseconds, so this catches it only now and then (under ASan, or as a
    // stale map cell); the next test opens the same hole wide.
    const GradflowSimulation six = tiny_simulation(6), one = tiny_simulation(1);
    GradflowLive live;
    for (int i = 0; i < 3000; ++i) {
        live.request(six);
        // Switch back once the worker is inside the six curves (it runs at a lower priority, so
        // without waiting most requests would replace a job before it starts), as a user would
        // while the panel shows the first results.
        for (int spin = 0; spin < 100'000 && !live.snapshot().curves[0]; ++spin) std::this_thread::yield();
        live.request(one);
    }

    const GradflowSnapshot snapshot = finished_snapshot(live);
    ASSERT_FALSE(snapshot.busy);
    EXPECT_TRUE(snapshot.error.empty()) << snapshot.error;
    ASSERT_EQ(snapshot.curves.size(), 1u);
    ASSERT_TRUE(snapshot.curves[0].has_value());
    // The shown curve is the 1-curve request's own result, not one a cancelled job left behind.
    const GradflowResult expected = simulate_gradient_flow(one.config_for(0));
    ASSERT_EQ(snapshot.curves[0]->layers.size(), expected.layers.size());
    for (size_t l = 0; l < expected.layers.size(); ++l) {
        EXPECT_EQ(snapshot.curves[0]->layers[l].weight_grad_norm, expected.layers[l].weight_grad_norm) << "layer " << l + 1;
    }
    EXPECT_EQ(snapshot.map_cells_done, static_cast<int>(kMapDepths.size() * kMapGains.size()));
    // Each cell is the run map_cell_config describes, at its own place: [depth][gain].
    for (const auto& [d, g] : {std::pair<size_t, size_t>{3, 7}, {10, 1}}) {
        ASSERT_TRUE(snapshot.map[d][g].has_value());
        const GradflowMapCell expected = map_cell_of(simulate_gradient_flow(map_cell_config(one, d, g)));
        EXPECT_EQ(snapshot.map[d][g]->first.weight_grad_norm, expected.first.weight_grad_norm) << d << ", " << g;
        EXPECT_EQ(snapshot.map[d][g]->last.weight_grad_norm, expected.last.weight_grad_norm) << d << ", " << g;
    }
}

TEST(GradflowLive, SwitchingFromSixCurvesToOneThatCannotRunLeavesNothingOfTheOldRun) {
    // A refused request (one curve over the memory budget) used to reset the snapshot to one slot
    // without stopping the 6-curve job, which went on storing curves 1 to 5 past its end.
    GradflowSimulation six = tiny_simulation(6);
    six.depth = 40;  // a few milliseconds a curve: the old job is still in its curves after the switch
    six.width = 16;
    six.batch = 64;
    GradflowSimulation too_big = tiny_simulation(1);
    too_big.depth = kGradflowMaxDepth;
    too_big.width = kGradflowMaxWidth;
    too_big.batch = kGradflowMaxBatch;
    GradflowLive live;
    live.request(six);
    for (int spin = 0; spin < 10'000'000 && !live.snapshot().curves[0]; ++spin) std::this_thread::yield();
    live.request(too_big);
    // Long enough for the old job to have stored its next curves and map cells had it carried on.
    for (int i = 0; i < 200; ++i) {
        const GradflowSnapshot snapshot = live.snapshot();
        ASSERT_EQ(snapshot.curves.size(), 1u);
        ASSERT_FALSE(snapshot.curves[0].has_value()) << "a result of the old settings is shown";
        ASSERT_EQ(snapshot.map_cells_done, 0) << "map cells of the old settings are shown";
        ASSERT_FALSE(snapshot.busy);
        ASSERT_NE(snapshot.error.find("memory budget"), std::string::npos) << snapshot.error;
        std::this_thread::sleep_for(5ms);
    }
    // Back to settings that fit: computed afresh, as if the refused ones had never been asked for.
    const GradflowSimulation one = tiny_simulation(1);
    live.request(one);
    const GradflowSnapshot snapshot = finished_snapshot(live);
    ASSERT_EQ(snapshot.curves.size(), 1u);
    ASSERT_TRUE(snapshot.curves[0].has_value());
    EXPECT_EQ(snapshot.curves[0]->layers.back().weight_grad_norm,
              simulate_gradient_flow(one.config_for(0)).layers.back().weight_grad_norm);
    EXPECT_EQ(snapshot.map_cells_done, static_cast<int>(kMapDepths.size() * kMapGains.size()));
}

}  // namespace
}  // namespace actviz::app
