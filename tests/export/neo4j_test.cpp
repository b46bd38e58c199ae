#include <algorithm>
#include <catch2/catch.hpp>

#include "detente/export.h"
#include "export/export_fixture.h"
#include "export/internal.h"

using namespace detente;
using namespace detente::testing;

namespace {

struct Neo4jFiles {
  std::string nodes, relationships;
};

Neo4jFiles Write(const Graph& g, const ExportOptions& options) {
  Subgraph all = WholeGraph(g);
  return {Capture([&](std::ostream& os) { return WriteNeo4jNodes(g, all, os); }),
          Capture([&](std::ostream& os) { return WriteNeo4jRelationships(g, all, options, os); })};
}

// Reads the two files as `neo4j-admin database import full` documents them
// (operations manual, "CSV header format"; default options: delimiter ',',
// array delimiter ';', quote '"', no multi-line fields) and checks every
// rule the importer enforces, then prints the graph it would build.
const char* kImportCheck = R"(
import csv, sys
TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
         "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"}
def read(path):
    raw = open(path, encoding="utf-8", newline="").read()
    rows = list(csv.reader(raw.split("\n")[:-1], delimiter=",", quotechar='"', strict=True))
    assert raw.endswith("\n") and "\r" not in raw
    header, body = rows[0], rows[1:]
    for row in body:
        assert len(row) == len(header), row
    return header, body
def columns(header, special):
    props, roles = {}, {}
    for i, h in enumerate(header):
        name, _, kind = h.partition(":")
        if kind in special:
            assert kind not in roles, "two " + kind + " columns"
            roles[kind] = i
            if name: props[name] = (i, "string")
        else:
            assert name, "a property needs a name: " + h
            kind = kind or "string"
            assert kind.rstrip("[]") in TYPES, h
            props[name] = (i, kind)
    return props, roles
def value(text, kind):
    if text == "": return None  # the importer leaves the property out
    if kind == "long": return int(text)
    if kind == "boolean":
        assert text in ("true", "false"), text
        return text == "true"
    return text
nh, nb = read(sys.argv[1])
nprops, nroles = columns(nh, {"ID", "LABEL"})
assert set(nroles) == {"ID", "LABEL"}
nodes = {}
for row in nb:
    nid = row[nroles["ID"]]
    assert nid and nid not in nodes, "node ids are unique"
    labels = row[nroles["LABEL"]].split(";")
    assert all(labels), labels
    props = {k: value(row[i], t) for k, (i, t) in nprops.items()}
    nodes[nid] = (labels, {k: v for k, v in props.items() if v is not None})
rh, rb = read(sys.argv[2])
rprops, rroles = columns(rh, {"START_ID", "END_ID", "TYPE"})
assert set(rroles) == {"START_ID", "END_ID", "TYPE"}
rels = []
for row in rb:
    a, b, t = row[rroles["START_ID"]], row[rroles["END_ID"]], row[rroles["TYPE"]]
    assert a in nodes and b in nodes and t, row
    props = {k: value(row[i], kind) for k, (i, kind) in rprops.items()}
    rels.append((a, b, t, {k: v for k, v in props.items() if v is not None}))
print(len(nodes), len(rels))
print(nodes["n3"])
print(nodes["n9"])
print([r for r in rels if r[3]["id"] == "e2"][0])
print(sorted({r[2] for r in rels}))
)";

}  // namespace

TEST_CASE("neo4j: nodes and relationships match their golden files", "[neo4j]") {
  ExportFixture fx;
  Neo4jFiles f = Write(fx.graph, fx.options);
  CHECK(f.nodes == Golden("neo4j.nodes.csv.golden", f.nodes));
  CHECK(f.relationships == Golden("neo4j.relationships.csv.golden", f.relationships));
  CHECK(f.nodes.rfind("id:ID,:LABEL,name,kind,country,role,entity_id:long\n", 0) == 0);
  CHECK(f.relationships.rfind(":START_ID,:END_ID,:TYPE,id,event_id:long,action,", 0) == 0);
  CHECK(f.relationships.find(",negated:boolean,") != std::string::npos);
}

TEST_CASE("neo4j: the files follow the import tool's header format and build the graph",
          "[neo4j]") {
  ExportFixture fx;
  Neo4jFiles f = Write(fx.graph, fx.options);
  WriteFile(fx.dir.File("nodes.csv"), f.nodes);
  WriteFile(fx.dir.File("relationships.csv"), f.relationships);
  ProgramResult r = RunProgram({"/usr/bin/python3", "-c", kImportCheck, fx.dir.File("nodes.csv"),
                                fx.dir.File("relationships.csv")});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "15 13\n"
        "(['Entity', 'Person'], {'id': 'n3', 'name': 'Antony Blinken', 'kind': 'person', "
        "'country': 'USA', 'role': 'GOV', 'entity_id': 3})\n"
        "(['Entity', 'Organization'], {'id': 'n9', 'name': 'NATO', 'kind': 'organization', "
        "'role': 'IGO', 'entity_id': 9})\n"
        "('n3', 'n2', 'TRAVEL_TO', {'id': 'e2', 'event_id': 2, 'action': 'travel to', "
        "'action_class': '04 Consult', 'cameo_code': '04', 'quad_class': 1, 'date': '2023-06-18', "
        "'modality': 'asserted', 'negated': "
        "False, "
        "'sentence_id': 2, 'sentence': 'Blinken travelled to China on 18 June.'})\n"
        "['CRITICIZE', 'GATHER_IN', 'HOST', 'MEET', 'MENTION', 'PRAISE', 'REJECT', 'THREATEN', "
        "'TRAVEL_TO']\n");
}

TEST_CASE("neo4j: a sentence's line break becomes a space: quotes are doubled", "[neo4j]") {
  ExportFixture fx;
  Neo4jFiles f = Write(fx.graph, fx.options);
  CHECK(f.relationships.find("\"The \"\"graph\"\" said: \"\"node\"\" \\ rejected") !=
        std::string::npos);
  // One line per record, plus the header.
  CHECK(std::count(f.relationships.begin(), f.relationships.end(), '\n') == 14);
  CHECK(std::count(f.nodes.begin(), f.nodes.end(), '\n') == 16);
}

TEST_CASE("neo4j: labels from kinds, relationship types from actions", "[neo4j]") {
  using export_internal::Neo4jLabels;
  using export_internal::Neo4jType;
  CHECK(Neo4jLabels("person") == "Entity;Person");
  CHECK(Neo4jLabels("armed_group") == "Entity;ArmedGroup");
  CHECK(Neo4jLabels("") == "Entity");
  CHECK(Neo4jLabels("unknown") == "Entity");
  CHECK(Neo4jLabels("-=weird kind;") == "Entity;WeirdKind");
  CHECK(Neo4jType("travel to") == "TRAVEL_TO");
  CHECK(Neo4jType("meet") == "MEET");
  CHECK(Neo4jType("  sign  deal ") == "SIGN_DEAL");
  CHECK(Neo4jType("") == "EVENT");
  CHECK(Neo4jType(";;") == "EVENT");
  CHECK(Neo4jType("rencontrer à") == "RENCONTRER_à");
}
