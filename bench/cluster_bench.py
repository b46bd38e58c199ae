#!/usr/bin/python3
"""Cluster ingest throughput: scripts/cluster_ingest.py on a local Dask cluster
of 1 and 2 workers against one `detente ingest`, and the merge on its own.

    bench/cluster_bench.py [--articles 250] [--runs 5] [--partition-size 25]
    bench/cluster_bench.py --issue [--articles 2000] [--runs 5]

--issue is the measurement of issue 17: only `ingest --jobs 2` against two
workers of one job each, with the cluster's overhead over the single process
and where it goes (the driver's own breakdown: reaching the cluster, merging,
the time from the last task's end to the exit).

Writes the bench corpus (bench/gen_corpus.py -n ARTICLES --seed 1), then
times, RUNS times each, into a fresh database every time:
- `detente ingest -q --jobs 1` and `--jobs 2` (one process);
- the driver with --workers 1 and --workers 2 (a LocalCluster of worker
  processes, each task one `detente ingest --jobs 1` on a partition), end to
  end: cluster start, partitions, tasks, merges;
- `detente merge` of the shards of one 2-worker run into a fresh database:
  events per second and peak RSS (/usr/bin/time -v when installed, else
  wait4: the same ru_maxrss).
Prints a markdown section for docs/benchmarks.md on stdout, with the load
average before and after (the figures depend on a quiet machine).
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from extract_bench import ROOT, fmt_stat, log, machine  # noqa: E402

DRIVER = os.path.join(ROOT, "scripts", "cluster_ingest.py")


TIME = "/usr/bin/time"  # GNU time, for the merge's peak memory


def timed(argv, ok=(0,), time_v=False):
    """Wall seconds, peak RSS (KiB), stderr and CPU seconds (user + system, of
    the child and every descendant it reaped: for the driver, its scheduler,
    workers, their detente tasks and the merges) of one child process. With
    time_v, under `/usr/bin/time -v` when it is installed (its "Maximum
    resident set size" is the ru_maxrss that wait4 gives otherwise)."""
    wrapped = time_v and os.access(TIME, os.X_OK)
    start = time.monotonic()
    proc = subprocess.Popen(([TIME, "-v"] if wrapped else []) + argv, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        sys.exit("benchmark command failed (%d): %s\n%s" % (code, " ".join(argv), err))
    rss = usage.ru_maxrss
    if wrapped:
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1))
    return wall, rss, err, usage.ru_utime + usage.ru_stime


def breakdown(err):
    """The driver's own breakdown of a run: reaching the cluster, merging,
    from the last task's end to the summary (seconds), and how busy tasks
    kept the workers (%)."""
    m = re.search(r"of which ([\d.]+) s to reach the cluster, ([\d.]+) s merging "
                  r"\(([\d.]+) s from the last task.*kept the workers (\d+)% busy", err)
    if not m:
        sys.exit("no breakdown in the driver's output:\n" + err)
    return tuple(float(x) for x in m.groups())


def count(detente, db, table):
    out = subprocess.run([detente, "sql", "--db", db, "--format", "csv",
                          "SELECT count(*) FROM %s" % table],
                         capture_output=True, text=True, check=True).stdout
    return int(out.split()[-1])


