// libFuzzer target: the SQL console's guard (Store::Query, src/store/
// console.cpp) against a real detente database. The input bytes do not go to
// SQLite as they are: they choose, step by step, a script from a small
// grammar of SELECTs (with functions, sub-queries, recursive CTEs and
// table-valued functions), PRAGMAs, and the statements the guard must refuse
// (writes, ATTACH, VACUUM, BEGIN, functions that return pointers or touch
// files). The generator knows what it put in, so the checks are exact:
// - a script that holds anything the mode refuses never succeeds;
// - a read-only console never changes the database file;
// - every script ends (a 1 s limit per script) and nothing crashes.
// Both modes are fuzzed: read-only on one file, writable on another.
#include <sys/stat.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "detente/extract.h"
#include "detente/input.h"
#include "detente/store.h"

namespace {

// The script being run, shown when a check fails.
const std::string* g_script = nullptr;

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_sql: check failed: %s\nscript: %s\n", what,
                 g_script ? g_script->c_str() : "(none)");
    std::abort();
  }
}

// Takes choices from the input; zeros once it is used up.
class Choices {
 public:
  Choices(const uint8_t* data, size_t size) : p_(data), end_(data + size) {}
  unsigned Next(unsigned n) {
    if (n <= 1) return 0;
    unsigned v = p_ < end_ ? *p_++ : 0;
    if (n > 256 && p_ < end_) v = v << 8 | *p_++;
    return v % n;
  }
  bool More() const { return p_ < end_; }
  template <size_t N>
  const char* Pick(const char* const (&list)[N]) {
    return list[Next(N)];
  }

 private:
  const uint8_t* p_;
  const uint8_t* end_;
};

// Functions the guard allows (a sample), and some it must refuse: the
// latter make `refused` true when they appear in a script.
const char* const kAllowed[] = {
    "abs",        "length",    "lower",   "upper",        "substr",         "coalesce",
    "ifnull",     "iif",       "instr",   "replace",      "trim",           "hex",
    "quote",      "typeof",    "round",   "printf",       "format",         "date",
    "strftime",   "julianday", "json",    "json_extract", "json_array",     "json_object",
    "max",        "min",       "count",   "sum",          "group_concat",   "random",
    "randomblob", "zeroblob",  "unicode", "char",         "likely",         "nullif",
    "sqrt",       "pow",       "sign",    "soundex",      "sqlite_version", "total_changes",
};
const char* const kRefused[] = {
    "fts3_tokenizer", "load_extension", "fts5",     "optimize",  "rtreenode", "rtreedepth",
    "rtreecheck",     "sqlite_log",     "readfile", "writefile", "edit",      "sha3_query",
    "FTS3_Tokenizer", "Load_Extension", "zipfile",  "lsmode",
};
const char* const kTables[] = {
    "documents",
    "sentences",
    "entities",
    "aliases",
    "events",
    "event_view",
    "edges",
    "generation",
    "sqlite_schema",
    "dbstat",
    "sqlite_stmt",
    "sentences_fts",
    "json_each('[1,[2,3],{\"a\":4}]')",
    "pragma_table_info('events')",
    "pragma_function_list",
    "pragma_index_list('events')",
};
const char* const kColumns[] = {"id",         "name",    "kind", "text", "action", "title", "rowid",
                                "event_date", "country", "1",    "NULL", "'x'",    "-0.5"};
const char* const kReadPragmas[] = {"user_version",         "table_info(events)",
                                    "index_list(entities)", "integrity_check",
                                    "quick_check(3)",       "journal_mode",
                                    "foreign_keys",         "compile_options",
                                    "page_count",           "data_version",
                                    "table_list",           "foreign_key_check",
                                    "schema_version",       "encoding"};
const char* const kWritePragmas[] = {
    "journal_mode=DELETE", "user_version=7",     "writable_schema=ON", "trusted_schema=1",
    "foreign_keys=OFF",    "cache_size=-100000", "optimize",           "wal_checkpoint",
    "incremental_vacuum",  "shrink_memory",      "query_only=0",       "main.synchronous=OFF",
    "bogus_pragma",        "mmap_size=268435456"};
const char* const kWrites[] = {
    "INSERT INTO entities(name, kind) VALUES ('Fuzz ' || random(), 'person')",
    "UPDATE documents SET title = upper(title)",
    "DELETE FROM aliases WHERE rowid % 7 = 3",
    "CREATE TABLE IF NOT EXISTS fz(a, b)",
    "CREATE TEMP TABLE IF NOT EXISTS tz AS SELECT 1 AS a",
    "CREATE INDEX IF NOT EXISTS fz_i ON entities(country)",
    "DROP VIEW edges",  // exists: DROP ... IF EXISTS of nothing is no write at all
    "ALTER TABLE entities RENAME TO entities",
    "ANALYZE",
    "REINDEX",
    "INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')"};
