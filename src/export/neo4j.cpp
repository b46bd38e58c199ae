// CSV for `neo4j-admin database import full`: the header row names each
// column <name>:<type> (no type: string), and :ID, :LABEL, :START_ID,
// :END_ID and :TYPE name the columns the importer uses to build the graph.
#include <cctype>
#include <string>

#include "detente/export.h"
#include "export/internal.h"

namespace detente {
namespace {

using export_internal::FieldType;
using export_internal::FieldValue;

const char* TypeSuffix(FieldType t) {
  switch (t) {
    case FieldType::kLong:
      return ":long";
    case FieldType::kDouble:
      return ":double";
    case FieldType::kBool:
      return ":boolean";
    case FieldType::kString:
      break;
  }
  return "";
}

// One field. Strings go through CsvField (quoting, the formula guard) with
// line breaks as spaces, so that the import needs no --multiline-fields; an
// unknown value is an empty field, which the importer leaves out.
std::string Cell(const FieldValue& v) {
  std::string text = export_internal::FieldText(v);
  if (!std::holds_alternative<std::string>(v)) return text;
  std::string clean = export_internal::CleanText(text);
  for (char& c : clean) {
    if (c == '\n') c = ' ';
  }
  return export_internal::CsvField(clean);
}

// ASCII letters and digits as they are (letters upper-cased when `upper`),
// other ASCII as one '_', other UTF-8 kept; no '_' at either end.
std::string Identifier(std::string_view s, bool upper) {
  std::string out;
  for (unsigned char c : export_internal::CleanText(s)) {
    if (std::isalnum(c)) {
      out += upper ? static_cast<char>(std::toupper(c)) : static_cast<char>(c);
    } else if (c >= 0x80) {
      out += static_cast<char>(c);
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

// "armed_group" -> "ArmedGroup".
std::string KindLabel(std::string_view kind) {
  std::string id = Identifier(kind, false), out;
  bool start = true;
  for (char c : id) {
    if (c == '_') {
      start = true;
      continue;
    }
    out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    start = false;
  }
  return out;
}

}  // namespace

namespace export_internal {

std::string Neo4jLabels(std::string_view kind) {
  std::string label = KindLabel(kind);
  if (label.empty() || label == "Entity" || label == "Unknown") return "Entity";
  return "Entity;" + label;
}

std::string Neo4jType(std::string_view action) {
  std::string type = Identifier(action, true);
  return type.empty() ? "EVENT" : type;
}

}  // namespace export_internal

using export_internal::Neo4jLabels;
using export_internal::Neo4jType;

Status WriteNeo4jNodes(const Graph& g, const Subgraph& in, std::ostream& out) {
  Subgraph sub = export_internal::Normalize(g, in);
  const auto& fields = export_internal::NodeFields();
  out << "id:ID,:LABEL";
  for (const auto& f : fields) out << ',' << f.name << TypeSuffix(f.type);
  out << '\n';
  for (uint32_t v : sub.vertices) {
    const GraphEntity& e = g.entity(v);
    out << export_internal::NodeId(e) << ',' << Cell(Neo4jLabels(e.kind));
    for (const auto& f : fields) out << ',' << Cell(f.get(g, e));
    out << '\n';
  }
  if (!out) return Status::IOError("writing Neo4j CSV failed");
  return Status::OK();
}

Status WriteNeo4jRelationships(const Graph& g, const Subgraph& in, const ExportOptions& options,
                               std::ostream& out) {
  Subgraph sub = export_internal::Normalize(g, in);
  const auto& fields = export_internal::EdgeFields();
  out << ":START_ID,:END_ID,:TYPE,id";
  for (const auto& f : fields) out << ',' << f.name << TypeSuffix(f.type);
  out << '\n';
  for (uint32_t i : sub.events) {
    const GraphEvent& e = g.event(i);
    out << export_internal::NodeId(g.entity(e.actor)) << ','
        << export_internal::NodeId(g.entity(e.object)) << ',' << Cell(Neo4jType(g.action(e))) << ','
        << export_internal::EdgeId(e);
    for (const auto& f : fields) out << ',' << Cell(f.get(g, e, options));
    out << '\n';
  }
  if (!out) return Status::IOError("writing Neo4j CSV failed");
  return Status::OK();
}

}  // namespace detente
