// The SQL console's guard (src/store/console.cpp): what user SQL may do, on
// real database files.
#include "store/console.h"

#include <sqlite3.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "detente/store.h"
#include "detente/sqlite.h"
#include "test_util.h"

using detente::QueryOptions;
using detente::QueryValue;
using detente::Result;
using detente::RowSink;
using detente::Status;
using detente::Store;
using detente::StoreOptions;
using detente::store_internal::ConsoleAllowsFunction;
using detente::store_internal::RunConsole;
using detente::testing::TempDir;

namespace {

std::unique_ptr<Store> OpenOrDie(const std::string& path, bool read_only = false) {
  StoreOptions o;
  o.read_only = read_only;
  auto s = Store::Open(path, o);
  INFO(s.status().ToString());
  REQUIRE(s.ok());
  return std::move(*s);
}

// A detente database with one document, one sentence and two entities.
std::string MakeDb(const TempDir& dir, const std::string& name = "t.db") {
  const std::string path = dir.File(name);
  auto store = OpenOrDie(path);
  auto r = store->Query(
      "INSERT INTO documents(source, doc_id, title, sha256) VALUES ('a.txt', 'a', 'Talks', 'h');"
      "INSERT INTO sentences(document_id, idx, in_title, start, end, text) "
      "VALUES (1, 0, 0, 0, 27, 'Antony Blinken met Xi Jinping.');"
      "INSERT INTO entities(name, kind) VALUES ('Antony Blinken', 'person'), "
      "('Xi Jinping', 'person')");
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  return path;
}

// Runs raw SQL with no guard at all (test setup).
void RawExec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  INFO(sql << ": " << (err ? err : ""));
  sqlite3_free(err);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

// Counts rows; stops the query (kCancelled) after `stop_after` rows.
class CountingSink : public RowSink {
 public:
  explicit CountingSink(size_t stop_after = 0) : stop_after_(stop_after) {}
  Status Columns(const std::vector<std::string>& names) override {
    columns = names;
    return Status::OK();
  }
  Status Row(const std::vector<QueryValue>& values) override {
    ++rows;
    if (!values.empty()) last = std::string(values[0].text);
    if (stop_after_ && rows >= stop_after_) return Status::Cancelled("enough rows");
    return Status::OK();
  }
  std::vector<std::string> columns;
  size_t rows = 0;
  std::string last;

 private:
  size_t stop_after_;
};

Result<int64_t> Run(Store& store, const std::string& sql, const QueryOptions& o = {}) {
  CountingSink sink;
  return store.Query(sql, o, sink);
}

// Functions that return or take raw pointers, load code, touch files, run
// other SQL, write, or parse raw index nodes: SQLite's own list (core,
// FTS3/FTS5, R*Tree) and those of the sqlite3 shell's and other builds'
// extensions (fileio, sha3, zipfile, sqlar, carray, ...).
const std::vector<std::string> kDangerous = {
    "fts3_tokenizer",
    "load_extension",
    "fts5",
    "optimize",
    "rtreenode",
    "rtreedepth",
    "rtreecheck",
    "sqlite_log",
    "readfile",
    "writefile",
    "edit",
    "lsmode",
    "sha3_query",
    "zipfile",
    "zipfile_cds",
    "sqlar_compress",
    "sqlar_uncompress",
    "carray",
    "usleep",
    "shell_add_schema",
    "shell_escape_crnl",
    "shell_idquote",
    "shell_int32",
    "shell_module_schema",
    "shell_putsnl",
    "fts3_exprtest",
    "fts5_decode",
    "fts5_expr",
    "sqlite_rename_column",
    "sqlite_drop_column",
    "sqlite_offset",
    "eval",
    "remember",
    "geopoly_debug",
};

}  // namespace

