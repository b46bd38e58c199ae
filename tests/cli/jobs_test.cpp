// End-to-end: ingest on several threads stores exactly what one thread
// stores, and the benchmark corpus generator's output ingests cleanly.
#include <sqlite3.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_util.h"

using detente::testing::RunCommand;
using detente::testing::RunDetente;
using detente::testing::RunResult;
using detente::testing::SourceDir;
using detente::testing::TempDir;
using detente::testing::WriteFile;

namespace {

// Every row of every table, in rowid order, as text; documents.ingested_at
// and generation.db_id are left out.
std::string DumpDatabase(const std::string& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  std::string out;
  auto each_row = [&](const std::string& sql, auto&& fn) {
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) fn(st);
    sqlite3_finalize(st);
  };
  // Full-text index tables are left out: they are derived from sentences.
  std::vector<std::string> tables;
  each_row(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND "
      "NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.sql LIKE 'CREATE VIRTUAL%' AND "
      "sqlite_master.name LIKE v.name || '%') ORDER BY name",
      [&](sqlite3_stmt* st) {
        tables.push_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
      });
  REQUIRE(tables.size() >= 5);
  for (const std::string& t : tables) {
    out += "[" + t + "]\n";
    // By rowid, or by primary key in a table without one.
    const std::string order = t == "document_entities" ? "1, 2" : "rowid";
    each_row("SELECT * FROM \"" + t + "\" ORDER BY " + order, [&](sqlite3_stmt* st) {
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        std::string column = sqlite3_column_name(st, c);
        // A wall-clock time and a random per-database id (generation.db_id).
        if (column == "ingested_at" || column == "db_id") continue;
        const unsigned char* v = sqlite3_column_text(st, c);
        out += v ? reinterpret_cast<const char*>(v) : "NULL";
        out += '\t';
      }
      out += '\n';
    });
  }
  sqlite3_close(db);
  return out;
}

RunResult Generate(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"python3", SourceDir() + "/bench/gen_corpus.py"};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv);
}

}  // namespace

TEST_CASE("cli: ingest --jobs 2 stores the same database as --jobs 1", "[cli][jobs]") {
  TempDir dir;
  RunResult corpus = Generate({"-n", "12", "--seed", "7"});
  REQUIRE(corpus.exit_code == 0);
  WriteFile(dir.File("corpus.jsonl"), corpus.out);
  const std::vector<std::string> inputs = {SourceDir() + "/examples", dir.File("corpus.jsonl")};
  auto ingest = [&](const std::string& jobs, const std::string& db) {
    std::vector<std::string> args = {"ingest", "-q", "--jobs", jobs, "--db", dir.File(db)};
    args.insert(args.end(), inputs.begin(), inputs.end());
    RunResult r = RunDetente(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return DumpDatabase(dir.File(db));
  };
  std::string one = ingest("1", "one.db");
  std::string two = ingest("2", "two.db");
  CHECK(one.find("[events]\n") != std::string::npos);
  CHECK(one.size() > 10000);  // documents, sentences, entities and events, not an empty schema
  CHECK(one == two);
}

TEST_CASE("bench: gen_corpus is deterministic and its output ingests cleanly", "[cli][jobs]") {
  RunResult a = Generate({"-n", "15", "--seed", "3"});
  RunResult b = Generate({"-n", "15", "--seed", "3"});
  RunResult c = Generate({"-n", "15", "--seed", "4"});
  RunResult lines = Generate({"-n", "15", "--seed", "3", "--sentences"});
  REQUIRE(a.exit_code == 0);
  REQUIRE(lines.exit_code == 0);
  CHECK(a.out == b.out);
  CHECK(a.out != c.out);

  TempDir dir;
  WriteFile(dir.File("corpus.jsonl"), a.out);
  RunResult r = RunDetente({"ingest", "--db", dir.File("c.db"), dir.File("corpus.jsonl")});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("15 documents added, 0 already present, 0 rejected") != std::string::npos);
  // detente splits the articles into exactly the sentences the generator wrote.
  long n_lines = std::count(lines.out.begin(), lines.out.end(), '\n');
  RunResult count = RunDetente(
      {"sql", "--db", dir.File("c.db"), "--format", "csv", "SELECT count(*) AS n FROM sentences"});
  CHECK(count.out == "n\n" + std::to_string(n_lines) + "\n");
  RunResult events = RunDetente({"sql", "--db", dir.File("c.db"), "--format", "csv",
                                 "SELECT count(*) > 15 AS many FROM events"});
  CHECK(events.out == "many\n1\n");
}
