// Gephi CSV: a nodes table and an edges table, RFC 4180; the attribute
// columns come from the attribute tables.
#include "detente/export.h"
#include "export/internal.h"

namespace detente {
namespace {

using export_internal::CsvField;
using export_internal::FieldType;
using export_internal::FieldValue;

// Strings through CsvField; numbers and booleans as they are (a negative
// number is data, not a formula).
std::string Cell(const FieldValue& v) {
  const std::string text = export_internal::FieldText(v);
  return std::holds_alternative<std::string>(v) ? CsvField(text) : text;
}

}  // namespace

Status WriteCsvNodes(const Graph& g, const Subgraph& in, std::ostream& out) {
  Subgraph sub = export_internal::Normalize(g, in);
  const auto& fields = export_internal::NodeFields();
  out << "Id,Label";
  for (const auto& f : fields) out << ',' << f.name;
  out << "\r\n";
  for (uint32_t v : sub.vertices) {
    const GraphEntity& e = g.entity(v);
    out << export_internal::NodeId(e) << ',' << CsvField(e.name);
    for (const auto& f : fields) out << ',' << Cell(f.get(g, e));
    out << "\r\n";
  }
  if (!out) return Status::IOError("writing CSV failed");
  return Status::OK();
}

Status WriteCsvEdges(const Graph& g, const Subgraph& in, const ExportOptions& options,
                     std::ostream& out) {
  Subgraph sub = export_internal::Normalize(g, in);
  const auto& fields = export_internal::EdgeFields();
  out << "Source,Target,Type,Id,Label,Weight";
  for (const auto& f : fields) out << ',' << f.name;
  out << "\r\n";
  for (uint32_t i : sub.events) {
    const GraphEvent& e = g.event(i);
    out << export_internal::NodeId(g.entity(e.actor)) << ','
        << export_internal::NodeId(g.entity(e.object)) << ",Directed," << export_internal::EdgeId(e)
        << ',' << CsvField(export_internal::EdgeLabel(g, e)) << ",1";
    for (const auto& f : fields) out << ',' << Cell(f.get(g, e, options));
    out << "\r\n";
  }
  if (!out) return Status::IOError("writing CSV failed");
  return Status::OK();
}

}  // namespace detente
