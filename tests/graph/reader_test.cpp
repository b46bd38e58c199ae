#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "detente/graph.h"
#include "detente/sqlite.h"
#include "graph/graph_fixture.h"
#include "graph/load_sql.h"
#include "test_util.h"

using namespace detente;
using namespace detente::testing;

namespace {

std::set<int64_t> EventIds(const Graph& g) {
  std::set<int64_t> ids;
  for (const GraphEvent& e : g.events()) ids.insert(e.id);
  return ids;
}

// The actions of the events of `g`, which AddCodedDocument made distinct.
std::set<std::string> Actions(const Graph& g) {
  std::set<std::string> out;
  for (const GraphEvent& e : g.events()) out.emplace(g.action(e));
  return out;
}

}  // namespace

TEST_CASE("graph: loads entities as vertices and events with objects as edges", "[graph]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  Graph g = LoadFixture(dir.File("g.db"));
  CHECK(g.num_vertices() == 16);
  // Default: asserted, not negated, with an object: not 5 (negated), 6
  // (future), 9 (no object).
  CHECK(EventIds(g) == std::set<int64_t>{1, 2, 3, 4, 7, 8, 10, 11, 12, 13, 14, 15, 16});

  uint32_t blinken = VertexNamed(g, "Antony Blinken");
  CHECK(g.entity(blinken).kind == "person");
  CHECK(g.entity(blinken).country == "USA");
  CHECK(g.VertexOf(3) == blinken);
  CHECK_FALSE(g.VertexOf(999).has_value());
  CHECK(g.entity(*g.VertexOf(9)).country.empty());  // NATO has no country

  const GraphEvent* meet = nullptr;
  for (const GraphEvent& e : g.events()) {
    if (e.id == 1) meet = &e;
  }
  REQUIRE(meet);
  CHECK(g.action(*meet) == "meet");
  CHECK(g.action_class(*meet) == "04 Consult");
  CHECK(g.cameo_code(*meet) == "04");  // no code stored: its class's root
  CHECK(g.date(*meet) == "2023-06-19");
  CHECK(g.entity(meet->actor).name == "Antony Blinken");
  CHECK(g.entity(meet->object).name == "Wang Yi");
  CHECK(meet->sentence_id == 1);
  CHECK(out_degree(blinken, g.csr()) == 2);  // events 1 and 2
  CHECK(in_degree(blinken, g.csr()) == 2);   // events 10 and 12
}

TEST_CASE("graph: the events load by a table scan, in id order", "[graph]") {
  // Regression: with schema 3's partial index on object_id, SQLite read the
  // events through the index: three times slower at 1M events.
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  auto db = sql::Db::Open(dir.File("g.db"), /*read_only=*/true);
  REQUIRE(db.ok());
  auto plan = db->Prepare("EXPLAIN QUERY PLAN " + graph_internal::LoadEventsSql());
  REQUIRE(plan.ok());
  std::string steps;
  for (;;) {
    auto row = plan->Step();
    REQUIRE(row.ok());
    if (!*row) break;
    steps += plan->Text(3) + "\n";
  }
  INFO(steps);
  CHECK(steps.find("SCAN e\n") != std::string::npos);
  CHECK(steps.find("events_object") == std::string::npos);
  Graph g = LoadFixture(dir.File("g.db"));
  REQUIRE(g.num_events() > 2);
  CHECK(g.events_by_id());
}

TEST_CASE("graph: an event without a date takes its document's published date", "[graph]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  Graph g = LoadFixture(dir.File("g.db"));
  for (const GraphEvent& e : g.events()) {
    if (e.id == 4) CHECK(g.date(e) == "2023-03-03");
  }
}

