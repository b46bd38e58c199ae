#include <algorithm>
#include <catch2/catch.hpp>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "detente/graph.h"
#include "graph/graph_fixture.h"
#include "test_util.h"

using namespace detente;
using namespace detente::testing;

namespace {

std::map<std::string, int> Members(const Graph& g, const EgoNetwork& ego) {
  std::map<std::string, int> out;
  for (auto [v, d] : ego.members) out[g.entity(v).name] = d;
  return out;
}

std::set<int64_t> Events(const Graph& g, const EgoNetwork& ego) {
  std::set<int64_t> out;
  for (uint32_t e : ego.events) out.insert(g.event(e).id);
  return out;
}

}  // namespace

TEST_CASE("neighbours: radius 1 and 2 give the induced ego network", "[neighbours]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  Graph g = LoadFixture(dir.File("g.db"));
  uint32_t blinken = VertexNamed(g, "Antony Blinken");

  EgoNetwork one = Neighbourhood(g, blinken, {});
  CHECK(one.members.front() == std::make_pair(blinken, 0));
  CHECK(Members(g, one) ==
        std::map<std::string, int>{
            {"Antony Blinken", 0}, {"China", 1}, {"Subrahmanyam Jaishankar", 1}, {"Wang Yi", 1}});
  CHECK(Events(g, one) == std::set<int64_t>{1, 2, 10, 12});

  EgoOptions two;
  two.radius = 2;
  EgoNetwork ego2 = Neighbourhood(g, blinken, two);
  CHECK(Members(g, ego2)["Sergei Lavrov"] == 2);
  CHECK(ego2.members.size() == 5);
  // Induced: the Lavrov-Jaishankar meeting joins two members, so it is in,
  // although a BFS tree would hold only one edge to Lavrov.
  CHECK(Events(g, ego2) == std::set<int64_t>{1, 2, 3, 4, 10, 12});
  // Members by distance, then name.
  CHECK(g.entity(ego2.members[1].first).name == "China");
  CHECK(g.entity(ego2.members.back().first).name == "Sergei Lavrov");
  // How many of the network's events each member takes part in.
  std::map<std::string, uint32_t> counts;
  REQUIRE(ego2.event_counts.size() == ego2.members.size());
  for (size_t i = 0; i < ego2.members.size(); ++i) {
    counts[g.entity(ego2.members[i].first).name] = ego2.event_counts[i];
  }
  CHECK(counts == std::map<std::string, uint32_t>{{"Antony Blinken", 4},
                                                  {"China", 1},
                                                  {"Sergei Lavrov", 2},
                                                  {"Subrahmanyam Jaishankar", 2},
                                                  {"Wang Yi", 3}});
}

TEST_CASE("neighbours: a self-loop counts once for its member", "[neighbours]") {
  std::vector<GraphEntity> entities{{1, "A", "person", ""}, {2, "B", "person", ""}};
  std::vector<GraphEvent> events(3);
  events[0].id = 1;  // A -> A
  events[1].id = 2;  // A -> B
  events[1].object = 1;
  events[2].id = 3;  // B -> B
  events[2].actor = events[2].object = 1;
  Graph g(std::move(entities), std::move(events), {""});
  EgoNetwork ego = Neighbourhood(g, 0, {});
  CHECK(ego.events.size() == 3);
  CHECK(ego.event_counts == std::vector<uint32_t>{2, 2});
}

TEST_CASE("neighbours: direction out, in and radius 0", "[neighbours]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  Graph g = LoadFixture(dir.File("g.db"));
  uint32_t blinken = VertexNamed(g, "Antony Blinken");

  EgoOptions out;
  out.direction = Direction::kOut;
  EgoNetwork o = Neighbourhood(g, blinken, out);
  CHECK(Members(g, o) ==
        std::map<std::string, int>{{"Antony Blinken", 0}, {"China", 1}, {"Wang Yi", 1}});
  CHECK(Events(g, o) == std::set<int64_t>{1, 2, 10});  // 10 goes back, but both are members

  EgoOptions in;
  in.direction = Direction::kIn;
  EgoNetwork i = Neighbourhood(g, blinken, in);
  CHECK(Members(g, i) == std::map<std::string, int>{{"Antony Blinken", 0},
                                                    {"Subrahmanyam Jaishankar", 1},
                                                    {"Wang Yi", 1}});
  CHECK(Events(g, i) == std::set<int64_t>{1, 10, 12});

  EgoOptions zero;
  zero.radius = 0;
  EgoNetwork z = Neighbourhood(g, blinken, zero);
  CHECK(z.members.size() == 1);
  CHECK(z.events.empty());
}

TEST_CASE("neighbours: events come by date", "[neighbours]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  Graph g = LoadFixture(dir.File("g.db"));
  EgoOptions two;
  two.radius = 2;
  EgoNetwork ego = Neighbourhood(g, VertexNamed(g, "Antony Blinken"), two);
  std::vector<int64_t> ids;
  for (uint32_t e : ego.events) ids.push_back(g.event(e).id);
  CHECK(ids == std::vector<int64_t>{4, 2, 1, 10, 12, 3});
}

