// The bulk loader behind Store::Bulk (detente/store.h, BulkWriter): rows
// appended with prepared statements, in batches, or for an initial load in
// one transaction with the indexes built once at the end. Private to
// detente_store.
#ifndef DETENTE_STORE_BULK_H_
#define DETENTE_STORE_BULK_H_

#include <memory>

#include "detente/sqlite.h"
#include "detente/status.h"
#include "detente/store.h"

namespace detente::store_internal {

// A bulk writer on `db`, which must be writable (Store::Bulk checks); it
// borrows `db` and must be destroyed before it.
Result<std::unique_ptr<BulkWriter>> OpenBulkWriter(sql::Db& db, const BulkOptions& options);

}  // namespace detente::store_internal

#endif  // DETENTE_STORE_BULK_H_
