// GraphReader: loads graphs, resolves names and fetches sentences from a
// detente database opened read-only.
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "detente/graph.h"
#include "detente/names.h"
#include "detente/sqlite.h"
#include "detente/store.h"
#include "detente/suggest.h"
#include "graph/load_sql.h"
#include "graph/snapshot.h"

namespace detente {
namespace {

using graph_internal::GraphData;
using graph_internal::ReadSnapshot;
using graph_internal::SnapshotKey;
using graph_internal::WriteSnapshot;

using graph_internal::kEventDate;

// SQL text plus the values for its '?' placeholders, in order. Only fixed
// fragments and '?' are ever appended to `sql`: values are always bound.
struct Query {
  std::string sql;
  std::vector<std::string> values;

  void Placeholders(size_t n) {
    for (size_t i = 0; i < n; ++i) sql += i ? ",?" : "?";
  }
  void InList(const std::vector<std::string>& list) {
    sql += " IN (";
    Placeholders(list.size());
    sql += ")";
    values.insert(values.end(), list.begin(), list.end());
  }
};

// Appends " AND ..." conditions on the events alias `e` for every filter but
// kinds. `date_expr` is the SQL of the event's date.
void AppendEventFilters(const GraphFilter& f, const std::string& date_expr, Query* q) {
  if (!f.include_negated) q->sql += " AND e.negated = 0";
  if (!f.include_future) q->sql += " AND e.modality = 'asserted'";
  if (!f.since.empty()) {
    q->sql += " AND " + date_expr + " >= ?";
    q->values.push_back(f.since);
  }
  if (!f.until.empty()) {
    // Inclusive on the prefix: until "2023-06" keeps "2023-06-30".
    q->sql += " AND substr(" + date_expr + ", 1, " + std::to_string(f.until.size()) + ") <= ?";
    q->values.push_back(f.until);
  }
  if (!f.actions.empty()) {
    q->sql += " AND e.action";
    q->InList(f.actions);
  }
  if (!f.classes.empty()) {
    q->sql += " AND (";
    for (size_t i = 0; i < f.classes.size(); ++i) {
      if (i) q->sql += " OR ";
      q->sql += std::string("substr(") + kEventCodeSql + ", 1, length(?)) = ?";
      q->values.push_back(f.classes[i]);
      q->values.push_back(f.classes[i]);
    }
    q->sql += ")";
  }
}

std::string_view ColumnView(const sql::Stmt& s, int col) {
  const unsigned char* p = sqlite3_column_text(s.get(), col);
  if (!p) return {};
  return {reinterpret_cast<const char*>(p),
          static_cast<size_t>(sqlite3_column_bytes(s.get(), col))};
}

// Interns strings: each distinct value is stored once; id 0 is "".
class StringPool {
 public:
  StringPool() {
    strings_.emplace_back();
    ids_.emplace(std::string_view(strings_.back()), 0);
  }
  uint32_t Intern(std::string_view s) {
    auto it = ids_.find(s);
    if (it != ids_.end()) return it->second;
    uint32_t id = static_cast<uint32_t>(strings_.size());
    strings_.emplace_back(s);  // deque: earlier elements never move
    ids_.emplace(std::string_view(strings_.back()), id);
    return id;
  }
  std::deque<std::string> Take() { return std::move(strings_); }

