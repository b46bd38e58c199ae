// Every examples/queries/*.sql runs through `detente sql` against schema v1:
// on an empty migrated database and on the graph fixture.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "detente/store.h"
#include "graph/graph_fixture.h"
#include "test_util.h"

using namespace detente;
using namespace detente::testing;

namespace {

std::vector<std::string> QueryFiles() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(SourceDir() + "/examples/queries")) {
    if (e.path().extension() == ".sql") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("example queries: each one runs on an empty and on a filled database", "[queries]") {
  TempDir dir;
  std::string empty = dir.File("empty.db"), filled = dir.File("filled.db");
  REQUIRE(Store::Open(empty).ok());
  BuildFixtureDb(filled);
  std::vector<std::string> files = QueryFiles();
  CHECK(files.size() >= 5);
  for (const std::string& f : files) {
    INFO(f);
    std::string sql = ReadFile(f);
    RunResult e = RunDetente({"sql", "--db", empty, "-"}, sql);
    INFO(e.err);
    CHECK(e.exit_code == 0);
    RunResult r = RunDetente({"sql", "--db", filled, "--format", "json", "-"}, sql);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("{") != std::string::npos);  // at least one row on the fixture
  }
}

TEST_CASE("example queries: answers on the fixture", "[queries]") {
  TempDir dir;
  std::string db = dir.File("g.db");
  BuildFixtureDb(db);
  auto run = [&](const std::string& name) {
    RunResult r = RunDetente({"sql", "--db", db, "--format", "csv", "-"},
                             ReadFile(SourceDir() + "/examples/queries/" + name));
    REQUIRE(r.exit_code == 0);
    return r.out;
  };
  std::string met = run("01_who_met_whom.sql");
  CHECK(met.find("2023-06-19,Antony Blinken,meet,Wang Yi") != std::string::npos);
  CHECK(met.find("Sergei Lavrov,meet,Subrahmanyam Jaishankar") != std::string::npos);
  CHECK(met.find("Blinken did not meet") == std::string::npos);  // negated

  std::string neg = run("06_negated_and_future.sql");
  CHECK(neg.find("negated,Antony Blinken,meet,Sergei Lavrov") != std::string::npos);
  CHECK(neg.find("future,Subrahmanyam Jaishankar,visit,United States") != std::string::npos);

  std::string us_cn = run("05_edges_between_countries.sql");
  CHECK(us_cn.find("Antony Blinken,USA,travel to,China,CHN") != std::string::npos);
  CHECK(us_cn.find("Russia") == std::string::npos);

  CHECK(run("04_search_sentences.sql").find("[meet]") != std::string::npos);
  CHECK(run("02_most_active_actors.sql").find("Antony Blinken,person,USA,2,2") !=
        std::string::npos);
}
