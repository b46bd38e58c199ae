#!/usr/bin/python3
"""scripts/cluster_ingest.py against a real Dask cluster on loopback.

Starts `dask-scheduler` and two `dask-worker` processes (Debian's
python3-distributed, hence /usr/bin/python3) on free loopback ports, writes a
generated corpus (text files, a JSONL file with a blank and a broken line),
and checks that the store the driver builds equals one `detente ingest` of
the same corpus: the same documents, sentences, entity names, kinds,
countries, roles, evidence and aliases, the names each document gave, and
events with their mentions (ids aside). Two people in it share a surname. Then the same with a worker
killed in the middle of the run, and with the driver killed in the middle of
its merges and run again; and the race that once lost a partition (results
lost with their worker after as_completed had handed them out).

  tests/cluster/cluster_ingest_test.py --detente build/detente

CTest runs it (tests/CMakeLists.txt).
"""
import argparse
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DRIVER = os.path.join(SOURCE, "scripts", "cluster_ingest.py")
ARGS = None

# The sentences of the corpus, written for this test: who did what to whom,
# where and when, in combinations that share actors across documents.
ACTORS = ["Antony Blinken", "Wang Yi", "Sergei Lavrov", "Olaf Scholz", "Emmanuel Macron",
          "Narendra Modi", "Fumio Kishida", "Cyril Ramaphosa", "Luiz Inacio Lula da Silva"]
SURNAMES = ["Blinken", "Wang", "Lavrov", "Scholz", "Macron", "Modi", "Kishida", "Ramaphosa",
            "Lula"]
VERBS = ["met", "visited", "criticised", "praised", "telephoned", "thanked"]
PLACES = ["Nairobi", "Hanoi", "Lima", "Oslo", "Rabat", "Astana", "Canberra"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(i):
    a, b = i % 9, (i * 4 + 1) % 9
    if a == b:
        b = (b + 1) % 9
    title = f"{SURNAMES[a]} and {SURNAMES[b]} in {PLACES[i % 7]}, report {i}"
    body = (f"{ACTORS[a]} {VERBS[i % 6]} {ACTORS[b]} in {PLACES[i % 7]} on {DAYS[i % 5]}. "
            f"{SURNAMES[a]} said the meeting lasted {i % 5 + 1} hours.")
    if i % 3 == 0:
        body += f" {SURNAMES[b]} will visit {PLACES[(i + 2) % 7]} next month."
    if i % 4 == 0:
        body += f" {ACTORS[(a + 3) % 9]} did not attend the talks."
    # Two people share a surname, and a later story names one by it alone:
    # which one it is depends on the stories stored before it, across shards.
    if i % 10 == 2:
        body += f" Amal Farouk telephoned {ACTORS[b]} from {PLACES[(i + 1) % 7]}."
    elif i % 10 == 5:
        body += f" Farouk thanked {ACTORS[a]} on {DAYS[(i + 1) % 5]}."
    elif i % 10 == 8:
        body += f" Omar Farouk criticised {ACTORS[b]} in {PLACES[(i + 3) % 7]}."
    return title, body


def write_corpus(root, n_text, n_jsonl):
    """n_text .txt files in two folders and a JSONL file of n_jsonl lines
    with a blank line and a broken line among them. Returns the number of
    valid documents."""
    import json
    for i in range(n_text):
        title, body = article(i)
        folder = os.path.join(root, "wire-a" if i % 2 else "wire-b")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"story-{i:03d}.txt"), "w") as f:
            f.write(f"{title}\nDate: 2024-03-{1 + i % 28:02d}\n\n{body}\n")
    with open(os.path.join(root, "feed.jsonl"), "w") as f:
        for j in range(n_jsonl):
            i = n_text + j
            title, body = article(i)
            if j == 5:
                f.write("\n")
            if j == 9:
                f.write('{"id": "broken", "text": \n')  # reported as feed.jsonl:LINE
            f.write(json.dumps({"id": f"feed-{j}", "title": title, "date": "2024-04-02",
                                "text": body}) + "\n")
    return n_text + n_jsonl


