#!/usr/bin/env python3
"""Extraction throughput benchmark; run through bench/extract.sh.

Prints markdown on stdout (the machine, then the figures of
docs/benchmarks.md's "Extraction throughput" section) and progress on stderr.
Every timing is the median of --runs runs with min-max. Work files go to
build/bench/ and are rewritten on every run.
"""

import argparse
import csv
import io
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def read(path, default=""):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return default


def machine(detente):
    info = read("/proc/cpuinfo")
    field = lambda name: (re.search(r"^%s\s*:\s*(.*)$" % name, info, re.M) or [None, "?"])[1]
    cpu = "%s (family %s, model %s), %.0f MHz%s" % (
        field("model name"), field("cpu family"), field("model"),
        float(field("cpu MHz")) if field("cpu MHz") != "?" else 0,
        ", virtual machine" if " hypervisor" in field("flags") else "")
    mem = re.search(r"^MemTotal:\s*(\d+) kB", read("/proc/meminfo"), re.M)
    osname = re.search(r'^PRETTY_NAME="?([^"\n]*)', read("/etc/os-release"), re.M)
    cache = read(os.path.join(os.path.dirname(detente), "CMakeCache.txt"))
    cxx = re.search(r"^CMAKE_CXX_COMPILER:\w+=(.*)$", cache, re.M)
    build_type = re.search(r"^CMAKE_BUILD_TYPE:\w+=(.*)$", cache, re.M)
    compiler = "unknown"
    if cxx:
        out = subprocess.run([cxx.group(1), "--version"], capture_output=True, text=True)
        compiler = out.stdout.splitlines()[0] if out.returncode == 0 else cxx.group(1)
    lg = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "liblink-grammar5"],
                        capture_output=True, text=True).stdout or "unknown"
    return [
        ("CPU", cpu),
        ("Cores", str(os.cpu_count())),
        ("RAM", "%.1f GiB" % (int(mem.group(1)) / 1048576) if mem else "unknown"),
        ("OS", "%s, Linux %s" % (osname.group(1) if osname else "unknown", platform.release())),
        ("Compiler", compiler),
        ("Build type", build_type.group(1) if build_type and build_type.group(1) else "unknown"),
        ("Link Grammar", lg),
    ]


class Run:
    """One child process: wall time, CPU time and peak RSS (sampled)."""

    def __init__(self, argv, stdin=None, env=None):
        stdin_f = open(stdin, "rb") if stdin else subprocess.DEVNULL
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        proc = subprocess.Popen(argv, stdin=stdin_f, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, env=env)
        # RSS sampled a few times a second, to show how it evolves over the run.
        self.rss_kb = []
        stop = threading.Event()

        def sample():
            path = "/proc/%d/status" % proc.pid
            while not stop.wait(0.25):
                m = re.search(r"^VmRSS:\s*(\d+)", read(path), re.M)
                if m:
                    self.rss_kb.append(int(m.group(1)))

        sampler = threading.Thread(target=sample)
        sampler.start()
        _, err = proc.communicate()
        self.wall = time.monotonic() - start
        stop.set()
        sampler.join()
        if stdin:
            stdin_f.close()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        self.exit_code = proc.returncode
        self.stderr = err.decode("utf-8", "replace")
        if self.exit_code != 0:
            sys.exit("benchmark command failed (%d): %s\n%s" % (
                self.exit_code, " ".join(argv), self.stderr))


def fmt_stat(values, digits=1):
    f = "%%.%df" % digits
    return "%s (%s–%s)" % (f % statistics.median(values), f % min(values), f % max(values))


