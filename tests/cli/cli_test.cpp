// End-to-end tests: the real detente binary on real files in temp folders.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "test_util.h"
#include "detente/json.h"

extern char** environ;

using detente::JsonValue;
using detente::ParseJson;
using detente::testing::ReadFile;
using detente::testing::RunDetente;
using detente::testing::RunResult;
using detente::testing::SourceDir;
using detente::testing::TempDir;
using detente::testing::WriteFile;

namespace {

const char kArticleA[] =
    "Blinken meets Sissi in Cairo\n"
    "Date: 2024-06-10\n"
    "\n"
    "U.S. Secretary of State Antony Blinken met Egyptian President Abdel Fattah el-Sissi in "
    "Cairo on Monday. Blinken will travel to Israel, Jordan and Qatar this week.\n";

const char kArticleB[] =
    "Gantz leaves the War Cabinet\n"
    "\n"
    "Benny Gantz resigned from Israel's War Cabinet on Sunday. He urged Prime Minister Benjamin "
    "Netanyahu to hold early elections.\n";

std::string Jsonl(int n, int first = 0) {
  std::string out;
  for (int i = first; i < first + n; ++i) {
    out += "{\"id\":\"n" + std::to_string(i) + "\",\"title\":\"Talks " + std::to_string(i) +
           "\",\"date\":\"2024-03-07\",\"text\":\"Sweden joined NATO in Washington on day " +
           std::to_string(i) + ". Ulf Kristersson met Antony Blinken.\"}\n";
  }
  return out;
}

// Runs one SQL statement with the sqlite3 library directly and returns the
// first column of the first row ("" when none).
std::string RawQuery(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return "<cannot open>";
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* st = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  } else if (!st || sqlite3_errcode(db) != SQLITE_DONE) {
    out = std::string("<error: ") + sqlite3_errmsg(db) + ">";
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

// The count reported by `detente stats --format json`.
long StatsCount(const std::string& db, const std::string& key) {
  RunResult r = RunDetente({"stats", "--db", db, "--format", "json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto v = ParseJson(r.out);
  REQUIRE(v.ok());
  REQUIRE(v->Find(key));
  return static_cast<long>(v->Find(key)->as_number());
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("cli: re-ingest is idempotent", "[cli]") {
  TempDir dir;
  WriteFile(dir.File("in/a.txt"), kArticleA);
  WriteFile(dir.File("in/b.md"), std::string("# ") + kArticleB);
  WriteFile(dir.File("in/c.jsonl"), Jsonl(3));
  std::string db = dir.File("t.db");
  RunResult first = RunDetente({"ingest", "--db", db, dir.File("in")});
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(Contains(first.err, "5 documents added, 0 already present, 0 rejected"));
  CHECK(first.out.empty());
  long sentences = StatsCount(db, "sentences");
  long entities = StatsCount(db, "entities");
  long events = StatsCount(db, "events");
  CHECK(StatsCount(db, "documents") == 5);
  CHECK(sentences >= 5 * 2);

  RunResult again = RunDetente({"ingest", "--db", db, dir.File("in"), dir.File("in/a.txt")});
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(Contains(again.err, "0 documents added, 6 already present, 0 rejected"));
  CHECK(StatsCount(db, "documents") == 5);
  CHECK(StatsCount(db, "sentences") == sentences);
  CHECK(StatsCount(db, "entities") == entities);
  CHECK(StatsCount(db, "events") == events);
  CHECK(RawQuery(db, "SELECT published FROM documents WHERE doc_id = 'a'") == "2024-06-10");
  // -q prints nothing at all on success.
  RunResult quiet = RunDetente({"ingest", "-q", "--db", db, dir.File("in")});
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.err.empty());
}

TEST_CASE("cli: an interrupted ingest is resumed without duplicates", "[cli]") {
  TempDir dir;
  const int kDocs = 300;
  WriteFile(dir.File("many.jsonl"), Jsonl(kDocs));
  std::string db = dir.File("t.db");
  // Create the database first so that polling it below never races its creation.
  REQUIRE(
      RunDetente({"ingest", "-q", "--db", db, "-"}, "Warm-up\n\nA first document.\n").exit_code ==
      0);

  const char* env_bin = std::getenv("DETENTE_BINARY");
  std::string bin = env_bin && *env_bin ? env_bin : DETENTE_BINARY;
  std::vector<std::string> args = {bin, "ingest", "-q", "--db", db, dir.File("many.jsonl")};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid;
  REQUIRE(posix_spawn(&pid, bin.c_str(), &fa, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&fa);

  // Kill it with SIGKILL once some (but not all) documents are committed.
  long at_kill = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    at_kill = std::atol(RawQuery(db, "SELECT count(*) FROM documents").c_str());
    if (at_kill > 10) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFSIGNALED(status));  // it was still running: the kill interrupted it
  long committed = std::atol(RawQuery(db, "SELECT count(*) FROM documents").c_str());
  INFO("documents when killed: " << committed);
  CHECK(committed > 1);
  CHECK(committed < kDocs + 1);
  CHECK(RawQuery(db, "PRAGMA integrity_check") == "ok");

  RunResult resumed = RunDetente({"ingest", "--db", db, dir.File("many.jsonl")});
  INFO(resumed.err);
  REQUIRE(resumed.exit_code == 0);
  CHECK(Contains(resumed.err, std::to_string(kDocs + 1 - committed) + " documents added, " +
                                  std::to_string(committed - 1) + " already present"));
  CHECK(RawQuery(db, "SELECT count(*) FROM documents") == std::to_string(kDocs + 1));
  CHECK(RawQuery(db, "SELECT count(DISTINCT doc_id) FROM documents") == std::to_string(kDocs + 1));
  // Every document has all of its sentences: none was half-written.
  CHECK(RawQuery(db,
                 "SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM sentences s "
                 "WHERE s.document_id = d.id) = 0") == "0");
  CHECK(RawQuery(db, "SELECT count(*) FROM sentences") ==
        std::to_string(1 + 2 * kDocs + kDocs + 1));  // bodies, titles, the warm-up's one title
  CHECK(RawQuery(db, "PRAGMA integrity_check") == "ok");
  CHECK(RawQuery(db, "PRAGMA foreign_key_check") == "");
}

TEST_CASE("cli: a database from a newer detente is refused", "[cli]") {
  TempDir dir;
  std::string db = dir.File("t.db");
  WriteFile(dir.File("a.txt"), kArticleA);
  REQUIRE(RunDetente({"ingest", "--db", db, dir.File("a.txt")}).exit_code == 0);
  RawQuery(db, "PRAGMA user_version = 999");
  REQUIRE(RawQuery(db, "PRAGMA user_version") == "999");
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"ingest", "--db", db, dir.File("a.txt")},
                                             {"sql", "--db", db, "SELECT 1"},
                                             {"sql", "--db", db, "--write", "SELECT 1"},
                                             {"stats", "--db", db}}) {
    RunResult r = RunDetente(args);
    INFO(args[0] << ": " << r.err);
    CHECK(r.exit_code == 3);
    CHECK(Contains(r.err, "written by a newer detente (schema 999, this build knows"));
  }
  CHECK(RawQuery(db, "PRAGMA user_version") == "999");
}

TEST_CASE("cli: bad inputs are reported with file and line, good ones kept", "[cli]") {
  TempDir dir;
  WriteFile(dir.File("good.txt"), kArticleA);
  WriteFile(dir.File("latin1.txt"),
            "Title\n\nFine line.\nS\xe1nchez met Erdo\xf0"
            "an.\n");
  WriteFile(dir.File("blob.txt"), std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  WriteFile(dir.File("mixed.jsonl"), Jsonl(1, 0) + "{\"id\": \"broken\", \"text\": \n" +
                                         "{\"id\": \"n9\", \"text\": 12}\n" + Jsonl(1, 1));
  std::string db = dir.File("t.db");
  RunResult r =
      RunDetente({"ingest", "--db", db, dir.File("latin1.txt"), dir.File("blob.txt"),
                  dir.File("mixed.jsonl"), dir.File("missing.txt"), dir.File("good.txt")});
  INFO(r.err);
  CHECK(r.exit_code == 3);
  CHECK(Contains(r.err, dir.File("latin1.txt") + ":4: invalid UTF-8\n"));
  CHECK(Contains(r.err, dir.File("blob.txt") + ":3: binary file"));
  CHECK(Contains(r.err, dir.File("mixed.jsonl") + ":2: invalid JSON at byte "));
  CHECK(Contains(r.err, dir.File("mixed.jsonl") + ":3: field \"text\" must be a string"));
  CHECK(Contains(r.err, dir.File("missing.txt") + ": no such file or directory"));
  CHECK(Contains(r.err, "3 documents added, 0 already present, 5 rejected"));
  CHECK(RawQuery(db,
                 "SELECT group_concat(doc_id, ',') FROM (SELECT doc_id FROM documents "
                 "ORDER BY doc_id)") == "good,n0,n1");

  // extract reports the same inputs and still prints the good ones' events.
  RunResult x = RunDetente({"extract", dir.File("mixed.jsonl"), dir.File("blob.txt")});
  CHECK(x.exit_code == 3);
  CHECK(Contains(x.err, dir.File("mixed.jsonl") + ":2: invalid JSON"));
  CHECK(Contains(x.err, dir.File("blob.txt") + ":3: binary file"));
}

TEST_CASE("cli: sql is read-only unless --write", "[cli]") {
  TempDir dir;
  std::string db = dir.File("t.db");
  WriteFile(dir.File("a.txt"), kArticleA);
  REQUIRE(RunDetente({"ingest", "--db", db, dir.File("a.txt")}).exit_code == 0);
  for (const char* write : {"DELETE FROM sentences", "UPDATE documents SET title = 'x'",
                            "DROP VIEW edges", "CREATE TABLE t(x INTEGER)"}) {
    RunResult r = RunDetente({"sql", "--db", db, write});
    INFO(write << ": " << r.err);
    CHECK(r.exit_code == 3);
    CHECK(Contains(r.err, "read-only"));
    CHECK(Contains(r.err, "use --write"));
  }
  CHECK(RawQuery(db, "SELECT title FROM documents") == "Blinken meets Sissi in Cairo");
  CHECK(RawQuery(db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('edges', 't')") == "1");

  RunResult w = RunDetente({"sql", "--db", db, "--write", "UPDATE documents SET title = 'x'"});
  INFO(w.err);
  CHECK(w.exit_code == 0);
  CHECK(Contains(w.err, "1 row changed"));
  CHECK(RawQuery(db, "SELECT title FROM documents") == "x");
  // A query with no rows succeeds.
  RunResult none = RunDetente({"sql", "--db", db, "SELECT * FROM documents WHERE id < 0"});
  CHECK(none.exit_code == 0);
  CHECK(Contains(none.out, "sha256"));
  RunResult bad = RunDetente({"sql", "--db", db, "SELECT * FROM nowhere"});
  CHECK(bad.exit_code == 3);
  CHECK(Contains(bad.err, "no such table: nowhere"));
}

TEST_CASE("cli: sql output formats are valid", "[cli]") {
  TempDir dir;
  std::string db = dir.File("t.db");
  WriteFile(dir.File("a.txt"), kArticleA);
  REQUIRE(RunDetente({"ingest", "--db", db, dir.File("a.txt")}).exit_code == 0);
  const std::string q =
      "SELECT 1 AS n, 2.5 AS r, 'say \"hi\", ok' AS s, NULL AS z, 'a' AS s UNION ALL "
      "SELECT 2, -1, 'line\nbreak', NULL, 'Erdoğan'";

  RunResult csv = RunDetente({"sql", "--db", db, "--format", "csv", q});
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out ==
        "n,r,s,z,s\n"
        "1,2.5,\"say \"\"hi\"\", ok\",,a\n"
        "2,-1,\"line\nbreak\",,Erdoğan\n");

  RunResult json = RunDetente({"sql", "--db", db, "--format", "json", q});
  REQUIRE(json.exit_code == 0);
  auto arr = ParseJson(json.out);
  INFO(json.out);
  REQUIRE(arr.ok());
  REQUIRE(arr->items().size() == 2);
  const JsonValue& row = arr->items()[0];
  CHECK(row.Find("n")->is_number());
  CHECK(row.Find("n")->as_number() == 1);
  CHECK(row.Find("r")->as_number() == 2.5);
  CHECK(row.Find("s")->as_string() == "say \"hi\", ok");
  CHECK(row.Find("z")->is_null());
  CHECK(row.Find("s_2")->as_string() == "a");
  CHECK(arr->items()[1].Find("s")->as_string() == "line\nbreak");

  RunResult jsonl = RunDetente({"sql", "--db", db, "--format", "jsonl", q});
  REQUIRE(jsonl.exit_code == 0);
  std::vector<std::string> lines = Lines(jsonl.out);
  REQUIRE(lines.size() == 2);
  for (const auto& l : lines) CHECK(ParseJson(l).ok());

  RunResult empty = RunDetente({"sql", "--db", db, "--format", "json", "SELECT 1 WHERE 0"});
  REQUIRE(empty.exit_code == 0);
  CHECK(empty.out == "[]\n");

  RunResult table = RunDetente({"sql", "--db", db, "SELECT doc_id, published FROM documents"});
  REQUIRE(table.exit_code == 0);
  CHECK(table.out == "doc_id  published\n------  ----------\na       2024-06-10\n");
}

TEST_CASE("cli: table cells are measured in code points, cleaned and cut", "[cli]") {
  TempDir dir;
  std::string db = dir.File("t.db");
  WriteFile(dir.File("a.txt"), kArticleA);
  REQUIRE(RunDetente({"ingest", "--db", db, dir.File("a.txt")}).exit_code == 0);
  // Non-ASCII names (2- and 3-byte characters, CJK counted as one column
  // each), control whitespace shown as spaces (also in a cell shorter than
  // eight bytes), an ASCII and a non-ASCII cell cut at 80 code points with
  // "…", and trailing spaces dropped.
  const std::string q =
      "SELECT 1 AS n, 'Recep Tayyip Erdoğan' AS name, 'plain' AS note UNION ALL "
      "SELECT 22, '习近平', 'tab' || char(9) || 'and' || char(10) || 'newline' || char(13) "
      "UNION ALL SELECT 333, 'Zürich café', printf('%.85c', 'a') UNION ALL "
      "SELECT 4444, '東京', 'Çok güzel ' || printf('%.40c', 'ö') || ' 東京で会談した ' || "
      "printf('%.40c', 'x') || ' end' UNION ALL SELECT NULL, 'x' || char(9) || 'y', '  '";
  RunResult r = RunDetente({"sql", "--db", db, q});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string a79(79, 'a'), o40 = [] {
    std::string s;
    for (int i = 0; i < 40; ++i) s += "ö";
    return s;
  }();
  CHECK(r.out ==
        "n     name                  note\n"
        "----  --------------------  " +
            std::string(80, '-') +
            "\n"
            "   1  Recep Tayyip Erdoğan  plain\n"
            "  22  习近平                   tab and newline\n"
            " 333  Zürich café           " +
            a79 +
            "…\n"
            "4444  東京                    Çok güzel " +
            o40 + " 東京で会談した " + std::string(20, 'x') +
            "…\n"
            "      x y\n");
}

TEST_CASE("cli: sql csv neutralises formulas, tables show control characters harmlessly", "[cli]") {
  TempDir dir;
  std::string db = dir.File("t.db");
  WriteFile(dir.File("a.txt"), kArticleA);
  REQUIRE(RunDetente({"ingest", "--db", db, dir.File("a.txt")}).exit_code == 0);
  // OWASP's list: = + - @ tab CR at the start of a text cell (and a header);
  // numbers, even negative ones, stay numbers.
  const std::string q =
      "SELECT '=HYPERLINK(\"http://x\",\"y\")' AS \"=h\", '+SUM(1,2)' AS p, '@SUM(A1)' AS a, "
      "'-2+3' AS m, char(9) || 'tab' AS t, char(13) || 'cr' AS c, -5 AS n, -2.5 AS r, "
      "'a=b' AS plain";
  RunResult csv = RunDetente({"sql", "--db", db, "--format", "csv", q});
  INFO(csv.err);
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out ==
        "'=h,p,a,m,t,c,n,r,plain\n"
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'+SUM(1,2)\",'@SUM(A1),'-2+3,'\ttab,"
        "\"'\rcr\",-5,-2.5,a=b\n");
  // ESC, BEL, NUL-free C0 and C1 characters never reach the terminal raw.
  RunResult table = RunDetente({"sql", "--db", db,
                                "SELECT 'red' || char(27) || '[31m' AS a, 'bell' || char(7) AS b, "
                                "'csi' || char(155) || '2J' AS c, 'del' || char(127) AS d"});
  INFO(table.err);
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find('\x1b') == std::string::npos);
  CHECK(table.out.find('\x07') == std::string::npos);
  CHECK(table.out.find("\xc2\x9b") == std::string::npos);
  CHECK(table.out.find('\x7f') == std::string::npos);
  CHECK(Contains(table.out, "red\u241b[31m"));
  CHECK(Contains(table.out, "bell\u2407"));
  CHECK(Contains(table.out, "csi\ufffd2J"));
  CHECK(Contains(table.out, "del\u2421"));
}

TEST_CASE("cli: endless and binary inputs stop at their caps, naming the path", "[cli]") {
  TempDir dir;
  const std::string db = dir.File("t.db");
  const std::string bin = detente::testing::DetenteBinary();
  // stdin that never ends: `yes` is one endless text document.
  RunResult yes = detente::testing::RunCommand(
      {"sh", "-c", "yes | \"$0\" ingest --db \"$1\" -", bin, db}, "", std::chrono::seconds(120));
  INFO(yes.err);
  REQUIRE_FALSE(yes.timed_out);
  CHECK(yes.exit_code == 3);
  CHECK(Contains(yes.err, "-: document too large (more than 4194304 bytes)"));
  // /dev/zero as stdin and as a path: binary at once.
  RunResult zero = detente::testing::RunCommand({"sh", "-c", "\"$0\" extract - < /dev/zero", bin},
                                                "", std::chrono::seconds(120));
  REQUIRE_FALSE(zero.timed_out);
  CHECK(zero.exit_code == 3);
  CHECK(zero.err == "-:1: binary file (contains NUL bytes)\n");
  RunResult dev = RunDetente({"extract", "/dev/urandom"}, "", std::chrono::seconds(120));
  REQUIRE_FALSE(dev.timed_out);
  CHECK(dev.exit_code == 3);
  CHECK(Contains(dev.err, "/dev/urandom:"));
  CHECK(Contains(dev.err, "binary file (contains NUL bytes)"));
}

TEST_CASE("cli: messages escape control characters in file names and data", "[cli]") {
  TempDir dir;
  const std::string db = dir.File("t.db");
  // A file name that would forge a second message line and colour the terminal.
  const std::string evil = dir.File("evil\n\x1b[31mdetente: 0 documents added.txt");
  WriteFile(evil, std::string("Title\n\nbinary\0here\n", 20));
  RunResult r = RunDetente({"ingest", "--db", db, evil});
  INFO(r.err);
  CHECK(r.exit_code == 3);
  CHECK(r.err.find('\x1b') == std::string::npos);
  std::vector<std::string> lines = Lines(r.err);
  REQUIRE(lines.size() == 2);  // the rejection and the summary, nothing forged
  CHECK(Contains(lines[0], "evil\\n\\x1b[31mdetente: 0 documents added.txt:3: binary file"));
  // An SQL error echoing hostile text, and a bidi override in a name.
  RunResult sql = RunDetente({"sql", "--db", db, "SELECT * FROM \"x\x1b]0;pwned\x07\""});
  CHECK(sql.err.find('\x1b') == std::string::npos);
  CHECK(sql.err.find('\x07') == std::string::npos);
  CHECK(Contains(sql.err, "\\x1b]0;pwned\\x07"));
  RunResult path = RunDetente({"path", "--db", db, "a\xe2\x80\xae b", "c"});
  CHECK(Contains(path.err, "a\\u202e b"));
  // Names stored with control characters (through sql --write) never reach
  // the terminal raw from the graph commands either.
  WriteFile(dir.File("a.txt"), kArticleA);
  REQUIRE(RunDetente({"ingest", "-q", "--db", db, dir.File("a.txt")}).exit_code == 0);
  REQUIRE(RunDetente({"sql", "--db", db, "--write",
                      "UPDATE entities SET name = 'Antony' || char(27) || ']0;x' || char(7) || "
                      "'Blinken' WHERE name = 'Antony Blinken'; INSERT INTO aliases(alias, "
                      "entity_id) SELECT 'Bl' || char(27) || '[2J', id FROM entities WHERE "
                      "name LIKE 'Antony%'"})
              .exit_code == 0);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"path", "--db", db, "Blinken", "Abdel Fattah el-Sissi"},
        {"neighbours", "--db", db, "Blinken"},
        {"entity", "--db", db, "Blinken"},
        {"rank", "--db", db}}) {
    RunResult r = RunDetente(args);
    INFO(args[0] << ": " << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find('\x07') == std::string::npos);
    CHECK(Contains(r.out, "Antony\u241b]0;x\u2407Blinken"));
  }
}

