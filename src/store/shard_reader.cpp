// ShardReader: a store read back as documents with their extractions
// (detente/merge.h). It reads the tables of the current schema only through
// the SELECTs below; a schema change that adds a column the writer fills
// from an Extraction must add it here too, or merging loses it.
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "detente/json.h"
#include "detente/merge.h"
#include "detente/sqlite.h"

namespace detente {
namespace {

// Entities by row id, with every alias, loaded once: a shard is one
// partition of a corpus, and its entities are few next to its events.
using EntityMap = std::unordered_map<int64_t, Entity>;

Result<EntityMap> LoadEntities(sql::Db& db) {
  EntityMap map;
  Result<sql::Stmt> st = db.Prepare("SELECT id, name, kind, country, role FROM entities");
  if (!st.ok()) return st.status();
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    Entity& e = map[st->Int(0)];
    e.name = st->Text(1);
    e.kind = ParseEntityKind(st->Text(2));
    if (!e.kind) e.other_kind = st->Text(2);  // added by hand
    e.country = st->Text(3);  // NULL: empty
    e.role = ParseRole(st->Text(4)).value_or(Role::kNone);  // NULL or unknown: none
  }
  Result<sql::Stmt> al = db.Prepare("SELECT entity_id, alias FROM aliases ORDER BY rowid");
  if (!al.ok()) return al.status();
  for (;;) {
    Result<bool> row = al->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    auto it = map.find(al->Int(0));
    if (it != map.end()) it->second.aliases.push_back(al->Text(1));
  }
  return map;
}

// Entities that neither an event nor a document's recorded names name, in
// id order (added by hand, or stored by an older detente): they go with the
// first document.
Result<std::vector<int64_t>> LoadUnnamed(sql::Db& db) {
  Result<sql::Stmt> st = db.Prepare(
      "SELECT id FROM entities WHERE id NOT IN (SELECT actor_id FROM events "
      "UNION SELECT object_id FROM events WHERE object_id IS NOT NULL "
      "UNION SELECT place_id FROM events WHERE place_id IS NOT NULL "
      "UNION SELECT a.entity_id FROM document_entities n JOIN aliases a ON a.alias = n.name) "
      "ORDER BY id");
  if (!st.ok()) return st.status();
  std::vector<int64_t> ids;
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ids.push_back(st->Int(0));
  }
  return ids;
}

class SqliteShardReader : public ShardReader {
 public:
  SqliteShardReader(sql::Db db, std::string path) : db_(std::move(db)), path_(std::move(path)) {}

  Status Init() {
    // One snapshot for every read, should another process write the shard.
    DETENTE_RETURN_IF_ERROR(db_.Exec("BEGIN"));
    Result<EntityMap> entities = LoadEntities(db_);
    if (!entities.ok()) return entities.status();
    entities_ = std::move(*entities);
    Result<std::vector<int64_t>> unnamed = LoadUnnamed(db_);
    if (!unnamed.ok()) return unnamed.status();
    unnamed_ = std::move(*unnamed);
    Result<sql::Stmt> count = db_.Prepare("SELECT count(*) FROM documents");
    if (!count.ok()) return count.status();
    Result<bool> row = count->Step();
    if (!row.ok()) return row.status();
    documents_ = count->Int(0);
    struct {
      sql::Stmt* st;
      const char* sql;
    } stmts[] = {
        {&docs_,
         "SELECT id, source, doc_id, title, url, published, sha256 FROM documents ORDER BY id"},
        {&sentences_,
         "SELECT id, idx, in_title, start, end, text FROM sentences WHERE document_id = ? "
         "ORDER BY idx"},
        {&events_,
         "SELECT e.sentence_id, e.actor_id, e.action, e.action_class, e.object_id, e.place_id, "
         "e.event_date, e.time_text, e.negated, e.modality, e.confidence, e.cameo_code, "
         "e.quad_class, e.goldstein, e.actor_role, e.object_role, e.rule, e.actor_name, "
         "e.object_name, e.place_name FROM events e "
         "JOIN sentences s ON s.id = e.sentence_id WHERE s.document_id = ? ORDER BY e.id"},
        {&names_,
         "SELECT name, aliases, kind, country, role FROM document_entities "
         "WHERE document_id = ? ORDER BY seq"},
    };
    for (auto& s : stmts) {
      Result<sql::Stmt> st = db_.Prepare(s.sql);
      if (!st.ok()) return st.status();
      *s.st = std::move(*st);
    }
    return Status::OK();
  }

