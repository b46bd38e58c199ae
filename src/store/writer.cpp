#include "store/writer.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <unordered_set>
#include <utility>
#include <vector>

#include "detente/json.h"
#include "detente/names.h"
#include "detente/types.h"
#include "store/columns.h"
#include "util/sha256.h"

namespace detente::store_internal {

std::string DocumentHash(std::string_view title, std::string_view text) {
  Sha256 h;
  h.Update(title);
  h.Update(std::string_view("\0", 1));  // so that title/text boundaries matter
  h.Update(text);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : h.Final()) {
    out += kHex[b >> 4];
    out += kHex[b & 0xF];
  }
  return out;
}
namespace {

constexpr const char* kUnknownKind = "unknown";

// A role as the database stores it: its code, or NULL for none.
std::optional<std::string> RoleOrNull(Role r) {
  if (r == Role::kNone) return std::nullopt;
  return RoleName(r);
}

// A record's kind as the database names it; "" for none.
std::string KindName(const std::optional<EntityKind>& k, const std::string& other = {}) {
  return k ? EntityKindName(*k) : other;
}

std::optional<std::string> NonEmpty(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

// document_entities.aliases: a JSON array, or NULL when there are none.
std::optional<std::string> AliasesJson(const std::vector<std::string>& aliases) {
  if (aliases.empty()) return std::nullopt;
  JsonWriter w;
  w.BeginArray();
  for (const std::string& a : aliases) w.String(a);
  w.EndArray();
  return w.Take();
}

// True for "yyyy", "yyyy-mm" and "yyyy-mm-dd".
bool IsIsoDate(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

// What two mentions must share to be one event, besides actor and object:
// the CAMEO root (the class's, when there is no code), else the action.
std::string ClassKey(const Event& ev) {
  if (ev.cameo_code) return ev.cameo_code->root_code().str();
  if (ev.action_class.size() >= 2) return ev.action_class.substr(0, 2);
  return ev.action;
}
// The same, in SQL, for a stored mention `e`.
#define DETENTE_CLASS_KEY \
  "COALESCE(substr(e.cameo_code, 1, 2), substr(e.action_class, 1, 2), e.action)"
// The day of a stored mention: its own full date, else its document's.
#define DETENTE_DAY \
  "COALESCE(CASE WHEN length(e.event_date) = 10 THEN e.event_date END, d.published)"

}  // namespace

Status RegisterSqlFunctions(sql::Db& db) {
  using Fn = std::string (*)(std::string_view);
  struct {
    const char* name;
    Fn fn;
  } fns[] = {{"detente_name_key", [](std::string_view s) { return NameKey(s); }},
             {"detente_surname_key", [](std::string_view s) { return SurnameKey(s); }}};
  for (auto& f : fns) {
    auto call = [](sqlite3_context* ctx, int, sqlite3_value** argv) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
      if (!text) return sqlite3_result_null(ctx);
      const auto fn = reinterpret_cast<Fn>(sqlite3_user_data(ctx));
      const std::string out =
          fn(std::string_view(text, static_cast<size_t>(sqlite3_value_bytes(argv[0]))));
      sqlite3_result_text(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
    };
    if (sqlite3_create_function(db.get(), f.name, 1,
                                SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                                reinterpret_cast<void*>(f.fn), call, nullptr,
                                nullptr) != SQLITE_OK) {
      return db.Error("registering the name functions");
    }
  }
  // The one list of symmetric codes, for SQL too (curation's Reconsolidate).
  auto symmetric = [](sqlite3_context* ctx, int, sqlite3_value** argv) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
    const std::optional<CameoCode> code =
        text ? CameoCode::Parse(std::string_view(
                   text, static_cast<size_t>(sqlite3_value_bytes(argv[0]))))
             : std::nullopt;
    sqlite3_result_int(ctx, code && IsSymmetricCode(*code));
  };
  if (sqlite3_create_function(db.get(), "detente_symmetric_code", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, nullptr,
                              symmetric, nullptr, nullptr) != SQLITE_OK) {
    return db.Error("registering detente_symmetric_code");
  }
  return Status::OK();
}

bool IsSymmetricCode(const CameoCode& code) {
  static const CameoCode kSymmetric[] = {*CameoCode::Parse("040"), *CameoCode::Parse("044"),
                                         *CameoCode::Parse("046"), *CameoCode::Parse("057"),
                                         *CameoCode::Parse("190")};
  return std::find(std::begin(kSymmetric), std::end(kSymmetric), code) != std::end(kSymmetric);
}

Result<sql::Stmt*> StatementCache::Get(const char* sql) {
  auto it = stmts_.find(sql);
  if (it == stmts_.end()) {
    Result<sql::Stmt> st = db_.Prepare(sql);
    if (!st.ok()) return st.status();
    it = stmts_.emplace(sql, std::move(*st)).first;
  } else {
    it->second.Reset();
    sqlite3_clear_bindings(it->second.get());
  }
  return &it->second;
}

Status DocumentWriter::LoadCuration() {
  curated_.clear();
  removed_.clear();
  Result<sql::Stmt*> st = cache_.Get(
      "SELECT c.op, c.entity, c.other_key, e.id FROM curation c "
      "LEFT JOIN entities e ON e.name = c.entity WHERE c.undone_at IS NULL ORDER BY c.id");
  if (!st.ok()) return st.status();
  for (;;) {
    Result<bool> row = (*st)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const std::string op = (*st)->Text(0);
    if (op == "alias remove") {
      if (!(*st)->IsNull(3)) removed_[(*st)->Text(2)].push_back((*st)->Int(3));
    } else {
      curated_[(*st)->Text(2)] = (*st)->Text(1);
    }
  }
  (*st)->Reset();
  return Status::OK();
}

bool DocumentWriter::Blocked(int64_t entity_id, const std::string& key) const {
  auto it = removed_.find(key);
  return it != removed_.end() &&
         std::find(it->second.begin(), it->second.end(), entity_id) != it->second.end();
}

Status DocumentWriter::AddAlias(const std::string& alias, int64_t entity_id) {
  const std::string key = NameKey(alias);
  if (Blocked(entity_id, key)) return Status::OK();
  Result<sql::Stmt*> st =
      cache_.Get("INSERT OR IGNORE INTO aliases(alias, entity_id, key) VALUES (?, ?, ?)");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, alias).Bind(2, entity_id).Bind(3, key);
  return (*st)->Run();
}

