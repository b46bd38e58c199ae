// End-to-end tests of path, neighbours, rank, entity and export: the real
// binary against the hand-built fixture database (tests/graph/graph_fixture.h).
#include <sqlite3.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "detente/json.h"
#include "export/export_fixture.h"
#include "graph/graph_fixture.h"
#include "test_util.h"

using namespace detente;
using namespace detente::testing;

namespace {

bool Contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

struct CliFixture {
  TempDir dir;
  std::string db = dir.File("g.db");
  CliFixture() { BuildFixtureDb(db); }
  RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin() + 1, {"--db", db});
    return RunDetente(args);
  }
};

JsonValue Json(const RunResult& r) {
  auto v = ParseJson(r.out);
  if (!v.ok()) throw std::runtime_error("not JSON: " + r.out);
  return std::move(*v);
}

}  // namespace

TEST_CASE("graph cli: path prints each hop with action, date and sentence", "[graph_cli]") {
  CliFixture fx;
  RunResult r = fx.Run({"path", "Blinken", "lavrov"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(Contains(r.out, "Antony Blinken (person, USA) -> Sergei Lavrov (person, RUS): 2 hops"));
  CHECK(Contains(r.out, "2023-06-22"));  // Jaishankar met Blinken
  CHECK(Contains(r.out, "Jaishankar met Blinken on 22 June."));

  r = fx.Run({"path", "Blinken", "Lavrov", "--include-negated"});
  REQUIRE(r.exit_code == 0);
  CHECK(Contains(r.out, ": 1 hop\n"));
  CHECK(Contains(r.out, "not meet"));
  CHECK(Contains(r.out, "Blinken did not meet Lavrov on 2 March."));

  r = fx.Run({"path", "Blinken", "Lavrov", "--all-shortest", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  JsonValue j = Json(r);
  CHECK(j.Find("hops")->as_number() == 2);
  REQUIRE(j.Find("paths")->items().size() == 2);
  const JsonValue& hop = j.Find("paths")->items()[1].Find("hops")->items()[0];
  CHECK(hop.Find("to")->as_string() == "Wang Yi");
  REQUIRE(hop.Find("events")->items().size() == 2);
  CHECK(hop.Find("events")->items()[0].Find("sentence")->as_string() ==
        "Antony Blinken met Wang Yi in Beijing on 19 June.");

  r = fx.Run({"path", "Blinken", "Lavrov", "--format", "dot"});
  REQUIRE(r.exit_code == 0);
  CHECK(RunProgram({"dot", "-Tsvg"}, r.out).exit_code == 0);
}

TEST_CASE("graph cli: no path exits 1, an unknown name 1, an ambiguous one 2", "[graph_cli]") {
  CliFixture fx;
  RunResult r = fx.Run({"path", "Blinken", "Georgia"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(Contains(r.err, "no path from Antony Blinken to Georgia"));

  r = fx.Run({"path", "Blinken", "Lavrov", "--directed", "--max-hops", "1"});
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.err, "within 1 hops"));

  r = fx.Run({"path", "Blinken", "Wang"});
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.err, "no entity named \"Wang\"; similar: Wang Yi"));

  r = fx.Run({"path", "Washington", "Blinken"});
  CHECK(r.exit_code == 2);
  CHECK(Contains(r.err, "ambiguous name \"Washington\""));
  CHECK(Contains(r.err, "United States (country, USA, #1)"));
  CHECK(Contains(r.err, "Washington, D.C. (city, USA, #10)"));
  // ... and #id settles it.
  CHECK(fx.Run({"path", "#10", "NATO"}).exit_code == 0);

  r = fx.Run({"path", "Blinken", "China", "--kind", "person"});
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.err, "China (country, CHN) is left out by --kind"));
}

