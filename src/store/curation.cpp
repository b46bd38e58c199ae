// Curation: entity merges (and their undoing) and aliases an analyst adds or
// removes, recorded in `curation` and `curation_undo` (schema 4).
#include "store/curation.h"

#include <string>
#include <vector>

#include "detente/names.h"

namespace detente::store_internal {
namespace {

struct Row {
  int64_t id = 0;
  std::string name;
};

// The entity named `name` (its name, else a unique alias, else "#id").
Result<Row> FindEntity(StatementCache& cache, std::string_view name) {
  std::vector<Row> rows;
  const char* sql =
      name.size() > 1 && name[0] == '#'
          ? "SELECT id, name FROM entities WHERE id = CAST(substr(?1, 2) AS INTEGER)"
          : "SELECT id, name FROM entities WHERE name = ?1 UNION "
            "SELECT e.id, e.name FROM aliases a JOIN entities e ON e.id = a.entity_id "
            "WHERE a.alias = ?1 AND NOT EXISTS (SELECT 1 FROM entities WHERE name = ?1)";
  Result<sql::Stmt*> st = cache.Get(sql);
  if (!st.ok()) return st.status();
  (*st)->Bind(1, name);
  for (;;) {
    Result<bool> row = (*st)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    rows.push_back({(*st)->Int(0), (*st)->Text(1)});
  }
  (*st)->Reset();
  if (rows.empty()) return Status::NotFound("no entity named \"" + std::string(name) + "\"");
  if (rows.size() > 1) {
    std::string msg = "ambiguous name \"" + std::string(name) + "\": it may mean ";
    for (size_t i = 0; i < rows.size(); ++i) {
      msg += (i ? ", " : "") + rows[i].name + " (#" + std::to_string(rows[i].id) + ")";
    }
    return Status::InvalidArgument(msg + "; give the canonical name or #id");
  }
  return rows[0];
}

// Runs `sql` with the integer/text bindings given, to completion.
Status Run(StatementCache& cache, const char* sql, const std::vector<std::string>& args) {
  Result<sql::Stmt*> st = cache.Get(sql);
  if (!st.ok()) return st.status();
  for (size_t i = 0; i < args.size(); ++i) (*st)->Bind(static_cast<int>(i + 1), args[i]);
  return (*st)->Run();
}

Result<int64_t> Record(sql::Db& db, StatementCache& cache, std::string_view op,
                       std::string_view entity, std::string_view other) {
  Result<sql::Stmt*> st =
      cache.Get("INSERT INTO curation(op, entity, other, other_key) VALUES (?, ?, ?, ?)");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, op).Bind(2, entity).Bind(3, other).Bind(4, NameKey(other));
  DETENTE_RETURN_IF_ERROR((*st)->Run());
  return db.LastInsertRowId();
}

// The events of the kept entity that the merge made the same as an earlier
// one (the writer's rules, DocumentWriter::Consolidate) join it; each change
// of head_id is recorded under curation `id` for unmerge.
Status Reconsolidate(StatementCache& c, const std::string& id, const std::string& keep) {
  // Rows of older releases and the bulk loader are events of their own.
  DETENTE_RETURN_IF_ERROR(Run(c,
                              "INSERT INTO curation_undo(curation_id, what, row_id, value) "
                              "SELECT ?1, 'head', id, NULL FROM events WHERE head_id IS NULL "
                              "AND (actor_id = ?2 OR object_id = ?2)",
                              {id, keep}));
  DETENTE_RETURN_IF_ERROR(Run(c,
                              "UPDATE events SET head_id = id WHERE head_id IS NULL "
                              "AND (actor_id = ?1 OR object_id = ?1)",
                              {keep}));
  std::vector<int64_t> heads;
  {
    Result<sql::Stmt*> st = c.Get(
        "SELECT id FROM events WHERE head_id = id AND (actor_id = ?1 OR object_id = ?1) "
        "ORDER BY id");
    if (!st.ok()) return st.status();
    (*st)->Bind(1, keep);
    for (;;) {
      Result<bool> row = (*st)->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      heads.push_back((*st)->Int(0));
    }
    (*st)->Reset();
  }
#define DETENTE_DAY(e, d) \
  "COALESCE(CASE WHEN length(" e ".event_date) = 10 THEN " e ".event_date END, " d ".published)"
#define DETENTE_CLASS(e) \
  "COALESCE(substr(" e ".cameo_code, 1, 2), substr(" e ".action_class, 1, 2), " e ".action)"
  for (int64_t h : heads) {
    Result<int64_t> g = FirstId(
        c,
        "SELECT g.id FROM events h JOIN sentences hs ON hs.id = h.sentence_id "
        "JOIN documents hd ON hd.id = hs.document_id, events g JOIN sentences gs ON "
        "gs.id = g.sentence_id JOIN documents gd ON gd.id = gs.document_id "
        "WHERE h.id = ?1 AND h.head_id = h.id AND g.id < h.id AND g.head_id = g.id "
        "AND g.negated = h.negated AND g.modality = h.modality "
        "AND " DETENTE_CLASS("g") " = " DETENTE_CLASS("h") " "
        "AND ((g.actor_id = h.actor_id AND g.object_id IS h.object_id) OR "
        "(detente_symmetric_code(h.cameo_code) AND h.object_id IS NOT NULL "
        "AND g.actor_id = h.object_id AND g.object_id = h.actor_id)) "
        "AND ((" DETENTE_DAY("h", "hd") " IS NULL AND " DETENTE_DAY("g", "gd") " IS NULL "
        "AND gs.document_id = hs.document_id) OR abs(julianday(" DETENTE_DAY("g", "gd") ") - "
        "julianday(" DETENTE_DAY("h", "hd") ")) <= 1) ORDER BY g.id LIMIT 1",
        [&](sql::Stmt& s) { s.Bind(1, h); });
    if (!g.ok()) return g.status();
    if (*g == 0) continue;
    const std::string hs = std::to_string(h);
    DETENTE_RETURN_IF_ERROR(Run(c,
                                "INSERT INTO curation_undo(curation_id, what, row_id, value) "
                                "SELECT ?1, 'head', id, ?2 FROM events WHERE head_id = ?2",
                                {id, hs}));
    DETENTE_RETURN_IF_ERROR(Run(c, "UPDATE events SET head_id = ?1 WHERE head_id = ?2",
                                {std::to_string(*g), hs}));
  }
#undef DETENTE_DAY
#undef DETENTE_CLASS
  return Status::OK();
}

}  // namespace

