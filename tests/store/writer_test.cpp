// The document writer: entity resolution across documents and event
// consolidation, on real SQLite files with extractions built by hand.
#include "store/writer.h"

#include <catch2/catch.hpp>
#include <string>

#include "detente/names.h"
#include "detente/store.h"
#include "test_util.h"

using detente::Document;
using detente::Entity;
using detente::EntityKind;
using detente::Event;
using detente::Extraction;
using detente::Sentence;
using detente::Store;
using detente::testing::TempDir;

namespace {

std::unique_ptr<Store> OpenOrDie(const std::string& path) {
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

Document Doc(const std::string& id, const std::string& date) {
  Document d;
  d.source = id + ".txt";
  d.id = id;
  d.date = date;
  d.url = "https://news.example/" + id;
  d.text = "text of " + id;
  return d;
}

Entity Person(const std::string& name, const std::string& country = "",
              detente::Role role = detente::Role::kNone) {
  Entity e;
  e.name = name;
  e.kind = EntityKind::kPerson;
  e.country = country;
  e.role = role;
  e.aliases = {name};
  return e;
}

// One sentence per event: `actor` met `object` (CAMEO 040).
Extraction Meeting(const std::string& actor, const std::string& object, int sentences = 1,
                   const std::string& code = "040") {
  Extraction x;
  for (int i = 0; i < sentences; ++i) {
    Sentence s;
    s.index = i;
    s.in_title = i == 0 && sentences > 1;
    s.text = actor + " met " + object + " (" + std::to_string(i) + ").";
    x.sentences.push_back(s);
    Event ev;
    ev.sentence = i;
    ev.actor = actor;
    ev.actor_kind = EntityKind::kPerson;
    ev.action = "meet";
    ev.action_class = code.substr(0, 2) + " Consult";
    ev.cameo_code = detente::CameoCode::Parse(code);
    ev.goldstein = 1.0;
    ev.actor_role = detente::Role::kGov;
    ev.object = object;
    ev.object_kind = EntityKind::kPerson;
    x.events.push_back(ev);
  }
  x.entities = {Person(actor), Person(object)};
  return x;
}

}  // namespace

TEST_CASE("names: keys fold case, accents and transliterations", "[store][names]") {
  using detente::NameKey;
  CHECK(NameKey("Recep Tayyip Erdoğan") == NameKey("recep tayyip ERDOGAN"));
  CHECK(NameKey("Volodymyr Zelenskyy") == NameKey("Volodymyr Zelensky"));
  CHECK(NameKey("Zelenskiy") == NameKey("Zelensky"));
  CHECK(NameKey("Abdel Fattah el-Sissi") == NameKey("Abdel Fattah al-Sisi"));
  CHECK(NameKey("Kim Jong-un") == NameKey("Kim Jong Un"));
  CHECK(NameKey("Macron") != NameKey("Marcon"));
  CHECK(NameKey("Paris") != NameKey("Peru"));
  CHECK(detente::SurnameKey("Emmanuel Macron") == "macron");
  CHECK(detente::SurnameKey("Macron").empty());
}

TEST_CASE("store: spellings of one name across documents are one entity", "[store][resolve]") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("d.db"));
  REQUIRE(*store->AddDocument(Doc("a", "2023-07-07"),
                              Meeting("Recep Tayyip Erdoğan", "Volodymyr Zelenskyy")));
  REQUIRE(*store->AddDocument(Doc("b", "2023-07-07"),
                              Meeting("Recep Tayyip Erdogan", "Volodymyr Zelensky")));
  CHECK(One(*store, "SELECT count(*) FROM entities") == "2");
  // The first spelling names the entity; every spelling is an alias.
  CHECK(One(*store, "SELECT group_concat(alias, '|') FROM (SELECT alias FROM aliases a JOIN "
                    "entities e ON e.id = a.entity_id WHERE e.name = 'Volodymyr Zelenskyy' "
                    "ORDER BY alias)") == "Volodymyr Zelensky|Volodymyr Zelenskyy");
}

