// Exporters: write a graph, or part of one, as GraphViz DOT, GraphML,
// networkx node-link JSON, Gephi CSV, GEXF or Neo4j import CSV; render DOT
// with Graphviz's `dot`.
//
// One id scheme in every format: a node is n<entity id>, an edge (one event)
// e<event id>. Every format but DOT carries the same attributes under the
// same names: nodes name, kind, country, entity_id; edges event_id, action,
// action_class, cameo_code ("04"), quad_class (1-4, see QuadClass), date,
// modality, negated, sentence_id and sentence (when
// ExportOptions::sentences has it). A value that is unknown (no country, no
// date, no class) is left out, never written as null or "".
//
// Every writer is deterministic: vertices come by entity id, events by event
// id, so the same graph always gives the same bytes. Strings are made valid
// UTF-8 (invalid bytes become U+FFFD) and control characters other than
// newline and tab become spaces, so any name survives every format; in DOT,
// GraphML and CSV, U+FFFE and U+FFFF (characters XML forbids, and so the
// SVG that dot renders) become U+FFFD too.
//
// Writers return kIOError when the stream fails, and never throw.
// Thread safety: every function is reentrant.
#ifndef DETENTE_EXPORT_H_
#define DETENTE_EXPORT_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "detente/evidence.h"
#include "detente/geo.h"
#include "detente/graph.h"
#include "detente/status.h"

