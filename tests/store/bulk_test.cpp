// The store's bulk path (Store::Bulk), on real temporary SQLite files.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "detente/store.h"
#include "test_util.h"

using detente::BulkDocument;
using detente::BulkEvent;
using detente::BulkOptions;
using detente::Status;
using detente::Store;
using detente::StoreOptions;
using detente::testing::TempDir;

namespace {

std::unique_ptr<Store> Open(const std::string& path) {
  auto s = Store::Open(path);
  INFO(s.status().ToString());
  REQUIRE(s.ok());
  return std::move(*s);
}

std::string One(Store& store, const std::string& sql) {
  auto r = store.Query(sql);
  INFO(sql << ": " << r.status().ToString());
  REQUIRE(r.ok());
  REQUIRE(r->rows.size() == 1);
  return r->rows[0][0].value_or("NULL");
}

BulkDocument Doc(const std::string& name) {
  BulkDocument d;
  d.source = name + ".txt";
  d.title = "Report " + name;
  d.published = "2024-05-01";
  d.text = "Text of " + name;
  return d;
}

}  // namespace

TEST_CASE("store: the bulk path writes every table in batches", "[store][bulk]") {
  TempDir dir;
  const std::string path = dir.File("bulk.db");
  auto store = Open(path);
  BulkOptions o;
  o.batch_rows = 3;  // many batches for a few rows
  o.defer_indexes = false;
  {
    auto bulk = store->Bulk(o);
    REQUIRE(bulk.ok());
    auto& w = **bulk;
    auto doc = w.AddDocument(Doc("a"));
    REQUIRE(doc.ok());
    auto s1 = w.AddSentence(*doc, 0, "Velmor met Tarsk in Oskadia.");
    auto s2 = w.AddSentence(*doc, 1, "Tarsk warned Velmor.");
    REQUIRE((s1.ok() && s2.ok()));
    auto velmor = w.AddEntity("Ilan Velmor", "person", "XAA");
    auto tarsk = w.AddEntity("Tarsk Union", "organization", "");
    auto city = w.AddEntity("Oskadia", "", "");
    REQUIRE((velmor.ok() && tarsk.ok() && city.ok()));
    REQUIRE(w.AddAlias("Velmor", *velmor).ok());
    REQUIRE(w.AddAlias("Velmor", *velmor).ok());  // twice is fine
    BulkEvent e;
    e.sentence_id = *s1;
    e.actor_id = *velmor;
    e.object_id = *tarsk;
    e.place_id = *city;
    e.action = "meet";
    e.action_class = "04 Consult";
    e.event_date = "2024-04-30";
    REQUIRE(w.AddEvent(e).ok());
    BulkEvent f;
    f.sentence_id = *s2;
    f.actor_id = *tarsk;
    f.object_id = *velmor;
    f.action = "warn";
    f.negated = true;
    f.modality = detente::Modality::kFuture;
    REQUIRE(w.AddEvent(f).ok());
    REQUIRE(w.Finish().ok());
  }
  CHECK(One(*store, "SELECT count(*) FROM documents") == "1");
  CHECK(One(*store, "SELECT count(*) FROM sentences") == "2");
  CHECK(One(*store, "SELECT count(*) FROM entities") == "3");
  CHECK(One(*store, "SELECT count(*) FROM aliases") == "1");
  CHECK(One(*store, "SELECT count(*) FROM events") == "2");
  CHECK(One(*store, "SELECT kind FROM entities WHERE name = 'Oskadia'") == "unknown");
  CHECK(One(*store, "SELECT country FROM entities WHERE name = 'Tarsk Union'") == "NULL");
  CHECK(One(*store, "SELECT actor || '>' || object || '@' || place || ' ' || event_date "
                    "FROM event_view WHERE action = 'meet'") ==
        "Ilan Velmor>Tarsk Union@Oskadia 2024-04-30");
  CHECK(One(*store, "SELECT negated || modality || COALESCE(action_class, '-') || "
                    "COALESCE(event_date, '-') FROM events WHERE action = 'warn'") ==
        "1future--");
  // The full-text index is kept by the schema's triggers.
  CHECK(One(*store, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'warned'") ==
        "1");
  // The same file read by another connection sees everything committed.
  auto other = Open(path);
  CHECK(One(*other, "SELECT count(*) FROM events") == "2");
}

TEST_CASE("store: a refused bulk row rolls back its batch only, and stops the writer",
          "[store][bulk]") {
  TempDir dir;
  auto store = Open(dir.File("bulk.db"));
  BulkOptions o;
  o.batch_rows = 2;
  o.defer_indexes = false;
  auto bulk = store->Bulk(o);
  REQUIRE(bulk.ok());
  auto& w = **bulk;
  REQUIRE(w.AddEntity("Ana Rell", "person", "").ok());
  REQUIRE(w.AddEntity("Bo Rell", "person", "").ok());  // batch 1 is full
  REQUIRE(w.AddEntity("Cy Rell", "person", "").ok());  // batch 2 opens
  auto dup = w.AddEntity("ana rell", "person", "");    // NOCASE duplicate
  CHECK(dup.status().code() == Status::Code::kDataError);
  CHECK_FALSE(w.AddEntity("Di Rell", "person", "").ok());
  CHECK_FALSE(w.Finish().ok());
  CHECK(One(*store, "SELECT group_concat(name, ',') FROM entities") == "Ana Rell,Bo Rell");

  // A dangling reference is refused by the foreign keys, row by row when
  // the database already has sentences or events.
  {
    auto setup = store->Bulk(o);
    REQUIRE(setup.ok());
    auto doc = (*setup)->AddDocument(Doc("a"));
    REQUIRE(doc.ok());
    REQUIRE((*setup)->AddSentence(*doc, 0, "Ana met Bo.").ok());
    REQUIRE((*setup)->Finish().ok());
  }
  auto again = store->Bulk();
  REQUIRE(again.ok());
  BulkEvent e;
  e.sentence_id = 999;
  e.actor_id = 1;
  e.action = "meet";
  CHECK((*again)->AddEvent(e).status().code() == Status::Code::kDataError);
}

TEST_CASE("store: a bulk writer destroyed without Finish rolls back its open batch",
          "[store][bulk]") {
  TempDir dir;
  auto store = Open(dir.File("bulk.db"));
  BulkOptions o;
  o.batch_rows = 2;
  o.defer_indexes = false;
  {
    auto bulk = store->Bulk(o);
    REQUIRE(bulk.ok());
    for (const char* n : {"A", "B", "C"}) REQUIRE((*bulk)->AddEntity(n, "city", "").ok());
  }
  CHECK(One(*store, "SELECT count(*) FROM entities") == "2");
  // The connection is usable again afterwards.
  auto bulk = store->Bulk(o);
  REQUIRE(bulk.ok());
  REQUIRE((*bulk)->AddEntity("D", "city", "").ok());
  REQUIRE((*bulk)->Finish().ok());
  CHECK(One(*store, "SELECT count(*) FROM entities") == "3");
}

TEST_CASE("store: no bulk path on a read-only store", "[store][bulk]") {
  TempDir dir;
  const std::string path = dir.File("bulk.db");
  Open(path);
  StoreOptions ro;
  ro.read_only = true;
  auto store = Store::Open(path, ro);
  REQUIRE(store.ok());
  CHECK((*store)->Bulk().status().code() == Status::Code::kUnsupported);
}

TEST_CASE("store: every change to the graph's tables bumps the generation", "[store][bulk]") {
  TempDir dir;
  auto store = Open(dir.File("g.db"));
  auto gen = [&] { return std::stoll(One(*store, "SELECT n FROM generation")); };
  BulkOptions o;
  o.defer_indexes = false;  // row by row, so that every trigger fires
  CHECK(One(*store, "SELECT length(db_id) FROM generation") == "32");
  int64_t n = gen();
  int64_t doc = 0, sentence = 0, actor = 0;
  {
    auto bulk = store->Bulk(o);
    REQUIRE(bulk.ok());
    doc = *(*bulk)->AddDocument(Doc("a"));
    sentence = *(*bulk)->AddSentence(doc, 0, "Ana met Bo.");
    CHECK(gen() == n);  // documents and sentences alone change no edge
    actor = *(*bulk)->AddEntity("Ana", "person", "");
    REQUIRE((*bulk)->AddEntity("Bo", "person", "").ok());
    BulkEvent e;
    e.sentence_id = sentence;
    e.actor_id = actor;
    e.object_id = actor + 1;
    e.action = "meet";
    REQUIRE((*bulk)->AddEvent(e).ok());
    REQUIRE((*bulk)->Finish().ok());
  }
  CHECK(gen() == n + 3);
  const char* changes[] = {
      "UPDATE events SET action = 'visit'",
      "UPDATE entities SET kind = 'country' WHERE name = 'Bo'",
      "UPDATE documents SET published = '2020-01-01'",
      "DELETE FROM events",
      "DELETE FROM entities WHERE name = 'Bo'",
  };
  for (const char* sql : changes) {
    int64_t before = gen();
    REQUIRE(store->Query(sql).ok());
    INFO(sql);
    CHECK(gen() > before);
  }
}

namespace {

// Every index and trigger of the schema, with its SQL.
std::string Schema(Store& store) {
  auto r = store.Query(
      "SELECT group_concat(name || ': ' || sql, char(10)) FROM (SELECT name, sql FROM "
      "sqlite_schema WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name)");
  REQUIRE(r.ok());
  return r->rows[0][0].value_or("");
}

// Adds a document `name` with `n` events between two new entities.
void Load(detente::BulkWriter& w, int n, const std::string& name = "initial") {
  auto doc = w.AddDocument(Doc(name));
  REQUIRE(doc.ok());
  auto a = w.AddEntity("Ana " + name, "person", "");
  auto b = w.AddEntity("Bo " + name, "person", "");
  REQUIRE((a.ok() && b.ok()));
  for (int i = 0; i < n; ++i) {
    auto s = w.AddSentence(*doc, i, "Rell met Rell again, time " + std::to_string(i) + ".");
    REQUIRE(s.ok());
    BulkEvent e;
    e.sentence_id = *s;
    e.actor_id = *a;
    e.object_id = *b;
    e.action = "meet";
    REQUIRE(w.AddEvent(e).ok());
  }
}

}  // namespace

TEST_CASE("store: an initial bulk load defers indexes and triggers, then restores them",
          "[store][bulk]") {
  TempDir dir;
  auto store = Open(dir.File("bulk.db"));
  const std::string schema = Schema(*store);
  REQUIRE(schema.find("events_actor") != std::string::npos);
  REQUIRE(schema.find("sentences_ai") != std::string::npos);
  const int64_t gen = std::stoll(One(*store, "SELECT n FROM generation"));
  {
    auto bulk = store->Bulk();
    REQUIRE(bulk.ok());
    Load(**bulk, 50);
    REQUIRE((*bulk)->Finish().ok());
  }
  CHECK(Schema(*store) == schema);
  CHECK(One(*store, "SELECT count(*) FROM events") == "50");
  CHECK(One(*store, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'again'") ==
        "50");
  CHECK(std::stoll(One(*store, "SELECT n FROM generation")) > gen);
  // The query planner uses the rebuilt index again.
  auto plan = store->Query("EXPLAIN QUERY PLAN SELECT * FROM events WHERE actor_id = 1");
  REQUIRE(plan.ok());
  CHECK(plan->rows.back().back().value_or("").find("events_actor") != std::string::npos);
  CHECK(One(*store, "PRAGMA integrity_check") == "ok");
  CHECK(One(*store, "PRAGMA foreign_keys") == "1");
  // The full-text index is whole, and keeps no setting of the rebuild's.
  REQUIRE(store->Query("INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')").ok());
  CHECK(One(*store, "SELECT group_concat(k) FROM sentences_fts_config") == "version");

  // A second load into a non-empty database goes row by row, in batches.
  auto again = store->Bulk();
  REQUIRE(again.ok());
  Load(**again, 3, "second");
  REQUIRE((*again)->Finish().ok());
  CHECK(One(*store, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'again'") ==
        "53");
}

TEST_CASE("store: an initial bulk load refuses a dangling reference when it is added, and "
          "stores nothing",
          "[store][bulk]") {
  struct Case {
    const char* name;
    int64_t sentence_delta, actor_delta, object_delta, place_delta, alias_delta, doc_delta;
  };
  const Case cases[] = {
      {"event -> sentence", 1000, 0, 0, 0, 0, 0},
      {"event -> actor", 0, 1000, 0, 0, 0, 0},
      {"event -> object", 0, 0, 1000, 0, 0, 0},
      {"event -> place", 0, 0, 0, 1000, 0, 0},
      {"alias -> entity", 0, 0, 0, 0, 1000, 0},
      {"sentence -> document", 0, 0, 0, 0, 0, 1000},
      {"event -> an entity there before", 0, 0, -1, 0, 0, 0},  // object #0: none is stored
  };
  for (const Case& c : cases) {
    INFO(c.name);
    TempDir dir;
    auto store = Open(dir.File("bulk.db"));
    // Rows there before the load, which it may name: entity #2 and document #1.
    REQUIRE(store
                ->Query("INSERT INTO entities(id, name, kind) VALUES (2, 'Old', 'city'); "
                        "INSERT INTO documents(source, sha256) VALUES ('old', 'x')")
                .ok());
    const std::string schema = Schema(*store);
    const std::string gen = One(*store, "SELECT n FROM generation");
    {
      auto bulk = store->Bulk();
      REQUIRE(bulk.ok());
      auto& w = **bulk;
      Load(w, 40);  // more rows than one multi-row insert
      auto doc = w.AddDocument(Doc("bad"));
      REQUIRE(doc.ok());
      Status refused;
      auto note = [&](const Status& s) {
        if (refused.ok()) refused = s;
      };
      auto s = w.AddSentence(*doc + c.doc_delta, 0, "Ana met Bo.");
      note(s.status());
      auto old_doc = w.AddSentence(1, 1, "On an old document.");  // #1 was there before
      note(old_doc.status());
      auto a = w.AddEntity("Ana", "person", "");
      note(a.status());
      if (refused.ok()) note(w.AddAlias("A.", *a + c.alias_delta));
      if (refused.ok()) {
        BulkEvent e;
        e.sentence_id = *s + c.sentence_delta;
        e.actor_id = *a + c.actor_delta;
        e.object_id = 2 + c.object_delta;  // "Old", there before the load
        e.place_id = c.place_delta;        // 0: no place
        e.action = "meet";
        note(w.AddEvent(e).status());
      }
      INFO(refused.ToString());
      // The call that named the missing row said so; nothing after it works.
      CHECK(refused.code() == Status::Code::kDataError);
      CHECK(refused.message().find("foreign key") != std::string::npos);
      CHECK_FALSE(w.AddEntity("Late", "city", "").ok());
      CHECK_FALSE(w.Finish().ok());
    }
    // Nothing of the load is stored; the schema and the counter are as they were.
    CHECK(One(*store, "SELECT count(*) FROM entities") == "1");
    CHECK(One(*store, "SELECT count(*) FROM aliases") == "0");
    CHECK(One(*store, "SELECT count(*) FROM documents") == "1");
    CHECK(One(*store, "SELECT count(*) FROM sentences") == "0");
    CHECK(One(*store, "SELECT count(*) FROM events") == "0");
    CHECK(Schema(*store) == schema);
    CHECK(One(*store, "SELECT n FROM generation") == gen);
    // The connection checks foreign keys row by row again.
    CHECK(One(*store, "PRAGMA foreign_keys") == "1");
    CHECK_FALSE(store->Query("INSERT INTO aliases(alias, entity_id) VALUES ('x', 999)").ok());
  }
}

TEST_CASE("store: an initial bulk load accepts references to rows there before it",
          "[store][bulk]") {
  TempDir dir;
  auto store = Open(dir.File("bulk.db"));
  REQUIRE(store
              ->Query("INSERT INTO entities(id, name, kind) VALUES (5, 'Old', 'city'), "
                      "(9, 'Older', 'city'); "
                      "INSERT INTO documents(id, source, sha256) VALUES (3, 'old', 'x')")
              .ok());
  auto bulk = store->Bulk();
  REQUIRE(bulk.ok());
  auto& w = **bulk;
  auto s = w.AddSentence(3, 0, "Old met Older.");
  REQUIRE(s.ok());
  auto ana = w.AddEntity("Ana", "person", "");
  REQUIRE(ana.ok());
  CHECK(*ana == 10);
  REQUIRE(w.AddAlias("O.", 5).ok());
  BulkEvent e;
  e.sentence_id = *s;
  e.actor_id = 5;
  e.object_id = 9;
  e.place_id = *ana;
  e.action = "meet";
  REQUIRE(w.AddEvent(e).ok());
  // Between the old ids and the new ones: no such entity.
  e.object_id = 7;
  CHECK(w.AddEvent(e).status().code() == Status::Code::kDataError);
  CHECK(One(*store, "SELECT count(*) FROM events") == "0");
}

TEST_CASE("store: the bulk writer checks every foreign key of the schema", "[store][bulk]") {
  // An initial load inserts with PRAGMA foreign_keys off and checks these
  // references itself: a new foreign key in the schema must be added there
  // (curation_undo, document_entities and entity_evidence are not tables the
  // bulk writer fills).
  TempDir dir;
  auto store = Open(dir.File("bulk.db"));
  CHECK(One(*store,
            "SELECT group_concat(fk, ' ') FROM (SELECT t.name || '.' || f.\"from\" || '->' || "
            "f.\"table\" AS fk FROM sqlite_schema t, pragma_foreign_key_list(t.name) f "
            "WHERE t.type = 'table' ORDER BY fk)") ==
        "aliases.entity_id->entities curation_undo.curation_id->curation "
            "document_entities.document_id->documents entity_evidence.entity_id->entities events.actor_id->entities "
            "events.object_id->entities "
        "events.place_id->entities events.sentence_id->sentences "
        "sentences.document_id->documents");
}

TEST_CASE("store: an initial bulk load refuses a bad row and stores nothing", "[store][bulk]") {
  TempDir dir;
  auto store = Open(dir.File("bulk.db"));
  const std::string schema = Schema(*store);
  {
    auto bulk = store->Bulk();
    REQUIRE(bulk.ok());
    auto& w = **bulk;
    Load(w, 5);
    REQUIRE(w.AddEntity("Cy Rell", "person", "").ok());
    // A NOCASE duplicate: refused when its rows are written, at the latest
    // by Finish().
    Status s = w.AddEntity("cy rell", "person", "").status();
    for (int i = 0; s.ok() && i < 100; ++i) {
      s = w.AddEntity("Filler " + std::to_string(i), "city", "").status();
    }
    if (s.ok()) s = w.Finish();
    CHECK(s.code() == Status::Code::kDataError);
    CHECK(s.message().find("UNIQUE") != std::string::npos);
    CHECK_FALSE(w.Finish().ok());
  }
  CHECK(One(*store, "SELECT count(*) FROM entities") == "0");
  CHECK(One(*store, "SELECT count(*) FROM events") == "0");
  CHECK(One(*store, "PRAGMA foreign_keys") == "1");
  CHECK(Schema(*store) == schema);  // the dropped indexes and triggers are back
  // The connection is usable: the next load starts afresh.
  auto again = store->Bulk();
  REQUIRE(again.ok());
  Load(**again, 3);
  REQUIRE((*again)->Finish().ok());
  CHECK(One(*store, "SELECT count(*) FROM events") == "3");
}

TEST_CASE("store: an initial bulk load returns the row ids SQLite stores, and reports its steps",
          "[store][bulk]") {
  TempDir dir;
  auto store = Open(dir.File("bulk.db"));
  // Rows there before the load: new ids follow them.
  REQUIRE(store
              ->Query("INSERT INTO entities(name, kind) VALUES ('Old', 'city'); "
                      "INSERT INTO documents(source, sha256) VALUES ('old', 'x')")
              .ok());
  std::vector<int64_t> events, entities;
  auto bulk = store->Bulk();
  REQUIRE(bulk.ok());
  auto& w = **bulk;
  CHECK(w.FinishSteps().empty());
  auto doc = w.AddDocument(Doc("a"));
  REQUIRE(doc.ok());
  CHECK(*doc == 2);
  for (int i = 0; i < 70; ++i) {
    auto e = w.AddEntity("E" + std::to_string(i), i % 2 ? "city" : "", i % 3 ? "XAA" : "");
    REQUIRE(e.ok());
    entities.push_back(*e);
    REQUIRE(w.AddAlias("Alias " + std::to_string(i % 7), *e).ok());
    REQUIRE(w.AddAlias("Alias " + std::to_string(i % 7), *e).ok());  // ignored
    auto s = w.AddSentence(*doc, i, "Sentence " + std::to_string(i) + ".");
    REQUIRE(s.ok());
    BulkEvent ev;
    ev.sentence_id = *s;
    ev.actor_id = *e;
    ev.object_id = i % 2 ? 1 : 0;
    ev.action = "meet";
    ev.event_date = i % 4 ? "2020-01-02" : "";
    ev.confidence = 0.5;
    auto id = w.AddEvent(ev);
    REQUIRE(id.ok());
    events.push_back(*id);
  }
  REQUIRE(w.Finish().ok());
  CHECK(entities.front() == 2);
  CHECK(events.front() == 1);
  for (size_t i = 0; i < events.size(); ++i) {
    INFO(i);
    CHECK(One(*store, "SELECT a.name || ' ' || s.text || ' ' || COALESCE(e.object_id, '-') || "
                      "' ' || COALESCE(e.event_date, '-') || ' ' || e.confidence FROM events e "
                      "JOIN entities a ON a.id = e.actor_id JOIN sentences s ON s.id = "
                      "e.sentence_id WHERE e.id = " +
                          std::to_string(events[i])) ==
          "E" + std::to_string(i) + " Sentence " + std::to_string(i) + ". " +
              (i % 2 ? "1" : "-") + " " + (i % 4 ? "2020-01-02" : "-") + " 0.5");
  }
  CHECK(One(*store, "SELECT count(*) FROM aliases") == "70");
  CHECK(One(*store, "SELECT count(*) FROM entities WHERE kind = 'unknown'") == "35");
  CHECK(One(*store, "SELECT count(*) FROM entities WHERE country IS NULL") == "25");  // with "Old"
  // Finish() says what it did: each deferred index, the full-text index,
  // the commit.
  std::string steps;
  for (const auto& st : w.FinishSteps()) {
    steps += st.what + "/" + st.table + ";";
    CHECK(st.wall_s >= 0);
    CHECK(st.cpu_s >= 0);
  }
  CHECK(steps.find("index events_actor/events;") != std::string::npos);
  CHECK(steps.find("full-text index/sentences;") != std::string::npos);
  CHECK(steps.substr(steps.size() - 8) == "commit/;");
}

TEST_CASE("store: an initial bulk load keeps the full-text index's own settings", "[store][bulk]") {
  TempDir dir;
  auto store = Open(dir.File("bulk.db"));
  REQUIRE(
      store->Query("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('automerge', 8)").ok());
  {
    auto bulk = store->Bulk();
    REQUIRE(bulk.ok());
    Load(**bulk, 10);
    REQUIRE((*bulk)->Finish().ok());
  }
  CHECK(One(*store, "SELECT group_concat(k || '=' || v) FROM sentences_fts_config ORDER BY k") ==
        "automerge=8,version=4");
  CHECK(One(*store, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'again'") ==
        "10");
}

TEST_CASE("store: an abandoned initial bulk load leaves the database as it was", "[store][bulk]") {
  TempDir dir;
  auto store = Open(dir.File("bulk.db"));
  const std::string schema = Schema(*store);
  {
    auto bulk = store->Bulk();
    REQUIRE(bulk.ok());
    Load(**bulk, 10);
  }  // no Finish()
  CHECK(Schema(*store) == schema);
  CHECK(One(*store, "SELECT count(*) FROM events") == "0");
  CHECK(One(*store, "SELECT count(*) FROM entities") == "0");
  CHECK(One(*store, "PRAGMA foreign_keys") == "1");
}

TEST_CASE("store: Query counts the rows its statements change, not their triggers' rows",
          "[store][bulk]") {
  TempDir dir;
  auto store = Open(dir.File("q.db"));
  // Each insert also bumps the generation counter through a trigger.
  auto r = store->Query(
      "INSERT INTO entities(name, kind) VALUES ('A', 'city'), ('B', 'city'); "
      "CREATE TABLE scratch(x); SELECT count(*) FROM entities");
  REQUIRE(r.ok());
  CHECK(r->changes == 2);
  auto d = store->Query("DELETE FROM entities WHERE name = 'A'");
  REQUIRE(d.ok());
  CHECK(d->changes == 1);
}
