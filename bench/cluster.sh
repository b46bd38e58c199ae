#!/usr/bin/env bash
# Cluster ingest: scripts/cluster_ingest.py with 1 and 2 local Dask workers
# against one detente ingest, and the merge on its own. Prints the "## Cluster
# ingest" section of docs/benchmarks.md on stdout (progress on stderr). About
# 4 minutes on a quiet 2-core machine. Options go to bench/cluster_bench.py
# (--articles, --runs, --partition-size).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/detente ] || scripts/setup.sh >/dev/null
/usr/bin/python3 -c "import distributed" 2>/dev/null || { echo "cluster.sh: python3-distributed missing (scripts/setup.sh installs it)" >&2; exit 1; }
exec /usr/bin/python3 bench/cluster_bench.py "$@"
