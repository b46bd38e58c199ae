#include "detente/store.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <limits>
#include <filesystem>
#include <string>
#include <thread>

#include "store/migrations.h"
#include "test_util.h"

using detente::Document;
using detente::Entity;
using detente::EntityKind;
using detente::Event;
using detente::Extraction;
using detente::QueryResult;
using detente::Result;
using detente::Sentence;
using detente::Status;
using detente::Store;
using detente::StoreOptions;
using detente::testing::TempDir;
using detente::testing::WriteFile;

namespace {

std::unique_ptr<Store> OpenOrDie(const std::string& path, bool read_only = false) {
  StoreOptions o;
  o.read_only = read_only;
  auto s = Store::Open(path, o);
  INFO(s.status().ToString());
  REQUIRE(s.ok());
  return std::move(*s);
}

// The single value of a one-row, one-column query.
std::string One(Store& store, const std::string& sql) {
  auto r = store.Query(sql);
  INFO(sql << ": " << r.status().ToString());
  REQUIRE(r.ok());
  REQUIRE(r->rows.size() == 1);
  REQUIRE(r->rows[0].size() == 1);
  return r->rows[0][0].value_or("NULL");
}

Document Doc(const std::string& id, const std::string& text) {
  Document d;
  d.source = "/tmp/" + id + ".txt";
  d.id = id;
  d.title = "Blinken in Cairo";
  d.date = "2024-06-10";
  d.url = "https://example.org/" + id;
  d.text = text;
  return d;
}

// A document with two sentences, three entities and two events, as the
// extractor will produce it.
Extraction Sample() {
  Extraction x;
  x.sentences.push_back({0, true, 0, 16, "Blinken in Cairo"});
  x.sentences.push_back(
      {1, false, 0, 60, "U.S. Secretary of State Antony Blinken met el-Sissi in Cairo."});
  x.sentences.push_back({2, false, 61, 100, "Blinken will not travel to Qatar."});
  x.entities.push_back(
      {"Antony Blinken", EntityKind::kPerson, "USA", {"Blinken", "Antony Blinken"}});
  x.entities.push_back({"Abdel Fattah el-Sissi", EntityKind::kPerson, "EGY", {"el-Sissi"}});
  x.entities.push_back({"Cairo", EntityKind::kCity, "EGY", {}});
  Event met;
  met.sentence = 1;
  met.actor = "Antony Blinken";
  met.actor_kind = EntityKind::kPerson;
  met.actor_country = "USA";
  met.action = "meet";
  met.action_class = "04 Consult";
  met.object = "el-Sissi";  // an alias: resolves to the canonical entity
  met.place = "Cairo";
  met.time = "2024-06-10";
  met.time_text = "on Monday";
  met.confidence = 0.9;
  x.events.push_back(met);
  Event travel;
  travel.sentence = 2;
  travel.actor = "Blinken";
  travel.action = "travel to";
  travel.object = "Qatar";  // not among the entities: created on the fly
  travel.object_kind = EntityKind::kCountry;
  travel.object_country = "QAT";
  travel.time = "this week";
  travel.negated = true;
  travel.modality = detente::Modality::kFuture;
  x.events.push_back(travel);
  return x;
}

void RawExec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  std::string msg = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(db);
  INFO(msg);
  REQUIRE(rc == SQLITE_OK);
}

}  // namespace

TEST_CASE("store: migrations create a STRICT schema and set user_version", "[store]") {
  TempDir dir;
  std::string path = dir.File("t.db");
  {
    auto store = OpenOrDie(path);
    CHECK(Store::SchemaVersion() >= 1);
    CHECK(One(*store, "PRAGMA user_version") == std::to_string(Store::SchemaVersion()));
    for (const char* table : {"documents", "sentences", "entities", "aliases", "events"}) {
      INFO(table);
      auto r = store->Query(std::string("SELECT strict FROM pragma_table_list WHERE name = '") +
                            table + "'");
      REQUIRE(r.ok());
      REQUIRE(r->rows.size() == 1);
      CHECK(r->rows[0][0] == "1");
    }
    CHECK(One(*store,
              "SELECT count(*) FROM sqlite_schema WHERE type = 'view' AND name IN "
              "('event_view', 'edges')") == "2");
  }
  // Reopening is a no-op, and read-only opens of an up-to-date file work.
  auto again = OpenOrDie(path);
  CHECK(One(*again, "PRAGMA user_version") == std::to_string(Store::SchemaVersion()));
  auto ro = OpenOrDie(path, true);
  CHECK(One(*ro, "SELECT count(*) FROM documents") == "0");
}

