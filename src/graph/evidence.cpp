// EvidenceReader: the events, sentences, documents and places behind the
// graph, read with bound parameters from a database opened read-only.
#include "detente/evidence.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "detente/sqlite.h"
#include "detente/store.h"
#include "graph/load_sql.h"

namespace detente {

namespace {

using graph_internal::kEventDate;

// QuadClassOf() in SQL, over the first two characters of the class.
constexpr const char kQuadSql[] =
    "(CASE WHEN substr(e.action_class, 1, 2) BETWEEN '01' AND '05' THEN 1 "
    "WHEN substr(e.action_class, 1, 2) BETWEEN '06' AND '08' THEN 2 "
    "WHEN substr(e.action_class, 1, 2) BETWEEN '09' AND '13' THEN 3 "
    "WHEN substr(e.action_class, 1, 2) BETWEEN '14' AND '20' THEN 4 ELSE 0 END)";

// The kind of the other entity of an event (NULL when there is none).
constexpr const char kOtherKind[] = "(CASE WHEN e.actor_id = ?1 THEN o.kind ELSE a.kind END)";

// The FROM and WHERE of every query: the events of ?1 (with ?2 when set),
// their actor `a` and object `o`, and the filters. Only fixed text and '?'
// are appended; every value goes to `values`, bound in order after ?1, ?2.
struct Where {
  std::string sql;
  std::vector<std::variant<int64_t, std::string>> values;

