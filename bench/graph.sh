#!/usr/bin/env bash
# Storage and graph-query benchmarks for docs/benchmarks.md: builds build/
# (RelWithDebInfo: -O2 -g, the project's default), then bench/graph_bench.py
# generates a 1M-event database 5 times through the bulk path and times
# `detente path` and `detente neighbours --radius 2` against NetworkX and
# SQLite recursive CTEs. Prints a markdown table on stdout; progress on stderr.
#   BENCH_DIR  where the database goes (default /tmp/detente-bench, ~0.4 GB)
#   BENCH_RUNS runs per figure (default 5, never fewer)
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2 --target detente detente_gen_graph >/dev/null
exec python3 bench/graph_bench.py --build build "$@"
