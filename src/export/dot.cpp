// GraphViz DOT, written by hand: Boost 1.74's write_graphviz leaves DOT
// keywords unquoted and backslashes unescaped.
#include <map>
#include <string>

#include "detente/export.h"
#include "detente/types.h"
#include "export/internal.h"

namespace detente {
namespace {

using export_internal::CleanText;
using export_internal::DotQuote;

struct KindStyle {
  const char* shape;
  const char* fill;
};

KindStyle StyleFor(std::string_view kind) {
  switch (ParseEntityKind(kind).value_or(EntityKind::kUnknown)) {
    case EntityKind::kPerson:
      return {"ellipse", "#cfe2f3"};
    case EntityKind::kCountry:
      return {"box", "#fff2cc"};
    case EntityKind::kOrganization:
      return {"hexagon", "#d9ead3"};
    case EntityKind::kArmedGroup:
      return {"hexagon", "#ead1dc"};
    case EntityKind::kCity:
    case EntityKind::kRegion:
    case EntityKind::kPlace:
      return {"octagon", "#f4cccc"};
    default:
      return {"note", "#eeeeee"};
  }
}

std::string NodeLine(const GraphEntity& e) {
  KindStyle st = StyleFor(e.kind);
  std::string tooltip = e.kind;
  if (!e.country.empty()) tooltip += ", " + e.country;
  return "n" + std::to_string(e.id) + " [label=" + DotQuote(e.name) + ", shape=" + st.shape +
         ", fillcolor=\"" + st.fill + "\", tooltip=" + DotQuote(tooltip) + "];\n";
}

}  // namespace

Status WriteDot(const Graph& g, const Subgraph& in, const ExportOptions& options,
                std::ostream& out) {
  Subgraph sub = export_internal::Normalize(g, in);
  out << "digraph detente {\n"
         "  graph [charset=\"UTF-8\", rankdir=LR, fontname=\"Helvetica\"];\n"
         "  node [style=filled, fontname=\"Helvetica\"];\n"
         "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  std::map<std::string, std::vector<uint32_t>> by_country;  // ordered: stable clusters
  for (uint32_t v : sub.vertices) {
    const GraphEntity& e = g.entity(v);
    if (options.clusters && !e.country.empty()) {
      by_country[e.country].push_back(v);
    } else {
      out << "  " << NodeLine(e);
    }
  }
  int cluster = 0;
  for (const auto& [country, members] : by_country) {
    out << "  subgraph cluster_" << cluster++ << " {\n"
        << "    label=" << DotQuote(country) << ";\n"
        << "    style=rounded;\n";
    for (uint32_t v : members) out << "    " << NodeLine(g.entity(v));
    out << "  }\n";
  }
  for (uint32_t i : sub.events) {
    const GraphEvent& e = g.event(i);
    out << "  n" << g.entity(e.actor).id << " -> n" << g.entity(e.object).id
        << " [label=" << DotQuote(export_internal::EdgeLabel(g, e)) << ", id=\"e" << e.id << "\"";
    if (const std::string* s = export_internal::SentenceOf(options, e)) {
      out << ", tooltip=" << DotQuote(*s);
    }
    if (e.negated) {
      out << ", style=dashed, color=\"#cc0000\"";
    } else if (e.modality != Modality::kAsserted) {
      out << ", style=dotted";
    }
    out << "];\n";
  }
  out << "}\n";
  if (!out) return Status::IOError("writing DOT failed");
  return Status::OK();
}

}  // namespace detente
