#include <catch2/catch.hpp>

#include "detente/export.h"
#include "export/export_fixture.h"

using namespace detente;
using namespace detente::testing;

TEST_CASE("render: dot renders SVG and PNG files", "[render]") {
  ExportFixture fx;
  std::string dot = Capture(
      [&](std::ostream& os) { return WriteDot(fx.graph, WholeGraph(fx.graph), fx.options, os); });
  std::string svg = fx.dir.File("out dir/graph with spaces.svg");
  std::filesystem::create_directories(fx.dir.path() / "out dir");
  REQUIRE(RenderDot(dot, "svg", svg).ok());
  std::string text = ReadFile(svg);
  CHECK(text.rfind("<?xml", 0) == 0);
  CHECK(text.find("<svg") != std::string::npos);
  CHECK(RunProgram({"xmllint", "--noout", svg}).exit_code == 0);

  std::string png = fx.dir.File("g.png");
  REQUIRE(RenderDot(dot, "png", png).ok());
  CHECK(ReadFile(png).rfind("\x89PNG", 0) == 0);
}

TEST_CASE("render: bad formats and bad DOT are reported", "[render]") {
  TempDir dir;
  CHECK(RenderDot("digraph {}", "exe", dir.File("x")).IsInvalidArgument());
  CHECK(RenderDot("digraph {}", "svg; rm -rf /", dir.File("x")).IsInvalidArgument());
  CHECK(RenderDot("digraph {}", "svg", "").IsInvalidArgument());
  Status bad = RenderDot("digraph { a -> }", "svg", dir.File("bad.svg"));
  CHECK(bad.code() == Status::Code::kIOError);
  CHECK(bad.message().find("dot failed") != std::string::npos);
}
