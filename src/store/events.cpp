// Store::Events: one row per event, for `detente events`.
#include "store/events.h"

#include <string>
#include <vector>

#include "detente/types.h"

namespace detente::store_internal {
namespace {

// The date of an event `e` with its document `d`.
constexpr const char kDate[] = "COALESCE(e.event_date, d.published)";

// Appends "expr IN (?, ?, ...)" for a non-empty list; the values are bound
// later, in order.
void InList(std::string& sql, const char* expr, const std::vector<std::string>& values,
            std::vector<std::string>& binds) {
  sql += std::string(expr) + " IN (";
  for (size_t i = 0; i < values.size(); ++i) sql += i ? ", ?" : "?";
  sql += ")";
  binds.insert(binds.end(), values.begin(), values.end());
}

}  // namespace

Status RunEvents(sql::Db& db, const EventQuery& f, RowSink& sink) {
  for (const std::string& c : f.classes) {
    if (!IsCameoPrefix(c)) {
      return Status::InvalidArgument("--class: \"" + c + "\" is no CAMEO code: " +
                                     kCameoPrefixHelp);
    }
  }
  std::vector<std::string> binds;
  std::string sql =
      std::string("SELECT e.id, ") + kDate +
      ", a.name, a.country, COALESCE(e.actor_role, a.role), e.action, e.cameo_code, "
      "COALESCE(substr(e.cameo_code, 1, 2), substr(e.action_class, 1, 2)), e.quad_class, "
      "e.goldstein, o.name, o.country, COALESCE(e.object_role, o.role), p.name, p.country, "
      "e.negated, e.modality, "
      "max(1, (SELECT count(*) FROM events m WHERE m.head_id = e.id)), "
      "max(1, (SELECT count(DISTINCT ms.document_id) FROM events m JOIN sentences ms "
      "  ON ms.id = m.sentence_id WHERE m.head_id = e.id)), "
      "COALESCE((SELECT min(md.published) FROM events m JOIN sentences ms ON ms.id = "
      "  m.sentence_id JOIN documents md ON md.id = ms.document_id WHERE m.head_id = e.id), "
      "  d.published), "
      "COALESCE((SELECT max(md.published) FROM events m JOIN sentences ms ON ms.id = "
      "  m.sentence_id JOIN documents md ON md.id = ms.document_id WHERE m.head_id = e.id), "
      "  d.published), "
      "d.doc_id, d.url, s.text "
      "FROM events e JOIN entities a ON a.id = e.actor_id "
      "LEFT JOIN entities o ON o.id = e.object_id LEFT JOIN entities p ON p.id = e.place_id "
      "JOIN sentences s ON s.id = e.sentence_id JOIN documents d ON d.id = s.document_id "
      "WHERE (e.head_id IS NULL OR e.head_id = e.id)";
  if (!f.all_moods) sql += " AND e.negated = 0 AND e.modality = 'asserted'";
  if (!f.since.empty()) {
    sql += std::string(" AND ") + kDate + " >= ?";
    binds.push_back(f.since);
  }
  if (!f.until.empty()) {
    sql += std::string(" AND substr(") + kDate + ", 1, length(?)) <= ?";
    binds.push_back(f.until);
    binds.push_back(f.until);
  }
  if (!f.classes.empty()) {
    sql += " AND (0";
    for (const std::string& c : f.classes) {
      sql += std::string(" OR ") + kEventCodeSql + " LIKE ? || '%'";
      binds.push_back(c);
    }
    sql += ")";
  }
  if (!f.roles.empty()) {
    std::vector<std::string> roles;  // as the database stores them
    for (Role r : f.roles) roles.emplace_back(RoleName(r));
    sql += " AND (";
    InList(sql, "COALESCE(e.actor_role, a.role)", roles, binds);
    sql += " OR ";
    InList(sql, "COALESCE(e.object_role, o.role)", roles, binds);
    sql += ")";
  }
  if (!f.entities.empty()) {
    sql += " AND (";
    InList(sql, "a.name", f.entities, binds);
    sql += " OR ";
    InList(sql, "o.name", f.entities, binds);
    sql += ")";
  }
  sql += std::string(" ORDER BY ") + kDate + " IS NULL, " + kDate + ", e.id";
  if (f.limit > 0) sql += " LIMIT " + std::to_string(f.limit);  // our own integer
  Result<sql::Stmt> st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  for (size_t i = 0; i < binds.size(); ++i) st->Bind(static_cast<int>(i + 1), binds[i]);
  std::vector<std::string> columns(std::begin(kEventRecordColumns), std::end(kEventRecordColumns));
  DETENTE_RETURN_IF_ERROR(sink.Columns(columns));
  std::vector<QueryValue> values(columns.size());
  std::vector<std::string> texts(columns.size());
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::OK();
    for (size_t c = 0; c < columns.size(); ++c) {
      const int col = static_cast<int>(c);
      switch (sqlite3_column_type(st->get(), col)) {
        case SQLITE_NULL: values[c] = {QueryValue::Type::kNull, {}}; continue;
        case SQLITE_INTEGER: values[c].type = QueryValue::Type::kInteger; break;
        case SQLITE_FLOAT: values[c].type = QueryValue::Type::kReal; break;
        default: values[c].type = QueryValue::Type::kText; break;
      }
      texts[c] = st->Text(col);
      values[c].text = texts[c];
    }
    DETENTE_RETURN_IF_ERROR(sink.Row(values));
  }
}

}  // namespace detente::store_internal
