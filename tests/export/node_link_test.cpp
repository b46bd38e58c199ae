#include <catch2/catch.hpp>

#include "detente/export.h"
#include "export/export_fixture.h"
#include "detente/json.h"

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
print(g.nodes["n3"]["name"], "|", g.nodes["n15"]["name"])
print(sorted(k for _, _, k in g.edges("n3", keys=True)))
print(g.edges["n3", "n2", "e2"]["action"], g.edges["n3", "n2", "e2"]["date"])
print(nx.shortest_path_length(g.to_undirected(), "n3", "n6"))
)";
  ProgramResult r = RunProgram({"/usr/bin/python3", "-c", script, path});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "15 13\n"
        "Antony Blinken | <b>Tag</b> & '; DROP TABLE entities; --\n"
        "['e1', 'e2']\n"
        "travel to 2023-06-18\n"
        "2\n");
}

TEST_CASE("node_link: no nulls: an unknown country or date is left out", "[node_link]") {
  ExportFixture fx;
  std::string json = Capture([&](std::ostream& os) {
    return WriteNodeLinkJson(fx.graph, WholeGraph(fx.graph), fx.options, os);
  });
  CHECK(json.find("null") == std::string::npos);
  auto parsed = ParseJson(json);
  REQUIRE(parsed.ok());
  for (const JsonValue& n : parsed->Find("nodes")->items()) {
    const std::string id = n.Find("id")->as_string();
    INFO(id);
    CHECK(id == "n" + std::to_string(static_cast<int64_t>(n.Find("entity_id")->as_number())));
    CHECK(n.Find("label")->as_string() == n.Find("name")->as_string());
    // NATO (9) and two of the hostile names (13, 14) have no country.
    CHECK((n.Find("country") == nullptr) == (id == "n9" || id == "n13" || id == "n14"));
  }
  for (const JsonValue& l : parsed->Find("links")->items()) {
    const std::string id = l.Find("id")->as_string();
    CHECK(l.Find("key")->as_string() == id);
    CHECK(id == "e" + std::to_string(static_cast<int64_t>(l.Find("event_id")->as_number())));
    // Events 13 (graph mention node) and 16 (NATO gather in) have no class.
    CHECK((l.Find("action_class") == nullptr) == (id == "e13" || id == "e16"));
    CHECK((l.Find("cameo_code") == nullptr) == (id == "e13" || id == "e16"));
    CHECK((l.Find("quad_class") == nullptr) == (id == "e13" || id == "e16"));
    if (const JsonValue* c = l.Find("action_class")) {
      // "04 Consult": code 04, QuadClass 1; "17 Coerce": 17, 4.
      const std::string code = l.Find("cameo_code")->as_string();
      CHECK(c->as_string().rfind(code + " ", 0) == 0);
      CHECK(l.Find("quad_class")->as_number() == detente::QuadClassOf(code));
      CHECK(l.Find("quad_class")->as_number() >= 1);
    }
  }
}

TEST_CASE("node_link: networkx round-trips it, through write_gexf and write_graphml too",
          "[node_link]") {
  ExportFixture fx;
  std::string path = fx.dir.File("g.json");
  WriteFile(path, Capture([&](std::ostream& os) {
              return WriteNodeLinkJson(fx.graph, WholeGraph(fx.graph), fx.options, os);
            }));
  // Debian's networkx (2.8); node_link_data names the edge list "links" there.
  const char* script = R"(
import json, sys
import networkx as nx
data = json.load(open(sys.argv[1], encoding="utf-8"))
try:
    g = nx.node_link_graph(data, edges="links")
    back = nx.node_link_data(g, edges="links")
except TypeError:
    g = nx.node_link_graph(data)
    back = nx.node_link_data(g)
def canon(d):
    nodes = sorted(d["nodes"], key=lambda n: n["id"])
    links = sorted(d["links"], key=lambda l: l["key"])
    return nodes, links
assert canon(back) == canon(data), "node_link_data differs"
def edges(G):
    if G.is_multigraph():
        return sorted((u, v, k, sorted(d.items())) for u, v, k, d in G.edges(keys=True, data=True))
    # networkx 2.8's read_gexf gives a DiGraph when no two edges share both
    # ends: the edge's id is its key.
    return sorted((u, v, d["id"], sorted(d.items())) for u, v, d in G.edges(data=True))
def same(a, b):
    assert sorted(a.nodes(data=True)) == sorted(b.nodes(data=True)), "nodes differ"
    assert edges(a) == edges(b), "edges differ"
nx.write_gexf(g, sys.argv[2])
same(g, nx.read_gexf(sys.argv[2]))
nx.write_graphml(g, sys.argv[3])
h = nx.read_graphml(sys.argv[3], force_multigraph=True)
assert sorted(h.nodes) == sorted(g.nodes)
assert sorted(k for _, _, k in h.edges(keys=True)) == sorted(k for _, _, k in g.edges(keys=True))
print(g.number_of_nodes(), g.number_of_edges(), "ok")
)";
  ProgramResult r = RunProgram(
      {"/usr/bin/python3", "-c", script, path, fx.dir.File("nx.gexf"), fx.dir.File("nx.graphml")});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "15 13 ok\n");
}
