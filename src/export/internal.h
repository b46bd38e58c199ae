// Helpers shared by the exporters (private to the export module).
#ifndef DETENTE_EXPORT_INTERNAL_H_
#define DETENTE_EXPORT_INTERNAL_H_

#include <string>
#include <string_view>

#include "detente/export.h"
#include "detente/graph.h"

namespace detente::export_internal {

// Valid UTF-8 that XML 1.0 allows, for any input: invalid bytes, U+FFFE and
// U+FFFF become U+FFFD, control characters other than \n and \t (and DEL)
// become spaces, \r\n and \r become \n.
std::string CleanText(std::string_view s);

// A DOT double-quoted escString: " and \ escaped, newlines as \n.
std::string DotQuote(std::string_view s);

// One RFC 4180 field of CleanText(s): quoted when it holds , " CR or LF,
// quotes doubled; one that starts with = + - @ tab, CR or LF (a
// spreadsheet formula) gets a leading '.
std::string CsvField(std::string_view s);

// `sub` with vertices by entity id and events by event id, without
// duplicates, keeping only events whose two ends are among the vertices.
Subgraph Normalize(const Graph& g, const Subgraph& sub);

// "action date", or "action" when the event has no date.
std::string EdgeLabel(const Graph& g, const GraphEvent& e);

// The sentence of `e` from options.sentences, or nullptr.
const std::string* SentenceOf(const ExportOptions& options, const GraphEvent& e);

}  // namespace detente::export_internal

#endif  // DETENTE_EXPORT_INTERNAL_H_
