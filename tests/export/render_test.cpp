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

TEST_CASE("render: outputs are written whole or not at all", "[render]") {
  TempDir dir;
  const std::string path = dir.File("out.svg");
  WriteFile(path, "old contents");
  // Bad DOT: the old file stays, and no temporary file is left beside it.
  CHECK_FALSE(RenderDot("digraph { a -> }", "svg", path).ok());
  CHECK(ReadFile(path) == "old contents");
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    (void)e;
    ++files;
  }
  CHECK(files == 1);
  // A device is written in place; a directory is refused with its reason.
  CHECK(WriteFilesAtomically({{"/dev/null", "x"}}).ok());
  Status to_dir = WriteFilesAtomically({{dir.path().string(), "x"}});
  CHECK(to_dir.message() == "cannot write " + dir.path().string() + ": it is a directory");
  Status no_dir = WriteFilesAtomically({{dir.File("none/x.svg"), "x"}});
  CHECK(no_dir.message() == "cannot write " + dir.File("none/x.svg") + ": directory " +
                                dir.File("none") + " does not exist");
  Status full = WriteFilesAtomically({{"/dev/full", "x"}});
  CHECK(full.message() == "cannot write /dev/full: No space left on device");
  // Two files: both or neither.
  WriteFile(dir.File("a.csv"), "old a");
  Status pair = WriteFilesAtomically({{dir.File("a.csv"), "new a"}, {dir.File("none/b.csv"), "b"}});
  CHECK_FALSE(pair.ok());
  CHECK(ReadFile(dir.File("a.csv")) == "old a");
  // A rewrite keeps the file's permissions.
  std::filesystem::permissions(
      dir.File("a.csv"), std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  REQUIRE(WriteFilesAtomically({{dir.File("a.csv"), "new a"}}).ok());
  CHECK(ReadFile(dir.File("a.csv")) == "new a");
  CHECK(std::filesystem::status(dir.File("a.csv")).permissions() ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
}