TEST_CASE("graph cli: usage and database errors", "[graph_cli]") {
  CliFixture fx;
  CHECK(fx.Run({"path", "Blinken", "Lavrov", "--since", "June"}).exit_code == 2);
  CHECK(fx.Run({"path", "Blinken"}).exit_code == 2);
  CHECK(fx.Run({"neighbours", "Blinken", "--direction", "sideways"}).exit_code == 2);
  CHECK(fx.Run({"rank", "--by", "fame"}).exit_code == 2);
  RunResult r = RunDetente({"path", "--db", fx.dir.File("none.db"), "A", "B"});
  CHECK(r.exit_code == 3);
  CHECK_FALSE(std::filesystem::exists(fx.dir.File("none.db")));
}

TEST_CASE("graph cli: numbers, kinds, actions, classes and dates are validated", "[graph_cli]") {
  CliFixture fx;
  struct Bad {
    std::vector<std::string> args;
    const char* message;
  };
  const Bad cases[] = {
      {{"neighbours", "Blinken", "--radius", "-1"},
       "--radius: -1 is not a whole number from 0 to 1000000"},
      {{"neighbours", "Blinken", "--radius", "1e400"}, "--radius: 1e400 is not a whole number"},
      {{"neighbours", "Blinken", "--limit", "-5"}, "--limit: -5 is not a whole number"},
      {{"rank", "--top", "-1"}, "--top: -1 is not a whole number from 0 to 1000000000"},
      {{"path", "Blinken", "Lavrov", "--max-hops", "two"}, "--max-hops: two is not a whole"},
      {{"export", "--around", "Blinken", "--radius", "-3"}, "--radius: -3 is not a whole"},
      {{"neighbours", "Blinken", "--kind", "persn"},
       "--kind \"persn\": no entity has this kind (did you mean \"person\"?)"},
      {{"entity", "Blinken", "--kind", "person,contry"},
       "--kind \"contry\": no entity has this kind (did you mean \"country\"?)"},
      {{"rank", "--kind", "spaceship"}, "--kind \"spaceship\": no entity has this kind; kinds in"},
      {{"rank", "--action", "meat"}, "--action \"meat\": no event has this action (did you mean"},
      {{"rank", "--class", "4"}, "--class: \"4\" is no CAMEO code: a CAMEO code or a prefix"},
      {{"rank", "--class", "21"}, "--class: \"21\" is no CAMEO code"},
      {{"rank", "--class", "Consult"}, "--class: \"Consult\" is no CAMEO code"},
      {{"path", "Blinken", "Lavrov", "--since", "2025-13"},
       "--since wants an ISO date that exists"},
      {{"path", "Blinken", "Lavrov", "--until", "2025-02-30"},
       "--until wants an ISO date that exists"},
      {{"path", "Blinken", "Lavrov", "--until", "0000"}, "--until wants an ISO date that exists"},
      // Roles are CAMEO's codes, upper case; the message lists them all.
      {{"neighbours", "Blinken", "--role", "GOV,BAD"},
       "--role: BAD is not a CAMEO role; the roles are GOV, MIL, COP,"},
      {{"rank", "--role", "gov"}, "--role: gov is not a CAMEO role"},
      {{"export", "--role", "REB", "--role", "GOVX"}, "HLH, CRM, REL"},
  };
  for (const Bad& b : cases) {
    RunResult r = fx.Run(b.args);
    INFO(b.args[0] << " ... " << b.args.back() << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(Contains(r.err, b.message));
    CHECK(r.err.size() < 400);  // no 300-digit bounds
  }
  // Valid values still work: a real kind with no entity is an empty answer.
  CHECK(fx.Run({"rank", "--kind", "party"}).exit_code == 1);
  CHECK(fx.Run({"path", "Blinken", "Lavrov", "--until", "2024-02-29"}).exit_code == 0);
  CHECK(fx.Run({"rank", "--class", "04"}).exit_code == 0);
  CHECK(fx.Run({"rank", "--role", "GOV", "--role", "MIL"}).exit_code != 2);
}

// The graph commands and `detente events` take the same --class values and
// refuse the same ones, naming the value and what a class is.
TEST_CASE("graph cli: --class takes CAMEO codes and their prefixes only", "[graph_cli]") {
  CliFixture fx;
  for (const char* command : {"rank", "events"}) {
    for (const char* bad : {"04x", "1234567", "25", "00", "4", "21", "0a", "-04"}) {
      RunResult r = fx.Run({command, "--class", std::string("04,") + bad});
      INFO(command << " --class 04," << bad << ": " << r.err);
      CHECK(r.exit_code == 2);
      CHECK(Contains(r.err, std::string("--class: \"") + bad + "\" is no CAMEO code"));
      CHECK(Contains(r.err, "2-4 digits under a root 01-20 (04, 042, 0871)"));
      CHECK(r.out.empty());
    }
    // What the docs show, and codes of every length: an answer or none, no
    // usage error.
    for (const char* good : {"04", "042", "0871", "1", "19", "20", "04,17"}) {
      RunResult r = fx.Run({command, "--class", good});
      INFO(command << " --class " << good << ": " << r.err);
      CHECK((r.exit_code == 0 || r.exit_code == 1));
    }
  }
}

// Regression: the graph commands compared --class with the class ("04
// Consult"), so that `rank --class 042` found no entity while `events
// --class 042` listed rows.
TEST_CASE("graph cli: a 3- or 4-digit --class selects the events of that code", "[graph_cli]") {
  CliFixture fx;
  AddCodedDocument(fx.db);
  RunResult r = fx.Run({"rank", "--class", "042"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(Contains(r.out, "Armenia"));
  CHECK(Contains(r.out, "Azerbaijan"));
  CHECK_FALSE(Contains(r.out, "Mongolia"));  // 043
  CHECK_FALSE(Contains(r.out, "Blinken"));   // 04, no full code
  r = fx.Run({"rank", "--class", "0871"});
  REQUIRE(r.exit_code == 0);
  CHECK(Contains(r.out, "Norway"));
  CHECK_FALSE(Contains(r.out, "Brazil"));  // 0872

  CHECK(fx.Run({"path", "Armenia", "Azerbaijan", "--class", "042"}).exit_code == 0);
  CHECK(fx.Run({"path", "Armenia", "Azerbaijan", "--class", "043"}).exit_code == 1);
  r = fx.Run({"neighbours", "Norway", "--class", "0871"});
  REQUIRE(r.exit_code == 0);
  CHECK(Contains(r.out, "Finland"));
  r = fx.Run({"entity", "Norway", "--class", "0871"});
  REQUIRE(r.exit_code == 0);
  CHECK(Contains(r.out, "declare truce with"));
  CHECK_FALSE(Contains(fx.Run({"entity", "Norway", "--class", "0872"}).out, "declare truce"));

  // The export keeps what `detente events` lists, for codes of every length
  // (the fixture's events have a class and no code: they match by its root).
  for (const char* cls : {"04", "042", "043", "040", "0871", "087", "08", "17", "0"}) {
    RunResult events = fx.Run({"events", "--class", cls, "--format", "jsonl"});
    REQUIRE(events.exit_code == 0);
    const auto rows = std::count(events.out.begin(), events.out.end(), '\n');
    r = fx.Run({"export", "--format", "json", "--class", cls});
    INFO("--class " << cls << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(static_cast<long>(Json(r).Find("links")->items().size()) == rows);
  }
  r = fx.Run({"export", "--format", "json", "--class", "0871"});
  REQUIRE(r.exit_code == 0);
  const JsonValue truce = Json(r);
  REQUIRE(truce.Find("links")->items().size() == 1);
  CHECK(truce.Find("links")->items()[0].Find("action")->as_string() == "declare truce with");
  CHECK(truce.Find("links")->items()[0].Find("cameo_code")->as_string() == "0871");
}

TEST_CASE("graph cli: neighbours at radius 1 and 2", "[graph_cli]") {
  CliFixture fx;
  RunResult r = fx.Run({"neighbours", "Antony Blinken"});
  REQUIRE(r.exit_code == 0);
  CHECK(Contains(r.out, "Antony Blinken (person, USA): 3 entities within 1 hop, 4 events"));
  CHECK(Contains(r.out, "Wang Yi"));
  CHECK_FALSE(Contains(r.out, "Sergei Lavrov"));

  r = fx.Run({"neighbours", "Antony Blinken", "--radius", "2", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  JsonValue j = Json(r);
  REQUIRE(j.Find("entities")->items().size() == 5);
  const JsonValue& last = j.Find("entities")->items().back();
  CHECK(last.Find("name")->as_string() == "Sergei Lavrov");
  CHECK(last.Find("distance")->as_number() == 2);
  CHECK(last.Find("events")->as_number() == 2);  // 3 and 4: the induced network
  CHECK(j.Find("events")->items().size() == 6);

  r = fx.Run({"neighbours", "Blinken", "--direction", "out", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  CHECK(Json(r).Find("entities")->items().size() == 3);

  r = fx.Run({"neighbours", "Blinken", "--format", "dot"});
  REQUIRE(r.exit_code == 0);
  CHECK(Contains(r.out, "n3 -> n4"));
  CHECK(RunProgram({"dot", "-Tsvg"}, r.out).exit_code == 0);
}

TEST_CASE("graph cli: the neighbours table aligns non-ASCII names and cleans sentences",
          "[graph_cli]") {
  CliFixture fx;
  // Three events share one sentence, which holds a newline (shown as a
  // space); widths count code points, so "Zürich café" is 11 wide.
  RunResult r = fx.Run({"neighbours", "Zürich café", "--radius", "3"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == R"txt(Zürich café (city, CHE): 3 entities within 3 hops, 3 events
distance  entity                                   kind          country  events
--------  ---------------------------------------  ------------  -------  ------
       0  Zürich café                              city          CHE           1
       1  graph                                    artefact                    2
       2  node "quoted" \ back\slash               person                      2
       3  <b>Tag</b> & '; DROP TABLE entities; --  organization  XXA           1

date        actor                       action   object                                   sentence
----------  --------------------------  -------  ---------------------------------------  -------------------------------------------------------------------
2023-08-01  graph                       mention  node "quoted" \ back\slash               The "graph" said: "node" \ rejected <b>Tag</b> & co; Zürich hosted.
2023-08-02  node "quoted" \ back\slash  reject   <b>Tag</b> & '; DROP TABLE entities; --  The "graph" said: "node" \ rejected <b>Tag</b> & co; Zürich hosted.
2023-08-03  Zürich café                 host     graph                                    The "graph" said: "node" \ rejected <b>Tag</b> & co; Zürich hosted.
)txt");
}

TEST_CASE("graph cli: neighbours --limit lists the most recent events of the table",
          "[graph_cli]") {
  CliFixture fx;
  RunResult r = fx.Run({"neighbours", "Zürich café", "--radius", "3", "--limit", "2"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // The members' counts still cover all three events; the table lists the
  // two latest, in date order.
  CHECK(Contains(r.out, "3 entities within 3 hops, 3 events"));
  CHECK(Contains(r.out, "The 2 most recent of 3 events (--limit 0 lists all):\n"));
  CHECK_FALSE(Contains(r.out, "2023-08-01"));
  auto second = r.out.find("2023-08-02"), third = r.out.find("2023-08-03");
  REQUIRE(second != std::string::npos);
  REQUIRE(third != std::string::npos);
  CHECK(second < third);
  // 0, and a limit at or above the count, list everything with no note.
  for (const char* limit : {"0", "3"}) {
    r = fx.Run({"neighbours", "Zürich café", "--radius", "3", "--limit", limit});
    REQUIRE(r.exit_code == 0);
    CHECK(Contains(r.out, "2023-08-01"));
    CHECK_FALSE(Contains(r.out, "most recent"));
  }
  // JSON always holds every event.
  r = fx.Run({"neighbours", "Zürich café", "--radius", "3", "--limit", "1", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  CHECK(Json(r).Find("events")->items().size() == 3);
}

TEST_CASE("graph cli: rank and entity", "[graph_cli]") {
  CliFixture fx;
  RunResult r = fx.Run({"rank", "--top", "2"});
  REQUIRE(r.exit_code == 0);
  CHECK(Contains(r.out, "rank  entity"));
  CHECK(r.out.find("Antony Blinken") < r.out.find("Wang Yi"));

  r = fx.Run({"rank", "--by", "pagerank", "--format", "json", "--top", "0"});
  REQUIRE(r.exit_code == 0);
  JsonValue j = Json(r);
  REQUIRE(j.items().size() == 15);
  double sum = 0;
  for (const JsonValue& e : j.items()) sum += e.Find("pagerank")->as_number();
  CHECK(sum < 1.0);  // Ukraine's share is left out
  CHECK(sum > 0.9);

  r = fx.Run({"rank", "--by", "betweenness", "--top", "1"});
  REQUIRE(r.exit_code == 0);
  CHECK(Contains(r.out, "Antony Blinken"));

  r = fx.Run({"rank", "--action", "nothing-like-this"});
  CHECK(r.exit_code == 1);

  r = fx.Run({"entity", "lavrov"});
  REQUIRE(r.exit_code == 0);
  CHECK(Contains(r.out, "Sergei Lavrov (person, RUS), #6"));
  CHECK(Contains(r.out, "aliases: Lavrov"));
  CHECK(Contains(r.out, "events: 3"));
  CHECK(r.out.find("2023-03-03") < r.out.find("2023-07-13"));
  CHECK(Contains(r.out, "Lavrov spoke on 13 July."));  // no object: still in the timeline

  r = fx.Run({"entity", "Lavrov", "--include-negated", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  j = Json(r);
  CHECK(j.Find("timeline")->items().size() == 4);
  CHECK(j.Find("timeline")->items()[0].Find("negated")->as_bool());
  CHECK(fx.Run({"entity", "Nobody"}).exit_code == 1);
}

TEST_CASE("graph cli: export in every format, to stdout and files", "[graph_cli]") {
  CliFixture fx;
  RunResult r = fx.Run({"export"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("digraph detente {", 0) == 0);
  CHECK(RunProgram({"dot", "-Tsvg"}, r.out).exit_code == 0);

  std::string graphml = fx.dir.File("g.graphml");
  REQUIRE(fx.Run({"export", "--format", "graphml", "-o", graphml}).exit_code == 0);
  CHECK(RunProgram({"xmllint", "--noout", graphml}).exit_code == 0);

  r = fx.Run({"export", "--format", "json", "--around", "Blinken", "--radius", "2"});
  REQUIRE(r.exit_code == 0);
  JsonValue j = Json(r);
  CHECK(j.Find("nodes")->items().size() == 5);
  CHECK(j.Find("links")->items().size() == 6);

  REQUIRE(fx.Run({"export", "--format", "csv", "-o", fx.dir.File("g.csv")}).exit_code == 0);
  CHECK(ReadFile(fx.dir.File("g.nodes.csv")).rfind("Id,Label,name,kind,country", 0) == 0);
  CHECK(ReadFile(fx.dir.File("g.edges.csv")).rfind("Source,Target,Type,Id,Label,Weight", 0) == 0);

  std::string svg = fx.dir.File("around.svg");
  r = fx.Run({"export", "--around", "Blinken", "--radius", "1", "--format", "dot", "--render",
              "svg", "-o", svg});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string text = ReadFile(svg);
  CHECK((text.rfind("<?xml", 0) == 0 || text.rfind("<svg", 0) == 0));
  CHECK(Contains(text, "Antony Blinken"));
  CHECK(RunProgram({"xmllint", "--noout", svg}).exit_code == 0);

  CHECK(fx.Run({"export", "--render", "svg"}).exit_code == 2);  // needs -o
  CHECK(fx.Run({"export", "--format", "json", "--render", "svg", "-o", svg}).exit_code == 2);
  CHECK(fx.Run({"export", "--around", "Washington"}).exit_code == 2);
  CHECK(fx.Run({"export", "-o", fx.dir.File("no/such/dir/g.dot")}).exit_code == 3);
}

TEST_CASE("graph cli: export GEXF, and Neo4j files into a directory it creates", "[graph_cli]") {
  CliFixture fx;
  RunResult r = fx.Run({"export", "--format", "gexf"});
  REQUIRE(r.exit_code == 0);
  CHECK(Contains(r.out, "<gexf xmlns=\"http://gexf.net/1.3\""));
  CHECK(RunProgram({"xmllint", "--noout", "-"}, r.out).exit_code == 0);
  const std::string gexf = fx.dir.File("g.gexf");
  REQUIRE(fx.Run({"export", "--format", "gexf", "--around", "Blinken", "-o", gexf}).exit_code ==
          0);
  // Blinken, Wang Yi, China and Jaishankar.
  CHECK(Contains(ReadFile(gexf), "<nodes count=\"4\">"));

  const std::string dir = fx.dir.File("neo4j/import");
  r = fx.Run({"export", "--format", "neo4j", "-o", dir});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(ReadFile(dir + "/nodes.csv").rfind("id:ID,:LABEL,", 0) == 0);
  CHECK(ReadFile(dir + "/relationships.csv").rfind(":START_ID,:END_ID,:TYPE,", 0) == 0);

  // Two files cannot go to stdout; a file where the directory should be is
  // an error, and nothing is written.
  r = fx.Run({"export", "--format", "neo4j"});
  CHECK(r.exit_code == 2);
  CHECK(Contains(r.err, "-o DIR"));
  CHECK(fx.Run({"export", "--format", "neo4j", "-o", "-"}).exit_code == 2);
  WriteFile(fx.dir.File("plain"), "x");
  r = fx.Run({"export", "--format", "neo4j", "-o", fx.dir.File("plain")});
  CHECK(r.exit_code == 3);
  CHECK(ReadFile(fx.dir.File("plain")) == "x");
}

TEST_CASE("graph cli: export -o never lets a value reach dot as an option, and - is stdout",
          "[graph_cli]") {
  CliFixture fx;
  // A file named -O (dot's own "-O" option) and -V, written in the cwd.
  for (const char* name : {"-O", "-V", "-Tpng"}) {
    RunResult r =
        RunCommand({"sh", "-c", "cd \"$1\" && \"$0\" export --db g.db --render svg -o \"$2\"",
                    DetenteBinary(), fx.dir.path().string(), name});
    INFO(name << ": " << r.err);
    CHECK(r.exit_code == 0);
    std::string svg = ReadFile(fx.dir.File(name));
    CHECK((svg.rfind("<?xml", 0) == 0 || svg.rfind("<svg", 0) == 0));
  }
  // -o - is stdout, in every format; no file named "-" appears.
  for (std::vector<std::string> args : {std::vector<std::string>{"export", "-o", "-"},
                                        {"export", "--format", "graphml", "-o", "-"},
                                        {"export", "--format", "json", "-o", "-"},
                                        {"export", "--format", "csv", "-o", "-"},
                                        {"export", "--render", "svg", "-o", "-"}}) {
    RunResult r =
        RunCommand({"sh", "-c", "cd \"$1\" && shift 1 && exec \"$@\"", "sh", fx.dir.path().string(),
                    DetenteBinary(), args[0], "--db", "g.db", args[1], args[2],
                    args.size() > 3 ? args[3] : std::string("--include-isolated"),
                    args.size() > 4 ? args[4] : std::string("--no-sentences")});
    INFO(args[1] << " " << args[2] << ": " << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.size() > 100);
    CHECK_FALSE(std::filesystem::exists(fx.dir.File("-")));
  }
}

TEST_CASE("graph cli: export writes files whole or not at all, and says why not", "[graph_cli]") {
  CliFixture fx;
  // A file size limit of 512 bytes stands for a full disk: every output of
  // the fixture is bigger. The old files must survive intact. (A connection
  // held open here keeps the database's -shm file in place, which a reader
  // could not create under that limit.)
  sqlite3* keep = nullptr;
  REQUIRE(sqlite3_open(fx.db.c_str(), &keep) == SQLITE_OK);
  REQUIRE(sqlite3_exec(keep, "SELECT count(*) FROM entities", nullptr, nullptr, nullptr) ==
          SQLITE_OK);
  const std::vector<std::vector<std::string>> outputs = {
      {"--format", "dot", "-o", "out.dot"},
      {"--format", "graphml", "-o", "out.graphml"},
      {"--format", "json", "-o", "out.json"},
      {"--format", "csv", "-o", "out.csv"},
      {"--format", "gexf", "-o", "out.gexf"},
      {"--format", "neo4j", "-o", "neo"},
      {"--format", "dot", "--render", "svg", "-o", "out.svg"},
  };
  std::filesystem::create_directory(fx.dir.File("neo"));
  for (const auto& args : outputs) {
    const std::string out = args.back();
    std::vector<std::string> files = {out};
    if (out == "out.csv") files = {"out.nodes.csv", "out.edges.csv"};
    if (out == "neo") files = {"neo/nodes.csv", "neo/relationships.csv"};
    for (const std::string& f : files) WriteFile(fx.dir.File(f), "old " + f);
    std::vector<std::string> argv = {
        "sh",
        "-c",
        "cd \"$1\" && ulimit -f 1 && trap '' XFSZ && shift 1 && exec \"$@\"",
        "sh",
        fx.dir.path().string(),
        DetenteBinary(),
        "export",
        "--db",
        "g.db"};
    argv.insert(argv.end(), args.begin(), args.end());
    RunResult r = RunCommand(argv);
    INFO(out << ": " << r.err);
    CHECK(r.exit_code == 3);
    CHECK(Contains(r.err, "cannot write "));
    CHECK((Contains(r.err, "File too large") || Contains(r.err, "dot failed")));
    for (const std::string& f : files) CHECK(ReadFile(fx.dir.File(f)) == "old " + f);
    size_t entries = 0;
    for (const auto& e : std::filesystem::directory_iterator(fx.dir.path())) {
      CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
      ++entries;
    }
    CHECK(entries > 0);
  }
  sqlite3_close(keep);
  // Without the limit the same commands replace the files.
  REQUIRE(fx.Run({"export", "--format", "graphml", "-o", fx.dir.File("out.graphml")}).exit_code ==
          0);
  CHECK(RunProgram({"xmllint", "--noout", fx.dir.File("out.graphml")}).exit_code == 0);
  RunResult dir = fx.Run({"export", "-o", fx.dir.File("no/such/dir/g.dot")});
  CHECK(Contains(dir.err, "directory " + fx.dir.File("no/such/dir") + " does not exist"));
}

TEST_CASE("graph cli: path and neighbours on the ingested examples", "[graph_cli][examples]") {
  TempDir dir;
  std::string db = dir.File("ex.db");
  RunResult ingest = RunDetente({"ingest", "-q", "--db", db, SourceDir() + "/examples"});
  INFO(ingest.err);
  REQUIRE(ingest.exit_code == 0);

  // The Beijing article: Blinken met Xi Jinping; the Woodside one: Biden met Xi.
  RunResult r = RunDetente({"path", "--db", db, "Blinken", "Xi Jinping", "--format", "json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = ParseJson(r.out);
  REQUIRE(j.ok());
  CHECK(j->Find("hops")->as_number() == 1);

  r = RunDetente({"path", "--db", db, "Blinken", "Joe Biden"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(Contains(r.out, "Xi Jinping"));

  r = RunDetente({"neighbours", "--db", db, "Antony Blinken", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  j = ParseJson(r.out);
  REQUIRE(j.ok());
  std::vector<std::string> names;
  for (const JsonValue& e : j->Find("entities")->items())
    names.push_back(e.Find("name")->as_string());
  CHECK(std::find(names.begin(), names.end(), "Xi Jinping") != names.end());
}
