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
// Integers and reals are in SQLite's text form; blobs are lowercase hex.
struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;
  // Parallel to `rows`: true where SQLite returned an INTEGER or REAL, so that
  // formatters can print it as a number.
  std::vector<std::vector<bool>> numeric;
  // Rows inserted, updated or deleted by the statements.
  int64_t changes = 0;
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

  // Opens (creating if needed) and migrates the database at `path`; each
  // migration runs in its own transaction that also sets PRAGMA user_version.
  // Returns kUnsupported when the file was written by a newer detente,
  // kDatabaseError when it is not a detente database or cannot be opened. A
  // read-only open never creates the file (kIOError when it is missing) and
  // refuses a database that is not up to date (kUnsupported).
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             const StoreOptions& options = {});
  virtual ~Store() = default;

  // True when a document with the same title and text is already stored, so
  // that callers can skip extracting it again.
  virtual Result<bool> Contains(const Document& doc) = 0;

  // Stores one document with its sentences, entities, aliases and events in
  // one transaction: on any error nothing of it is stored. Returns false (and
  // changes nothing) when a document with the same title and text (SHA-256 of
  // both) is already stored. Entities are shared across documents by
  // canonical name (case-insensitive); a known kind or country is never
  // overwritten by an unknown one. An event naming an actor, object or place
  // that is not among `extraction.entities` (by name or alias) creates that
  // entity. Event::time becomes event_date when it is an ISO date (yyyy,
  // yyyy-mm or yyyy-mm-dd), else it is kept as time_text. Returns
  // kDataError for bad extractions (an event pointing at a missing sentence,
  // a value the schema refuses) and kDatabaseError when SQLite fails.
  virtual Result<bool> AddDocument(const Document& doc, const Extraction& extraction) = 0;

  // Runs one or more SQL statements (separated by ';') and returns the rows
  // of the last one that returns columns. On a read-only store a write fails
  // with kUnsupported (SQLite refuses it; nothing is parsed here); any other
  // SQL error is kDatabaseError.
  virtual Result<QueryResult> Query(const std::string& sql) = 0;

  virtual Result<StoreStats> Stats() = 0;
};

}  // namespace detente

#endif  // DETENTE_STORE_H_
