#include "detente/merge.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "detente/sqlite.h"
#include "detente/store.h"
#include "store/store_dump.h"
#include "test_util.h"

using detente::Document;
using detente::Entity;
using detente::EntityKind;
using detente::Event;
using detente::Extraction;
using detente::MergeShard;
using detente::MergeStats;
using detente::Result;
using detente::ShardReader;
using detente::Status;
using detente::Store;
using detente::StoredDocument;
using detente::testing::DumpStore;
using detente::testing::TempDir;
using detente::testing::WriteFile;

namespace {

std::unique_ptr<Store> OpenOrDie(const std::string& path) {
  auto s = Store::Open(path);
  INFO(s.status().ToString());
  REQUIRE(s.ok());
  return std::move(*s);
}

struct Item {
  Document doc;
  Extraction x;
};

Event MakeEvent(int sentence, const std::string& actor, const std::string& action,
                const std::string& object) {
  Event e;
  e.sentence = sentence;
  e.actor = actor;
  e.action = action;
  e.action_class = "04 Consult";
  if (!object.empty()) e.object = object;
  return e;
}

Item MakeItem(const std::string& name, const std::string& sentence) {
  Item it;
  it.doc.source = "/corpus/" + name + ".txt";
  it.doc.id = name;
  it.doc.title = "About " + name;
  it.doc.date = "2024-06-10";
  it.doc.text = sentence;
  it.x.sentences.push_back({0, true, 0, it.doc.title.size(), it.doc.title});
  it.x.sentences.push_back({1, false, 0, sentence.size(), sentence});
  return it;
}

// Four documents whose entities overlap and disagree: a kind and a country
// one document does not know and a later one does, one name in two
// spellings, an entity no event names, events with every optional field.
std::vector<Item> Corpus() {
  std::vector<Item> items;
  Item a = MakeItem("a", "Blinken met NATO envoys on Monday.");
  a.x.entities.push_back({"Antony Blinken", EntityKind::kPerson, "USA", {"Blinken"}});
  a.x.entities.push_back({"NATO", EntityKind::kOrganization, "", {"NATO"}});
  Event met = MakeEvent(1, "Blinken", "meet", "NATO");
  met.time = "2024-06-10";
  met.time_text = "on Monday";
  met.confidence = 0.75;
  a.x.events.push_back(met);
  items.push_back(a);

  Item b = MakeItem("b", "Wang Yi may have criticised Blinken in Beijing last week.");
  b.x.entities.push_back({"Wang Yi", std::nullopt, "", {"Wang Yi"}});
  Event crit = MakeEvent(1, "Wang Yi", "criticise", "Antony Blinken");
  crit.action_class = "11 Disapprove";
  crit.place = "Beijing";
  crit.time = "last week";
  crit.negated = true;
  crit.modality = detente::Modality::kPossible;
  crit.confidence = 0.5;
  b.x.events.push_back(crit);
  items.push_back(b);

  Item c = MakeItem("c", "Wang met Nato officials.");
  c.x.entities.push_back({"Wang Yi", EntityKind::kPerson, "CHN", {"Wang"}});
  c.x.entities.push_back({"Nato", EntityKind::kOrganization, "BEL", {"Nato"}});
  c.x.events.push_back(MakeEvent(1, "Wang", "meet", "Nato"));
  items.push_back(c);

  Item d = MakeItem("d", "Blinken will travel to Berlin, where Olaf Scholz waits.");
  d.x.entities.push_back({"Olaf Scholz", EntityKind::kPerson, "DEU", {"Scholz"}});  // in no event
  Event travel = MakeEvent(1, "Blinken", "travel to", "Berlin");
  travel.object_kind = EntityKind::kCity;
  travel.object_country = "DEU";
  travel.modality = detente::Modality::kFuture;
  d.x.events.push_back(travel);
  d.x.entities.push_back({"Antony Blinken", EntityKind::kPerson, "USA", {"Blinken"}});
  items.push_back(d);
  return items;
}

// Adds `items` one by one, as ingest does.
void Ingest(const std::string& path, const std::vector<Item>& items) {
  auto store = OpenOrDie(path);
  for (const Item& it : items) {
    Result<bool> r = store->AddDocument(it.doc, it.x);
    INFO(r.status().ToString());
    REQUIRE(r.ok());
  }
}

MergeStats MergeOrDie(Store& out, const std::string& out_path, const std::string& shard) {
  Result<MergeStats> r = MergeShard(out, out_path, shard);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  return *r;
}

}  // namespace