Result<int64_t> Merge(sql::Db& db, DocumentWriter& w, std::string_view keep_name,
                      std::string_view other_name) {
  StatementCache& c = w.cache();
  Result<Row> keep = FindEntity(c, keep_name);
  if (!keep.ok()) return keep.status();
  Result<Row> other = FindEntity(c, other_name);
  if (!other.ok()) return other.status();
  if (keep->id == other->id) {
    return Status::InvalidArgument("\"" + std::string(keep_name) + "\" and \"" +
                                   std::string(other_name) + "\" are the same entity");
  }
  Result<int64_t> cid = Record(db, c, "merge", keep->name, other->name);
  if (!cid.ok()) return cid.status();
  const std::string id = std::to_string(*cid), k = std::to_string(keep->id),
                    o = std::to_string(other->id);
  // What the merge changes, first, so that unmerge can put it back.
  const char* kUndo[] = {
      "INSERT INTO curation_undo(curation_id, what, row_id, text, value) "
      "SELECT ?1, 'entity', id, kind, country FROM entities WHERE id = ?3",
      "INSERT INTO curation_undo(curation_id, what, row_id, text) "
      "SELECT ?1, 'role', id, role FROM entities WHERE id = ?3",
      // value 'moved': the kept entity did not have this alias before.
      "INSERT INTO curation_undo(curation_id, what, row_id, text, value) "
      "SELECT ?1, 'alias', ?3, a.alias, CASE WHEN EXISTS (SELECT 1 FROM aliases b WHERE "
      "b.entity_id = ?2 AND b.alias = a.alias) THEN 'kept' ELSE 'moved' END "
      "FROM aliases a WHERE a.entity_id = ?3",
      "INSERT INTO curation_undo(curation_id, what, row_id) "
      "SELECT ?1, 'actor', id FROM events WHERE actor_id = ?3",
      "INSERT INTO curation_undo(curation_id, what, row_id) "
      "SELECT ?1, 'object', id FROM events WHERE object_id = ?3",
      "INSERT INTO curation_undo(curation_id, what, row_id) "
      "SELECT ?1, 'place', id FROM events WHERE place_id = ?3",
      "INSERT INTO curation_undo(curation_id, what, row_id, text, value, n) "
      "SELECT ?1, 'evidence', entity_id, attr, value, n FROM entity_evidence "
      "WHERE entity_id = ?3",
  };
  for (const char* sql : kUndo) DETENTE_RETURN_IF_ERROR(Run(c, sql, {id, k, o}));
  const char* kMove[] = {
      "UPDATE events SET actor_id = ?1 WHERE actor_id = ?2",
      "UPDATE events SET object_id = ?1 WHERE object_id = ?2",
      "UPDATE events SET place_id = ?1 WHERE place_id = ?2",
      "INSERT OR IGNORE INTO aliases(alias, entity_id, key) "
      "SELECT alias, ?1, key FROM aliases WHERE entity_id = ?2",
      "INSERT INTO entity_evidence(entity_id, attr, value, n) "
      "SELECT ?1, attr, value, n FROM entity_evidence WHERE entity_id = ?2 AND true "
      "ON CONFLICT DO UPDATE SET n = n + excluded.n",
      "DELETE FROM entities WHERE id = ?2",
  };
  for (const char* sql : kMove) DETENTE_RETURN_IF_ERROR(Run(c, sql, {k, o}));
  DETENTE_RETURN_IF_ERROR(Reconsolidate(c, id, k));
  DETENTE_RETURN_IF_ERROR(w.Recompute(keep->id));
  return *cid;
}

