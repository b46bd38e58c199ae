// `detente sql` end to end: the console's guard, time limits, Ctrl-C,
// streaming and transactions, through the real binary.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "test_util.h"

using detente::testing::DetenteBinary;
using detente::testing::ReadFile;
using detente::testing::RunCommand;
using detente::testing::RunDetente;
using detente::testing::RunResult;
using detente::testing::SpawnDetente;
using detente::testing::TempDir;
using detente::testing::WaitFor;
using detente::testing::WriteFile;

namespace {

// A running process's peak resident size (VmHWM), in KB; 0 once it is gone.
long HighWaterKb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

constexpr std::chrono::seconds kLimit(120);

const char kEndless[] =
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";

bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

// A database with one ingested article.
std::string MakeDb(const TempDir& dir) {
  const std::string db = dir.File("t.db");
  WriteFile(dir.File("a.txt"),
            "Blinken meets Sissi in Cairo\nDate: 2024-06-10\n\nU.S. Secretary of State Antony "
            "Blinken met Egyptian President Abdel Fattah el-Sissi in Cairo on Monday.\n");
  RunResult r = RunDetente({"ingest", "-q", "--db", db, dir.File("a.txt")}, "", kLimit);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return db;
}

std::string Title(const std::string& db) {
  RunResult r = RunDetente({"sql", "--db", db, "--format", "csv", "SELECT title FROM documents"});
  return r.out;
}

// True once process `pid` catches SIGINT (its handler is installed: the
// query is about to run), read from /proc/<pid>/status.
bool CatchesSigint(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("SigCgt:", 0) == 0) {
      const unsigned long long mask = std::stoull(line.substr(7), nullptr, 16);
      return (mask >> (SIGINT - 1)) & 1;
    }
  }
  return false;
}

// Starts `detente args`, waits until it catches SIGINT and then `after`
// more, sends SIGINT, and waits for the end.
RunResult Interrupt(const TempDir& dir, const std::vector<std::string>& args,
                    std::chrono::milliseconds after) {
  const std::string out = dir.File("int.out"), err = dir.File("int.err");
  pid_t pid = SpawnDetente(args, out, err);
  REQUIRE(pid > 0);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!CatchesSigint(pid) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::this_thread::sleep_for(after);
  kill(pid, SIGINT);
  RunResult r = WaitFor(pid, kLimit);
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

}  // namespace

TEST_CASE("sql: the fts3_tokenizer pointer attack is refused, not run", "[cli][sql]") {
  TempDir dir;
  const std::string db = MakeDb(dir);
  for (const std::string& q :
       {std::string("SELECT fts3_tokenizer('evil', X'4141414141414141'); CREATE VIRTUAL TABLE "
                    "temp.t USING fts3(x, tokenize=evil)"),
        std::string("SELECT hex(fts3_tokenizer('simple'))"), std::string("SELECT fts5(NULL)"),
        std::string("SELECT load_extension('/tmp/x.so')"),
        std::string("SELECT readfile('/etc/passwd')")}) {
    for (bool write : {false, true}) {
      std::vector<std::string> args = {"sql", "--db", db};
      if (write) args.push_back("--write");
      args.push_back(q);
      RunResult r = RunDetente(args, "", kLimit);
      INFO(q << ": " << r.err);
      CHECK(r.signal == 0);
      CHECK(r.exit_code == 3);
      CHECK(r.out.empty());
      CHECK((Contains(r.err, "is not allowed") || Contains(r.err, "no such function")));
    }
  }
}

TEST_CASE("sql: read-only refusals say what the query tried", "[cli][sql]") {
  TempDir dir;
  const std::string db = MakeDb(dir);
  RunResult journal = RunDetente({"sql", "--db", db, "PRAGMA journal_mode=DELETE"});
  CHECK(journal.exit_code == 3);
  CHECK(Contains(journal.err, "PRAGMA journal_mode = DELETE tries to change a setting"));
  CHECK_FALSE(Contains(journal.err, "disk I/O error"));
  RunResult del = RunDetente({"sql", "--db", db, "DELETE FROM events"});
  CHECK(del.exit_code == 3);
  CHECK(Contains(del.err, "DELETE from events"));
  CHECK(Contains(del.err, "use --write"));
  RunResult temp = RunDetente({"sql", "--db", db, "CREATE TEMP TABLE t AS SELECT 1"});
  CHECK(temp.exit_code == 3);
  CHECK(Contains(temp.err, "CREATE TABLE t"));
}

