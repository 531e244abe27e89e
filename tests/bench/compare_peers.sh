#!/bin/sh
# actviz and its peers (PyTorch and NumPy, scripts in ../shared/peers) on the same work, one after
# the other in one go, so the ratios are measured on the same machine in the same state:
#   A  training steps (2-16-16-3 tanh Adam full batch 600 / batch 10; 2-64-64-64-3 ReLU)
#   B  class probabilities over 256² and 512² grids
#   C  gradient-flow simulation (depth 50 × 64, depth 200 × 256, batch 256)
# Usage: tests/bench/compare_peers.sh [build dir] [peers dir] [threads: 1|2]   (prints JSON lines and
# Google Benchmark's table; needs python3-torch python3-numpy libopenblas0-pthread from Debian)
set -eu
build=${1:-build}
peers=${2:-../shared/peers}
threads=${3:-1}
echo "== actviz (medians of 5)"
"$build/tests/actviz_bench" --benchmark_filter='BM_A[0-9]|BM_B_|BM_GradflowPass' \
    --benchmark_repetitions=5 --benchmark_report_aggregates_only=true --benchmark_min_time=0.2 2>&1 | grep -E 'median|Benchmark'
echo "== PyTorch, $threads thread(s)"
/usr/bin/python3 "$peers/bench_torch.py" --threads "$threads" --only ABC
echo "== NumPy, $threads thread(s)"
/usr/bin/python3 "$peers/bench_numpy.py" --threads "$threads" --only ABC
