#include "export/internal.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "detente/export.h"
#include "detente/sqlite.h"
#include "export/export_fixture.h"

using namespace detente;
using namespace detente::testing;
using namespace detente::export_internal;

TEST_CASE("export internal: the span of a day, a month and a year", "[export]") {
  using P = std::pair<std::string, std::string>;
  CHECK(DateSpan("2023-06-18") == P{"2023-06-18", "2023-06-18"});
  CHECK(DateSpan("2023-06-18T10:00:00Z") == P{"2023-06-18", "2023-06-18"});
  CHECK(DateSpan("2024-02") == P{"2024-02-01", "2024-02-29"});
  CHECK(DateSpan("2023-02") == P{"2023-02-01", "2023-02-28"});
  CHECK(DateSpan("2023-11") == P{"2023-11-01", "2023-11-30"});
  CHECK(DateSpan("2023") == P{"2023-01-01", "2023-12-31"});
  CHECK(!DateSpan(""));
  CHECK(!DateSpan("June 2023"));
  CHECK(!DateSpan("2023-13"));
  CHECK(!DateSpan("2023-02-30"));
}

TEST_CASE("export internal: XML escaping keeps line breaks in attributes", "[export]") {
  CHECK(XmlEscape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
  CHECK(XmlEscape("one\ntwo\tthree\r\n") == "one&#10;two&#9;three&#10;");
  CHECK(XmlEscape("bad \x01 \xEF\xBF\xBE") == "bad   \xEF\xBF\xBD");
}

TEST_CASE("export internal: field values as text", "[export]") {
  CHECK(FieldText(FieldValue{}).empty());
  CHECK(FieldText(FieldValue{int64_t{-42}}) == "-42");
  CHECK(FieldText(FieldValue{true}) == "true");
  CHECK(FieldText(FieldValue{-7.5}) == "-7.5");
  CHECK(FieldText(FieldValue{0.1}) == "0.1");
  CHECK(FieldText(FieldValue{std::string("x")}) == "x");
}

TEST_CASE("export internal: cameo_code is the event's full code, else its class's root",
          "[export]") {
  TempDir dir;
  const std::string db = dir.File("g.db");
  BuildFixtureDb(db);
  AddCodedDocument(db);
  auto w = sql::Db::Open(db, /*read_only=*/false);
  REQUIRE(w.ok());
  REQUIRE(w->Exec("UPDATE events SET action_class = 'Talks' WHERE action = 'reject'").ok());
  Graph g = LoadFixture(db);
  const EdgeField* code = nullptr;
  for (const EdgeField& f : EdgeFields()) {
    if (std::string(f.name) == "cameo_code") code = &f;
  }
  REQUIRE(code);
  std::map<std::string, std::string> by_action;
  for (const GraphEvent& e : g.events()) {
    by_action[std::string(g.action(e))] = FieldText(code->get(g, e, ExportOptions{}));
  }
  CHECK(by_action["visit"] == "042");
  CHECK(by_action["declare truce with"] == "0871");
  CHECK(by_action["threaten"] == "17");  // no code stored: the root of "17 Coerce"
  CHECK(by_action["mention"].empty());   // no class
  CHECK(by_action["reject"].empty());    // a class that is no CAMEO class
}

TEST_CASE("export internal: one id scheme in every format", "[export]") {
  ExportFixture fx;
  Subgraph all = WholeGraph(fx.graph);
  auto write = [&](const std::string& name, auto fn) {
    WriteFile(fx.dir.File(name), Capture(fn));
    return fx.dir.File(name);
  };
  const std::vector<std::string> files = {
      write("g.graphml",
            [&](std::ostream& os) { return WriteGraphml(fx.graph, all, fx.options, os); }),
      write("g.json",
            [&](std::ostream& os) { return WriteNodeLinkJson(fx.graph, all, fx.options, os); }),
      write("g.gexf", [&](std::ostream& os) { return WriteGexf(fx.graph, all, fx.options, os); }),
      write("nodes.csv", [&](std::ostream& os) { return WriteCsvNodes(fx.graph, all, os); }),
      write("edges.csv",
            [&](std::ostream& os) { return WriteCsvEdges(fx.graph, all, fx.options, os); }),
      write("neo4j-nodes.csv",
            [&](std::ostream& os) { return WriteNeo4jNodes(fx.graph, all, os); }),
      write(
          "neo4j-rels.csv",
          [&](std::ostream& os) { return WriteNeo4jRelationships(fx.graph, all, fx.options, os); }),
      write("g.dot", [&](std::ostream& os) { return WriteDot(fx.graph, all, fx.options, os); }),
  };
  // Each format read by its own reader: (node ids, edges as (source, target, id)).
  const char* script = R"(
import csv, json, re, sys
import xml.etree.ElementTree as ET
import networkx as nx
graphml, js, gexf, cn, ce, nn, nr, dot = sys.argv[1:]
out = {}
g = nx.read_graphml(graphml, force_multigraph=True)
out["graphml"] = (set(g.nodes), {(u, v, k) for u, v, k in g.edges(keys=True)})
d = json.load(open(js, encoding="utf-8"))
out["json"] = ({n["id"] for n in d["nodes"]}, {(l["source"], l["target"], l["key"]) for l in d["links"]})
NS = "{http://gexf.net/1.3}"
x = ET.parse(gexf).getroot()
out["gexf"] = ({n.get("id") for n in x.iter(NS + "node")},
               {(e.get("source"), e.get("target"), e.get("id")) for e in x.iter(NS + "edge")})
rows = lambda p: list(csv.DictReader(open(p, encoding="utf-8", newline="")))
out["csv"] = ({r["Id"] for r in rows(cn)}, {(r["Source"], r["Target"], r["Id"]) for r in rows(ce)})
out["neo4j"] = ({r["id:ID"] for r in rows(nn)},
                {(r[":START_ID"], r[":END_ID"], r["id"]) for r in rows(nr)})
dot_nodes = set(re.findall(r"^\s*(n\d+) \[label=", open(dot, encoding="utf-8").read(), re.M))
first = out["graphml"]
for name, got in out.items():
    assert got == first, name
assert dot_nodes == first[0], "dot"
assert all(re.fullmatch(r"n\d+", n) for n in first[0])
assert all(re.fullmatch(r"e\d+", e) for _, _, e in first[1])
print(len(first[0]), len(first[1]), sorted(out))
)";
  std::vector<std::string> argv = {"/usr/bin/python3", "-c", script};
  argv.insert(argv.end(), files.begin(), files.end());
  ProgramResult r = RunProgram(argv);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "15 13 ['csv', 'gexf', 'graphml', 'json', 'neo4j']\n");
}
