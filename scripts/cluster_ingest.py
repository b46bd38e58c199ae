#!/usr/bin/python3
# Debian's python3-distributed imports only under /usr/bin/python3 (another
# python3 may come first on PATH): hence the absolute shebang.
"""Ingest a corpus on a Dask cluster into one detente database.

The corpus (files, directories, JSONL lines) is split into partitions of
--partition-size documents. Each partition is one Dask task, which runs the
detente binary (`detente ingest`) on it into a shard database of its own in a
folder every worker can reach. The driver merges the shards into --db with
`detente merge` as they finish, in partition order, so that the result is the
store one `detente ingest` of the whole corpus gives (ids aside). See
docs/cluster.md.

Exit status: 0 ok, 2 usage, 3 some input was rejected, a partition was lost
(failed after its retries), a merge failed, or the scheduler could not be reached.
"""

import argparse
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
import warnings

EXIT_OK, EXIT_USAGE, EXIT_DATA = 0, 2, 3
INPUT_EXTENSIONS = {".txt", ".md", ".markdown", ".jsonl"}


def note(message):
    print(f"cluster_ingest: {message}", file=sys.stderr, flush=True)


# --- Partitions -----------------------------------------------------------

def input_files(path):
    """The files under `path` in the order detente ingest reads them: a
    directory recursively, sorted by path components, input extensions only."""
    if not os.path.isdir(path):
        yield path
        return
    found = []
    for root, dirs, files in os.walk(path):
        for name in files:
            if os.path.splitext(name)[1].lower() in INPUT_EXTENSIONS:
                full = os.path.join(root, name)
                found.append((os.path.relpath(full, path).split(os.sep), full))
    for _, full in sorted(found):
        yield full


def is_jsonl(path):
    """As detente decides: by extension, else JSONL when the first byte that
    is not blank (after a byte order mark) is '{'."""
    ext = os.path.splitext(path)[1].lower()
    if ext == ".jsonl":
        return True
    if ext in INPUT_EXTENSIONS:
        return False
    try:
        with open(path, "rb") as f:
            head = f.read(65536)
    except OSError:
        return False  # detente reports it
    head = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    head = head.lstrip()
    return head.startswith(b"{")


def document_lines(path):
    """1-based numbers of the lines of a JSONL file that are not blank.
    Lines end with LF, CRLF or a lone CR, as detente counts them."""
    try:
        with open(path, encoding="utf-8", errors="replace", newline=None) as f:
            for number, line in enumerate(f, 1):
                if line.lstrip("\ufeff").strip():
                    yield number
    except OSError:
        yield 1  # unreadable: one piece, so that detente reports it


class Partitioner:
    """Cuts the documents of the inputs into partitions of `size`. A piece
    is a whole file [path] or a range of JSONL lines [path, first, last]."""

    def __init__(self, size):
        self.size = size
        self.partitions = []
        self.pieces, self.count = [], 0

    def add_file(self, path):
        self.pieces.append([path])
        self._counted()

    def add_line(self, path, number):
        last = self.pieces[-1] if self.pieces else None
        if last and len(last) == 3 and last[0] == path:
            last[2] = number
        else:
            self.pieces.append([path, number, number])
        self._counted()

    def _counted(self):
        self.count += 1
        if self.count >= self.size:
            self.close()

    def close(self):
        if self.pieces:
            self.partitions.append({"pieces": self.pieces, "documents": self.count})
        self.pieces, self.count = [], 0


def make_partitions(paths, size):
    p = Partitioner(size)
    for path in paths:
        for f in input_files(path):
            if is_jsonl(f):
                for number in document_lines(f):
                    p.add_line(f, number)
                # A new file starts a new range, not a new partition.
            else:
                p.add_file(f)
    p.close()
    return p.partitions


# --- The task, run on a worker ----------------------------------------------

def detente_environment(malloc_trim):
    """This process's environment for a detente child, with the driver's
    own MALLOC_TRIM_THRESHOLD_ (or none). A Dask nanny (dask-worker starts
    one unless --no-nanny) sets it to 64 KiB in its worker and in itself;
    inherited by detente, glibc then gives memory back and faults it in
    again all the time (measured: 10 times the system time, a task 1.6
    times the CPU)."""
    import os
    env = dict(os.environ)
    env.pop("MALLOC_TRIM_THRESHOLD_", None)
    if malloc_trim is not None:
        env["MALLOC_TRIM_THRESHOLD_"] = malloc_trim
    return env


