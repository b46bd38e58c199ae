// A thin RAII layer over the SQLite C API, and the one check of a detente
// database's schema version. Implemented by detente_store; for the store
// and the stages that read its file directly (graph), not for the CLI.
//
// Db owns a sqlite3*; Stmt owns a sqlite3_stmt*. Both close on destruction.
// All SQL with values goes through Stmt::Bind: never format values into SQL.
// Neither class is thread-safe; use one Db per thread.
#ifndef DETENTE_SQLITE_H_
#define DETENTE_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "detente/status.h"

namespace detente::sql {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

class Stmt;

class Db {
 public:
  // Opens `path`. Every connection is hardened: no two-argument
  // fts3_tokenizer(), SQLITE_DBCONFIG_DEFENSIVE on, no extension loading,
  // and TRUSTED_SCHEMA off when read-only (a writer needs the schema's FTS5
  // triggers). With read_only, SQLite itself refuses every write
  // (SQLITE_OPEN_READONLY), ATTACH (hence VACUUM INTO) is disabled, and a
  // database in a directory this user cannot write is still readable
  // (opened immutable when it has no write-ahead log). Sets foreign_keys=ON
  // and a busy timeout; a writable database is switched to WAL.
  // kDatabaseError names the path once and says why it cannot be opened.
  static Result<Db> Open(const std::string& path, bool read_only,
                         int busy_timeout_ms = 10000);

  sqlite3* get() const { return db_.get(); }
  // Runs one or more statements that take no parameters.
  Status Exec(std::string_view sql);
  Result<Stmt> Prepare(std::string_view sql);
  // The last error message of this connection, prefixed with `what`.
  Status Error(std::string_view what) const;
  int64_t LastInsertRowId() const { return sqlite3_last_insert_rowid(db_.get()); }

 private:
  static Result<Db> OpenOnce(const std::string& path, bool read_only, int busy_timeout_ms,
                             bool immutable);
  std::unique_ptr<sqlite3, DbCloser> db_;
};

// Lets detente's own constant SQL write an FTS5 shadow table (which
// SQLITE_DBCONFIG_DEFENSIVE forbids) for the life of the object.
class ShadowWrites {
 public:
  explicit ShadowWrites(Db& db) : db_(db.get()) {
    sqlite3_db_config(db_, SQLITE_DBCONFIG_DEFENSIVE, 0, nullptr);
  }
  ~ShadowWrites() { sqlite3_db_config(db_, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr); }
  ShadowWrites(const ShadowWrites&) = delete;
  ShadowWrites& operator=(const ShadowWrites&) = delete;

 private:
  sqlite3* db_;
};

class Stmt {
 public:
  Stmt() = default;
  explicit Stmt(sqlite3_stmt* s) : s_(s) {}

  sqlite3_stmt* get() const { return s_.get(); }
  // Bind by 1-based index. Strings are copied (SQLITE_TRANSIENT).
  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, double v);
  Stmt& Bind(int i, std::string_view v);
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  // Binds without a copy (SQLITE_STATIC): the bytes must stay alive and
  // unchanged until the statement is reset (Run() resets it).
  Stmt& BindStatic(int i, std::string_view v);
  Stmt& BindNull(int i);
  template <typename T>
  Stmt& Bind(int i, const std::optional<T>& v) {
    return v ? Bind(i, *v) : BindNull(i);
  }

  // Steps once: returns true for a row, false when done.
  Result<bool> Step();
  // Steps to completion, expecting no rows, then resets for reuse.
  Status Run();
  void Reset();

  int64_t Int(int col) const { return sqlite3_column_int64(s_.get(), col); }
  double Real(int col) const { return sqlite3_column_double(s_.get(), col); }
  std::string Text(int col) const;
  bool IsNull(int col) const { return sqlite3_column_type(s_.get(), col) == SQLITE_NULL; }
  std::optional<std::string> OptText(int col) const {
    if (IsNull(col)) return std::nullopt;
    return Text(col);
  }
  int ColumnCount() const { return sqlite3_column_count(s_.get()); }

 private:
  std::unique_ptr<sqlite3_stmt, StmtFinalizer> s_;
};

// Commits on Commit(); rolls back if destroyed before that. Begun while the
// connection is already in a transaction, it is a savepoint of it: Commit()
// releases it, and destruction before that undoes only what it did.
class Transaction {
 public:
  explicit Transaction(Db& db) : db_(db) {}
  ~Transaction();
  // BEGIN IMMEDIATE, so that a writer waits for the lock up front.
  Status Begin();
  Status Commit();

 private:
  Db& db_;
  bool open_ = false;
  bool nested_ = false;  // a savepoint in an outer transaction
};

// Checks the schema version of `db`, the detente database opened from
// `path` (for messages), the one way every opener does; returns the version
// (0 for a new, empty file). kUnsupported when a newer detente wrote it, or
// when `read_only` and it is older than this build's (it needs a migration,
// which only a writer runs); kDatabaseError when it has tables but no
// version (not a detente database) or cannot be read. Messages name `path`.
Result<int> CheckSchema(Db& db, const std::string& path, bool read_only);

// Opens the detente database at `path` read-only for a reader (graph,
// evidence): kIOError when there is no such file, then the errors of
// Db::Open and of CheckSchema.
Result<Db> OpenForReading(const std::string& path);

}  // namespace detente::sql

#endif  // DETENTE_SQLITE_H_