 private:
  std::deque<std::string> strings_;
  std::unordered_map<std::string_view, uint32_t> ids_;
};

Modality ModalityOf(std::string_view m) {
  return ParseModality(m).value_or(Modality::kAsserted);
}

// A role as stored; NULL, '' or a code detente does not know is none.
Role RoleOf(std::string_view text) { return ParseRole(text).value_or(Role::kNone); }

GraphEntity EntityFromRow(const sql::Stmt& s) {
  GraphEntity e{s.Int(0), s.Text(1), s.Text(2), s.Text(3), Role::kNone};
  if (s.ColumnCount() > 4) e.role = RoleOf(ColumnView(s, 4));
  return e;
}

std::string Describe(const GraphEntity& e) {
  std::string out = e.name + " (" + e.kind;
  if (!e.country.empty()) out += ", " + e.country;
  out += ", #" + std::to_string(e.id) + ")";
  return out;
}

// Refuses filter values that can only be typos: a kind neither detente nor
// the database knows, an action no event has while one that does is a typo
// away. `kinds` and `actions` are those in the database.
Status CheckValues(const GraphFilter& f, std::vector<std::string> kinds,
                   const std::vector<std::string>& actions) {
  std::sort(kinds.begin(), kinds.end());
  for (const std::string& k : f.kinds) {
    const bool known = ParseEntityKind(k).has_value();
    if (known || std::binary_search(kinds.begin(), kinds.end(), k)) continue;
    std::vector<std::string> all;
    for (EntityKind known_kind : kEntityKinds) all.push_back(EntityKindName(known_kind));
    all.insert(all.end(), kinds.begin(), kinds.end());
    const std::string near = Nearest(k, all);
    std::string listed;
    for (const std::string& x : kinds) listed += (listed.empty() ? "" : ", ") + x;
    return Status::InvalidArgument(
        "--kind \"" + k + "\": no entity has this kind" +
        (near.empty() ? "" : " (did you mean \"" + near + "\"?)") +
        "; kinds in this database: " + (listed.empty() ? "none" : listed));
  }
  for (const std::string& a : f.actions) {
    if (std::find(actions.begin(), actions.end(), a) != actions.end()) continue;
    const std::string near = Nearest(a, actions);
    if (!near.empty()) {
      return Status::InvalidArgument("--action \"" + a +
                                     "\": no event has this action (did you "
                                     "mean \"" +
                                     near + "\"?)");
    }
  }
  return Status::OK();
}

// Entity id -> vertex while loading: a dense table when ids are compact,
// else a hash map. The hash map was the hottest spot of a 1M-event load.
class IdIndex {
 public:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;
  explicit IdIndex(const std::vector<GraphEntity>& entities) {
    int64_t max_id = -1;
    bool dense = true;
    for (const GraphEntity& e : entities) {
      if (e.id < 0) dense = false;
      max_id = std::max(max_id, e.id);
    }
    if (dense && max_id < 4 * static_cast<int64_t>(entities.size()) + 1024) {
      dense_.assign(static_cast<size_t>(max_id + 1), kNone);
      for (uint32_t v = 0; v < entities.size(); ++v) dense_[entities[v].id] = v;
    } else {
      sparse_.reserve(entities.size());
      for (uint32_t v = 0; v < entities.size(); ++v) sparse_.emplace(entities[v].id, v);
    }
  }
  uint32_t Find(int64_t id) const {
    if (sparse_.empty()) {
      return id >= 0 && static_cast<uint64_t>(id) < dense_.size() ? dense_[id] : kNone;
    }
    auto it = sparse_.find(id);
    return it == sparse_.end() ? kNone : it->second;
  }

 private:
  std::vector<uint32_t> dense_;
  std::unordered_map<int64_t, uint32_t> sparse_;
};

class SqliteGraphReader : public GraphReader {
 public:
  SqliteGraphReader(sql::Db db, const std::string& path, const GraphReaderOptions& options)
      : db_(std::move(db)),
        options_(options),
        snapshot_path_(options.snapshot_path.empty() ? path + ".graph" : options.snapshot_path) {}

  Result<Graph> Load(const GraphFilter& filter) override;
  const LoadInfo& last_load() const override { return info_; }
  Result<GraphEntity> Resolve(std::string_view name) override;
  Result<std::vector<GraphEntity>> Candidates(std::string_view name) override;
  Result<std::unordered_map<int64_t, std::string>> Sentences(
      const std::vector<int64_t>& sentence_ids) override;
  Status ForEachSentence(const std::vector<int64_t>& sentence_ids,
                         const std::function<void(int64_t, std::string_view)>& fn) override;
  Result<std::unordered_map<int64_t, std::vector<EventMention>>> Mentions(
      const std::vector<int64_t>& event_ids) override;
  Result<EntityReport> Describe(int64_t entity_id, const GraphFilter& filter) override;

 private:
  Result<std::vector<GraphEntity>> Rows(std::string_view sql, std::string_view arg);
  Result<GraphData> LoadFromSql();
  Result<std::optional<SnapshotKey>> Key();
  // The unfiltered graph, from the snapshot or SQLite (then saved).
  Result<GraphData> Data();

