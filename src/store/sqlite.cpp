#include "store/sqlite.h"

namespace detente::sql {

Result<Db> Db::Open(const std::string& path, bool read_only, int busy_timeout_ms) {
  sqlite3* raw = nullptr;
  int flags = read_only ? SQLITE_OPEN_READONLY
                        : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  Db db;
  db.db_.reset(raw);
  if (rc != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    return Status::DatabaseError(path + ": " + msg);
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, busy_timeout_ms);
  // A read-only connection opens no other file either: with no ATTACH,
  // "VACUUM INTO 'file'" (which writes a copy) fails too.
  if (read_only) sqlite3_limit(raw, SQLITE_LIMIT_ATTACHED, 0);
  DETENTE_RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys=ON"));
  if (!read_only) {
    DETENTE_RETURN_IF_ERROR(db.Exec("PRAGMA journal_mode=WAL"));
    DETENTE_RETURN_IF_ERROR(db.Exec("PRAGMA synchronous=NORMAL"));
  }
  return db;
}

Status Db::Error(std::string_view what) const {
  return Status::DatabaseError(std::string(what) + ": " + sqlite3_errmsg(db_.get()));
}

Status Db::Exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_.get(), s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return Status::DatabaseError(msg);
  }
  return Status::OK();
}

Result<Stmt> Db::Prepare(std::string_view sql) {
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &s,
                              nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(s);
    return Error("prepare");
  }
  return Stmt(s);
}

Stmt& Stmt::Bind(int i, int64_t v) {
  sqlite3_bind_int64(s_.get(), i, v);
  return *this;
}
Stmt& Stmt::Bind(int i, double v) {
  sqlite3_bind_double(s_.get(), i, v);
  return *this;
}
Stmt& Stmt::Bind(int i, std::string_view v) {
  sqlite3_bind_text(s_.get(), i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::BindStatic(int i, std::string_view v) {
  // A null data pointer would bind NULL; an empty string must stay ''.
  sqlite3_bind_text(s_.get(), i, v.data() ? v.data() : "", static_cast<int>(v.size()),
                    SQLITE_STATIC);
  return *this;
}
Stmt& Stmt::BindNull(int i) {
  sqlite3_bind_null(s_.get(), i);
  return *this;
}

Result<bool> Stmt::Step() {
  int rc = sqlite3_step(s_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Status::DatabaseError(sqlite3_errmsg(sqlite3_db_handle(s_.get())));
}

Status Stmt::Run() {
  Result<bool> r = Step();
  while (r.ok() && *r) r = Step();
  Reset();
  return r.status();
}

void Stmt::Reset() {
  sqlite3_reset(s_.get());
  sqlite3_clear_bindings(s_.get());
}

std::string Stmt::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(s_.get(), col);
  int n = sqlite3_column_bytes(s_.get(), col);
  return p ? std::string(reinterpret_cast<const char*>(p), n) : std::string();
}

Transaction::~Transaction() {
  if (open_) db_.Exec("ROLLBACK");
}

Status Transaction::Begin() {
  DETENTE_RETURN_IF_ERROR(db_.Exec("BEGIN IMMEDIATE"));
  open_ = true;
  return Status::OK();
}

Status Transaction::Commit() {
  Status s = db_.Exec("COMMIT");
  if (s.ok()) open_ = false;
  return s;
}

}  // namespace detente::sql
