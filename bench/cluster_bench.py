#!/usr/bin/python3
"""Cluster ingest throughput: scripts/cluster_ingest.py on a local Dask cluster
of 1 and 2 workers against one `detente ingest`, and the merge on its own.

    bench/cluster_bench.py [--articles 250] [--runs 5] [--partition-size 25]

Writes the bench corpus (bench/gen_corpus.py -n ARTICLES --seed 1), then
times, RUNS times each, into a fresh database every time:
- `detente ingest -q --jobs 1` and `--jobs 2` (one process);
- the driver with --workers 1 and --workers 2 (a LocalCluster of worker
  processes, each task one `detente ingest --jobs 1` on a partition), end to
  end: cluster start, partitions, tasks, merges;
- `detente merge` of the shards of one 2-worker run into a fresh database:
  events per second and peak RSS (from wait4).
Prints a markdown section for docs/benchmarks.md on stdout, with the load
average before and after (the figures depend on a quiet machine).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from extract_bench import ROOT, fmt_stat, log, machine  # noqa: E402

DRIVER = os.path.join(ROOT, "scripts", "cluster_ingest.py")


def timed(argv, ok=(0,)):
    """Wall seconds and peak RSS (KiB) of one child process."""
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    if code not in ok:
        sys.exit("benchmark command failed (%d): %s\n%s" % (code, " ".join(argv),
                                                            err.decode("utf-8", "replace")))
    return wall, usage.ru_maxrss


def count(detente, db, table):
    out = subprocess.run([detente, "sql", "--db", db, "--format", "csv",
                          "SELECT count(*) FROM %s" % table],
                         capture_output=True, text=True, check=True).stdout
    return int(out.split()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--detente", default=os.path.join(ROOT, "build", "detente"))
    ap.add_argument("--articles", type=int, default=250)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--partition-size", type=int, default=25)
    args = ap.parse_args()
    detente = os.path.abspath(args.detente)
    work = tempfile.mkdtemp(prefix="detente-cluster-bench-")
    corpus = os.path.join(work, "corpus.jsonl")
    with open(corpus, "w") as f:
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_corpus.py"),
                        "-n", str(args.articles), "--seed", "1"], stdout=f, check=True)
    load_before = os.getloadavg()
    runs = {
        "`detente ingest --jobs 1` (one process)":
            lambda db: [detente, "ingest", "-q", "-j", "1", "--db", db, corpus],
        "`detente ingest --jobs 2` (one process)":
            lambda db: [detente, "ingest", "-q", "-j", "2", "--db", db, corpus],
        "`cluster_ingest.py --workers 1`":
            lambda db: ["/usr/bin/python3", DRIVER, "-q", "--detente", detente, "--workers", "1",
                        "--partition-size", str(args.partition_size), "--db", db, corpus],
        "`cluster_ingest.py --workers 2`":
            lambda db: ["/usr/bin/python3", DRIVER, "-q", "--detente", detente, "--workers", "2",
                        "--partition-size", str(args.partition_size), "--db", db, corpus],
    }
    results = {name: [] for name in runs}
    sentences = events = 0
    for r in range(args.runs):
        for name, argv in runs.items():  # interleaved, so that load drifts hit all alike
            db = os.path.join(work, "run.db")
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
            wall, _ = timed(argv(db))
            results[name].append(wall)
            sentences = count(detente, db, "sentences")
            events = count(detente, db, "events")
            log("run %d: %s: %.2f s" % (r + 1, name, wall))

    # The merge alone, on the shards of one 2-worker run.
    shard_db = os.path.join(work, "shards.db")
    shard_dir = os.path.join(work, "shards")
    timed(["/usr/bin/python3", DRIVER, "-q", "--detente", detente, "--workers", "2",
           "--partition-size", str(args.partition_size), "--keep-shards", "--shard-dir",
           shard_dir, "--db", shard_db, corpus])
    shards = sorted(os.path.join(shard_dir, n) for n in os.listdir(shard_dir)
                    if n.endswith(".db"))
    merge_wall, merge_rss = [], []
    for r in range(args.runs):
        db = os.path.join(work, "merge-%d.db" % r)
        wall, rss = timed([detente, "merge", "-q", db] + shards)
        merge_wall.append(wall)
        merge_rss.append(rss)
        log("merge run %d: %.2f s, %d KiB" % (r + 1, wall, rss))
    load_after = os.getloadavg()

    print("## Cluster ingest\n")
    for k, v in machine(detente):
        print("- %s: %s" % (k, v))
    print("- Load average (1, 5, 15 min) before: %.2f %.2f %.2f; after: %.2f %.2f %.2f\n"
          % (load_before + load_after))
    print("`bench/cluster.sh`: %d articles, %d sentences, %d events (bench/gen_corpus.py "
          "--seed 1); partitions of %d articles; medians of %d runs (min–max), each into a "
          "fresh database. The cluster runs are end to end: local cluster start, "
          "partitioning, tasks, merges.\n"
          % (args.articles, sentences, events, args.partition_size, args.runs))
    print("| run | wall s | sentences/s | documents/s |")
    print("|---|---|---|---|")
    for name, walls in results.items():
        print("| %s | %s | %s | %s |" % (
            name, fmt_stat(walls, 2), fmt_stat([sentences / w for w in walls]),
            fmt_stat([args.articles / w for w in walls])))
    base = statistics.median(results["`detente ingest --jobs 2` (one process)"])
    two = statistics.median(results["`cluster_ingest.py --workers 2`"])
    one = statistics.median(results["`cluster_ingest.py --workers 1`"])
    print("\n- 2 workers / 1 worker: %.2f× (ratio of medians)." % (one / two))
    print("- 2 workers against one `ingest --jobs 2`: %+.0f%% wall time." % (100 * (two / base - 1)))
    print("- `detente merge` of the %d shards of one 2-worker run into a fresh database: "
          "%s s, %s events/s, peak RSS %s MiB."
          % (len(shards), fmt_stat(merge_wall, 2), fmt_stat([events / w for w in merge_wall], 0),
             fmt_stat([k / 1024 for k in merge_rss], 0)))


if __name__ == "__main__":
    main()