  sql::Db db_;
  GraphReaderOptions options_;
  std::string snapshot_path_;
  LoadInfo info_;
};

// Every entity, and every event with an object, unfiltered, in one pass each.
Result<GraphData> SqliteGraphReader::LoadFromSql() {
  GraphData data;
  auto es = db_.Prepare(
      "SELECT id, name, kind, COALESCE(country, ''), COALESCE(role, '') FROM entities "
      "ORDER BY id");
  if (!es.ok()) return es.status();
  for (;;) {
    auto row = es->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    data.entities.push_back(EntityFromRow(*es));
  }
  data.by_name = Graph::NameOrder(data.entities);
  IdIndex vertex_of(data.entities);

  auto stmt = db_.Prepare(graph_internal::LoadEventsSql());
  if (!stmt.ok()) return stmt.status();
  StringPool pool;
  // The code of an event without one is its class's first two bytes, as
  // kEventCodeSql has it (the same for every digit prefix a filter may
  // hold), found once per class: substr() in the query cost 0.17 s per
  // million events.
  constexpr uint32_t kUnset = 0xFFFFFFFFu;
  std::vector<uint32_t> root_of_class;
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    uint32_t actor = vertex_of.Find(stmt->Int(2));
    uint32_t object = vertex_of.Find(stmt->Int(3));
    if (actor == IdIndex::kNone || object == IdIndex::kNone) continue;
    GraphEvent ev;
    ev.id = stmt->Int(0);
    ev.sentence_id = stmt->Int(1);
    ev.actor = actor;
    ev.object = object;
    ev.action = pool.Intern(ColumnView(*stmt, 4));
    ev.action_class = pool.Intern(ColumnView(*stmt, 5));
    ev.date = pool.Intern(ColumnView(*stmt, 6));
    ev.modality = ModalityOf(ColumnView(*stmt, 7));
    ev.negated = stmt->Int(8) != 0;
    if (sqlite3_column_type(stmt->get(), 9) != SQLITE_NULL) {
      ev.cameo_code = pool.Intern(ColumnView(*stmt, 9));
    } else {
      if (ev.action_class >= root_of_class.size()) {
        root_of_class.resize(ev.action_class + 1, kUnset);
      }
      uint32_t& root = root_of_class[ev.action_class];
      if (root == kUnset) root = pool.Intern(ColumnView(*stmt, 5).substr(0, 2));
      ev.cameo_code = root;
    }
    data.events.push_back(ev);
  }
  // Deterministic edge order whatever plan SQLite chose (a rowid scan is
  // already in order).
  auto by_id = [](const GraphEvent& a, const GraphEvent& b) { return a.id < b.id; };
  if (!std::is_sorted(data.events.begin(), data.events.end(), by_id)) {
    std::sort(data.events.begin(), data.events.end(), by_id);
  }
  data.strings = pool.Take();
  return data;
}

// The generation row of schema 2; nullopt on an older schema.
Result<std::optional<SnapshotKey>> SqliteGraphReader::Key() {
  auto st = db_.Prepare("SELECT db_id, n FROM generation WHERE id = 1");
  if (!st.ok()) return std::optional<SnapshotKey>();  // schema 1: no table
  auto row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<SnapshotKey>();
  return std::optional<SnapshotKey>(SnapshotKey{st->Text(0), st->Int(1)});
}

Result<GraphData> SqliteGraphReader::Data() {
  info_ = LoadInfo();
  // One read transaction, so that the generation read matches the rows read.
  DETENTE_RETURN_IF_ERROR(db_.Exec("BEGIN"));
  struct EndRead {
    sql::Db& db;
    ~EndRead() { db.Exec("COMMIT"); }
  } end_read{db_};
  auto key = Key();
  if (!key.ok()) return key.status();
  const bool snapshots = options_.use_snapshot && key->has_value();
  if (snapshots) {
    auto snap = ReadSnapshot(snapshot_path_, **key);
    if (snap.ok()) {
      info_.from_snapshot = true;
      return snap;
    }
    info_.note = snap.status().message();
  } else if (options_.use_snapshot) {
    info_.note = "no generation counter (schema 1): snapshot not used";
  }
  auto loaded = LoadFromSql();
  if (!loaded.ok()) return loaded.status();
  if (snapshots) {
    // A cache: when it cannot be written (read-only directory, full disk),
    // the answer is the same, only the next command is slower.
    Status w = WriteSnapshot(snapshot_path_, **key, *loaded);
    info_.snapshot_written = w.ok();
    if (!w.ok()) info_.note = w.message();
  }
  return loaded;
}

Result<Graph> SqliteGraphReader::Load(const GraphFilter& filter) {
  DETENTE_RETURN_IF_ERROR(filter.Validate());
  auto data = Data();
  if (!data.ok()) return data.status();
  GraphData& d = *data;
  if (!filter.kinds.empty() || !filter.actions.empty()) {
    std::vector<std::string> kinds, actions;
    for (const GraphEntity& e : d.entities) kinds.push_back(e.kind);
    std::sort(kinds.begin(), kinds.end());
    kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
    if (!filter.actions.empty()) {
      std::vector<char> used(d.strings.size());
      for (const GraphEvent& e : d.events) used[e.action] = 1;
      for (size_t i = 1; i < used.size(); ++i) {
        if (used[i]) actions.push_back(d.strings[i]);
      }
    }
    DETENTE_RETURN_IF_ERROR(CheckValues(filter, std::move(kinds), actions));
  }

  // Entities of an allowed role (before the vertices are renumbered).
  std::vector<char> role_ok;
  if (!filter.roles.empty()) {
    role_ok.resize(d.entities.size());
    for (size_t v = 0; v < d.entities.size(); ++v) {
      role_ok[v] = std::find(filter.roles.begin(), filter.roles.end(), d.entities[v].role) !=
                   filter.roles.end();
    }
  }

  // Vertices: entities of an allowed kind, renumbered in id order. The data
  // is ours, so it is filtered in place: no copy of a million events.
  constexpr uint32_t kNone = 0xFFFFFFFFu;
  std::vector<uint32_t> vertex;
  if (!filter.kinds.empty()) {
    vertex.assign(d.entities.size(), kNone);
    uint32_t kept = 0;
    for (uint32_t v = 0; v < d.entities.size(); ++v) {
      const std::string& kind = d.entities[v].kind;
      if (std::find(filter.kinds.begin(), filter.kinds.end(), kind) == filter.kinds.end()) {
        continue;
      }
      vertex[v] = kept;
      if (kept != v) d.entities[kept] = std::move(d.entities[v]);
      ++kept;
    }
    d.entities.resize(kept);
    // A subset of the name order is the name order of the subset.
    size_t in_order = 0;
    for (uint32_t v : d.by_name) {
      if (vertex[v] != kNone) d.by_name[in_order++] = vertex[v];
    }
    d.by_name.resize(in_order);
  }

  // Which interned strings pass the action and class filters, decided once
  // (a class filter looks at the event's code, not its class name).
  std::vector<char> action_ok, class_ok;
  if (!filter.actions.empty()) {
    action_ok.resize(d.strings.size());
    for (size_t i = 0; i < d.strings.size(); ++i) {
      action_ok[i] = std::find(filter.actions.begin(), filter.actions.end(), d.strings[i]) !=
                     filter.actions.end();
    }
  }
  if (!filter.classes.empty()) {
    class_ok.resize(d.strings.size());
    for (size_t i = 0; i < d.strings.size(); ++i) {
      for (const std::string& c : filter.classes) {
        if (d.strings[i].compare(0, c.size(), c) == 0) class_ok[i] = 1;
      }
    }
  }

  size_t kept = 0;
  for (const GraphEvent& e : d.events) {
    if (e.negated && !filter.include_negated) continue;
    if (e.modality != Modality::kAsserted && !filter.include_future) continue;
    if (!filter.since.empty() || !filter.until.empty()) {
      std::string_view date = d.strings[e.date];
      if (date.empty()) continue;  // no date at all
      if (!filter.since.empty() && date < filter.since) continue;
      if (!filter.until.empty() && date.substr(0, filter.until.size()) > filter.until) continue;
    }
    if (!action_ok.empty() && !action_ok[e.action]) continue;
    if (!class_ok.empty() && !class_ok[e.cameo_code]) continue;
    if (!role_ok.empty() && !role_ok[e.actor] && !role_ok[e.object]) continue;
    GraphEvent out = e;
    if (!vertex.empty()) {
      out.actor = vertex[e.actor];
      out.object = vertex[e.object];
      if (out.actor == kNone || out.object == kNone) continue;
    }
    d.events[kept++] = out;
  }
  d.events.resize(kept);
  try {
    return Graph(std::move(d.entities), std::move(d.events), std::move(d.strings),
                 std::move(d.by_name));
  } catch (const std::exception& e) {
    return Status::Internal(std::string("building the graph: ") + e.what());
  }
}

Result<std::vector<GraphEntity>> SqliteGraphReader::Rows(std::string_view sql,
                                                         std::string_view arg) {
  auto stmt = db_.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, arg);
  std::vector<GraphEntity> out;
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(EntityFromRow(*stmt));
  }
  return out;
}