Status Unmerge(sql::Db& db, DocumentWriter& w, std::string_view other_name) {
  StatementCache& c = w.cache();
  Result<int64_t> cid = FirstId(
      c,
      "SELECT id FROM curation WHERE op = 'merge' AND undone_at IS NULL AND "
      "(other = ?1 OR other_key = ?2) ORDER BY id DESC LIMIT 1",
      [&](sql::Stmt& s) { s.Bind(1, other_name).Bind(2, NameKey(other_name)); });
  if (!cid.ok()) return cid.status();
  if (*cid == 0) {
    return Status::NotFound("no merge of \"" + std::string(other_name) + "\" to undo");
  }
  Result<int64_t> keep = FirstId(
      c, "SELECT e.id FROM curation c JOIN entities e ON e.name = c.entity WHERE c.id = ?",
      [&](sql::Stmt& s) { s.Bind(1, *cid); });
  if (!keep.ok()) return keep.status();
  Result<int64_t> old_id =
      FirstId(c, "SELECT row_id FROM curation_undo WHERE curation_id = ? AND what = 'entity'",
              [&](sql::Stmt& s) { s.Bind(1, *cid); });
  if (!old_id.ok()) return old_id.status();
  // Its old id, unless another entity took it since.
  Result<int64_t> taken = FirstId(c, "SELECT id FROM entities WHERE id = ?",
                                  [&](sql::Stmt& s) { s.Bind(1, *old_id); });
  if (!taken.ok()) return taken.status();
  DETENTE_RETURN_IF_ERROR(Run(
      c,
      "INSERT INTO entities(id, name, kind, country, role) "
      "SELECT CASE WHEN ?3 THEN NULL ELSE u.row_id END, c.other, u.text, u.value, "
      "(SELECT r.text FROM curation_undo r WHERE r.curation_id = ?1 AND r.what = 'role') "
      "FROM curation c JOIN curation_undo u ON u.curation_id = c.id AND u.what = 'entity' "
      "WHERE c.id = ?1",
      {std::to_string(*cid), "", *taken ? "1" : "0"}));
  const std::string other_id = std::to_string(*taken ? db.LastInsertRowId() : *old_id);
  const std::string id = std::to_string(*cid), k = std::to_string(*keep);
  const char* kBack[] = {
      "UPDATE events SET actor_id = ?2 WHERE actor_id = ?3 AND id IN (SELECT row_id FROM "
      "curation_undo WHERE curation_id = ?1 AND what = 'actor')",
      "UPDATE events SET object_id = ?2 WHERE object_id = ?3 AND id IN (SELECT row_id FROM "
      "curation_undo WHERE curation_id = ?1 AND what = 'object')",
      "UPDATE events SET place_id = ?2 WHERE place_id = ?3 AND id IN (SELECT row_id FROM "
      "curation_undo WHERE curation_id = ?1 AND what = 'place')",
      "INSERT OR IGNORE INTO aliases(alias, entity_id, key) SELECT text, ?2, "
      "detente_name_key(text) FROM curation_undo WHERE curation_id = ?1 AND what = 'alias'",
      "DELETE FROM aliases WHERE entity_id = ?3 AND alias IN (SELECT text FROM curation_undo "
      "WHERE curation_id = ?1 AND what = 'alias' AND value = 'moved')",
      "INSERT INTO entity_evidence(entity_id, attr, value, n) SELECT ?2, text, value, n FROM "
      "curation_undo WHERE curation_id = ?1 AND what = 'evidence' AND true "
      "ON CONFLICT DO UPDATE SET n = excluded.n",
      "UPDATE entity_evidence SET n = n - (SELECT u.n FROM curation_undo u WHERE "
      "u.curation_id = ?1 AND u.what = 'evidence' AND u.text = entity_evidence.attr AND "
      "u.value = entity_evidence.value) WHERE entity_id = ?3 AND EXISTS (SELECT 1 FROM "
      "curation_undo u WHERE u.curation_id = ?1 AND u.what = 'evidence' AND "
      "u.text = entity_evidence.attr AND u.value = entity_evidence.value)",
      "DELETE FROM entity_evidence WHERE entity_id = ?3 AND n <= 0",
      // head_id as it was before the merge: the first value recorded per row.
      "UPDATE events SET head_id = (SELECT u.value FROM curation_undo u WHERE "
      "u.curation_id = ?1 AND u.what = 'head' AND u.row_id = events.id ORDER BY u.rowid "
      "LIMIT 1) WHERE id IN (SELECT row_id FROM curation_undo WHERE curation_id = ?1 AND "
      "what = 'head')",
      "UPDATE curation SET undone_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
  };
  for (const char* sql : kBack) DETENTE_RETURN_IF_ERROR(Run(c, sql, {id, other_id, k}));
  DETENTE_RETURN_IF_ERROR(w.Recompute(*keep));
  return w.Recompute(std::stoll(other_id));
}

