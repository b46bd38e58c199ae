// `rank` and `neighbours` against Debian's networkx run on the default
// export, on a database built by ingesting the articles in
// tests/data/export/networkx/ with the real binary.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_util.h"
#include "detente/json.h"

using namespace detente;
using namespace detente::testing;

namespace {

// Compares the files detente wrote with what networkx computes on the
// export; prints "ok <nodes> <edges> <checks>" or the first difference.
const char* kCompare = R"(
import json, sys
import networkx as nx
export, rank_dir, *centers = sys.argv[1:]
data = json.load(open(export, encoding="utf-8"))
try:
    G = nx.node_link_graph(data, edges="links")
except TypeError:
    G = nx.node_link_graph(data)
try:
    pagerank = nx.pagerank(G, alpha=0.85)
except ImportError:  # no scipy: networkx's pure-Python version
    from networkx.algorithms.link_analysis import pagerank_alg
    pagerank = pagerank_alg._pagerank_python(G, alpha=0.85)
expected = {
    "pagerank": pagerank,
    "betweenness": nx.betweenness_centrality(nx.Graph(G.to_undirected())),
    "degree": dict(G.degree()),
}
checks = 0
for by, theirs in expected.items():
    ours = {"n%d" % r["id"]: r[by] for r in json.load(open(f"{rank_dir}/{by}.json"))}
    assert set(ours) == set(theirs), (by, set(ours) ^ set(theirs))
    for node, score in theirs.items():
        assert abs(ours[node] - score) < 1e-6, (by, node, ours[node], score)
        checks += 1
for center in centers:
    for radius in (1, 2):
        ours = json.load(open(f"{rank_dir}/{center}-{radius}.json"))
        ego = nx.ego_graph(G, center, radius=radius, undirected=True)
        members = {"n%d" % e["id"]: e for e in ours["entities"]}
        assert set(members) == set(ego.nodes), (center, radius, set(members) ^ set(ego.nodes))
        lengths = nx.single_source_shortest_path_length(G.to_undirected(), center, cutoff=radius)
        for node, e in members.items():
            assert e["distance"] == lengths[node], (center, node)
            # Events of the member inside the ego network; a self-loop once.
            n = sum(1 for u, v in ego.edges() if node in (u, v))
            assert e["events"] == n, (center, radius, node, e["events"], n)
            checks += 1
        events = sorted("e%d" % e["id"] for e in ours["events"])
        assert events == sorted(k for _, _, k in ego.edges(keys=True)), (center, radius)
print("ok", G.number_of_nodes(), G.number_of_edges(), checks > 0)
)";

RunResult Detente(const std::vector<std::string>& args) {
  RunResult r = RunDetente(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

}  // namespace

TEST_CASE("networkx: rank and neighbours agree with networkx on the default export",
          "[export][networkx]") {
  TempDir dir;
  const std::string db = dir.File("n.db");
  Detente({"ingest", "-q", "--db", db, SourceDir() + "/tests/data/export/networkx"});

  const std::string json = dir.File("g.json"), all = dir.File("all.json");
  Detente({"export", "--db", db, "--format", "json", "-o", json});
  Detente({"export", "--db", db, "--format", "json", "--include-isolated", "-o", all});
  auto exported = ParseJson(ReadFile(json));
  auto everything = ParseJson(ReadFile(all));
  REQUIRE(exported.ok());
  REQUIRE(everything.ok());
  const size_t nodes = exported->Find("nodes")->items().size();
  // The articles name places and people in no event: the entities that
  // made rank disagree with the export, when rank counted them.
  REQUIRE(everything->Find("nodes")->items().size() > nodes);
  REQUIRE(nodes >= 8);
  REQUIRE(exported->Find("links")->items().size() >= 8);

  for (const char* by : {"pagerank", "betweenness", "degree"}) {
    RunResult r = Detente({"rank", "--db", db, "--by", by, "--top", "0", "--format", "json"});
    WriteFile(dir.File(std::string(by) + ".json"), r.out);
  }
  // Neighbourhoods of the two entities with the most events.
  RunResult top = Detente({"rank", "--db", db, "--top", "2", "--format", "json"});
  auto ranked = ParseJson(top.out);
  REQUIRE(ranked.ok());
  std::vector<std::string> centers;
  for (const JsonValue& e : ranked->items()) {
    const std::string id = std::to_string(static_cast<int64_t>(e.Find("id")->as_number()));
    centers.push_back("n" + id);
    for (int radius : {1, 2}) {
      RunResult r = Detente({"neighbours", "--db", db, "#" + id, "--radius", std::to_string(radius),
                             "--format", "json"});
      WriteFile(dir.File("n" + id + "-" + std::to_string(radius) + ".json"), r.out);
    }
  }
  REQUIRE(centers.size() == 2);

  std::vector<std::string> argv = {"/usr/bin/python3", "-c", kCompare, json, dir.path().string()};
  argv.insert(argv.end(), centers.begin(), centers.end());
  RunResult r = RunCommand(argv);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "ok " + std::to_string(nodes) + " " +
                     std::to_string(exported->Find("links")->items().size()) + " True\n");
}
