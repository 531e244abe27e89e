// Units on their curves (issue 14): the z histograms counted in record()'s forward pass. What they
// add to a GUI tick is count_z over every hidden layer's z and f′ (units × training points).
//   count_z, 2-16-16-3 tanh, 600 spiral points: both layers (the Classifier's default network)
//   count_z, 2-64-64-64-3 ReLU: the three layers of a large network
//   Trainer::step(1) with its record(), histograms included, for the share they take

#include <benchmark/benchmark.h>

#include "core/dataset.hpp"
#include "core/trainer.hpp"
#include "core/z_histogram.hpp"

#include "spiral600.hpp"

namespace {

actviz::Trainer make_trainer(std::vector<int> hidden, const char* activation) {
    actviz::TrainerConfig config;
    config.model.hidden = std::move(hidden);
    config.model.classes = 3;
    config.model.activations = {{actviz::find_activation(activation), {}}};
    config.optimizer.kind = actviz::OptimizerKind::Adam;
    config.optimizer.learning_rate = 0.01;
    return actviz::Trainer(spiral600(), config);
}

void count_case(benchmark::State& state, std::vector<int> hidden, const char* activation) {
    actviz::Trainer trainer = make_trainer(hidden, activation);
    trainer.update(50);
    // The pass record() runs, of our own, in float32 as the app trains.
    const auto& points = trainer.data().train;
    const auto n = static_cast<Eigen::Index>(points.size());
    actviz::MatrixF input(2, n);
    for (Eigen::Index i = 0; i < n; ++i) {
        input(0, i) = static_cast<float>(points[static_cast<size_t>(i)].x);
        input(1, i) = static_cast<float>(points[static_cast<size_t>(i)].y);
    }
    actviz::PassWorkspace<float> work;
    work.resize(trainer.mlp(), n);
    actviz::forward<float>(trainer.mlp(), input, work);
    std::vector<actviz::LayerZHistogram> histograms(hidden.size(), trainer.z_histograms().front());
    for (auto _ : state) {
        for (size_t h = 0; h < hidden.size(); ++h) {
            actviz::count_z<float>(work.z[h], work.df[h], trainer.mlp().inactivity(static_cast<int>(h)), histograms[h]);
        }
        benchmark::DoNotOptimize(histograms.data());
    }
    state.counters["pairs"] = static_cast<double>(n) * static_cast<double>(trainer.mlp().units(0)) * static_cast<double>(hidden.size());
}

void BM_ZHistogram_Count_2_16_16_3_Tanh(benchmark::State& state) { count_case(state, {16, 16}, "tanh"); }
BENCHMARK(BM_ZHistogram_Count_2_16_16_3_Tanh)->Unit(benchmark::kMicrosecond);

void BM_ZHistogram_Count_2_64_64_64_3_Relu(benchmark::State& state) { count_case(state, {64, 64, 64}, "relu"); }
BENCHMARK(BM_ZHistogram_Count_2_64_64_64_3_Relu)->Unit(benchmark::kMicrosecond);

}  // namespace
