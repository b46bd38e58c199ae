// Concurrency: readers run while ingest writes, and concurrent ingests into
// one database neither corrupt nor duplicate anything.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <regex>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "cli/db_checks.h"
#include "test_util.h"

using namespace detente::testing;

namespace {

// Runs a one-document ingest so that the database exists, migrated.
void CreateDb(const std::string& db) {
  RunResult r = RunDetente({"ingest", "-q", "--db", db, "-"},
                           "Warm-up\n\nOlaf Scholz met Emmanuel Macron in Paris.\n");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

// Starts the same ingest in two processes at once, waits for both and
// returns their results (stderr read from files).
std::vector<RunResult> IngestTwice(const TempDir& dir, const std::vector<std::string>& a,
                                   const std::vector<std::string>& b) {
  std::vector<pid_t> pids;
  std::vector<std::vector<std::string>> args = {a, b};
  for (size_t i = 0; i < 2; ++i) {
    pids.push_back(SpawnDetente(args[i], dir.File("out" + std::to_string(i)),
                                dir.File("err" + std::to_string(i))));
  }
  std::vector<RunResult> out;
  for (size_t i = 0; i < 2; ++i) {
    RunResult r = WaitFor(pids[i], std::chrono::seconds(300));
    r.err = ReadFile(dir.File("err" + std::to_string(i)));
    out.push_back(r);
  }
  return out;
}

// The numbers in "detente: A documents added, P already present, R rejected".
struct Summary {
  long added = -1, present = -1, rejected = -1;
};
Summary ParseSummary(const std::string& err) {
  // "1 document added": the noun is singular for one.
  static const std::regex kLine(
      R"(detente: (\d+) documents? added, (\d+) already present, (\d+) rejected)");
  Summary s;
  std::smatch m;
  if (std::regex_search(err, m, kLine)) {
    s.added = std::stol(m[1]);
    s.present = std::stol(m[2]);
    s.rejected = std::stol(m[3]);
  }
  return s;
}

}  // namespace

TEST_CASE("concurrency: sql, path and stats read while ingest writes", "[concurrency]") {
  TempDir dir;
  const std::string corpus = dir.File("corpus");
  const int docs = WriteCorpus(corpus, 40);
  const std::string db = dir.File("t.db");
  CreateDb(db);

  pid_t pid = SpawnDetente({"ingest", "-q", "--db", db, corpus}, dir.File("out"), dir.File("err"));
  REQUIRE(pid > 0);
  int reads = 0, status = 0;
  long last_count = 0;
  std::vector<std::string> failures;
  const std::vector<std::vector<std::string>> readers = {
      {"sql", "--db", db, "--format", "csv", "SELECT count(*) AS n FROM documents"},
      {"sql", "--db", db, "--format", "jsonl",
       "SELECT actor, action, object FROM event_view ORDER BY rowid DESC LIMIT 5"},
      {"path", "--db", db, "Olaf Scholz", "Antony Blinken"},
      {"stats", "--db", db},
      {"neighbours", "--db", db, "Wang Yi", "--radius", "2"},
  };
  // Read until the ingest is done (it is running when the loop starts: the
  // first document takes longer than one reader).
  while (true) {
    const auto& args = readers[reads % readers.size()];
    RunResult r = RunDetente(args, "", std::chrono::seconds(60));
    ++reads;
    // path and neighbours exit 1 while the names are not stored yet.
    bool ok = r.exit_code == 0 || ((args[0] == "path" || args[0] == "neighbours") &&
                                   r.exit_code == 1 && r.err.find("locked") == std::string::npos);
    if (!ok) failures.push_back(args[0] + " exited " + std::to_string(r.exit_code) + ": " + r.err);
    if (args[0] == "sql" && args[4] == "csv" && r.exit_code == 0) {
      long n = std::atol(r.out.substr(r.out.find('\n') + 1).c_str());
      if (n < last_count) failures.push_back("document count went down");
      last_count = n;
    }
    if (waitpid(pid, &status, WNOHANG) == pid) break;
  }
  std::string err = ReadFile(dir.File("err"));
  INFO(err);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(err.empty());
  CHECK(failures == std::vector<std::string>{});
  CHECK(reads >= 5);
  CHECK(QueryOne(db, "SELECT count(*) FROM documents") == std::to_string(docs + 1));
  CHECK(CheckIntegrity(db) == "ok");
  WARN("concurrency: " << reads << " reader runs during one ingest");
}

TEST_CASE("concurrency: two ingests of one directory store it once", "[concurrency]") {
  TempDir dir;
  const std::string corpus = dir.File("corpus");
  const int docs = WriteCorpus(corpus, 25);
  const std::string ref_db = dir.File("ref.db");
  RunResult ref = RunDetente({"ingest", "-q", "--db", ref_db, corpus});
  INFO(ref.err);
  REQUIRE(ref.exit_code == 0);
  const auto reference = DocumentContents(ref_db);
  REQUIRE(reference.size() == static_cast<size_t>(docs));

  // Into an existing database, and into one that neither process finds: then
  // both also race to create and migrate it.
  for (bool exists : {true, false}) {
    const std::string db = dir.File(exists ? "a.db" : "b.db");
    if (exists) {
      // The same corpus as the reference, so the counts can be compared.
      RunResult r = RunDetente({"ingest", "-q", "--db", db, corpus + "/doc1000.txt"});
      REQUIRE(r.exit_code == 0);
    }
    INFO((exists ? "existing" : "new") << " database");
    std::vector<RunResult> runs =
        IngestTwice(dir, {"ingest", "--db", db, corpus}, {"ingest", "-j", "2", "--db", db, corpus});
    for (const RunResult& r : runs) {
      INFO(r.err);
      CHECK_FALSE(r.timed_out);
      CHECK(r.exit_code == 0);
    }
    Summary a = ParseSummary(runs[0].err), b = ParseSummary(runs[1].err);
    CHECK(a.added + a.present == docs);
    CHECK(b.added + b.present == docs);
    CHECK(a.added + b.added == docs - (exists ? 1 : 0));
    CHECK(a.rejected + b.rejected == 0);
    CHECK(CheckIntegrity(db) == "ok");
    CHECK(DocumentContents(db) == reference);
    CHECK(TableCounts(db) == TableCounts(ref_db));
  }
}

TEST_CASE("concurrency: processes racing to create one database all succeed", "[concurrency]") {
  TempDir dir;
  const std::string doc = dir.File("a.txt");
  WriteFile(doc, "Talks\n\nOlaf Scholz met Emmanuel Macron in Paris on Monday.\n");
  for (int round = 0; round < 3; ++round) {
    const std::string db = dir.File("r" + std::to_string(round) + ".db");
    std::vector<pid_t> pids;
    for (int i = 0; i < 4; ++i) {
      // Alternate writers and read-only commands: a reader may find no
      // database yet (exit 3, "no database"), never a broken one.
      std::vector<std::string> args =
          i % 2 == 0 ? std::vector<std::string>{"ingest", "-q", "--db", db, doc}
                     : std::vector<std::string>{"stats", "--db", db};
      pids.push_back(SpawnDetente(args, dir.File("out" + std::to_string(i)),
                                  dir.File("err" + std::to_string(i))));
    }
    for (int i = 0; i < 4; ++i) {
      RunResult r = WaitFor(pids[i], std::chrono::seconds(120));
      std::string err = ReadFile(dir.File("err" + std::to_string(i)));
      INFO("round " << round << ", process " << i << ": " << err);
      if (i % 2 == 0) {
        CHECK(r.exit_code == 0);
        CHECK(err.empty());
      } else {
        CHECK((r.exit_code == 0 ||
               (r.exit_code == 3 && err.find("no database") != std::string::npos) ||
               (r.exit_code == 3 && err.find("needs an upgrade") != std::string::npos)));
      }
    }
    CHECK(QueryOne(db, "SELECT count(*) FROM documents") == "1");
    CHECK(CheckIntegrity(db) == "ok");
  }
}