ONE_PROCESS_1 = "`detente ingest --jobs 1` (one process)"
ONE_PROCESS_2 = "`detente ingest --jobs 2` (one process)"
WORKERS_1 = "`cluster_ingest.py --workers 1`"
WORKERS_2 = "`cluster_ingest.py --workers 2`"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--detente", default=os.path.join(ROOT, "build", "detente"))
    ap.add_argument("--articles", type=int)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--partition-size", type=int)
    ap.add_argument("--issue", action="store_true",
                    help="issue 17's run: ingest --jobs 2 against 2 workers (default 2,000 "
                         "articles in partitions of 200, the driver's default)")
    args = ap.parse_args()
    args.articles = args.articles or (2000 if args.issue else 250)
    # --issue: the driver's own default partition size (200 articles).
    args.partition_size = args.partition_size or (200 if args.issue else 25)
    detente = os.path.abspath(args.detente)
    work = tempfile.mkdtemp(prefix="detente-cluster-bench-")
    corpus = os.path.join(work, "corpus.jsonl")
    with open(corpus, "w") as f:
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_corpus.py"),
                        "-n", str(args.articles), "--seed", "1"], stdout=f, check=True)
    load_before = os.getloadavg()

    def driver(workers):
        # Not -q: the summary carries the driver's breakdown.
        return lambda db: ["/usr/bin/python3", DRIVER, "--detente", detente, "--workers",
                           str(workers), "--partition-size", str(args.partition_size),
                           "--db", db, corpus]
    runs = {
        ONE_PROCESS_1: lambda db: [detente, "ingest", "-q", "-j", "1", "--db", db, corpus],
        ONE_PROCESS_2: lambda db: [detente, "ingest", "-q", "-j", "2", "--db", db, corpus],
        WORKERS_1: driver(1),
        WORKERS_2: driver(2),
    }
    if args.issue:
        del runs[ONE_PROCESS_1], runs[WORKERS_1]
    results = {name: [] for name in runs}
    cpu = {name: [] for name in runs}
    parts = []  # the driver's breakdown of each 2-worker run
    sentences = events = 0
    for r in range(args.runs):
        for name, argv in runs.items():  # interleaved, so that load drifts hit all alike
            db = os.path.join(work, "run.db")
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
            wall, _, err, cpu_s = timed(argv(db))
            results[name].append(wall)
            cpu[name].append(cpu_s)
            if name == WORKERS_2:
                parts.append(breakdown(err))
            sentences = count(detente, db, "sentences")
            events = count(detente, db, "events")
            log("run %d: %s: %.2f s (load %.2f)" % (r + 1, name, wall, os.getloadavg()[0]))

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
        wall, rss, _, _ = timed([detente, "merge", "-q", db] + shards, time_v=True)
        merge_wall.append(wall)
        merge_rss.append(rss)
        log("merge run %d: %.2f s, %d KiB" % (r + 1, wall, rss))
    load_after = os.getloadavg()

    print("## Cluster ingest%s\n" % (" (issue 17's run)" if args.issue else ""))
    for k, v in machine(detente):
        print("- %s: %s" % (k, v))
    print("- Load average (1, 5, 15 min) before: %.2f %.2f %.2f; after: %.2f %.2f %.2f\n"
          % (load_before + load_after))
    print("`bench/cluster.sh%s`: %d articles, %d sentences, %d events (bench/gen_corpus.py "
          "--seed 1); partitions of %d articles; medians of %d runs (min–max), each into a "
          "fresh database. The cluster runs are end to end: local cluster start, "
          "partitioning, tasks, merges.\n"
          % (" --issue" if args.issue else "", args.articles, sentences, events,
             args.partition_size, args.runs))
    print("| run | wall s | sentences/s | documents/s | CPU s | sentences per CPU s |")
    print("|---|---|---|---|---|---|")
    for name, walls in results.items():
        print("| %s | %s | %s | %s | %s | %s |" % (
            name, fmt_stat(walls, 2), fmt_stat([sentences / w for w in walls]),
            fmt_stat([args.articles / w for w in walls]), fmt_stat(cpu[name], 1),
            fmt_stat([sentences / c for c in cpu[name]])))
    base, two = results[ONE_PROCESS_2], results[WORKERS_2]
    print()
    if WORKERS_1 in results:
        one = results[WORKERS_1]
        print("- 2 workers / 1 worker: %.2f× (ratio of medians)."
              % (statistics.median(one) / statistics.median(two)))
    print("- The cluster's overhead, 2 workers against one `ingest --jobs 2` of the same "
          "round: %s%% of the single process's wall time (per round: %s)."
          % (fmt_stat([100 * (t / b - 1) for t, b in zip(two, base)], 1),
             ", ".join("%+.1f%%" % (100 * (t / b - 1)) for t, b in zip(two, base))))
    print("- The cluster's CPU time over the single process's, same round: %s%%."
          % fmt_stat([100 * (t / b - 1) for t, b in zip(cpu[WORKERS_2], cpu[ONE_PROCESS_2])], 1))
    print("- The driver's breakdown of the 2-worker runs (s): reaching the cluster %s; "
          "merging %s (on the driver, while later tasks run); from the last task's end to "
          "the summary %s; tasks kept the workers %s%% busy."
          % (tuple(fmt_stat([p[k] for p in parts], 2) for k in range(3))
             + (fmt_stat([p[3] for p in parts], 0),)))
    print("- `detente merge` of the %d shards of one 2-worker run into a fresh database: "
          "%s s, %s events/s, peak RSS %s MiB (%s)."
          % (len(shards), fmt_stat(merge_wall, 2), fmt_stat([events / w for w in merge_wall], 0),
             fmt_stat([k / 1024 for k in merge_rss], 0),
             "/usr/bin/time -v" if os.access(TIME, os.X_OK) else "wait4"))


if __name__ == "__main__":
    main()