TEST_CASE("console: functions that return pointers, load code or touch files are refused",
          "[store][console]") {
  TempDir dir;
  const std::string path = MakeDb(dir);
  // A view and a trigger that call one: the authorizer sees what they call too.
  RawExec(path,
          "CREATE VIEW pointer_view AS SELECT fts3_tokenizer('simple') AS p;"
          "CREATE TABLE notes(x); CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN "
          "SELECT load_extension('/tmp/evil.so'); END;");
  for (bool read_only : {true, false}) {
    auto db = detente::sql::Db::Open(path, read_only);
    REQUIRE(db.ok());
    // Stand-ins for the functions this SQLite does not have, so that the
    // call reaches the authorizer instead of failing as "no such function".
    for (const std::string& name : kDangerous) {
      sqlite3_create_function(
          db->get(), name.c_str(), -1, SQLITE_UTF8, nullptr,
          [](sqlite3_context* ctx, int, sqlite3_value**) { sqlite3_result_int(ctx, 42); }, nullptr,
          nullptr);
    }
    for (const std::string& name : kDangerous) {
      for (const std::string& sql :
           {"SELECT " + name + "('simple')", "SELECT upper(" + name + "('x', X'4141414141414141'))",
            "SELECT 1 WHERE " + name + "() IS NULL", "select " + [&] {
              std::string up = name;
              for (char& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
              return up;
            }() + "(1)"}) {
        INFO(sql << (read_only ? " (read-only)" : " (writable)"));
        CountingSink sink;
        auto r = RunConsole(*db, read_only, sql, {}, sink);
        REQUIRE_FALSE(r.ok());
        CHECK(r.status().code() == Status::Code::kDataError);
        CHECK(r.status().message().find("is not allowed") != std::string::npos);
        CHECK(sink.rows == 0);
        CHECK_FALSE(ConsoleAllowsFunction(name));
      }
    }
    CountingSink sink;
    auto view = RunConsole(*db, read_only, "SELECT * FROM pointer_view", {}, sink);
    REQUIRE_FALSE(view.ok());
    CHECK(view.status().message().find("fts3_tokenizer") != std::string::npos);
    auto trigger = RunConsole(*db, read_only, "INSERT INTO notes VALUES (1)", {}, sink);
    REQUIRE_FALSE(trigger.ok());
    if (!read_only) CHECK(trigger.status().message().find("load_extension") != std::string::npos);
  }
  // The attack from issue 12 ends in a refusal, not in a call through 0x4141...
  auto store = OpenOrDie(path, true);
  auto attack = Run(*store,
                    "SELECT fts3_tokenizer('evil', X'4141414141414141'); "
                    "CREATE VIRTUAL TABLE temp.t USING fts3(x, tokenize=evil)");
  REQUIRE_FALSE(attack.ok());
  CHECK(attack.status().message().find("fts3_tokenizer") != std::string::npos);
}

TEST_CASE("console: every function of this SQLite is allowed or refused on purpose",
          "[store][console]") {
  // A new SQLite may bring new functions: each must be reviewed, and either
  // join the allowlist or the list of refused ones above.
  TempDir dir;
  const std::string path = MakeDb(dir);
  auto db = detente::sql::Db::Open(path, true);
  REQUIRE(db.ok());
  auto st = db->Prepare("SELECT DISTINCT name FROM pragma_function_list ORDER BY name");
  REQUIRE(st.ok());
  std::set<std::string> dangerous(kDangerous.begin(), kDangerous.end());
  size_t allowed = 0, refused = 0;
  for (;;) {
    auto row = st->Step();
    REQUIRE(row.ok());
    if (!*row) break;
    const std::string name = st->Text(0);
    INFO(name);
    if (ConsoleAllowsFunction(name)) {
      ++allowed;
      CHECK(dangerous.count(name) == 0);
    } else {
      ++refused;
      CHECK(dangerous.count(name) == 1);
    }
  }
  CHECK(allowed > 100);
  CHECK(refused >= 7);  // fts3_tokenizer, load_extension, fts5, optimize, rtree*, sqlite_log
}

TEST_CASE("console: every connection is hardened below the authorizer", "[store][console]") {
  TempDir dir;
  const std::string path = MakeDb(dir);
  for (bool read_only : {true, false}) {
    auto db = detente::sql::Db::Open(path, read_only);
    REQUIRE(db.ok());
    INFO((read_only ? "read-only" : "writable"));
    // No authorizer here: these are SQLite's own refusals.
    Status two_arg = db->Exec("SELECT fts3_tokenizer('evil', X'4141414141414141')");
    CHECK_FALSE(two_arg.ok());
    Status load = db->Exec("SELECT load_extension('/nonexistent/evil.so')");
    REQUIRE_FALSE(load.ok());
    CHECK(load.message().find("not authorized") != std::string::npos);
    int defensive = -1, trusted = -1;
    sqlite3_db_config(db->get(), SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
    sqlite3_db_config(db->get(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1, &trusted);
    CHECK(defensive == 1);
    CHECK(trusted == (read_only ? 0 : 1));
  }
  // DEFENSIVE: no hand edits of the schema or of the FTS5 shadow tables.
  auto db = detente::sql::Db::Open(path, false);
  REQUIRE(db.ok());
  CHECK_FALSE(db->Exec("PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = 'x'").ok());
  CHECK_FALSE(db->Exec("DELETE FROM sentences_fts_data").ok());
}

TEST_CASE("console: PRAGMAs that read run, PRAGMAs that change a setting are refused",
          "[store][console]") {
  TempDir dir;
  const std::string path = MakeDb(dir);
  for (bool read_only : {true, false}) {
    auto store = OpenOrDie(path, read_only);
    INFO((read_only ? "read-only" : "writable"));
    for (const char* sql :
         {"PRAGMA user_version", "PRAGMA main.user_version", "PRAGMA table_info(events)",
          "PRAGMA index_list('events')", "PRAGMA integrity_check", "PRAGMA quick_check(5)",
          "PRAGMA journal_mode", "PRAGMA foreign_keys", "PRAGMA compile_options",
          "SELECT * FROM pragma_table_info('events')", "SELECT * FROM pragma_function_list",
          "SELECT name FROM pragma_table_list", "PRAGMA foreign_key_check"}) {
      INFO(sql);
      auto r = Run(*store, sql);
      INFO(r.status().ToString());
      CHECK(r.ok());
    }
    for (const char* sql :
         {"PRAGMA journal_mode=DELETE", "PRAGMA journal_mode = OFF", "PRAGMA user_version = 5",
          "PRAGMA writable_schema = ON", "PRAGMA trusted_schema = 1", "PRAGMA foreign_keys=OFF",
          "PRAGMA query_only = 0", "PRAGMA cache_size = -1000000", "PRAGMA mmap_size = 1",
          "PRAGMA temp_store_directory = '/tmp'", "PRAGMA optimize", "PRAGMA wal_checkpoint",
          "PRAGMA incremental_vacuum", "PRAGMA shrink_memory", "PRAGMA case_sensitive_like = 1",
          "PRAGMA main.synchronous = OFF", "SELECT 1; PRAGMA locking_mode = EXCLUSIVE"}) {
      INFO(sql);
      auto r = Run(*store, sql);
      REQUIRE_FALSE(r.ok());
      CHECK(r.status().code() == Status::Code::kDataError);
      CHECK(r.status().message().find("PRAGMA") != std::string::npos);
      // Not "disk I/O error": the message says what was tried.
      CHECK(r.status().message().find("I/O") == std::string::npos);
    }
    auto mode = store->Query("PRAGMA journal_mode");
    REQUIRE(mode.ok());
    CHECK(mode->rows[0][0] == "wal");
  }
  auto journal = OpenOrDie(path, true)->Query("PRAGMA journal_mode=DELETE");
  CHECK(journal.status().message().find("tries to change a setting") != std::string::npos);
}

TEST_CASE("console: BEGIN, COMMIT and ROLLBACK are refused (the script is one transaction)",
          "[store][console]") {
  TempDir dir;
  const std::string path = MakeDb(dir);
  auto store = OpenOrDie(path);
  for (const char* sql : {"BEGIN", "BEGIN IMMEDIATE; DELETE FROM entities",
                          "DELETE FROM entities; COMMIT", "ROLLBACK", "END"}) {
    INFO(sql);
    auto r = Run(*store, sql);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("one transaction") != std::string::npos);
  }
  CHECK(store->Query("SELECT count(*) FROM entities")->rows[0][0] == "2");
  // Savepoints nest inside it.
  auto sp = Run(*store, "SAVEPOINT a; DELETE FROM entities; ROLLBACK TO a; RELEASE a");
  INFO(sp.status().ToString());
  CHECK(sp.ok());
  CHECK(store->Query("SELECT count(*) FROM entities")->rows[0][0] == "2");
}

TEST_CASE("console: a writable script is all or nothing", "[store][console]") {
  TempDir dir;
  const std::string path = MakeDb(dir);
  auto store = OpenOrDie(path);
  const char* before = "Talks";
  const std::vector<std::string> scripts = {
      // A statement that does not prepare.
      "UPDATE documents SET title = 'x'; INSERT INTO nonexistent VALUES (1)",
      // A statement that fails while it runs (a CHECK constraint).
      "UPDATE documents SET title = 'x'; "
      "INSERT INTO events(sentence_id, actor_id, action, modality, extractor_version) "
      "VALUES (1, 1, 'meet', 'maybe', 't')",
      // A refused function after a write.
      "UPDATE documents SET title = 'x'; SELECT load_extension('x')",
      // A trigger that raises, and many writes before it.
      "UPDATE documents SET title = 'x'; DELETE FROM entities; "
      "SELECT RAISE(ABORT, 'stop') FROM documents",
  };
  for (const std::string& sql : scripts) {
    INFO(sql);
    auto r = Run(*store, sql);
    REQUIRE_FALSE(r.ok());
    CHECK(store->Query("SELECT title FROM documents")->rows[0][0] == before);
    CHECK(store->Query("SELECT count(*) FROM entities")->rows[0][0] == "2");
  }
  // A time-out or a cancel mid-script undoes the script too.
  QueryOptions quick;
  quick.timeout_s = 0.2;
  auto slow = Run(*store,
                  "UPDATE documents SET title = 'x'; WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                  "SELECT x + 1 FROM c) SELECT count(*) FROM c",
                  quick);
  REQUIRE_FALSE(slow.ok());
  CHECK(slow.status().code() == Status::Code::kTimeout);
  CHECK(store->Query("SELECT title FROM documents")->rows[0][0] == before);
  // And a script that succeeds is committed whole.
  auto ok = Run(*store, "UPDATE documents SET title = 'y'; DELETE FROM entities WHERE id = 2");
  REQUIRE(ok.ok());
  CHECK(*ok == 2);
  CHECK(OpenOrDie(path, true)->Query("SELECT title FROM documents")->rows[0][0] == "y");
}

TEST_CASE("console: a query stops at its time limit or when cancelled", "[store][console]") {
  TempDir dir;
  const std::string path = MakeDb(dir);
  const std::string endless =
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";
  for (bool read_only : {true, false}) {
    auto store = OpenOrDie(path, read_only);
    QueryOptions o;
    o.timeout_s = 0.3;
    auto start = std::chrono::steady_clock::now();
    auto r = Run(*store, endless, o);
    auto took = std::chrono::steady_clock::now() - start;
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kTimeout);
    CHECK(r.status().message().find("0.3 s") != std::string::npos);
    CHECK(took < std::chrono::seconds(30));

    std::atomic<bool> cancel{false};
    QueryOptions c;
    c.cancel = &cancel;
    std::thread stopper([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      cancel.store(true);
    });
    auto cancelled = Run(*store, (read_only ? "" : "DELETE FROM entities; ") + endless, c);
    stopper.join();
    REQUIRE_FALSE(cancelled.ok());
    CHECK(cancelled.status().code() == Status::Code::kCancelled);
    CHECK(store->Query("SELECT count(*) FROM entities")->rows[0][0] == "2");
  }
}