TEST_CASE("store: connections use WAL, foreign keys and a busy timeout", "[store]") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("t.db"));
  CHECK(One(*store, "PRAGMA journal_mode") == "wal");
  CHECK(One(*store, "PRAGMA foreign_keys") == "1");
  CHECK(One(*store, "PRAGMA busy_timeout") == "10000");
  // Foreign keys are enforced, not just declared.
  auto bad = store->Query("INSERT INTO aliases(alias, entity_id) VALUES ('x', 4242)");
  CHECK_FALSE(bad.ok());
  CHECK(bad.status().message().find("FOREIGN KEY") != std::string::npos);
  auto ro = OpenOrDie(dir.File("t.db"), true);
  CHECK(One(*ro, "PRAGMA foreign_keys") == "1");
}

TEST_CASE("store: a document is stored with sentences, entities, aliases and events", "[store]") {
  TempDir dir;
  // The extractor's version comes in as data (the store does not depend on
  // the extractor) and is stored with every event.
  StoreOptions options;
  options.extractor_version = "detente-test/7";
  auto opened = Store::Open(dir.File("t.db"), options);
  REQUIRE(opened.ok());
  std::unique_ptr<Store> store = std::move(*opened);
  auto added = store->AddDocument(Doc("d1", "body text"), Sample());
  INFO(added.status().ToString());
  REQUIRE(added.ok());
  CHECK(*added);

  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == 1);
  CHECK(stats->sentences == 3);
  CHECK(stats->entities == 4);  // Blinken, el-Sissi, Cairo, Qatar
  CHECK(stats->aliases == 6);   // the two Blinkens, the two el-Sissis, Cairo, Qatar
  CHECK(stats->events == 2);
  CHECK(stats->schema_version == Store::SchemaVersion());

  CHECK(One(*store,
            "SELECT source || '|' || doc_id || '|' || title || '|' || url || '|' || "
            "published || '|' || length(sha256) FROM documents") ==
        "/tmp/d1.txt|d1|Blinken in Cairo|https://example.org/d1|2024-06-10|64");
  CHECK(One(*store,
            "SELECT group_concat(in_title || ':' || start || '-' || end, ' ') "
            "FROM (SELECT * FROM sentences ORDER BY idx)") == "1:0-16 0:0-60 0:61-100");

  auto ev = store->Query(
      "SELECT actor, actor_kind, actor_country, action, action_class, object, object_kind, "
      "object_country, place, event_date, time_text, negated, modality, confidence, sentence, "
      "document_title, published FROM event_view ORDER BY event_id");
  REQUIRE(ev.ok());
  REQUIRE(ev->rows.size() == 2);
  using Row = std::vector<std::optional<std::string>>;
  CHECK(ev->rows[0] == Row{"Antony Blinken", "person", "USA", "meet", "04 Consult",
                           "Abdel Fattah el-Sissi", "person", "EGY", "Cairo", "2024-06-10",
                           "on Monday", "0", "asserted", "0.9",
                           "U.S. Secretary of State Antony Blinken met el-Sissi in Cairo.",
                           "Blinken in Cairo", "2024-06-10"});
  CHECK(ev->rows[1] == Row{"Antony Blinken", "person", "USA", "travel to", std::nullopt, "Qatar",
                           "country", "QAT", std::nullopt, std::nullopt, "this week", "1", "future",
                           "1.0", "Blinken will not travel to Qatar.", "Blinken in Cairo",
                           "2024-06-10"});
  CHECK(ev->numeric[0][11]);       // negated is an integer
  CHECK_FALSE(ev->numeric[0][0]);  // actor is text
  CHECK(One(*store, "SELECT count(*) FROM events WHERE extractor_version = 'detente-test/7'") ==
        "2");

  // The edges view aggregates asserted, non-negated events only.
  auto edges = store->Query("SELECT source, target, events, actions, first_date FROM edges");
  REQUIRE(edges.ok());
  REQUIRE(edges->rows.size() == 1);
  CHECK(edges->rows[0] ==
        Row{"Antony Blinken", "Abdel Fattah el-Sissi", "1", "meet", "2024-06-10"});
  CHECK(One(*store,
            "SELECT e.name FROM aliases a JOIN entities e ON e.id = a.entity_id "
            "WHERE a.alias = 'BLINKEN'") == "Antony Blinken");
}