TEST_CASE("merge: shards merged in order equal one ingest of the whole corpus", "[merge]") {
  TempDir dir;
  const std::vector<Item> all = Corpus();
  // One ingest of everything, with document b given twice (skipped once).
  Ingest(dir.File("single.db"), {all[0], all[1], all[2], all[1], all[3]});
  Ingest(dir.File("s1.db"), {all[0], all[1]});
  Ingest(dir.File("s2.db"), {all[2], all[1], all[3]});

  const std::string out_path = dir.File("out.db");
  auto out = OpenOrDie(out_path);
  MergeStats first = MergeOrDie(*out, out_path, dir.File("s1.db"));
  CHECK(first.documents == 2);
  CHECK(first.added == 2);
  CHECK(first.events == 2);
  MergeStats second = MergeOrDie(*out, out_path, dir.File("s2.db"));
  CHECK(second.documents == 3);
  CHECK(second.added == 2);
  CHECK(second.present == 1);  // b, already merged from s1
  CHECK(second.events == 2);
  out.reset();

  const std::string merged = DumpStore(out_path);
  CHECK(merged == DumpStore(dir.File("single.db")));
  // What the comparison rests on: the first spelling and the first known
  // kind and country win across shards, aliases are the union.
  CHECK(merged.find("entity | NATO | organization | BEL") != std::string::npos);
  CHECK(merged.find("entity | Wang Yi | person | CHN") != std::string::npos);
  CHECK(merged.find("alias | Wang | Wang Yi") != std::string::npos);
  CHECK(merged.find("entity | Olaf Scholz | person | DEU") != std::string::npos);
  CHECK(merged.find("| Wang Yi | criticise | 11 Disapprove | Antony Blinken | Beijing | - | "
                    "last week | 1 | possible | 0.5 |") != std::string::npos);
}

TEST_CASE("merge: merging a shard again adds nothing", "[merge]") {
  TempDir dir;
  const std::vector<Item> all = Corpus();
  Ingest(dir.File("s1.db"), all);
  const std::string out_path = dir.File("out.db");
  auto out = OpenOrDie(out_path);
  MergeOrDie(*out, out_path, dir.File("s1.db"));
  const std::string once = DumpStore(out_path);
  MergeStats again = MergeOrDie(*out, out_path, dir.File("s1.db"));
  CHECK(again.added == 0);
  CHECK(again.present == 4);
  CHECK(again.events == 0);
  CHECK(DumpStore(out_path) == once);
  CHECK(DumpStore(out_path) == DumpStore(dir.File("s1.db")));
}

TEST_CASE("merge: the reader gives back documents, sentences, events and entities", "[merge]") {
  TempDir dir;
  const std::vector<Item> all = Corpus();
  Ingest(dir.File("s.db"), {all[0], all[1]});
  auto reader = ShardReader::Open(dir.File("s.db"));
  REQUIRE(reader.ok());
  CHECK((*reader)->documents() == 2);
  StoredDocument d;
  REQUIRE(*(*reader)->Next(&d));
  CHECK(d.doc.source == "/corpus/a.txt");
  CHECK(d.doc.id == "a");
  CHECK(d.doc.title == "About a");
  CHECK(d.doc.date == "2024-06-10");
  CHECK(d.doc.text.empty());
  CHECK(d.doc.sha256.size() == 64);
  REQUIRE(d.extraction.sentences.size() == 2);
  CHECK(d.extraction.sentences[0].in_title);
  CHECK(d.extraction.sentences[1].text == all[0].x.sentences[1].text);
  CHECK(d.extraction.sentences[1].end == all[0].x.sentences[1].end);
  REQUIRE(d.extraction.events.size() == 1);
  const Event& met = d.extraction.events[0];
  CHECK(met.sentence == 1);
  CHECK(met.actor == "Blinken");  // as extracted, to be resolved again
  CHECK(met.actor_country == "USA");
  CHECK(met.object == "NATO");
  CHECK(met.time == "2024-06-10");
  CHECK(met.time_text == "on Monday");
  CHECK(met.confidence == 0.75);
  // The document's own names, not what the shard made of them.
  REQUIRE(d.extraction.entities.size() == 2);
  CHECK(d.extraction.entities[0].name == "Antony Blinken");
  CHECK(d.extraction.entities[0].aliases == std::vector<std::string>{"Blinken"});
  CHECK(d.extraction.entities[0].country == "USA");
  CHECK(d.extraction.entities[0].kind == EntityKind::kPerson);
  CHECK(d.extraction.entities[1].name == "NATO");
  CHECK(d.extraction.entities[1].kind == EntityKind::kOrganization);
  CHECK(d.extraction.entities[1].country.empty());

  REQUIRE(*(*reader)->Next(&d));
  REQUIRE(d.extraction.events.size() == 1);
  CHECK(d.extraction.events[0].place == "Beijing");
  CHECK(!d.extraction.events[0].time);  // "last week" was stored as time_text
  CHECK(d.extraction.events[0].time_text == "last week");
  CHECK(d.extraction.events[0].negated);
  CHECK(d.extraction.events[0].modality == detente::Modality::kPossible);
  CHECK(!*(*reader)->Next(&d));

  // The stored hash stands for title and text: the document is known.
  auto store = OpenOrDie(dir.File("s.db"));
  Document copy = all[1].doc;
  CHECK(*store->Contains(copy));
  copy.sha256 = d.doc.sha256;
  copy.text = "different";
  CHECK(*store->Contains(copy));
}

