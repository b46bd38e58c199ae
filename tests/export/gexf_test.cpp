#include <catch2/catch.hpp>
#include <deque>

#include "detente/export.h"
#include "export/export_fixture.h"

using namespace detente;
using namespace detente::testing;

namespace {

bool Contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

std::string Gexf(const Graph& g, const ExportOptions& options) {
  return Capture([&](std::ostream& os) { return WriteGexf(g, WholeGraph(g), options, os); });
}

// Checks a GEXF file against what the GEXF 1.3 schema (gexf.rnc,
// dynamics.rnc at gexf.net) asks of the parts detente writes, and against
// Gephi's reading of time: prints "ok" or the first problem.
const char* kStructureCheck = R"(
import re, sys, datetime
import xml.etree.ElementTree as ET
NS = "{http://gexf.net/1.3}"
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == NS + "gexf", root.tag
assert root.get("version") == "1.3"
graph = root.find(NS + "graph")
assert graph.get("defaultedgetype") == "directed"
assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
assert graph.get("timerepresentation") in (None, "interval")
children = [c.tag[len(NS):] for c in graph]
assert children == ["attributes"] * (len(children) - 2) + ["nodes", "edges"], children
types = {"integer", "long", "double", "float", "boolean", "string", "anyURI", "liststring"}
declared = {}
for a in graph.findall(NS + "attributes"):
    cls = a.get("class")
    assert cls in ("node", "edge")
    for d in a.findall(NS + "attribute"):
        assert d.get("type") in types and d.get("title") and d.get("id")
        declared.setdefault(cls, {})[d.get("id")] = d.get("type")
def day(s):
    datetime.date.fromisoformat(s)  # xsd:date, as timeformat="date" needs
    return s
def check_values(el, cls):
    for v in el.iter(NS + "attvalue"):
        t = declared[cls][v.get("for")]
        val = v.get("value")
        if t == "long": int(val)
        if t == "boolean": assert val in ("true", "false"), val
nodes = graph.find(NS + "nodes").findall(NS + "node")
assert int(graph.find(NS + "nodes").get("count")) == len(nodes)
spells = {}
for n in nodes:
    assert n.get("id") not in spells, "duplicate node id"
    check_values(n, "node")
    s = [(day(x.get("start")), day(x.get("end"))) for x in n.iter(NS + "spell")]
    assert s == sorted(s) and all(a <= b for a, b in s)
    assert all(s[i][1] < s[i + 1][0] for i in range(len(s) - 1)), "overlapping spells"
    spells[n.get("id")] = s
edges = graph.find(NS + "edges").findall(NS + "edge")
assert int(graph.find(NS + "edges").get("count")) == len(edges)
ids = set()
for e in edges:
    assert e.get("id") not in ids
    ids.add(e.get("id"))
    check_values(e, "edge")
    float(e.get("weight"))
    for end in ("source", "target"):
        node = e.get(end)
        assert node in spells, node
        start, stop = e.get("start"), e.get("end")
        if start is None:
            assert spells[node] == [], "an undated edge whose node is not always there"
        elif spells[node]:
            # Gephi shows an edge only while both its nodes are there.
            assert any(a <= day(start) and day(stop) <= b for a, b in spells[node]), e.get("id")
print("ok", len(nodes), len(edges))
)";

// Debian's networkx (2.8) knows GEXF 1.1draft and 1.2draft; 1.3 keeps their
// elements under a new namespace, so the check registers it first.
const char* kNetworkxRead = R"(
import sys
import networkx as nx
from networkx.readwrite import gexf
base = gexf.GEXF.versions["1.2draft"]
gexf.GEXF.versions.setdefault("1.3", dict(base, NS_GEXF="http://gexf.net/1.3",
    NS_VIZ="http://gexf.net/1.3/viz", VERSION="1.3",
    SCHEMALOCATION="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"))
g = nx.read_gexf(sys.argv[1], version="1.3")
print(g.is_directed(), g.number_of_nodes(), g.number_of_edges(), g.graph["mode"])
n = g.nodes["n3"]
print(n["label"], n["kind"], n["country"], n["entity_id"], n["spells"])
print("country" in g.nodes["n9"])
e = [d for u, v, d in g.edges(data=True) if d["id"] == "e2"][0]
print(e["label"], e["action"], e["start"], e["end"], e["negated"], e["event_id"], e["weight"])
print(sorted(d["id"] for _, _, d in g.edges("n3", data=True)))
)";

}  // namespace

TEST_CASE("gexf: whole graph matches its golden file and is well-formed XML", "[gexf]") {
  ExportFixture fx;
  std::string xml = Gexf(fx.graph, fx.options);
  CHECK(xml == Golden("graph.gexf.golden", xml));
  std::string path = fx.dir.File("g.gexf");
  WriteFile(path, xml);
  ProgramResult lint = RunProgram({"xmllint", "--noout", path});
  INFO(lint.err);
  CHECK(lint.exit_code == 0);
  CHECK(lint.err.empty());
}

