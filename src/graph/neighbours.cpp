// Ego networks with networkx.ego_graph semantics: every vertex within the
// radius, and every event among them.
#include <algorithm>
#include <vector>

#include "detente/graph.h"
#include "graph/traverse.h"

namespace detente {

EgoNetwork Neighbourhood(const Graph& g, uint32_t center, const EgoOptions& options) {
  EgoNetwork ego;
  ego.center = center;
  const uint32_t n = g.num_vertices();
  if (center >= n) return ego;
  std::vector<int32_t> dist(n, -1);
  std::vector<uint32_t> queue{center};
  dist[center] = 0;
  for (size_t head = 0; head < queue.size(); ++head) {
    uint32_t v = queue[head];
    if (dist[v] >= options.radius) break;  // BFS order: the rest are as far
    graph_internal::ForEachNeighbour(g, v, options.direction, [&](uint32_t w, uint32_t) {
      if (dist[w] >= 0) return;
      dist[w] = dist[v] + 1;
      queue.push_back(w);
    });
  }
  for (uint32_t v : queue) ego.members.emplace_back(v, dist[v]);
  std::sort(ego.members.begin() + 1, ego.members.end(), [&](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second < b.second;
    const std::string& na = g.entity(a.first).name;
    const std::string& nb = g.entity(b.first).name;
    return na != nb ? na < nb : a.first < b.first;
  });
  // The induced subgraph: each event has one source, so scanning the
  // out-edges of every member sees each event once.
  for (uint32_t v : queue) {
    graph_internal::ForEachNeighbour(g, v, Direction::kOut, [&](uint32_t w, uint32_t ev) {
      if (dist[w] >= 0) ego.events.push_back(ev);
    });
  }
  // By date then id (Graph::EventBefore), sorting packed keys: a hub's
  // network holds most of the graph, and its events are all over memory.
  struct Key {
    uint32_t rank;
    int64_t id;
    uint32_t event;
  };
  std::vector<Key> keys;
  keys.reserve(ego.events.size());
  for (uint32_t e : ego.events) keys.push_back({g.DateRank(e), g.event(e).id, e});
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.id < b.id;
  });
  for (size_t i = 0; i < keys.size(); ++i) ego.events[i] = keys[i].event;
  return ego;
}

}  // namespace detente