Result<int64_t> DocumentWriter::Find(const std::string& name, const std::string& kind) {
  const std::string key = NameKey(name);
  if (key.empty()) return int64_t{0};
  if (auto c = curated_.find(key); c != curated_.end()) {
    Result<int64_t> id = FirstId(cache_, "SELECT id FROM entities WHERE name = ?",
                                 [&](sql::Stmt& s) { s.Bind(1, c->second); });
    if (!id.ok() || *id) return id;
  }
  // Every entity holding the key; the oldest wins when several do (they
  // were kept apart before this schema, or by an analyst).
  Result<sql::Stmt*> st = cache_.Get(
      "SELECT DISTINCT entity_id FROM aliases WHERE key = ?1 OR alias = ?2 "
      "ORDER BY entity_id");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, key).Bind(2, name);
  int64_t found = 0;
  for (;;) {
    Result<bool> row = (*st)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const int64_t id = (*st)->Int(0);
    if (!Blocked(id, key)) {
      found = id;
      break;
    }
  }
  (*st)->Reset();
  if (found || (!IsKind(kind, EntityKind::kPerson) && !IsKind(kind, EntityKind::kUnknown) &&
                !kind.empty())) {
    return found;
  }
  // A one-word name of a person: the one person whose name ends with it.
  if (key.find(' ') != std::string::npos) return int64_t{0};
  Result<sql::Stmt*> sn = cache_.Get(
      "SELECT id FROM entities WHERE surname = ? AND kind = 'person' ORDER BY id LIMIT 2");
  if (!sn.ok()) return sn.status();
  (*sn)->Bind(1, key);
  std::vector<int64_t> ids;
  for (;;) {
    Result<bool> row = (*sn)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ids.push_back((*sn)->Int(0));
  }
  (*sn)->Reset();
  return ids.size() == 1 && !Blocked(ids[0], key) ? ids[0] : int64_t{0};
}

