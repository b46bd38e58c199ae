// The document writer: stores one document's extraction, resolving its
// entities against those already stored and consolidating its event mentions
// into events (docs/schema.md, "Entity resolution" and "Events and
// mentions"). Private to the store.
//
// The result depends only on what the database holds and on the extraction
// given, so that replaying a stored document's extraction through it (a
// merge of shards) gives what ingesting the document gave; only the order
// of documents may differ.
//
// Ownership: borrows its connection. Thread safety: none.
#ifndef DETENTE_STORE_WRITER_H_
#define DETENTE_STORE_WRITER_H_

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "detente/input.h"
#include "detente/record.h"
#include "detente/sqlite.h"
#include "detente/status.h"

namespace detente::store_internal {

// Statements prepared once per connection, looked up by their text's address
// (each caller passes a string literal).
class StatementCache {
 public:
  explicit StatementCache(sql::Db& db) : db_(db) {}
  // The statement, reset and with its bindings cleared.
  Result<sql::Stmt*> Get(const char* sql);

 private:
  sql::Db& db_;
  std::unordered_map<const char*, sql::Stmt> stmts_;
};

// Runs `sql` with `bind` and returns the first column of its first row, or 0
// when there is no row.
template <typename Bind>
Result<int64_t> FirstId(StatementCache& cache, const char* sql, Bind bind) {
  Result<sql::Stmt*> st = cache.Get(sql);
  if (!st.ok()) return st.status();
  bind(**st);
  Result<bool> row = (*st)->Step();
  if (!row.ok()) return row.status();
  const int64_t id = *row ? (*st)->Int(0) : 0;
  (*st)->Reset();
  return id;
}

// The SHA-256 of a document's title and text, in lowercase hex: the
// identity by which documents are told apart (documents.sha256).
std::string DocumentHash(std::string_view title, std::string_view text);

// Registers the store's SQL functions on the connection, for the migrations,
// the writer and curation: detente_name_key(text) and
// detente_surname_key(text) (NameKey and SurnameKey), and
// detente_symmetric_code(code) (1 when IsSymmetricCode, else 0). SQL typed
// by users cannot call them (SQLITE_DIRECTONLY and the console's allowlist).
Status RegisterSqlFunctions(sql::Db& db);

// The CAMEO codes whose events are the same whichever side is the actor:
// meetings, talks, negotiations, agreements signed, clashes.
bool IsSymmetricCode(const CameoCode& code);

class DocumentWriter {
 public:
  explicit DocumentWriter(sql::Db& db) : db_(db), cache_(db) {}

  // Stores the document with `hash` (see Store::AddDocument), inside the
  // caller's transaction. False when a document with that hash is stored.
  Result<bool> Add(const Document& doc, const std::string& hash, const Extraction& x,
                   std::string_view extractor_version);

  // Sets the entity's kind, country and role to the best-supported value of
  // its evidence (most documents; a tie keeps the current value).
  Status Recompute(int64_t entity_id);

  // The entity `name` resolves to (curation, then every alias's key, then a
  // unique surname), or 0. `kind` decides whether surnames apply.
  Result<int64_t> Find(const std::string& name, const std::string& kind);

  // Adds `alias` to the entity (with its key), unless curation removed it.
  Status AddAlias(const std::string& alias, int64_t entity_id);

  StatementCache& cache() { return cache_; }

 private:
  struct Attributes {
    std::string kind, country;  // kind: as the database names it; "" for none
    Role role = Role::kNone;
  };
  Result<int64_t> Resolve(const std::string& name, const std::vector<std::string>& aliases,
                          const Attributes& a);
  Result<int64_t> Create(const std::string& name, const Attributes& a);
  // One document's names, as Add resolves them.
  struct Names {
    int64_t document = 0;  // documents.id
    int seq = 0;           // the next document_entities.seq
    std::unordered_map<std::string, int64_t> ids;  // NameKey of a name or alias -> entity
    std::set<std::tuple<int64_t, std::string, std::string>> evidence;  // entity, attr, value
  };
  // Resolves a name the document gives, records it (document_entities) and
  // notes the evidence its attributes give.
  Result<int64_t> Name(Names* n, const std::string& name, const std::vector<std::string>& aliases,
                       const Attributes& a);
  // The entity of a name an event uses: as the document resolved it, else
  // resolved now (Name).
  Result<int64_t> NameOf(Names* n, const std::string& name, const Attributes& a);
  // Stores one event mention and joins it to its event (Consolidate).
  Status AddEvent(const Document& doc, const Event& ev, int64_t sentence_row,
                  std::string_view extractor_version, Names* n);
  // Adds the document's evidence and recomputes the entities it touched.
  Status AddEvidence(const Names& n);
  Status Consolidate(int64_t mention_id, int64_t document_id, const Event& ev, int64_t actor,
                     int64_t object, const std::string& day);
  Status LoadCuration();
  bool Blocked(int64_t entity_id, const std::string& key) const;

  sql::Db& db_;
  StatementCache cache_;
  // Active curation, loaded per document: key of a name -> the entity name
  // it was merged into or added to; (entity id, key) pairs an analyst removed.
  std::unordered_map<std::string, std::string> curated_;
  std::unordered_map<std::string, std::vector<int64_t>> removed_;
};

}  // namespace detente::store_internal

#endif  // DETENTE_STORE_WRITER_H_
