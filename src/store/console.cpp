#include "store/console.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <string>
#include <vector>

namespace detente::store_internal {
namespace {

// Functions the console may call: SQLite's core, date and time, math, JSON,
// aggregate and window functions, and the full-text auxiliary functions.
// Pure or harmless, each of them. Anything else is refused, in particular
// what returns or takes raw pointers (fts3_tokenizer, fts5, carray), loads
// code (load_extension), touches files (readfile, writefile, edit, ...),
// runs other SQL (sha3_query), writes (optimize, sqlite_log) or parses raw
// index nodes (rtreenode, rtreedepth, rtreecheck). Lower case.
// clang-format off
constexpr std::string_view kAllowedFunctions[] = {
    "->", "->>", "abs", "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "avg", "bm25",
    "ceil", "ceiling", "changes", "char", "coalesce", "concat", "concat_ws", "cos", "cosh", "count",
    "cume_dist", "current_date", "current_time", "current_timestamp", "date", "datetime", "degrees",
    "dense_rank", "exp", "first_value", "floor", "format", "fts5_source_id", "glob", "group_concat",
    "hex", "highlight", "ifnull", "iif", "instr", "json", "json_array", "json_array_length",
    "json_error_position", "json_extract", "json_group_array", "json_group_object", "json_insert",
    "json_object", "json_patch", "json_pretty", "json_quote", "json_remove", "json_replace",
    "json_set", "json_type", "json_valid", "jsonb", "jsonb_array", "jsonb_extract",
    "jsonb_group_array", "jsonb_group_object", "jsonb_insert", "jsonb_object", "jsonb_patch",
    "jsonb_remove", "jsonb_replace", "jsonb_set", "julianday", "lag", "last_insert_rowid",
    "last_value", "lead", "length", "like", "likelihood", "likely", "ln", "log", "log10", "log2",
    "lower", "ltrim", "match", "matchinfo", "max", "min", "mod", "nth_value", "ntile", "nullif",
    "octet_length", "offsets", "percent_rank", "pi", "pow", "power", "printf", "quote", "radians",
    "random", "randomblob", "rank", "replace", "round", "row_number", "rtrim", "sign", "sin",
    "sinh", "snippet", "soundex", "sqlite_compileoption_get", "sqlite_compileoption_used",
    "sqlite_source_id", "sqlite_version", "sqrt", "strftime", "string_agg", "substr", "substring",
    "subtype", "sum", "tan", "tanh", "time", "timediff", "total", "total_changes", "trim", "trunc",
    "typeof", "unhex", "unicode", "unistr", "unixepoch", "unlikely", "upper", "zeroblob"
};
// clang-format on

// PRAGMAs that only read, asked without a value ("PRAGMA user_version"). A
// PRAGMA with a value changes a setting and is refused, except the
// introspection ones whose value names a table or index (kPragmasWithName).
// clang-format off
constexpr std::string_view kAllowedPragmas[] = {
    "application_id", "auto_vacuum", "automatic_index", "busy_timeout", "cache_size", "cache_spill",
    "cell_size_check", "checkpoint_fullfsync", "collation_list", "compile_options", "data_version",
    "database_list", "defer_foreign_keys", "encoding", "foreign_key_check", "foreign_key_list",
    "foreign_keys", "freelist_count", "fullfsync", "function_list", "hard_heap_limit",
    "ignore_check_constraints", "index_info", "index_list", "index_xinfo", "integrity_check",
    "journal_mode", "journal_size_limit", "legacy_alter_table", "locking_mode", "max_page_count",
    "mmap_size", "module_list", "page_count", "page_size", "pragma_list", "query_only",
    "quick_check", "read_uncommitted", "recursive_triggers", "reverse_unordered_selects",
    "schema_version", "secure_delete", "soft_heap_limit", "synchronous", "table_info", "table_list",
    "table_xinfo", "temp_store", "threads", "trusted_schema", "user_version", "wal_autocheckpoint",
    "writable_schema"
};
// clang-format on
// clang-format off
constexpr std::string_view kPragmasWithName[] = {
    "foreign_key_check", "foreign_key_list", "index_info", "index_list", "index_xinfo",
    "integrity_check", "quick_check", "table_info", "table_list", "table_xinfo"
};
// clang-format on

// Virtual tables that read raw database pages, files or memory by pointer:
// never read, in any mode.
// clang-format off
constexpr std::string_view kDeniedTables[] = {
    "carray", "fsdir", "sqlite_dbdata", "sqlite_dbpage", "sqlite_dbptr", "zipfile"
};
// clang-format on

// Modules a writable console may create virtual tables with.
// clang-format off
constexpr std::string_view kAllowedModules[] = {
    "fts3", "fts3tokenize", "fts4", "fts4aux", "fts5", "fts5vocab", "geopoly", "rtree", "rtree_i32"
};
// clang-format on

std::string Lower(const char* s) {
  std::string out = s ? s : "";
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

template <size_t N>
bool In(const std::string_view (&list)[N], std::string_view name) {
  return std::find(std::begin(list), std::end(list), name) != std::end(list);
}

std::string Name(const char* s) { return s ? s : "?"; }

// The guard of one script: authorizer, progress handler and length limit,
// installed by the constructor and removed by the destructor.
class Guard {
 public:
  Guard(sqlite3* db, bool read_only, const QueryOptions& options)
      : db_(db), read_only_(read_only), cancel_(options.cancel), timeout_s_(options.timeout_s) {
    if (options.timeout_s > 0) {
      deadline_ = std::chrono::steady_clock::now() +
                  std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                      std::chrono::duration<double>(options.timeout_s));
      has_deadline_ = true;
    }
    old_length_ = sqlite3_limit(db_, SQLITE_LIMIT_LENGTH, kConsoleMaxValueBytes);
    sqlite3_set_authorizer(db_, &Guard::Authorize, this);
    // Every 1000 virtual machine steps: a few microseconds apart.
    sqlite3_progress_handler(db_, 1000, &Guard::Progress, this);
  }
  ~Guard() {
    sqlite3_progress_handler(db_, 0, nullptr, nullptr);
    sqlite3_set_authorizer(db_, nullptr, nullptr);
    sqlite3_limit(db_, SQLITE_LIMIT_LENGTH, old_length_);
  }
  Guard(const Guard&) = delete;
  Guard& operator=(const Guard&) = delete;

  // Why the guard stopped the script, as a Status; OK when it did not.
  Status Stopped() const {
    if (cancelled_) return Status::Cancelled("query interrupted");
    if (timed_out_) {
      return Status::Timeout(fmt::format("query stopped after {:g} s, its time limit", timeout_s_));
    }
    return Status::OK();
  }
  // The refusal of the last statement prepared (OK when none).
  const Status& refusal() const { return refusal_; }
  void ClearRefusal() { refusal_ = Status::OK(); }
  // Polls the deadline and the cancel flag (also between rows).
  bool ShouldStop() {
    if (cancel_ && cancel_->load(std::memory_order_relaxed)) cancelled_ = true;
    if (has_deadline_ && std::chrono::steady_clock::now() >= deadline_) timed_out_ = true;
    return cancelled_ || timed_out_;
  }

 private:
  static int Progress(void* self) { return static_cast<Guard*>(self)->ShouldStop() ? 1 : 0; }

  static int Authorize(void* self, int action, const char* a, const char* b, const char* db,
                       const char* inner) {
    auto* g = static_cast<Guard*>(self);
    Status s = g->Check(action, a, b, db, inner);
    if (s.ok()) return SQLITE_OK;
    if (g->refusal_.ok()) g->refusal_ = std::move(s);  // the first reason is the clearest
    return SQLITE_DENY;
  }

  // OK, or why `action` is refused (kUnsupported: a writable store would
  // allow it; kDataError: refused in every mode).
  Status Check(int action, const char* a, const char* b, const char* db, const char* inner) {
    switch (action) {
      case SQLITE_SELECT:
      case SQLITE_RECURSIVE:
        return Status::OK();
      case SQLITE_READ:
        if (In(kDeniedTables, Lower(a))) {
          return Status::DataError(fmt::format(
              "reading {} is not allowed: it reads raw pages, files or memory", Name(a)));
        }
        return Status::OK();
      case SQLITE_FUNCTION:
        if (ConsoleAllowsFunction(b ? b : "")) return Status::OK();
        return Status::DataError(fmt::format(
            "function {}() is not allowed in detente sql: only pure functions may be called "
            "(none that returns pointers, loads code or touches files)",
            Name(b)));
      case SQLITE_PRAGMA:
        return CheckPragma(Lower(a), b, db);
      case SQLITE_TRANSACTION:
        return Status::DataError(fmt::format(
            "{} is not allowed: detente sql runs the whole script as one transaction", Name(a)));
      case SQLITE_ATTACH:
        if (!a || !*a) {
          return Status::DataError(
              "VACUUM is not allowed in detente sql (it cannot run inside the script's "
              "transaction); run it with the sqlite3 shell");
        }
        return Status::DataError(fmt::format(
            "ATTACH and VACUUM INTO are not allowed: detente sql opens no other file ({})",
            Name(a)));
      case SQLITE_DETACH:
        return Status::DataError("DETACH is not allowed: detente sql opens no other file");
      case SQLITE_INSERT:
      case SQLITE_UPDATE:
      case SQLITE_DELETE:
        // The schema table: SQLite asks this while it connects a virtual
        // table (FTS5, dbstat, table-valued PRAGMAs), and before each CREATE
        // or DROP, which it then checks as such (and refuses here, by name).
        // SQLite itself refuses any direct write to it.
        if (!inner && (Lower(a) == "sqlite_master" || Lower(a) == "sqlite_temp_master")) {
          return Status::OK();
        }
        break;
      case SQLITE_CREATE_VTABLE:
        if (!In(kAllowedModules, Lower(b))) {
          return Status::DataError(
              fmt::format("virtual tables of module {} are not allowed", Name(b)));
        }
        break;
      default:
        break;
    }
    if (!read_only_) return Status::OK();
    return Status::Unsupported(fmt::format(
        "refused: the query writes ({}) and the database is open read-only", Describe(action, a)));
  }

  Status CheckPragma(const std::string& name, const char* value, const char* db) {
    const bool with_value = value != nullptr;
    if (In(kAllowedPragmas, name) && (!with_value || In(kPragmasWithName, name))) {
      return Status::OK();
    }
    std::string pragma = "PRAGMA " + (db ? std::string(db) + "." : "") + name;
    if (with_value) pragma += fmt::format(" = {}", value);
    if (with_value && In(kAllowedPragmas, name)) {
      return Status::DataError(fmt::format(
          "{} tries to change a setting: detente sql reads settings but never changes them",
          pragma));
    }
    return Status::DataError(
        fmt::format("{} is not allowed: detente sql runs only the PRAGMAs that read (see "
                    "docs/reliability.md)",
                    pragma));
  }

  static std::string Describe(int action, const char* a) {
    const char* what = "a change";
    switch (action) {
      case SQLITE_INSERT:
        what = "INSERT into";
        break;
      case SQLITE_UPDATE:
        what = "UPDATE of";
        break;
      case SQLITE_DELETE:
        what = "DELETE from";
        break;
      case SQLITE_CREATE_INDEX:
      case SQLITE_CREATE_TEMP_INDEX:
        what = "CREATE INDEX";
        break;
      case SQLITE_CREATE_TABLE:
      case SQLITE_CREATE_TEMP_TABLE:
        what = "CREATE TABLE";
        break;
      case SQLITE_CREATE_TRIGGER:
      case SQLITE_CREATE_TEMP_TRIGGER:
        what = "CREATE TRIGGER";
        break;
      case SQLITE_CREATE_VIEW:
      case SQLITE_CREATE_TEMP_VIEW:
        what = "CREATE VIEW";
        break;
      case SQLITE_CREATE_VTABLE:
        what = "CREATE VIRTUAL TABLE";
        break;
      case SQLITE_DROP_INDEX:
      case SQLITE_DROP_TEMP_INDEX:
        what = "DROP INDEX";
        break;
      case SQLITE_DROP_TABLE:
      case SQLITE_DROP_TEMP_TABLE:
        what = "DROP TABLE";
        break;
      case SQLITE_DROP_TRIGGER:
      case SQLITE_DROP_TEMP_TRIGGER:
        what = "DROP TRIGGER";
        break;
      case SQLITE_DROP_VIEW:
      case SQLITE_DROP_TEMP_VIEW:
        what = "DROP VIEW";
        break;
      case SQLITE_DROP_VTABLE:
        what = "DROP VIRTUAL TABLE";
        break;
      case SQLITE_ALTER_TABLE:
        return "ALTER TABLE";
      case SQLITE_ANALYZE:
        return "ANALYZE";
      case SQLITE_REINDEX:
        return "REINDEX";
      case SQLITE_SAVEPOINT:
        return "SAVEPOINT";
      default:
        return what;
    }
    return a ? fmt::format("{} {}", what, a) : what;
  }

  sqlite3* db_;
  bool read_only_;
  const std::atomic<bool>* cancel_;
  double timeout_s_;
  bool has_deadline_ = false;
  std::chrono::steady_clock::time_point deadline_;
  int old_length_ = 0;
  bool cancelled_ = false;
  bool timed_out_ = false;
  Status refusal_;
};

// The position in `s` after the whitespace, ';' and comments it starts with.
size_t SkipSpaceAndComments(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ';') {
      ++i;
    } else if (s.compare(i, 2, "--") == 0) {
      size_t nl = s.find('\n', i);
      i = nl == s.npos ? s.size() : nl + 1;
    } else if (s.compare(i, 2, "/*") == 0) {
      size_t end = s.find("*/", i + 2);
      i = end == s.npos ? s.size() : end + 2;
    } else {
      break;
    }
  }
  return i;
}