def run_partition(spec):
    """Ingests one partition into a new shard; returns where it is and the
    inputs detente rejected. Raises on any other failure, so that Dask
    retries the task (on another worker if this one is lost)."""
    import os
    import socket
    import subprocess
    import time
    import uuid

    start = time.monotonic()
    # A name of its own per attempt: a retried task never shares a shard
    # with an attempt that may still be running somewhere.
    shard = os.path.join(spec["shard_dir"],
                         f"part-{spec['index']:05d}-{uuid.uuid4().hex[:12]}.db")
    runs, files = [], []
    for piece in spec["pieces"]:
        if len(piece) == 1:
            files.append(piece[0])
            continue
        if files:
            runs.append(([], files))
            files = []
        runs.append((["--lines", f"{piece[1]}-{piece[2]}"], [piece[0]]))
    if files:
        runs.append(([], files))
    rejected = []
    for options, paths in runs:
        argv = [spec["detente"], "ingest", "-q", "--db", shard, "-j", str(spec["jobs"])]
        proc = subprocess.run(argv + options + ["--"] + paths, cwd=spec["cwd"],
                              env=detente_environment(spec["malloc_trim"]),
                              stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              errors="replace")
        lines = [l for l in proc.stderr.splitlines() if l]
        fatal = [l for l in lines if l.startswith("detente: ")]
        if proc.returncode not in (0, 3) or fatal:
            raise RuntimeError(f"partition {spec['index']} on {socket.gethostname()}: "
                               f"detente exited with {proc.returncode}: "
                               + "; ".join(fatal or lines[-3:]))
        rejected.extend(lines)  # "file:line: message", as ingest reports them
    return {"index": spec["index"], "shard": shard, "rejected": rejected,
            "seconds": time.monotonic() - start, "host": socket.gethostname()}


# --- The driver ---------------------------------------------------------------

def counts(db):
    """(documents, events) in the database at `db`; (0, 0) if it is missing."""
    if not os.path.exists(db):
        return 0, 0
    uri = "file:" + urllib.parse.quote(os.path.abspath(db)) + "?mode=ro"
    with sqlite3.connect(uri, uri=True) as con:
        con.execute("PRAGMA busy_timeout = 10000")
        docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    return docs, events


def remove_shard(path):
    for suffix in ("", "-wal", "-shm"):
        try:
            os.remove(path + suffix)
        except FileNotFoundError:
            pass


class Merger:
    """Merges finished shards into the output in partition order, each once."""

    def __init__(self, args, detente, total, env):
        self.args, self.detente, self.total, self.env = args, detente, total, env
        self.done = {}       # partition index -> result, waiting for its turn
        self.next = 0        # the next partition to merge
        self.merged = set()  # partitions merged (or given up): never twice
        self.lost = []       # (partition index, why): its documents are not stored
        self.failed = []     # (shard, why): merged in part
        self.fatal = None
        self.seconds = 0.0   # spent in merges

    def finished(self, index, result):
        if index in self.merged or index in self.done:
            return  # a duplicate result (a task run twice): ignored
        self.done[index] = result
        self.drain()

    def gave_up(self, index, error):
        self.lost.append((index, error))
        self.finished(index, None)

    def missing(self):
        """Partitions never finished nor given up (none, unless the run
        stopped early)."""
        return [i for i in range(self.total) if i not in self.merged and i not in self.done]

    def drain(self):
        while self.next in self.done and self.fatal is None:
            result = self.done.pop(self.next)
            self.merged.add(self.next)
            self.next += 1
            if result is not None:
                self.merge(result["shard"])

    def merge(self, shard):
        start = time.monotonic()
        try:
            proc = subprocess.run([self.detente, "merge", "-q", self.args.db, shard],
                                  env=self.env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                  errors="replace")
        except OSError as e:
            self.fatal = f"cannot run {self.detente}: {e.strerror}"
            return
        finally:
            self.seconds += time.monotonic() - start
        for line in proc.stderr.splitlines():
            print(line, file=sys.stderr)
        if proc.returncode == 0:
            if not self.args.keep_shards:
                remove_shard(shard)
        elif "detente: stopped at" in proc.stderr or proc.returncode != EXIT_DATA:
            self.fatal = f"merging {shard} failed (exit {proc.returncode})"
        else:
            self.failed.append((shard, "merge refused some of it (see above)"))


