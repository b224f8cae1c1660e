#!/usr/bin/env bash
# Runs every benchmark with repetitions and prints medians and ratios against baselines
# measured in the same run. Usage: scripts/run-bench.sh BUILD_DIR [extra benchmark flags]
set -euo pipefail
build=${1:-build/release}
shift || true
"$build/bench/motcua_bench" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_min_time=0.2 --benchmark_color=false "$@"
