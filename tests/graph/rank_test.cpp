#include <catch2/catch.hpp>
#include <map>
#include <sstream>

#include "detente/export.h"
#include "detente/graph.h"
#include "export/export_fixture.h"
#include "graph/graph_fixture.h"
#include "test_util.h"

using namespace detente;
using namespace detente::testing;

namespace {

// Scores by entity id, as networkx computes them on the graph the default
// export gives (the entities that take part in an event): one line per
// measure, "id:score id:score ...".
std::map<std::string, std::map<int64_t, double>> NetworkxScores(const Graph& g,
                                                                const std::string& dir) {
  std::string edges;
  for (const GraphEvent& e : g.events()) {
    edges +=
        std::to_string(g.entity(e.actor).id) + " " + std::to_string(g.entity(e.object).id) + "\n";
  }
  std::string nodes;
  for (uint32_t v : WholeGraph(g).vertices) nodes += std::to_string(g.entity(v).id) + "\n";
  WriteFile(dir + "/edges.txt", edges);
  WriteFile(dir + "/nodes.txt", nodes);
  const char* script = R"(
import sys
import networkx as nx
G = nx.MultiDiGraph()
G.add_nodes_from(int(x) for x in open(sys.argv[1]).read().split())
for line in open(sys.argv[2]):
    a, b = line.split()
    G.add_edge(int(a), int(b))
def show(name, scores):
    print(name, " ".join(f"{k}:{v:.10f}" for k, v in sorted(scores.items())))
try:
    pr = nx.pagerank(G, alpha=0.85)
except ImportError:  # no numpy/scipy: networkx's pure-Python version
    from networkx.algorithms.link_analysis import pagerank_alg
    pr = pagerank_alg._pagerank_python(G, alpha=0.85)
show("pagerank", pr)
show("betweenness", nx.betweenness_centrality(nx.Graph(G.to_undirected())))
show("directed", nx.betweenness_centrality(nx.DiGraph(G)))
show("degree", dict(G.degree()))
)";
  ProgramResult r = RunProgram({"python3", "-c", script, dir + "/nodes.txt", dir + "/edges.txt"});
  if (r.exit_code != 0) throw std::runtime_error("networkx failed: " + r.err);
  std::map<std::string, std::map<int64_t, double>> out;
  std::istringstream lines(r.out);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string name, pair;
    words >> name;
    while (words >> pair) {
      size_t colon = pair.find(':');
      out[name][std::stoll(pair.substr(0, colon))] = std::stod(pair.substr(colon + 1));
    }
  }
  return out;
}

void CheckClose(const Graph& g, const std::vector<double>& ours,
                const std::map<int64_t, double>& theirs) {
  REQUIRE(ours.size() == g.num_vertices());
  size_t compared = 0;
  for (uint32_t v = 0; v < g.num_vertices(); ++v) {
    INFO(g.entity(v).name);
    auto it = theirs.find(g.entity(v).id);
    // An entity in no event is not in the export: it scores 0.
    CHECK(ours[v] == Approx(it == theirs.end() ? 0.0 : it->second).margin(1e-6));
    compared += it != theirs.end();
  }
  CHECK(compared == theirs.size());
}

}  // namespace

TEST_CASE("rank: PageRank, betweenness and degree match networkx", "[rank]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  for (bool everything : {false, true}) {
    GraphFilter f;
    f.include_future = f.include_negated = everything;  // adds a dangling-free path
    Graph g = LoadFixture(dir.File("g.db"), f);
    // Ukraine takes part in no event: the case where counting every entity
    // gave other numbers than networkx on the export.
    REQUIRE(WholeGraph(g).vertices.size() < g.num_vertices());
    auto nx = NetworkxScores(g, dir.path().string());
    CheckClose(g, PageRankScores(g), nx["pagerank"]);
    CheckClose(g, BetweennessScores(g, false), nx["betweenness"]);
    CheckClose(g, BetweennessScores(g, true), nx["directed"]);
    CheckClose(g, DegreeScores(g), nx["degree"]);
  }
}

TEST_CASE("rank: top entries by degree, highest first, ties by name", "[rank]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  Graph g = LoadFixture(dir.File("g.db"));
  RankOptions o;
  o.top = 3;
  std::vector<RankEntry> top = Rank(g, o);
  REQUIRE(top.size() == 3);
  CHECK(g.entity(top[0].vertex).name == "Antony Blinken");  // events 1, 2, 10, 12
  CHECK(top[0].score == 4);
  CHECK(g.entity(top[1].vertex).name == "Wang Yi");  // 1, 3, 10
  CHECK(top[1].score == 3);
  // Three entities have two events; "NATO" sorts first.
  CHECK(g.entity(top[2].vertex).name == "NATO");

  o.top = 0;
  std::vector<RankEntry> all = Rank(g, o);
  CHECK(all.size() == 15);  // Ukraine has no event and is left out
  for (size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].score >= all[i].score);
}

TEST_CASE("rank: betweenness puts the broker first", "[rank]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  Graph g = LoadFixture(dir.File("g.db"));
  RankOptions o;
  o.by = RankBy::kBetweenness;
  o.top = 1;
  std::vector<RankEntry> top = Rank(g, o);
  REQUIRE(top.size() == 1);
  CHECK(g.entity(top[0].vertex).name == "Antony Blinken");
  o.by = RankBy::kPageRank;
  top = Rank(g, o);
  REQUIRE(top.size() == 1);
  CHECK(top[0].score > 0);
}

TEST_CASE("rank: an empty graph ranks nothing", "[rank]") {
  Graph empty;
  CHECK(Rank(empty, RankOptions{}).empty());
  CHECK(PageRankScores(empty).empty());
  CHECK(BetweennessScores(empty).empty());
}