Result<int64_t> DocumentWriter::Create(const std::string& name, const Attributes& a) {
  const std::string kind = a.kind.empty() ? kUnknownKind : a.kind;
  const std::string surname = IsKind(kind, EntityKind::kPerson) ? SurnameKey(name) : "";
  // A person first named by surname alone ("Dagalo") takes the full name
  // when it comes ("Mohamed Hamdan Dagalo"), if no other person has it.
  if (!surname.empty()) {
    Result<int64_t> one_word = FirstId(
        cache_,
        "SELECT e.id FROM entities e WHERE e.kind = 'person' AND e.surname IS NULL AND "
        "EXISTS (SELECT 1 FROM aliases a WHERE a.entity_id = e.id AND a.key = ?1) AND "
        "NOT EXISTS (SELECT 1 FROM entities o WHERE o.surname = ?1 AND o.kind = 'person')",
        [&](sql::Stmt& s) { s.Bind(1, surname); });
    if (!one_word.ok()) return one_word.status();
    if (*one_word && !Blocked(*one_word, surname)) {
      Result<sql::Stmt*> up = cache_.Get("UPDATE entities SET name = ?, surname = ? WHERE id = ?");
      if (!up.ok()) return up.status();
      (*up)->Bind(1, name).Bind(2, surname).Bind(3, *one_word);
      DETENTE_RETURN_IF_ERROR((*up)->Run());
      return *one_word;
    }
  }
  // ON CONFLICT: a name stored without keys (the bulk loader, sql --write).
  Result<sql::Stmt*> st = cache_.Get(
      "INSERT INTO entities(name, kind, country, role, surname) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT(name) DO UPDATE SET kind = entities.kind RETURNING id");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, name).Bind(2, kind).Bind(3, NonEmpty(a.country)).Bind(4, RoleOrNull(a.role));
  (*st)->Bind(5, NonEmpty(surname));
  Result<bool> row = (*st)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal("entity insert returned no id");
  const int64_t id = (*st)->Int(0);
  DETENTE_RETURN_IF_ERROR((*st)->Run());  // finish the statement
  return id;
}

Result<int64_t> DocumentWriter::Resolve(const std::string& name,
                                        const std::vector<std::string>& aliases,
                                        const Attributes& a) {
  Result<int64_t> id = Find(name, a.kind);
  for (size_t i = 0; id.ok() && *id == 0 && i < aliases.size(); ++i) {
    if (aliases[i] != name) id = Find(aliases[i], a.kind);
  }
  if (!id.ok()) return id;
  if (*id == 0) {
    id = Create(name, a);
    if (!id.ok()) return id;
  }
  DETENTE_RETURN_IF_ERROR(AddAlias(name, *id));
  for (const std::string& alias : aliases) {
    if (!alias.empty()) DETENTE_RETURN_IF_ERROR(AddAlias(alias, *id));
  }
  return id;
}

