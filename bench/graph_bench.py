#!/usr/bin/env python3
"""Storage and graph-query benchmarks; run through bench/graph.sh.

1. Storage: detente_gen_graph writes 1M events over 100k entities through the
   store's bulk path, RUNS times; events per second of the whole load and of
   the events table alone (its rows, reference checks and own indexes), CPU
   times, and bytes per event.
2. Graph queries on the last database, end to end (process start to answer,
   output to /dev/null), RUNS times each after one warm-up:
   - detente path between two median-degree entities, with a fresh snapshot
     and with none (the first query after an ingest: SQLite load + rebuild);
   - detente neighbours --radius 2 around a median-degree entity and around
     the biggest hub, as is (the table lists the 100 latest events) and with
     --limit 0 (every event with its sentence, as the CTEs print them);
   - the same questions in NetworkX (bench/nx_graph.py: load the tables, then
     shortest_path / ego_graph) and in SQLite recursive CTEs (sqlite3 shell).
Prints a markdown table of medians with min-max.
"""
import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

ASSERTED = "e.object_id IS NOT NULL AND e.negated = 0 AND e.modality = 'asserted'"


def bfs_cte(center, depth):
    return f"""WITH RECURSIVE bfs(v, d) AS (
  SELECT {center}, 0
  UNION SELECT e.object_id, bfs.d + 1 FROM bfs JOIN events e ON e.actor_id = bfs.v
        WHERE bfs.d < {depth} AND {ASSERTED}
  UNION SELECT e.actor_id, bfs.d + 1 FROM bfs JOIN events e ON e.object_id = bfs.v
        WHERE bfs.d < {depth} AND {ASSERTED}),
members(v, d) AS (SELECT v, min(d) FROM bfs GROUP BY v)"""


def cte_path(src, dst, hops):
    # The length of the shortest undirected path, searching as deep as
    # detente's answer.
    return bfs_cte(src, hops) + f"\nSELECT d FROM members WHERE v = {dst};\n"


def cte_ego(center):
    # Members with distances, then every event among them with its sentence,
    # as `detente neighbours --radius 2` prints them.
    date = ("COALESCE(e.event_date, (SELECT d.published FROM documents d "
            "WHERE d.id = s.document_id))")
    return (bfs_cte(center, 2) + "\nSELECT m.d, n.name, n.kind, n.country FROM members m "
            "JOIN entities n ON n.id = m.v ORDER BY m.d, n.name;\n" + bfs_cte(center, 2) +
            f"\nSELECT {date} AS date, a.name, e.action, o.name, s.text FROM events e "
            "JOIN entities a ON a.id = e.actor_id JOIN entities o ON o.id = e.object_id "
            f"JOIN sentences s ON s.id = e.sentence_id WHERE {ASSERTED} "
            # IN lets SQLite build an index on the members; a join on both
            # ends scanned them once per event.
            "AND e.actor_id IN (SELECT v FROM members) "
            "AND e.object_id IN (SELECT v FROM members) "
            "ORDER BY date IS NULL, date, e.id;\n")


CPU = {}  # command name -> CPU seconds (user + sys) of each timed run


