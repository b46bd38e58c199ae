// The schema migrations, embedded from schema/NNNN_name.sql at build time by
// cmake/embed_schema.cmake. Private to detente_store.
#ifndef DETENTE_STORE_MIGRATIONS_H_
#define DETENTE_STORE_MIGRATIONS_H_

#include <cstddef>

namespace detente {

struct Migration {
  int version;       // NNNN: 1, 2, ... without gaps
  const char* name;  // "init"
  const char* sql;   // the file's text
};

// In version order; kMigrations[i].version == i + 1.
extern const Migration kMigrations[];
extern const size_t kMigrationCount;

}  // namespace detente

#endif  // DETENTE_STORE_MIGRATIONS_H_
