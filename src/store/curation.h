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

}  // namespace detente::store_internal

#endif  // DETENTE_STORE_CURATION_H_
