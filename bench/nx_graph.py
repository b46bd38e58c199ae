#!/usr/bin/env python3
"""The NetworkX side of bench/graph.sh: one process that loads a detente
database into networkx and answers the same questions as `detente path` and
`detente neighbours --radius 2`, timing each phase from process start.

    nx_graph.py DB FROM_ID TO_ID CENTER_ID [CENTER_ID ...]

Prints one JSON object: seconds from process start to the end of the load,
then the seconds of each query alone, and the answers (hops, ego sizes) so
that bench/graph_bench.py can check that they agree with detente's.
"""
import json
import sqlite3
import sys
import time

START = time.monotonic()

import networkx as nx  # noqa: E402  (imported after START: its import is part of the cost)


def main():
    db, src, dst = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    centers = [int(c) for c in sys.argv[4:]]
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    g = nx.MultiDiGraph()
    # The same vertices and edges as detente's default filter.
    g.add_nodes_from(r[0] for r in con.execute("SELECT id FROM entities"))
    g.add_edges_from(
        (a, o, k)
        for k, a, o in con.execute(
            "SELECT id, actor_id, object_id FROM events WHERE object_id IS NOT NULL "
            "AND negated = 0 AND modality = 'asserted'"
        )
    )
    out = {"load_s": time.monotonic() - START}

    t = time.monotonic()
    path = nx.shortest_path(g.to_undirected(as_view=True), src, dst)
    out["path_s"] = time.monotonic() - t
    out["path_hops"] = len(path) - 1

    for c in centers:
        t = time.monotonic()
        ego = nx.ego_graph(g, c, radius=2, undirected=True)
        out[f"ego_{c}_s"] = time.monotonic() - t
        out[f"ego_{c}_entities"] = ego.number_of_nodes() - 1
        out[f"ego_{c}_events"] = ego.number_of_edges()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
