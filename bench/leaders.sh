#!/usr/bin/env bash
# Leaders gazetteer benchmark for docs/benchmarks.md: builds build/
# (RelWithDebInfo), then times Leaders::Load over data/ (median and min-max of
# 5 loads in one process), the heap it holds and the time per lookup, and the
# wall-clock time and peak RSS of 5 separate processes that only load it.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2 --target detente_bench_leaders >/dev/null
build/bench/detente_bench_leaders data
for i in 1 2 3 4 5; do
  /usr/bin/time -f "process: %e s wall, %M KiB peak RSS" build/bench/detente_bench_leaders data >/dev/null
done
