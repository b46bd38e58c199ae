#include <algorithm>

#include "detente/export.h"

namespace detente {

Subgraph WholeGraph(const Graph& g, bool include_isolated) {
  Subgraph sub;
  std::vector<char> active(g.num_vertices(), include_isolated ? 1 : 0);
  sub.events.reserve(g.num_events());
  for (uint32_t e = 0; e < g.num_events(); ++e) {
    sub.events.push_back(e);
    active[g.event(e).actor] = active[g.event(e).object] = 1;
  }
  for (uint32_t v = 0; v < g.num_vertices(); ++v) {
    if (active[v]) sub.vertices.push_back(v);
  }
  return sub;
}

Subgraph FromEgo(const EgoNetwork& ego) {
  Subgraph sub;
  for (const auto& [v, distance] : ego.members) sub.vertices.push_back(v);
  sub.events = ego.events;
  return sub;
}

Subgraph FromPaths(const std::vector<GraphPath>& paths) {
  Subgraph sub;
  for (const GraphPath& p : paths) {
    sub.vertices.insert(sub.vertices.end(), p.vertices.begin(), p.vertices.end());
    for (const PathHop& h : p.hops)
      sub.events.insert(sub.events.end(), h.events.begin(), h.events.end());
  }
  std::sort(sub.vertices.begin(), sub.vertices.end());
  sub.vertices.erase(std::unique(sub.vertices.begin(), sub.vertices.end()), sub.vertices.end());
  std::sort(sub.events.begin(), sub.events.end());
  sub.events.erase(std::unique(sub.events.begin(), sub.events.end()), sub.events.end());
  return sub;
}

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "dot") return ExportFormat::kDot;
  if (name == "graphml") return ExportFormat::kGraphml;
  if (name == "json") return ExportFormat::kJson;
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "gexf") return ExportFormat::kGexf;
  if (name == "neo4j") return ExportFormat::kNeo4j;
  return Status::InvalidArgument("unknown export format \"" + std::string(name) +
                                 "\" (use dot, graphml, json, csv, gexf or neo4j)");
}

}  // namespace detente
