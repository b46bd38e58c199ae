#include "detente/sqlite.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

namespace detente::sql {

namespace fs = std::filesystem;

namespace {

// Hardens a new connection against what SQL (or a crafted database) may ask
// for: no fts3_tokenizer() pointer calls, no writes to shadow tables or the
// schema by hand (DEFENSIVE), no extension loading, and on a read-only
// connection no functions with side effects or virtual tables in views and
// triggers (TRUSTED_SCHEMA off). A writable connection must trust the
// schema: its triggers keep the FTS5 index, a virtual table SQLite 3.40 does
// not mark innocuous; user SQL there still goes through the console's
// authorizer, which also sees what the triggers call.
Status Harden(sqlite3* db, bool read_only) {
  struct {
    int op;
    int value;
  } settings[] = {
      {SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0},
      {SQLITE_DBCONFIG_DEFENSIVE, 1},
      {SQLITE_DBCONFIG_TRUSTED_SCHEMA, read_only ? 0 : 1},
      {SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0},
  };
  for (const auto& s : settings) {
    int now = -1;
    if (sqlite3_db_config(db, s.op, s.value, &now) != SQLITE_OK || now != s.value) {
      return Status::DatabaseError("cannot configure the SQLite connection safely");
    }
  }
  sqlite3_enable_load_extension(db, 0);
  return Status::OK();
}

// Why `path` cannot be opened, in words: SQLite only says "unable to open
// database file".
std::string OpenFailure(const std::string& path, int rc, sqlite3* raw) {
  std::error_code ec;
  const fs::path p(path);
  const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  if (!fs::exists(dir, ec)) {
    return ec && ec != std::errc::no_such_file_or_directory
               ? "cannot open database " + path + ": " + ec.message()
               : "cannot open database " + path + ": directory " + dir.string() + " does not exist";
  }
  if (fs::is_directory(p, ec)) return "cannot open database " + path + ": it is a directory";
  if (!fs::exists(p, ec) && ::access(dir.c_str(), W_OK) != 0) {
    return "cannot create database " + path + ": directory " + dir.string() + ": " +
           std::strerror(errno);
  }
  std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
  if ((rc & 0xFF) == SQLITE_CANTOPEN && errno != 0) msg = std::strerror(errno);
  return "cannot open database " + path + ": " + msg;
}

// "file:" URI for `path` opened read-only and immutable.
std::string ImmutableUri(const std::string& path) {
  std::string abs = fs::absolute(path).string();
  std::string uri = "file:";
  size_t i = 0;
  while (i + 1 < abs.size() && abs[i] == '/' && abs[i + 1] == '/') ++i;  // no "//authority"
  for (; i < abs.size(); ++i) {
    const char c = abs[i];
    if (c == '%' || c == '?' || c == '#') {
      uri += fmt::format("%{:02x}", static_cast<unsigned char>(c));
    } else {
      uri += c;
    }
  }
  return uri + "?mode=ro&immutable=1";
}

}  // namespace

Result<Db> Db::Open(const std::string& path, bool read_only, int busy_timeout_ms) {
  Result<Db> db = OpenOnce(path, read_only, busy_timeout_ms, /*immutable=*/false);
  if (!db.ok() || !read_only) return db;
  // A WAL database in a directory this user cannot write: SQLite cannot
  // create the -shm file a reader needs, and fails on the first read. With no
  // write-ahead log to read, nobody is writing it (a writer would need that
  // directory too), so it is read as an immutable file.
  const int rc =
      sqlite3_exec(db->get(), "SELECT 1 FROM sqlite_schema LIMIT 1", nullptr, nullptr, nullptr);
  const int primary = rc & 0xFF;
  if (primary != SQLITE_READONLY && primary != SQLITE_CANTOPEN) return db;
  std::error_code ec;
  const uintmax_t wal = fs::file_size(path + "-wal", ec);
  if (!ec && wal > 0) {
    return Status::DatabaseError("cannot read " + path + ": its write-ahead log (" + path +
                                 "-wal) needs write access to the directory to be read");
  }
  return OpenOnce(path, true, busy_timeout_ms, /*immutable=*/true);
}

Result<Db> Db::OpenOnce(const std::string& path, bool read_only, int busy_timeout_ms,
                        bool immutable) {
  sqlite3* raw = nullptr;
  int flags = read_only ? SQLITE_OPEN_READONLY
                        : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (immutable) flags |= SQLITE_OPEN_URI;
  const std::string name = immutable ? ImmutableUri(path) : path;
  errno = 0;
  int rc = sqlite3_open_v2(name.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  Db db;
  db.db_.reset(raw);
  if (rc != SQLITE_OK) return Status::DatabaseError(OpenFailure(path, rc, raw));
  DETENTE_RETURN_IF_ERROR(Harden(raw, read_only));
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, busy_timeout_ms);
  // A read-only connection opens no other file either: with no ATTACH,
  // "VACUUM INTO 'file'" (which writes a copy) fails too.
  if (read_only) sqlite3_limit(raw, SQLITE_LIMIT_ATTACHED, 0);
  if (Status s = db.Exec("PRAGMA foreign_keys=ON"); !s.ok()) {
    return Status::DatabaseError(path + ": " + s.message());
  }
  if (!read_only) {
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"}) {
      Status s = db.Exec(pragma);
      // Switching a new file to WAL while another process creates it can
      // report SQLITE_BUSY without calling the busy handler: wait as it would.
      for (int waited = 0; !s.ok() && (sqlite3_errcode(raw) & 0xff) == SQLITE_BUSY &&
                           waited < busy_timeout_ms;
           waited += 10) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        s = db.Exec(pragma);
      }
      if (!s.ok()) {
        const fs::path p(path);
        const std::string dir = p.has_parent_path() ? p.parent_path().string() : ".";
        if (::access(path.c_str(), W_OK) != 0 || ::access(dir.c_str(), W_OK) != 0) {
          return Status::DatabaseError("cannot write database " + path +
                                       ": it or its directory is read-only (commands that only "
                                       "read it still work)");
        }
        return Status::DatabaseError(path + ": " + s.message());
      }
    }
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
  if (!open_) return;
  if (nested_) {
    db_.Exec("ROLLBACK TO detente_tx; RELEASE detente_tx");
  } else {
    db_.Exec("ROLLBACK");
  }
}

Status Transaction::Begin() {
  // Inside an open transaction (Store::InTransaction), a savepoint.
  nested_ = sqlite3_get_autocommit(db_.get()) == 0;
  DETENTE_RETURN_IF_ERROR(db_.Exec(nested_ ? "SAVEPOINT detente_tx" : "BEGIN IMMEDIATE"));
  open_ = true;
  return Status::OK();
}

Status Transaction::Commit() {
  Status s = db_.Exec(nested_ ? "RELEASE detente_tx" : "COMMIT");
  if (s.ok()) open_ = false;
  return s;
}

}  // namespace detente::sql