TEST_CASE("store: a surname alone resolves to the one person who has it", "[store][resolve]") {
  TempDir dir;
  SECTION("the full name first") {
    auto store = OpenOrDie(dir.File("d.db"));
    REQUIRE(*store->AddDocument(Doc("a", "2023-04-15"),
                                Meeting("Mohamed Hamdan Dagalo", "Abdel Fattah al-Burhan")));
    REQUIRE(*store->AddDocument(Doc("b", "2023-04-20"), Meeting("Dagalo", "Burhan")));
    CHECK(One(*store, "SELECT count(*) FROM entities") == "2");
    CHECK(One(*store, "SELECT count(*) FROM aliases WHERE alias = 'Dagalo'") == "1");
  }
  SECTION("the surname first: the entity takes the full name later") {
    auto store = OpenOrDie(dir.File("d.db"));
    REQUIRE(*store->AddDocument(Doc("b", "2023-04-20"), Meeting("Dagalo", "Burhan")));
    REQUIRE(*store->AddDocument(Doc("a", "2023-04-15"),
                                Meeting("Mohamed Hamdan Dagalo", "Abdel Fattah al-Burhan")));
    CHECK(One(*store, "SELECT count(*) FROM entities") == "2");
    CHECK(One(*store, "SELECT count(*) FROM entities WHERE name = 'Mohamed Hamdan Dagalo'") ==
          "1");
  }
  SECTION("a surname two people share stays apart") {
    auto store = OpenOrDie(dir.File("d.db"));
    REQUIRE(*store->AddDocument(Doc("a", "2014-01-01"), Meeting("Nawaz Sharif", "Xi Jinping")));
    REQUIRE(*store->AddDocument(Doc("b", "2014-02-01"), Meeting("Raheel Sharif", "Xi Jinping")));
    REQUIRE(*store->AddDocument(Doc("c", "2014-03-01"), Meeting("Sharif", "Xi Jinping")));
    CHECK(One(*store, "SELECT count(*) FROM entities WHERE name LIKE '%Sharif'") == "3");
  }
}

TEST_CASE("store: the best-supported attribute wins, and the evidence is kept",
          "[store][resolve]") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("d.db"));
  auto with = [](const std::string& country, detente::Role role) {
    Extraction x = Meeting("Ahmed Example", "Xi Jinping");
    x.entities[0].country = country;
    x.entities[0].role = role;
    return x;
  };
  REQUIRE(*store->AddDocument(Doc("a", "2020-01-01"), with("EGY", detente::Role::kGov)));
  CHECK(One(*store, "SELECT country FROM entities WHERE name = 'Ahmed Example'") == "EGY");
  REQUIRE(*store->AddDocument(Doc("b", "2020-02-01"), with("SDN", detente::Role::kMil)));
  // A tie keeps what was there.
  CHECK(One(*store, "SELECT country FROM entities WHERE name = 'Ahmed Example'") == "EGY");
  REQUIRE(*store->AddDocument(Doc("c", "2020-03-01"), with("SDN", detente::Role::kMil)));
  CHECK(One(*store, "SELECT country || role FROM entities WHERE name = 'Ahmed Example'") ==
        "SDNMIL");
  CHECK(One(*store, "SELECT group_concat(value || n, ',') FROM (SELECT value, n FROM "
                    "entity_evidence v JOIN entities e ON e.id = v.entity_id WHERE e.name = "
                    "'Ahmed Example' AND attr = 'country' ORDER BY value)") == "EGY1,SDN2");
}

TEST_CASE("store: mentions of one event are one event", "[store][consolidate]") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("d.db"));
  // A title and its lede, then two more documents, one the day after and
  // the other way round (a meeting is symmetric).
  REQUIRE(*store->AddDocument(Doc("a", "2023-07-07"), Meeting("Erdoğan", "Zelenskyy", 2)));
  REQUIRE(*store->AddDocument(Doc("b", "2023-07-08"), Meeting("Zelensky", "Erdogan")));
  REQUIRE(*store->AddDocument(Doc("c", "2023-07-07"), Meeting("Erdogan", "Zelensky")));
  CHECK(One(*store, "SELECT count(*) FROM events") == "4");
  CHECK(One(*store, "SELECT count(*) FROM event_view") == "1");
  CHECK(One(*store, "SELECT mentions || '/' || sources || '/' || first_seen || '/' || last_seen "
                    "FROM event_view") == "4/3/2023-07-07/2023-07-08");
  CHECK(One(*store, "SELECT events FROM edges") == "1");
  CHECK(One(*store, "SELECT count(DISTINCT event_id) FROM mention_view") == "1");
  CHECK(One(*store, "SELECT cameo_code || ' ' || quad_class || ' ' || goldstein || ' ' || "
                    "actor_role FROM event_view") == "040 1 1.0 GOV");

  SECTION("a week later is another event") {
    REQUIRE(*store->AddDocument(Doc("d", "2023-07-15"), Meeting("Erdogan", "Zelensky")));
    CHECK(One(*store, "SELECT count(*) FROM event_view") == "2");
  }
  SECTION("another class is another event") {
    REQUIRE(*store->AddDocument(Doc("d", "2023-07-07"),
                                Meeting("Erdogan", "Zelensky", 1, "111")));
    CHECK(One(*store, "SELECT count(*) FROM event_view") == "2");
  }
  SECTION("an asymmetric action the other way round is another event") {
    // A visit (042) is not symmetric: Zelensky visiting Erdogan is not the
    // meeting Erdogan had with him; the other way round it is (root 04).
    REQUIRE(*store->AddDocument(Doc("d", "2023-07-07"),
                                Meeting("Zelensky", "Erdogan", 1, "042")));
    CHECK(One(*store, "SELECT count(*) FROM event_view") == "2");
    REQUIRE(*store->AddDocument(Doc("e", "2023-07-07"),
                                Meeting("Erdogan", "Zelensky", 1, "042")));
    CHECK(One(*store, "SELECT count(*) FROM event_view") == "2");
    CHECK(One(*store, "SELECT mentions FROM event_view WHERE cameo_code = '040'") == "5");
  }
  SECTION("deleting the first report keeps the event") {
    REQUIRE(store->Query("DELETE FROM documents WHERE doc_id = 'a'").ok());
    CHECK(One(*store, "SELECT mentions || '/' || sources FROM event_view") == "2/2");
  }
}

