// The Graph value: its name order and what it knows of its event order.
#include "detente/graph.h"

#include <catch2/catch.hpp>
#include <deque>
#include <string>
#include <vector>

using namespace detente;

namespace {

std::vector<GraphEntity> Entities(const std::vector<std::string>& names) {
  std::vector<GraphEntity> out;
  for (size_t i = 0; i < names.size(); ++i) {
    out.push_back({static_cast<int64_t>(i + 1), names[i], "person", ""});
  }
  return out;
}

}  // namespace

TEST_CASE("graph: NameOrder sorts names as bytes, ties by index", "[graph]") {
  // Bytes above 0x7f come after ASCII, as std::string compares them.
  const std::vector<std::string> names{"b", "\xc3\x89mile", "a", "Zed", "a", "", "ab"};
  CHECK(Graph::NameOrder(Entities(names)) == std::vector<uint32_t>{5, 3, 2, 4, 6, 0, 1});
  CHECK(Graph::NameOrder({}).empty());
}

TEST_CASE("graph: a given name order is kept when it holds each vertex once", "[graph]") {
  const std::vector<std::string> names{"c", "a", "b"};
  CHECK(Graph(Entities(names), {}, {""}).vertices_by_name() == std::vector<uint32_t>{1, 2, 0});
  // Taken on trust: the caller computed it (GraphReader keeps it in the snapshot).
  CHECK(Graph(Entities(names), {}, {""}, {0, 1, 2}).vertices_by_name() ==
        std::vector<uint32_t>{0, 1, 2});
  // Not a permutation: computed again.
  for (const std::vector<uint32_t>& bad :
       std::vector<std::vector<uint32_t>>{{}, {1, 2}, {1, 1, 0}, {1, 2, 3}, {0, 1, 2, 0}}) {
    CHECK(Graph(Entities(names), {}, {""}, bad).vertices_by_name() ==
          std::vector<uint32_t>{1, 2, 0});
  }
}

TEST_CASE("graph: events_by_id says whether index order is id order", "[graph]") {
  std::vector<GraphEvent> events(3);
  events[0].id = 4;
  events[1].id = 7;
  events[2].id = 9;
  CHECK(Graph(Entities({"a"}), events, {""}).events_by_id());
  CHECK(Graph(Entities({"a"}), {}, {""}).events_by_id());
  events[2].id = 5;
  CHECK_FALSE(Graph(Entities({"a"}), events, {""}).events_by_id());
  events[2].id = 7;  // a repeated id
  CHECK_FALSE(Graph(Entities({"a"}), events, {""}).events_by_id());
}