Result<std::vector<GraphEntity>> SqliteGraphReader::Candidates(std::string_view name) {
  if (name.size() > 1 && name[0] == '#' &&
      std::all_of(name.begin() + 1, name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return Rows("SELECT id, name, kind, COALESCE(country, '') FROM entities WHERE id = ?",
                name.substr(1));
  }
  auto exact =
      Rows("SELECT id, name, kind, COALESCE(country, '') FROM entities WHERE name = ?", name);
  if (!exact.ok() || !exact->empty()) return exact;
  auto alias = Rows(
      "SELECT DISTINCT n.id, n.name, n.kind, COALESCE(n.country, '') FROM aliases a "
      "JOIN entities n ON n.id = a.entity_id WHERE a.alias = ? ORDER BY n.name, n.id",
      name);
  if (!alias.ok() || !alias->empty()) return alias;
  // Another spelling of a known name ("Erdogan", "al-Sisi"), then a
  // person's surname alone ("Macron").
  const std::string key = NameKey(name);
  if (key.empty()) return alias;
  auto spelled = Rows(
      "SELECT DISTINCT n.id, n.name, n.kind, COALESCE(n.country, '') FROM aliases a "
      "JOIN entities n ON n.id = a.entity_id WHERE a.key = ? ORDER BY n.name, n.id",
      key);
  if (!spelled.ok() || !spelled->empty() || key.find(' ') != std::string::npos) return spelled;
  return Rows(
      "SELECT id, name, kind, COALESCE(country, '') FROM entities "
      "WHERE surname = ? AND kind = 'person' ORDER BY name, id",
      key);
}

Result<GraphEntity> SqliteGraphReader::Resolve(std::string_view name) {
  auto found = Candidates(name);
  if (!found.ok()) return found.status();
  if (found->size() == 1) return std::move(found->front());
  std::string quoted = "\"" + std::string(name) + "\"";
  if (found->size() > 1) {
    std::string msg = "ambiguous name " + quoted + ": it may mean ";
    for (size_t i = 0; i < found->size(); ++i) {
      if (i) msg += i + 1 == found->size() ? " or " : ", ";
      msg += ::detente::Describe((*found)[i]);
    }
    msg += "; give the canonical name or #id";
    return Status::InvalidArgument(msg);
  }
  // Suggest names that contain what was typed (LIKE wildcards escaped).
  std::string pattern = "%";
  for (char c : name) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += "%";
  auto similar = Rows(
      "SELECT id, name, kind, COALESCE(country, '') FROM entities "
      "WHERE name LIKE ? ESCAPE '\\' ORDER BY length(name), name LIMIT 5",
      pattern);
  std::string msg = "no entity named " + quoted;
  if (similar.ok() && !similar->empty()) {
    msg += "; similar: ";
    for (size_t i = 0; i < similar->size(); ++i) {
      if (i) msg += ", ";
      msg += (*similar)[i].name;
    }
  }
  return Status::NotFound(msg);
}

Result<std::unordered_map<int64_t, std::string>> SqliteGraphReader::Sentences(
    const std::vector<int64_t>& sentence_ids) {
  std::unordered_map<int64_t, std::string> out;
  out.reserve(sentence_ids.size());
  DETENTE_RETURN_IF_ERROR(ForEachSentence(
      sentence_ids, [&](int64_t id, std::string_view text) { out.emplace(id, text); }));
  return out;
}

Status SqliteGraphReader::ForEachSentence(
    const std::vector<int64_t>& sentence_ids,
    const std::function<void(int64_t, std::string_view)>& fn) {
  std::vector<int64_t> ids(sentence_ids);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (ids.empty()) return Status::OK();
  // Many ids, densely spread (a hub's neighbourhood): one scan of the id
  // range in rowid order beats a lookup per id. The rows not asked for are
  // dropped inside SQLite by a function testing a bitmap: handing each row
  // back through sqlite3_step cost more than the scan itself.
  const uint64_t span = static_cast<uint64_t>(ids.back() - ids.front()) + 1;
  if (ids.size() > 1000 && ids.size() * 8 > span) {
    struct Wanted {
      int64_t first;
      std::vector<char> bit;
    } wanted{ids.front(), std::vector<char>(span)};
    for (int64_t id : ids) wanted.bit[id - wanted.first] = 1;
    auto test = [](sqlite3_context* ctx, int, sqlite3_value** argv) {
      const auto* w = static_cast<const Wanted*>(sqlite3_user_data(ctx));
      uint64_t at = static_cast<uint64_t>(sqlite3_value_int64(argv[0]) - w->first);
      sqlite3_result_int(ctx, at < w->bit.size() && w->bit[at]);
    };
    constexpr const char* kFn = "detente_wanted_sentence";
    if (sqlite3_create_function(db_.get(), kFn, 1, SQLITE_UTF8, &wanted, test, nullptr, nullptr) !=
        SQLITE_OK) {
      return Status::DatabaseError(sqlite3_errmsg(db_.get()));
    }
    Status status = [&]() -> Status {
      auto stmt = db_.Prepare(
          "SELECT id, text FROM sentences WHERE id BETWEEN ? AND ? "
          "AND detente_wanted_sentence(id) ORDER BY id");
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, ids.front()).Bind(2, ids.back());
      for (;;) {
        auto row = stmt->Step();
        if (!row.ok()) return row.status();
        if (!*row) return Status::OK();
        fn(stmt->Int(0), ColumnView(*stmt, 1));
      }
    }();
    // The statement is gone: the function, which points at `wanted`, can go.
    sqlite3_create_function(db_.get(), kFn, 1, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr);
    return status;
  }
  auto stmt = db_.Prepare("SELECT text FROM sentences WHERE id = ?");
  if (!stmt.ok()) return stmt.status();
  for (int64_t id : ids) {
    stmt->Bind(1, id);
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (*row) fn(id, ColumnView(*stmt, 0));
    stmt->Reset();
  }
  return Status::OK();
}