Status DocumentWriter::Recompute(int64_t entity_id) {
  // The kind 'unknown' loses to any evidence; a tie keeps what is stored.
  Result<sql::Stmt*> st = cache_.Get(
      "UPDATE entities SET "
      " kind = COALESCE((SELECT v.value FROM entity_evidence v WHERE v.entity_id = ?1 "
      "   AND v.attr = 'kind' ORDER BY v.n DESC, v.value IS (SELECT x.kind FROM entities x WHERE x.id = ?1) DESC, v.value LIMIT 1),"
      "   kind),"
      " country = COALESCE((SELECT v.value FROM entity_evidence v WHERE v.entity_id = ?1 "
      "   AND v.attr = 'country' ORDER BY v.n DESC, v.value IS (SELECT x.country FROM entities x WHERE x.id = ?1) DESC, v.value "
      "   LIMIT 1), country),"
      " role = COALESCE((SELECT v.value FROM entity_evidence v WHERE v.entity_id = ?1 "
      "   AND v.attr = 'role' ORDER BY v.n DESC, v.value IS (SELECT x.role FROM entities x WHERE x.id = ?1) DESC, v.value "
      "   LIMIT 1), role) "
      "WHERE id = ?1");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, entity_id);
  DETENTE_RETURN_IF_ERROR((*st)->Run());
  // A person's surname key, for one-word look-ups (detente_surname_key is
  // the store's own SQL function, NameKey's last word).
  Result<sql::Stmt*> sn = cache_.Get(
      "UPDATE entities SET surname = CASE WHEN kind = 'person' "
      "THEN nullif(detente_surname_key(name), '') END WHERE id = ?");
  if (!sn.ok()) return sn.status();
  (*sn)->Bind(1, entity_id);
  return (*sn)->Run();
}

Status DocumentWriter::Consolidate(int64_t mention_id, int64_t document_id, const Event& ev,
                                   int64_t actor, int64_t object, const std::string& day) {
  const bool symmetric = object != 0 && ev.cameo_code && IsSymmetricCode(*ev.cameo_code);
  Result<int64_t> head = FirstId(
      cache_,
      "SELECT e.id FROM events e JOIN sentences s ON s.id = e.sentence_id "
      "JOIN documents d ON d.id = s.document_id "
      "WHERE e.head_id = e.id AND e.id <> ?1 AND e.negated = ?2 AND e.modality = ?3 "
      "AND " DETENTE_CLASS_KEY " = ?4 "
      "AND ((e.actor_id = ?5 AND e.object_id IS ?6) OR (?7 AND e.actor_id = ?6 AND "
      "e.object_id = ?5)) "
      "AND ((?8 IS NULL AND " DETENTE_DAY " IS NULL AND s.document_id = ?9) OR "
      "abs(julianday(" DETENTE_DAY ") - julianday(?8)) <= 1) "
      "ORDER BY e.id LIMIT 1",
      [&](sql::Stmt& s) {
        s.Bind(1, mention_id).Bind(2, ev.negated ? 1 : 0);
        s.Bind(3, ModalityName(ev.modality));
        s.Bind(4, ClassKey(ev)).Bind(5, actor);
        if (object) {
          s.Bind(6, object);
        } else {
          s.BindNull(6);
        }
        s.Bind(7, symmetric ? 1 : 0).Bind(8, NonEmpty(day)).Bind(9, document_id);
      });
  if (!head.ok()) return head.status();
  Result<sql::Stmt*> st = cache_.Get("UPDATE events SET head_id = ? WHERE id = ?");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, *head ? *head : mention_id).Bind(2, mention_id);
  return (*st)->Run();
}

