#include <catch2/catch.hpp>
#include <map>
#include <set>

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