TEST_CASE("cli: usage errors exit 2", "[cli]") {
  TempDir dir;
  std::string db = dir.File("t.db");
  const std::vector<std::vector<std::string>> cases = {
      {},
      {"frobnicate"},
      {"ingest", "--db", db},
      {"ingest", "--bogus", "x.txt"},
      {"sql", "--db", db},
      {"sql", "--db", db, "--format", "xml", "SELECT 1"},
      {"sql", "--db", db, "  ;  "},
      {"stats", "--format", "csv", "--db", db},
      {"extract", "--format", "csv", "x.txt"},
      {"extract"},
  };
  for (const auto& args : cases) {
    RunResult r = RunDetente(args);
    INFO((args.empty() ? "(none)" : args[0]) << " " << args.size() << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK_FALSE(r.err.empty());
  }
  CHECK_FALSE(std::filesystem::exists(db));
  RunResult help = RunDetente({"sql", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(Contains(help.out, "--write"));
}

TEST_CASE("cli: usage errors name the bad word and suggest the nearest", "[cli]") {
  struct Case {
    std::vector<std::string> args;
    const char* message;
  };
  const Case cases[] = {
      {{"inget", "x.txt"}, "unknown command \"inget\" (did you mean \"ingest\"?)"},
      {{"stast"}, "unknown command \"stast\" (did you mean \"stats\"?)"},
      {{"frobnicate"}, "unknown command \"frobnicate\"; the commands are ingest, extract"},
      {{"-V"}, "unknown option \"-V\"; a command comes first"},
      {{"--hlep"}, "unknown option \"--hlep\" (did you mean --help?)"},
      {{"ingest", "--hlep"}, "unknown option \"--hlep\" for ingest; did you mean --help?"},
      {{"ingest", "--jbos", "2", "x.txt"},
       "unknown option \"--jbos\" for ingest; did you mean --jobs?"},
      {{"sql", "--fromat", "csv", "SELECT 1"}, "did you mean --format?"},
      {{"ingest", "-rf.txt"},
       "unknown option \"-rf.txt\" for ingest; to name a file that starts "
       "with '-', write ./-rf.txt or put -- before it"},
      {{}, "a command is required: ingest, extract, sql, stats"},
      {{"ingest", "-j", "0", "x.txt"}, "--jobs: 0 is not a whole number from 1 to 64"},
  };
  for (const Case& c : cases) {
    RunResult r = RunDetente(c.args);
    INFO((c.args.empty() ? "(none)" : c.args[0]) << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(Contains(r.err, c.message));
    CHECK(r.err.rfind("detente: ", 0) == 0);
    CHECK(Lines(r.err).size() == 1);
  }
  // `--` ends the options: a file whose name starts with '-' is read.
  TempDir dir;
  WriteFile(dir.File("-rf.txt"), kArticleB);
  RunResult dashed = detente::testing::RunCommand(
      {"sh", "-c", "cd \"$1\" && \"$0\" ingest -q --db t.db -- -rf.txt",
       detente::testing::DetenteBinary(), dir.path().string()});
  INFO(dashed.err);
  CHECK(dashed.exit_code == 0);
  CHECK(RawQuery(dir.File("t.db"), "SELECT doc_id FROM documents") == "-rf");
}

TEST_CASE("cli: database paths that cannot be opened are named once, with the reason", "[cli]") {
  TempDir dir;
  RunResult missing_dir = RunDetente({"ingest", "--db", "/nonexistent/dir/x.db", "-"}, kArticleB);
  CHECK(missing_dir.exit_code == 3);
  CHECK(missing_dir.err ==
        "detente: cannot open database /nonexistent/dir/x.db: directory /nonexistent/dir does "
        "not exist\n");
  std::filesystem::create_directory(dir.File("adir"));
  RunResult is_dir = RunDetente({"ingest", "--db", dir.File("adir"), "-"}, kArticleB);
  CHECK(is_dir.exit_code == 3);
  CHECK(is_dir.err ==
        "detente: cannot open database " + dir.File("adir") + ": it is a directory\n");
  // A symbolic link loop is not "no such file".
  std::filesystem::create_symlink(dir.File("b.db"), dir.File("a.db"));
  std::filesystem::create_symlink(dir.File("a.db"), dir.File("b.db"));
  for (const char* cmd : {"stats", "sql"}) {
    std::vector<std::string> args = {cmd, "--db", dir.File("a.db")};
    if (std::string(cmd) == "sql") args.push_back("SELECT 1");
    RunResult loop = RunDetente(args);
    INFO(loop.err);
    CHECK(loop.exit_code == 3);
    CHECK(Contains(loop.err, "Too many levels of symbolic links"));
  }
  RunResult input_loop = RunDetente({"extract", dir.File("a.db")});
  CHECK(Contains(input_loop.err, "cannot read: Too many levels of symbolic links"));
}

TEST_CASE("cli: a database in a read-only directory is readable", "[cli]") {
  TempDir dir;
  const std::string ro = dir.File("ro");
  std::filesystem::create_directory(ro);
  const std::string db = ro + "/t.db";
  WriteFile(dir.File("a.txt"), kArticleA);
  REQUIRE(RunDetente({"ingest", "-q", "--db", db, dir.File("a.txt")}).exit_code == 0);
  REQUIRE_FALSE(std::filesystem::exists(db + "-wal"));
  std::filesystem::permissions(ro,
                               std::filesystem::perms::owner_write |
                                   std::filesystem::perms::group_write |
                                   std::filesystem::perms::others_write,
                               std::filesystem::perm_options::remove);
  // As root every directory is writable: run as nobody instead.
  std::vector<std::string> prefix;
  if (geteuid() == 0) prefix = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
  auto run = [&](std::vector<std::string> args) {
    std::vector<std::string> argv = prefix;
    argv.push_back(detente::testing::DetenteBinary());
    argv.insert(argv.end(), args.begin(), args.end());
    return detente::testing::RunCommand(argv);
  };
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"stats", "--db", db},
           {"sql", "--db", db, "SELECT count(*) FROM documents"},
           {"path", "--db", db, "Blinken", "Abdel Fattah el-Sissi"},
           {"neighbours", "--db", db, "Blinken"},
           {"rank", "--db", db},
           {"entity", "--db", db, "Blinken"},
           {"export", "--db", db, "--format", "json"}}) {
    RunResult r = run(args);
    INFO(args[0] << ": " << r.err);
    CHECK(r.exit_code == 0);
    CHECK_FALSE(Contains(r.err, "readonly"));
  }
  RunResult write = run({"sql", "--db", db, "--write", "DELETE FROM events"});
  CHECK(write.exit_code == 3);
  CHECK(Contains(write.err, "cannot write database " + db + ": it or its directory is read-only"));
  RunResult create = run({"ingest", "--db", ro + "/new.db", dir.File("a.txt")});
  CHECK(create.exit_code == 3);
  CHECK(Contains(create.err, "cannot create database " + ro + "/new.db: directory " + ro +
                                 ": Permission denied"));
  CHECK(std::filesystem::is_empty(ro) == false);
  CHECK_FALSE(std::filesystem::exists(db + "-wal"));
  std::filesystem::permissions(ro, std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::add);
}

TEST_CASE("cli: counts of one are singular", "[cli]") {
  TempDir dir;
  const std::string db = dir.File("t.db");
  WriteFile(dir.File("a.txt"), kArticleA);
  RunResult one = RunDetente({"ingest", "--db", db, dir.File("a.txt")});
  CHECK(Contains(one.err, "detente: 1 document added, 0 already present, 0 rejected"));
  RunResult w = RunDetente({"sql", "--db", db, "--write", "UPDATE documents SET title = 'x'"});
  CHECK(Contains(w.err, "detente: 1 row changed"));
  // One event with el-Sissi left: one neighbour, one event.
  REQUIRE(RunDetente({"sql", "--db", db, "--write",
                      "DELETE FROM events WHERE id <> (SELECT min(e.id) FROM events e JOIN "
                      "entities o ON o.id = e.object_id WHERE o.name = 'Abdel Fattah el-Sissi')"})
              .exit_code == 0);
  RunResult n = RunDetente({"neighbours", "--db", db, "Abdel Fattah el-Sissi"});
  INFO(n.out << n.err);
  CHECK(Contains(n.out, ": 1 entity within 1 hop, 1 event\n"));
}

TEST_CASE("cli: sql and stats never create a missing database", "[cli]") {
  TempDir dir;
  std::string db = dir.File("nope.db");
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"sql", "--db", db, "SELECT 1"},
                                             {"sql", "--write", "--db", db, "SELECT 1"},
                                             {"stats", "--db", db}}) {
    RunResult r = RunDetente(args);
    CHECK(r.exit_code == 3);
    CHECK(Contains(r.err, "no database at " + db));
  }
  CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("cli: stdin input and DETENTE_DB", "[cli]") {
  TempDir dir;
  std::string db = dir.File("env.db");
  setenv("DETENTE_DB", db.c_str(), 1);
  RunResult text = RunDetente({"ingest", "-"}, kArticleB);
  RunResult jsonl = RunDetente({"ingest", "-"}, Jsonl(2));
  RunResult count = RunDetente({"sql", "--format", "csv", "SELECT count(*) AS n FROM documents"});
  // --db wins over DETENTE_DB.
  RunResult other = RunDetente({"ingest", "--db", dir.File("flag.db"), "-"}, kArticleA);
  unsetenv("DETENTE_DB");
  INFO(text.err << jsonl.err);
  CHECK(text.exit_code == 0);
  CHECK(jsonl.exit_code == 0);
  CHECK(count.out == "n\n3\n");
  CHECK(other.exit_code == 0);
  CHECK(
      RawQuery(db, "SELECT group_concat(doc_id) FROM (SELECT doc_id FROM documents ORDER BY id)") ==
      "stdin,n0,n1");
  CHECK(RawQuery(db, "SELECT source FROM documents WHERE doc_id = 'n1'") == "-#2");
  CHECK(RawQuery(dir.File("flag.db"), "SELECT count(*) FROM documents") == "1");

  RunResult sql_stdin = RunDetente({"sql", "--db", db, "--format", "csv", "-"},
                                   "SELECT title FROM documents WHERE doc_id = 'stdin';");
  CHECK(sql_stdin.out == "title\nGantz leaves the War Cabinet\n");
}

