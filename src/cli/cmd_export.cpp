// detente export: the graph (or one entity's neighbourhood) as DOT, GraphML,
// node-link JSON, Gephi CSV, GEXF or Neo4j import CSV; optionally rendered
// by Graphviz.
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "cli/graph_options.h"
#include "cli/output.h"
#include "detente/evidence.h"
#include "detente/export.h"
#include "detente/geo.h"
#include "detente/graph.h"

namespace detente::cli {
namespace {

struct ExportArgs {
  GraphArgs graph;
  std::string around;
  int radius = 1;
  std::string direction = "both";
  bool clusters = false;
  bool include_isolated = false;
  bool no_sentences = false;
  std::string output;
  std::string render;
};

// -o graph.csv writes graph.nodes.csv and graph.edges.csv.
std::string CsvPart(const std::string& output, const char* part) {
  std::string base = output;
  if (base.size() > 4 && base.compare(base.size() - 4, 4, ".csv") == 0)
    base.resize(base.size() - 4);
  return base + "." + part + ".csv";
}

// -o DIR for neo4j: DIR/nodes.csv and DIR/relationships.csv, both or
// neither; DIR is created when it does not exist.
int WriteNeo4j(const Graph& g, const Subgraph& sub, const ExportOptions& options,
               const std::string& dir) {
  std::ostringstream nodes, rels;
  Status st = WriteNeo4jNodes(g, sub, nodes);
  if (st.ok()) st = WriteNeo4jRelationships(g, sub, options, rels);
  if (!st.ok()) return Fail(st);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Fail(Status::IOError("cannot create directory " + dir + ": " + ec.message()));
  const std::string n = nodes.str(), r = rels.str();
  const std::filesystem::path base(dir);
  st = WriteFilesAtomically(
      {{(base / "nodes.csv").string(), n}, {(base / "relationships.csv").string(), r}});
  return st.ok() ? kExitOk : Fail(st);
}

int RunExport(const ExportArgs& a) {
  const std::string& format = a.graph.format;
  if (format == "neo4j" && (a.output.empty() || a.output == "-")) {
    return Fail(Status::InvalidArgument(
        "--format neo4j writes two files: give the directory for them with -o DIR"));
  }
  if (!a.render.empty() && format != "dot") {
    return Fail(Status::InvalidArgument("--render needs --format dot"));
  }
  if (!a.render.empty() && a.output.empty()) {
    return Fail(Status::InvalidArgument("--render needs -o FILE (or -o - for stdout)"));
  }
  const bool to_stdout = a.output.empty() || a.output == "-";
  auto reader = OpenReader(a.graph);
  if (!reader.ok()) return Fail(reader.status());
  if (!a.around.empty()) {
    if (auto e = (*reader)->Resolve(a.around); !e.ok()) return Fail(e.status());
  }
  auto g = (*reader)->Load(FilterFrom(a.graph));
  if (!g.ok()) return Fail(g.status());

  Subgraph sub;
  if (a.around.empty()) {
    sub = WholeGraph(*g, a.include_isolated);
  } else {
    auto center = VertexFor(**reader, *g, a.around);
    if (!center.ok()) return Fail(center.status());
    EgoOptions o;
    o.radius = a.radius;
    o.direction = a.direction == "out"  ? Direction::kOut
                  : a.direction == "in" ? Direction::kIn
                                        : Direction::kBoth;
    sub = FromEgo(Neighbourhood(*g, *center, o));
  }
  ExportOptions options;
  options.clusters = a.clusters;
  if (!a.no_sentences && format != "geojson") {
    auto s = SentencesOf(**reader, *g, sub.events);
    if (!s.ok()) return Fail(s.status());
    options.sentences = std::move(*s);
  }

  if (format == "neo4j") return WriteNeo4j(*g, sub, options, a.output);
  if (format == "csv") {
    std::ostringstream nodes, edges;
    Status st = WriteCsvNodes(*g, sub, nodes);
    if (st.ok()) st = WriteCsvEdges(*g, sub, options, edges);
    if (!st.ok()) return Fail(st);
    if (to_stdout) {
      if (!WriteStdout(nodes.str() + "\r\n" + edges.str())) {
        return Fail(Status::IOError("cannot write to stdout"));
      }
      return kExitOk;
    }
    // Both files or neither.
    const std::string n = nodes.str(), e = edges.str();
    st = WriteFilesAtomically({{CsvPart(a.output, "nodes"), n}, {CsvPart(a.output, "edges"), e}});
    return st.ok() ? kExitOk : Fail(st);
  }

  std::ostringstream os;
  if (format == "geojson") {
    // The places of the exported events, from the database.
    auto evidence = EvidenceReader::Open(ResolveDbPath(a.graph.db));
    if (!evidence.ok()) return Fail(evidence.status());
    std::vector<int64_t> ids;
    ids.reserve(sub.events.size());
    for (uint32_t e : sub.events) ids.push_back(g->event(e).id);
    auto places = (*evidence)->PlacesOfEvents(ids);
    if (!places.ok()) return Fail(places.status());
    auto geo = Geography::Load("");
    if (!geo.ok()) return Fail(geo.status());
    Status gs = WriteGeoJson(*places, *geo, os);
    if (!gs.ok()) return Fail(gs);
    if (to_stdout)
      return WriteStdout(os.str()) ? kExitOk : Fail(Status::IOError("cannot write to stdout"));
    gs = WriteFilesAtomically({{a.output, os.str()}});
    return gs.ok() ? kExitOk : Fail(gs);
  }
  Status st = format == "graphml" ? WriteGraphml(*g, sub, options, os)
              : format == "json"  ? WriteNodeLinkJson(*g, sub, options, os)
              : format == "gexf"  ? WriteGexf(*g, sub, options, os)
                                  : WriteDot(*g, sub, options, os);
  if (!st.ok()) return Fail(st);
  std::string text = os.str();
  if (!a.render.empty()) {
    Result<std::string> rendered = RenderDotToBytes(text, a.render);
    if (!rendered.ok()) return Fail(rendered.status());
    text = std::move(*rendered);
  }
  if (to_stdout) {
    return WriteStdout(text) ? kExitOk : Fail(Status::IOError("cannot write to stdout"));
  }
  st = WriteFilesAtomically({{a.output, text}});
  return st.ok() ? kExitOk : Fail(st);
}

}  // namespace

Runner SetupExport(CLI::App& sub) {
  auto a = std::make_shared<ExportArgs>();
  AddGraphOptions(sub, &a->graph, {"dot", "graphml", "json", "csv", "gexf", "neo4j", "geojson"});
  sub.add_option("--around", a->around,
                 "Export only the neighbourhood of this entity (name, alias or #id)");
  sub.add_option("--radius", a->radius, "With --around: hops from the entity")
      ->check(WholeNumber(0, 1000000))
      ->capture_default_str();
  sub.add_option("--direction", a->direction, "With --around: out, in or both")
      ->check(CLI::IsMember({"out", "in", "both"}))
      ->capture_default_str();
  sub.add_flag("--clusters", a->clusters, "DOT: group entities by country");
  sub.add_flag("--include-isolated", a->include_isolated,
               "Also export entities that take part in no event");
  sub.add_flag("--no-sentences", a->no_sentences, "Leave the source sentences out");
  sub.add_option("-o,--output", a->output,
                 "Write to FILE, whole or not at all (default, or -: stdout); for csv, "
                 "FILE.nodes.csv and FILE.edges.csv; for neo4j, DIR/nodes.csv and "
                 "DIR/relationships.csv (DIR is created)");
  sub.add_option("--render", a->render,
                 "Run Graphviz dot to write svg, png or pdf to -o FILE (or -o - for stdout)")
      ->check(CLI::IsMember({"svg", "png", "pdf"}));
  sub.footer(
      "Node ids are n<entity id> and edge ids e<event id> in every format.\n"
      "Neo4j: detente export --format neo4j -o DIR, then, with Neo4j stopped,\n"
      "  neo4j-admin database import full --nodes=DIR/nodes.csv "
      "--relationships=DIR/relationships.csv --overwrite-destination neo4j\n"
      "Exit status: 0 ok, 1 unknown entity, 2 usage (also an ambiguous name), 3 database, "
      "file or Graphviz error.");
  return [a] { return RunExport(*a); };
}

}  // namespace detente::cli