  int64_t documents() const override { return documents_; }

  Result<bool> Next(StoredDocument* out) override {
    Result<bool> row = docs_.Step();
    if (!row.ok()) return Failed(row.status());
    if (!*row) return false;
    *out = StoredDocument();
    out->row = docs_.Int(0);
    Document& d = out->doc;
    d.source = docs_.Text(1);
    d.id = docs_.Text(2);
    d.title = docs_.Text(3);
    d.url = docs_.Text(4);
    d.date = docs_.Text(5);
    d.sha256 = docs_.Text(6);
    std::unordered_map<int64_t, int> sentence_index;  // row id -> Sentence::index
    DETENTE_RETURN_IF_ERROR(ReadSentences(out->row, &out->extraction, &sentence_index));
    DETENTE_RETURN_IF_ERROR(ReadNames(out->row, &out->extraction));
    DETENTE_RETURN_IF_ERROR(ReadEvents(out->row, sentence_index, &out->extraction));
    if (first_) {  // no event names them: none of them is in the list yet
      first_ = false;
      for (int64_t id : unnamed_) out->extraction.entities.push_back(entities_.at(id));
    }
    named_.clear();
    return true;
  }

 private:
  Status Failed(const Status& s) const {
    return Status::DatabaseError(path_ + ": cannot read: " + s.message());
  }

  Status ReadSentences(int64_t doc, Extraction* x, std::unordered_map<int64_t, int>* index) {
    sentences_.Bind(1, doc);
    for (;;) {
      Result<bool> row = sentences_.Step();
      if (!row.ok()) {
        sentences_.Reset();
        return Failed(row.status());
      }
      if (!*row) break;
      Sentence s;
      s.index = static_cast<int>(sentences_.Int(1));
      s.in_title = sentences_.Int(2) != 0;
      s.begin = static_cast<size_t>(sentences_.Int(3));
      s.end = static_cast<size_t>(sentences_.Int(4));
      s.text = sentences_.Text(5);
      (*index)[sentences_.Int(0)] = s.index;
      x->sentences.push_back(std::move(s));
    }
    sentences_.Reset();
    return Status::OK();
  }

  // The names the document's extraction gave (schema 5). When there are
  // none (a document stored by an older detente), the events' entities
  // stand in for them, by their resolved names.
  Status ReadNames(int64_t doc, Extraction* x) {
    names_.Bind(1, doc);
    Status s = ReadNameRows(x);
    names_.Reset();
    raw_ = !x->entities.empty();
    return s;
  }

  Status ReadNameRows(Extraction* x) {
    for (;;) {
      Result<bool> row = names_.Step();
      if (!row.ok()) return Failed(row.status());
      if (!*row) return Status::OK();
      Entity e;
      e.name = names_.Text(0);
      if (!names_.IsNull(1)) {
        Result<JsonValue> aliases = ParseJson(names_.Text(1));
        if (!aliases.ok() || !aliases->is_array()) {
          return Failed(Status::DataError("document_entities.aliases is not a JSON array"));
        }
        for (const JsonValue& a : aliases->items()) {
          if (a.is_string()) e.aliases.push_back(a.as_string());
        }
      }
      e.kind = ParseEntityKind(names_.Text(2));  // NULL: none
      if (!e.kind) e.other_kind = names_.Text(2);
      e.country = names_.Text(3);
      e.role = ParseRole(names_.Text(4)).value_or(Role::kNone);
      x->entities.push_back(std::move(e));
    }
  }

