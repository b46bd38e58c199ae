#!/usr/bin/env bash
# Latency of `detente serve` for docs/benchmarks.md: builds build/, generates
# the 1M-event database (bench/gen_graph.cpp, seed 1) unless it exists, then
# bench/serve_bench.py times the API and the page (headless Chromium).
#   BENCH_DIR  where the database goes (default /tmp/detente-bench, ~0.4 GB)
#   BENCH_RUNS rounds per figure (default 5, never fewer)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${BENCH_DIR:-/tmp/detente-bench}"
mkdir -p "$dir"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2 --target detente detente_gen_graph >/dev/null
if [ ! -f "$dir/serve.db" ]; then
  build/bench/detente_gen_graph --db "$dir/serve.db" --events 1000000 --entities 100000 --seed 1 >&2
fi
exec /usr/bin/python3 bench/serve_bench.py --detente build/detente --db "$dir/serve.db" \
  --runs "${BENCH_RUNS:-5}" "$@"