TEST_CASE("store: re-adding the same content changes nothing", "[store]") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("t.db"));
  REQUIRE(*store->AddDocument(Doc("d1", "body text"), Sample()));
  CHECK(*store->Contains(Doc("other-id", "body text")));
  CHECK_FALSE(*store->Contains(Doc("d1", "body text, changed")));
  auto again = store->AddDocument(Doc("other-id", "body text"), Sample());
  REQUIRE(again.ok());
  CHECK_FALSE(*again);
  CHECK(One(*store, "SELECT count(*) FROM documents") == "1");
  CHECK(One(*store, "SELECT count(*) FROM sentences") == "3");
  CHECK(One(*store, "SELECT count(*) FROM events") == "2");
  // Different text is a different document; its entities are shared.
  REQUIRE(*store->AddDocument(Doc("d2", "other body"), Sample()));
  CHECK(One(*store, "SELECT count(*) FROM documents") == "2");
  CHECK(One(*store, "SELECT count(*) FROM entities") == "4");
  CHECK(One(*store, "SELECT count(*) FROM events") == "4");
  // The same meeting on the same day, reported twice: one event, two mentions.
  CHECK(One(*store, "SELECT events FROM edges") == "1");
  CHECK(One(*store, "SELECT mentions || '/' || sources FROM event_view WHERE action = 'meet'") ==
        "2/2");
}

TEST_CASE("store: entities merge case-insensitively and learn kind and country", "[store]") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("t.db"));
  Extraction a;
  a.sentences.push_back({0, false, 0, 5, "Text."});
  a.entities.push_back({"Hamas", std::nullopt, "", {"Hamas"}});
  REQUIRE(*store->AddDocument(Doc("a", "a"), a));
  CHECK(One(*store, "SELECT kind || '|' || ifnull(country, 'NULL') FROM entities") ==
        "unknown|NULL");
  Extraction b = a;
  b.entities[0] = {"HAMAS", EntityKind::kArmedGroup, "PSE", {"the group"}};
  REQUIRE(*store->AddDocument(Doc("b", "b"), b));
  CHECK(One(*store, "SELECT name || '|' || kind || '|' || country FROM entities") ==
        "Hamas|armed_group|PSE");
  Extraction c = a;
  c.entities[0] = {"hamas", EntityKind::kOrganization, "QAT", {}};
  REQUIRE(*store->AddDocument(Doc("c", "c"), c));
  // Known values are never overwritten.
  CHECK(One(*store, "SELECT name || '|' || kind || '|' || country FROM entities") ==
        "Hamas|armed_group|PSE");
  CHECK(One(*store, "SELECT count(*) FROM aliases") == "2");  // Hamas (= HAMAS), the group
}

TEST_CASE("store: a failing document leaves nothing behind", "[store]") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("t.db"));
  Extraction x = Sample();
  x.events[1].sentence = 99;  // no such sentence: fails after most rows were written
  auto r = store->AddDocument(Doc("d1", "body"), x);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kDataError);
  for (const char* t : {"documents", "sentences", "entities", "aliases", "events"}) {
    INFO(t);
    CHECK(One(*store, std::string("SELECT count(*) FROM ") + t) == "0");
  }
  CHECK(One(*store, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'Blinken'") ==
        "0");
  // A SQLite constraint failure rolls back too (SQLite stores a NaN as NULL,
  // which confidence's NOT NULL refuses).
  x = Sample();
  x.events[0].confidence = std::numeric_limits<double>::quiet_NaN();
  auto refused = store->AddDocument(Doc("d1", "body"), x);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().code() == Status::Code::kDataError);
  CHECK(One(*store, "SELECT count(*) FROM documents") == "0");
  // The store is still usable afterwards.
  CHECK(*store->AddDocument(Doc("d1", "body"), Sample()));
}