namespace {

// A star: vertex 0 is joined to every other vertex by one event, and the
// events are numbered and dated as given (date "" for none).
Graph Star(const std::vector<std::string>& names, const std::vector<int64_t>& ids,
           const std::vector<std::string>& dates) {
  std::vector<GraphEntity> entities;
  for (size_t i = 0; i < names.size(); ++i) {
    entities.push_back({static_cast<int64_t>(i + 1), names[i], "person", ""});
  }
  std::deque<std::string> strings{""};
  std::vector<GraphEvent> events;
  for (size_t i = 0; i < ids.size(); ++i) {
    GraphEvent e;
    e.id = ids[i];
    e.actor = static_cast<uint32_t>(i % 3 == 0 ? 0 : 1 + i % (names.size() - 1));
    e.object = static_cast<uint32_t>(i % 3 == 0 ? 1 + i % (names.size() - 1) : 0);
    auto it = std::find(strings.begin(), strings.end(), dates[i]);
    e.date = static_cast<uint32_t>(it - strings.begin());
    if (it == strings.end()) strings.push_back(dates[i]);
    events.push_back(e);
  }
  return Graph(std::move(entities), std::move(events), std::move(strings));
}

std::vector<int64_t> EventIds(const Graph& g, const EgoNetwork& ego) {
  std::vector<int64_t> out;
  for (uint32_t e : ego.events) out.push_back(g.event(e).id);
  return out;
}

}  // namespace

TEST_CASE("neighbours: events by date then id, whatever order the graph holds them in",
          "[neighbours]") {
  const std::vector<std::string> names{"Hub", "B", "C", "D"};
  const std::vector<std::string> dates{"2023-05-01", "",           "2023-01-02", "2023-05-01",
                                       "2022-12-31", "2023-01-02", "",           "2023-05-01"};
  // Dates out of order, and each date held by several events.
  const std::vector<int64_t> want{5, 3, 6, 1, 4, 8, 2, 7};
  Graph by_id = Star(names, {1, 2, 3, 4, 5, 6, 7, 8}, dates);
  CHECK(by_id.events_by_id());
  CHECK(EventIds(by_id, Neighbourhood(by_id, 0, {})) == want);

  // The same events, their ids shuffled: index order is no longer id order.
  std::vector<std::string> shuffled_dates;
  const std::vector<int64_t> shuffled{8, 3, 1, 6, 2, 7, 5, 4};
  for (int64_t id : shuffled) shuffled_dates.push_back(dates[id - 1]);
  Graph shuffled_graph = Star(names, shuffled, shuffled_dates);
  CHECK_FALSE(shuffled_graph.events_by_id());
  CHECK(EventIds(shuffled_graph, Neighbourhood(shuffled_graph, 0, {})) == want);

  // Every event of the network, in Graph::EventBefore order.
  for (const Graph* g : {&by_id, &shuffled_graph}) {
    EgoNetwork ego = Neighbourhood(*g, 2, {});
    CHECK(ego.events.size() == 3);
    CHECK(std::is_sorted(ego.events.begin(), ego.events.end(),
                         [&](uint32_t a, uint32_t b) { return g->EventBefore(a, b); }));
  }
}

TEST_CASE("neighbours: members by distance, then name as bytes, then vertex", "[neighbours]") {
  // Names that are prefixes of others, names sharing their first 8 bytes,
  // bytes above 0x7f (after ASCII, as std::string compares them) and a name
  // held by two entities.
  const std::vector<std::string> names{"Hub",         "Alexandra Z",  "Alexandra",    "Alexandr",
                                       "Alexandra B", "\xc3\x89mile", "Zed",          "Emile",
                                       "Alexandra",   "Alex",         "Alexandra\x01"};
  std::vector<int64_t> ids;
  std::vector<std::string> dates;
  for (size_t i = 0; i + 1 < names.size(); ++i) {
    ids.push_back(static_cast<int64_t>(i + 1));
    dates.push_back("2023");
  }
  Graph g = Star(names, ids, dates);
  EgoNetwork ego = Neighbourhood(g, 0, {});
  REQUIRE(ego.members.size() == names.size());
  CHECK(ego.members.front() == std::make_pair(uint32_t{0}, 0));
  std::vector<std::pair<std::string, uint32_t>> got, want;
  for (size_t i = 1; i < ego.members.size(); ++i) {
    CHECK(ego.members[i].second == 1);
    got.emplace_back(g.entity(ego.members[i].first).name, ego.members[i].first);
  }
  for (uint32_t v = 1; v < names.size(); ++v) want.emplace_back(names[v], v);
  std::sort(want.begin(), want.end());
  CHECK(got == want);
  CHECK(got[1] == std::make_pair(std::string("Alexandr"), uint32_t{3}));
  CHECK(got[2] == std::make_pair(std::string("Alexandra"), uint32_t{2}));
  CHECK(got[3] == std::make_pair(std::string("Alexandra"), uint32_t{8}));
  CHECK(got.back().first == "\xc3\x89mile");

  // Radius 2 through a leaf: distance first, then name.
  EgoOptions two;
  two.radius = 2;
  EgoNetwork from_leaf = Neighbourhood(g, 6, two);
  CHECK(from_leaf.members[1] == std::make_pair(uint32_t{0}, 1));
  CHECK(g.entity(from_leaf.members[2].first).name == "Alex");
  CHECK(from_leaf.members.back().second == 2);
}
