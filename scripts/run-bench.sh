#!/usr/bin/env bash
# Runs every benchmark with repetitions and prints medians and ratios against baselines
# measured in the same run. Usage: scripts/run-bench.sh BUILD_DIR [extra benchmark flags]
# The Google Benchmark binary runs first, then the HTTP benchmark (bench/http_bench.sh: wrk
# against motcua on 1,000,000 synthetic cases and nginx as the ceiling; its settings are
# MOTCUA_HTTP_BENCH_* variables, and MOTCUA_HTTP_BENCH=0 skips it), then the callback benchmark
# (bench/callback_bench.py: signed payment callbacks through motcua-sandbox against raw SQLite
# commits; MOTCUA_CALLBACK_BENCH=0 skips it).
set -euo pipefail
build=${1:-build/release}
shift || true
"$build/bench/motcua_bench" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_min_time=0.2 --benchmark_color=false "$@"
if [ "${MOTCUA_HTTP_BENCH:-1}" != 0 ]; then
  "$(dirname "$0")/../bench/http_bench.sh" "$build"
fi
if [ "${MOTCUA_CALLBACK_BENCH:-1}" != 0 ]; then
  python3 "$(dirname "$0")/../bench/callback_bench.py" "$build"
fi
