// The one check of a detente database's schema version, shared by
// Store::Open and the readers of the graph stage (detente/sqlite.h).
#include <filesystem>
#include <string>
#include <system_error>

#include "detente/sqlite.h"
#include "detente/store.h"

namespace detente::sql {
namespace {

struct SchemaState {
  int version = 0;
  int64_t tables = 0;
};

// The schema version and the number of schema objects, read in one statement
// so that both come from one snapshot: another process may be migrating the
// file right now.
Result<SchemaState> ReadSchemaState(Db& db) {
  Result<Stmt> st = db.Prepare(
      "SELECT (SELECT user_version FROM pragma_user_version), "
      "(SELECT count(*) FROM sqlite_schema)");
  if (!st.ok()) return st.status();
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal("no schema state");
  return SchemaState{static_cast<int>(st->Int(0)), st->Int(1)};
}

}  // namespace

Result<int> CheckSchema(Db& db, const std::string& path, bool read_only) {
  Result<SchemaState> state = ReadSchemaState(db);
  if (!state.ok()) return Status::DatabaseError(path + ": " + state.status().message());
  const int known = Store::SchemaVersion();
  const int version = state->version;
  if (version > known) {
    return Status::Unsupported(path + " was written by a newer detente (schema " +
                               std::to_string(version) + ", this build knows " +
                               std::to_string(known) + ")");
  }
  if (version == 0 && state->tables > 0) {
    return Status::DatabaseError(path +
                                 " is not a detente database (it has tables but no "
                                 "schema version)");
  }
  if (read_only && version < known) {
    return Status::Unsupported(path + " has schema " + std::to_string(version) +
                               " and needs an upgrade to " + std::to_string(known) +
                               "; open it once for writing (e.g. detente ingest) first");
  }
  return version;
}

Result<Db> OpenForReading(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::IOError("no database at " + path + " (run `detente ingest` first)");
  }
  Result<Db> db = Db::Open(path, /*read_only=*/true);
  if (!db.ok()) return db.status();  // it names the path
  Result<int> version = CheckSchema(*db, path, /*read_only=*/true);
  if (!version.ok()) return version.status();
  return db;
}

}  // namespace detente::sql
