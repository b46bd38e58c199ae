// Helpers shared by the exporters (private to the export module).
#ifndef DETENTE_EXPORT_INTERNAL_H_
#define DETENTE_EXPORT_INTERNAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "detente/export.h"
#include "detente/graph.h"

namespace detente::export_internal {

// Valid UTF-8 that XML 1.0 allows, for any input: invalid bytes, U+FFFE and
// U+FFFF become U+FFFD, control characters other than \n and \t (and DEL)
// become spaces, \r\n and \r become \n.
std::string CleanText(std::string_view s);

// CleanText(s) escaped for XML text and attribute values: & < > " ' as
// entities, and newline and tab as character references, so that an
// attribute value keeps them.
std::string XmlEscape(std::string_view s);

// A DOT double-quoted escString: " and \ escaped, newlines as \n.
std::string DotQuote(std::string_view s);

// One RFC 4180 field of CleanText(s): quoted when it holds , " CR or LF,
// quotes doubled; one that starts with = + - @ tab, CR or LF (a
// spreadsheet formula) gets a leading '.
std::string CsvField(std::string_view s);

// The one id scheme of every format: n<entity id> for a node, e<event id>
// for an edge.
std::string NodeId(const GraphEntity& e);
std::string EdgeId(const GraphEvent& e);

// ---- Attributes ----
// Every writer but DOT declares and writes node and edge attributes from the
// two tables below, so a new attribute is one row there. A value that is
// unknown (monostate) is left out: no JSON member, no GraphML <data>, no
// GEXF <attvalue>, an empty CSV field (null for Neo4j).
enum class FieldType { kString, kLong, kDouble, kBool };
using FieldValue = std::variant<std::monostate, std::string, int64_t, double, bool>;

struct NodeField {
  const char* name;
  FieldType type;
  FieldValue (*get)(const Graph& g, const GraphEntity& e);
};
struct EdgeField {
  const char* name;
  FieldType type;
  FieldValue (*get)(const Graph& g, const GraphEvent& e, const ExportOptions& options);
};

// name, kind, country, entity_id.
const std::vector<NodeField>& NodeFields();
// event_id, action, action_class, cameo_code, quad_class, date, modality,
// negated, sentence_id, sentence.
const std::vector<EdgeField>& EdgeFields();

// The value as text: numbers in the shortest form that round-trips, booleans
// as true/false, strings as they are; "" when unknown.
std::string FieldText(const FieldValue& v);

// The first and last day an ISO date covers: "2023-06-18" itself, "2023-06"
// its month, "2023" its year (anything after the tenth character is
// ignored); nullopt when `date` is not one of these.
std::optional<std::pair<std::string, std::string>> DateSpan(std::string_view date);

// Neo4j: the labels of an entity of `kind` ("Entity;ArmedGroup" for
// armed_group, "Entity" alone for none or unknown) and the relationship
// type of an action ("TRAVEL_TO"; "EVENT" when it has no letter or digit).
std::string Neo4jLabels(std::string_view kind);
std::string Neo4jType(std::string_view action);

// `sub` with vertices by entity id and events by event id, without
// duplicates, keeping only events whose two ends are among the vertices.
Subgraph Normalize(const Graph& g, const Subgraph& sub);

// "action date", or "action" when the event has no date.
std::string EdgeLabel(const Graph& g, const GraphEvent& e);

// The sentence of `e` from options.sentences, or nullptr.
const std::string* SentenceOf(const ExportOptions& options, const GraphEvent& e);

}  // namespace detente::export_internal

#endif  // DETENTE_EXPORT_INTERNAL_H_
