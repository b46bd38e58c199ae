// Helpers for the exporter tests: the fixture graph with its sentences,
// golden files, and running real programs (dot, xmllint, python3) without a
// shell.
#ifndef DETENTE_TESTS_EXPORT_EXPORT_FIXTURE_H_
#define DETENTE_TESTS_EXPORT_EXPORT_FIXTURE_H_


#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "detente/export.h"
#include "detente/graph.h"
#include "graph/graph_fixture.h"
#include "test_util.h"


namespace detente::testing {

// GCC 12 reports a false -Wfree-nonheap-object in the Result<> destructor
// inlined into ExportFixture's constructor.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wfree-nonheap-object"

// The fixture graph (default filter) and the sentences of its events.
struct ExportFixture {
  TempDir dir;
  Graph graph;
  ExportOptions options;

  ExportFixture() {
    BuildFixtureDb(dir.File("g.db"));
    graph = LoadFixture(dir.File("g.db"));
    auto reader = GraphReader::Open(dir.File("g.db"));
    Check(reader.status());
    std::vector<int64_t> ids;
    for (const GraphEvent& e : graph.events()) ids.push_back(e.sentence_id);
    auto s = (*reader)->Sentences(ids);
    Check(s.status());
    options.sentences = std::move(*s);
  }
};

#pragma GCC diagnostic pop

// Compares `actual` with tests/data/export/<name>; with
// DETENTE_UPDATE_GOLDENS=1 in the environment, rewrites the golden instead.
inline std::string GoldenPath(const std::string& name) {
  return SourceDir() + "/tests/data/export/" + name;
}
inline bool UpdateGoldens() {
  const char* v = std::getenv("DETENTE_UPDATE_GOLDENS");
  return v && std::string(v) == "1";
}
inline std::string Golden(const std::string& name, const std::string& actual) {
  if (UpdateGoldens()) WriteFile(GoldenPath(name), actual);
  return ReadFile(GoldenPath(name));
}

// Programs run by name (dot, xmllint, python3) through test_util's runner.
using ProgramResult = RunResult;
inline ProgramResult RunProgram(const std::vector<std::string>& args,
                                const std::string& input = "") {
  return RunCommand(args, input);
}

template <typename F>
std::string Capture(F&& write) {
  std::ostringstream os;
  Check(write(os));
  return os.str();
}

}  // namespace detente::testing

#endif  // DETENTE_TESTS_EXPORT_EXPORT_FIXTURE_H_
