#include <catch2/catch.hpp>

#include "detente/export.h"
#include "export/export_fixture.h"
#include "util/json.h"

using namespace detente;
using namespace detente::testing;

TEST_CASE("node_link: whole graph matches its golden file", "[node_link]") {
  ExportFixture fx;
  std::string json = Capture([&](std::ostream& os) {
    return WriteNodeLinkJson(fx.graph, WholeGraph(fx.graph), fx.options, os);
  });
  CHECK(json == Golden("graph.json.golden", json));
  auto parsed = ParseJson(json);
  REQUIRE(parsed.ok());
  CHECK(parsed->Find("nodes")->items().size() == 15);
  CHECK(parsed->Find("links")->items().size() == 13);
}

TEST_CASE("node_link: networkx.node_link_graph reads it", "[node_link]") {
  ExportFixture fx;
  std::string path = fx.dir.File("g.json");
  WriteFile(path, Capture([&](std::ostream& os) {
              return WriteNodeLinkJson(fx.graph, WholeGraph(fx.graph), fx.options, os);
            }));
  // networkx >= 3.4 names the edge list "edges" by default; older ones only
  // know "links".
  const char* script = R"(
import json, sys
import networkx as nx
data = json.load(open(sys.argv[1], encoding="utf-8"))
try:
    g = nx.node_link_graph(data, edges="links")
except TypeError:
    g = nx.node_link_graph(data)
assert g.is_directed() and g.is_multigraph()
print(g.number_of_nodes(), g.number_of_edges())
print(g.nodes[3]["name"], "|", g.nodes[15]["name"])
print(sorted(k for _, _, k in g.edges(3, keys=True)))
print(g.edges[3, 2, 2]["action"], g.edges[3, 2, 2]["date"])
print(nx.shortest_path_length(g.to_undirected(), 3, 6))
)";
  ProgramResult r = RunProgram({"python3", "-c", script, path});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "15 13\n"
        "Antony Blinken | <b>Tag</b> & '; DROP TABLE entities; --\n"
        "[1, 2]\n"
        "travel to 2023-06-18\n"
        "2\n");
}
