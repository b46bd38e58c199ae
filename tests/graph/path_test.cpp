#include <catch2/catch.hpp>

#include "detente/graph.h"
#include "graph/graph_fixture.h"
#include "test_util.h"

using namespace detente;
using namespace detente::testing;

namespace {

std::vector<std::string> Names(const Graph& g, const GraphPath& p) {
  std::vector<std::string> out;
  for (uint32_t v : p.vertices) out.push_back(g.entity(v).name);
  return out;
}

std::vector<int64_t> HopEventIds(const Graph& g, const PathHop& h) {
  std::vector<int64_t> out;
  for (uint32_t e : h.events) out.push_back(g.event(e).id);
  return out;
}

}  // namespace

TEST_CASE("path: shortest chain over asserted events, undirected by default", "[path]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  Graph g = LoadFixture(dir.File("g.db"));
  uint32_t blinken = VertexNamed(g, "Antony Blinken");
  uint32_t lavrov = VertexNamed(g, "Sergei Lavrov");

  auto paths = ShortestPaths(g, blinken, lavrov, {});
  REQUIRE(paths.ok());
  REQUIRE(paths->size() == 1);
  const GraphPath& p = paths->front();
  REQUIRE(p.vertices.size() == 3);  // the negated direct meeting does not count
  CHECK(p.hops.size() == 2);
  CHECK(p.vertices.front() == blinken);
  CHECK(p.vertices.back() == lavrov);
  for (const PathHop& h : p.hops) CHECK_FALSE(h.events.empty());

  // Both middles are two hops long; all_shortest gives both, by name.
  PathOptions all;
  all.all_shortest = true;
  paths = ShortestPaths(g, blinken, lavrov, all);
  REQUIRE(paths.ok());
  REQUIRE(paths->size() == 2);
  CHECK(Names(g, (*paths)[0]) ==
        std::vector<std::string>{"Antony Blinken", "Subrahmanyam Jaishankar", "Sergei Lavrov"});
  CHECK(Names(g, (*paths)[1]) ==
        std::vector<std::string>{"Antony Blinken", "Wang Yi", "Sergei Lavrov"});
  // A hop lists every event between the two, either direction, by date then id.
  CHECK(HopEventIds(g, (*paths)[1].hops[0]) == std::vector<int64_t>{1, 10});
  CHECK(HopEventIds(g, (*paths)[0].hops[0]) == std::vector<int64_t>{12});

  all.max_paths = 1;
  CHECK(ShortestPaths(g, blinken, lavrov, all)->size() == 1);
}

TEST_CASE("path: negated events count only when asked", "[path]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  GraphFilter f;
  f.include_negated = true;
  Graph g = LoadFixture(dir.File("g.db"), f);
  auto paths =
      ShortestPaths(g, VertexNamed(g, "Antony Blinken"), VertexNamed(g, "Sergei Lavrov"), {});
  REQUIRE(paths.ok());
  REQUIRE(paths->front().hops.size() == 1);
  CHECK(HopEventIds(g, paths->front().hops[0]) == std::vector<int64_t>{5});
}

TEST_CASE("path: directed search follows actor to object only", "[path]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  Graph g = LoadFixture(dir.File("g.db"));
  uint32_t blinken = VertexNamed(g, "Antony Blinken");
  uint32_t lavrov = VertexNamed(g, "Sergei Lavrov");
  PathOptions d;
  d.directed = true;
  d.all_shortest = true;
  auto ab = ShortestPaths(g, blinken, lavrov, d);
  REQUIRE(ab.ok());
  REQUIRE(ab->size() == 1);  // 12 goes Jaishankar -> Blinken, so only via Wang Yi
  CHECK(Names(g, ab->front()) ==
        std::vector<std::string>{"Antony Blinken", "Wang Yi", "Sergei Lavrov"});
  CHECK(HopEventIds(g, ab->front().hops[0]) == std::vector<int64_t>{1});  // not 10

  auto ba = ShortestPaths(g, lavrov, blinken, d);
  REQUIRE(ba.ok());
  REQUIRE(ba->size() == 1);
  CHECK(Names(g, ba->front()) ==
        std::vector<std::string>{"Sergei Lavrov", "Subrahmanyam Jaishankar", "Antony Blinken"});

  uint32_t china = VertexNamed(g, "China");
  CHECK(ShortestPaths(g, china, blinken, d).status().IsNotFound());
  CHECK(ShortestPaths(g, china, blinken, {}).ok());
}

TEST_CASE("path: no path and max hops give not found", "[path]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  Graph g = LoadFixture(dir.File("g.db"));
  uint32_t blinken = VertexNamed(g, "Antony Blinken");
  auto none = ShortestPaths(g, blinken, VertexNamed(g, "Georgia"), {});
  REQUIRE(none.status().IsNotFound());
  CHECK(none.status().message() == "no path from Antony Blinken to Georgia");

  // The future visit links Jaishankar to the United States.
  uint32_t us = VertexNamed(g, "United States");
  CHECK(ShortestPaths(g, blinken, us, {}).status().IsNotFound());
  GraphFilter f;
  f.include_future = true;
  Graph gf = LoadFixture(dir.File("g.db"), f);
  PathOptions o;
  o.max_hops = 2;
  auto two =
      ShortestPaths(gf, VertexNamed(gf, "Antony Blinken"), VertexNamed(gf, "United States"), o);
  REQUIRE(two.ok());
  CHECK(two->front().hops.size() == 2);
  o.max_hops = 1;
  auto one =
      ShortestPaths(gf, VertexNamed(gf, "Antony Blinken"), VertexNamed(gf, "United States"), o);
  REQUIRE(one.status().IsNotFound());
  CHECK(one.status().message().find("within 1 hops") != std::string::npos);
}

TEST_CASE("path: from an entity to itself is zero hops", "[path]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  Graph g = LoadFixture(dir.File("g.db"));
  uint32_t v = VertexNamed(g, "China");
  auto p = ShortestPaths(g, v, v, {});
  REQUIRE(p.ok());
  CHECK(p->front().vertices == std::vector<uint32_t>{v});
  CHECK(p->front().hops.empty());
  CHECK(ShortestPaths(g, v, 9999, {}).status().IsInvalidArgument());
}