def sqlite_count(detente, db, table):
    out = subprocess.run([detente, "sql", "--db", db, "--format", "csv",
                          "SELECT count(*) FROM %s" % table],
                         capture_output=True, text=True, check=True).stdout
    return int(out.split()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--detente", default=os.path.join(ROOT, "build", "detente"))
    ap.add_argument("--articles", type=int, default=250,
                    help="articles in the throughput corpus (default 250)")
    ap.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    ap.add_argument("--rss-articles", default="1000,4000",
                    help="corpus sizes for the memory check (default 1000,4000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--gold", nargs="*", default=[],
                    help="JSONL files (id, text) whose texts are measured too, e.g. the gold sets")
    args = ap.parse_args()

    work = os.path.join(ROOT, "build", "bench")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    gen = os.path.join(ROOT, "bench", "gen_corpus.py")
    detente = args.detente
    started = time.monotonic()
    load_before = os.getloadavg()

    def corpus(n, sentences=False):
        path = os.path.join(work, "corpus-%d.%s" % (n, "txt" if sentences else "jsonl"))
        if not os.path.exists(path):
            cmd = [sys.executable, gen, "-n", str(n), "--seed", str(args.seed)]
            with open(path, "w", encoding="utf-8") as f:
                subprocess.run(cmd + (["--sentences"] if sentences else []), stdout=f,
                               check=True)
        return path

    def ingest(path, jobs, db_name):
        db = os.path.join(work, db_name)
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        argv = [detente, "ingest", "-q", "--db", db]
        if jobs:
            argv += ["--jobs", str(jobs)]
        return Run(argv + [path]), db

    rows = []
    # Start-up: one short document, so the time is loading the gazetteers,
    # WordNet and the Link Grammar dictionary.
    one = os.path.join(work, "one.jsonl")
    with open(one, "w", encoding="utf-8") as f:
        f.write('{"id":"one","text":"Kenya met Uganda."}\n')
    log("start-up ...")
    startup = [ingest(one, 1, "one.db")[0].wall for _ in range(args.runs)]

    def throughput(jsonl, txt, n_sent, db_name):
        """Sentences/s and CPU s of ingest --jobs 1 and 2, then link-parser."""
        rates, cpus = {}, {}
        for jobs in (1, 2):
            log("ingest --jobs %d, %s ..." % (jobs, os.path.basename(jsonl)))
            walls, cpu = [], []
            for _ in range(args.runs):
                r, db = ingest(jsonl, jobs, db_name)
                walls.append(r.wall)
                cpu.append(r.cpu)
            stored = sqlite_count(detente, db, "sentences")
            if stored != n_sent:
                sys.exit("detente stored %d sentences, expected %d" % (stored, n_sent))
            rates[jobs] = [n_sent / w for w in walls]
            cpus[jobs] = cpu
        log("link-parser, %d sentences ..." % n_sent)
        lp, lp_cpu = [], []
        env = dict(os.environ, LC_ALL="C.UTF-8")
        for _ in range(args.runs):
            r = Run(["link-parser", "en", "--quiet", "-batch"], stdin=txt, env=env)
            lp.append(n_sent / r.wall)
            lp_cpu.append(r.cpu)
        return rates, cpus, lp, lp_cpu, sqlite_count(detente, db, "events")

    # Throughput: the same corpus, --jobs 1 and 2, then link-parser on its sentences.
    jsonl, txt = corpus(args.articles), corpus(args.articles, sentences=True)
    with open(txt, encoding="utf-8") as f:
        n_sent = sum(1 for _ in f)
    bench = throughput(jsonl, txt, n_sent, "throughput.db")
    events = bench[4]

    # The same on wire-length prose: the texts of --gold files, split into
    # sentences by detente itself so that link-parser reads the same sentences.
    gold = None
    if args.gold:
        gjsonl = os.path.join(work, "gold.jsonl")
        with open(gjsonl, "w", encoding="utf-8") as out:
            for path in args.gold:
                with open(path, encoding="utf-8") as f:
                    for line in f:
                        doc = json.loads(line)
                        out.write(json.dumps({"id": "%s:%s" % (os.path.basename(path), doc["id"]),
                                              "text": doc["text"]}) + "\n")
        _, gdb = ingest(gjsonl, 1, "gold-split.db")
        rows_out = subprocess.run([detente, "sql", "--db", gdb, "--format", "csv",
                                   "SELECT text FROM sentences ORDER BY id"],
                                  capture_output=True, text=True, check=True).stdout
        gtxt = os.path.join(work, "gold-sentences.txt")
        sentences = [r for r in csv.reader(io.StringIO(rows_out))][1:]
        with open(gtxt, "w", encoding="utf-8") as f:
            for (text,) in sentences:
                f.write(" ".join(text.split()) + "\n")
        gwords = sum(len(t.split()) for (t,) in sentences)
        gold = (len(sentences), gwords) + throughput(gjsonl, gtxt, len(sentences), "gold.db")

    # Memory: peak RSS of ingest (default --jobs) over growing corpora.
    rss = []
    for n in [int(x) for x in args.rss_articles.split(",") if x]:
        log("memory, %d articles ..." % n)
        r, db = ingest(corpus(n), 0, "rss.db")
        s = r.rss_kb or [0]
        q = lambda frac: s[min(len(s) - 1, int(len(s) * frac))] / 1024
        rss.append((n, sqlite_count(detente, db, "sentences"), r.wall, q(0.25), q(0.5),
                    max(s) / 1024))

    load_after = os.getloadavg()
    print("## Machine\n")
    print("| | |\n|---|---|")
    for k, v in machine(detente):
        print("| %s | %s |" % (k, v))
    print("| Load average (1 min) | %.1f before, %.1f after this run |" % (
        load_before[0], load_after[0]))
    print()
    print("## Extraction throughput\n")
    print("Corpus: `bench/gen_corpus.py -n %d --seed %d`: %d articles, %d sentences "
          "(%d events stored). Sentences per second are end to end: process start, "
          "reading, extraction (parse included) and storing, over wall-clock time; "
          "median (min–max) of %d runs.\n" % (args.articles, args.seed, args.articles,
                                              n_sent, events, args.runs))
    def table(n_sent, rates, cpus, lp, lp_cpu, _events):
        print("| run | sentences/s | vs link-parser | CPU s per run | sentences per CPU s |")
        print("|---|---|---|---|---|")
        lp_med = statistics.median(lp)
        for jobs in (1, 2):
            print("| `detente ingest --jobs %d` | %s | %.1f× | %s | %.0f |" % (
                jobs, fmt_stat(rates[jobs]), statistics.median(rates[jobs]) / lp_med,
                fmt_stat(cpus[jobs], 2), n_sent / statistics.median(cpus[jobs])))
        print("| `link-parser en -batch` (its defaults) | %s | 1× | %s | %.0f |" % (
            fmt_stat(lp), fmt_stat(lp_cpu, 2), n_sent / statistics.median(lp_cpu)))
        print()
        print("- `--jobs 2` / `--jobs 1`: %.2f× (ratio of medians)" % (
            statistics.median(rates[2]) / statistics.median(rates[1])))

    table(n_sent, *bench)
    print("- Start-up (one short document): %s s" % fmt_stat(startup, 2))
    if gold:
        print()
        print("Wire-length prose: the texts of %s, %d sentences, %.1f words a sentence "
              "(%d events stored); same measures.\n" % (
                  ", ".join("`%s`" % os.path.basename(p) for p in args.gold),
                  gold[0], gold[1] / gold[0], gold[6]))
        table(gold[0], *gold[2:])
    print()
    print("Memory: resident set size of `detente ingest` (default `--jobs`, all cores), "
          "sampled every 0.25 s; one run each.\n")
    print("| articles | sentences | wall s | sentences/s | RSS at 25% | RSS at 50% | peak RSS |")
    print("|---|---|---|---|---|---|---|")
    for n, sents, wall, q25, q50, peak in rss:
        print("| %d | %d | %.1f | %.0f | %.0f MiB | %.0f MiB | %.0f MiB |" % (
            n, sents, wall, sents / wall, q25, q50, peak))
    print()
    print("Total benchmark time: %.0f s." % (time.monotonic() - started))


if __name__ == "__main__":
    main()
