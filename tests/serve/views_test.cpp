// The server's graph views over the fixture graph (tests/graph/graph_fixture.h).
#include "serve/views.h"

#include <catch2/catch.hpp>

#include "detente/evidence.h"
#include "graph/graph_fixture.h"
#include "test_util.h"

using namespace detente;
using namespace detente::serve;
using namespace detente::testing;

namespace {

std::vector<uint8_t> QuadOf(const Graph& g) {
  uint32_t max = 0;
  for (const GraphEvent& e : g.events()) {
    max = std::max({max, e.action, e.action_class, e.cameo_code, e.date});
  }
  std::vector<uint8_t> q(max + 1);
  for (uint32_t s = 0; s <= max; ++s) q[s] = static_cast<uint8_t>(detente::QuadClassOf(g.str(s)));
  return q;
}

std::vector<std::string> Names(const Graph& g, const EgoView& v) {
  std::vector<std::string> out;
  for (const auto& n : v.nodes) out.push_back(g.entity(n.vertex).name);
  return out;
}

}  // namespace

TEST_CASE("serve views: the ego network keeps the nearest and busiest, groups the rest",
          "[serve]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  Graph g = LoadFixture(dir.File("g.db"));
  const auto quad = QuadOf(g);
  const uint32_t blinken = VertexNamed(g, "Antony Blinken");
  EgoView all = BuildEgo(g, blinken, 1, Direction::kBoth, {}, quad, 100, 100);
  // Wang Yi (2 events with Blinken), then China and Jaishankar (1 each), by name.
  CHECK(Names(g, all) ==
        std::vector<std::string>{"Antony Blinken", "Wang Yi", "China", "Subrahmanyam Jaishankar"});
  CHECK(all.members == 4);
  CHECK(all.events == 4);
  CHECK(all.groups.empty());
  REQUIRE(all.edges.size() == 3);
  CHECK(all.edges[0].events() == 2);  // Blinken - Wang Yi, one each way
  CHECK(all.edges[0].a_to_b == 1);
  CHECK(all.edges[0].b_to_a == 1);
  CHECK(all.edges[0].quad[1] == 2);

  EgoView two = BuildEgo(g, blinken, 1, Direction::kBoth, {}, quad, 2, 100);
  CHECK(Names(g, two) == std::vector<std::string>{"Antony Blinken", "Wang Yi"});
  REQUIRE(two.groups.size() == 2);  // one country, one person, at 1 hop
  CHECK(two.groups[0].members == 1);
  CHECK(two.members == 4);
  CHECK(two.edges.size() == 1);

  EgoView one_edge = BuildEgo(g, blinken, 1, Direction::kBoth, {}, quad, 100, 1);
  CHECK(one_edge.edges.size() == 1);
  CHECK(one_edge.edges_truncated);

  EventFilter june19;
  june19.since = "2023-06-19";
  june19.until = "2023-06-19";
  EgoView day = BuildEgo(g, blinken, 1, Direction::kBoth, june19, quad, 100, 100);
  CHECK(Names(g, day) == std::vector<std::string>{"Antony Blinken", "Wang Yi"});

  EventFilter people;
  people.kinds = {"person"};
  EgoView persons = BuildEgo(g, blinken, 2, Direction::kBoth, people, quad, 100, 100);
  // Wang Yi has 3 events in this network (2 with Blinken, 1 with Lavrov),
  // Jaishankar 2; Lavrov is 2 hops away.
  CHECK(Names(g, persons) == std::vector<std::string>{"Antony Blinken", "Wang Yi",
                                                      "Subrahmanyam Jaishankar", "Sergei Lavrov"});
  EventFilter roles;
  roles.roles = {detente::Role::kGov};  // the fixture's people are GOV; Blinken's radius-1 people pass
  CHECK(BuildEgo(g, blinken, 1, Direction::kBoth, roles, quad, 100, 100).nodes.size() == 3);
  roles.roles = {detente::Role::kMil};  // nobody is: only the centre stays
  CHECK(BuildEgo(g, blinken, 1, Direction::kBoth, roles, quad, 100, 100).nodes.size() == 1);
}

TEST_CASE("serve views: a shortest path under a filter, with every event of each hop", "[serve]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  Graph g = LoadFixture(dir.File("g.db"));
  const auto quad = QuadOf(g);
  const uint32_t blinken = VertexNamed(g, "Antony Blinken");
  const uint32_t lavrov = VertexNamed(g, "Sergei Lavrov");
  auto path = FindPath(g, blinken, lavrov, false, 0, {});
  REQUIRE(path.ok());
  REQUIRE(path->vertices.size() == 3);
  CHECK(g.entity(path->vertices[1]).name != "");
  REQUIRE(path->hops.size() == 2);
  for (const auto& hop : path->hops) CHECK_FALSE(hop.empty());
  if (g.entity(path->vertices[1]).name == "Wang Yi") CHECK(path->hops[0].size() == 2);

  CHECK(FindPath(g, blinken, lavrov, false, 1, {}).status().IsNotFound());
  // Directed: Blinken -> Wang Yi -> Lavrov follows actor -> object.
  auto directed = FindPath(g, blinken, lavrov, true, 0, {});
  REQUIRE(directed.ok());
  CHECK(g.entity(directed->vertices[1]).name == "Wang Yi");
  CHECK(directed->hops[0].size() == 1);  // only Blinken -> Wang Yi, not Wang Yi -> Blinken

  EventFilter july;
  july.since = "2023-07";
  CHECK(FindPath(g, blinken, lavrov, false, 0, july).status().IsNotFound());
  EventFilter conflict;
  conflict.class_ok = ClassTable(g, quad, {}, {3, 4});
  CHECK(FindPath(g, VertexNamed(g, "NATO"), VertexNamed(g, "Georgia"), false, 0, conflict).ok());
  CHECK(FindPath(g, blinken, lavrov, false, 0, conflict).status().IsNotFound());
}