def outcomes(done, futures):
    """(index, result, None) or (index, None, error) for each future that
    `done` (an as_completed over `futures`, a future -> partition index map)
    yields. The result is asked of the future, never judged by its status: a
    future yielded as finished turns "lost" when the worker that holds its
    result dies before the driver gathers it, and result() then waits for
    Dask to run the task again. (Reading the status there once took such a
    partition for a failed one, and dropped it.)"""
    for f in done:
        try:
            yield futures[f], f.result(), None
        except Exception as e:  # the task's own error after its retries, or cancelled
            yield futures[f], None, str(e) or type(e).__name__


def describe(partition):
    """A partition's files and JSONL line ranges, as the user gave them."""
    return ", ".join(p[0] if len(p) == 1 else f"{p[0]}:{p[1]}-{p[2]}"
                     for p in partition["pieces"])


def find_detente(given):
    if given:
        return os.path.abspath(given)
    built = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build", "detente")
    if os.access(built, os.X_OK):
        return os.path.realpath(built)
    found = shutil.which("detente")
    return os.path.abspath(found) if found else None


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="cluster_ingest.py",
        description="Ingest articles on a Dask cluster: one shard database per partition of "
                    "the corpus, merged into one detente database as the shards finish.",
        epilog="Without --scheduler, a local cluster of --workers workers runs the tasks. "
               "Workers need the detente binary at the same path, the inputs at the same "
               "paths (relative paths are taken from this directory) and --shard-dir on a "
               "shared file system. Bad inputs are reported as FILE:LINE: MESSAGE. "
               "Exit status: 0 ok, 2 usage, 3 some input was rejected, a partition was lost, a "
               "merge failed, or the scheduler could not be reached. See docs/cluster.md.")
    p.add_argument("--db", required=True, help="the database to ingest into (created if missing)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running scheduler, tcp://HOST:8786")
    where.add_argument("--workers", type=int, default=2,
                       help="without --scheduler: workers of a local cluster, each running one "
                            "detente at a time (default: 2)")
    p.add_argument("--partition-size", type=int, default=200, metavar="DOCS",
                   help="documents per partition, hence per task and shard (default: 200)")
    p.add_argument("--jobs", type=int, default=1,
                   help="extraction threads of each task's detente (default: 1)")
    p.add_argument("--shard-dir", help="folder for the shards, shared by every worker "
                                       "(default: DB.shards next to --db)")
    p.add_argument("--detente", help="the detente binary (default: build/detente of this "
                                     "checkout, else detente on PATH)")
    p.add_argument("--retries", type=int, default=2,
                   help="times a failed task is run again (default: 2)")
    p.add_argument("--keep-shards", action="store_true", help="keep the shards after merging")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="articles: .txt/.md files, .jsonl files, directories")
    args = p.parse_args(argv)
    for name in ("workers", "partition_size", "jobs"):
        if getattr(args, name) < 1:
            p.error(f"--{name.replace('_', '-')} must be at least 1")
    if args.retries < 0:
        p.error("--retries must be at least 0")
    if "-" in args.paths:
        p.error("stdin (-) cannot be split into partitions; give files or directories")
    return args