// True when `s` holds only whitespace, ';' and comments: no statement.
bool NoStatementIn(std::string_view s) { return SkipSpaceAndComments(s) == s.size(); }

// True when the first statement of `s` is VACUUM (any case).
bool StartsWithVacuum(std::string_view s) {
  std::string word;
  for (size_t i = SkipSpaceAndComments(s);
       i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])); ++i) {
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
  }
  return word == "vacuum";
}

class Console {
 public:
  Console(sql::Db& db, bool read_only, const QueryOptions& options, RowSink& sink)
      : db_(db), raw_(db.get()), read_only_(read_only), options_(options), sink_(sink) {}

  Result<int64_t> Run(std::string_view text) {
    // One transaction for the whole script: a writable one takes the write
    // lock up front; a read-only one sees one snapshot throughout. Inside a
    // transaction the caller opened (a bulk writer's batch), a savepoint.
    const bool nested = !sqlite3_get_autocommit(raw_);
    DETENTE_RETURN_IF_ERROR(db_.Exec(nested       ? "SAVEPOINT detente_console"
                                     : read_only_ ? "BEGIN"
                                                  : "BEGIN IMMEDIATE"));
    Result<int64_t> changes = Statements(text);
    // The guard is gone: these statements are ours, not the user's.
    if (!changes.ok()) {
      if (nested) {
        db_.Exec("ROLLBACK TO detente_console; RELEASE detente_console");
      } else if (!sqlite3_get_autocommit(raw_)) {
        db_.Exec("ROLLBACK");
      }
      return changes;
    }
    if (Status s = db_.Exec(nested ? "RELEASE detente_console" : "COMMIT"); !s.ok()) {
      if (!nested && !sqlite3_get_autocommit(raw_)) db_.Exec("ROLLBACK");
      return Status::DatabaseError("commit failed, nothing was changed: " + s.message());
    }
    return changes;
  }