TEST_CASE("graph: filters apply while loading", "[graph]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  const std::string db = dir.File("g.db");

  GraphFilter f;
  f.include_negated = true;
  CHECK(EventIds(LoadFixture(db, f)).count(5));
  f = {};
  f.include_future = true;
  CHECK(EventIds(LoadFixture(db, f)).count(6));
  CHECK_FALSE(EventIds(LoadFixture(db, f)).count(9));  // never an edge: no object

  f = {};
  f.since = "2023-06-19";
  f.until = "2023-06";  // inclusive: all of June
  CHECK(EventIds(LoadFixture(db, f)) == std::set<int64_t>{1, 10, 11, 12});

  f = {};
  f.until = "2023-03-03";  // event 4 is dated by its document
  CHECK(EventIds(LoadFixture(db, f)) == std::set<int64_t>{4});

  f = {};
  f.actions = {"travel to", "threaten"};
  CHECK(EventIds(LoadFixture(db, f)) == std::set<int64_t>{2, 7});

  f = {};
  f.classes = {"17", "11"};
  CHECK(EventIds(LoadFixture(db, f)) == std::set<int64_t>{7, 8});
  f.classes = {"1"};  // a prefix: 11, 12 and 17
  CHECK(EventIds(LoadFixture(db, f)) == std::set<int64_t>{7, 8, 14});

  f = {};
  f.kinds = {"person"};
  Graph people = LoadFixture(db, f);
  CHECK(people.num_vertices() == 5);  // four diplomats and "node ..."
  CHECK(EventIds(people) == std::set<int64_t>{1, 3, 4, 10, 12});
  CHECK_FALSE(people.VertexOf(2).has_value());  // China is not a person
}

TEST_CASE("graph: --class matches the full CAMEO code at any length", "[graph]") {
  // Regression: the graph compared the prefix with the class ("04 Consult"),
  // so that a 3- or 4-digit prefix matched nothing while `events` found rows.
  TempDir dir;
  const std::string db = dir.File("g.db");
  AddCodedDocument(db);
  using Set = std::set<std::string>;
  const std::pair<std::vector<std::string>, Set> cases[] = {
      {{"042"}, Set{"visit"}},  // not 043 nor 040, its siblings
      {{"043"}, Set{"host"}},
      {{"0871"}, Set{"declare truce with"}},  // not 0872, nor 087 itself
      {{"087"}, Set{"declare truce with", "ease blockade of", "de-escalate with"}},
      {{"04"}, Set{"visit", "host", "meet"}},
      {{"042", "0872"}, Set{"visit", "ease blockade of"}},
      {{"0"},
       Set{"visit", "host", "meet", "declare truce with", "ease blockade of", "de-escalate with"}},
      {{"044"}, Set{}},
  };
  for (const auto& [classes, actions] : cases) {
    INFO(classes.front() << (classes.size() > 1 ? "..." : ""));
    GraphFilter f;
    f.classes = classes;
    auto reader = GraphReader::Open(db);
    REQUIRE(reader.ok());
    auto g = (*reader)->Load(f);
    REQUIRE(g.ok());
    CHECK(Actions(*g) == actions);
    // The same from the snapshot the first load wrote.
    auto again = GraphReader::Open(db);
    REQUIRE(again.ok());
    g = (*again)->Load(f);
    REQUIRE(g.ok());
    CHECK((*again)->last_load().from_snapshot);
    CHECK(Actions(*g) == actions);
  }
  // Each event carries its full code, as stored.
  Graph all = LoadFixture(db);
  std::set<std::string> codes;
  for (const GraphEvent& e : all.events()) {
    codes.insert(std::string(all.action(e)) + " " + std::string(all.cameo_code(e)));
  }
  CHECK(codes == std::set<std::string>{"visit 042", "host 043", "meet 040",
                                       "declare truce with 0871", "ease blockade of 0872",
                                       "de-escalate with 087"});
}

TEST_CASE("graph: an entity's timeline filters on the full CAMEO code", "[graph]") {
  TempDir dir;
  const std::string db = dir.File("g.db");
  AddCodedDocument(db);
  auto reader = GraphReader::Open(db);
  REQUIRE(reader.ok());
  auto norway = (*reader)->Resolve("Norway");
  REQUIRE(norway.ok());
  auto timeline = [&](std::vector<std::string> classes) {
    GraphFilter f;
    f.classes = std::move(classes);
    auto rep = (*reader)->Describe(norway->id, f);
    REQUIRE(rep.ok());
    std::vector<std::string> actions;
    for (const TimelineEvent& t : rep->timeline) actions.push_back(t.action);
    return actions;
  };
  CHECK(timeline({"0871"}) == std::vector<std::string>{"declare truce with"});
  CHECK(timeline({"087"}) == std::vector<std::string>{"declare truce with"});
  CHECK(timeline({"08"}) == std::vector<std::string>{"declare truce with"});
  CHECK(timeline({"0872"}).empty());
  CHECK(timeline({"042"}).empty());
}

