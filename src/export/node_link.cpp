// networkx node-link JSON.
#include "detente/export.h"
#include "export/internal.h"
#include "util/json.h"

namespace detente {

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
    w.BeginObject().Key("id").Int(e.id).Key("name").String(e.name).Key("kind").String(e.kind);
    w.Key("country");
    if (e.country.empty()) {
      w.Null();
    } else {
      w.String(e.country);
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("links").BeginArray();
  for (uint32_t i : sub.events) {
    const GraphEvent& e = g.event(i);
    w.BeginObject();
    w.Key("source").Int(g.entity(e.actor).id);
    w.Key("target").Int(g.entity(e.object).id);
    w.Key("key").Int(e.id);
    w.Key("action").String(g.action(e));
    w.Key("action_class").String(g.action_class(e));
    w.Key("date").String(g.date(e));
    w.Key("modality").String(ModalityName(e.modality));
    w.Key("negated").Bool(e.negated);
    w.Key("sentence_id").Int(e.sentence_id);
    if (const std::string* s = export_internal::SentenceOf(options, e)) {
      w.Key("sentence").String(*s);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out << w.str() << '\n';
  if (!out) return Status::IOError("writing JSON failed");
  return Status::OK();
}

}  // namespace detente
