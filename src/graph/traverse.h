// Neighbour iteration over a Graph's Boost CSR in a chosen direction, private
// to the graph module.
#ifndef DETENTE_GRAPH_TRAVERSE_H_
#define DETENTE_GRAPH_TRAVERSE_H_

#include <boost/range/iterator_range.hpp>
#include <cstdint>

#include "detente/graph.h"

namespace detente::graph_internal {

// Calls f(neighbour, event index) for every event at `v`: out-edges unless
// `d` is kIn, in-edges unless `d` is kOut. A self-loop is seen once per side.
template <typename F>
void ForEachNeighbour(const Graph& graph, uint32_t v, Direction d, F&& f) {
  const Graph::Csr& g = graph.csr();
  if (d != Direction::kIn) {
    for (auto e : boost::make_iterator_range(out_edges(v, g))) f(target(e, g), g[e].event);
  }
  if (d != Direction::kOut) {
    for (auto e : boost::make_iterator_range(in_edges(v, g))) f(source(e, g), g[e].event);
  }
}

}  // namespace detente::graph_internal

#endif  // DETENTE_GRAPH_TRAVERSE_H_