TEST_CASE("cli: extract prints one JSON object per event with the contract's keys", "[cli]") {
  TempDir dir;
  WriteFile(dir.File("docs.jsonl"),
            "{\"id\":\"x1\",\"date\":\"2024-06-10\",\"text\":\"U.S. Secretary of State Antony "
            "Blinken met Egyptian President Abdel Fattah el-Sissi in Cairo on Monday.\"}\n");
  RunResult r = RunDetente({"extract", "--format", "jsonl", dir.File("docs.jsonl")});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  const std::set<std::string> keys = {
      "doc",           "sentence",       "actor",        "action",    "object",     "place",
      "time",          "time_text",      "negated",      "modality",  "actor_kind", "object_kind",
      "actor_country", "object_country", "action_class", "cameo_code", "quad_class",
      "goldstein",     "actor_role",     "object_role",  "confidence", "rule"};
  for (const std::string& line : Lines(r.out)) {
    auto v = ParseJson(line);
    INFO(line);
    REQUIRE(v.ok());
    std::set<std::string> got;
    for (const auto& m : v->members()) got.insert(m.first);
    CHECK(got == keys);
    CHECK(v->Find("doc")->as_string() == "x1");
    CHECK(v->Find("negated")->is_bool());
    CHECK(v->Find("confidence")->is_number());
    CHECK(Contains(v->Find("sentence")->as_string(), "Blinken"));
    for (const char* k : {"actor_kind", "object_kind", "actor_country", "object_country"}) {
      const JsonValue* f = v->Find(k);
      CHECK((f->is_null() || !f->as_string().empty()));
    }
  }
  // It touches no database.
  CHECK_FALSE(std::filesystem::exists("detente.db-wal"));
}

