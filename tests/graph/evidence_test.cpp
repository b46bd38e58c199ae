// EvidenceReader over the hand-built fixture (tests/graph/graph_fixture.h),
// with places added to three events.
#include "detente/evidence.h"

#include <catch2/catch.hpp>

#include "graph/graph_fixture.h"
#include "detente/sqlite.h"
#include "test_util.h"

using namespace detente;
using namespace detente::testing;

namespace {

struct Fixture {
  TempDir dir;
  std::string db = dir.File("g.db");
  std::unique_ptr<EvidenceReader> reader;
  Fixture() {
    BuildFixtureDb(db);
    {
      auto w = sql::Db::Open(db, false);
      Check(w.status());
      // Event 1 in China (a country), 2 in Washington, D.C., 12 in Zürich café.
      Check(
          w->Exec("UPDATE events SET place_id = 2 WHERE id = 1;"
                  "UPDATE events SET place_id = 10 WHERE id = 2;"
                  "UPDATE events SET place_id = 16 WHERE id = 12;"
                  "UPDATE documents SET url = 'https://example.org/a' WHERE id = 1"));
    }
    auto r = EvidenceReader::Open(db);
    Check(r.status());
    reader = std::move(*r);
  }
};

std::vector<int64_t> Ids(const EventPage& page) {
  std::vector<int64_t> ids;
  for (const EventEvidence& e : page.events) ids.push_back(e.event_id);
  return ids;
}

}  // namespace

TEST_CASE("evidence: an entity's events with sentence, document and place, paged", "[evidence]") {
  Fixture fx;
  EvidenceQuery q;
  q.entity_id = 3;  // Antony Blinken
  auto page = fx.reader->Events(q, 10, 0);
  REQUIRE(page.ok());
  // Asserted and not negated by default: 2 (06-18), 1 and 10 (06-19), 12 (06-22).
  CHECK(page->total == 4);
  CHECK(Ids(*page) == std::vector<int64_t>{2, 1, 10, 12});
  const EventEvidence& e = page->events[1];
  CHECK(e.actor == "Antony Blinken");
  CHECK(e.object == "Wang Yi");
  CHECK(e.place == "China");
  CHECK(e.place_id == 2);
  CHECK(e.sentence == "Antony Blinken met Wang Yi in Beijing on 19 June.");
  CHECK(e.title == "Blinken in Beijing");
  CHECK(e.url == "https://example.org/a");
  CHECK(e.published == "2023-06-20");

  auto second = fx.reader->Events(q, 2, 2);
  REQUIRE(second.ok());
  CHECK(second->total == 4);
  CHECK(Ids(*second) == std::vector<int64_t>{10, 12});

  q.filter.include_negated = true;
  auto all = fx.reader->Events(q, 10, 0);
  REQUIRE(all.ok());
  CHECK(Ids(*all).front() == 5);  // 2023-03-02, did not meet
}

TEST_CASE("evidence: events between two entities, in either direction", "[evidence]") {
  Fixture fx;
  EvidenceQuery q;
  q.entity_id = 4;  // Wang Yi
  q.other_id = 3;   // Antony Blinken
  auto page = fx.reader->Events(q, 10, 0);
  REQUIRE(page.ok());
  CHECK(Ids(*page) == std::vector<int64_t>{1, 10});
  q.place_id = 2;
  page = fx.reader->Events(q, 10, 0);
  REQUIRE(page.ok());
  CHECK(Ids(*page) == std::vector<int64_t>{1});
}

TEST_CASE("evidence: filters by date, class, QuadClass and the other entity's kind", "[evidence]") {
  Fixture fx;
  EvidenceQuery q;
  q.entity_id = 5;  // Russia: threatened Georgia (17), criticised by NATO (11)
  auto page = fx.reader->Events(q, 10, 0);
  REQUIRE(page.ok());
  CHECK(page->total == 2);
  q.quad_classes = {4};
  page = fx.reader->Events(q, 10, 0);
  REQUIRE(page.ok());
  CHECK(Ids(*page) == std::vector<int64_t>{7});
  q.quad_classes = {3};
  page = fx.reader->Events(q, 10, 0);
  REQUIRE(page.ok());
  CHECK(Ids(*page) == std::vector<int64_t>{8});
  q.quad_classes.clear();
  q.filter.classes = {"17"};
  page = fx.reader->Events(q, 10, 0);
  REQUIRE(page.ok());
  CHECK(Ids(*page) == std::vector<int64_t>{7});
  q.filter.classes.clear();
  q.filter.since = "2023-06";
  page = fx.reader->Events(q, 10, 0);
  REQUIRE(page.ok());
  CHECK(Ids(*page) == std::vector<int64_t>{8});
  q.filter.since.clear();
  q.filter.until = "2023-05";
  page = fx.reader->Events(q, 10, 0);
  REQUIRE(page.ok());
  CHECK(Ids(*page) == std::vector<int64_t>{7});
  q.filter.until.clear();
  q.filter.kinds = {"organization"};
  page = fx.reader->Events(q, 10, 0);
  REQUIRE(page.ok());
  CHECK(Ids(*page) == std::vector<int64_t>{8});
  // A hostile value is bound, not spliced: it matches nothing and harms nothing.
  q.filter.kinds = {"x') OR 1=1 --"};
  page = fx.reader->Events(q, 10, 0);
  REQUIRE(page.ok());
  CHECK(page->total == 0);
  q.filter.kinds.clear();
  q.quad_classes = {7};
  CHECK(fx.reader->Events(q, 10, 0).status().IsInvalidArgument());
}

