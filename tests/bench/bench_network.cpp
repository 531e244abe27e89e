// The network diagram and the linear regions (issue 14, items 5 and 6): what they add to the planes'
// pass over a 256² grid, the size the Classifier computes while paused.
//   GridPlain               probabilities only: the decision plane as before
//   GridThumbnails          the same pass with every node sampled every 8 pixels (32² per node)
//   ColourThumbnails        those samples coloured and tiled into the atlas (what the frame uploads)
//   GridPatterns            the same pass writing every pixel's activation pattern
//   LabelRegions            the patterns numbered into regions (the count shown)
// for 2-16-16-3 (the default network) and 2-64×8-3 (the largest the UI allows).

#include <benchmark/benchmark.h>

#include <vector>

#include "app/classifier/classifier_thumbnails.hpp"
#include "core/dataset.hpp"
#include "core/grid.hpp"
#include "core/linear_regions.hpp"
#include "core/trainer.hpp"

namespace {

actviz::Mlp trained(std::vector<int> hidden, const char* activation) {
    actviz::DatasetConfig data;
    data.points = 600;
    data.test_ratio = 0;
    actviz::TrainerConfig config;
    config.model.hidden = std::move(hidden);
    config.model.activations = {{actviz::find_activation(activation), {}}};
    config.model.init = actviz::InitScheme::HeUniform;
    config.optimizer.kind = actviz::OptimizerKind::Adam;
    config.optimizer.learning_rate = 0.01;
    actviz::Trainer trainer(actviz::make_dataset(data), config);
    trainer.update(100);
    return trainer.mlp();
}

std::vector<int> largest() { return std::vector<int>(8, 64); }

actviz::GridView plane() {
    actviz::GridView view;
    view.width = view.height = 256;
    view.x_min = view.y_min = -6;
    view.x_max = view.y_max = 6;
    return view;
}

void grid_case(benchmark::State& state, std::vector<int> hidden, const char* activation, int stride, bool patterns) {
    const actviz::Mlp mlp = trained(std::move(hidden), activation);
    actviz::GridEvaluator evaluator(1);
    actviz::GridResult result;
    actviz::GridRequest request;
    request.thumbnail_stride = stride;
    request.activation_patterns = patterns;
    for (auto _ : state) {
        evaluator.evaluate(mlp, plane(), request, result);
        benchmark::DoNotOptimize(result.probabilities.data());
    }
}

void colour_case(benchmark::State& state, std::vector<int> hidden) {
    const actviz::Mlp mlp = trained(std::move(hidden), "tanh");
    actviz::GridEvaluator evaluator(1);
    actviz::GridResult result;
    actviz::GridRequest request;
    request.thumbnail_stride = 8;
    evaluator.evaluate(mlp, plane(), request, result);
    const std::vector<actviz::app::Rgb> palette = {{200, 80, 80}, {80, 200, 80}, {80, 80, 200}};
    actviz::app::ThumbnailAtlas atlas;
    std::vector<std::uint32_t> pixels;
    for (auto _ : state) {
        actviz::app::colour_thumbnails(result.thumbnails, palette, {20, 20, 24}, atlas, pixels);
        benchmark::DoNotOptimize(pixels.data());
    }
}

void label_case(benchmark::State& state, std::vector<int> hidden) {
    const actviz::Mlp mlp = trained(std::move(hidden), "relu");
    actviz::GridEvaluator evaluator(1);
    actviz::GridResult result;
    actviz::GridRequest request;
    request.probabilities = false;
    request.activation_patterns = true;
    evaluator.evaluate(mlp, plane(), request, result);
    actviz::LinearRegions regions;
    for (auto _ : state) {
        actviz::label_linear_regions(result.patterns, result.pattern_words, 256u * 256u, regions);
        benchmark::DoNotOptimize(regions.region.data());
    }
    state.counters["regions"] = regions.count;
}

}  // namespace

BENCHMARK_CAPTURE(grid_case, GridPlain_16x16_tanh, {16, 16}, "tanh", 0, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(grid_case, GridThumbnails_16x16_tanh, {16, 16}, "tanh", 8, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(grid_case, GridPlain_64x8_relu, largest(), "relu", 0, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(grid_case, GridThumbnails_64x8_relu, largest(), "relu", 8, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(colour_case, ColourThumbnails_16x16, {16, 16})->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(colour_case, ColourThumbnails_64x8, largest())->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(grid_case, GridPlain_16x16_relu, {16, 16}, "relu", 0, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(grid_case, GridPatterns_16x16_relu, {16, 16}, "relu", 0, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(grid_case, GridPatterns_64x8_relu, largest(), "relu", 0, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(label_case, LabelRegions_16x16_relu, {16, 16})->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(label_case, LabelRegions_64x8_relu, largest())->Unit(benchmark::kMillisecond);