TEST_CASE("store: full-text search finds sentences", "[store]") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("t.db"));
  REQUIRE(*store->AddDocument(Doc("d1", "body"), Sample()));
  auto r = store->Query(
      "SELECT s.text FROM sentences_fts f JOIN sentences s ON s.id = f.rowid "
      "WHERE sentences_fts MATCH 'travel AND qatar'");
  REQUIRE(r.ok());
  REQUIRE(r->rows.size() == 1);
  CHECK(r->rows[0][0] == "Blinken will not travel to Qatar.");
  CHECK(One(*store, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'cairo'") == "2");
}

// The plan's last line for `sql` (EXPLAIN QUERY PLAN).
std::string Plan(Store& store, const std::string& sql) {
  auto r = store.Query("EXPLAIN QUERY PLAN " + sql);
  INFO(sql << ": " << r.status().ToString());
  REQUIRE(r.ok());
  std::string plan;
  for (const auto& row : r->rows) plan += row.back().value_or("") + "\n";
  return plan;
}

TEST_CASE("store: lookups by place, object and date use their indexes", "[store]") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("t.db"));
  REQUIRE(*store->AddDocument(Doc("d1", "body"), Sample()));
  // These indexes leave out NULLs (schema 3); a query naming a value still
  // finds them.
  CHECK(Plan(*store, "SELECT id FROM events WHERE place_id = 3").find("events_place") !=
        std::string::npos);
  CHECK(Plan(*store, "SELECT id FROM events WHERE object_id IN (1, 2)").find("events_object") !=
        std::string::npos);
  CHECK(Plan(*store,
             "SELECT id FROM events WHERE event_date BETWEEN '2024-01-01' AND "
             "'2024-12-31'")
            .find("events_date") != std::string::npos);
  CHECK(Plan(*store,
             "SELECT e.id FROM entities p JOIN events e ON e.place_id = p.id "
             "WHERE p.name = 'Cairo'")
            .find("events_place") != std::string::npos);
  CHECK(One(*store,
            "SELECT count(*) FROM events WHERE place_id = "
            "(SELECT id FROM entities WHERE name = 'Cairo')") == "1");
  CHECK(One(*store, "SELECT count(*) FROM events WHERE event_date >= '2024'") == "1");
  CHECK(One(*store, "SELECT count(*) FROM events WHERE place_id IS NULL") == "1");
}

TEST_CASE("store: a schema 2 database is migrated, its data kept", "[store]") {
  TempDir dir;
  const std::string path = dir.File("t.db");
  // Schema 2 as its migrations made it, with two events.
  RawExec(path, std::string(detente::kMigrations[0].sql) + detente::kMigrations[1].sql +
                    "PRAGMA user_version = 2; "
                    "INSERT INTO documents(id, source, sha256) VALUES (1, 'a.txt', 'x'); "
                    "INSERT INTO sentences(id, document_id, idx, start, end, text) "
                    "VALUES (1, 1, 0, 0, 4, 'body'); "
                    "INSERT INTO entities(id, name, kind) VALUES (1, 'A', 'person'), "
                    "(2, 'B', 'country'); "
                    "INSERT INTO events(sentence_id, actor_id, action, object_id, "
                    "extractor_version) VALUES (1, 1, 'meet', 2, 'v'), (1, 2, 'say', NULL, 'v')");
  auto store = OpenOrDie(path);
  CHECK(One(*store, "PRAGMA user_version") == std::to_string(Store::SchemaVersion()));
  CHECK(One(*store,
            "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema "
            "WHERE type = 'index' AND tbl_name = 'events' AND sql LIKE '%IS NOT NULL' "
            "ORDER BY name)") == "events_date events_head events_object events_place");
  CHECK(One(*store, "SELECT count(*) FROM events") == "2");
  CHECK(One(*store, "PRAGMA integrity_check") == "ok");
}

TEST_CASE("store: a database from a newer detente is refused", "[store]") {
  TempDir dir;
  std::string path = dir.File("t.db");
  OpenOrDie(path);
  RawExec(path, "PRAGMA user_version = 999");
  for (bool ro : {false, true}) {
    StoreOptions o;
    o.read_only = ro;
    auto s = Store::Open(path, o);
    REQUIRE_FALSE(s.ok());
    CHECK(s.status().code() == Status::Code::kUnsupported);
    CHECK(s.status().message() == path +
                                      " was written by a newer detente (schema 999, this "
                                      "build knows " +
                                      std::to_string(Store::SchemaVersion()) + ")");
  }
}

TEST_CASE("store: foreign files and missing files are refused", "[store]") {
  TempDir dir;
  // Read-only never creates the file.
  auto missing = Store::Open(dir.File("none.db"), {.read_only = true});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kIOError);
  CHECK_FALSE(std::filesystem::exists(dir.File("none.db")));
  // Not SQLite at all.
  WriteFile(dir.File("text.db"), "this is not a database, just some text that is long enough");
  auto text = Store::Open(dir.File("text.db"));
  REQUIRE_FALSE(text.ok());
  CHECK(text.status().code() == Status::Code::kDatabaseError);
  // SQLite, but someone else's.
  RawExec(dir.File("other.db"), "CREATE TABLE t(x)");
  auto other = Store::Open(dir.File("other.db"));
  REQUIRE_FALSE(other.ok());
  CHECK(other.status().message().find("not a detente database") != std::string::npos);
  // An empty (new) database opened read-only is not up to date.
  RawExec(dir.File("empty.db"), "PRAGMA user_version = 0");
  auto empty = Store::Open(dir.File("empty.db"), {.read_only = true});
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.status().code() == Status::Code::kUnsupported);
}