  void Add(std::string_view fragment) { sql += fragment; }
  void Value(std::string v) { values.emplace_back(std::move(v)); }
  void InList(size_t n) {
    sql += " IN (";
    for (size_t i = 0; i < n; ++i) sql += i ? ",?" : "?";
    sql += ")";
  }
};

Where BuildWhere(const EvidenceQuery& q, std::string_view extra_join = "") {
  Where w;
  // The actor and object rows are read only for a kind filter.
  w.Add(q.filter.kinds.empty() ? " FROM events e "
                               : " FROM events e JOIN entities a ON a.id = e.actor_id "
                                 "LEFT JOIN entities o ON o.id = e.object_id ");
  w.Add(extra_join);
  // Events, not mentions (schema 4): the first mention stands for its event.
  w.Add(" WHERE (e.head_id IS NULL OR e.head_id = e.id) AND ");
  if (q.other_id != 0) {
    w.Add("((e.actor_id = ?1 AND e.object_id = ?2) OR (e.actor_id = ?2 AND e.object_id = ?1))");
  } else {
    w.Add("(e.actor_id = ?1 OR e.object_id = ?1) AND ?2 = 0");
  }
  if (q.place_id != 0) {
    w.Add(" AND e.place_id = ?");
    w.values.emplace_back(q.place_id);
  }
  const GraphFilter& f = q.filter;
  if (!f.include_negated) w.Add(" AND e.negated = 0");
  if (!f.include_future) w.Add(" AND e.modality = 'asserted'");
  const std::string date = std::string(kEventDate);
  if (!f.since.empty()) {
    w.Add(" AND " + date + " >= ?");
    w.Value(f.since);
  }
  if (!f.until.empty()) {
    // Inclusive on the prefix, as the graph: until "2023-06" keeps "2023-06-30".
    w.Add(" AND substr(" + date + ", 1, " + std::to_string(f.until.size()) + ") <= ?");
    w.Value(f.until);
  }
  if (!f.actions.empty()) {
    w.Add(" AND e.action");
    w.InList(f.actions.size());
    for (const std::string& a : f.actions) w.Value(a);
  }
  if (!f.classes.empty()) {
    w.Add(" AND (");
    for (size_t i = 0; i < f.classes.size(); ++i) {
      w.Add(i ? " OR " : "");
      w.Add(std::string("substr(") + kEventCodeSql + ", 1, ?) = ?");
      w.values.emplace_back(static_cast<int64_t>(f.classes[i].size()));
      w.Value(f.classes[i]);
    }
    w.Add(")");
  }
  if (!f.kinds.empty()) {
    w.Add(std::string(" AND (") + kOtherKind + " IS NULL OR " + kOtherKind);
    w.InList(f.kinds.size());
    for (const std::string& k : f.kinds) w.Value(k);
    w.Add(")");
  }
  if (!q.quad_classes.empty()) {
    w.Add(std::string(" AND ") + kQuadSql);
    w.InList(q.quad_classes.size());
    for (int c : q.quad_classes) w.values.emplace_back(static_cast<int64_t>(c));
  }
  return w;
}

// Binds ?1, ?2 and then the values of `w`, in order.
void BindAll(sql::Stmt& s, const EvidenceQuery& q, const Where& w) {
  s.Bind(1, q.entity_id).Bind(2, q.other_id);
  int i = 3;
  for (const auto& v : w.values) {
    if (const int64_t* n = std::get_if<int64_t>(&v)) {
      s.Bind(i++, *n);
    } else {
      s.Bind(i++, std::get<std::string>(v));
    }
  }
}

Status CheckQuery(const EvidenceQuery& q) {
  DETENTE_RETURN_IF_ERROR(q.filter.Validate());
  for (int c : q.quad_classes) {
    if (c < 0 || c > 4) return Status::InvalidArgument("a QuadClass is 0 to 4");
  }
  return Status::OK();
}

// The columns of EventEvidence, read by ReadEvent in this order.
constexpr const char kEventColumns[] =
    "e.id, e.actor_id, a.name, e.action, COALESCE(e.action_class, ''), "
    "COALESCE(e.object_id, 0), COALESCE(o.name, ''), COALESCE(e.place_id, 0), "
    "COALESCE((SELECT p.name FROM entities p WHERE p.id = e.place_id), ''), "
    "COALESCE(e.event_date, d.published, '') AS date, COALESCE(e.time_text, ''), "
    "e.modality, e.negated, e.confidence, s.id, s.text, d.id, COALESCE(d.doc_id, ''), "
    "COALESCE(d.title, ''), COALESCE(d.url, ''), COALESCE(d.published, ''), "
    "COALESCE(e.cameo_code, ''), COALESCE(e.quad_class, 0), e.goldstein, "
    "max(1, (SELECT count(*) FROM events m WHERE m.head_id = e.id)), "
    "max(1, (SELECT count(DISTINCT ms.document_id) FROM events m JOIN sentences ms "
    "  ON ms.id = m.sentence_id WHERE m.head_id = e.id))";

EventEvidence ReadEvent(const sql::Stmt& s) {
  EventEvidence e;
  e.event_id = s.Int(0);
  e.actor_id = s.Int(1);
  e.actor = s.Text(2);
  e.action = s.Text(3);
  e.action_class = s.Text(4);
  e.object_id = s.Int(5);
  e.object = s.Text(6);
  e.place_id = s.Int(7);
  e.place = s.Text(8);
  e.date = s.Text(9);
  e.time_text = s.Text(10);
  // The schema allows the three names only.
  e.modality = ParseModality(s.Text(11)).value_or(Modality::kAsserted);
  e.negated = s.Int(12) != 0;
  e.confidence = s.Real(13);
  e.sentence_id = s.Int(14);
  e.sentence = s.Text(15);
  e.document_id = s.Int(16);
  e.doc_id = s.Text(17);
  e.title = s.Text(18);
  e.url = s.Text(19);
  e.published = s.Text(20);
  e.cameo_code = CameoCode::Parse(s.Text(21));  // NULL or malformed: none
  e.quad_class = static_cast<int>(s.Int(22));
  if (!s.IsNull(23)) e.goldstein = s.Real(23);
  e.mentions = s.Int(24);
  e.sources = s.Int(25);
  return e;
}

class SqliteEvidenceReader : public EvidenceReader {
 public:
  explicit SqliteEvidenceReader(sql::Db db) : db_(std::move(db)) {}

  Result<Generation> CurrentGeneration() override {
    auto st = db_.Prepare("SELECT db_id, n FROM generation WHERE id = 1");
    if (!st.ok()) return Generation{};  // schema 1: no counter
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Generation{};
    return Generation{st->Text(0), st->Int(1)};
  }