DUMP = [
    "SELECT 'document', source, doc_id, title, url, published, sha256 FROM documents",
    "SELECT 'sentence', d.sha256, s.idx, s.in_title, s.start, s.end, s.text "
    "FROM sentences s JOIN documents d ON d.id = s.document_id",
    "SELECT 'entity', name, kind, country, role FROM entities",
    "SELECT 'alias', a.alias, e.name FROM aliases a JOIN entities e ON e.id = a.entity_id",
    "SELECT 'evidence', e.name, v.attr, v.value, v.n FROM entity_evidence v "
    "JOIN entities e ON e.id = v.entity_id",
    "SELECT 'named', d.sha256, n.seq, n.name, n.aliases, n.kind, n.country, n.role "
    "FROM document_entities n JOIN documents d ON d.id = n.document_id",
    "SELECT 'event', d.sha256, s.idx, a.name, e.action, e.action_class, o.name, p.name, "
    "e.event_date, e.time_text, e.negated, e.modality, e.confidence, e.extractor_version, "
    "e.actor_name, e.object_name, e.place_name, "
    "(SELECT count(*) FROM events x WHERE coalesce(x.head_id, x.id) = coalesce(e.head_id, e.id)) "
    "FROM events e JOIN sentences s ON s.id = e.sentence_id "
    "JOIN documents d ON d.id = s.document_id JOIN entities a ON a.id = e.actor_id "
    "LEFT JOIN entities o ON o.id = e.object_id LEFT JOIN entities p ON p.id = e.place_id",
]