TEST_CASE("store: read-only stores refuse writes through SQLite", "[store]") {
  TempDir dir;
  std::string path = dir.File("t.db");
  REQUIRE(*OpenOrDie(path)->AddDocument(Doc("d1", "body"), Sample()));
  auto ro = OpenOrDie(path, true);
  for (const char* write :
       {"DELETE FROM events", "INSERT INTO entities(name, kind) VALUES ('x', 'y')",
        "CREATE TABLE t(x)", "CREATE TEMP TABLE t(x)", "SELECT 1; DROP VIEW edges", "ANALYZE",
        "REINDEX", "SAVEPOINT a"}) {
    INFO(write);
    auto r = ro->Query(write);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kUnsupported);
    CHECK(r.status().message().find("read-only") != std::string::npos);
  }
  CHECK(One(*ro, "SELECT count(*) FROM events") == "2");
  CHECK_FALSE(ro->AddDocument(Doc("d2", "x"), Sample()).ok());
  // A writable store accepts the same statements; changes are counted.
  auto rw = OpenOrDie(path);
  auto del = rw->Query("DELETE FROM events WHERE negated = 1");
  REQUIRE(del.ok());
  CHECK(del->changes == 1);
  CHECK(del->columns.empty());
}

TEST_CASE("store: queries return the last result set with types", "[store]") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("t.db"));
  auto r = store->Query(
      "CREATE TEMP TABLE t(a); INSERT INTO t VALUES (1), (2.5), ('x'), (NULL), (x'00ff');\n"
      "SELECT a AS value FROM t ORDER BY rowid; -- trailing comment");
  REQUIRE(r.ok());
  CHECK(r->columns == std::vector<std::string>{"value"});
  REQUIRE(r->rows.size() == 5);
  CHECK(r->rows[0][0] == "1");
  CHECK(r->rows[1][0] == "2.5");
  CHECK(r->rows[2][0] == "x");
  CHECK(r->rows[3][0] == std::nullopt);
  CHECK(r->rows[4][0] == "00ff");
  CHECK(r->numeric[0][0]);
  CHECK(r->numeric[1][0]);
  CHECK_FALSE(r->numeric[2][0]);
  auto bad = store->Query("SELECT * FROM no_such_table");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == Status::Code::kDatabaseError);
  CHECK(bad.status().message().find("no such table") != std::string::npos);
  auto none = store->Query("SELECT * FROM documents");
  REQUIRE(none.ok());
  CHECK(none->rows.empty());
  CHECK(none->columns.size() == 8);
}

TEST_CASE("store: two connections write one file at once", "[store]") {
  TempDir dir;
  std::string path = dir.File("t.db");
  OpenOrDie(path);  // create and migrate first
  auto writer = [&](int from) {
    auto s = Store::Open(path);
    if (!s.ok()) return s.status();
    for (int i = from; i < from + 40; ++i) {
      Extraction x = Sample();
      Result<bool> r = (*s)->AddDocument(Doc("d" + std::to_string(i), std::to_string(i)), x);
      if (!r.ok()) return r.status();
    }
    return Status::OK();
  };
  Status a, b;
  std::thread ta([&] { a = writer(0); });
  std::thread tb([&] { b = writer(40); });
  ta.join();
  tb.join();
  INFO(a.ToString() << " / " << b.ToString());
  CHECK(a.ok());
  CHECK(b.ok());
  auto store = OpenOrDie(path, true);
  CHECK(One(*store, "SELECT count(*) FROM documents") == "80");
  CHECK(One(*store, "SELECT count(*) FROM entities") == "4");
  CHECK(One(*store, "SELECT count(*) FROM events") == "160");
}

TEST_CASE("store: the console writes no other file, in either mode (ATTACH, VACUUM INTO)",
          "[store][console]") {
  TempDir dir;
  std::string path = dir.File("t.db");
  REQUIRE(*OpenOrDie(path)->AddDocument(Doc("d1", "body"), Sample()));
  const std::string copy = dir.File("copy.db");
  for (bool read_only : {true, false}) {
    auto store = OpenOrDie(path, read_only);
    for (const std::string& q :
         {"VACUUM INTO '" + copy + "'", "ATTACH '" + copy + "' AS x; CREATE TABLE x.t(a)",
          std::string("SELECT 1; ATTACH ':memory:' AS m"), std::string("VACUUM"),
          std::string("DETACH x")}) {
      INFO(q << (read_only ? " (read-only)" : " (writable)"));
      auto r = store->Query(q);
      REQUIRE_FALSE(r.ok());
      CHECK(r.status().code() == Status::Code::kDataError);
      CHECK(r.status().message().find("not allowed") != std::string::npos);
      CHECK_FALSE(std::filesystem::exists(copy));
    }
  }
}
