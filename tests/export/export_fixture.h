// Helpers for the exporter tests: the fixture graph with its sentences,
// golden files, and running real programs (dot, xmllint, python3) without a
// shell.
#ifndef DETENTE_TESTS_EXPORT_EXPORT_FIXTURE_H_
#define DETENTE_TESTS_EXPORT_EXPORT_FIXTURE_H_

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "detente/export.h"
#include "detente/graph.h"
#include "graph/graph_fixture.h"
#include "test_util.h"

extern char** environ;

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

struct ProgramResult {
  int exit_code = -1;  // -1: could not run, or killed
  std::string out, err;
};

// Runs argv[0] found on PATH with `args` (no shell), feeding `input`.
inline ProgramResult RunProgram(const std::vector<std::string>& args,
                                const std::string& input = "") {
  TempDir io;
  std::string in = io.File("in"), out = io.File("out"), err = io.File("err");
  WriteFile(in, input);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, in.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> copy = args;
  std::vector<char*> argv;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid;
  ProgramResult r;
  int rc = posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) return r;
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

template <typename F>
std::string Capture(F&& write) {
  std::ostringstream os;
  Check(write(os));
  return os.str();
}

}  // namespace detente::testing

#endif  // DETENTE_TESTS_EXPORT_EXPORT_FIXTURE_H_