TEST_CASE("graph: filters with hostile values are bound, not spliced", "[graph]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  GraphFilter f;
  f.actions = {"meet'); DROP TABLE events; --"};
  Graph g = LoadFixture(dir.File("g.db"), f);
  CHECK(g.num_events() == 0);
  auto reader = GraphReader::Open(dir.File("g.db"));
  REQUIRE(reader.ok());
  auto timeline = (*reader)->Describe(1, f);  // through SQL, bound
  REQUIRE(timeline.ok());
  CHECK(timeline->timeline.empty());
  // A kind nobody has is refused before any lookup, as a typo would be.
  f = {};
  f.kinds = {"person' OR '1'='1"};
  CHECK((*reader)->Load(f).status().IsInvalidArgument());
  CHECK((*reader)->Describe(1, f).status().IsInvalidArgument());
  CHECK(LoadFixture(dir.File("g.db")).num_events() == 13);  // events still there
}

TEST_CASE("graph: kinds and actions that can only be typos are refused with the nearest",
          "[graph]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  auto reader = GraphReader::Open(dir.File("g.db"));
  REQUIRE(reader.ok());
  GraphFilter f;
  f.kinds = {"persn"};
  auto typo = (*reader)->Load(f);
  REQUIRE(typo.status().IsInvalidArgument());
  CHECK(typo.status().message().find("did you mean \"person\"?") != std::string::npos);
  f.kinds = {"party"};  // a kind detente knows, absent here: an empty graph
  auto party = (*reader)->Load(f);
  REQUIRE(party.ok());
  CHECK(party->num_vertices() == 0);
  f.kinds = {"group"};  // the extractor's kind for "Sudanese rebels": no typo either
  auto group = (*reader)->Load(f);
  REQUIRE(group.ok());
  CHECK(group->num_vertices() == 0);
  f = {};
  f.actions = {"meat"};
  auto action = (*reader)->Load(f);
  REQUIRE(action.status().IsInvalidArgument());
  CHECK(action.status().message().find("did you mean \"meet\"?") != std::string::npos);
  f.actions = {"sanction"};  // far from every action here: just no events
  CHECK((*reader)->Load(f).ok());
  f = {};
  f.classes = {"4"};
  CHECK((*reader)->Load(f).status().IsInvalidArgument());
  f.classes = {"2"};  // the root 20
  CHECK((*reader)->Load(f).ok());
  f = {};
  f.until = "2023-02-29";
  CHECK((*reader)->Load(f).status().IsInvalidArgument());
  f.until = "2024-02-29";
  CHECK((*reader)->Load(f).ok());
}

TEST_CASE("graph: a malformed filter is an invalid argument", "[graph]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  auto reader = GraphReader::Open(dir.File("g.db"));
  REQUIRE(reader.ok());
  GraphFilter f;
  f.since = "June 2023";
  CHECK((*reader)->Load(f).status().IsInvalidArgument());
  f = {};
  f.until = "2023-6-1";
  CHECK((*reader)->Load(f).status().IsInvalidArgument());
  f = {};
  f.actions = {""};
  CHECK((*reader)->Load(f).status().IsInvalidArgument());
}

