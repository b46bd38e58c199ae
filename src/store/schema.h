// Reading and migrating a detente database's schema version. Private to
// detente_store; the check every opener shares is sql::CheckSchema
// (detente/sqlite.h), in the same file (schema.cpp).
#ifndef DETENTE_STORE_SCHEMA_H_
#define DETENTE_STORE_SCHEMA_H_

#include "detente/sqlite.h"
#include "detente/status.h"

namespace detente::store_internal {

// PRAGMA user_version.
Result<int> UserVersion(sql::Db& db);

// Runs the migrations after version `from` (store/migrations.h), each in its
// own transaction that also sets PRAGMA user_version, skipping those another
// process ran while this one waited for the lock. The work a migration's SQL
// cannot do runs in the same transaction (schema.cpp, kAfterMigrations:
// migration 4 merges the entities whose names fold to one key). The
// connection needs the store's SQL functions (RegisterSqlFunctions).
Status Migrate(sql::Db& db, int from);

}  // namespace detente::store_internal

#endif  // DETENTE_STORE_SCHEMA_H_
