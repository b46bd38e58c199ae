// The SQLite store: one file holding documents, sentences, entities, aliases
// and events, with migrations from schema/.
//
// Ownership: a Store owns its connection and closes it on destruction.
// Thread safety: a Store is not thread-safe; use one per thread. Several
// processes may use one file at once (WAL, busy timeout).
#ifndef DETENTE_STORE_H_
#define DETENTE_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "detente/extract.h"
#include "detente/input.h"
#include "detente/status.h"

namespace detente {

struct StoreOptions {
  // Open read-only: SQLite itself refuses writes. Default: false.
  bool read_only = false;
  // How long to wait for another writer, in milliseconds. Default: 10000.
  int busy_timeout_ms = 10000;
};

// The result of a query: column names and rows of values (NULL as nullopt).
struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;
};

struct StoreStats {
  int64_t documents = 0;
  int64_t sentences = 0;
  int64_t entities = 0;
  int64_t aliases = 0;
  int64_t events = 0;
  int schema_version = 0;
};

class Store {
 public:
  // The schema version this build writes.
  static int SchemaVersion();

  // Opens (creating if needed) and migrates the database at `path`. Returns
  // kUnsupported when the file was written by a newer detente, kDatabaseError
  // when it is not a detente database or cannot be opened. A read-only open
  // of a database that is not up to date is refused too (kUnsupported).
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             const StoreOptions& options = {});
  virtual ~Store() = default;

  // Stores one document with its sentences, entities and events in one
  // transaction. Returns false (and changes nothing) when a document with the
  // same text hash is already stored.
  virtual Result<bool> AddDocument(const Document& doc, const Extraction& extraction) = 0;

  // Runs one SQL statement and returns all its rows. On a read-only store any
  // write fails with kDatabaseError.
  virtual Result<QueryResult> Query(const std::string& sql) = 0;

  virtual Result<StoreStats> Stats() = 0;
};

}  // namespace detente

#endif  // DETENTE_STORE_H_
