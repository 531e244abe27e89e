// Issue 7's Speed section: seven contestants (the classic comparison) of a 2-32-32-32-32-3 network
// at full batch on the 600-point 3-arm spiral, Adam. The issue asks ≥ 60 steps/s each with the GUI
// at 60 fps on 2 cores, i.e. one lockstep step of all seven in well under ~8 ms of one core.
//   Lockstep7            one optimiser step of all seven (what step_within repeats inside a frame)
//   Lockstep7WithRecord  one step plus one full evaluation each (the history the charts show)
//   Build7               a new contest of the seven, up to its first record
//   Contestant/<name>    one step of one contestant, to see which activation costs what

#include <benchmark/benchmark.h>

#include "core/bakeoff.hpp"

#include "spiral600.hpp"

namespace {

constexpr const char* kSeven[] = {"sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu", "silu"};

actviz::BakeoffConfig seven_way(std::initializer_list<const char*> names) {
    actviz::BakeoffConfig config;
    config.trainer.model.hidden = {32, 32, 32, 32};
    config.trainer.model.classes = 3;
    config.trainer.optimizer.kind = actviz::OptimizerKind::Adam;
    config.trainer.optimizer.learning_rate = 0.01;
    for (const char* name : names) {
        const actviz::Activation* activation = actviz::find_activation(name);
        config.activations.push_back({activation, activation->defaults()});
    }
    return config;
}

actviz::BakeoffConfig seven_way() {
    actviz::BakeoffConfig config = seven_way({});
    for (const char* name : kSeven) {
        const actviz::Activation* activation = actviz::find_activation(name);
        config.activations.push_back({activation, activation->defaults()});
    }
    return config;
}

void BM_Bakeoff_Lockstep7_2_32x4_3_FullBatch600(benchmark::State& state) {
    actviz::Bakeoff bakeoff(spiral600(), seven_way());
    for (int i = 0; i < bakeoff.size(); ++i) bakeoff.contestant(i).update(10);  // warm: buffers sized
    for (auto _ : state) {
        for (int i = 0; i < bakeoff.size(); ++i) benchmark::DoNotOptimize(bakeoff.contestant(i).update(1));
    }
    state.counters["steps_per_s_each"] = benchmark::Counter(1, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Bakeoff_Lockstep7_2_32x4_3_FullBatch600)->Unit(benchmark::kMillisecond);

// A new contest: what every change of its settings costs before its first step (seven trainers,
// each with its layers' inactivity rules and a first record choosing the histograms' ranges).
void BM_Bakeoff_Build7_2_32x4_3_FullBatch600(benchmark::State& state) {
    const auto data = spiral600();
    const actviz::BakeoffConfig config = seven_way();
    for (auto _ : state) {
        actviz::Bakeoff bakeoff(data, config);
        benchmark::DoNotOptimize(bakeoff.size());
    }
}
BENCHMARK(BM_Bakeoff_Build7_2_32x4_3_FullBatch600)->Unit(benchmark::kMillisecond);

void BM_Bakeoff_Lockstep7WithRecord_2_32x4_3_FullBatch600(benchmark::State& state) {
    actviz::Bakeoff bakeoff(spiral600(), seven_way());
    bakeoff.step(10);
    for (auto _ : state) benchmark::DoNotOptimize(bakeoff.step(1));
}
BENCHMARK(BM_Bakeoff_Lockstep7WithRecord_2_32x4_3_FullBatch600)->Unit(benchmark::kMillisecond);

void BM_Bakeoff_Contestant_2_32x4_3_FullBatch600(benchmark::State& state) {
    const char* name = kSeven[state.range(0)];
    state.SetLabel(name);
    actviz::Bakeoff bakeoff(spiral600(), seven_way({name}));
    bakeoff.contestant(0).update(10);
    for (auto _ : state) benchmark::DoNotOptimize(bakeoff.contestant(0).update(1));
}
BENCHMARK(BM_Bakeoff_Contestant_2_32x4_3_FullBatch600)->DenseRange(0, 6)->Unit(benchmark::kMicrosecond);

}  // namespace
