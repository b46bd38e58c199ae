// The graph views of `detente serve`: an ego network bounded for drawing and
// a shortest path, both over one loaded Graph with a per-request filter (so
// that one graph in memory serves every filter). Private to the serve module.
//
// Thread safety: every function only reads the Graph; many may run at once.
#ifndef DETENTE_SERVE_VIEWS_H_
#define DETENTE_SERVE_VIEWS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "detente/graph.h"
#include "detente/status.h"

namespace detente::serve {

// Which events and vertices of the graph a request keeps.
struct EventFilter {
  std::string since;  // yyyy[-mm[-dd]], inclusive; "" no bound
  std::string until;  // inclusive on the prefix, as GraphFilter
  // By interned string id of the event's CAMEO code (GraphEvent::cameo_code):
  // 1 to keep. Empty: all.
  std::vector<char> class_ok;
  std::vector<std::string> kinds;  // vertex kinds; empty: all
  // CAMEO roles of the vertices kept (GraphEntity::role); empty: all. The
  // centre of a view always passes.
  std::vector<Role> roles;

  bool KeepEvent(const Graph& g, uint32_t e) const;
  bool KeepVertex(const Graph& g, uint32_t v) const;
};

// The class table of a filter: CAMEO prefixes of the event's code ("04",
// "042", "0871") and QuadClasses (1-4; 0 for no class), each list empty for
// "all". `quad_of` gives the QuadClass of each interned string.
std::vector<char> ClassTable(const Graph& g, const std::vector<uint8_t>& quad_of,
                             const std::vector<std::string>& prefixes,
                             const std::vector<int>& quads);

struct EgoView {
  struct Node {
    uint32_t vertex = 0;
    int distance = 0;
    uint32_t events = 0;  // events of the (whole, filtered) ego network it takes part in
  };
  // Members beyond the node limit, grouped by kind and distance.
  struct Group {
    std::string kind;
    int distance = 0;
    uint32_t members = 0;
    uint64_t events = 0;  // their events in the ego network (an event of two counts twice)
  };
  // The events between two drawn nodes a < b (vertex indexes), by direction and class.
  struct Edge {
    uint32_t a = 0, b = 0;
    uint32_t a_to_b = 0, b_to_a = 0;
    uint32_t quad[5] = {0, 0, 0, 0, 0};  // by QuadClass; [0]: no class
    uint32_t first = 0, last = 0;        // the earliest and latest event (indexes)
    uint32_t events() const { return a_to_b + b_to_a; }
  };
  std::vector<Node> nodes;  // the centre first, then by distance, events (desc), name
  std::vector<Group> groups;
  std::vector<Edge> edges;  // by events (desc), then a, b
  uint32_t members = 0;     // every member, drawn or not
  uint64_t events = 0;      // every event among the members
  bool edges_truncated = false;
};

// The ego network of `center` within `radius` hops (networkx.ego_graph
// semantics under the filter), keeping the centre and the max_nodes - 1
// members nearest and busiest, and at most max_edges edges (the strongest).
EgoView BuildEgo(const Graph& g, uint32_t center, int radius, Direction direction,
                 const EventFilter& filter, const std::vector<uint8_t>& quad_of, size_t max_nodes,
                 size_t max_edges);

struct PathView {
  std::vector<uint32_t> vertices;           // from the source to the target
  std::vector<std::vector<uint32_t>> hops;  // the events of each hop, by date then id
};

// A shortest path by breadth-first search under the filter (actor -> object
// only when `directed`). kNotFound when there is none within max_hops.
Result<PathView> FindPath(const Graph& g, uint32_t from, uint32_t to, bool directed, int max_hops,
                          const EventFilter& filter);

}  // namespace detente::serve

#endif  // DETENTE_SERVE_VIEWS_H_