TEST_CASE("console: rows reach the sink while the query runs", "[store][console]") {
  TempDir dir;
  const std::string path = MakeDb(dir);
  auto store = OpenOrDie(path, true);
  // An endless result: only a console that streams can give its first rows.
  CountingSink sink(5000);
  QueryOptions safety;
  safety.timeout_s = 60;
  auto r = store->Query(
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x, 'row ' || x "
      "AS label FROM c",
      safety, sink);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kCancelled);  // the sink's own status
  CHECK(sink.rows == 5000);
  CHECK(sink.last == "5000");
  CHECK(sink.columns == std::vector<std::string>{"x", "label"});
}

TEST_CASE("console: one value holds at most 64 MiB", "[store][console]") {
  TempDir dir;
  const std::string path = MakeDb(dir);
  auto store = OpenOrDie(path, true);
  auto big = Run(*store, "SELECT length(zeroblob(100000000))");
  REQUIRE_FALSE(big.ok());
  CHECK(big.status().message().find("too big") != std::string::npos);
  auto fits = store->Query("SELECT length(zeroblob(1000000))");
  REQUIRE(fits.ok());
  CHECK(fits->rows[0][0] == "1000000");
}

TEST_CASE("console: the last statement's rows are the result", "[store][console]") {
  TempDir dir;
  const std::string path = MakeDb(dir);
  auto store = OpenOrDie(path);
  auto r = store->Query(
      "SELECT name FROM entities; /* a comment */ SELECT count(*) AS n FROM entities; -- end\n");
  REQUIRE(r.ok());
  CHECK(r->columns == std::vector<std::string>{"n"});
  CHECK(r->rows.size() == 1);
  auto write_last = store->Query("SELECT name FROM entities; UPDATE entities SET kind = 'x'");
  REQUIRE(write_last.ok());
  CHECK(write_last->columns.empty());
  CHECK(write_last->changes == 2);
}