// A person in one document, then a bare surname in the next, then a
// namesake: what a bare "Farouk" means depends on what is stored before it.
std::vector<Item> SurnameCorpus() {
  std::vector<Item> items;
  Item a = MakeItem("amal", "Amal Farouk met Qatar's envoy in Doha.");
  a.x.entities.push_back({"Amal Farouk", EntityKind::kPerson, "EGY", {}});
  a.x.events.push_back(MakeEvent(1, "Amal Farouk", "meet", "Qatar"));
  items.push_back(a);
  Item b = MakeItem("bare", "Farouk thanked Qatar on Tuesday.");
  b.x.entities.push_back({"Farouk", EntityKind::kPerson, "", {}});
  b.x.events.push_back(MakeEvent(1, "Farouk", "thank", "Qatar"));
  items.push_back(b);
  Item c = MakeItem("omar", "Omar Farouk criticised Qatar.");
  c.x.entities.push_back({"Omar Farouk", EntityKind::kPerson, "SDN", {}});
  c.x.events.push_back(MakeEvent(1, "Omar Farouk", "criticise", "Qatar"));
  items.push_back(c);
  return items;
}

TEST_CASE("merge: names are resolved again against the whole store, as one ingest resolves them",
          "[merge]") {
  TempDir dir;
  const std::vector<Item> all = SurnameCorpus();
  Ingest(dir.File("single.db"), all);
  // The second shard never saw Amal Farouk: its "Farouk" became Omar Farouk
  // when he was named in full.
  Ingest(dir.File("s1.db"), {all[0]});
  Ingest(dir.File("s2.db"), {all[1], all[2]});
  const std::string s2 = DumpStore(dir.File("s2.db"));
  REQUIRE(s2.find("| bare | thank |") == std::string::npos);  // (the dump has no doc ids)
  REQUIRE(s2.find("| Omar Farouk | thank |") != std::string::npos);

  const std::string out_path = dir.File("out.db");
  auto out = OpenOrDie(out_path);
  MergeOrDie(*out, out_path, dir.File("s1.db"));
  MergeOrDie(*out, out_path, dir.File("s2.db"));
  out.reset();
  const std::string merged = DumpStore(out_path);
  CHECK(merged == DumpStore(dir.File("single.db")));
  CHECK(merged.find("| Amal Farouk | thank |") != std::string::npos);
  CHECK(merged.find("evidence | Amal Farouk | country | EGY | 1") != std::string::npos);
}

TEST_CASE("merge: a document stored without its names is read by its entities' names",
          "[merge]") {
  TempDir dir;
  const std::vector<Item> all = Corpus();
  Ingest(dir.File("s.db"), {all[0]});
  {  // as an older detente stored it
    auto db = detente::sql::Db::Open(dir.File("s.db"), /*read_only=*/false);
    REQUIRE(db.ok());
    REQUIRE(db->Exec("DELETE FROM document_entities; "
                     "UPDATE events SET actor_name = NULL, object_name = NULL").ok());
  }
  auto reader = ShardReader::Open(dir.File("s.db"));
  REQUIRE(reader.ok());
  StoredDocument d;
  REQUIRE(*(*reader)->Next(&d));
  REQUIRE(d.extraction.events.size() == 1);
  CHECK(d.extraction.events[0].actor == "Antony Blinken");  // the entity's name
  REQUIRE(d.extraction.entities.size() == 2);
  CHECK(d.extraction.entities[0].aliases ==
        std::vector<std::string>{"Antony Blinken", "Blinken"});  // every alias the shard has
}