 private:
  Result<int64_t> Statements(std::string_view text) {
    Guard guard(raw_, read_only_, options_);
    int64_t changes = 0;
    const char* tail = text.data();
    const char* end = text.data() + text.size();
    while (tail < end) {
      sqlite3_stmt* raw = nullptr;
      const char* next = nullptr;
      guard.ClearRefusal();
      int rc = sqlite3_prepare_v2(raw_, tail, static_cast<int>(end - tail), &raw, &next);
      sql::Stmt st(raw);
      const std::string_view statement(tail, static_cast<size_t>(end - tail));
      if (rc != SQLITE_OK) return Error(guard, statement);
      tail = next;
      if (!raw) continue;  // whitespace or a comment
      // Only the last statement's rows are printed.
      const bool last = NoStatementIn(std::string_view(next, static_cast<size_t>(end - next)));
      const int ncol = last ? st.ColumnCount() : 0;
      if (ncol > 0) {
        std::vector<std::string> names;
        for (int c = 0; c < ncol; ++c) {
          const char* n = sqlite3_column_name(raw, c);
          names.emplace_back(n ? n : "");
        }
        DETENTE_RETURN_IF_ERROR(sink_.Columns(names));
      }
      const int64_t total_before = sqlite3_total_changes64(raw_);
      for (;;) {
        rc = sqlite3_step(raw);
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW) return Error(guard, statement);
        if (guard.ShouldStop()) return guard.Stopped();
        if (ncol > 0) DETENTE_RETURN_IF_ERROR(Deliver(raw, ncol));
      }
      // The rows the statement itself changed: total_changes also counts
      // the rows its triggers changed (the generation counter, the
      // full-text index), and changes() keeps its value across statements
      // that change nothing.
      if (sqlite3_total_changes64(raw_) != total_before) changes += sqlite3_changes64(raw_);
    }
    if (guard.ShouldStop()) return guard.Stopped();
    return changes;
  }

  Status Deliver(sqlite3_stmt* st, int ncol) {
    values_.resize(static_cast<size_t>(ncol));
    hex_.resize(static_cast<size_t>(ncol));
    for (int c = 0; c < ncol; ++c) {
      QueryValue& v = values_[static_cast<size_t>(c)];
      switch (sqlite3_column_type(st, c)) {
        case SQLITE_NULL:
          v = {QueryValue::Type::kNull, {}};
          continue;
        case SQLITE_BLOB: {
          static const char kHex[] = "0123456789abcdef";
          const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(st, c));
          const int n = sqlite3_column_bytes(st, c);
          std::string& hex = hex_[static_cast<size_t>(c)];
          hex.resize(2 * static_cast<size_t>(n));
          for (int k = 0; k < n; ++k) {
            hex[2 * k] = kHex[p[k] >> 4];
            hex[2 * k + 1] = kHex[p[k] & 0xF];
          }
          v = {QueryValue::Type::kBlob, hex};
          continue;
        }
        case SQLITE_INTEGER:
          v.type = QueryValue::Type::kInteger;
          break;
        case SQLITE_FLOAT:
          v.type = QueryValue::Type::kReal;
          break;
        default:
          v.type = QueryValue::Type::kText;
          break;
      }
      const unsigned char* p = sqlite3_column_text(st, c);
      v.text = p ? std::string_view(reinterpret_cast<const char*>(p),
                                    static_cast<size_t>(sqlite3_column_bytes(st, c)))
                 : std::string_view();
    }
    return sink_.Row(values_);
  }

  // The status for the connection's last error, from `statement` (the text
  // from the failed statement on).
  Status Error(const Guard& guard, std::string_view statement) const {
    const int code = sqlite3_extended_errcode(raw_);
    std::string msg = sqlite3_errmsg(raw_);
    if ((code & 0xFF) == SQLITE_INTERRUPT) {
      Status stopped = guard.Stopped();
      return stopped.ok() ? Status::Cancelled("query interrupted") : stopped;
    }
    // A refusal fails the prepare, with SQLITE_AUTH or (for a function)
    // SQLITE_ERROR: either way the guard knows why.
    if (!guard.refusal().ok()) return guard.refusal();
    // VACUUM fails inside a transaction before the authorizer sees it.
    if (StartsWithVacuum(statement)) {
      return Status::DataError(
          "VACUUM is not allowed in detente sql (it rewrites or copies the database file, "
          "and cannot run inside the script's transaction); use the sqlite3 shell");
    }
    if ((code & 0xFF) == SQLITE_READONLY) {
      return Status::Unsupported("write refused, the database is open read-only (" + msg + ")");
    }
    return Status::DatabaseError(msg);
  }

  sql::Db& db_;
  sqlite3* raw_;
  bool read_only_;
  const QueryOptions& options_;
  RowSink& sink_;
  std::vector<QueryValue> values_;
  std::vector<std::string> hex_;
};

}  // namespace

