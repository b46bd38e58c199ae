#!/usr/bin/python3
"""Latency of `detente serve` on the 1M-event bench database; run through
bench/serve.sh (which builds and generates the database).

1. API: starts `detente serve --rate 0` on a free loopback port and sends
   each request REQS times in a row (one client, keep-alive), after a
   warm-up, timing each from send to the last byte; median and p99 of all,
   and the median of each of RUNS rounds with min-max.
   - search: a different 3-letter prefix of an entity name each time;
   - neighbours radius 1 of a median-degree entity and of the biggest hub;
   - path between two median-degree entities;
   - timeline by month of the median entity and of the hub;
   - events (first page of 20) of the hub.
2. Page (headless Chromium through selenium): /?entity=ID opened RUNS times
   for the median entity and the hub; the time from navigation start to the
   ego network drawn (the page's performance mark "graph-drawn"), and how
   many nodes were drawn. Then, on the hub's view (500 nodes), the frame
   times while a node is dragged for 2 s (the force layout runs again on
   every frame) and the time from a click on a node to its evidence shown.
Prints a markdown table on stdout; progress on stderr.
"""
import argparse
import http.client
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

RUNS_MIN = 5


def pct(xs, p):
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1)))))
    return xs[k]


def sql_one(detente, db, q):
    out = subprocess.run([detente, "sql", "--db", db, "--format", "json", q], check=True,
                         capture_output=True, text=True).stdout
    row = json.loads(out)[0]
    return list(row.values())


class Server:
    def __init__(self, detente, db):
        self.out = tempfile.TemporaryFile(mode="w+")
        self.proc = subprocess.Popen([detente, "serve", "--db", db, "--port", "0", "--rate", "0"],
                                     stdout=self.out, stderr=subprocess.DEVNULL)
        t0 = time.monotonic()
        self.port = None
        while time.monotonic() - t0 < 120:
            self.out.seek(0)
            m = re.search(r"127\.0\.0\.1:(\d+)/", self.out.read())
            if m:
                self.port = int(m.group(1))
                break
            time.sleep(0.05)
        if not self.port:
            raise SystemExit("serve_bench: the server did not start")
        self.startup_s = time.monotonic() - t0
        self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)

    def get(self, path):
        t = time.perf_counter()
        self.conn.request("GET", path)
        r = self.conn.getresponse()
        body = r.read()
        dt = time.perf_counter() - t
        if r.status != 200:
            raise SystemExit(f"serve_bench: {path} -> {r.status} {body[:200]}")
        return dt, body

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=30)


def api_rows(srv, ids, names, reqs, runs):
    median_v, other_v, hub_v = ids
    rng = random.Random(1)
    prefixes = [n[:3] for n in names if len(n) >= 3]
    cases = [
        ("search (3-letter prefix, limit 10)", lambda i: "/api/search?" + urllib.parse.urlencode(
            {"q": prefixes[(i * 7919) % len(prefixes)], "limit": 10})),
        (f"neighbours radius 1, median-degree #{median_v}", lambda i: f"/api/neighbours?entity={median_v}"),
        (f"neighbours radius 1, biggest hub #{hub_v}", lambda i: f"/api/neighbours?entity={hub_v}"),
        (f"neighbours radius 1, hub, as the page asks (edges=1500)",
         lambda i: f"/api/neighbours?entity={hub_v}&limit=500&edges=1500"),
        (f"path #{median_v} → #{other_v}", lambda i: f"/api/path?from={median_v}&to={other_v}"),
        (f"timeline by month, #{median_v}", lambda i: f"/api/timeline?entity={median_v}"),
        (f"timeline by month, hub #{hub_v}", lambda i: f"/api/timeline?entity={hub_v}"),
        (f"events, first page, hub #{hub_v}", lambda i: f"/api/events?entity={hub_v}"),
    ]
    rows = []
    for name, make in cases:
        srv.get(make(0))  # warm-up
        per_run, all_t, size = [], [], 0
        for r in range(runs):
            ts = []
            for i in range(reqs):
                dt, body = srv.get(make(r * reqs + i))
                ts.append(dt)
                size = len(body)
            per_run.append(statistics.median(ts))
            all_t += ts
        ms = lambda x: f"{x * 1000:.1f}"
        rows.append((name, ms(statistics.median(all_t)), ms(pct(all_t, 99)),
                     f"{ms(min(per_run))}–{ms(max(per_run))}", f"{size / 1024:.0f} KiB"))
        print(f"{name}: median {ms(statistics.median(all_t))} ms", file=sys.stderr)
    return rows


