// End-to-end: one real meeting reported by three documents with two spellings
// of each name (tests/data/consolidate/one_meeting.jsonl), ingested by the
// real binary (real Link Grammar parses, a real SQLite file); a schema-3
// database written by the previous release (tests/data/store/schema3.db);
// curation that later ingests respect and that can be undone.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "test_util.h"
#include "detente/json.h"

using namespace detente;
using namespace detente::testing;

namespace {

std::string Corpus() { return SourceDir() + "/tests/data/consolidate/one_meeting.jsonl"; }

// The documents of the corpus, each as a file of its own.
std::string Line(int n) {
  std::string all = ReadFile(Corpus());
  size_t b = 0;
  for (int i = 0; i < n; ++i) b = all.find('\n', b) + 1;
  return all.substr(b, all.find('\n', b) - b + 1);
}

struct Db {
  TempDir dir;
  std::string path = dir.File("d.db");
  RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin() + 1, {"--db", path});
    RunResult r = RunDetente(args);
    INFO(r.err);
    return r;
  }
  std::string Sql(const std::string& sql) {
    RunResult r = Run({"sql", "--format", "csv", sql});
    INFO(sql << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    std::string out = r.out.substr(r.out.find('\n') + 1);  // without the header
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
  }
  std::string Ingest(const std::string& jsonl) {
    const std::string file = dir.File("in" + std::to_string(++files_) + ".jsonl");
    WriteFile(file, jsonl);
    RunResult r = Run({"ingest", file});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return r.err;
  }
  int files_ = 0;
};

}  // namespace