  Status ReadEvents(int64_t doc, const std::unordered_map<int64_t, int>& sentence_index,
                    Extraction* x) {
    events_.Bind(1, doc);
    Status s = ReadEventRows(sentence_index, x);
    events_.Reset();
    return s;
  }

  Status ReadEventRows(const std::unordered_map<int64_t, int>& sentence_index, Extraction* x) {
    for (;;) {
      Result<bool> row = events_.Step();
      if (!row.ok()) return Failed(row.status());
      if (!*row) return Status::OK();
      Event e;
      e.sentence = sentence_index.at(events_.Int(0));  // the JOIN guarantees it
      const Entity* actor = AddEntity(events_.Int(1), x);
      if (!actor) return Failed(Status::DataError("an event names a missing entity"));
      e.actor = actor->name;
      e.actor_kind = actor->kind;
      e.actor_country = actor->country;
      e.action = events_.Text(2);
      e.action_class = events_.Text(3);
      if (!events_.IsNull(4)) {
        const Entity* object = AddEntity(events_.Int(4), x);
        if (!object) return Failed(Status::DataError("an event names a missing entity"));
        e.object = object->name;
        e.object_kind = object->kind;
        e.object_country = object->country;
      }
      if (!events_.IsNull(5)) {
        const Entity* place = AddEntity(events_.Int(5), x);
        if (!place) return Failed(Status::DataError("an event names a missing entity"));
        e.place = place->name;
      }
      e.time = events_.OptText(6);
      e.time_text = events_.OptText(7);
      e.negated = events_.Int(8) != 0;
      e.modality = ParseModality(events_.Text(9)).value_or(Modality::kAsserted);  // CHECKed
      e.confidence = events_.Real(10);
      // The QuadClass (column 12) is the code's; the writer derives it again.
      e.cameo_code = CameoCode::Parse(events_.Text(11));
      e.goldstein = events_.Real(13);
      e.actor_role = ParseRole(events_.Text(14)).value_or(Role::kNone);
      e.object_role = ParseRole(events_.Text(15)).value_or(Role::kNone);
      e.rule = events_.Text(16);
      if (raw_) {  // the names as extracted, which the document's names hold
        if (!events_.IsNull(17)) e.actor = events_.Text(17);
        if (!events_.IsNull(18)) e.object = events_.Text(18);
        if (!events_.IsNull(19)) e.place = events_.Text(19);
      }
      x->events.push_back(std::move(e));
    }
  }

  // Adds entity `id` to the document's entities once; nullptr when the
  // shard has no such entity.
  const Entity* AddEntity(int64_t id, Extraction* x) {
    auto it = entities_.find(id);
    if (it == entities_.end()) return nullptr;
    if (!raw_ && named_.insert(id).second) x->entities.push_back(it->second);
    return &it->second;
  }

  sql::Db db_;
  std::string path_;
  EntityMap entities_;
  std::vector<int64_t> unnamed_;
  int64_t documents_ = 0;
  bool first_ = true;
  bool raw_ = false;  // the current document has its names (ReadNames)
  std::unordered_set<int64_t> named_;  // entities of the current document
  sql::Stmt docs_, sentences_, events_, names_;
};

}  // namespace

Result<std::unique_ptr<ShardReader>> ShardReader::Open(const std::string& path) {
  // Store::Open checks that it is a detente database of this schema.
  StoreOptions options;
  options.read_only = true;
  Result<std::unique_ptr<Store>> check = Store::Open(path, options);
  if (!check.ok()) return check.status();
  check->reset();
  Result<sql::Db> db = sql::Db::Open(path, /*read_only=*/true);
  if (!db.ok()) return db.status();
  auto reader = std::make_unique<SqliteShardReader>(std::move(*db), path);
  if (Status s = reader->Init(); !s.ok()) {
    return Status::DatabaseError(path + ": cannot read: " + s.message());
  }
  return std::unique_ptr<ShardReader>(std::move(reader));
}

}  // namespace detente
