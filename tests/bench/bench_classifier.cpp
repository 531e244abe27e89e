// The classifier's hot paths (README's Speed table), to read against the peers
// (/work/shared/peers: bench_torch.py and bench_numpy.py --only AB --threads 1):
//   A1  one full-batch Adam step, 600 spiral points, 2-16-16-3 tanh
//   A2  one batch-10 Adam step, same net
//   A3  one full-batch Adam step, 2-64-64-64-3 ReLU
//   B   class probabilities over a 256² grid of the plane, 2-16-16-3 tanh (float32)
// Plus the dead-ReLU map's count pass and one Trainer::step (update + full evaluation) for context.

#include <benchmark/benchmark.h>

#include "core/dataset.hpp"
#include "core/grid.hpp"
#include "core/trainer.hpp"

#include "spiral600.hpp"

namespace {

actviz::TrainerConfig config(std::vector<int> hidden, const char* activation, int batch) {
    actviz::TrainerConfig config;
    config.model.hidden = std::move(hidden);
    config.model.classes = 3;
    config.model.activations = {{actviz::find_activation(activation), {}}};
    config.optimizer.kind = actviz::OptimizerKind::Adam;
    config.optimizer.learning_rate = 0.01;
    config.batch = batch;
    return config;
}

void run_updates(benchmark::State& state, actviz::Trainer& trainer) {
    trainer.update(20);  // warm: buffers sized, caches hot
    for (auto _ : state) benchmark::DoNotOptimize(trainer.update(1));
    state.counters["train_loss"] = trainer.last_batch_loss();
}

void BM_A1_FullBatchAdam_2_16_16_3_Tanh(benchmark::State& state) {
    actviz::Trainer trainer(spiral600(), config({16, 16}, "tanh", 0));
    run_updates(state, trainer);
}
BENCHMARK(BM_A1_FullBatchAdam_2_16_16_3_Tanh)->Unit(benchmark::kMicrosecond);

void BM_A2_Batch10Adam_2_16_16_3_Tanh(benchmark::State& state) {
    actviz::Trainer trainer(spiral600(), config({16, 16}, "tanh", 10));
    run_updates(state, trainer);
}
BENCHMARK(BM_A2_Batch10Adam_2_16_16_3_Tanh)->Unit(benchmark::kMicrosecond);

void BM_A3_FullBatchAdam_2_64_64_64_3_Relu(benchmark::State& state) {
    actviz::Trainer trainer(spiral600(), config({64, 64, 64}, "relu", 0));
    run_updates(state, trainer);
}
BENCHMARK(BM_A3_FullBatchAdam_2_64_64_64_3_Relu)->Unit(benchmark::kMicrosecond);

void BM_A3b_Batch10Adam_2_64_64_64_3_Relu(benchmark::State& state) {
    actviz::Trainer trainer(spiral600(), config({64, 64, 64}, "relu", 10));
    run_updates(state, trainer);
}
BENCHMARK(BM_A3b_Batch10Adam_2_64_64_64_3_Relu)->Unit(benchmark::kMicrosecond);

// One GUI tick's bookkeeping: a step plus the full evaluation (losses, accuracies, gradient norms, activity).
void BM_TrainerStepWithRecord_2_16_16_3_Tanh(benchmark::State& state) {
    actviz::Trainer trainer(spiral600(), config({16, 16}, "tanh", 0));
    for (auto _ : state) benchmark::DoNotOptimize(trainer.step(1));
}
BENCHMARK(BM_TrainerStepWithRecord_2_16_16_3_Tanh)->Unit(benchmark::kMicrosecond);

void grid_case(benchmark::State& state, const actviz::GridRequest& request, const char* activation, int threads = 0) {
    actviz::Trainer trainer(spiral600(), config({16, 16}, activation, 0));
    trainer.update(50);
    actviz::GridView view;
    view.width = view.height = static_cast<int>(state.range(0));
    actviz::GridEvaluator evaluator(threads);
    actviz::GridResult result;
    for (auto _ : state) {
        evaluator.evaluate(trainer.mlp(), view, request, result);
        benchmark::DoNotOptimize(result.probabilities.data());
    }
}

void BM_B_GridProbabilities_2_16_16_3_Tanh(benchmark::State& state) { grid_case(state, {}, "tanh"); }
BENCHMARK(BM_B_GridProbabilities_2_16_16_3_Tanh)->Arg(256)->Arg(512)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same on one thread, to compare with the peers' one-thread numbers.
void BM_B_GridProbabilities_2_16_16_3_Tanh_1Thread(benchmark::State& state) { grid_case(state, {}, "tanh", 1); }
BENCHMARK(BM_B_GridProbabilities_2_16_16_3_Tanh_1Thread)->Arg(256)->Arg(512)->Unit(benchmark::kMillisecond);

// What the Classifier panel asks for each frame: boundary and dead map in one pass.
void BM_GridBoundaryAndDeadMap_2_16_16_3_Relu(benchmark::State& state) {
    actviz::GridRequest request;
    request.inactive_counts = true;
    grid_case(state, request, "relu");
}
BENCHMARK(BM_GridBoundaryAndDeadMap_2_16_16_3_Relu)->Arg(256)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_GridDeadMap_2_16_16_3_Relu(benchmark::State& state) {
    actviz::GridRequest request;
    request.probabilities = false;
    request.inactive_counts = true;
    request.unit_layer = 0;
    request.unit = 3;
    grid_case(state, request, "relu");
}
BENCHMARK(BM_GridDeadMap_2_16_16_3_Relu)->Arg(256)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