TEST_CASE("sql: --timeout stops an endless query", "[cli][sql]") {
  TempDir dir;
  const std::string db = MakeDb(dir);
  for (bool write : {false, true}) {
    std::vector<std::string> args = {"sql", "--db", db, "--timeout", "0.5"};
    std::string q = kEndless;
    if (write) {
      args.push_back("--write");
      q = "UPDATE documents SET title = 'changed'; " + q;
    }
    args.push_back(q);
    RunResult r = RunDetente(args, "", kLimit);
    INFO(r.err);
    REQUIRE_FALSE(r.timed_out);
    CHECK(r.exit_code == 3);
    CHECK(Contains(r.err, "query stopped after 0.5 s"));
    CHECK(Contains(r.err, "--timeout 0.5"));
    CHECK(Title(db) == "title\nBlinken meets Sissi in Cairo\n");
  }
  for (const char* bad : {"-1", "soon", "nan", "1e99"}) {
    RunResult r = RunDetente({"sql", "--db", db, "--timeout", bad, "SELECT 1"});
    INFO(bad << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(Contains(r.err, "is not a number of seconds"));
  }
  CHECK(RunDetente({"sql", "--help"}).out.find("--timeout") != std::string::npos);
}

TEST_CASE("sql: Ctrl-C stops the query, exits 130 and changes nothing", "[cli][sql]") {
  TempDir dir;
  const std::string db = MakeDb(dir);
  RunResult r = Interrupt(dir, {"sql", "--db", db, kEndless}, std::chrono::milliseconds(500));
  INFO(r.err);
  REQUIRE_FALSE(r.timed_out);
  CHECK(r.signal == 0);
  CHECK(r.exit_code == 130);
  CHECK(Contains(r.err, "interrupted"));
  RunResult w = Interrupt(dir,
                          {"sql", "--db", db, "--write",
                           "UPDATE documents SET title = 'changed'; " + std::string(kEndless)},
                          std::chrono::milliseconds(500));
  INFO(w.err);
  REQUIRE_FALSE(w.timed_out);
  CHECK(w.exit_code == 130);
  CHECK(Title(db) == "title\nBlinken meets Sissi in Cairo\n");
}

TEST_CASE("sql: rows stream out in every format (an endless result can be read in part)",
          "[cli][sql]") {
  TempDir dir;
  const std::string db = MakeDb(dir);
  const std::string endless_rows =
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
      "SELECT x, 'row ' || x AS label FROM c";
  for (const char* format : {"table", "csv", "json", "jsonl"}) {
    // head closes the pipe after 3 lines; a console that held the whole
    // result would never print a line.
    RunResult r =
        RunCommand({"sh", "-c", "\"$0\" sql --db \"$1\" --format \"$2\" \"$3\" | head -n 3",
                    DetenteBinary(), db, format, endless_rows},
                   "", std::chrono::seconds(60));
    INFO(format << ": " << r.err);
    REQUIRE_FALSE(r.timed_out);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 3);
  }
}

TEST_CASE("sql: a big result is written in bounded memory", "[cli][sql]") {
  TempDir dir;
  const std::string db = MakeDb(dir);
  // 2 million rows, about 100 MB of output: held whole, they took over 500 MB.
  const std::string q =
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 2000000) "
      "SELECT x, 'a label for row number ' || x AS label, x * 0.5 AS half FROM c";
  // AddressSanitizer keeps freed memory in quarantine (256 MB by default):
  // a small one, so that what is measured is what detente holds.
  const char* asan = std::getenv("ASAN_OPTIONS");
  const std::string saved = asan ? asan : "";
  setenv("ASAN_OPTIONS", (saved + (saved.empty() ? "" : ":") + "quarantine_size_mb=16").c_str(),
         1);
  for (const char* format : {"table", "csv", "jsonl"}) {
    const std::string err = dir.File("big.err");
    pid_t pid = SpawnDetente({"sql", "--db", db, "--format", format, q}, "/dev/null", err);
    REQUIRE(pid > 0);
    // The child's own high-water mark, polled from /proc while it runs:
    // wait4's ru_maxrss would count this test process too, since Linux
    // carries a vfork parent's peak into the exec'd child.
    int status = 0;
    long max_rss_kb = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
      max_rss_kb = std::max(max_rss_kb, HighWaterKb(pid));
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    INFO(format << ": " << ReadFile(err));
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    REQUIRE(max_rss_kb > 0);
    const long max_rss_mb = max_rss_kb / 1024;
    INFO("peak RSS " << max_rss_mb << " MB");
#if defined(__SANITIZE_ADDRESS__)
    CHECK(max_rss_mb < 250);  // shadow memory and allocator caches
#else
    CHECK(max_rss_mb < 100);
#endif
  }
  if (asan) {
    setenv("ASAN_OPTIONS", saved.c_str(), 1);
  } else {
    unsetenv("ASAN_OPTIONS");
  }
}

TEST_CASE("sql: a --write script is one transaction", "[cli][sql]") {
  TempDir dir;
  const std::string db = MakeDb(dir);
  RunResult r = RunDetente({"sql", "--db", db, "--write",
                            "UPDATE documents SET title = 'changed'; INSERT INTO nonexistent "
                            "VALUES (1)"});
  CHECK(r.exit_code == 3);
  CHECK(Contains(r.err, "no such table: nonexistent"));
  CHECK(Title(db) == "title\nBlinken meets Sissi in Cairo\n");
  RunResult begin = RunDetente({"sql", "--db", db, "--write", "BEGIN; DELETE FROM events; COMMIT"});
  CHECK(begin.exit_code == 3);
  CHECK(Contains(begin.err, "one transaction"));
  RunResult ok = RunDetente(
      {"sql", "--db", db, "--write", "UPDATE documents SET title = 'changed'; SELECT 1"});
  CHECK(ok.exit_code == 0);
  CHECK(Contains(ok.err, "1 row changed"));
  CHECK(Title(db) == "title\nchanged\n");
  RunResult none = RunDetente({"sql", "--db", db, "--write", "DELETE FROM events WHERE 0"});
  CHECK(Contains(none.err, "0 rows changed"));
}
