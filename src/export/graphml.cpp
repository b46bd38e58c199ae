// GraphML, written by hand from the attribute tables: Boost's write_graphml
// numbers edges e0, e1, ... by position and writes every key of every
// element, where detente's ids are e<event id> and unknown values are left
// out.
#include <string>

#include "detente/export.h"
#include "export/internal.h"

namespace detente {
namespace {

using export_internal::FieldType;
using export_internal::FieldValue;
using export_internal::XmlEscape;

const char* GraphmlType(FieldType t) {
  switch (t) {
    case FieldType::kLong:
      return "long";
    case FieldType::kDouble:
      return "double";
    case FieldType::kBool:
      return "int";  // 0 or 1: Boost 1.74's read_graphml refuses "true"
    case FieldType::kString:
      break;
  }
  return "string";
}

// Key ids: v_<name> for nodes, e_<name> for edges.
void Key(std::ostream& out, const char* prefix, const char* target, const char* name,
         FieldType type) {
  out << "  <key id=\"" << prefix << name << "\" for=\"" << target << "\" attr.name=\"" << name
      << "\" attr.type=\"" << GraphmlType(type) << "\"/>\n";
}

void Data(std::ostream& out, const char* prefix, const char* name, const FieldValue& v) {
  if (std::holds_alternative<std::monostate>(v)) return;
  const bool* b = std::get_if<bool>(&v);
  out << "      <data key=\"" << prefix << name << "\">"
      << (b ? (*b ? "1" : "0") : XmlEscape(export_internal::FieldText(v))) << "</data>\n";
}

}  // namespace

Status WriteGraphml(const Graph& g, const Subgraph& in, const ExportOptions& options,
                    std::ostream& out) {
  Subgraph sub = export_internal::Normalize(g, in);
  const auto& node_fields = export_internal::NodeFields();
  const auto& edge_fields = export_internal::EdgeFields();
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  Key(out, "v_", "node", "label", FieldType::kString);
  for (const auto& f : node_fields) Key(out, "v_", "node", f.name, f.type);
  Key(out, "e_", "edge", "label", FieldType::kString);
  for (const auto& f : edge_fields) Key(out, "e_", "edge", f.name, f.type);
  out << "  <graph id=\"G\" edgedefault=\"directed\" parse.nodeids=\"free\" "
         "parse.edgeids=\"free\" parse.order=\"nodesfirst\">\n";
  for (uint32_t v : sub.vertices) {
    const GraphEntity& e = g.entity(v);
    out << "    <node id=\"" << export_internal::NodeId(e) << "\">\n";
    Data(out, "v_", "label", e.name);
    for (const auto& f : node_fields) Data(out, "v_", f.name, f.get(g, e));
    out << "    </node>\n";
  }
  for (uint32_t i : sub.events) {
    const GraphEvent& e = g.event(i);
    out << "    <edge id=\"" << export_internal::EdgeId(e) << "\" source=\""
        << export_internal::NodeId(g.entity(e.actor)) << "\" target=\""
        << export_internal::NodeId(g.entity(e.object)) << "\">\n";
    Data(out, "e_", "label", export_internal::EdgeLabel(g, e));
    for (const auto& f : edge_fields) Data(out, "e_", f.name, f.get(g, e, options));
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
  if (!out) return Status::IOError("writing GraphML failed");
  return Status::OK();
}

}  // namespace detente
