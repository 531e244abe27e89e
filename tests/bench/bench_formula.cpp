// A typed activation against the built-in it spells (README's Speed table, issue: at most 5× a
// built-in of similar complexity). Argument 0 = the built-in, 1 = the same function typed:
//   Kernel     f and f′ of 65536 float32 inputs through the training kernel (LayerKernel)
//   Gradflow   the gradient-flow pass, depth 200 × width 256 × batch 256, float64 and float32
//   TrainStep  one full-batch Adam step, 600 spiral points, 2-64-64-64-3
// silu is x·σ(x); max(0, x) is relu (the piecewise ops).

#include <benchmark/benchmark.h>

#include <vector>

#include "core/custom_activation.hpp"
#include "core/dataset.hpp"
#include "core/gradflow.hpp"
#include "core/layer_kernel.hpp"
#include "core/trainer.hpp"

#include "spiral600.hpp"

namespace {

const actviz::Activation& typed(const char* name, const char* formula) {
    actviz::CustomActivationSpec spec;
    spec.name = name;
    spec.formula = formula;
    return *actviz::define_custom_activation(spec).activation;
}

// 0: the built-in `builtin`, 1: `formula` typed.
const actviz::Activation& chosen(const benchmark::State& state, const char* builtin, const char* formula) {
    return state.range(0) == 0 ? *actviz::find_activation(builtin) : typed((std::string("typed ") + builtin).c_str(), formula);
}

void kernel_case(benchmark::State& state, const char* builtin, const char* formula) {
    const actviz::Activation& activation = chosen(state, builtin, formula);
    const actviz::detail::LayerKernel<float> kernel(activation, activation.defaults());
    std::vector<float> u(65536), f(u.size()), df(u.size());
    for (size_t i = 0; i < u.size(); ++i) u[i] = -8.0f + 16.0f * static_cast<float>(i) / static_cast<float>(u.size());
    for (auto _ : state) {
        kernel.apply(u.data(), f.data(), df.data(), static_cast<Eigen::Index>(u.size()));
        benchmark::DoNotOptimize(f.data());
        benchmark::DoNotOptimize(df.data());
    }
    state.SetLabel(std::string(activation.name));
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(u.size()));
}
void BM_FormulaKernel_Silu(benchmark::State& state) { kernel_case(state, "silu", "x * sigmoid(x)"); }
BENCHMARK(BM_FormulaKernel_Silu)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
void BM_FormulaKernel_Relu(benchmark::State& state) { kernel_case(state, "relu", "max(0, x)"); }
BENCHMARK(BM_FormulaKernel_Relu)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void BM_FormulaGradflow_Silu(benchmark::State& state) {
    actviz::GradflowConfig config;
    config.depth = 200;
    config.width = 256;
    config.batch = 256;
    config.activation = &chosen(state, "silu", "x * sigmoid(x)");
    config.init = actviz::InitScheme::HeNormal;
    config.float32 = state.range(1) != 0;
    const actviz::Network network = actviz::make_network(config);
    const actviz::GradflowBatch data = actviz::make_batch(config);
    for (auto _ : state) benchmark::DoNotOptimize(actviz::simulate_gradient_flow(config, network, data).layers.data());
    state.SetLabel(std::string(config.activation->name) + (config.float32 ? " float32" : " float64"));
}
BENCHMARK(BM_FormulaGradflow_Silu)->ArgsProduct({{0, 1}, {0, 1}})->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_FormulaTrainStep_Silu(benchmark::State& state) {
    actviz::TrainerConfig config;
    config.model.hidden = {64, 64, 64};
    config.model.classes = 3;
    const actviz::Activation& activation = chosen(state, "silu", "x * sigmoid(x)");
    config.model.activations = {{&activation, activation.defaults()}};
    config.optimizer.kind = actviz::OptimizerKind::Adam;
    config.optimizer.learning_rate = 0.01;
    actviz::Trainer trainer(spiral600(), config);
    trainer.update(20);
    for (auto _ : state) benchmark::DoNotOptimize(trainer.update(1));
    state.SetLabel(std::string(activation.name));
}
BENCHMARK(BM_FormulaTrainStep_Silu)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace
