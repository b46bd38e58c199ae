// networkx node-link JSON, from the attribute tables. No member is ever
// null (an unknown value is left out), because networkx.write_gexf and
// write_graphml refuse None.
#include "detente/export.h"
#include "export/internal.h"
#include "detente/json.h"

namespace detente {
namespace {

void Member(JsonWriter& w, const char* name, const export_internal::FieldValue& v) {
  struct Visitor {
    JsonWriter& w;
    void operator()(std::monostate) const {}
    void operator()(const std::string& s) const { w.String(s); }
    void operator()(int64_t i) const { w.Int(i); }
    void operator()(double d) const { w.Number(d); }
    void operator()(bool b) const { w.Bool(b); }
  };
  if (std::holds_alternative<std::monostate>(v)) return;
  w.Key(name);
  std::visit(Visitor{w}, v);
}

}  // namespace

Status WriteNodeLinkJson(const Graph& g, const Subgraph& in, const ExportOptions& options,
                         std::ostream& out) {
  Subgraph sub = export_internal::Normalize(g, in);
  JsonWriter w;
  w.BeginObject();
  w.Key("directed").Bool(true);
  w.Key("multigraph").Bool(true);
  w.Key("graph").BeginObject().EndObject();
  w.Key("nodes").BeginArray();
  for (uint32_t v : sub.vertices) {
    const GraphEntity& e = g.entity(v);
    w.BeginObject().Key("id").String(export_internal::NodeId(e)).Key("label").String(e.name);
    for (const auto& f : export_internal::NodeFields()) Member(w, f.name, f.get(g, e));
    w.EndObject();
  }
  w.EndArray();
  w.Key("links").BeginArray();
  for (uint32_t i : sub.events) {
    const GraphEvent& e = g.event(i);
    const std::string id = export_internal::EdgeId(e);
    w.BeginObject();
    w.Key("source").String(export_internal::NodeId(g.entity(e.actor)));
    w.Key("target").String(export_internal::NodeId(g.entity(e.object)));
    // networkx takes "key" as the multigraph key and write_gexf takes "id"
    // as the GEXF edge id: both are the edge's id.
    w.Key("key").String(id).Key("id").String(id);
    w.Key("label").String(export_internal::EdgeLabel(g, e));
    for (const auto& f : export_internal::EdgeFields()) Member(w, f.name, f.get(g, e, options));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out << w.str() << '\n';
  if (!out) return Status::IOError("writing JSON failed");
  return Status::OK();
}

}  // namespace detente
