// The SQLite store: one file holding documents, sentences, entities, aliases
// and events, with migrations from schema/.
//
// Ownership: a Store owns its connection and closes it on destruction.
// Thread safety: a Store is not thread-safe; use one per thread. Several
// processes may use one file at once (WAL, busy timeout).
#ifndef DETENTE_STORE_H_
#define DETENTE_STORE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detente/input.h"
#include "detente/record.h"
#include "detente/status.h"

namespace detente {

struct StoreOptions {
  // Open read-only: SQLite itself refuses writes. Default: false.
  bool read_only = false;
  // How long to wait for another writer, in milliseconds. Default: 10000.
  int busy_timeout_ms = 10000;
  // Stored with every event AddDocument and AddExtraction write (the
  // events.extractor_version column); writers pass Extractor::Version()
  // (extract.h), which the store does not depend on. Default: "unknown".
  std::string extractor_version = "unknown";
};

// How Store::Query runs SQL typed by a user (the `detente sql` console).
struct QueryOptions {
  // Stop a query that runs longer than this many seconds, with kTimeout;
  // 0 means no limit. Default: 0.
  double timeout_s = 0;
  // When not null, polled while the query runs: once it holds true, the
  // query stops with kCancelled. It may be set from a signal handler (a
  // lock-free atomic). Default: nullptr.
  const std::atomic<bool>* cancel = nullptr;
};

// One value of a result row, as SQLite produced it. `text` is SQLite's text
// form (blobs as lowercase hex) and is valid only during RowSink::Row.
struct QueryValue {
  enum class Type { kNull, kInteger, kReal, kText, kBlob };
  Type type = Type::kNull;
  std::string_view text;
  bool numeric() const { return type == Type::kInteger || type == Type::kReal; }
};

// Receives the result of Store::Query while the query runs, so that a result
// of any size streams through in constant memory.
class RowSink {
 public:
  virtual ~RowSink() = default;
  // The column names of the printed statement, once, before its rows; not
  // called when that statement returns no columns.
  virtual Status Columns(const std::vector<std::string>& names) = 0;
  // One row, one value per column. A non-OK status stops the query, and
  // Store::Query returns it.
  virtual Status Row(const std::vector<QueryValue>& values) = 0;
};

// The result of a query, whole: column names and rows of values (NULL as
// nullopt). Integers and reals are in SQLite's text form; blobs are lowercase
// hex. For small results (tests, tools); big ones go through a RowSink.
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

// One document for the bulk path. Only its SHA-256 (of title and text, as
// AddDocument computes it) is stored, not the text.
struct BulkDocument {
  std::string source;     // file path or any label; required
  std::string doc_id;     // empty: NULL
  std::string title;      // empty: NULL
  std::string url;        // empty: NULL
  std::string published;  // ISO date; empty: NULL
  std::string text;       // hashed to tell documents apart; not stored
};

// One event for the bulk path; ids are rows the same writer (or an earlier
// one) added. Empty strings and ids of 0 are stored as NULL.
struct BulkEvent {
  int64_t sentence_id = 0;
  int64_t actor_id = 0;
  int64_t object_id = 0;  // 0: no object
  int64_t place_id = 0;   // 0: no place
  std::string_view action;
  std::string_view action_class;
  std::string_view event_date;  // ISO yyyy[-mm[-dd]]
  std::string_view time_text;
  bool negated = false;
  Modality modality = Modality::kAsserted;
  double confidence = 1.0;
  std::string_view extractor_version = "bulk";
};

struct BulkOptions {
  // Rows (of any table) per transaction. Default: 100000.
  size_t batch_rows = 100000;
  // On a database with no sentences and no events yet (an initial load), run
  // the whole load as one transaction that drops the secondary indexes and
  // the insert triggers (full-text index, generation counter) first and
  // rebuilds them in Finish(): building an index once is several times faster
  // than updating it row by row. The rows go in with PRAGMA foreign_keys off
  // and several rows per INSERT; each Add* checks its own references, against
  // the rows there before the load and those the load added.
  // batch_rows is then ignored; other connections see the database as it
  // was until Finish() commits, and an error or a crash leaves it unchanged.
  // Default: true.
  bool defer_indexes = true;
  // SQLite page cache while the writer is open, in MiB (the connection's
  // setting is restored by Finish). Default: 256.
  int cache_mib = 256;
};

// One step of Finish() for an initial load (BulkOptions::defer_indexes):
// building one index, rebuilding the full-text index, committing. For
// benchmarks and progress reports.
struct BulkStep {
  std::string what;   // "index events_actor", "full-text index", "commit", ...
  std::string table;  // the table the step is about; empty for the whole database
  double wall_s = 0;  // elapsed time
  double cpu_s = 0;   // CPU time (user + sys) of the whole process, helper threads included
};

// The bulk path: appends rows to the tables with prepared statements, in
// batches of BulkOptions::batch_rows rows per transaction. It is for loading
// many rows fast (a generator, an import) and does none of AddDocument's
// merging: each AddEntity inserts a new entity, and a duplicate name is an
// error. Every row stored satisfies the schema's constraints and foreign keys,
// and what the triggers do is done (the full-text index, the generation
// counter): row by row, or for an initial load (BulkOptions::defer_indexes)
// once in Finish().
//
// Errors: a failed Add* returns kDataError (a value or reference the schema
// refuses: duplicate name, missing sentence) or kDatabaseError; the open batch
// is then rolled back, batches committed before stay, and every later call
// fails. In an initial load a missing reference is refused by the Add* that
// names it (kDataError, "foreign key"); rows are written a few at a time, so
// any other refused row (a duplicate name, a CHECK) may be reported by a
// later Add* or by Finish(). The whole load is then rolled back. Destroying a
// writer without Finish() rolls back the open batch. The connection's PRAGMA
// foreign_keys and cache_size are restored when the writer finishes, fails or
// is destroyed.
// Ownership: a writer borrows its Store's connection; it must be destroyed
// before the Store, and the Store must not be used while it is open.
// Thread safety: none; one thread at a time.
class BulkWriter {
 public:
  virtual ~BulkWriter() = default;
  // Each returns the new row's id (in an initial load, the id the row gets
  // when it is written).
  virtual Result<int64_t> AddDocument(const BulkDocument& doc) = 0;
  // A sentence of `document_id` at position `idx`; offsets are 0..text size.
  virtual Result<int64_t> AddSentence(int64_t document_id, int idx, std::string_view text) = 0;
  // `country` empty: NULL.
  virtual Result<int64_t> AddEntity(std::string_view name, std::string_view kind,
                                    std::string_view country) = 0;
  // Adding an alias twice is not an error (INSERT OR IGNORE).
  virtual Status AddAlias(std::string_view alias, int64_t entity_id) = 0;
  virtual Result<int64_t> AddEvent(const BulkEvent& event) = 0;
  // Commits the open batch. Nothing may be added afterwards.
  virtual Status Finish() = 0;
  // The steps Finish() took, in order, for an initial load (empty for a load
  // in batches, and before Finish()).
  virtual const std::vector<BulkStep>& FinishSteps() const = 0;
};

// The SQL of an event's CAMEO code, on the events alias `e`: its full code
// ("042"), else the root of its class ("04" of "04 Consult": rows written
// without a code), else NULL. Every class filter (EventQuery::classes,
// GraphFilter::classes, the server's class=) keeps the events whose code
// starts with one of its prefixes.
inline constexpr char kEventCodeSql[] = "COALESCE(e.cameo_code, substr(e.action_class, 1, 2))";

// Which events Store::Events writes. Every field narrows; the defaults
// give every event.
struct EventQuery {
  // Events dated (event_date, else the document's published date) on or
  // after `since` / on or before `until` (ISO prefixes: "2023", "2023-06").
  // Default: empty (no bound).
  std::string since, until;
  // CAMEO code prefixes ("04", "19"): the event's code, else its class's root.
  // Default: empty (all).
  std::vector<std::string> classes;
  // CAMEO agent roles: the actor's or the object's role
  // in the event is one of them. Default: empty (all).
  std::vector<Role> roles;
  // Entity names (canonical); the actor or the object is one of them.
  // Default: empty (all).
  std::vector<std::string> entities;
  // Also events that are negated or not asserted. Default: false.
  bool all_moods = false;
  // At most this many rows; 0: no limit. Default: 0.
  int64_t limit = 0;
};

// The columns of Store::Events, in order (docs/schema.md maps each to GDELT
// 2.0 and ICEWS fields).
inline constexpr const char* kEventRecordColumns[] = {
    "event_id",    "date",         "actor",        "actor_country", "actor_role",
    "action",      "cameo_code",   "event_root",   "quad_class",    "goldstein",
    "object",      "object_country", "object_role", "place",        "place_country",
    "negated",     "modality",     "mentions",     "sources",       "first_seen",
    "last_seen",   "doc_id",       "url",          "sentence"};

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