TEST_CASE("consolidate cli: one meeting in three documents is one event of two entities",
          "[consolidate_cli]") {
  Db db;
  db.Ingest(ReadFile(Corpus()));
  // One entity per actor, whatever the spelling.
  CHECK(db.Sql("SELECT count(*) FROM entities WHERE kind = 'person'") == "2");
  CHECK(db.Sql("SELECT count(*) FROM aliases a JOIN entities e ON e.id = a.entity_id "
               "WHERE e.name = 'Volodymyr Zelenskyy' AND a.alias IN ('Volodymyr Zelensky', "
               "'Zelensky')") == "2");
  // One event, with every mention and document.
  CHECK(db.Sql("SELECT sources, mentions >= 3, cameo_code, quad_class, actor_role, doc_id, "
               "url FROM event_view WHERE action = 'meet'") ==
        "3,1,040,1,GOV,wire-1,https://news.example/wire-1");
  CHECK(db.Sql("SELECT count(*) FROM event_view WHERE action = 'meet'") == "1");
  CHECK(db.Sql("SELECT events FROM edges WHERE target IN ('Volodymyr Zelenskyy', "
               "'Recep Tayyip Erdoğan')") == "1");

  // path from a spelling no document used, and from a surname.
  RunResult r = db.Run({"path", "Zelenskiy", "Erdogan", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  auto json = ParseJson(r.out);
  REQUIRE(json.ok());
  const JsonValue& ev = json->Find("paths")->items()[0].Find("hops")->items()[0]
                            .Find("events")->items()[0];
  CHECK(ev.Find("sources")->as_number() == 3);
  CHECK(ev.Find("mentions")->as_number() >= 3);
  CHECK(ev.Find("evidence")->items().size() == ev.Find("mentions")->as_number());

  // detente events: one row per event, with the GDELT-like columns.
  r = db.Run({"events", "--format", "jsonl", "--class", "04", "--role", "GOV"});
  REQUIRE(r.exit_code == 0);
  auto first = ParseJson(r.out.substr(0, r.out.find('\n')));
  REQUIRE(first.ok());
  CHECK(first->Find("cameo_code")->as_string() == "040");
  CHECK(first->Find("event_root")->as_string() == "04");
  CHECK(first->Find("quad_class")->as_number() == 1);
  CHECK(first->Find("sources")->as_number() == 3);
  CHECK(first->Find("actor_country")->as_string() == "TUR");
  r = db.Run({"events", "--role", "REB"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find('\n') == r.out.size() - 1);  // the header only
  r = db.Run({"events", "--class", "4x"});
  CHECK(r.exit_code == 2);
  r = db.Run({"events", "--role", "BAD"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("--role: BAD is not a CAMEO role; the roles are GOV, MIL") != std::string::npos);

  // Graph commands filter on the entity's role.
  r = db.Run({"neighbours", "Erdogan", "--role", "GOV", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  auto gov = ParseJson(r.out);
  REQUIRE(gov.ok());
  CHECK(gov->Find("center")->Find("role")->as_string() == "GOV");
  // Every event here has a GOV actor (the two leaders): all of them stay.
  CHECK(gov->Find("events")->items().size() == 3);
  r = db.Run({"neighbours", "Erdogan", "--role", "REB", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  auto reb = ParseJson(r.out);
  REQUIRE(reb.ok());
  CHECK(reb->Find("events")->items().empty());
}

TEST_CASE("consolidate cli: a surname alone finds the person named in full elsewhere",
          "[consolidate_cli]") {
  Db db;
  db.Ingest(
      R"({"id": "x", "date": "2024-02-01", "text": "French President Emmanuel Macron met )"
      R"(German Chancellor Olaf Scholz in Paris on Thursday."})"
      "\n");
  RunResult r = db.Run({"path", "Macron", "Scholz"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Emmanuel Macron") != std::string::npos);
  r = db.Run({"entity", "Macron"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Emmanuel Macron (person, FRA), #") == 0);
}

TEST_CASE("consolidate cli: merges hold for later ingests and can be undone",
          "[consolidate_cli]") {
  Db db;
  db.Ingest(Line(0));
  // An entity the machine split: a name only an analyst knows is the same.
  CHECK(db.Run({"entity", "alias", "add", "Recep Tayyip Erdoğan", "Reis"}).exit_code == 0);
  db.Ingest(R"({"id": "r", "date": "2023-07-07", "text": "Reis met Zelensky in Istanbul."})"
            "\n");
  CHECK(db.Sql("SELECT count(*) FROM entities WHERE name = 'Reis'") == "0");

  db.Ingest(R"({"id": "s", "date": "2023-07-09", "text": "Sergei Example met Zelenskyy in Kyiv."})"
            "\n");
  const std::string before = db.Sql("SELECT count(*) FROM events WHERE actor_id = (SELECT id "
                                    "FROM entities WHERE name = 'Recep Tayyip Erdoğan')");
  RunResult r = db.Run({"entity", "merge", "Recep Tayyip Erdoğan", "Sergei Example"});
  REQUIRE(r.exit_code == 0);
  CHECK(db.Sql("SELECT count(*) FROM entities WHERE name = 'Sergei Example'") == "0");
  // A later document that names the merged entity resolves to the one kept.
  db.Ingest(R"({"id": "t", "date": "2023-08-01", "text": "Sergei Example met Olaf Scholz )"
            R"(in Berlin."})"
            "\n");
  CHECK(db.Sql("SELECT count(*) FROM entities WHERE name = 'Sergei Example'") == "0");
  CHECK(db.Sql("SELECT count(*) FROM curation WHERE op = 'merge' AND undone_at IS NULL") == "1");

  // Undo: the entity is back with its own mentions; the kept one has its own.
  r = db.Run({"entity", "unmerge", "Sergei Example"});
  REQUIRE(r.exit_code == 0);
  CHECK(db.Sql("SELECT count(*) FROM entities WHERE name = 'Sergei Example'") == "1");
  CHECK(db.Sql("SELECT count(*) FROM events e JOIN entities a ON a.id = e.actor_id "
               "WHERE a.name = 'Sergei Example' AND e.sentence_id IN (SELECT s.id FROM "
               "sentences s JOIN documents d ON d.id = s.document_id WHERE d.doc_id = 's')") ==
        "1");
  CHECK(db.Sql("SELECT count(*) FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE "
               "e.name = 'Recep Tayyip Erdoğan' AND a.alias = 'Sergei Example'") == "0");
  CHECK(db.Run({"entity", "unmerge", "Sergei Example"}).exit_code == 1);  // nothing to undo

  // Removing an alias holds: a later document does not bring it back.
  CHECK(db.Run({"entity", "alias", "remove", "Recep Tayyip Erdoğan", "Reis"}).exit_code == 0);
  db.Ingest(R"({"id": "u", "date": "2023-09-01", "text": "Reis met Olaf Scholz in Ankara."})"
            "\n");
  CHECK(db.Sql("SELECT count(*) FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE "
               "e.name = 'Recep Tayyip Erdoğan' AND a.alias = 'Reis'") == "0");
  CHECK(db.Run({"entity", "merge", "Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan"}).exit_code ==
        2);
  CHECK(db.Run({"entity", "merge", "Recep Tayyip Erdoğan", "Nobody Here"}).exit_code == 1);
  (void)before;
}

TEST_CASE("consolidate cli: a schema-3 database of the previous release migrates and works",
          "[consolidate_cli]") {
  Db db;
  std::filesystem::copy_file(SourceDir() + "/tests/data/store/schema3.db", db.path);
  // Read by a graph command first: brought up to date on the way.
  RunResult r = db.Run({"path", "Recep Tayyip Erdoğan", "Volodymyr Zelenskyy"});
  CHECK(r.exit_code == 0);
  CHECK(db.Sql("PRAGMA user_version") == "5");
  CHECK(db.Sql("PRAGMA integrity_check") == "ok");
  CHECK(db.Sql("SELECT count(*) FROM events") == "3");
  CHECK(db.Sql("SELECT count(*) FROM documents") == "2");
  // The old release kept two spellings of each leader apart (four persons);
  // the migration merges them as `entity merge` would, recorded as curation.
  CHECK(db.Sql("SELECT group_concat(name, '|') FROM (SELECT name FROM entities "
               "WHERE kind = 'person' ORDER BY name)") ==
        "Recep Tayyip Erdoğan|Volodymyr Zelenskyy");
  CHECK(db.Sql("SELECT group_concat(a.alias, '|') FROM (SELECT alias FROM aliases a JOIN "
               "entities e ON e.id = a.entity_id WHERE e.name = 'Recep Tayyip Erdoğan' AND "
               "a.alias LIKE 'Recep Tayyip Erdo_an' ORDER BY alias) a") ==
        "Recep Tayyip Erdogan|Recep Tayyip Erdoğan");
  CHECK(db.Sql("SELECT group_concat(op || ':' || entity || '<' || other, '|') FROM "
               "(SELECT * FROM curation ORDER BY id)") ==
        "merge:Recep Tayyip Erdoğan<Recep Tayyip Erdogan|"
        "merge:Volodymyr Zelenskyy<Volodymyr Zelensky");
  // Every event is kept and names a person that exists.
  CHECK(db.Sql("SELECT count(*) FROM events e JOIN entities a ON a.id = e.actor_id "
               "LEFT JOIN entities o ON o.id = e.object_id "
               "WHERE e.object_id IS NULL OR o.id IS NOT NULL") == "3");
  // The two reports of the meeting are now one event (the merge consolidates).
  CHECK(db.Sql("SELECT count(*) || '/' || max(sources) FROM event_view WHERE action = 'meet'") ==
        "1/2");
  // A new document ingests next to the old rows and its names resolve.
  db.Ingest(Line(2));
  CHECK(db.Sql("SELECT count(*) FROM entities WHERE kind = 'person'") == "2");
  CHECK(db.Sql("SELECT count(*) FROM event_view WHERE cameo_code LIKE '04%'") != "0");
  r = db.Run({"events", "--format", "csv"});
  CHECK(r.exit_code == 0);
  r = db.Run({"entity", "Zelenskiy"});
  CHECK(r.exit_code == 0);
  // And the migration's merges undo as a hand merge does, and stay undone:
  // the migration ran once.
  CHECK(db.Run({"entity", "unmerge", "Recep Tayyip Erdogan"}).exit_code == 0);
  CHECK(db.Sql("SELECT count(*) FROM entities WHERE name = 'Recep Tayyip Erdogan'") == "1");
  CHECK(db.Sql("SELECT count(*) FROM event_view e JOIN documents d ON d.id = e.document_id "
               "WHERE e.action = 'meet' AND d.doc_id = 'paper-2'") == "1");
  CHECK(db.Sql("SELECT count(*) FROM entities WHERE name LIKE 'Recep Tayyip Erdo_an'") == "2");
}

TEST_CASE("consolidate cli: migrating a schema-3 database leaves surname-only matches apart",
          "[consolidate_cli]") {
  Db db;
  std::filesystem::copy_file(SourceDir() + "/tests/data/store/schema3.db", db.path);
  {
    // The previous release's schema, written to as it wrote: a bare surname
    // ("Erdogan") and a person of another kind's spelling stay apart.
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.path.c_str(), &raw) == SQLITE_OK);
    CHECK(sqlite3_exec(raw,
                       "INSERT INTO entities(id, name, kind) VALUES "
                       "(10, 'Erdogan', 'person'), (11, 'Volodymyr  ZELENSKY', 'organization');"
                       "INSERT INTO aliases(alias, entity_id) VALUES ('Erdogan', 10);",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
  }
  CHECK(db.Run({"path", "Recep Tayyip Erdoğan", "Volodymyr Zelenskyy"}).exit_code == 0);
  CHECK(db.Sql("PRAGMA user_version") == "5");
  CHECK(db.Sql("SELECT group_concat(name, '|') FROM (SELECT name FROM entities "
               "WHERE kind IN ('person', 'organization') ORDER BY id)") ==
        "Recep Tayyip Erdoğan|Volodymyr Zelenskyy|Erdogan|Volodymyr  ZELENSKY");
  CHECK(db.Sql("SELECT count(*) FROM curation") == "2");
}
