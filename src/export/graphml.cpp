// GraphML through Boost's write_graphml and dynamic_properties.

// Boost 1.74's adjacency_list edge iterator trips a false -Wmaybe-uninitialized
// (boost::optional inside adj_list_edge_iterator) when instantiated here.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <exception>
#include <string>
#include <vector>

#include "detente/export.h"
#include "export/internal.h"

namespace detente {
namespace {

struct VertexData {
  long entity_id = 0;
  std::string name, kind, country;
};
struct EdgeData {
  long event_id = 0;
  std::string action, action_class, date, modality;
  int negated = 0;
  std::string sentence;
};
using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, VertexData, EdgeData>;

}  // namespace

Status WriteGraphml(const Graph& g, const Subgraph& in, const ExportOptions& options,
                    std::ostream& out) {
  using export_internal::CleanText;
  Subgraph sub = export_internal::Normalize(g, in);
  try {
    BoostGraph bg;
    std::vector<long> node_ids;  // the GraphML node id is n<entity id>
    std::unordered_map<uint32_t, BoostGraph::vertex_descriptor> local;
    for (uint32_t v : sub.vertices) {
      const GraphEntity& e = g.entity(v);
      local[v] = boost::add_vertex(VertexData{static_cast<long>(e.id), CleanText(e.name),
                                              CleanText(e.kind), CleanText(e.country)},
                                   bg);
      node_ids.push_back(static_cast<long>(e.id));
    }
    for (uint32_t i : sub.events) {
      const GraphEvent& e = g.event(i);
      const std::string* sentence = export_internal::SentenceOf(options, e);
      boost::add_edge(
          local[e.actor], local[e.object],
          EdgeData{static_cast<long>(e.id), CleanText(g.action(e)), CleanText(g.action_class(e)),
                   CleanText(g.date(e)), ModalityName(e.modality), e.negated ? 1 : 0,
                   sentence ? CleanText(*sentence) : std::string()},
          bg);
    }
    boost::dynamic_properties dp(boost::ignore_other_properties);
    dp.property("name", get(&VertexData::name, bg));
    dp.property("kind", get(&VertexData::kind, bg));
    dp.property("country", get(&VertexData::country, bg));
    dp.property("entity_id", get(&VertexData::entity_id, bg));
    dp.property("event_id", get(&EdgeData::event_id, bg));
    dp.property("action", get(&EdgeData::action, bg));
    dp.property("action_class", get(&EdgeData::action_class, bg));
    dp.property("date", get(&EdgeData::date, bg));
    dp.property("modality", get(&EdgeData::modality, bg));
    dp.property("negated", get(&EdgeData::negated, bg));
    if (!options.sentences.empty()) dp.property("sentence", get(&EdgeData::sentence, bg));
    auto index = boost::make_iterator_property_map(node_ids.begin(), get(boost::vertex_index, bg));
    boost::write_graphml(out, bg, index, dp, /*ordered_vertices=*/false);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("writing GraphML: ") + e.what());
  }
  if (!out) return Status::IOError("writing GraphML failed");
  return Status::OK();
}

}  // namespace detente