  // AddDocument for a document whose text is not at hand (a merge of shards,
  // issue 17): `sha256` is the hash AddDocument would have computed
  // (documents.sha256 of the shard). Entities resolve and mentions
  // consolidate exactly as AddDocument does: replaying the extractions of a
  // set of documents gives what ingesting them gave, only the order (and so
  // which spelling names an entity) may differ. kInvalidArgument when
  // `sha256` is not 64 lowercase hex digits.
  virtual Result<bool> AddExtraction(const Document& doc, std::string_view sha256,
                                     const Extraction& extraction) = 0;

  // Runs `body` as one transaction (BEGIN IMMEDIATE ... COMMIT): the
  // AddDocument calls it makes join it, each as a savepoint, so that a
  // document refused with kDataError leaves nothing while the others stay
  // pending. Commits when `body` returns OK; otherwise rolls back everything
  // and returns body's status. kUnsupported on a read-only store. Not
  // reentrant: `body` must not call InTransaction.
  virtual Status InTransaction(const std::function<Status()>& body) = 0;

  // The SQL console: runs one or more statements (separated by ';') typed by
  // a user, in order, as one transaction, and streams the rows of the last
  // statement to `sink` (earlier statements run for their effect; their rows
  // are dropped). Returns the number of rows the statements inserted,
  // updated or deleted.
  //
  // User SQL is guarded (docs/reliability.md, "Security"):
  // - A read-only store allows reads and nothing else: SELECT, WITH,
  //   introspection PRAGMAs; every write, CREATE (TEMP too), ATTACH,
  //   VACUUM, transaction statement and PRAGMA that changes a setting is
  //   refused with kUnsupported, whose message names what was refused.
  // - On a writable store the script is one transaction (BEGIN IMMEDIATE
  //   ... COMMIT): on any error, timeout or cancellation nothing of it stays.
  //   BEGIN/COMMIT/ROLLBACK, ATTACH (hence VACUUM INTO and VACUUM) and
  //   PRAGMAs that change a setting are refused.
  // - Either way only the functions of an allowlist may be called (core,
  //   date, math, JSON, window and full-text functions); those that return
  //   pointers, load code or touch files (fts3_tokenizer, load_extension,
  //   fts5, readfile, ...) are refused with kUnsupported, as are the
  //   virtual tables that read raw pages or files.
  // - One value may hold at most 64 MiB (SQLITE_LIMIT_LENGTH).
  // kTimeout when options.timeout_s passed, kCancelled when options.cancel
  // was set, the sink's status when it failed, kDatabaseError for any other
  // SQL error. Rows already given to the sink stay given.
  virtual Result<int64_t> Query(std::string_view sql, const QueryOptions& options,
                                RowSink& sink) = 0;

