// Curation of entities (Store::MergeEntities and friends): each function
// runs inside the caller's transaction. Private to the store.
#ifndef DETENTE_STORE_CURATION_H_
#define DETENTE_STORE_CURATION_H_

#include <cstdint>
#include <string_view>

#include "detente/status.h"
#include "detente/sqlite.h"
#include "store/writer.h"

namespace detente::store_internal {

Result<int64_t> Merge(sql::Db& db, DocumentWriter& w, std::string_view keep,
                      std::string_view other);
Status Unmerge(sql::Db& db, DocumentWriter& w, std::string_view other);
Status AddAlias(sql::Db& db, DocumentWriter& w, std::string_view entity, std::string_view alias);
Status RemoveAlias(sql::Db& db, DocumentWriter& w, std::string_view entity,
                   std::string_view alias);

// Merges the entities that an older release (schema 3) kept apart though they
// are of the same kind and their names have the same NameKey ("Recep Tayyip
// Erdoğan", "Recep Tayyip Erdogan"), as Merge does: each merge is recorded in
// `curation`, so that `detente entity unmerge` undoes it. The oldest entity
// (lowest id, the first spelling stored) is kept. Names that only share a
// surname are left apart. Run once, by migration 4, inside its transaction.
Status MergeFoldedDuplicates(sql::Db& db);

}  // namespace detente::store_internal

#endif  // DETENTE_STORE_CURATION_H_
