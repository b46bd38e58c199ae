// Shortest paths by breadth-first search over the CSR graph.
#include <algorithm>
#include <string>
#include <vector>

#include "detente/graph.h"
#include "graph/traverse.h"

namespace detente {
namespace {

using graph_internal::ForEachNeighbour;

// The events joining u and w: u -> w, and w -> u too when undirected.
std::vector<uint32_t> HopEvents(const Graph& g, uint32_t u, uint32_t w, bool directed) {
  std::vector<uint32_t> out;
  ForEachNeighbour(g, u, directed ? Direction::kOut : Direction::kBoth,
                   [&](uint32_t n, uint32_t ev) {
                     if (n == w) out.push_back(ev);
                   });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());  // self-loops
  std::sort(out.begin(), out.end(), [&](uint32_t a, uint32_t b) { return g.EventBefore(a, b); });
  return out;
}

GraphPath MakePath(const Graph& g, std::vector<uint32_t> vertices, bool directed) {
  GraphPath p;
  p.vertices = std::move(vertices);
  for (size_t i = 0; i + 1 < p.vertices.size(); ++i) {
    p.hops.push_back(PathHop{p.vertices[i], p.vertices[i + 1],
                             HopEvents(g, p.vertices[i], p.vertices[i + 1], directed)});
  }
  return p;
}

}  // namespace

Result<std::vector<GraphPath>> ShortestPaths(const Graph& g, uint32_t from, uint32_t to,
                                             const PathOptions& options) {
  const uint32_t n = g.num_vertices();
  if (from >= n || to >= n) return Status::InvalidArgument("vertex out of range");
  if (options.max_hops < 0) return Status::InvalidArgument("--max-hops must be >= 0");
  std::vector<GraphPath> paths;
  if (from == to) {
    paths.push_back(MakePath(g, {from}, options.directed));
    return paths;
  }
  const Direction forward = options.directed ? Direction::kOut : Direction::kBoth;
  const Direction backward = options.directed ? Direction::kIn : Direction::kBoth;
  const int limit = options.max_hops > 0 ? options.max_hops : -1;

  std::vector<int32_t> dist(n, -1);
  std::vector<uint32_t> queue;
  queue.push_back(from);
  dist[from] = 0;
  for (size_t head = 0; head < queue.size() && dist[to] < 0; ++head) {
    uint32_t v = queue[head];
    if (limit >= 0 && dist[v] >= limit) break;  // BFS order: all later ones are as far
    ForEachNeighbour(g, v, forward, [&](uint32_t w, uint32_t) {
      if (dist[w] >= 0) return;
      dist[w] = dist[v] + 1;
      queue.push_back(w);
    });
  }
  if (dist[to] < 0) {
    std::string msg = "no path from " + g.entity(from).name + " to " + g.entity(to).name;
    if (limit >= 0) msg += " within " + std::to_string(limit) + " hops";
    return Status::NotFound(msg);
  }

  // Every vertex at distance < dist[to] was discovered before the search
  // stopped; a predecessor of v on a shortest path is a neighbour at dist - 1.
  // Walk back from `to` depth-first, predecessors in name order, so that the
  // single path is the first of all_shortest's, whatever the edge order.
  // Every predecessor leads back to `from`: the first path needs no backtracking.
  auto preds = [&](uint32_t v) {
    std::vector<uint32_t> out;
    ForEachNeighbour(g, v, backward, [&](uint32_t u, uint32_t) {
      if (dist[u] >= 0 && dist[u] == dist[v] - 1) out.push_back(u);
    });
    std::sort(out.begin(), out.end(), [&](uint32_t a, uint32_t b) {
      const std::string& na = g.entity(a).name;
      const std::string& nb = g.entity(b).name;
      return na != nb ? na < nb : a < b;
    });
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  std::vector<uint32_t> stack_path{to};
  std::vector<std::vector<uint32_t>> choices{preds(to)};
  std::vector<size_t> next{0};
  const size_t max_paths = options.all_shortest && options.max_paths ? options.max_paths : 1;
  while (!choices.empty() && paths.size() < max_paths) {
    if (stack_path.back() == from) {
      std::vector<uint32_t> vs(stack_path.rbegin(), stack_path.rend());
      paths.push_back(MakePath(g, std::move(vs), options.directed));
      stack_path.pop_back();
      choices.pop_back();
      next.pop_back();
      continue;
    }
    if (next.back() >= choices.back().size()) {
      stack_path.pop_back();
      choices.pop_back();
      next.pop_back();
      continue;
    }
    uint32_t u = choices.back()[next.back()++];
    stack_path.push_back(u);
    choices.push_back(u == from ? std::vector<uint32_t>{} : preds(u));
    next.push_back(0);
  }
  return paths;
}

}  // namespace detente