def page_rows(base, ids, runs):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1400,1500",
                 "--user-data-dir=" + tempfile.mkdtemp(prefix="detente-bench-chromium-")]:
        opts.add_argument(flag)
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    rows = []
    try:
        median_v, _, hub_v = ids
        for label, v in [("median-degree", median_v), ("biggest hub", hub_v)]:
            times, nodes = [], 0
            for _ in range(runs + 1):  # the first load warms the server and the cache
                d.get(f"{base}?entity={v}")
                WebDriverWait(d, 120).until(
                    lambda d: d.find_element(By.ID, "graph").get_attribute("data-state") == "drawn")
                t = d.execute_script("return performance.getEntriesByName('graph-drawn')[0].startTime")
                nodes = d.execute_script("return document.querySelectorAll('#graph g.node').length")
                times.append(t)
            times = times[1:]
            rows.append((f"page: /?entity={v} ({label}) to a drawn ego network, {nodes} nodes",
                         f"{statistics.median(times):.0f} ms", f"{min(times):.0f}–{max(times):.0f} ms"))
            print(rows[-1], file=sys.stderr)
        # Responsiveness on the hub's 500-node view.
        d.get(f"{base}?entity={hub_v}")
        WebDriverWait(d, 120).until(
            lambda d: d.find_element(By.ID, "graph").get_attribute("data-state") == "drawn")
        frames = d.execute_async_script("""
            const done = arguments[arguments.length - 1];
            const node = [...document.querySelectorAll('#graph g.node:not(.center):not(.group) circle')][5];
            const r = node.getBoundingClientRect();
            let x = r.left + r.width / 2, y = r.top + r.height / 2;
            const opts = (x, y) => ({bubbles: true, clientX: x, clientY: y, view: window, buttons: 1});
            node.dispatchEvent(new MouseEvent('mousedown', opts(x, y)));
            const times = [];
            let last = performance.now();
            const t0 = last;
            function step(now) {
              times.push(now - last); last = now;
              x += 2; y += 1;
              window.dispatchEvent(new MouseEvent('mousemove', opts(x, y)));
              if (now - t0 < 2000) requestAnimationFrame(step);
              else { window.dispatchEvent(new MouseEvent('mouseup', opts(x, y))); done(times.slice(1)); }
            }
            requestAnimationFrame(step);""")
        n = d.execute_script("return document.querySelectorAll('#graph g.node').length")
        rows.append((f"page: dragging a node of the hub's view ({n} nodes: the node and its lines move)",
                     f"{statistics.median(frames):.0f} ms/frame",
                     f"p95 {pct(frames, 95):.0f} ms, {len(frames)} frames in 2 s"))
        clicks = []
        for i in range(runs):
            c = d.execute_async_script("""
                const done = arguments[arguments.length - 1];
                const nodes = [...document.querySelectorAll('#graph g.node:not(.group)')];
                const node = nodes[1 + arguments[0]];
                const name = node.getAttribute('data-name');
                const t0 = performance.now();
                node.dispatchEvent(new MouseEvent('click', {bubbles: true}));
                const poll = () => {
                  const t = document.getElementById('evidence-title').textContent;
                  if (t.startsWith(name + ':')) done(performance.now() - t0); else setTimeout(poll, 2);
                };
                poll();""", i)
            clicks.append(c)
        rows.append(("page: click on a node of the hub's view to its evidence shown",
                     f"{statistics.median(clicks):.0f} ms", f"{min(clicks):.0f}–{max(clicks):.0f} ms"))
        print(rows[-2:], file=sys.stderr)
    finally:
        d.quit()
    return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--detente", required=True)
    p.add_argument("--db", required=True)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--reqs", type=int, default=40, help="requests per round and case")
    a = p.parse_args()
    runs = max(RUNS_MIN, a.runs)
    asserted = "e.object_id IS NOT NULL AND e.negated = 0 AND e.modality = 'asserted'"
    degree = ("WITH d AS (SELECT v, count(*) c FROM (SELECT actor_id v FROM events e WHERE "
              f"{asserted} UNION ALL SELECT object_id FROM events e WHERE {asserted}) GROUP BY v) ")
    n = sql_one(a.detente, a.db, degree + "SELECT count(*) AS n FROM d")[0]
    median_v, median_c = sql_one(a.detente, a.db, degree + f"SELECT v, c FROM d ORDER BY c, v LIMIT 1 OFFSET {n // 2}")
    other_v, other_c = sql_one(a.detente, a.db, degree + f"SELECT v, c FROM d ORDER BY c, v LIMIT 1 OFFSET {n // 2 + 1}")
    hub_v, hub_c = sql_one(a.detente, a.db, degree + "SELECT v, c FROM d ORDER BY c DESC, v LIMIT 1")
    names = json.loads(subprocess.run([a.detente, "sql", "--db", a.db, "--format", "json",
                                       "SELECT name FROM entities ORDER BY id LIMIT 5000"],
                                      check=True, capture_output=True, text=True).stdout)
    names = [r["name"] for r in names]
    print(f"median #{median_v} ({median_c}), other #{other_v} ({other_c}), hub #{hub_v} ({hub_c})",
          file=sys.stderr)
    srv = Server(a.detente, a.db)
    try:
        api = api_rows(srv, (median_v, other_v, hub_v), names, a.reqs, runs)
        page = page_rows(f"http://127.0.0.1:{srv.port}/", (median_v, other_v, hub_v), runs)
    finally:
        srv.stop()
    print(f"Server start-up (graph from a fresh snapshot, search index): {srv.startup_s:.1f} s; "
          f"degrees: median #{median_v} {median_c}, #{other_v} {other_c}, hub #{hub_v} {hub_c:,}.\n")
    print("| request | median ms | p99 ms | median of each round (min–max) | answer size |")
    print("|---|---|---|---|---|")
    for r in api:
        print("| " + " | ".join(r) + " |")
    print()
    print("| page | median | min–max |")
    print("|---|---|---|")
    for r in page:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