const char* const kAlwaysRefused[] = {"ATTACH ':memory:' AS m",
                                      "ATTACH '/tmp/detente-fuzz-attached.db' AS a",
                                      "DETACH m",
                                      "VACUUM",
                                      "VACUUM INTO '/tmp/detente-fuzz-vacuum.db'",
                                      "BEGIN",
                                      "COMMIT",
                                      "ROLLBACK",
                                      "BEGIN IMMEDIATE",
                                      "END"};

struct Script {
  std::string sql;
  bool refused_always = false;     // the guard refuses it in either mode
  bool refused_read_only = false;  // ... at least in read-only mode
};

class Generator {
 public:
  explicit Generator(Choices& c) : c_(c) {}

  Script Make() {
    const unsigned n = 1 + c_.Next(3);
    for (unsigned i = 0; i < n; ++i) {
      if (i) s_.sql += "; ";
      Statement();
    }
    if (c_.Next(4) == 0) s_.sql += ";";
    return s_;
  }

 private:
  void Statement() {
    switch (c_.Next(10)) {
      case 0:
        s_.sql += std::string("PRAGMA ") + c_.Pick(kReadPragmas);
        break;
      case 1:
        s_.sql += std::string("PRAGMA ") + c_.Pick(kWritePragmas);
        s_.refused_always = true;
        break;
      case 2:
        s_.sql += c_.Pick(kWrites);
        s_.refused_read_only = true;
        break;
      case 3:
        if (c_.Next(3) == 0) {
          s_.sql += c_.Pick(kAlwaysRefused);
          s_.refused_always = true;
        } else {
          Select(0);
        }
        break;
      case 4:
        s_.sql += "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c";
        if (c_.Next(3)) s_.sql += " LIMIT " + std::to_string(c_.Next(1000));
        s_.sql += ") SELECT ";
        Expr(1);
        s_.sql += ", x FROM c";
        if (c_.Next(2)) s_.sql += " WHERE x % 97 = 0";
        s_.sql += " LIMIT 50";
        break;
      default:
        Select(0);
    }
  }

  void Select(int depth) {
    s_.sql += "SELECT ";
    const unsigned cols = 1 + c_.Next(3);
    for (unsigned i = 0; i < cols; ++i) {
      if (i) s_.sql += ", ";
      Expr(depth + 1);
    }
    if (c_.Next(3)) {
      s_.sql += std::string(" FROM ") + c_.Pick(kTables);
      if (c_.Next(2)) {
        s_.sql += " WHERE ";
        Expr(depth + 1);
      }
      if (c_.Next(3) == 0) s_.sql += " GROUP BY 1";
      if (c_.Next(3) == 0) s_.sql += " ORDER BY 1 DESC";
    }
    s_.sql += " LIMIT " + std::to_string(c_.Next(200));
  }

  void Expr(int depth) {
    if (depth > 4) {
      Leaf();
      return;
    }
    switch (c_.Next(9)) {
      case 0:
      case 1:
        Leaf();
        break;
      case 2:
      case 3:
        Call(kAllowed[c_.Next(sizeof kAllowed / sizeof *kAllowed)], depth);
        break;
      case 4:
        Call(kRefused[c_.Next(sizeof kRefused / sizeof *kRefused)], depth);
        s_.refused_always = true;
        break;
      case 5:
        s_.sql += "(";
        Expr(depth + 1);
        s_.sql += c_.Pick({" + ", " || ", " = ", " < ", " AND ", " OR ", " LIKE ", " * "});
        Expr(depth + 1);
        s_.sql += ")";
        break;
      case 6:
        s_.sql += "(";
        Select(depth + 1);
        s_.sql += ")";
        break;
      case 7:
        s_.sql += "CASE WHEN ";
        Expr(depth + 1);
        s_.sql += " THEN ";
        Expr(depth + 1);
        s_.sql += " ELSE ";
        Expr(depth + 1);
        s_.sql += " END";
        break;
      default:
        s_.sql += "EXISTS (SELECT 1 FROM ";
        s_.sql += c_.Pick(kTables);
        s_.sql += ")";
    }
  }

  void Call(const char* name, int depth) {
    s_.sql += name;
    s_.sql += "(";
    const unsigned args = c_.Next(4);
    for (unsigned i = 0; i < args; ++i) {
      if (i) s_.sql += ", ";
      Expr(depth + 1);
    }
    s_.sql += ")";
  }

  void Leaf() {
    switch (c_.Next(5)) {
      case 0:
        s_.sql += std::to_string(static_cast<int>(c_.Next(70000)) - 1000);
        break;
      case 1:
        s_.sql += "'";
        s_.sql += c_.Pick({"", "Blinken", "%", "2024-06-10", "[1,2]", "x''y", "\xe2\x80\xae"});
        s_.sql += "'";
        break;
      case 2:
        s_.sql += "X'4141414141414141'";
        break;
      default:
        s_.sql += c_.Pick(kColumns);
    }
  }