def dump(db):
    """Every row of the store without ids, sorted: equal dumps, equal stores."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return sorted(tuple("" if v is None else str(v) for v in row)
                      for q in DUMP for row in con.execute(q))
    finally:
        con.close()


def count(db, table):
    if not os.path.exists(db):
        return 0
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # not created yet
    finally:
        con.close()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


class Cluster:
    """A dask-scheduler and `n` dask-workers (no nanny, so that a killed
    worker stays dead) on loopback."""

    def __init__(self, workdir, n=2):
        self.workdir, self.started = workdir, 0
        self.log = open(os.path.join(workdir, "cluster.log"), "w")
        port = free_port()
        self.address = f"tcp://127.0.0.1:{port}"
        self.scheduler = subprocess.Popen(
            ["/usr/bin/dask-scheduler", "--host", "127.0.0.1", "--port", str(port),
             "--no-dashboard"], stdout=self.log, stderr=subprocess.STDOUT, cwd=workdir)
        self.workers = {}  # name -> process
        for _ in range(n):
            self.start_worker()
        self.wait_for_workers(n)

    def start_worker(self):
        name = f"w{self.started}"
        self.started += 1
        self.workers[name] = subprocess.Popen(
            ["/usr/bin/dask-worker", self.address, "--host", "127.0.0.1", "--nthreads", "1",
             "--no-nanny", "--no-dashboard", "--name", name],
            stdout=self.log, stderr=subprocess.STDOUT, cwd=self.workdir)

    def wait_for_workers(self, n):
        from distributed import Client
        deadline = time.monotonic() + 120
        with Client(self.address, timeout=120) as client:
            while len(client.scheduler_info()["workers"]) < n:
                if time.monotonic() > deadline:
                    raise RuntimeError("the workers did not join the scheduler")
                time.sleep(0.1)

    def kill(self, name):
        """SIGKILLs a worker and starts another in its place (it joins later)."""
        victim = self.workers.pop(name)
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        self.start_worker()

    def close(self):
        processes = list(self.workers.values()) + [self.scheduler]
        for p in processes:
            if p.poll() is None:
                p.terminate()
        for p in processes:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        self.log.close()


def worker_name(client, address):
    return client.scheduler_info()["workers"][address]["name"]


def square_slowly(i):
    time.sleep(0.5)
    return i * i


class ClusterIngestTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="detente-cluster-")
        cls.docs = write_corpus(os.path.join(cls.dir, "corpus"), 36, 24)
        # The reference: one ingest of the whole corpus, from the same folder
        # (sources are stored as given).
        single = subprocess.run([ARGS.detente, "ingest", "-q", "-j", "2", "--db", "single.db",
                                 "corpus"], cwd=cls.dir, capture_output=True, text=True)
        assert single.returncode == 3, single.stderr  # the broken line
        cls.single_errors = single.stderr.splitlines()
        cls.expected = dump(os.path.join(cls.dir, "single.db"))
        cls.cluster = Cluster(cls.dir)

    @classmethod
    def tearDownClass(cls):
        cls.cluster.close()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def driver(self, db, *extra):
        self.cluster.wait_for_workers(2)  # a test before may have killed one
        argv = ["/usr/bin/python3", DRIVER, "--detente", ARGS.detente, "--db", db,
                "--scheduler", self.cluster.address, "--partition-size", "4", *extra, "corpus"]
        return subprocess.Popen(argv, cwd=self.dir, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)

    def check_store(self, db):
        self.assertEqual(count(db, "documents"), self.docs)
        got = dump(db)
        missing = [r for r in self.expected if r not in got]
        extra = [r for r in got if r not in self.expected]
        self.assertEqual((missing[:5], extra[:5]), ([], []))
        self.assertEqual(got, self.expected)

    def test_merged_store_equals_one_ingest(self):
        db = os.path.join(self.dir, "merged.db")
        p = self.driver(db)
        out, err = p.communicate(timeout=900)
        self.assertEqual(p.returncode, 3, err)  # the broken line
        self.check_store(db)
        # The bad line is reported as ingest reports it, once.
        bad = [l for l in self.single_errors if l.startswith("corpus/feed.jsonl:")]
        self.assertEqual(len(bad), 1, self.single_errors)
        self.assertEqual(err.count(bad[0]), 1, err)
        self.assertIn(f"{self.docs + 1} documents read: {self.docs} added, 0 already present, "
                      "1 rejected, 0 lost;", err)
        self.assertFalse(os.path.exists(db + ".shards"), "merged shards are removed")

    def test_local_cluster_equals_one_ingest(self):
        """Without --scheduler: the driver's own local cluster (its workers
        are threads of the driver, each waiting for a detente)."""
        db = os.path.join(self.dir, "local.db")
        argv = ["/usr/bin/python3", DRIVER, "--detente", ARGS.detente, "--db", db,
                "--workers", "2", "--partition-size", "4", "corpus"]
        p = subprocess.run(argv, cwd=self.dir, capture_output=True, text=True, timeout=900)
        self.assertEqual(p.returncode, 3, p.stderr)  # the broken line
        self.assertIn("1 rejected, 0 lost;", p.stderr)
        self.assertIn("on 2 workers", p.stderr)
        self.check_store(db)

    def test_killed_worker_loses_and_doubles_nothing(self):
        db = os.path.join(self.dir, "killed-worker.db")
        p = self.driver(db)
        # Kill a worker once the first shard is merged, while tasks remain.
        wait_for(lambda: count(db, "documents") > 0 or p.poll() is not None, 600,
                 "the first merge")
        self.assertIsNone(p.poll(), "the run ended before a worker could be killed")
        # ... and while it runs a task, so that the task is lost with it (and
        # so are the results it holds that the driver has not gathered yet).
        from distributed import Client
        with Client(self.cluster.address) as client:
            busy = []

            def find_busy():
                busy[:] = [a for a, tasks in client.processing().items() if tasks]
                return busy
            wait_for(find_busy, 600, "a worker running a task")
            self.cluster.kill(worker_name(client, busy[0]))  # another takes its place
        out, err = p.communicate(timeout=900)
        self.assertEqual(p.returncode, 3, err)  # the broken line, and nothing else:
        self.assertNotIn("lost partition", err)
        self.assertIn("1 rejected, 0 lost;", err)
        self.check_store(db)

    def test_result_lost_after_it_was_yielded(self):
        """The race that lost a partition under ASan: as_completed yields a
        finished future, its worker dies before the driver gathers the
        result, and the future turns "lost". The driver must wait for Dask
        to run the task again, not take the partition for a failed one."""
        import importlib.util
        spec = importlib.util.spec_from_file_location("cluster_ingest", DRIVER)
        driver = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(driver)
        from distributed import Client, as_completed, wait
        self.cluster.wait_for_workers(2)
        with Client(self.cluster.address) as client:
            futures = {client.submit(square_slowly, i, pure=False): i for i in range(4)}
            wait(list(futures))
            done = as_completed(list(futures))
            wait_for(lambda: not done.futures, 60, "every future queued as finished")
            self.assertEqual({f.status for f in futures}, {"finished"})
            held = [a for addrs in client.who_has(list(futures)).values() for a in addrs]
            holder = max(set(held), key=held.count)
            self.cluster.kill(worker_name(client, holder))
            wait_for(lambda: any(f.status == "lost" for f in futures), 60,
                     "the client to hear that results are lost")
            got = {i: (result, error) for i, result, error in driver.outcomes(done, futures)}
        self.assertEqual(got, {i: (i * i, None) for i in range(4)})

    def test_killed_merge_resumes(self):
        db = os.path.join(self.dir, "resumed.db")
        p = self.driver(db)
        wait_for(lambda: count(db, "documents") > 0 or p.poll() is not None, 600,
                 "the first merge")
        self.assertIsNone(p.poll(), "the run ended before it could be killed")
        p.send_signal(signal.SIGKILL)
        p.communicate()
        # A merge the driver had started may still finish its shard (one
        # transaction): whole shards only, never part of one.
        partial = count(db, "documents")
        self.assertLess(partial, self.docs)
        # Run again: what was merged stays, the rest is added, nothing twice.
        p = self.driver(db)
        out, err = p.communicate(timeout=900)
        self.assertEqual(p.returncode, 3, err)
        added = int(re.search(r"documents read: (\d+) added", err).group(1))
        self.assertGreater(added, 0)
        self.assertLess(added, self.docs)
        self.check_store(db)


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--detente", required=True)
    ARGS, rest = parser.parse_known_args()
    ARGS.detente = os.path.abspath(ARGS.detente)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
