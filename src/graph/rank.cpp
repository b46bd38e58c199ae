// Rankings: degree, PageRank (as networkx.pagerank) and betweenness (Boost's
// brandes_betweenness_centrality, normalised as networkx).
#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <utility>
#include <vector>

#include "detente/graph.h"

namespace detente {
namespace {

// The simple graph under `g`: one edge per linked pair, no self-loops.
template <typename Simple>
Simple SimpleGraph(const Graph& g, bool directed) {
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  pairs.reserve(g.num_events());
  for (const GraphEvent& e : g.events()) {
    if (e.actor == e.object) continue;
    uint32_t a = e.actor, b = e.object;
    if (!directed && a > b) std::swap(a, b);
    pairs.emplace_back(a, b);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return Simple(pairs.begin(), pairs.end(), g.num_vertices());
}

// The vertices that take part in an event: the vertices of the default
// export. Scores are computed over these alone, so that networkx run on the
// export gives the same numbers (an entity with no event would otherwise
// take a share of PageRank's teleport and count in betweenness' n).
std::vector<char> ActiveVertices(const Graph& g) {
  std::vector<char> active(g.num_vertices(), 0);
  for (const GraphEvent& e : g.events()) active[e.actor] = active[e.object] = 1;
  return active;
}

template <typename Simple>
std::vector<double> Brandes(const Simple& s) {
  std::vector<double> c(boost::num_vertices(s), 0.0);
  boost::brandes_betweenness_centrality(s, boost::centrality_map(boost::make_iterator_property_map(
                                               c.begin(), get(boost::vertex_index, s))));
  return c;
}

}  // namespace

std::vector<double> DegreeScores(const Graph& g) {
  std::vector<double> d(g.num_vertices(), 0.0);
  for (const GraphEvent& e : g.events()) {
    d[e.actor] += 1;
    d[e.object] += 1;
  }
  return d;
}

std::vector<double> PageRankScores(const Graph& g, double damping) {
  const uint32_t size = g.num_vertices();
  const std::vector<char> active = ActiveVertices(g);
  const auto n = static_cast<uint32_t>(std::count(active.begin(), active.end(), 1));
  std::vector<double> x(size, 0.0), last(size, 0.0);
  if (n == 0) return x;
  const double inv_n = 1.0 / n;
  std::vector<double> out_weight(size, 0.0);
  for (const GraphEvent& e : g.events()) out_weight[e.actor] += 1;
  for (uint32_t v = 0; v < size; ++v) x[v] = active[v] ? inv_n : 0.0;
  const double tolerance = 1e-6;
  for (int iter = 0; iter < 100; ++iter) {
    std::swap(x, last);
    double dangling = 0;
    for (uint32_t v = 0; v < size; ++v) {
      if (active[v] && out_weight[v] == 0) dangling += last[v];
    }
    // Teleport and dangling mass, both spread uniformly over the active
    // vertices.
    const double base = (1.0 - damping) * inv_n + damping * dangling * inv_n;
    for (uint32_t v = 0; v < size; ++v) x[v] = active[v] ? base : 0.0;
    for (const GraphEvent& e : g.events()) {
      x[e.object] += damping * last[e.actor] / out_weight[e.actor];
    }
    double err = 0;
    for (uint32_t v = 0; v < size; ++v) err += std::fabs(x[v] - last[v]);
    if (err < n * tolerance) break;
  }
  return x;
}

std::vector<double> BetweennessScores(const Graph& g, bool directed) {
  const std::vector<char> active = ActiveVertices(g);
  const double n = static_cast<double>(std::count(active.begin(), active.end(), 1));
  std::vector<double> c;
  if (directed) {
    using Simple = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    c = Brandes(SimpleGraph<Simple>(g, true));
  } else {
    // Boost halves the undirected sums (each pair once); networkx's
    // normalised value counts each pair from both ends.
    using Simple = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    c = Brandes(SimpleGraph<Simple>(g, false));
    for (double& v : c) v *= 2;
  }
  if (n > 2) {
    const double scale = 1.0 / ((n - 1) * (n - 2));
    for (double& v : c) v *= scale;
  }
  return c;
}

std::vector<RankEntry> Rank(const Graph& g, const RankOptions& options) {
  std::vector<double> scores;
  switch (options.by) {
    case RankBy::kDegree:
      scores = DegreeScores(g);
      break;
    case RankBy::kPageRank:
      scores = PageRankScores(g, options.damping);
      break;
    case RankBy::kBetweenness:
      scores = BetweennessScores(g, options.directed);
      break;
  }
  const std::vector<char> active = ActiveVertices(g);
  std::vector<RankEntry> out;
  for (uint32_t v = 0; v < g.num_vertices(); ++v) {
    if (active[v]) out.push_back(RankEntry{v, scores[v]});
  }
  auto better = [&](const RankEntry& a, const RankEntry& b) {
    if (a.score != b.score) return a.score > b.score;
    const std::string& na = g.entity(a.vertex).name;
    const std::string& nb = g.entity(b.vertex).name;
    return na != nb ? na < nb : a.vertex < b.vertex;
  };
  if (options.top > 0 && options.top < out.size()) {
    std::partial_sort(out.begin(), out.begin() + options.top, out.end(), better);
    out.resize(options.top);
  } else {
    std::sort(out.begin(), out.end(), better);
  }
  return out;
}

}  // namespace detente