def run(args):
    from distributed import Client, LocalCluster, as_completed, progress

    detente = find_detente(args.detente)
    if not detente:
        note("no detente binary: build it (scripts/setup.sh) or give --detente")
        return EXIT_USAGE
    start = time.monotonic()
    partitions = make_partitions(args.paths, args.partition_size)
    documents = sum(p["documents"] for p in partitions)
    shard_dir = os.path.abspath(args.shard_dir or args.db + ".shards")
    before = counts(args.db)
    malloc_trim = os.environ.get("MALLOC_TRIM_THRESHOLD_")  # before a nanny sets it

    cluster = None
    if args.scheduler:
        try:
            client = Client(args.scheduler, timeout=30)
        except (OSError, TimeoutError) as e:
            note(f"cannot reach the scheduler at {args.scheduler}: {e}")
            return EXIT_DATA
    else:
        # Without a dashboard the scheduler still serves HTTP, on 8787 when
        # free: another cluster on this machine is no news for the user.
        warnings.filterwarnings("ignore", message="Port 8787 is already in use")
        # Workers as threads of this process: a task only waits for its
        # detente, so they need no process of their own, and Dask's worker
        # processes cost start-up and idle CPU (measured: 8.8% of a core
        # idle against 3.1%, and about 2 s to start).
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=False,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    ready = time.monotonic() - start
    try:
        os.makedirs(shard_dir, exist_ok=True)
        workers = len(client.scheduler_info()["workers"])
        if not args.quiet:
            note(f"{documents} documents in {len(partitions)} partitions, "
                 f"{workers} workers, shards in {shard_dir}")
        run_id = uuid.uuid4().hex[:8]
        futures = {}
        for i, part in enumerate(partitions):
            spec = {"index": i, "pieces": part["pieces"], "detente": detente,
                    "shard_dir": shard_dir, "cwd": os.getcwd(), "jobs": args.jobs,
                    "malloc_trim": malloc_trim}
            f = client.submit(run_partition, spec, retries=args.retries, pure=False,
                              key=f"detente-partition-{run_id}-{i:05d}")
            futures[f] = i
        bar = None
        if sys.stdout.isatty() and not args.quiet and futures:
            bar = threading.Thread(target=progress, args=(list(futures),), daemon=True)
            bar.start()
        merger = Merger(args, detente, len(partitions), detente_environment(malloc_trim))
        seen_errors = set()
        submitted = last_result = time.monotonic()
        busy = 0.0  # task seconds of the results used, to show idle workers
        for i, result, error in outcomes(as_completed(list(futures)), futures):
            last_result = time.monotonic()
            if error is None:
                busy += result["seconds"]
                for line in result["rejected"]:
                    if line not in seen_errors:  # a whole-file error, once for all its ranges
                        seen_errors.add(line)
                        print(line, file=sys.stderr)
                merger.finished(i, result)
            else:
                merger.gave_up(i, f"failed after {args.retries} retries: {error}")
            if merger.fatal:
                break
        if bar:
            bar.join(timeout=5)  # let it draw 100%
    finally:
        client.close()
        if cluster:
            cluster.close()
    if sys.stdout.isatty() and not args.quiet:
        print(file=sys.stdout)
    if merger.fatal:
        note(merger.fatal + "; what was merged stays, run again to finish")
        return EXIT_DATA
    lost = merger.lost + [(i, "never finished") for i in merger.missing()]
    missed = sum(partitions[i]["documents"] for i, _ in lost)
    for i, why in lost:
        note(f"lost partition {i} ({partitions[i]['documents']} documents: "
             f"{describe(partitions[i])}): {why}")
    if not args.keep_shards:
        left = [n for n in os.listdir(shard_dir) if n.startswith("part-")]
        if left:
            # Attempts on workers that were lost: never merged, kept for a look.
            note(f"{len(left)} files of lost attempts left in {shard_dir}")
        else:
            os.rmdir(shard_dir)
    after = counts(args.db)
    seconds = time.monotonic() - start
    added, events = after[0] - before[0], after[1] - before[1]
    if not args.quiet:
        rejected = len(seen_errors)
        note(f"{documents} documents read: {added} added, {documents - added - rejected - missed} "
             f"already present, {rejected} rejected, {missed} lost; {events} events added to "
             f"{args.db}; "
             f"{seconds:.1f} s ({documents / seconds:.1f} documents/s, "
             f"{events / seconds:.1f} events/s) on {workers} workers")
        span = max(last_result - submitted, 1e-9)
        note(f"of which {ready:.1f} s to reach the cluster, {merger.seconds:.1f} s merging "
             f"({time.monotonic() - last_result:.1f} s from the last task's end to here); "
             f"tasks kept the workers {100 * busy / (workers * span):.0f}% busy")
    if lost:
        note(f"{len(lost)} partitions lost: their {missed} documents were not merged; "
             f"run again to add them")
    return EXIT_DATA if seen_errors or merger.failed or lost else EXIT_OK


def main(argv):
    args = parse_args(argv)
    try:
        return run(args)
    except KeyboardInterrupt:
        note("interrupted; what was merged stays, run again to finish")
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