Result<int64_t> DocumentWriter::Name(Names* n, const std::string& name,
                                     const std::vector<std::string>& aliases,
                                     const Attributes& a) {
  Result<int64_t> id = Resolve(name, aliases, a);
  if (!id.ok()) return id;
  // What the document named, in the order resolved, so that a merge can
  // resolve it again (shard_reader.cpp).
  Result<sql::Stmt*> st = cache_.Get(
      "INSERT INTO document_entities(document_id, seq, name, aliases, kind, country, role) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, n->document).Bind(2, n->seq++).Bind(3, name).Bind(4, AliasesJson(aliases));
  (*st)->Bind(5, NonEmpty(a.kind)).Bind(6, NonEmpty(a.country)).Bind(7, RoleOrNull(a.role));
  DETENTE_RETURN_IF_ERROR((*st)->Run());
  // Each document counts once as evidence for each attribute value.
  if (!a.kind.empty() && a.kind != kUnknownKind) n->evidence.emplace(*id, "kind", a.kind);
  if (!a.country.empty()) n->evidence.emplace(*id, "country", a.country);
  if (a.role != Role::kNone) n->evidence.emplace(*id, "role", RoleName(a.role));
  n->ids[NameKey(name)] = *id;
  return id;
}

Result<int64_t> DocumentWriter::NameOf(Names* n, const std::string& name, const Attributes& a) {
  auto it = n->ids.find(NameKey(name));
  if (it != n->ids.end()) return it->second;
  return Name(n, name, {}, a);
}

Status DocumentWriter::AddEvent(const Document& doc, const Event& ev, int64_t sentence_row,
                                std::string_view extractor_version, Names* n) {
  if (ev.actor.empty() || ev.action.empty()) {
    return Status::DataError("event without actor or action in sentence " +
                             std::to_string(ev.sentence));
  }
  Result<int64_t> actor =
      NameOf(n, ev.actor, {KindName(ev.actor_kind), ev.actor_country, ev.actor_role});
  if (!actor.ok()) return actor.status();
  std::optional<int64_t> object, place;
  if (ev.object && !ev.object->empty()) {
    Result<int64_t> id =
        NameOf(n, *ev.object, {KindName(ev.object_kind), ev.object_country, ev.object_role});
    if (!id.ok()) return id.status();
    object = *id;
  }
  if (ev.place && !ev.place->empty()) {
    Result<int64_t> id = NameOf(n, *ev.place, {});
    if (!id.ok()) return id.status();
    place = *id;
  }
  std::optional<std::string> date, time_text = ev.time_text;
  if (ev.time && IsIsoDate(*ev.time)) {
    date = *ev.time;
  } else if (ev.time && !time_text) {
    time_text = ev.time;
  }
  Result<sql::Stmt*> ins = cache_.Get(
      "INSERT INTO events(sentence_id, actor_id, action, action_class, object_id, place_id, "
      "event_date, time_text, negated, modality, confidence, extractor_version, cameo_code, "
      "quad_class, goldstein, actor_role, object_role, rule, actor_name, object_name, place_name) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!ins.ok()) return ins.status();
  sql::Stmt& st = **ins;
  st.Bind(1, sentence_row).Bind(2, *actor).Bind(3, ev.action).Bind(4, NonEmpty(ev.action_class));
  st.Bind(5, object).Bind(6, place).Bind(7, date).Bind(8, time_text);
  st.Bind(9, ev.negated ? 1 : 0);
  st.Bind(10, ModalityName(ev.modality));
  st.Bind(11, ev.confidence).Bind(12, extractor_version);
  if (ev.cameo_code) {
    st.Bind(13, ev.cameo_code->str());
    st.Bind(14, static_cast<int>(ev.cameo_code->quad_class())).Bind(15, ev.goldstein);
  } else {
    st.BindNull(13).BindNull(14).BindNull(15);
  }
  st.Bind(16, RoleOrNull(ev.actor_role)).Bind(17, RoleOrNull(ev.object_role));
  st.Bind(18, NonEmpty(ev.rule)).Bind(19, ev.actor);
  st.Bind(20, ev.object ? NonEmpty(*ev.object) : std::nullopt);
  st.Bind(21, ev.place ? NonEmpty(*ev.place) : std::nullopt);
  // The schema's constraints refuse bad values (e.g. a NaN confidence):
  // that is bad data from the extractor, not a broken database.
  Status s = st.Run();
  if (!s.ok()) return Status::DataError("event refused: " + s.message());
  const int64_t mention = db_.LastInsertRowId();
  const std::string day =
      date && date->size() == 10 ? *date : (doc.date.size() == 10 ? doc.date : "");
  return Consolidate(mention, n->document, ev, *actor, object.value_or(0), day);
}

Status DocumentWriter::AddEvidence(const Names& n) {
  Result<sql::Stmt*> st = cache_.Get(
      "INSERT INTO entity_evidence(entity_id, attr, value, n) VALUES (?, ?, ?, 1) "
      "ON CONFLICT DO UPDATE SET n = n + 1");
  if (!st.ok()) return st.status();
  std::set<int64_t> touched;
  for (const auto& [id, attr, value] : n.evidence) {
    (*st)->Bind(1, id).Bind(2, attr).Bind(3, value);
    DETENTE_RETURN_IF_ERROR((*st)->Run());
    touched.insert(id);
  }
  // Then each touched entity's best-supported attributes.
  for (int64_t id : touched) DETENTE_RETURN_IF_ERROR(Recompute(id));
  return Status::OK();
}

Result<bool> DocumentWriter::Add(const Document& doc, const std::string& hash,
                                 const Extraction& x, std::string_view extractor_version) {
  Result<int64_t> found = FirstId(cache_, "SELECT id FROM documents WHERE sha256 = ?",
                                  [&](sql::Stmt& s) { s.Bind(1, hash); });
  if (!found.ok()) return found.status();
  if (*found) return false;
  DETENTE_RETURN_IF_ERROR(LoadCuration());

  Result<sql::Stmt*> ins_doc = cache_.Get(
      "INSERT INTO " DETENTE_DOCUMENTS_COLUMNS " VALUES (?, ?, ?, ?, ?, ?)");
  if (!ins_doc.ok()) return ins_doc.status();
  const std::string source =
      doc.line > 0 ? doc.source + "#" + std::to_string(doc.line) : doc.source;
  (*ins_doc)->Bind(1, source).Bind(2, NonEmpty(doc.id)).Bind(3, NonEmpty(doc.title));
  (*ins_doc)->Bind(4, NonEmpty(doc.url)).Bind(5, NonEmpty(doc.date)).Bind(6, hash);
  DETENTE_RETURN_IF_ERROR((*ins_doc)->Run());
  Names names;
  names.document = db_.LastInsertRowId();

  Result<sql::Stmt*> ins_sent = cache_.Get(
      "INSERT INTO " DETENTE_SENTENCES_COLUMNS " VALUES (?, ?, ?, ?, ?, ?)");
  if (!ins_sent.ok()) return ins_sent.status();
  std::unordered_map<int, int64_t> sentence_rows;
  for (const Sentence& s : x.sentences) {
    (*ins_sent)->Bind(1, names.document).Bind(2, s.index).Bind(3, s.in_title ? 1 : 0);
    (*ins_sent)->Bind(4, static_cast<int64_t>(s.begin)).Bind(5, static_cast<int64_t>(s.end));
    (*ins_sent)->Bind(6, s.text);
    DETENTE_RETURN_IF_ERROR((*ins_sent)->Run());
    sentence_rows[s.index] = db_.LastInsertRowId();
  }

  for (const Entity& e : x.entities) {
    Result<int64_t> id =
        Name(&names, e.name, e.aliases, {KindName(e.kind, e.other_kind), e.country, e.role});
    if (!id.ok()) return id.status();
    for (const std::string& alias : e.aliases) names.ids.emplace(NameKey(alias), *id);
  }
  for (const Event& ev : x.events) {
    auto sent = sentence_rows.find(ev.sentence);
    if (sent == sentence_rows.end()) {
      return Status::DataError("event refers to sentence " + std::to_string(ev.sentence) +
                               ", which the extraction does not have");
    }
    DETENTE_RETURN_IF_ERROR(AddEvent(doc, ev, sent->second, extractor_version, &names));
  }
  DETENTE_RETURN_IF_ERROR(AddEvidence(names));
  return true;
}

}  // namespace detente::store_internal