TEST_CASE("merge: a kind added by hand, which detente does not name, is kept", "[merge]") {
  TempDir dir;
  Ingest(dir.File("s.db"), {Corpus()[0]});
  {
    auto db = detente::sql::Db::Open(dir.File("s.db"), /*read_only=*/false);
    REQUIRE(db.ok());
    REQUIRE(db->Exec("INSERT INTO entities(name, kind) VALUES ('Wagner Group', 'militia')").ok());
  }
  auto reader = ShardReader::Open(dir.File("s.db"));
  REQUIRE(reader.ok());
  StoredDocument d;
  REQUIRE(*(*reader)->Next(&d));
  const Entity& wagner = d.extraction.entities.back();  // named by no event: first document
  REQUIRE(wagner.name == "Wagner Group");
  CHECK_FALSE(wagner.kind.has_value());
  CHECK(wagner.other_kind == "militia");
  reader->reset();

  const std::string out_path = dir.File("out.db");
  auto out = OpenOrDie(out_path);
  MergeOrDie(*out, out_path, dir.File("s.db"));
  out.reset();
  auto db = detente::sql::Db::Open(out_path, /*read_only=*/true);
  REQUIRE(db.ok());
  auto st = db->Prepare("SELECT kind FROM entities WHERE name = 'Wagner Group'");
  REQUIRE(st.ok());
  REQUIRE(*st->Step());
  CHECK(st->Text(0) == "militia");
}

TEST_CASE("merge: a shard that cannot be used is refused and nothing of it stored", "[merge]") {
  TempDir dir;
  const std::string out_path = dir.File("out.db");
  auto out = OpenOrDie(out_path);
  Result<MergeStats> missing = MergeShard(*out, out_path, dir.File("none.db"));
  CHECK(missing.status().code() == Status::Code::kIOError);
  Result<MergeStats> self = MergeShard(*out, out_path, out_path);
  CHECK(self.status().code() == Status::Code::kInvalidArgument);
  WriteFile(dir.File("junk.db"), std::string(8192, 'x'));
  Result<MergeStats> junk = MergeShard(*out, out_path, dir.File("junk.db"));
  REQUIRE(!junk.ok());
  CHECK(junk.status().code() != Status::Code::kDatabaseError);  // the shard's fault, not out's
  CHECK(junk.status().message().find("junk.db") != std::string::npos);
  CHECK(DumpStore(out_path).empty());
}

TEST_CASE("store: InTransaction keeps all of a batch or nothing", "[merge][store]") {
  TempDir dir;
  const std::vector<Item> all = Corpus();
  const std::string path = dir.File("t.db");
  auto store = OpenOrDie(path);
  // A failing body leaves nothing, even documents it added.
  Status s = store->InTransaction([&] {
    REQUIRE(*store->AddDocument(all[0].doc, all[0].x));
    return Status::DataError("stop");
  });
  CHECK(s.code() == Status::Code::kDataError);
  CHECK(DumpStore(path).empty());
  // A refused document is left out; the rest of the batch is committed.
  Item bad = all[2];
  bad.x.events[0].sentence = 7;  // no such sentence
  s = store->InTransaction([&] {
    REQUIRE(*store->AddDocument(all[0].doc, all[0].x));
    Result<bool> refused = store->AddDocument(bad.doc, bad.x);
    CHECK(refused.status().code() == Status::Code::kDataError);
    REQUIRE(*store->AddDocument(all[1].doc, all[1].x));
    CHECK(!*store->AddDocument(all[0].doc, all[0].x));  // already in this batch
    return Status::OK();
  });
  REQUIRE(s.ok());
  store.reset();
  TempDir other;
  Ingest(other.File("t.db"), {all[0], all[1]});
  CHECK(DumpStore(path) == DumpStore(other.File("t.db")));
}
