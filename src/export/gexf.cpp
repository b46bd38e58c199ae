// GEXF 1.3 (gexf.net), dynamic: every edge lives for the day (or month, or
// year) of its event, and every node for the days of its events, so Gephi's
// timeline plays the events.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "detente/export.h"
#include "export/internal.h"

namespace detente {
namespace {

using export_internal::FieldType;
using export_internal::FieldValue;
using export_internal::XmlEscape;
using Span = std::pair<std::string, std::string>;

const char* GexfType(FieldType t) {
  switch (t) {
    case FieldType::kLong:
      return "long";
    case FieldType::kDouble:
      return "double";
    case FieldType::kBool:
      return "boolean";
    case FieldType::kString:
      break;
  }
  return "string";
}

template <typename Fields>
void Declare(std::ostream& out, const char* cls, const Fields& fields) {
  out << "    <attributes class=\"" << cls << "\">\n";
  for (const auto& f : fields) {
    out << "      <attribute id=\"" << f.name << "\" title=\"" << f.name << "\" type=\""
        << GexfType(f.type) << "\"/>\n";
  }
  out << "    </attributes>\n";
}

// <attvalues> of the known values (none at all when every one is unknown).
void AttValues(std::ostream& out, const std::vector<std::pair<const char*, FieldValue>>& values) {
  bool open = false;
  for (const auto& [name, v] : values) {
    if (std::holds_alternative<std::monostate>(v)) continue;
    if (!open) out << "        <attvalues>\n";
    open = true;
    out << "          <attvalue for=\"" << name << "\" value=\""
        << XmlEscape(export_internal::FieldText(v)) << "\"/>\n";
  }
  if (open) out << "        </attvalues>\n";
}

// The spans of each vertex's events, merged where they overlap; nullopt for
// a vertex with an undated event (it is there all the time).
std::vector<std::optional<std::vector<Span>>> NodeSpells(const Graph& g, const Subgraph& sub) {
  std::vector<std::optional<std::vector<Span>>> spells(g.num_vertices());
  std::vector<char> always(g.num_vertices(), 0);
  for (uint32_t v : sub.vertices) spells[v].emplace();
  for (uint32_t i : sub.events) {
    const GraphEvent& e = g.event(i);
    auto span = export_internal::DateSpan(g.date(e));
    for (uint32_t v : {e.actor, e.object}) {
      if (!span) always[v] = 1;
      if (span && spells[v]) spells[v]->push_back(*span);
    }
  }
  for (uint32_t v : sub.vertices) {
    if (always[v] || spells[v]->empty()) {
      spells[v].reset();
      continue;
    }
    std::vector<Span>& s = *spells[v];
    std::sort(s.begin(), s.end());
    std::vector<Span> merged;
    for (const Span& span : s) {
      if (!merged.empty() && span.first <= merged.back().second) {
        merged.back().second = std::max(merged.back().second, span.second);
      } else {
        merged.push_back(span);
      }
    }
    s = std::move(merged);
  }
  return spells;
}

}  // namespace

Status WriteGexf(const Graph& g, const Subgraph& in, const ExportOptions& options,
                 std::ostream& out) {
  Subgraph sub = export_internal::Normalize(g, in);
  const auto& node_fields = export_internal::NodeFields();
  const auto& edge_fields = export_internal::EdgeFields();
  const auto spells = NodeSpells(g, sub);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
         "version=\"1.3\">\n"
         "  <meta>\n"
         "    <creator>detente</creator>\n"
         "    <description>Entities and the events between them</description>\n"
         "  </meta>\n"
         "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" "
         "timerepresentation=\"interval\">\n";
  Declare(out, "node", node_fields);
  Declare(out, "edge", edge_fields);
  out << "    <nodes count=\"" << sub.vertices.size() << "\">\n";
  for (uint32_t v : sub.vertices) {
    const GraphEntity& e = g.entity(v);
    out << "      <node id=\"" << export_internal::NodeId(e) << "\" label=\"" << XmlEscape(e.name)
        << "\">\n";
    std::vector<std::pair<const char*, FieldValue>> values;
    for (const auto& f : node_fields) values.emplace_back(f.name, f.get(g, e));
    AttValues(out, values);
    if (spells[v]) {
      out << "        <spells>\n";
      for (const Span& s : *spells[v]) {
        out << "          <spell start=\"" << s.first << "\" end=\"" << s.second << "\"/>\n";
      }
      out << "        </spells>\n";
    }
    out << "      </node>\n";
  }
  out << "    </nodes>\n";
  out << "    <edges count=\"" << sub.events.size() << "\">\n";
  for (uint32_t i : sub.events) {
    const GraphEvent& e = g.event(i);
    out << "      <edge id=\"" << export_internal::EdgeId(e) << "\" source=\""
        << export_internal::NodeId(g.entity(e.actor)) << "\" target=\""
        << export_internal::NodeId(g.entity(e.object)) << "\" label=\""
        << XmlEscape(export_internal::EdgeLabel(g, e)) << "\" weight=\"1\"";
    // Gephi keeps parallel edges apart when their kinds differ.
    if (!g.action(e).empty()) out << " kind=\"" << XmlEscape(g.action(e)) << "\"";
    if (auto span = export_internal::DateSpan(g.date(e))) {
      out << " start=\"" << span->first << "\" end=\"" << span->second << "\"";
    }
    out << ">\n";
    std::vector<std::pair<const char*, FieldValue>> values;
    for (const auto& f : edge_fields) values.emplace_back(f.name, f.get(g, e, options));
    AttValues(out, values);
    out << "      </edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
  if (!out) return Status::IOError("writing GEXF failed");
  return Status::OK();
}

}  // namespace detente