TEST_CASE("console: raw page and file tables are refused, the others read", "[store][console]") {
  TempDir dir;
  const std::string path = MakeDb(dir);
  // Tables with those names stand in for virtual tables this SQLite lacks.
  RawExec(path, "CREATE TABLE fsdir(name); CREATE TABLE zipfile(name); CREATE TABLE carray(v)");
  for (bool read_only : {true, false}) {
    auto store = OpenOrDie(path, read_only);
    for (const char* sql :
         {"SELECT * FROM fsdir", "SELECT count(*) FROM zipfile", "SELECT 1 FROM carray"}) {
      INFO(sql);
      auto r = Run(*store, sql);
      REQUIRE_FALSE(r.ok());
      CHECK(r.status().message().find("not allowed") != std::string::npos);
    }
    for (const char* sql : {"SELECT count(*) FROM dbstat", "SELECT value FROM json_each('[1, 2]')",
                            "SELECT highlight(sentences_fts, 0, '[', ']') FROM sentences_fts "
                            "WHERE sentences_fts MATCH 'Blinken'",
                            "SELECT count(*) FROM event_view", "SELECT count(*) FROM edges"}) {
      INFO(sql);
      auto r = Run(*store, sql);
      INFO(r.status().ToString());
      CHECK(r.ok());
    }
  }
  auto store = OpenOrDie(path);
  CHECK(Run(*store, "CREATE VIRTUAL TABLE temp.f USING fts5(x)").ok());
  auto stat = Run(*store, "CREATE VIRTUAL TABLE temp.s USING dbstat");
  REQUIRE_FALSE(stat.ok());
  CHECK(stat.status().message().find("dbstat") != std::string::npos);
}
