// Gradient-flow simulation, the cases of README's Speed table and of the peers in
// /work/shared/peers (bench_torch.py / bench_numpy.py, section C): sigmoid, Xavier, batch 256,
// one forward + backward pass with every per-layer statistic. The network and data are built once
// outside the timed loop, as the peers do. Arguments: depth, width, float32 (0/1), threads (0 = all).

#include <benchmark/benchmark.h>

#include "core/gradflow.hpp"

namespace {

actviz::GradflowConfig bench_config(const benchmark::State& state) {
    actviz::GradflowConfig config;
    config.depth = static_cast<int>(state.range(0));
    config.width = static_cast<int>(state.range(1));
    config.batch = 256;
    config.activation = actviz::find_activation("sigmoid");
    config.init = actviz::InitScheme::XavierUniform;
    config.float32 = state.range(2) != 0;
    return config;
}

void BM_GradflowPass(benchmark::State& state) {
    const actviz::GradflowConfig config = bench_config(state);
    const actviz::Network network = actviz::make_network(config);
    const actviz::GradflowBatch data = actviz::make_batch(config);
    actviz::GradflowControl control;
    control.threads = static_cast<int>(state.range(3));
    for (auto _ : state) {
        const actviz::GradflowResult result = actviz::simulate_gradient_flow(config, network, data, control);
        benchmark::DoNotOptimize(result.layers.data());
    }
    state.SetLabel(std::string(config.float32 ? "float32" : "float64") +
                   " threads=" + std::to_string(state.range(3) ? state.range(3) : 0));
}
BENCHMARK(BM_GradflowPass)
    ->ArgNames({"depth", "width", "f32", "threads"})
    ->ArgsProduct({{50}, {64}, {0, 1}, {1, 2}})
    ->ArgsProduct({{200}, {256}, {0, 1}, {1, 2}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Including the seeded network (what the GUI pays when a setting changes).
void BM_GradflowWithInit(benchmark::State& state) {
    const actviz::GradflowConfig config = bench_config(state);
    actviz::GradflowControl control;
    control.threads = static_cast<int>(state.range(3));
    for (auto _ : state) benchmark::DoNotOptimize(actviz::simulate_gradient_flow(config, control).loss);
}
BENCHMARK(BM_GradflowWithInit)
    ->ArgNames({"depth", "width", "f32", "threads"})
    ->Args({50, 64, 1, 2})
    ->Args({200, 256, 1, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

namespace {

// The layer × value density map (issue 14 item 3), counted in the same pass: the pass alone and with
// the map, back to back, one thread (the counting's own cost, undiluted by the second core) and two
// (the app's worker). Arguments: depth, width, float32, threads, density (0/1).
void BM_GradflowDensity(benchmark::State& state) {
    const actviz::GradflowConfig config = bench_config(state);
    const actviz::Network network = actviz::make_network(config);
    const actviz::GradflowBatch data = actviz::make_batch(config);
    actviz::GradflowControl control;
    control.threads = static_cast<int>(state.range(3));
    control.density = state.range(4) != 0;
    for (auto _ : state) {
        const actviz::GradflowResult result = actviz::simulate_gradient_flow(config, network, data, control);
        benchmark::DoNotOptimize(result.density.get());
    }
    state.SetLabel(std::string(control.density ? "with density" : "without") + (config.float32 ? " float32" : " float64"));
}
BENCHMARK(BM_GradflowDensity)
    ->ArgNames({"depth", "width", "f32", "threads", "density"})
    ->ArgsProduct({{20}, {64}, {0}, {1, 2}, {0, 1}})
    ->ArgsProduct({{200}, {256}, {1}, {1, 2}, {0, 1}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
