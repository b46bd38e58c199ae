#include "serve/views.h"

#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <unordered_map>

namespace detente::serve {
namespace {

// Calls f(neighbour, event) for every event at v that the filter keeps, in
// the direction asked (a self-loop is seen once per side).
template <typename F>
void ForEachKept(const Graph& graph, uint32_t v, Direction d, const EventFilter& filter, F&& f) {
  const Graph::Csr& g = graph.csr();
  if (d != Direction::kIn) {
    for (auto e : boost::make_iterator_range(out_edges(v, g))) {
      if (filter.KeepEvent(graph, g[e].event)) f(static_cast<uint32_t>(target(e, g)), g[e].event);
    }
  }
  if (d != Direction::kOut) {
    for (auto e : boost::make_iterator_range(in_edges(v, g))) {
      if (filter.KeepEvent(graph, g[e].event)) f(static_cast<uint32_t>(source(e, g)), g[e].event);
    }
  }
}

// Breadth-first distances from `start` (-1: not reached), the vertices in
// visiting order in `order`. Vertices the filter drops are not entered
// (the start always is).
std::vector<int32_t> Distances(const Graph& g, uint32_t start, int radius, Direction d,
                               const EventFilter& filter, std::vector<uint32_t>* order,
                               std::vector<uint32_t>* parent = nullptr, uint32_t stop_at = ~0u) {
  std::vector<int32_t> dist(g.num_vertices(), -1);
  if (parent) parent->assign(g.num_vertices(), ~0u);
  dist[start] = 0;
  order->assign(1, start);
  for (size_t head = 0; head < order->size(); ++head) {
    const uint32_t v = (*order)[head];
    if (radius > 0 && dist[v] >= radius) break;
    if (v == stop_at) break;
    ForEachKept(g, v, d, filter, [&](uint32_t w, uint32_t) {
      if (dist[w] >= 0 || (w != stop_at && !filter.KeepVertex(g, w))) return;
      dist[w] = dist[v] + 1;
      if (parent) (*parent)[w] = v;
      order->push_back(w);
    });
  }
  return dist;
}

}  // namespace

bool EventFilter::KeepEvent(const Graph& g, uint32_t e) const {
  const GraphEvent& ev = g.event(e);
  if (!class_ok.empty() && !class_ok[ev.cameo_code]) return false;
  if (!since.empty() || !until.empty()) {
    std::string_view date = g.date(ev);
    if (date.empty()) return false;
    if (!since.empty() && date < since) return false;
    if (!until.empty() && date.substr(0, until.size()) > until) return false;
  }
  return true;
}

bool EventFilter::KeepVertex(const Graph& g, uint32_t v) const {
  if (!roles.empty() &&
      std::find(roles.begin(), roles.end(), g.entity(v).role) == roles.end()) {
    return false;
  }
  if (kinds.empty()) return true;
  return std::find(kinds.begin(), kinds.end(), g.entity(v).kind) != kinds.end();
}

std::vector<char> ClassTable(const Graph& g, const std::vector<uint8_t>& quad_of,
                             const std::vector<std::string>& prefixes,
                             const std::vector<int>& quads) {
  std::vector<char> ok;
  if (prefixes.empty() && quads.empty()) return ok;
  ok.assign(quad_of.size(), 0);
  for (uint32_t s = 0; s < quad_of.size(); ++s) {
    std::string_view cls = g.str(s);
    bool keep = prefixes.empty();
    for (const std::string& p : prefixes) keep = keep || cls.substr(0, p.size()) == p;
    if (!quads.empty()) {
      keep = keep && std::find(quads.begin(), quads.end(), quad_of[s]) != quads.end();
    }
    ok[s] = keep;
  }
  return ok;
}

EgoView BuildEgo(const Graph& g, uint32_t center, int radius, Direction direction,
                 const EventFilter& filter, const std::vector<uint8_t>& quad_of, size_t max_nodes,
                 size_t max_edges) {
  EgoView view;
  std::vector<uint32_t> order;
  std::vector<int32_t> dist = Distances(g, center, radius, direction, filter, &order);
  // Events of the induced subgraph: each event is an out-edge of its actor,
  // so the members' out-edges see each once.
  std::vector<uint32_t> count(g.num_vertices());
  for (uint32_t v : order) {
    ForEachKept(g, v, Direction::kOut, filter, [&](uint32_t w, uint32_t) {
      if (dist[w] < 0) return;
      ++count[v];
      if (w != v) ++count[w];
      ++view.events;
    });
  }
  view.members = static_cast<uint32_t>(order.size());

  // The centre, then the nearest and busiest members.
  std::vector<uint32_t> rest(order.begin() + 1, order.end());
  auto before = [&](uint32_t a, uint32_t b) {
    if (dist[a] != dist[b]) return dist[a] < dist[b];
    if (count[a] != count[b]) return count[a] > count[b];
    const std::string& na = g.entity(a).name;
    const std::string& nb = g.entity(b).name;
    return na != nb ? na < nb : a < b;
  };
  const size_t keep = std::min(rest.size(), max_nodes > 0 ? max_nodes - 1 : 0);
  std::partial_sort(rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(keep), rest.end(),
                    before);
  std::vector<char> drawn(g.num_vertices());
  view.nodes.push_back({center, 0, count[center]});
  drawn[center] = 1;
  for (size_t i = 0; i < keep; ++i) {
    view.nodes.push_back({rest[i], dist[rest[i]], count[rest[i]]});
    drawn[rest[i]] = 1;
  }
  std::unordered_map<std::string, size_t> group_at;
  for (size_t i = keep; i < rest.size(); ++i) {
    const uint32_t v = rest[i];
    const std::string key = g.entity(v).kind + "\t" + std::to_string(dist[v]);
    auto [it, added] = group_at.emplace(key, view.groups.size());
    if (added) view.groups.push_back({g.entity(v).kind, dist[v], 0, 0});
    ++view.groups[it->second].members;
    view.groups[it->second].events += count[v];
  }
  std::sort(view.groups.begin(), view.groups.end(), [](const auto& a, const auto& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    return a.members != b.members ? a.members > b.members : a.kind < b.kind;
  });

  // Edges between drawn nodes, one per pair.
  std::unordered_map<uint64_t, size_t> edge_at;
  for (const EgoView::Node& n : view.nodes) {
    ForEachKept(g, n.vertex, Direction::kOut, filter, [&](uint32_t w, uint32_t e) {
      if (!drawn[w]) return;
      const uint32_t a = std::min(n.vertex, w), b = std::max(n.vertex, w);
      auto [it, added] = edge_at.emplace((uint64_t{a} << 32) | b, view.edges.size());
      if (added) view.edges.push_back({a, b, 0, 0, {0, 0, 0, 0, 0}, e, e});
      EgoView::Edge& edge = view.edges[it->second];
      (n.vertex == a ? edge.a_to_b : edge.b_to_a)++;
      edge.quad[quad_of[g.event(e).cameo_code]]++;
      if (g.EventBefore(e, edge.first)) edge.first = e;
      if (g.EventBefore(edge.last, e)) edge.last = e;
    });
  }
  std::sort(view.edges.begin(), view.edges.end(), [](const auto& x, const auto& y) {
    if (x.events() != y.events()) return x.events() > y.events();
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  if (view.edges.size() > max_edges) {
    view.edges.resize(max_edges);
    view.edges_truncated = true;
  }
  return view;
}

Result<PathView> FindPath(const Graph& g, uint32_t from, uint32_t to, bool directed, int max_hops,
                          const EventFilter& filter) {
  const Direction d = directed ? Direction::kOut : Direction::kBoth;
  std::vector<uint32_t> order, parent;
  // The ends are what was asked for: a kind filter applies between them.
  std::vector<int32_t> dist = Distances(g, from, max_hops, d, filter, &order, &parent, to);
  if (dist[to] < 0) {
    return Status::NotFound(max_hops > 0 ? "no path within " + std::to_string(max_hops) + " hops"
                                         : "no path");
  }
  PathView path;
  for (uint32_t v = to; v != ~0u; v = parent[v]) path.vertices.push_back(v);
  std::reverse(path.vertices.begin(), path.vertices.end());
  for (size_t i = 0; i + 1 < path.vertices.size(); ++i) {
    const uint32_t a = path.vertices[i], b = path.vertices[i + 1];
    std::vector<uint32_t> events;
    ForEachKept(g, a, d, filter, [&](uint32_t w, uint32_t e) {
      if (w == b) events.push_back(e);
    });
    std::sort(events.begin(), events.end(),
              [&](uint32_t x, uint32_t y) { return g.EventBefore(x, y); });
    events.erase(std::unique(events.begin(), events.end()), events.end());
    path.hops.push_back(std::move(events));
  }
  return path;
}

}  // namespace detente::serve
