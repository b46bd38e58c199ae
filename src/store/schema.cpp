// The schema version of a detente database: the one check every opener
// shares (sql::CheckSchema, detente/sqlite.h: Store::Open and the readers of
// the graph stage) and the migrations (store/schema.h).
#include "store/schema.h"

#include <filesystem>
#include <string>
#include <system_error>

#include "detente/store.h"
#include "store/curation.h"
#include "store/migrations.h"

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

namespace detente::store_internal {
namespace {

// What a migration's SQL cannot do, run after it in its transaction.
struct AfterMigration {
  int version;
  Status (*run)(sql::Db& db);
};
constexpr AfterMigration kAfterMigrations[] = {
    // Schema 4 resolves names across documents: the spellings an older
    // release kept apart become one entity, as a fresh ingest gives.
    {4, MergeFoldedDuplicates},
};

}  // namespace

Result<int> UserVersion(sql::Db& db) {
  Result<sql::Stmt> st = db.Prepare("PRAGMA user_version");
  if (!st.ok()) return st.status();
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  return *row ? static_cast<int>(st->Int(0)) : 0;
}

Status Migrate(sql::Db& db, int from) {
  for (size_t i = 0; i < kMigrationCount; ++i) {
    const Migration& m = kMigrations[i];
    if (m.version <= from) continue;
    sql::Transaction tx(db);
    DETENTE_RETURN_IF_ERROR(tx.Begin());
    // Another process may have migrated while we waited for the lock.
    Result<int> now = UserVersion(db);
    if (!now.ok()) return now.status();
    if (*now >= m.version) continue;
    Status s = db.Exec(m.sql);
    for (const AfterMigration& after : kAfterMigrations) {
      if (s.ok() && after.version == m.version) s = after.run(db);
    }
    if (!s.ok()) {
      return Status::DatabaseError("migration " + std::to_string(m.version) + "_" + m.name + ": " +
                                   s.message());
    }
    // PRAGMA takes no bound parameters; the value is our own constant.
    DETENTE_RETURN_IF_ERROR(db.Exec("PRAGMA user_version = " + std::to_string(m.version)));
    DETENTE_RETURN_IF_ERROR(tx.Commit());
  }
  return Status::OK();
}

}  // namespace detente::store_internal