  // Query with default options, its last result collected whole.
  Result<QueryResult> Query(std::string_view sql);

  virtual Result<StoreStats> Stats() = 0;

  // Streams one row per event (not per mention) that passes `filter`, in
  // date then id order, with the columns kEventRecordColumns names, to
  // `sink`. kInvalidArgument for a malformed filter value, the sink's status
  // when it fails, kDatabaseError when SQLite does.
  virtual Status Events(const EventQuery& filter, RowSink& sink) = 0;

  // Curation: what an analyst corrects, recorded in the `curation` table by
  // name so that later ingests respect it (docs/schema.md, "Curation"). Each
  // runs in one transaction. An entity is named by its name, an alias or
  // "#id"; kNotFound when there is none, kInvalidArgument when a name is
  // ambiguous or both name the same entity.
  //
  // Merges `other` into `keep`: its aliases, events and evidence move to
  // `keep`, and it is deleted; every name of `other` resolves to `keep` in
  // later ingests. Returns the curation id.
  virtual Result<int64_t> MergeEntities(std::string_view keep, std::string_view other) = 0;
  // Undoes the last merge of an entity named `other` (as it was named when
  // merged): the entity comes back with its id, aliases, evidence and the
  // event mentions that were its own. Mentions ingested since the merge stay
  // with the entity kept. kNotFound when no such merge is in force.
  virtual Status UnmergeEntity(std::string_view other) = 0;
  // Adds `alias` to the entity: documents that name it so resolve to it.
  virtual Status AddEntityAlias(std::string_view entity, std::string_view alias) = 0;
  // Removes `alias` from the entity, for good: later ingests neither add it
  // back nor resolve it to this entity. kNotFound when it has no such alias.
  virtual Status RemoveEntityAlias(std::string_view entity, std::string_view alias) = 0;

  // Starts the bulk path (see BulkWriter). kUnsupported on a read-only store.
  virtual Result<std::unique_ptr<BulkWriter>> Bulk(const BulkOptions& options = {}) = 0;
};

}  // namespace detente

#endif  // DETENTE_STORE_H_
