// The Classifier's planes drawn on a worker while training plays (plane_worker.hpp): the pictures
// are exactly those of the weights the worker was handed, however the UI thread changes the network
// meanwhile, and a busy worker takes no second job (no queue of stale pictures). No display needed:
// the worker makes pixels, ClassifierLive uploads them.

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <thread>
#include <vector>

#include "app/classifier/classifier_planes.hpp"
#include "app/classifier/plane_worker.hpp"
#include "core/trainer.hpp"

namespace actviz::app {
namespace {

Mlp trained_net(std::vector<int> hidden) {
    DatasetConfig data;
    data.kind = DatasetKind::Spiral;
    data.points = 300;
    data.test_ratio = 0;
    TrainerConfig config;
    config.model.hidden = std::move(hidden);
    config.model.activations = {{find_activation("relu"), {}}};
    Trainer trainer(make_dataset(data), config);
    trainer.update(200);
    return trainer.mlp();
}

PlaneRequest every_picture(int side) {
    PlaneRequest request;
    request.view.width = request.view.height = side;
    request.unit_layer = 0;
    request.unit = 3;
    request.thumbnail_samples = 16;
    request.linear_regions = true;
    return request;
}

PlaneColours theme() {
    PlaneColours colours;
    colours.palette = {{230, 90, 60}, {60, 140, 230}, {90, 200, 110}};
    colours.background = {20, 20, 26};
    for (int i = 0; i < 256; ++i) colours.count_ramp.push_back(pack_rgba(static_cast<std::uint8_t>(i), 0, 0));
    colours.unit_on = pack_rgba(250, 214, 90);
    colours.unit_off = pack_rgba(40, 36, 60);
    return colours;
}

// Waits for the worker's pictures (a generous bound: ASan, a loaded machine).
bool wait_for(PlaneWorker& worker, PlanePictures& out, std::uint64_t& version) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!worker.take(out, version)) {
        if (std::chrono::steady_clock::now() > give_up) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

// The same pass gives the same numbers up to float32 rounding: where a buffer happens to sit in
// memory decides how a vectorised loop splits its first elements, hence an ulp here and there.
float largest_difference(const std::vector<float>& a, const std::vector<float>& b) {
    if (a.size() != b.size()) return 1e30f;
    float largest = 0;
    for (size_t i = 0; i < a.size(); ++i) largest = std::max(largest, std::fabs(a[i] - b[i]));
    return largest;
}
int largest_channel_difference(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    if (a.size() != b.size()) return 256;
    int largest = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        for (int shift = 0; shift < 32; shift += 8) {
            largest = std::max(largest, std::abs(static_cast<int>((a[i] >> shift) & 255u) - static_cast<int>((b[i] >> shift) & 255u)));
        }
    }
    return largest;
}

void expect_same_pictures(const PlanePictures& a, const PlanePictures& b) {
    EXPECT_LT(largest_difference(a.grid.probabilities, b.grid.probabilities), 1e-5f);
    EXPECT_EQ(a.grid.inactive_count, b.grid.inactive_count);
    EXPECT_LT(largest_difference(a.grid.thumbnails.values, b.grid.thumbnails.values), 1e-5f);
    EXPECT_LE(largest_channel_difference(a.regions, b.regions), 1);
    EXPECT_EQ(a.counts, b.counts);
    EXPECT_EQ(a.unit, b.unit);
    EXPECT_LE(largest_channel_difference(a.thumbnails, b.thumbnails), 1);
    EXPECT_EQ(a.linear_regions.count, b.linear_regions.count);
}

TEST(PlaneWorker, DrawsTheWeightsItWasHandedWhateverTheNetworkBecomesMeanwhile) {
    Mlp net = trained_net({16, 16});
    const Mlp handed = net;
    const PlaneRequest request = every_picture(96);
    const PlaneColours colours = theme();
    PlaneWorker worker;
    ASSERT_TRUE(worker.start(net, request, colours, 41));
    // The UI thread trains on at once: the worker must not be reading these weights.
    net.parameters() *= -0.5;
    PlanePictures drawn;
    std::uint64_t version = 0;
    ASSERT_TRUE(wait_for(worker, drawn, version)) << "the worker never finished";
    EXPECT_EQ(version, 41u);

    GridEvaluator here(1);
    PlanePictures expected, of_changed;
    compute_planes(handed, request, colours, here, expected);
    expect_same_pictures(drawn, expected);
    compute_planes(net, request, colours, here, of_changed);
    EXPECT_GT(largest_difference(drawn.grid.probabilities, of_changed.grid.probabilities), 0.1f)
        << "the change should show: else this test proves nothing";
    EXPECT_GT(drawn.linear_regions.count, 1);
    EXPECT_FALSE(drawn.unit.empty());
    EXPECT_FALSE(drawn.thumbnails.empty());

    PlanePictures again;
    EXPECT_FALSE(worker.take(again, version)) << "pictures are taken once";
}

TEST(PlaneWorker, ABusyWorkerTakesNoSecondJobAndLaterJobsReuseNothingStale) {
    const Mlp first = trained_net({32, 32, 32});
    Mlp second = first;
    second.parameters() *= 0.25;
    const PlaneColours colours = theme();
    PlaneWorker worker;
    ASSERT_TRUE(worker.start(first, every_picture(384), colours, 1));  // tens of ms: long past the next line
    EXPECT_FALSE(worker.start(second, every_picture(512), colours, 2)) << "a second job queued behind the first";
    PlanePictures drawn;
    std::uint64_t version = 0;
    ASSERT_TRUE(wait_for(worker, drawn, version));
    EXPECT_EQ(version, 1u);
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (worker.busy() && std::chrono::steady_clock::now() < give_up) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    // Buffers go from the job to the taker and back to a later job: over several jobs of other sizes
    // and other pictures each result must be exactly its own, nothing of an earlier one left in it.
    struct Job {
        int side;
        bool unit, thumbnails, linear;
    };
    const Job jobs[] = {{40, false, false, true}, {160, true, true, false}, {24, true, false, false},
                        {128, false, true, true}, {40, false, false, false}, {96, true, true, true}};
    GridEvaluator here(1);
    std::uint64_t tag = 2;
    for (const Job& job : jobs) {
        PlaneRequest request = every_picture(job.side);
        if (!job.unit) request.unit_layer = request.unit = -1;
        if (!job.thumbnails) request.thumbnail_samples = 0;
        request.linear_regions = job.linear;
        const Mlp& net = tag % 2 == 0 ? second : first;
        while (worker.busy() && std::chrono::steady_clock::now() < give_up) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ASSERT_TRUE(worker.start(net, request, colours, tag));
        ASSERT_TRUE(wait_for(worker, drawn, version));
        EXPECT_EQ(version, tag);
        PlanePictures expected;
        compute_planes(net, request, colours, here, expected);
        expect_same_pictures(drawn, expected);
        EXPECT_EQ(drawn.regions.size(), static_cast<size_t>(job.side * job.side)) << "side " << job.side;
        EXPECT_EQ(drawn.unit.empty(), !job.unit) << "side " << job.side;
        EXPECT_EQ(drawn.thumbnails.empty(), !job.thumbnails) << "side " << job.side;
        EXPECT_EQ(drawn.linear.empty(), !job.linear) << "side " << job.side;
        ++tag;
    }
}

}  // namespace
}  // namespace actviz::app
