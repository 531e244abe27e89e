// Google Benchmark cases for actviz's hot paths. Built by default, never run by the tests:
//   build/tests/actviz_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

#include <benchmark/benchmark.h>

#include "core/rng.hpp"

namespace {

void BM_RngNormal(benchmark::State& state) {
    actviz::Rng rng(1);
    for (auto _ : state) benchmark::DoNotOptimize(rng.normal());
}
BENCHMARK(BM_RngNormal);

}  // namespace

BENCHMARK_MAIN();