  Choices& c_;
  Script s_;
};

// Sums the rows; never stops the query.
class NullSink : public detente::RowSink {
 public:
  detente::Status Columns(const std::vector<std::string>&) override { return {}; }
  detente::Status Row(const std::vector<detente::QueryValue>& v) override {
    rows += v.size();
    return {};
  }
  size_t rows = 0;
};

struct Fixture {
  std::string dir;
  std::string read_only_path;
  std::unique_ptr<detente::Store> read_only;
  std::unique_ptr<detente::Store> writable;
};

detente::Extraction Sample() {
  detente::Extraction x;
  x.sentences.push_back({0, true, 0, 21, "Blinken meets Wang Yi"});
  x.sentences.push_back({1, false, 0, 44, "Antony Blinken met Wang Yi in Beijing."});
  x.entities.push_back({"Antony Blinken", "person", "USA", {"Blinken"}});
  x.entities.push_back({"Wang Yi", "person", "CHN", {}});
  x.entities.push_back({"Beijing", "city", "CHN", {}});
  detente::Event e;
  e.sentence = 1;
  e.actor = "Antony Blinken";
  e.action = "meet";
  e.action_class = "04 Consult";
  e.object = "Wang Yi";
  e.place = "Beijing";
  e.time = "2024-04-26";
  x.events.push_back(e);
  return x;
}

// Two databases with a few documents each, one opened read-only.
Fixture& Get() {
  static Fixture* fx = [] {
    auto* f = new Fixture;
    f->dir =
        (std::filesystem::temp_directory_path() / ("detente-fuzz-sql-" + std::to_string(getpid())))
            .string();
    std::filesystem::create_directories(f->dir);
    f->read_only_path = f->dir + "/ro.db";
    for (const std::string& path : {f->read_only_path, f->dir + "/rw.db"}) {
      auto store = detente::Store::Open(path);
      Check(store.ok(), "create the database");
      for (int i = 0; i < 5; ++i) {
        detente::Document d;
        d.source = "fuzz.txt";
        d.id = "doc" + std::to_string(i);
        d.title = "Talks " + std::to_string(i);
        d.date = "2024-04-26";
        d.text = "Antony Blinken met Wang Yi in Beijing, round " + std::to_string(i) + ".";
        Check((*store)->AddDocument(d, Sample()).ok(), "add a document");
      }
      if (path == f->read_only_path) continue;
      f->writable = std::move(*store);
    }
    detente::StoreOptions o;
    o.read_only = true;
    auto ro = detente::Store::Open(f->read_only_path, o);
    Check(ro.ok(), "open read-only");
    f->read_only = std::move(*ro);
    std::atexit([] { std::filesystem::remove_all(Get().dir); });
    return f;
  }();
  return *fx;
}

struct FileState {
  off_t size;
  time_t mtime;
  long mtime_ns;
  bool operator==(const FileState& o) const {
    return size == o.size && mtime == o.mtime && mtime_ns == o.mtime_ns;
  }
};

FileState StateOf(const std::string& path) {
  struct stat st {};
  Check(::stat(path.c_str(), &st) == 0, "stat the database");
  return {st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec};
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  Get();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Fixture& fx = Get();
  Choices choices(data, size);
  const bool writable = choices.Next(4) == 0;
  Script script = Generator(choices).Make();
  g_script = &script.sql;
  detente::QueryOptions options;
  options.timeout_s = 1;
  NullSink sink;
  if (writable) {
    auto r = fx.writable->Query(script.sql, options, sink);
    if (r.ok()) Check(!script.refused_always, "a refused statement ran (writable)");
    if (!r.ok() && r.status().code() == detente::Status::Code::kInternal) {
      Check(false, "an internal error");
    }
    return 0;
  }
  const FileState before = StateOf(fx.read_only_path);
  auto r = fx.read_only->Query(script.sql, options, sink);
  if (r.ok()) {
    Check(!script.refused_always, "a refused statement ran (read-only)");
    Check(!script.refused_read_only, "a write ran on a read-only console");
    Check(*r == 0, "a read-only console changed rows");
  }
  Check(r.ok() || r.status().code() != detente::Status::Code::kInternal, "an internal error");
  Check(StateOf(fx.read_only_path) == before, "the read-only database file changed");
  Check(!std::filesystem::exists("/tmp/detente-fuzz-vacuum.db"), "VACUUM INTO wrote a file");
  Check(!std::filesystem::exists("/tmp/detente-fuzz-attached.db"), "ATTACH created a file");
  return 0;
}