TEST_CASE("gexf: the structure GEXF 1.3 and Gephi's timeline ask for", "[gexf]") {
  ExportFixture fx;
  std::string path = fx.dir.File("g.gexf");
  WriteFile(path, Gexf(fx.graph, fx.options));
  ProgramResult r = RunProgram({"/usr/bin/python3", "-c", kStructureCheck, path});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "ok 15 13\n");
}

TEST_CASE("gexf: networkx reads nodes, edges, attributes and times", "[gexf]") {
  ExportFixture fx;
  std::string path = fx.dir.File("g.gexf");
  WriteFile(path, Gexf(fx.graph, fx.options));
  ProgramResult r = RunProgram({"/usr/bin/python3", "-c", kNetworkxRead, path});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // Blinken's events: 18 June (travel), 19 June (two meetings), 22 June.
  CHECK(r.out ==
        "True 15 13 dynamic\n"
        "Antony Blinken person USA 3 [('2023-06-18', '2023-06-18'), ('2023-06-19', "
        "'2023-06-19'), ('2023-06-22', '2023-06-22')]\n"
        "False\n"
        "travel to 2023-06-18 travel to 2023-06-18 2023-06-18 False 2 1.0\n"
        "['e1', 'e2']\n");  // his out-edges: he met Wang Yi and travelled to China
}

TEST_CASE("gexf: a month or a year is a span: undated events and their nodes are always there",
          "[gexf]") {
  std::deque<std::string> strings = {"", "meet", "2024-02", "2023", "2024-02-10"};
  std::vector<GraphEntity> entities = {
      {1, "A", "person", "USA"}, {2, "B", "person", ""}, {3, "C", "country", "FRA"}};
  auto event = [](int64_t id, uint32_t a, uint32_t b, uint32_t date) {
    GraphEvent e;
    e.id = id;
    e.sentence_id = id;
    e.actor = a;
    e.object = b;
    e.action = 1;
    e.date = date;
    return e;
  };
  // A-B in February 2024 and on 10 February (inside it); B-C in 2023; C-A
  // with no date.
  Graph g(entities, {event(1, 0, 1, 2), event(2, 0, 1, 4), event(3, 1, 2, 3), event(4, 2, 0, 0)},
          strings);
  std::string xml = Gexf(g, ExportOptions{});
  CHECK(Contains(xml,
                 "<edge id=\"e1\" source=\"n1\" target=\"n2\" label=\"meet 2024-02\" "
                 "weight=\"1\" kind=\"meet\" start=\"2024-02-01\" end=\"2024-02-29\">"));
  CHECK(Contains(xml, "start=\"2023-01-01\" end=\"2023-12-31\">"));
  CHECK(Contains(xml,
                 "<edge id=\"e4\" source=\"n3\" target=\"n1\" label=\"meet\" weight=\"1\" "
                 "kind=\"meet\">"));
  // B: February 2024 (the 10th merged into it) and 2023; A and C have an
  // undated event, so no spells.
  CHECK(Contains(xml,
                 "<node id=\"n2\" label=\"B\">\n"
                 "        <attvalues>\n"
                 "          <attvalue for=\"name\" value=\"B\"/>\n"
                 "          <attvalue for=\"kind\" value=\"person\"/>\n"
                 "          <attvalue for=\"entity_id\" value=\"2\"/>\n"
                 "        </attvalues>\n"
                 "        <spells>\n"
                 "          <spell start=\"2023-01-01\" end=\"2023-12-31\"/>\n"
                 "          <spell start=\"2024-02-01\" end=\"2024-02-29\"/>\n"
                 "        </spells>\n"));
  auto node = [&](const std::string& id) {
    size_t at = xml.find("<node id=\"" + id + "\"");
    return at == std::string::npos ? std::string() : xml.substr(at, xml.find("</node>", at) - at);
  };
  REQUIRE(!node("n1").empty());
  CHECK(!Contains(node("n1"), "<spell"));
  CHECK(!Contains(node("n3"), "<spell"));
  TempDir dir;
  WriteFile(dir.File("g.gexf"), xml);
  ProgramResult r = RunProgram({"/usr/bin/python3", "-c", kStructureCheck, dir.File("g.gexf")});
  INFO(r.err);
  CHECK(r.out == "ok 3 4\n");
}

TEST_CASE("gexf: hostile names stay text, newlines in sentences survive", "[gexf]") {
  ExportFixture fx;
  std::string xml = Gexf(fx.graph, fx.options);
  CHECK(Contains(xml, "label=\"&lt;b&gt;Tag&lt;/b&gt; &amp; &apos;; DROP TABLE entities; --\""));
  CHECK(Contains(xml, "said:&#10;&quot;node&quot;"));
  CHECK(!Contains(xml, "<b>"));
}