TEST_CASE("cli: examples/ ingest cleanly and docs/schema.md's queries run on them", "[cli]") {
  TempDir dir;
  std::string db = dir.File("t.db");
  RunResult ingest = RunDetente({"ingest", "--db", db, SourceDir() + "/examples"});
  INFO(ingest.err);
  REQUIRE(ingest.exit_code == 0);
  CHECK(StatsCount(db, "documents") >= 5);
  std::string doc = ReadFile(SourceDir() + "/docs/schema.md");
  int queries = 0;
  for (size_t at = doc.find("```sql\n"); at != std::string::npos;
       at = doc.find("```sql\n", at + 1)) {
    size_t begin = at + 7, end = doc.find("```", begin);
    REQUIRE(end != std::string::npos);
    std::string q = doc.substr(begin, end - begin);
    RunResult r = RunDetente({"sql", "--db", db, "--format", "json", q});
    INFO(q << "\n" << r.err);
    CHECK(r.exit_code == 0);
    CHECK(ParseJson(r.out).ok());
    ++queries;
  }
  CHECK(queries >= 5);
}

TEST_CASE("cli: --jobs gives the same results in the same order", "[cli]") {
  TempDir dir;
  std::string examples = SourceDir() + "/examples";
  RunResult one = RunDetente({"extract", "-j", "1", examples});
  RunResult two = RunDetente({"extract", "--jobs", "3", examples});
  INFO(one.err << two.err);
  REQUIRE(one.exit_code == 0);
  REQUIRE(two.exit_code == 0);
  CHECK(one.out == two.out);
  REQUIRE(RunDetente({"ingest", "-j", "1", "--db", dir.File("one.db"), examples}).exit_code == 0);
  REQUIRE(RunDetente({"ingest", "-j", "3", "--db", dir.File("two.db"), examples}).exit_code == 0);
  const std::string q =
      "SELECT group_concat(doc_id || ':' || (SELECT count(*) FROM sentences s WHERE "
      "s.document_id = d.id), ' ') FROM (SELECT * FROM documents ORDER BY id) d";
  CHECK(RawQuery(dir.File("one.db"), q) == RawQuery(dir.File("two.db"), q));
  CHECK(RawQuery(dir.File("one.db"), "SELECT count(*) FROM events") ==
        RawQuery(dir.File("two.db"), "SELECT count(*) FROM events"));
  CHECK(RunDetente({"ingest", "-j", "0", "--db", dir.File("x.db"), examples}).exit_code == 2);
}