  Status ForEachName(const std::function<void(int64_t, std::string_view)>& fn) override {
    DETENTE_RETURN_IF_ERROR(db_.Exec("BEGIN"));
    Status status = [&]() -> Status {
      for (const char* sql :
           {"SELECT id, name FROM entities", "SELECT entity_id, alias FROM aliases"}) {
        auto st = db_.Prepare(sql);
        if (!st.ok()) return st.status();
        for (;;) {
          auto row = st->Step();
          if (!row.ok()) return row.status();
          if (!*row) break;
          const unsigned char* p = sqlite3_column_text(st->get(), 1);
          if (!p) continue;
          fn(st->Int(0), std::string_view(reinterpret_cast<const char*>(p),
                                          static_cast<size_t>(sqlite3_column_bytes(st->get(), 1))));
        }
      }
      return Status::OK();
    }();
    db_.Exec("COMMIT");
    return status;
  }

  Result<std::vector<std::string>> Aliases(int64_t entity_id, size_t limit) override {
    auto st = db_.Prepare(
        "SELECT alias FROM aliases WHERE entity_id = ?1 "
        "AND alias <> (SELECT name FROM entities WHERE id = ?1) ORDER BY alias LIMIT ?2");
    if (!st.ok()) return st.status();
    st->Bind(1, entity_id).Bind(2, static_cast<int64_t>(limit));
    std::vector<std::string> out;
    for (;;) {
      auto row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) return out;
      out.push_back(st->Text(0));
    }
  }

  Result<std::vector<EventEvidence>> EventsById(const std::vector<int64_t>& ids) override {
    auto st = db_.Prepare(std::string("SELECT ") + kEventColumns +
                          " FROM events e JOIN entities a ON a.id = e.actor_id "
                          "LEFT JOIN entities o ON o.id = e.object_id "
                          "JOIN sentences s ON s.id = e.sentence_id "
                          "JOIN documents d ON d.id = s.document_id WHERE e.id = ?");
    if (!st.ok()) return st.status();
    std::vector<EventEvidence> out;
    out.reserve(ids.size());
    for (int64_t id : ids) {
      st->Bind(1, id);
      auto row = st->Step();
      if (!row.ok()) return row.status();
      if (*row) out.push_back(ReadEvent(*st));
      st->Reset();
    }
    return out;
  }

  Result<EventPage> Events(const EvidenceQuery& q, size_t limit, size_t offset) override {
    DETENTE_RETURN_IF_ERROR(CheckQuery(q));
    Where w = BuildWhere(q);
    EventPage page;
    {
      auto st = db_.Prepare("SELECT count(*)" + w.sql);
      if (!st.ok()) return st.status();
      BindAll(*st, q, w);
      auto row = st->Step();
      if (!row.ok()) return row.status();
      page.total = *row ? st->Int(0) : 0;
    }
    // The page's rows first, by the cheap date expression; then their
    // sentences and documents, a few at most.
    std::string sql = std::string("SELECT e.id, ") + kEventDate + " AS date" + w.sql +
                      " ORDER BY date IS NULL OR date = '', date, e.id LIMIT ? OFFSET ?";
    auto st = db_.Prepare(sql);
    if (!st.ok()) return st.status();
    BindAll(*st, q, w);
    const int n = static_cast<int>(w.values.size()) + 2;
    st->Bind(n + 1, static_cast<int64_t>(limit)).Bind(n + 2, static_cast<int64_t>(offset));
    std::vector<int64_t> ids;
    for (;;) {
      auto row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      ids.push_back(st->Int(0));
    }
    auto events = EventsById(ids);
    if (!events.ok()) return events.status();
    page.events = std::move(*events);
    return page;
  }

