#!/usr/bin/env bash
# Reproduces every figure in docs/benchmarks.md. Run on a quiet machine:
# timings are medians of at least 5 runs, with min-max.
#   bench/run.sh            everything
#   bench/run.sh extract    extraction throughput only
#   bench/run.sh graph      storage and graph queries only
#   bench/run.sh leaders    the leaders gazetteer's load time and memory only
#   bench/run.sh serve      detente serve: API latency and the page
#   bench/run.sh cluster    cluster ingest on 1 and 2 local Dask workers, and the merge
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
scripts/setup.sh >/dev/null
case "$what" in
  extract) bench/extract.sh ;;
  graph) bench/graph.sh ;;
  leaders) bench/leaders.sh ;;
  serve) bench/serve.sh ;;
  cluster) bench/cluster.sh ;;
  all) bench/extract.sh; bench/graph.sh; bench/leaders.sh; bench/serve.sh; bench/cluster.sh ;;
  *) echo "usage: bench/run.sh [extract|graph|leaders|serve|cluster]" >&2; exit 2 ;;
esac