bool ConsoleAllowsFunction(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return In(kAllowedFunctions, lower);
}

Result<int64_t> RunConsole(sql::Db& db, bool read_only, std::string_view sql,
                           const QueryOptions& options, RowSink& sink) {
  return Console(db, read_only, options, sink).Run(sql);
}

}  // namespace detente::store_internal

namespace detente {
namespace {

// Collects the result whole, for Store::Query(sql).
class CollectingSink : public RowSink {
 public:
  explicit CollectingSink(QueryResult* out) : out_(out) {}
  Status Columns(const std::vector<std::string>& names) override {
    out_->columns = names;
    return Status::OK();
  }
  Status Row(const std::vector<QueryValue>& values) override {
    std::vector<std::optional<std::string>> row;
    std::vector<bool> numeric;
    for (const QueryValue& v : values) {
      if (v.type == QueryValue::Type::kNull) {
        row.emplace_back();
      } else {
        row.emplace_back(std::string(v.text));
      }
      numeric.push_back(v.numeric());
    }
    out_->rows.push_back(std::move(row));
    out_->numeric.push_back(std::move(numeric));
    return Status::OK();
  }

 private:
  QueryResult* out_;
};

}  // namespace

Result<QueryResult> Store::Query(std::string_view sql) {
  QueryResult out;
  CollectingSink sink(&out);
  Result<int64_t> changes = Query(sql, QueryOptions(), sink);
  if (!changes.ok()) return changes.status();
  out.changes = *changes;
  return out;
}

}  // namespace detente