  Result<std::vector<DateClassCount>> DatesAndClasses(const EvidenceQuery& q) override {
    DETENTE_RETURN_IF_ERROR(CheckQuery(q));
    Where w = BuildWhere(q);
    auto st = db_.Prepare(std::string("SELECT COALESCE(") + kEventDate +
                          ", ''), COALESCE(e.action_class, ''), count(*)" + w.sql +
                          " GROUP BY 1, 2 ORDER BY 1, 2");
    if (!st.ok()) return st.status();
    BindAll(*st, q, w);
    std::vector<DateClassCount> out;
    for (;;) {
      auto row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) return out;
      out.push_back({st->Text(0), st->Text(1), st->Int(2)});
    }
  }

  Result<std::vector<PlaceCount>> Places(const EvidenceQuery& q, size_t limit) override {
    DETENTE_RETURN_IF_ERROR(CheckQuery(q));
    Where w = BuildWhere(q, "JOIN entities p ON p.id = e.place_id");
    auto st = db_.Prepare(
        "SELECT p.id, p.name, p.kind, COALESCE(p.country, ''), count(*) AS n" + w.sql +
        " AND e.place_id IS NOT NULL GROUP BY e.place_id ORDER BY n DESC, p.name LIMIT ?");
    if (!st.ok()) return st.status();
    BindAll(*st, q, w);
    st->Bind(static_cast<int>(w.values.size()) + 3, static_cast<int64_t>(limit));
    std::vector<PlaceCount> out;
    for (;;) {
      auto row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) return out;
      out.push_back({GraphEntity{st->Int(0), st->Text(1), st->Text(2), st->Text(3)}, st->Int(4)});
    }
  }

  Result<std::vector<PlaceCount>> PlacesOfEvents(const std::vector<int64_t>& ids) override {
    auto st = db_.Prepare("SELECT place_id FROM events WHERE id = ? AND place_id IS NOT NULL");
    if (!st.ok()) return st.status();
    std::map<int64_t, int64_t> count;
    for (int64_t id : ids) {
      st->Bind(1, id);
      auto row = st->Step();
      if (!row.ok()) return row.status();
      if (*row) ++count[st->Int(0)];
      st->Reset();
    }
    auto ent =
        db_.Prepare("SELECT id, name, kind, COALESCE(country, '') FROM entities WHERE id = ?");
    if (!ent.ok()) return ent.status();
    std::vector<PlaceCount> out;
    for (const auto& [place, n] : count) {
      ent->Bind(1, place);
      auto row = ent->Step();
      if (!row.ok()) return row.status();
      if (*row)
        out.push_back({GraphEntity{ent->Int(0), ent->Text(1), ent->Text(2), ent->Text(3)}, n});
      ent->Reset();
    }
    std::sort(out.begin(), out.end(), [](const PlaceCount& a, const PlaceCount& b) {
      if (a.events != b.events) return a.events > b.events;
      return a.place.name != b.place.name ? a.place.name < b.place.name : a.place.id < b.place.id;
    });
    return out;
  }

  Result<EntityActivity> Activity(const EvidenceQuery& q) override {
    DETENTE_RETURN_IF_ERROR(CheckQuery(q));
    Where w = BuildWhere(q);
    auto st =
        db_.Prepare(std::string("SELECT count(*), COALESCE(sum(e.actor_id = ?1), 0), ") +
                    "COALESCE(sum(e.object_id = ?1), 0), " + "COALESCE(min(NULLIF(" + kEventDate +
                    ", '')), ''), COALESCE(max(" + kEventDate + "), '')" + w.sql);
    if (!st.ok()) return st.status();
    BindAll(*st, q, w);
    auto row = st->Step();
    if (!row.ok()) return row.status();
    EntityActivity a;
    if (*row) {
      a.events = st->Int(0);
      a.as_actor = st->Int(1);
      a.as_object = st->Int(2);
      a.first_date = st->Text(3);
      a.last_date = st->Text(4);
    }
    return a;
  }

 private:
  sql::Db db_;
};

}  // namespace

Result<std::unique_ptr<EvidenceReader>> EvidenceReader::Open(const std::string& path) {
  Result<sql::Db> db = sql::OpenForReading(path);
  if (!db.ok()) return db.status();
  return std::unique_ptr<EvidenceReader>(new SqliteEvidenceReader(std::move(*db)));
}

}  // namespace detente
