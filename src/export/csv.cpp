// Gephi CSV: a nodes table and an edges table, RFC 4180.
#include "detente/export.h"
#include "export/internal.h"

namespace detente {

using export_internal::CsvField;

Status WriteCsvNodes(const Graph& g, const Subgraph& in, std::ostream& out) {
  Subgraph sub = export_internal::Normalize(g, in);
  out << "Id,Label,Kind,Country\r\n";
  for (uint32_t v : sub.vertices) {
    const GraphEntity& e = g.entity(v);
    out << e.id << ',' << CsvField(e.name) << ',' << CsvField(e.kind) << ',' << CsvField(e.country)
        << "\r\n";
  }
  if (!out) return Status::IOError("writing CSV failed");
  return Status::OK();
}

Status WriteCsvEdges(const Graph& g, const Subgraph& in, const ExportOptions& options,
                     std::ostream& out) {
  Subgraph sub = export_internal::Normalize(g, in);
  out << "Source,Target,Type,Label,Weight,Id,Action,Class,Date,Modality,Negated,Sentence\r\n";
  for (uint32_t i : sub.events) {
    const GraphEvent& e = g.event(i);
    const std::string* sentence = export_internal::SentenceOf(options, e);
    out << g.entity(e.actor).id << ',' << g.entity(e.object).id << ",Directed,"
        << CsvField(export_internal::EdgeLabel(g, e)) << ",1," << e.id << ','
        << CsvField(g.action(e)) << ',' << CsvField(g.action_class(e)) << ',' << CsvField(g.date(e))
        << ',' << ModalityName(e.modality) << ',' << (e.negated ? "true" : "false") << ','
        << (sentence ? CsvField(*sentence) : "") << "\r\n";
  }
  if (!out) return Status::IOError("writing CSV failed");
  return Status::OK();
}

}  // namespace detente
