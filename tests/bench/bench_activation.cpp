// f and f′ of every activation over 1e6 doubles spread over [−10, 10].

#include <benchmark/benchmark.h>

#include <vector>

#include "core/activation.hpp"
#include "core/softmax.hpp"

namespace {

const std::vector<double>& inputs() {
    static const std::vector<double> xs = [] {
        std::vector<double> values(1'000'000);
        for (size_t i = 0; i < values.size(); ++i) values[i] = -10.0 + 20.0 * static_cast<double>(i) / values.size();
        return values;
    }();
    return xs;
}

void BM_ActivationValueAndDerivative(benchmark::State& state) {
    const actviz::Activation& activation = actviz::activations()[static_cast<size_t>(state.range(0))];
    state.SetLabel(std::string(activation.name));
    const actviz::ParameterValues p = activation.defaults();
    const std::vector<double>& xs = inputs();
    std::vector<double> f(xs.size()), df(xs.size());
    for (auto _ : state) {
        for (size_t i = 0; i < xs.size(); ++i) {
            f[i] = activation.f(xs[i], p);
            df[i] = activation.df(xs[i], p);
        }
        benchmark::DoNotOptimize(f.data());
        benchmark::DoNotOptimize(df.data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(xs.size()));
}
BENCHMARK(BM_ActivationValueAndDerivative)
    ->DenseRange(0, static_cast<int>(actviz::activations().size()) - 1)
    ->Unit(benchmark::kMillisecond);

void BM_Softmax10(benchmark::State& state) {
    Eigen::VectorXd logits = Eigen::VectorXd::LinSpaced(10, -3, 4);
    for (auto _ : state) benchmark::DoNotOptimize(actviz::softmax(logits, 0.7).entropy);
}
BENCHMARK(BM_Softmax10);

}  // namespace