Status AddAlias(sql::Db& db, DocumentWriter& w, std::string_view entity, std::string_view alias) {
  Result<Row> e = FindEntity(w.cache(), entity);
  if (!e.ok()) return e.status();
  if (NameKey(alias).empty()) return Status::InvalidArgument("an alias needs a letter or digit");
  // An earlier removal of this alias no longer holds.
  DETENTE_RETURN_IF_ERROR(Run(w.cache(),
                              "UPDATE curation SET undone_at = strftime('%Y-%m-%dT%H:%M:%SZ', "
                              "'now') WHERE op = 'alias remove' AND entity = ? AND other_key = ? "
                              "AND undone_at IS NULL",
                              {e->name, NameKey(alias)}));
  Result<int64_t> cid = Record(db, w.cache(), "alias add", e->name, alias);
  if (!cid.ok()) return cid.status();
  return Run(w.cache(), "INSERT OR IGNORE INTO aliases(alias, entity_id, key) VALUES (?, ?, ?)",
             {std::string(alias), std::to_string(e->id), NameKey(alias)});
}

Status RemoveAlias(sql::Db& db, DocumentWriter& w, std::string_view entity,
                   std::string_view alias) {
  Result<Row> e = FindEntity(w.cache(), entity);
  if (!e.ok()) return e.status();
  if (alias == e->name) {
    return Status::InvalidArgument("\"" + std::string(alias) +
                                   "\" is the entity's name, not an alias");
  }
  DETENTE_RETURN_IF_ERROR(Run(w.cache(), "DELETE FROM aliases WHERE entity_id = ? AND alias = ?",
                              {std::to_string(e->id), std::string(alias)}));
  if (sqlite3_changes(db.get()) == 0) {
    return Status::NotFound(e->name + " has no alias \"" + std::string(alias) + "\"");
  }
  DETENTE_RETURN_IF_ERROR(Run(w.cache(),
                              "UPDATE curation SET undone_at = strftime('%Y-%m-%dT%H:%M:%SZ', "
                              "'now') WHERE op = 'alias add' AND entity = ? AND other_key = ? "
                              "AND undone_at IS NULL",
                              {e->name, NameKey(alias)}));
  return Record(db, w.cache(), "alias remove", e->name, alias).status();
}

Status MergeFoldedDuplicates(sql::Db& db) {
  struct Group {
    int64_t keep = 0;
    std::vector<int64_t> others;
  };
  std::vector<Group> groups;
  {
    // In (kind, key, id) order: the first of each run is kept.
    Result<sql::Stmt> st = db.Prepare(
        "SELECT id, kind, detente_name_key(name) AS k FROM entities WHERE k <> '' "
        "ORDER BY kind, k, id");
    if (!st.ok()) return st.status();
    std::string kind, key;
    for (;;) {
      Result<bool> row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      if (groups.empty() || st->Text(1) != kind || st->Text(2) != key) {
        kind = st->Text(1);
        key = st->Text(2);
        groups.push_back({st->Int(0), {}});
      } else {
        groups.back().others.push_back(st->Int(0));
      }
    }
  }
  DocumentWriter w(db);
  for (const Group& g : groups) {
    for (int64_t other : g.others) {
      Result<int64_t> merged =
          Merge(db, w, "#" + std::to_string(g.keep), "#" + std::to_string(other));
      if (!merged.ok()) return merged.status();
    }
  }
  return Status::OK();
}

}  // namespace detente::store_internal
