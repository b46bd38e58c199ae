#include "cli/graph_options.h"

#include <algorithm>

#include "detente/store.h"

#include "cli/commands.h"

namespace detente::cli {

void AddGraphOptions(CLI::App& sub, GraphArgs* a, const std::vector<std::string>& formats) {
  AddDbOption(sub, &a->db);
  a->format = formats.front();
  sub.add_option("--format", a->format, "Output format")
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  sub.add_option("--since", a->since,
                 "Only events dated on or after this ISO date (yyyy, yyyy-mm or yyyy-mm-dd)");
  sub.add_option("--until", a->until, "Only events dated on or before this ISO date (inclusive)");
  sub.add_option("--action", a->actions, "Only these action lemmas (comma list), e.g. meet,visit")
      ->delimiter(',');
  sub.add_option("--class", a->classes,
                 "Only these CAMEO codes or prefixes (comma list), e.g. 04 or 042")
      ->delimiter(',');
  sub.add_option("--kind", a->kinds,
                 "Only entities of these kinds (comma list), e.g. person,country")
      ->delimiter(',');
  AddRoleOption(sub, &a->roles,
                "Only events whose actor or object has one of these CAMEO roles (comma "
                "list), e.g. REB,MIL");
  sub.add_flag("--include-future", a->include_future,
               "Also count future and possible events (default: asserted only)");
  sub.add_flag("--include-negated", a->include_negated, "Also count negated events (default: not)");
}

GraphFilter FilterFrom(const GraphArgs& a) {
  GraphFilter f;
  f.since = a.since;
  f.until = a.until;
  f.actions = a.actions;
  f.classes = a.classes;
  f.kinds = a.kinds;
  f.roles = a.roles;
  f.include_future = a.include_future;
  f.include_negated = a.include_negated;
  return f;
}

Result<std::unique_ptr<GraphReader>> OpenReader(const GraphArgs& args) {
  DETENTE_RETURN_IF_ERROR(FilterFrom(args).Validate());
  const std::string path = ResolveDbPath(args.db);
  DETENTE_RETURN_IF_ERROR(RequireExistingDb(path));
  auto reader = GraphReader::Open(path);
  if (reader.ok() || reader.status().code() != Status::Code::kUnsupported ||
      reader.status().message().find("needs an upgrade") == std::string::npos) {
    return reader;
  }
  // A database of an older release: bring it up to date, once, when the file
  // may be written; else the reader's message says what to do.
  if (!Store::Open(path).ok()) return reader;
  return GraphReader::Open(path);
}

Result<uint32_t> VertexFor(GraphReader& reader, const Graph& g, const std::string& name) {
  auto entity = reader.Resolve(name);
  if (!entity.ok()) return entity.status();
  auto v = g.VertexOf(entity->id);
  if (!v) {
    return Status::NotFound(EntityLabel(*entity) + " is left out by --kind");
  }
  return *v;
}

Result<std::unordered_map<int64_t, std::string>> SentencesOf(GraphReader& reader, const Graph& g,
                                                             const std::vector<uint32_t>& events) {
  std::vector<int64_t> ids;
  ids.reserve(events.size());
  for (uint32_t e : events) ids.push_back(g.event(e).sentence_id);
  return reader.Sentences(ids);
}

void WriteEntity(JsonWriter& w, const GraphEntity& e) {
  w.BeginObject().Key("id").Int(e.id).Key("name").String(e.name).Key("kind").String(e.kind);
  w.Key("country");
  if (e.country.empty()) {
    w.Null();
  } else {
    w.String(e.country);
  }
  w.Key("role");
  e.role == Role::kNone ? w.Null() : w.String(RoleName(e.role));
  w.EndObject();
}

void WriteEvent(JsonWriter& w, const Graph& g, uint32_t event,
                const std::unordered_map<int64_t, std::string>& sentences,
                const EventMentions* mentions) {
  const GraphEvent& e = g.event(event);
  w.BeginObject();
  w.Key("id").Int(e.id);
  w.Key("actor").String(g.entity(e.actor).name);
  w.Key("action").String(g.action(e));
  w.Key("object").String(g.entity(e.object).name);
  w.Key("action_class").String(g.action_class(e));
  w.Key("date").String(g.date(e));
  w.Key("modality").String(ModalityName(e.modality));
  w.Key("negated").Bool(e.negated);
  w.Key("sentence_id").Int(e.sentence_id);
  auto it = sentences.find(e.sentence_id);
  if (it != sentences.end()) w.Key("sentence").String(it->second);
  if (mentions) {
    auto m = mentions->find(e.id);
    if (m == mentions->end()) {
      w.Key("mentions").Int(1).Key("sources").Int(1);
    } else {
      std::vector<int64_t> docs;
      for (const EventMention& x : m->second) docs.push_back(x.document_id);
      std::sort(docs.begin(), docs.end());
      const auto sources = std::unique(docs.begin(), docs.end()) - docs.begin();
      w.Key("mentions").Int(static_cast<int64_t>(m->second.size())).Key("sources").Int(sources);
      w.Key("evidence").BeginArray();
      for (const EventMention& x : m->second) {
        w.BeginObject().Key("sentence").String(x.sentence).Key("doc_id");
        x.doc_id.empty() ? w.Null() : w.String(x.doc_id);
        w.Key("url");
        x.url.empty() ? w.Null() : w.String(x.url);
        w.Key("published");
        x.published.empty() ? w.Null() : w.String(x.published);
        w.EndObject();
      }
      w.EndArray();
    }
  }
  w.EndObject();
}

Result<EventMentions> MentionsOf(GraphReader& reader, const Graph& g,
                                 const std::vector<uint32_t>& events) {
  std::vector<int64_t> ids;
  ids.reserve(events.size());
  for (uint32_t e : events) ids.push_back(g.event(e).id);
  return reader.Mentions(ids);
}

std::string EntityLabel(const GraphEntity& e) {
  std::string out = e.name + " (" + e.kind;
  if (!e.country.empty()) out += ", " + e.country;
  return out + ")";
}

}  // namespace detente::cli