namespace detente {

// The part of a graph to export: vertex and event indexes into a Graph.
// Writers export the events whose two ends are both among `vertices`.
struct Subgraph {
  std::vector<uint32_t> vertices;
  std::vector<uint32_t> events;
};

// Every event and the vertices that take part in one (with include_isolated,
// every vertex).
Subgraph WholeGraph(const Graph& g, bool include_isolated = false);
// The members and events of an ego network.
Subgraph FromEgo(const EgoNetwork& ego);
// The vertices and hop events of one or more paths.
Subgraph FromPaths(const std::vector<GraphPath>& paths);

enum class ExportFormat { kDot, kGraphml, kJson, kCsv, kGexf, kNeo4j };
// "dot", "graphml", "json", "csv", "gexf" or "neo4j"; kInvalidArgument
// otherwise.
Result<ExportFormat> ParseExportFormat(std::string_view name);

struct ExportOptions {
  // DOT: put the entities of each country in a cluster labelled with its
  // code. Default: false.
  bool clusters = false;
  // The text of sentences by id, used for DOT tooltips and for a "sentence"
  // attribute in GraphML, JSON and CSV. Events whose sentence is missing get
  // none. Default: empty.
  std::unordered_map<int64_t, std::string> sentences;
};

// DOT: a digraph whose node ids are n<entity id>; labels, tooltips and
// cluster names are quoted and escaped (quotes, backslashes, newlines), so
// DOT keywords and any text are safe. Shape and colour by kind; edge labels
// "action date"; negated events dashed red, future or possible ones dotted.
Status WriteDot(const Graph& g, const Subgraph& sub, const ExportOptions& options,
                std::ostream& out);

// GraphML: nodes n<entity id> with a "label" key (the name, as yEd and
// Gephi show it) and the node attributes; edges e<event id> with a "label"
// key ("action date") and the edge attributes. Key ids are v_<name> and
// e_<name>; the ids are longs, and negated an int 0 or 1 (Boost 1.74's
// read_graphml refuses a boolean written "true").
Status WriteGraphml(const Graph& g, const Subgraph& sub, const ExportOptions& options,
                    std::ostream& out);

// networkx node-link JSON: {"directed":true,"multigraph":true,"graph":{},
// "nodes":[{"id":"n<entity id>","label",...}],
// "links":[{"source","target","key":"e<event id>","id":"e<event id>","label",...}]}.
// networkx.node_link_graph reads it (networkx >= 3.4: pass edges="links"),
// and the graph it gives can be written with write_gexf and write_graphml
// (no nulls).
Status WriteNodeLinkJson(const Graph& g, const Subgraph& sub, const ExportOptions& options,
                         std::ostream& out);

// Gephi CSV (RFC 4180: fields with , " CR or LF quoted, quotes doubled, CRLF
// line ends). A field that starts with =, +, -, @, tab or CR gets a leading
// ' (OWASP's rule), so that no spreadsheet runs a name as a formula; numbers
// are written as they are. Nodes: Id,Label, then the node attributes. Edges,
// one row per event: Source,Target,Type,Id,Label,Weight, then the edge
// attributes.
Status WriteCsvNodes(const Graph& g, const Subgraph& sub, std::ostream& out);
Status WriteCsvEdges(const Graph& g, const Subgraph& sub, const ExportOptions& options,
                     std::ostream& out);

// GEXF 1.3 (http://gexf.net/1.3) for Gephi: a dynamic, directed graph with
// timeformat "date" and intervals. Nodes n<entity id> labelled with the
// name; edges e<event id> labelled "action date", weight 1, kind the action
// (Gephi keeps parallel edges of different kinds apart). An event's edge
// lives from start to end, the day of its date ("2023-06" its month, "2023"
// its year); a node lives in spells, the merged spans of its events, so that
// Gephi's timeline plays the events. Undated events are there all the time,
// and so are their nodes. The attributes are declared with their types.
Status WriteGexf(const Graph& g, const Subgraph& sub, const ExportOptions& options,
                 std::ostream& out);

// CSV for `neo4j-admin database import full` (docs/graph.md has the
// command). Nodes, header id:ID,:LABEL,name,kind,country,entity_id:long:
// labels Entity and the kind in CamelCase ("Entity;ArmedGroup"). Relationships,
// header :START_ID,:END_ID,:TYPE,id, then the edge attributes with their
// types (event_id:long, negated:boolean, ...): one per event, its type the
// action in upper case ("TRAVEL_TO"). Fields are quoted as RFC 4180 says,
// line ends are LF, line breaks inside text become spaces (no
// --multiline-fields needed), and an unknown value is an empty field, which
// the importer leaves out.
Status WriteNeo4jNodes(const Graph& g, const Subgraph& sub, std::ostream& out);
Status WriteNeo4jRelationships(const Graph& g, const Subgraph& sub, const ExportOptions& options,
                               std::ostream& out);

// GeoJSON (RFC 7946): a FeatureCollection of Point features, one per place
// that `geo` can locate, with properties id, name, kind, country and events
// (how many events happened there), in the order of `places`. Places it
// cannot locate are listed in a top-level "unlocated" member instead.
Status WriteGeoJson(const std::vector<PlaceCount>& places, const Geography& geo, std::ostream& out);

// Runs Graphviz `dot` on `dot_text` and returns what it rendered: `format`
// is svg, png or pdf, else kInvalidArgument. dot is found on PATH and run
// without a shell, with a fixed argument vector of detente's own temporary
// files (absolute paths: nothing a user typed can reach it as an option).
// Returns kIOError when dot cannot be started or fails (its error output is
// in the message, one line).
Result<std::string> RenderDotToBytes(std::string_view dot_text, const std::string& format);

// RenderDotToBytes, written to `output_path` with WriteFilesAtomically.
Status RenderDot(std::string_view dot_text, const std::string& format,
                 const std::string& output_path);

// Writes each (path, text) whole or not at all: every text goes first to a
// temporary file beside its path (in the same directory, with the old file's
// permissions), which is flushed to disk; only when all are written are they
// renamed over their paths, so a full disk or a killed process leaves the
// old files as they were. A path that names a device or a FIFO (/dev/null,
// /dev/stdout) is written in place; a symbolic link is followed. On failure
// the temporary files are removed and kIOError names the path and why
// ("cannot write g.dot: No space left on device").
Status WriteFilesAtomically(const std::vector<std::pair<std::string, std::string_view>>& files);

}  // namespace detente

#endif  // DETENTE_EXPORT_H_