TEST_CASE("store: replaying documents in another order gives the same events",
          "[store][consolidate]") {
  TempDir dir;
  std::vector<std::pair<Document, Extraction>> docs = {
      {Doc("a", "2023-07-07"), Meeting("Recep Tayyip Erdoğan", "Volodymyr Zelenskyy", 2)},
      {Doc("b", "2023-07-08"), Meeting("Zelensky", "Erdogan")},
      {Doc("c", "2023-07-07"), Meeting("Recep Tayyip Erdogan", "Volodymyr Zelensky")},
      {Doc("d", "2023-09-01"), Meeting("Erdogan", "Zelensky", 1, "042")}};
  auto summary = [&](const std::string& file, std::vector<int> order) {
    auto store = OpenOrDie(dir.File(file));
    for (int i : order) REQUIRE(*store->AddDocument(docs[i].first, docs[i].second));
    return One(*store,
               "SELECT group_concat(r, ';') FROM (SELECT actor || '>' || object || ' ' || "
               "cameo_code || ' m' || mentions || ' s' || sources AS r FROM event_view ORDER BY r)");
  };
  const std::string forward = summary("f.db", {0, 1, 2, 3});
  CHECK(forward ==
        "Recep Tayyip Erdoğan>Volodymyr Zelenskyy 040 m4 s3;"
        "Recep Tayyip Erdoğan>Volodymyr Zelenskyy 042 m1 s1");
  CHECK(summary("b.db", {0, 3, 2, 1}) == forward);
}

TEST_CASE("store: AddExtraction replays a stored document as AddDocument stored it",
          "[store][consolidate]") {
  TempDir dir;
  auto shard = OpenOrDie(dir.File("shard.db"));
  const Document a = Doc("a", "2023-07-07");
  const Extraction xa = Meeting("Recep Tayyip Erdoğan", "Volodymyr Zelenskyy", 2);
  REQUIRE(*shard->AddDocument(a, xa));
  const std::string hash = One(*shard, "SELECT sha256 FROM documents");
  auto merged = OpenOrDie(dir.File("merged.db"));
  REQUIRE(*merged->AddDocument(Doc("b", "2023-07-07"), Meeting("Erdogan", "Zelensky")));
  Document no_text = a;
  no_text.text.clear();
  REQUIRE(*merged->AddExtraction(no_text, hash, xa));
  CHECK(One(*merged, "SELECT sha256 FROM documents WHERE doc_id = 'a'") == hash);
  CHECK(One(*merged, "SELECT mentions || '/' || sources FROM event_view") == "3/2");
  // The same document again, by its text or by its hash, is a no-op.
  CHECK_FALSE(*merged->AddDocument(a, xa));
  CHECK_FALSE(*merged->AddExtraction(no_text, hash, xa));
  CHECK(merged->AddExtraction(no_text, "not a hash", xa).status().code() ==
        detente::Status::Code::kInvalidArgument);
}

// Curation's SQL (Reconsolidate) asks detente_symmetric_code; the writer asks
// IsSymmetricCode. Both must say the same of every code, so that a merge
// consolidates exactly as an ingest would.
TEST_CASE("store: detente_symmetric_code in SQL is IsSymmetricCode", "[store][consolidate]") {
  auto db = detente::sql::Db::Open(":memory:", /*read_only=*/false);
  REQUIRE(db.ok());
  REQUIRE(detente::store_internal::RegisterSqlFunctions(*db).ok());
  auto st = db->Prepare("SELECT detente_symmetric_code(?)");
  REQUIRE(st.ok());
  auto sql = [&](const std::string& code) {
    st->Reset();
    st->Bind(1, code);
    auto row = st->Step();
    REQUIRE(row.ok());
    REQUIRE(*row);
    return st->Int(0) == 1;
  };
  int symmetric = 0;
  for (int n = 1; n < 10000; ++n) {
    for (int width = 2; width <= 4; ++width) {
      std::string code = std::to_string(n);
      if (code.size() > static_cast<size_t>(width)) continue;
      code.insert(0, width - code.size(), '0');
      auto parsed = detente::CameoCode::Parse(code);
      const bool expected = parsed && detente::store_internal::IsSymmetricCode(*parsed);
      INFO(code);
      CHECK(sql(code) == expected);
      symmetric += expected;
    }
  }
  CHECK(symmetric == 5);  // 040, 044, 046, 057, 190
  CHECK_FALSE(sql("04 Consult"));
  CHECK_FALSE(sql(""));
}