def timed(cmd, stdin=None, env=None, name=None):
    """Runs cmd with stdout to /dev/null; returns wall seconds. With `name`,
    also records the child's CPU time in CPU[name] (on a busy machine, wall
    time includes waiting for a CPU; CPU time does not)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.monotonic()
    with open(os.devnull, "wb") as null:
        r = subprocess.run(cmd, input=stdin, stdout=null, stderr=subprocess.PIPE, env=env)
    elapsed = time.monotonic() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if name:
        CPU.setdefault(name, []).append(after.ru_utime - before.ru_utime + after.ru_stime -
                                        before.ru_stime)
    if r.returncode != 0:
        sys.exit(f"graph_bench: {' '.join(cmd)} failed: {r.stderr.decode()}")
    return elapsed


def fig(xs, unit="s", scale=1.0, fmt="{:.2f}"):
    xs = [x * scale for x in xs]
    return (f"{fmt.format(statistics.median(xs))} {unit} "
            f"({fmt.format(min(xs))}–{fmt.format(max(xs))})").strip()


def sql_one(db, query):
    import sqlite3
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    return con.execute(query).fetchone()


def storage_rows(gens, rows):
    g0 = gens[-1]
    rate = [float(g["events_per_s"]) for g in gens]
    rows.append(("Storage", f"bulk insert, {int(g0['events']):,} events + "
                 f"{int(g0['sentences']):,} sentences + {int(g0['entities']):,} entities + "
                 f"{int(g0['aliases']):,} aliases (events/s)",
                 fig(rate, "events/s", 1.0, "{:,.0f}")))
    rows.append(("Storage", "same, wall time incl. WAL checkpoint",
                 fig([float(g["total_s"]) for g in gens])))
    if "cpu_s" in g0:
        rows.append(("Storage", "same, CPU time of the generator (user + sys)",
                     fig([float(g["cpu_s"]) for g in gens])))
    if "events_table_per_s" in g0:
        rows.append(("Storage", f"events table alone: {int(g0['events']):,} event rows into a "
                     "database holding the entities and sentences, with their reference checks "
                     "and the events table's own index builds (events/s)",
                     fig([float(g["events_table_per_s"]) for g in gens], "events/s", 1.0,
                         "{:,.0f}")))
        rows.append(("Storage", "same, wall time",
                     fig([float(g["events_table_s"]) for g in gens])))
        rows.append(("Storage", "same, CPU time (user + sys)",
                     fig([float(g["events_table_cpu_s"]) for g in gens])))
    if "load_cpu_s" in g0:
        rows.append(("Storage", "whole load, CPU time without making the data (user + sys)",
                     fig([float(g["load_cpu_s"]) for g in gens])))
    rows.append(("Storage", "database size, bytes per event",
                 f"{float(g0['bytes_per_event']):.0f} B ({int(g0['bytes']) / 1e6:.0f} MB)"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--dir", default=os.environ.get("BENCH_DIR", "/tmp/detente-bench"))
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "5")))
    ap.add_argument("--events", type=int, default=1000000)
    ap.add_argument("--entities", type=int, default=100000)
    ap.add_argument("--queries-only", action="store_true",
                    help="skip the storage runs and query the database left by an earlier run")
    a = ap.parse_args()
    detente = os.path.join(a.build, "detente")
    gen = os.path.join(a.build, "bench", "detente_gen_graph")
    os.makedirs(a.dir, exist_ok=True)
    db = os.path.join(a.dir, "graph.db")
    runs = max(a.runs, 5)
    rows = []  # (section, what, figure)
    load_before = os.getloadavg()[0]

    # ---- storage ----
    gens = []
    for i in range(0 if a.queries_only else runs):
        out = subprocess.run([gen, "--db", db, "--events", str(a.events), "--entities",
                              str(a.entities), "--seed", "1"],
                             check=True, capture_output=True, text=True).stdout
        gens.append(dict(kv.split("=") for kv in out.split()))
        print(f"gen {i + 1}/{runs}: {out.strip()}", file=sys.stderr)
    if a.queries_only and not os.path.exists(db):
        sys.exit(f"graph_bench: no database at {db}; run without --queries-only first")
    if gens:
        storage_rows(gens, rows)
    else:
        rows.append(("Storage", "not measured (--queries-only)", "–"))

    # ---- pick the entities ----
    degree = ("WITH d AS (SELECT v, count(*) c FROM (SELECT actor_id v FROM events e WHERE "
              f"{ASSERTED} UNION ALL SELECT object_id FROM events e WHERE {ASSERTED}) GROUP BY v) ")
    n_deg = sql_one(db, degree + "SELECT count(*) FROM d")[0]
    median_v, median_c = sql_one(
        db, degree + f"SELECT v, c FROM d ORDER BY c, v LIMIT 1 OFFSET {n_deg // 2}")
    other_v, other_c = sql_one(
        db, degree + f"SELECT v, c FROM d ORDER BY c, v LIMIT 1 OFFSET {n_deg // 2 + 1}")
    hub_v, hub_c = sql_one(db, degree + "SELECT v, c FROM d ORDER BY c DESC, v LIMIT 1")
    snapshot = db + ".graph"
    snapshot_mb = 0.0

    def detente_cmd(*args):
        return [detente, *args, "--db", db]

    # ---- detente ----
    path_cmd = detente_cmd("path", f"#{median_v}", f"#{other_v}")
    nb_median = detente_cmd("neighbours", f"#{median_v}", "--radius", "2")
    nb_hub = detente_cmd("neighbours", f"#{hub_v}", "--radius", "2")
    # The same, listing every event (the table's default is the 100 latest).
    nb_median_all = nb_median + ["--limit", "0"]
    nb_hub_all = nb_hub + ["--limit", "0"]
    cold = []
    for _ in range(runs):
        if os.path.exists(snapshot):
            os.remove(snapshot)
        cold.append(timed(path_cmd, name="cold"))
    snapshot_mb = os.path.getsize(snapshot) / 1e6
    results = {}
    for name, cmd in [("path", path_cmd), ("nb_median", nb_median), ("nb_hub", nb_hub),
                      ("nb_median_all", nb_median_all), ("nb_hub_all", nb_hub_all)]:
        timed(cmd)  # warm-up: page cache, and a fresh snapshot
        results[name] = [timed(cmd, name=name) for _ in range(runs)]
    print(f"detente: {json.dumps(results)} cold path: {cold}", file=sys.stderr)
    path_out = subprocess.run(path_cmd, capture_output=True, text=True, check=True).stdout
    hops = int(path_out.split(": ")[1].split()[0]) if ": " in path_out else -1
    ego_head = {}
    for key, cmd in [("median", nb_median), ("hub", nb_hub)]:
        first = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        head = first.split("\n", 1)[0]  # "X: N entities within 2 hops, M events"
        ego_head[key] = (int(head.rsplit(": ", 1)[1].split()[0]),
                         int(head.rsplit(", ", 1)[1].split()[0]))

    # ---- NetworkX ----
    # Debian's python3-networkx when present (the packaged one), else ours.
    py = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
    nx_version = subprocess.run([py, "-c", "import networkx; print(networkx.__version__)"],
                                check=True, capture_output=True, text=True).stdout.strip()
    nx_runs = []
    for _ in range(runs):
        out = subprocess.run([py, os.path.join(HERE, "nx_graph.py"), db,
                              str(median_v), str(other_v), str(median_v), str(hub_v)],
                             check=True, capture_output=True, text=True).stdout
        nx_runs.append(json.loads(out))
        print(f"networkx: {out.strip()}", file=sys.stderr)
    nx_path = [r["load_s"] + r["path_s"] for r in nx_runs]
    nx_med = [r["load_s"] + r[f"ego_{median_v}_s"] for r in nx_runs]
    nx_hub = [r["load_s"] + r[f"ego_{hub_v}_s"] for r in nx_runs]
    nx0 = nx_runs[0]
    agree = (nx0["path_hops"] == hops and
             (nx0[f"ego_{median_v}_entities"], nx0[f"ego_{median_v}_events"]) == ego_head["median"]
             and (nx0[f"ego_{hub_v}_entities"], nx0[f"ego_{hub_v}_events"]) == ego_head["hub"])

    # ---- SQLite recursive CTE ----
    cte = {}
    sqlite3_shell = shutil.which("sqlite3")
    if sqlite3_shell:
        for name, q in [("path", cte_path(median_v, other_v, max(hops, 1))),
                        ("nb_median", cte_ego(median_v)), ("nb_hub", cte_ego(hub_v))]:
            cmd = [sqlite3_shell, "-batch", "-readonly", db]
            timed(cmd, q.encode())
            cte[name] = [timed(cmd, q.encode(), name="cte_" + name) for _ in range(runs)]
            print(f"cte {name}: {cte[name]}", file=sys.stderr)

    def cpu(name):
        return f"; CPU {statistics.median(CPU[name]):.2f} s"

    def ratio(other, ours):
        return f"{statistics.median(other) / statistics.median(ours):.1f}×"

    sec = "Graph queries"
    rows.append((sec, f"`path` #{median_v} → #{other_v} (degrees {median_c}, {other_c}; "
                 f"{hops} hops), snapshot fresh", fig(results["path"]) + cpu("path")))
    rows.append((sec, f"`path`, no snapshot (SQLite load + snapshot rebuild of "
                 f"{snapshot_mb:.0f} MB)", fig(cold) + cpu("cold")))
    rows.append((sec, f"`neighbours --radius 2` median-degree #{median_v} (degree "
                 f"{median_c}: {ego_head['median'][0]:,} entities, "
                 f"{ego_head['median'][1]:,} events)", fig(results["nb_median"]) + cpu("nb_median")))
    rows.append((sec, f"`neighbours --radius 2` hub #{hub_v} (degree {hub_c:,}: "
                 f"{ego_head['hub'][0]:,} entities, {ego_head['hub'][1]:,} events)",
                 fig(results["nb_hub"]) + cpu("nb_hub")))
    for key in ("median", "hub"):
        rows.append((sec, f"`neighbours --radius 2 --limit 0` {key} (every event listed, "
                     f"{ego_head[key][1]:,} rows with sentences)",
                     fig(results[f"nb_{key}_all"]) + cpu(f"nb_{key}_all")))
    rows.append((sec, f"NetworkX {nx_version} load (import + read tables + MultiDiGraph)",
                 fig([r["load_s"] for r in nx_runs])))
    for name, xs in [("path", nx_path), ("nb_median", nx_med), ("nb_hub", nx_hub)]:
        rows.append((sec, f"NetworkX {name} end to end (load + query; ratio to detente)",
                     f"{fig(xs)}; {ratio(xs, results[name])}"))
    # The CTEs print every event with its sentence: compared with --limit 0.
    for name, xs in cte.items():
        ours = name if name == "path" else name + "_all"
        rows.append((sec, f"SQLite recursive CTE {name} (sqlite3 shell; ratio to detente"
                     f"{'' if name == 'path' else ' --limit 0'})",
                     f"{fig(xs)}; {ratio(xs, results[ours])}{cpu('cte_' + name)}"))
    rows.append((sec, "NetworkX and detente agree on hops and ego sizes",
                 "yes" if agree else f"NO: {nx0} vs {hops} {ego_head}"))

    load_after = os.getloadavg()[0]
    print(f"Machine: {platform.node()}, {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} CPUs; load average {load_before:.1f} before, "
          f"{load_after:.1f} after. {runs} runs each; median (min–max).\n")
    print("| section | measurement | figure |")
    print("|---|---|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} |")


if __name__ == "__main__":
    main()