Result<std::unordered_map<int64_t, std::vector<EventMention>>> SqliteGraphReader::Mentions(
    const std::vector<int64_t>& event_ids) {
  std::unordered_map<int64_t, std::vector<EventMention>> out;
  auto stmt = db_.Prepare(
      "SELECT e.id, d.id, COALESCE(d.doc_id, ''), COALESCE(d.url, ''), "
      "COALESCE(d.published, ''), s.text FROM events e "
      "JOIN sentences s ON s.id = e.sentence_id JOIN documents d ON d.id = s.document_id "
      "WHERE e.head_id = ? ORDER BY e.id");
  if (!stmt.ok()) return stmt.status();
  for (int64_t id : event_ids) {
    stmt->Bind(1, id);
    std::vector<EventMention> found;
    for (;;) {
      auto row = stmt->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      found.push_back({stmt->Int(0), stmt->Int(1), stmt->Text(2), stmt->Text(3), stmt->Text(4),
                       stmt->Text(5)});
    }
    stmt->Reset();
    if (found.size() > 1) out.emplace(id, std::move(found));
  }
  return out;
}

Result<EntityReport> SqliteGraphReader::Describe(int64_t entity_id, const GraphFilter& filter) {
  DETENTE_RETURN_IF_ERROR(filter.Validate());
  if (!filter.kinds.empty() || !filter.actions.empty()) {
    std::vector<std::string> kinds, actions;
    for (auto [sql, out] : {std::pair<const char*, std::vector<std::string>*>{
                                "SELECT DISTINCT kind FROM entities", &kinds},
                            {"SELECT DISTINCT action FROM events", &actions}}) {
      if (out == &actions && filter.actions.empty()) continue;
      auto st = db_.Prepare(sql);
      if (!st.ok()) return st.status();
      for (;;) {
        auto row = st->Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        out->push_back(st->Text(0));
      }
    }
    DETENTE_RETURN_IF_ERROR(CheckValues(filter, std::move(kinds), actions));
  }
  EntityReport report;
  {
    auto rows = Rows("SELECT id, name, kind, COALESCE(country, '') FROM entities WHERE id = ?",
                     std::to_string(entity_id));
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status::NotFound("no entity #" + std::to_string(entity_id));
    report.entity = std::move(rows->front());
  }
  {
    auto stmt = db_.Prepare("SELECT COALESCE(role, '') FROM entities WHERE id = ?");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, entity_id);
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (*row) report.role = RoleOf(ColumnView(*stmt, 0));
  }
  {
    auto stmt =
        db_.Prepare("SELECT alias FROM aliases WHERE entity_id = ? AND alias <> ? ORDER BY alias");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, entity_id).Bind(2, report.entity.name);
    for (;;) {
      auto row = stmt->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      report.aliases.push_back(stmt->Text(0));
    }
  }
  Query q;
  q.sql = std::string("SELECT e.id, ") + kEventDate +
          " AS date, CASE WHEN e.actor_id = ?1 THEN 'actor' ELSE 'object' END, a.name, "
          "e.action, COALESCE(e.action_class, ''), COALESCE(o.name, ''), "
          "COALESCE(p.name, ''), COALESCE(e.time_text, ''), e.modality, e.negated, s.text, "
          "COALESCE(CASE WHEN e.actor_id = ?1 THEN COALESCE(e.actor_role, a.role) "
          "  ELSE COALESCE(e.object_role, o.role) END, ''), "
          "max(1, (SELECT count(*) FROM events m WHERE m.head_id = e.id)), "
          "max(1, (SELECT count(DISTINCT ms.document_id) FROM events m JOIN sentences ms "
          "  ON ms.id = m.sentence_id WHERE m.head_id = e.id)) "
          "FROM events e JOIN entities a ON a.id = e.actor_id "
          "LEFT JOIN entities o ON o.id = e.object_id "
          "LEFT JOIN entities p ON p.id = e.place_id "
          "JOIN sentences s ON s.id = e.sentence_id "
          "WHERE (e.actor_id = ?1 OR e.object_id = ?1) AND (e.head_id IS NULL OR e.head_id = e.id)";
  q.values.push_back(std::to_string(entity_id));
  AppendEventFilters(filter, kEventDate, &q);
  if (!filter.kinds.empty()) {
    // The other entity of the event, when there is one, must be of an allowed kind.
    q.sql +=
        " AND (CASE WHEN e.actor_id = ?1 THEN o.kind ELSE a.kind END IS NULL OR "
        "CASE WHEN e.actor_id = ?1 THEN o.kind ELSE a.kind END";
    q.InList(filter.kinds);
    q.sql += ")";
  }
  q.sql += " ORDER BY date IS NULL OR date = '', date, e.id";
  auto stmt = db_.Prepare(q.sql);
  if (!stmt.ok()) return stmt.status();
  // ?1 is the entity id (bound as text: SQLite compares it as an integer
  // because the column has INTEGER affinity); the rest follow in order.
  stmt->Bind(1, entity_id);
  for (size_t i = 1; i < q.values.size(); ++i) {
    stmt->Bind(static_cast<int>(i + 1), q.values[i]);
  }
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    TimelineEvent t;
    t.event_id = stmt->Int(0);
    t.date = stmt->Text(1);
    t.role = stmt->Text(2);
    t.actor = stmt->Text(3);
    t.action = stmt->Text(4);
    t.action_class = stmt->Text(5);
    t.object = stmt->Text(6);
    t.place = stmt->Text(7);
    t.time_text = stmt->Text(8);
    t.modality = ModalityOf(ColumnView(*stmt, 9));
    t.negated = stmt->Int(10) != 0;
    t.sentence = stmt->Text(11);
    t.agent_role = RoleOf(ColumnView(*stmt, 12));
    t.mentions = stmt->Int(13);
    t.sources = stmt->Int(14);
    report.timeline.push_back(std::move(t));
  }
  return report;
}

}  // namespace

Result<std::unique_ptr<GraphReader>> GraphReader::Open(const std::string& path,
                                                       const GraphReaderOptions& options) {
  Result<sql::Db> db = sql::OpenForReading(path);
  if (!db.ok()) return db.status();
  return std::unique_ptr<GraphReader>(new SqliteGraphReader(std::move(*db), path, options));
}

}  // namespace detente