TEST_CASE("graph: opening a missing, foreign or newer database fails clearly", "[graph]") {
  TempDir dir;
  auto missing = GraphReader::Open(dir.File("none.db"));
  CHECK(missing.status().code() == Status::Code::kIOError);

  WriteFile(dir.File("text.db"), "this is not sqlite at all, just some text padding.....");
  CHECK_FALSE(GraphReader::Open(dir.File("text.db")).ok());

  {
    auto db = sql::Db::Open(dir.File("empty.db"), false);
    REQUIRE(db.ok());
    REQUIRE(db->Exec("CREATE TABLE t(x)").ok());
  }
  CHECK(GraphReader::Open(dir.File("empty.db")).status().code() == Status::Code::kDatabaseError);

  BuildFixtureDb(dir.File("new.db"));
  {
    auto db = sql::Db::Open(dir.File("new.db"), false);
    REQUIRE(db->Exec("PRAGMA user_version = 99").ok());
  }
  auto newer = GraphReader::Open(dir.File("new.db"));
  CHECK(newer.status().code() == Status::Code::kUnsupported);
  CHECK(newer.status().message().find("99") != std::string::npos);
}

TEST_CASE("graph: names resolve by name, alias or #id, case-insensitively", "[graph]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  auto reader = GraphReader::Open(dir.File("g.db"));
  REQUIRE(reader.ok());
  GraphReader& r = **reader;

  CHECK(r.Resolve("Antony Blinken")->id == 3);
  CHECK(r.Resolve("antony BLINKEN")->id == 3);
  CHECK(r.Resolve("lavrov")->id == 6);  // alias
  CHECK(r.Resolve("#8")->name == "Subrahmanyam Jaishankar");
  CHECK(r.Resolve("washington, d.c.")->id == 10);  // the name wins over aliases

  auto ambiguous = r.Resolve("washington");
  REQUIRE_FALSE(ambiguous.ok());
  CHECK(ambiguous.status().IsInvalidArgument());
  std::string msg = ambiguous.status().message();
  CHECK(msg.find("ambiguous") != std::string::npos);
  CHECK(msg.find("United States (country, USA, #1)") != std::string::npos);
  CHECK(msg.find("Washington, D.C. (city, USA, #10)") != std::string::npos);
  CHECK(r.Candidates("Washington")->size() == 2);

  auto unknown = r.Resolve("Wang");
  REQUIRE(unknown.status().IsNotFound());
  CHECK(unknown.status().message().find("similar: Wang Yi") != std::string::npos);
  CHECK(r.Resolve("#999").status().IsNotFound());
  CHECK(r.Resolve("100%").status().IsNotFound());
}

TEST_CASE("graph: sentences are fetched for the ids asked", "[graph]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  auto reader = GraphReader::Open(dir.File("g.db"));
  REQUIRE(reader.ok());
  auto s = (*reader)->Sentences({1, 4, 4, 999});
  REQUIRE(s.ok());
  CHECK(s->size() == 2);
  CHECK(s->at(4) == "Lavrov met Jaishankar in New Delhi.");
}

TEST_CASE("graph: ForEachSentence streams each sentence once, by id", "[graph]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  auto reader = GraphReader::Open(dir.File("g.db"));
  REQUIRE(reader.ok());
  std::vector<std::pair<int64_t, std::string>> seen;
  Status st = (*reader)->ForEachSentence(
      {11, 4, 999, 1, 4, 11},
      [&](int64_t id, std::string_view text) { seen.emplace_back(id, text); });
  REQUIRE(st.ok());
  REQUIRE(seen.size() == 3);
  CHECK(seen[0] ==
        std::pair<int64_t, std::string>(1, "Antony Blinken met Wang Yi in Beijing on 19 June."));
  CHECK(seen[1] == std::pair<int64_t, std::string>(4, "Lavrov met Jaishankar in New Delhi."));
  CHECK(seen[2] == std::pair<int64_t, std::string>(11, "Jaishankar met Blinken on 22 June."));
  CHECK((*reader)->ForEachSentence({}, [&](int64_t, std::string_view) { FAIL("no ids"); }).ok());
}

