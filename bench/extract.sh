#!/usr/bin/env bash
# Extraction throughput: detente ingest --jobs 1 and 2 against link-parser on
# the same generated sentences, start-up time, and memory over growing
# corpora. Prints the "## Machine" and "## Extraction throughput" sections of
# docs/benchmarks.md as markdown on stdout (progress on stderr). About 9
# minutes on a quiet 2-core machine (514 s on 2026-11-25). Options go to
# bench/extract_bench.py (--articles, --runs, --rss-articles; see its --help).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/detente ] || scripts/setup.sh >/dev/null
command -v link-parser >/dev/null || { echo "extract.sh: link-parser missing (apt install link-grammar)" >&2; exit 1; }
exec python3 bench/extract_bench.py "$@"
