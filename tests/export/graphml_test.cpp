#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <catch2/catch.hpp>
#include <map>
#include <sstream>

#include "detente/export.h"
#include "export/export_fixture.h"
#include "detente/sqlite.h"

using namespace detente;
using namespace detente::testing;

TEST_CASE("graphml: whole graph matches its golden file", "[graphml]") {
  ExportFixture fx;
  std::string xml = Capture([&](std::ostream& os) {
    return WriteGraphml(fx.graph, WholeGraph(fx.graph), fx.options, os);
  });
  CHECK(xml == Golden("graph.graphml.golden", xml));
  std::string path = fx.dir.File("g.graphml");
  WriteFile(path, xml);
  ProgramResult lint = RunProgram({"xmllint", "--noout", path});
  CHECK(lint.exit_code == 0);
  CHECK(lint.err.empty());
}

TEST_CASE("graphml: Boost read_graphml reads it back with names and kinds", "[graphml]") {
  ExportFixture fx;
  std::string xml = Capture([&](std::ostream& os) {
    return WriteGraphml(fx.graph, WholeGraph(fx.graph), fx.options, os);
  });
  struct V {
    std::string name, kind, country;
  };
  struct E {
    std::string action, date, sentence;
  };
  using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, V, E>;
  G g;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("name", get(&V::name, g));
  dp.property("kind", get(&V::kind, g));
  dp.property("country", get(&V::country, g));
  dp.property("action", get(&E::action, g));
  dp.property("date", get(&E::date, g));
  dp.property("sentence", get(&E::sentence, g));
  std::istringstream in(xml);
  REQUIRE_NOTHROW(boost::read_graphml(in, g, dp));
  CHECK(num_vertices(g) == 15);  // Ukraine has no events
  CHECK(num_edges(g) == 13);
  std::map<std::string, V> by_name;
  for (auto v : boost::make_iterator_range(vertices(g))) by_name[g[v].name] = g[v];
  CHECK(by_name.at("Antony Blinken").kind == "person");
  CHECK(by_name.at("Antony Blinken").country == "USA");
  CHECK(by_name.count("<b>Tag</b> & '; DROP TABLE entities; --"));
  CHECK(by_name.count("node \"quoted\" \\ back\\slash"));
  CHECK(by_name.count("graph"));
  CHECK(by_name.count("Zürich café"));
  bool found = false;
  for (auto e : boost::make_iterator_range(edges(g))) {
    if (g[source(e, g)].name == "Antony Blinken" && g[target(e, g)].name == "China") {
      found = true;
      CHECK(g[e].action == "travel to");
      CHECK(g[e].date == "2023-06-18");
      CHECK(g[e].sentence == "Blinken travelled to China on 18 June.");
    }
  }
  CHECK(found);
}

TEST_CASE("graphml: characters XML forbids never reach the file, nor the rendered SVG",
          "[graphml][render]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  // U+FFFE, U+FFFF, and C0 characters other than tab and newline: not XML 1.0.
  const std::string hostile =
      "A\xEF\xBF\xBE"
      "B\xEF\xBF\xBF"
      "C\x0B"
      "D\x0C"
      "E\x1F"
      "F\x01"
      "G";
  {
    auto db = sql::Db::Open(dir.File("g.db"), false);
    REQUIRE(db.ok());
    for (const char* sql :
         {"UPDATE entities SET name = ? WHERE id = 3", "UPDATE entities SET kind = ? WHERE id = 4",
          "UPDATE events SET action = ? WHERE id = 1"}) {
      auto st = db->Prepare(sql);
      REQUIRE(st.ok());
      REQUIRE(st->Bind(1, hostile).Run().ok());
    }
  }
  Graph g = LoadFixture(dir.File("g.db"));
  std::string xml = Capture(
      [&](std::ostream& os) { return WriteGraphml(g, WholeGraph(g), ExportOptions{}, os); });
  CHECK(xml.find("\xEF\xBF\xBE") == std::string::npos);
  CHECK(xml.find("\xEF\xBF\xBF") == std::string::npos);
  CHECK(xml.find("A\xEF\xBF\xBD"
                 "B\xEF\xBF\xBD"
                 "C D E F G") != std::string::npos);
  const std::string path = dir.File("g.graphml");
  WriteFile(path, xml);
  ProgramResult lint = RunProgram({"xmllint", "--noout", path});
  INFO(lint.err);
  CHECK(lint.exit_code == 0);
  // DOT, rendered to SVG by Graphviz: XML too.
  std::string dot =
      Capture([&](std::ostream& os) { return WriteDot(g, WholeGraph(g), ExportOptions{}, os); });
  const std::string svg = dir.File("g.svg");
  REQUIRE(RenderDot(dot, "svg", svg).ok());
  ProgramResult svg_lint = RunProgram({"xmllint", "--noout", svg});
  INFO(svg_lint.err);
  CHECK(svg_lint.exit_code == 0);
  CHECK(ReadFile(svg).find("\xEF\xBF\xBE") == std::string::npos);
}