TEST_CASE("graph: ForEachSentence over many dense ids scans the range", "[graph]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  {
    auto db = sql::Db::Open(dir.File("g.db"), /*read_only=*/false);
    REQUIRE(db.ok());
    REQUIRE(db->Exec("BEGIN").ok());
    auto ins = db->Prepare(
        "INSERT INTO sentences(id, document_id, idx, start, end, text) VALUES (?, 4, ?, 0, 1, ?)");
    REQUIRE(ins.ok());
    for (int id = 1000; id < 4000; ++id) {
      REQUIRE(ins->Bind(1, id).Bind(2, id).Bind(3, "s" + std::to_string(id)).Run().ok());
    }
    REQUIRE(db->Exec("COMMIT").ok());
  }
  auto reader = GraphReader::Open(dir.File("g.db"));
  REQUIRE(reader.ok());
  // More than 1000 ids over a span under eight times their number: the
  // range scan. 4001 and 5000 do not exist.
  std::vector<int64_t> ask = {5000, 4, 4001};
  for (int64_t id = 3999; id >= 1000; id -= 2) ask.push_back(id);
  std::vector<std::pair<int64_t, std::string>> seen,
      expected = {{4, "Lavrov met Jaishankar in New Delhi."}};
  for (int64_t id = 1001; id < 4000; id += 2) expected.emplace_back(id, "s" + std::to_string(id));
  for (int pass = 0; pass < 2; ++pass) {  // the SQL function is registered afresh each time
    seen.clear();
    Status st = (*reader)->ForEachSentence(
        ask, [&](int64_t id, std::string_view text) { seen.emplace_back(id, text); });
    REQUIRE(st.ok());
    CHECK(seen == expected);
  }
}

TEST_CASE("graph: an entity's timeline has every role, by date", "[graph]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  auto reader = GraphReader::Open(dir.File("g.db"));
  REQUIRE(reader.ok());
  auto rep = (*reader)->Describe(6, GraphFilter{});
  REQUIRE(rep.ok());
  CHECK(rep->entity.name == "Sergei Lavrov");
  CHECK(rep->aliases == std::vector<std::string>{"Lavrov"});
  std::vector<int64_t> ids;
  for (const TimelineEvent& t : rep->timeline) ids.push_back(t.event_id);
  // 4 (2023-03-03, from its document), 3 and 9 (2023-07-13, 9 has no object).
  CHECK(ids == std::vector<int64_t>{4, 3, 9});
  CHECK(rep->timeline[0].role == "actor");
  CHECK(rep->timeline[0].date == "2023-03-03");
  CHECK(rep->timeline[1].role == "object");
  CHECK(rep->timeline[1].actor == "Wang Yi");
  CHECK(rep->timeline[2].object.empty());
  CHECK(rep->timeline[2].sentence == "Lavrov spoke on 13 July.");

  GraphFilter f;
  f.include_negated = true;
  f.kinds = {"person"};
  rep = (*reader)->Describe(6, f);
  REQUIRE(rep.ok());
  ids.clear();
  for (const TimelineEvent& t : rep->timeline) ids.push_back(t.event_id);
  CHECK(ids == std::vector<int64_t>{5, 4, 3, 9});
  CHECK(rep->timeline[0].negated);

  CHECK((*reader)->Describe(999, GraphFilter{}).status().IsNotFound());
}

TEST_CASE("graph: sparse entity ids load through the hash map", "[graph]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  {
    auto db = sql::Db::Open(dir.File("g.db"), false);
    REQUIRE(db.ok());
    REQUIRE(
        db->Exec("INSERT INTO entities(id, name, kind) VALUES (5000000000, 'Far Away', 'person');"
                 "INSERT INTO events(id, sentence_id, actor_id, action, object_id, event_date, "
                 "extractor_version) VALUES (100, 1, 5000000000, 'call', 3, '2023-01-01', 't')")
            .ok());
  }
  Graph g = LoadFixture(dir.File("g.db"));
  REQUIRE(g.VertexOf(5000000000).has_value());
  CHECK(g.entity(*g.VertexOf(5000000000)).name == "Far Away");
  CHECK(g.VertexOf(3) == VertexNamed(g, "Antony Blinken"));
  CHECK_FALSE(g.VertexOf(4999999999).has_value());
  auto p = ShortestPaths(g, *g.VertexOf(5000000000), VertexNamed(g, "Wang Yi"), {});
  REQUIRE(p.ok());
  CHECK(p->front().hops.size() == 2);
}
