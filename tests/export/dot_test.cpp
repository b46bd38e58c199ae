#include <catch2/catch.hpp>

#include "detente/export.h"
#include "export/export_fixture.h"

using namespace detente;
using namespace detente::testing;

TEST_CASE("dot: whole graph matches its golden file", "[dot]") {
  ExportFixture fx;
  Subgraph all = WholeGraph(fx.graph);
  std::string dot =
      Capture([&](std::ostream& os) { return WriteDot(fx.graph, all, fx.options, os); });
  CHECK(dot == Golden("graph.dot.golden", dot));

  ExportOptions clusters;
  clusters.clusters = true;
  std::string cl = Capture([&](std::ostream& os) { return WriteDot(fx.graph, all, clusters, os); });
  CHECK(cl == Golden("clusters.dot.golden", cl));
}

TEST_CASE("dot: ids are synthetic and hostile names are escaped", "[dot]") {
  ExportFixture fx;
  std::string dot = Capture(
      [&](std::ostream& os) { return WriteDot(fx.graph, WholeGraph(fx.graph), fx.options, os); });
  CHECK(dot.find("n13 [label=\"graph\"") != std::string::npos);
  CHECK(dot.find("label=\"node \\\"quoted\\\" \\\\ back\\\\slash\"") != std::string::npos);
  CHECK(dot.find("\\n") != std::string::npos);  // the newline in sentence 12's tooltip
  CHECK(dot.find("n3 -> n4 [label=\"meet 2023-06-19\"") != std::string::npos);
  CHECK(dot.find("n12 ") == std::string::npos);  // Ukraine has no events
}

TEST_CASE("dot: real Graphviz dot accepts the output, hostile names included", "[dot]") {
  ExportFixture fx;
  for (bool clusters : {false, true}) {
    ExportOptions opt = fx.options;
    opt.clusters = clusters;
    std::string dot = Capture(
        [&](std::ostream& os) { return WriteDot(fx.graph, WholeGraph(fx.graph), opt, os); });
    ProgramResult svg = RunProgram({"dot", "-Tsvg"}, dot);
    REQUIRE(svg.exit_code == 0);
    CHECK(svg.err.empty());
    // Every label made it through intact (SVG escapes it as XML).
    CHECK(svg.out.find("&lt;b&gt;Tag&lt;/b&gt; &amp; &#39;; DROP TABLE entities; &#45;&#45;") !=
          std::string::npos);
    CHECK(svg.out.find("node &quot;quoted&quot; \\ back\\slash") != std::string::npos);
    CHECK(svg.out.find(">graph</text>") != std::string::npos);
    CHECK(svg.out.find("Zürich café") != std::string::npos);
    // The SVG is well-formed XML.
    fx.dir.path();
    std::string path = fx.dir.File(clusters ? "c.svg" : "g.svg");
    WriteFile(path, svg.out);
    ProgramResult lint = RunProgram({"xmllint", "--noout", path});
    CHECK(lint.exit_code == 0);
    CHECK(lint.err.empty());
  }
}

TEST_CASE("dot: invalid UTF-8 and control characters are cleaned", "[dot]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  {
    auto db = sql::Db::Open(dir.File("g.db"), false);
    REQUIRE(db.ok());
    auto st = db->Prepare("UPDATE entities SET name = ? WHERE id = 3");
    REQUIRE(st.ok());
    REQUIRE(st->Bind(1, std::string("Bad\xff\x01name\\")).Run().ok());
  }
  Graph g = LoadFixture(dir.File("g.db"));
  std::string dot =
      Capture([&](std::ostream& os) { return WriteDot(g, WholeGraph(g), ExportOptions{}, os); });
  CHECK(dot.find("label=\"Bad\xEF\xBF\xBD name\\\\\"") != std::string::npos);
  ProgramResult svg = RunProgram({"dot", "-Tsvg"}, dot);
  CHECK(svg.exit_code == 0);
  CHECK(svg.err.empty());
}

TEST_CASE("dot: ego and path subgraphs keep only their own vertices and events", "[dot]") {
  ExportFixture fx;
  uint32_t blinken = VertexNamed(fx.graph, "Antony Blinken");
  Subgraph ego = FromEgo(Neighbourhood(fx.graph, blinken, {}));
  std::string dot =
      Capture([&](std::ostream& os) { return WriteDot(fx.graph, ego, ExportOptions{}, os); });
  CHECK(dot.find("n2 [") != std::string::npos);        // China
  CHECK(dot.find("n6 [") == std::string::npos);        // Lavrov is two hops away
  CHECK(dot.find("id=\"e12\"") != std::string::npos);  // Jaishankar meets Blinken

  auto paths = ShortestPaths(fx.graph, blinken, VertexNamed(fx.graph, "Sergei Lavrov"), {});
  REQUIRE(paths.ok());
  Subgraph path = FromPaths(*paths);
  CHECK(path.vertices.size() == 3);
  dot = Capture([&](std::ostream& os) { return WriteDot(fx.graph, path, ExportOptions{}, os); });
  CHECK(dot.find("n2 [") == std::string::npos);
}