TEST_CASE("evidence: a class filter matches the full CAMEO code at any length", "[evidence]") {
  // Regression: it compared the prefix with the class ("08 Yield"), so that
  // the server's events, timeline and places found nothing for "0871".
  TempDir dir;
  const std::string db = dir.File("g.db");
  AddCodedDocument(db);
  auto reader = EvidenceReader::Open(db);
  REQUIRE(reader.ok());
  auto id_of = [&](const std::string& name) {
    auto conn = sql::Db::Open(db, /*read_only=*/true);
    REQUIRE(conn.ok());
    auto st = conn->Prepare("SELECT id FROM entities WHERE name = ?");
    REQUIRE(st.ok());
    st->Bind(1, name);
    REQUIRE(*st->Step());
    return st->Int(0);
  };
  auto count = [&](const std::string& entity, std::vector<std::string> classes) {
    EvidenceQuery q;
    q.entity_id = id_of(entity);
    q.filter.classes = std::move(classes);
    auto page = (*reader)->Events(q, 10, 0);
    REQUIRE(page.ok());
    auto dated = (*reader)->DatesAndClasses(q);
    REQUIRE(dated.ok());
    int64_t in_dates = 0;
    for (const DateClassCount& d : *dated) in_dates += d.events;
    CHECK(in_dates == page->total);
    return page->total;
  };
  CHECK(count("Norway", {"0871"}) == 1);
  CHECK(count("Norway", {"087"}) == 1);
  CHECK(count("Norway", {"0872"}) == 0);
  CHECK(count("Brazil", {"0872"}) == 1);
  CHECK(count("Brazil", {"0871"}) == 0);
  CHECK(count("Armenia", {"042"}) == 1);
  CHECK(count("Armenia", {"043"}) == 0);
  CHECK(count("Mongolia", {"043", "0871"}) == 1);
}

TEST_CASE("evidence: dates and classes, places, activity and aliases", "[evidence]") {
  Fixture fx;
  EvidenceQuery q;
  q.entity_id = 3;
  auto dates = fx.reader->DatesAndClasses(q);
  REQUIRE(dates.ok());
  REQUIRE(dates->size() == 3);
  CHECK((*dates)[1].date == "2023-06-19");
  CHECK((*dates)[1].action_class == "04 Consult");
  CHECK((*dates)[1].events == 2);

  auto places = fx.reader->Places(q, 10);
  REQUIRE(places.ok());
  REQUIRE(places->size() == 3);
  CHECK((*places)[0].place.name == "China");
  CHECK((*places)[0].events == 1);

  auto activity = fx.reader->Activity(q);
  REQUIRE(activity.ok());
  CHECK(activity->events == 4);
  CHECK(activity->as_actor == 2);
  CHECK(activity->as_object == 2);
  CHECK(activity->first_date == "2023-06-18");
  CHECK(activity->last_date == "2023-06-22");

  auto aliases = fx.reader->Aliases(1, 10);
  REQUIRE(aliases.ok());
  CHECK(*aliases == std::vector<std::string>{"US", "USA", "Washington"});
  aliases = fx.reader->Aliases(1, 2);
  REQUIRE(aliases.ok());
  CHECK(aliases->size() == 2);

  size_t names = 0;
  bool saw_alias = false;
  REQUIRE(fx.reader
              ->ForEachName([&](int64_t id, std::string_view name) {
                ++names;
                saw_alias = saw_alias || (id == 6 && name == "Lavrov");
              })
              .ok());
  CHECK(names == 16 + 8);
  CHECK(saw_alias);

  auto gen = fx.reader->CurrentGeneration();
  REQUIRE(gen.ok());
  CHECK(gen->n > 0);
  CHECK(gen->db_id.size() == 32);
}
