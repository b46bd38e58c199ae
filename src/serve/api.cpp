#include "serve/api.h"

#include <algorithm>
#include <array>
#include <boost/range/iterator_range.hpp>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "detente/evidence.h"
#include "serve/views.h"
#include "detente/json.h"

namespace detente::serve {
namespace {

constexpr size_t kMaxBuckets = 5000;

// ---- parameter checks ----

bool AnyItem(std::string_view) { return true; }
bool IsQuad(std::string_view s) { return s.size() == 1 && s[0] >= '0' && s[0] <= '4'; }
bool IsKind(std::string_view s) {
  return !s.empty() && s.size() <= 32 &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}
bool IsRole(std::string_view s) { return ParseRole(s).has_value(); }

// The filters shared by the graph and evidence endpoints.
struct RequestFilter {
  std::string since, until;
  std::vector<std::string> classes, kinds;
  std::vector<Role> roles;
  std::vector<int> quads;
};

Result<RequestFilter> ParseFilter(const Params& p) {
  RequestFilter f;
  auto since = p.Date("since");
  if (!since.ok()) return since.status();
  auto until = p.Date("until");
  if (!until.ok()) return until.status();
  f.since = *since;
  f.until = *until;
  if (!f.since.empty() && !f.until.empty() && f.since.substr(0, f.until.size()) > f.until) {
    return Status::InvalidArgument("parameter 'since' is after 'until'");
  }
  auto classes = p.List("class", AnyItem, "CAMEO codes (e.g. 04,173)");
  if (!classes.ok()) return classes.status();
  for (const std::string& c : *classes) {
    if (!IsCameoPrefix(c)) {
      return Status::InvalidArgument("parameter 'class': \"" + c + "\" is no CAMEO code: " +
                                     kCameoPrefixHelp);
    }
  }
  f.classes = *classes;
  auto quads = p.List("quad", IsQuad, "QuadClasses (1-4; 0 for events with no class)");
  if (!quads.ok()) return quads.status();
  for (const std::string& q : *quads) f.quads.push_back(q[0] - '0');
  auto kinds = p.List("kind", IsKind, "entity kinds (lower-case words, e.g. person,country)");
  if (!kinds.ok()) return kinds.status();
  f.kinds = *kinds;
  auto roles = p.List("role", IsRole, "CAMEO roles (upper-case codes, e.g. GOV,MIL)");
  if (!roles.ok()) return roles.status();
  for (const std::string& r : *roles) f.roles.push_back(*ParseRole(r));
  return f;
}

EventFilter ToEventFilter(const Snapshot& s, const RequestFilter& f) {
  EventFilter out;
  out.since = f.since;
  out.until = f.until;
  out.class_ok = ClassTable(s.graph, s.quad_of, f.classes, f.quads);
  out.kinds = f.kinds;
  out.roles = f.roles;
  return out;
}

EvidenceQuery ToEvidenceQuery(int64_t entity, int64_t other, const RequestFilter& f) {
  EvidenceQuery q;
  q.entity_id = entity;
  q.other_id = other;
  q.filter.since = f.since;
  q.filter.until = f.until;
  q.filter.classes = f.classes;
  q.filter.kinds = f.kinds;
  q.quad_classes = f.quads;
  return q;
}

ApiResponse FromStatus(const Status& s) {
  switch (s.code()) {
    case Status::Code::kInvalidArgument:
      return ErrorResponse(400, s.message());
    case Status::Code::kNotFound:
      return ErrorResponse(404, s.message());
    default:
      return ErrorResponse(500, s.ToString());
  }
}

ApiResponse Ok(JsonWriter& w) { return {200, w.Take()}; }

// ---- JSON pieces ----

void WriteOptString(JsonWriter& w, const std::string& s);

void WriteEntity(JsonWriter& w, const GraphEntity& e) {
  w.BeginObject().Key("id").Int(e.id).Key("name").String(e.name).Key("kind").String(e.kind);
  w.Key("country");
  if (e.country.empty()) {
    w.Null();
  } else {
    w.String(e.country);
  }
  w.Key("role");
  WriteOptString(w, RoleName(e.role));
  w.EndObject();
}

void WriteRef(JsonWriter& w, int64_t id, const std::string& name) {
  if (id == 0) {
    w.Null();
    return;
  }
  w.BeginObject().Key("id").Int(id).Key("name").String(name).EndObject();
}

void WriteOptString(JsonWriter& w, const std::string& s) {
  if (s.empty()) {
    w.Null();
  } else {
    w.String(s);
  }
}

void WriteEvent(JsonWriter& w, const EventEvidence& e) {
  w.BeginObject().Key("id").Int(e.event_id).Key("date");
  WriteOptString(w, e.date);
  w.Key("actor");
  WriteRef(w, e.actor_id, e.actor);
  w.Key("action").String(e.action).Key("action_class");
  WriteOptString(w, e.action_class);
  // As stored; rows the bulk loader wrote have no code: derived from the class.
  w.Key("cameo_code");
  const std::optional<CameoCode> code =
      e.cameo_code ? e.cameo_code : CameoCode::RootOf(e.action_class);
  code ? w.String(code->str()) : w.Null();
  w.Key("quad_class").Int(e.quad_class ? e.quad_class : QuadClassOf(e.action_class));
  w.Key("goldstein");
  e.goldstein ? w.Number(*e.goldstein) : w.Null();
  w.Key("object");
  WriteRef(w, e.object_id, e.object);
  w.Key("place");
  WriteRef(w, e.place_id, e.place);
  w.Key("time_text");
  WriteOptString(w, e.time_text);
  w.Key("modality").String(ModalityName(e.modality)).Key("negated").Bool(e.negated);
  w.Key("confidence").Number(e.confidence);
  // `mentions` and `documents` count every report of the event; `sources`
  // holds its first mention (the rest: `detente path|neighbours --format json`).
  w.Key("mentions").Int(e.mentions).Key("documents").Int(e.sources);
  w.Key("sources").BeginArray().BeginObject();
  w.Key("sentence_id").Int(e.sentence_id).Key("sentence").String(e.sentence);
  w.Key("document_id").Int(e.document_id).Key("doc_id");
  WriteOptString(w, e.doc_id);
  w.Key("title");
  WriteOptString(w, e.title);
  w.Key("url");
  WriteOptString(w, e.url);
  w.Key("published");
  WriteOptString(w, e.published);
  w.EndObject().EndArray().EndObject();
}

void WriteFilter(JsonWriter& w, const RequestFilter& f) {
  auto list = [&](const char* key, const std::vector<std::string>& v) {
    w.Key(key).BeginArray();
    for (const std::string& s : v) w.String(s);
    w.EndArray();
  };
  w.Key("filter").BeginObject().Key("since");
  WriteOptString(w, f.since);
  w.Key("until");
  WriteOptString(w, f.until);
  list("class", f.classes);
  w.Key("quad").BeginArray();
  for (int q : f.quads) w.Int(q);
  w.EndArray();
  list("kind", f.kinds);
  std::vector<std::string> roles;
  for (Role r : f.roles) roles.emplace_back(RoleName(r));
  list("role", roles);
  w.EndObject();
}

// ---- dates ----

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
// days_from_civil).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::string CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(y), m, d);
  return buf;
}

// The bucket of an ISO date: "yyyy-mm" for months, the date for days, the
// Monday of its ISO week for weeks; "" when the date is too coarse.
std::string BucketOf(const std::string& date, const std::string& bucket) {
  if (bucket == "month") return date.size() >= 7 ? date.substr(0, 7) : std::string();
  if (date.size() < 10) return std::string();
  if (bucket == "day") return date.substr(0, 10);
  const int64_t y = std::stoll(date.substr(0, 4));
  const unsigned m = static_cast<unsigned>(std::stoi(date.substr(5, 2)));
  const unsigned d = static_cast<unsigned>(std::stoi(date.substr(8, 2)));
  const int64_t days = DaysFromCivil(y, m, d);
  const int64_t weekday = ((days % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday; Monday = 0
  return CivilFromDays(days - weekday);
}

bool IsDigits(const std::string& s, size_t at, size_t n) {
  for (size_t i = at; i < at + n; ++i) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// True when `date` is a well-formed yyyy, yyyy-mm or yyyy-mm-dd.
bool WellFormed(const std::string& date) {
  if (date.size() != 4 && date.size() != 7 && date.size() < 10) return false;
  if (!IsDigits(date, 0, 4)) return false;
  if (date.size() >= 7 && (date[4] != '-' || !IsDigits(date, 5, 2))) return false;
  if (date.size() >= 10 && (date[7] != '-' || !IsDigits(date, 8, 2))) return false;
  return true;
}

}  // namespace

ApiResponse ErrorResponse(int status, std::string_view message) {
  JsonWriter w;
  w.BeginObject().Key("error").String(message).Key("status").Int(status).EndObject();
  return {status, w.Take()};
}

ApiResponse Api::Info(const Query& query) {
  Params p(query);
  if (Status st = p.Check({}); !st.ok()) return FromStatus(st);
  auto snap = state_->Current();
  if (!snap.ok()) return FromStatus(snap.status());
  const Graph& g = (*snap)->graph;
  std::map<std::string, uint32_t> kinds;
  std::set<std::string> roles;
  for (const GraphEntity& e : g.entities()) {
    ++kinds[e.kind];
    if (e.role != Role::kNone) roles.insert(RoleName(e.role));
  }
  std::string first, last;
  for (const GraphEvent& e : g.events()) {
    std::string_view d = g.date(e);
    if (d.empty()) continue;
    if (first.empty() || d < first) first = d;
    if (d > last) last = d;
  }
  JsonWriter w;
  w.BeginObject().Key("generation").Int((*snap)->generation.n);
  w.Key("entities").Int(g.num_vertices()).Key("edges").Int(g.num_events());
  w.Key("first_date");
  WriteOptString(w, first);
  w.Key("last_date");
  WriteOptString(w, last);
  w.Key("kinds").BeginArray();
  for (const auto& [kind, n] : kinds) {
    w.BeginObject().Key("kind").String(kind).Key("entities").Int(n).EndObject();
  }
  w.EndArray().Key("roles").BeginArray();
  for (const std::string& role : roles) w.String(role);
  w.EndArray();
  w.Key("limits").BeginObject().Key("nodes").Int(static_cast<int64_t>(limits_.max_nodes));
  w.Key("nodes_max").Int(static_cast<int64_t>(limits_.max_nodes_cap));
  w.Key("edges").Int(static_cast<int64_t>(limits_.max_edges)).EndObject();
  w.EndObject();
  return Ok(w);
}

ApiResponse Api::Search(const Query& query) {
  Params p(query);
  if (Status st = p.Check({"q", "limit"}); !st.ok()) return FromStatus(st);
  const std::string q = p.Get("q");
  if (q.empty()) return ErrorResponse(400, "parameter 'q' is required (the start of a name)");
  if (q.size() > 200) return ErrorResponse(400, "parameter 'q' is longer than 200 bytes");
  auto limit = p.Int("limit", 10, 1, 50);
  if (!limit.ok()) return FromStatus(limit.status());
  auto snap = state_->Current();
  if (!snap.ok()) return FromStatus(snap.status());
  const Snapshot& s = **snap;
  std::vector<SearchHit> hits = s.search.Find(q, static_cast<size_t>(*limit), s.degree);
  JsonWriter w;
  w.BeginObject().Key("q").String(q).Key("results").BeginArray();
  for (const SearchHit& h : hits) {
    const GraphEntity& e = s.graph.entity(h.vertex);
    w.BeginObject().Key("id").Int(e.id).Key("name").String(e.name).Key("kind").String(e.kind);
    w.Key("country");
    WriteOptString(w, e.country);
    w.Key("role");
    WriteOptString(w, RoleName(e.role));
    w.Key("events").Int(s.degree[h.vertex]);
    w.Key("matched").String(s.search.name(h.name)).EndObject();
  }
  w.EndArray().EndObject();
  return Ok(w);
}

ApiResponse Api::Entity(std::string_view id_text, const Query& query) {
  Params p(query);
  if (Status st = p.Check({}); !st.ok()) return FromStatus(st);
  int64_t id = 0;
  if (!ParseId(id_text, &id)) return ErrorResponse(400, "an entity id is a positive integer");
  auto snap = state_->Current();
  if (!snap.ok()) return FromStatus(snap.status());
  const Snapshot& s = **snap;
  auto v = s.graph.VertexOf(id);
  if (!v) return ErrorResponse(404, "no entity " + std::to_string(id));
  auto reader = pool_->Acquire();
  if (!reader.ok()) return FromStatus(reader.status());
  auto aliases = (*reader)->Aliases(id, 100);
  if (!aliases.ok()) return FromStatus(aliases.status());
  auto activity = (*reader)->Activity(ToEvidenceQuery(id, 0, {}));
  if (!activity.ok()) return FromStatus(activity.status());
  std::set<uint32_t> counterparts;
  const Graph::Csr& csr = s.graph.csr();
  for (auto e : boost::make_iterator_range(out_edges(*v, csr))) counterparts.insert(target(e, csr));
  for (auto e : boost::make_iterator_range(in_edges(*v, csr))) counterparts.insert(source(e, csr));
  counterparts.erase(*v);

  JsonWriter w;
  w.BeginObject().Key("entity");
  WriteEntity(w, s.graph.entity(*v));
  w.Key("aliases").BeginArray();
  for (const std::string& a : *aliases) w.String(a);
  w.EndArray();
  w.Key("events").Int(activity->events).Key("as_actor").Int(activity->as_actor);
  w.Key("as_object").Int(activity->as_object);
  w.Key("edges")
      .Int(s.degree[*v])
      .Key("counterparts")
      .Int(static_cast<int64_t>(counterparts.size()));
  w.Key("first_seen");
  WriteOptString(w, activity->first_date);
  w.Key("last_seen");
  WriteOptString(w, activity->last_date);
  w.EndObject();
  return Ok(w);
}

ApiResponse Api::Neighbours(const Query& query) {
  Params p(query);
  if (Status st = p.Check({"entity", "radius", "direction", "since", "until", "class", "quad",
                           "kind", "role", "limit", "edges"});
      !st.ok()) {
    return FromStatus(st);
  }
  auto id = p.Id("entity");
  if (!id.ok()) return FromStatus(id.status());
  auto radius = p.Int("radius", 1, 1, 3);
  if (!radius.ok()) return FromStatus(radius.status());
  auto direction = p.Choice("direction", "both", {"both", "out", "in"});
  if (!direction.ok()) return FromStatus(direction.status());
  auto limit = p.Int("limit", static_cast<int64_t>(limits_.max_nodes), 1,
                     static_cast<int64_t>(limits_.max_nodes_cap));
  if (!limit.ok()) return FromStatus(limit.status());
  auto max_edges = p.Int("edges", static_cast<int64_t>(limits_.max_edges), 1,
                         static_cast<int64_t>(limits_.max_edges));
  if (!max_edges.ok()) return FromStatus(max_edges.status());
  auto filter = ParseFilter(p);
  if (!filter.ok()) return FromStatus(filter.status());
  auto snap = state_->Current();
  if (!snap.ok()) return FromStatus(snap.status());
  const Snapshot& s = **snap;
  const Graph& g = s.graph;
  auto center = g.VertexOf(*id);
  if (!center) return ErrorResponse(404, "no entity " + std::to_string(*id));
  const Direction d = *direction == "out"  ? Direction::kOut
                      : *direction == "in" ? Direction::kIn
                                           : Direction::kBoth;
  EgoView ego = BuildEgo(g, *center, static_cast<int>(*radius), d, ToEventFilter(s, *filter),
                         s.quad_of, static_cast<size_t>(*limit), static_cast<size_t>(*max_edges));

  JsonWriter w;
  w.BeginObject().Key("center");
  WriteEntity(w, g.entity(*center));
  w.Key("radius").Int(*radius).Key("direction").String(*direction);
  WriteFilter(w, *filter);
  w.Key("members").Int(ego.members).Key("events").Int(static_cast<int64_t>(ego.events));
  w.Key("limit").Int(*limit).Key("truncated").Bool(ego.nodes.size() < ego.members);
  w.Key("nodes").BeginArray();
  for (const EgoView::Node& n : ego.nodes) {
    const GraphEntity& e = g.entity(n.vertex);
    w.BeginObject().Key("id").Int(e.id).Key("name").String(e.name).Key("kind").String(e.kind);
    w.Key("country");
    WriteOptString(w, e.country);
    w.Key("role");
    WriteOptString(w, RoleName(e.role));
    w.Key("distance").Int(n.distance).Key("events").Int(n.events);
    w.Key("degree").Int(s.degree[n.vertex]).EndObject();
  }
  w.EndArray().Key("groups").BeginArray();
  for (const EgoView::Group& grp : ego.groups) {
    w.BeginObject().Key("kind").String(grp.kind).Key("distance").Int(grp.distance);
    w.Key("members").Int(grp.members).Key("events").Int(static_cast<int64_t>(grp.events));
    w.EndObject();
  }
  w.EndArray().Key("edges").BeginArray();
  for (const EgoView::Edge& e : ego.edges) {
    int dominant = 0;
    for (int q = 1; q <= 4; ++q) {
      if (e.quad[q] > e.quad[dominant] || (dominant == 0 && e.quad[q] > 0)) dominant = q;
    }
    w.BeginObject().Key("source").Int(g.entity(e.a).id).Key("target").Int(g.entity(e.b).id);
    w.Key("events").Int(e.events()).Key("forward").Int(e.a_to_b).Key("backward").Int(e.b_to_a);
    w.Key("quad_class").Int(dominant).Key("by_quad_class").BeginArray();
    for (uint32_t c : e.quad) w.Int(c);
    w.EndArray().Key("first_date");
    WriteOptString(w, std::string(g.date(g.event(e.first))));
    w.Key("last_date");
    WriteOptString(w, std::string(g.date(g.event(e.last))));
    w.EndObject();
  }
  w.EndArray().Key("edges_truncated").Bool(ego.edges_truncated).EndObject();
  return Ok(w);
}

ApiResponse Api::Path(const Query& query) {
  Params p(query);
  if (Status st = p.Check({"from", "to", "directed", "max_hops", "limit", "since", "until", "class",
                           "quad", "kind"});
      !st.ok()) {
    return FromStatus(st);
  }
  auto from = p.Id("from");
  if (!from.ok()) return FromStatus(from.status());
  auto to = p.Id("to");
  if (!to.ok()) return FromStatus(to.status());
  auto directed = p.Flag("directed", false);
  if (!directed.ok()) return FromStatus(directed.status());
  auto max_hops = p.Int("max_hops", 6, 1, 10);
  if (!max_hops.ok()) return FromStatus(max_hops.status());
  auto limit = p.Int("limit", 5, 1, 50);
  if (!limit.ok()) return FromStatus(limit.status());
  auto filter = ParseFilter(p);
  if (!filter.ok()) return FromStatus(filter.status());
  auto snap = state_->Current();
  if (!snap.ok()) return FromStatus(snap.status());
  const Snapshot& s = **snap;
  const Graph& g = s.graph;
  auto a = g.VertexOf(*from);
  if (!a) return ErrorResponse(404, "no entity " + std::to_string(*from));
  auto b = g.VertexOf(*to);
  if (!b) return ErrorResponse(404, "no entity " + std::to_string(*to));
  auto path =
      FindPath(g, *a, *b, *directed, static_cast<int>(*max_hops), ToEventFilter(s, *filter));

  JsonWriter w;
  w.BeginObject().Key("from");
  WriteEntity(w, g.entity(*a));
  w.Key("to");
  WriteEntity(w, g.entity(*b));
  w.Key("directed").Bool(*directed).Key("max_hops").Int(*max_hops);
  WriteFilter(w, *filter);
  if (!path.ok()) {
    if (!path.status().IsNotFound()) return FromStatus(path.status());
    w.Key("found").Bool(false).Key("message").String(path.status().message());
    w.Key("hops").BeginArray().EndArray().EndObject();
    return Ok(w);
  }
  // The evidence of the first `limit` events of each hop, in one lookup.
  std::vector<int64_t> ids;
  for (const auto& hop : path->hops) {
    for (size_t i = 0; i < hop.size() && i < static_cast<size_t>(*limit); ++i) {
      ids.push_back(g.event(hop[i]).id);
    }
  }
  auto reader = pool_->Acquire();
  if (!reader.ok()) return FromStatus(reader.status());
  auto evidence = (*reader)->EventsById(ids);
  if (!evidence.ok()) return FromStatus(evidence.status());
  std::map<int64_t, const EventEvidence*> by_id;
  for (const EventEvidence& e : *evidence) by_id[e.event_id] = &e;

  w.Key("found").Bool(true).Key("length").Int(static_cast<int64_t>(path->hops.size()));
  w.Key("hops").BeginArray();
  for (size_t i = 0; i < path->hops.size(); ++i) {
    const auto& hop = path->hops[i];
    w.BeginObject().Key("from");
    WriteEntity(w, g.entity(path->vertices[i]));
    w.Key("to");
    WriteEntity(w, g.entity(path->vertices[i + 1]));
    w.Key("events").Int(static_cast<int64_t>(hop.size())).Key("evidence").BeginArray();
    for (size_t k = 0; k < hop.size() && k < static_cast<size_t>(*limit); ++k) {
      auto it = by_id.find(g.event(hop[k]).id);
      if (it != by_id.end()) WriteEvent(w, *it->second);
    }
    w.EndArray().EndObject();
  }
  w.EndArray().EndObject();
  return Ok(w);
}

ApiResponse Api::Events(const Query& query) {
  Params p(query);
  if (Status st = p.Check({"entity", "other", "place", "since", "until", "class", "quad", "kind",
                           "include_future", "include_negated", "limit", "offset"});
      !st.ok()) {
    return FromStatus(st);
  }
  auto id = p.Id("entity");
  if (!id.ok()) return FromStatus(id.status());
  auto other = p.OptionalId("other");
  if (!other.ok()) return FromStatus(other.status());
  auto place = p.OptionalId("place");
  if (!place.ok()) return FromStatus(place.status());
  auto limit = p.Int("limit", 20, 1, 200);
  if (!limit.ok()) return FromStatus(limit.status());
  auto offset = p.Int("offset", 0, 0, 1000000);
  if (!offset.ok()) return FromStatus(offset.status());
  auto future = p.Flag("include_future", false);
  if (!future.ok()) return FromStatus(future.status());
  auto negated = p.Flag("include_negated", false);
  if (!negated.ok()) return FromStatus(negated.status());
  auto filter = ParseFilter(p);
  if (!filter.ok()) return FromStatus(filter.status());
  auto snap = state_->Current();
  if (!snap.ok()) return FromStatus(snap.status());
  const Graph& g = (*snap)->graph;
  auto v = g.VertexOf(*id);
  if (!v) return ErrorResponse(404, "no entity " + std::to_string(*id));
  std::optional<uint32_t> w_other;
  if (*other != 0) {
    w_other = g.VertexOf(*other);
    if (!w_other) return ErrorResponse(404, "no entity " + std::to_string(*other));
  }
  EvidenceQuery eq = ToEvidenceQuery(*id, *other, *filter);
  eq.place_id = *place;
  eq.filter.include_future = *future;
  eq.filter.include_negated = *negated;
  auto reader = pool_->Acquire();
  if (!reader.ok()) return FromStatus(reader.status());
  auto page = (*reader)->Events(eq, static_cast<size_t>(*limit), static_cast<size_t>(*offset));
  if (!page.ok()) return FromStatus(page.status());

  JsonWriter w;
  w.BeginObject().Key("entity");
  WriteEntity(w, g.entity(*v));
  w.Key("other");
  if (w_other) {
    WriteEntity(w, g.entity(*w_other));
  } else {
    w.Null();
  }
  WriteFilter(w, *filter);
  w.Key("include_future").Bool(*future).Key("include_negated").Bool(*negated);
  w.Key("total").Int(page->total).Key("limit").Int(*limit).Key("offset").Int(*offset);
  w.Key("events").BeginArray();
  for (const EventEvidence& e : page->events) WriteEvent(w, e);
  w.EndArray().EndObject();
  return Ok(w);
}

ApiResponse Api::Timeline(const Query& query) {
  Params p(query);
  if (Status st = p.Check({"entity", "other", "bucket", "since", "until", "class", "quad", "kind"});
      !st.ok()) {
    return FromStatus(st);
  }
  auto id = p.Id("entity");
  if (!id.ok()) return FromStatus(id.status());
  auto other = p.OptionalId("other");
  if (!other.ok()) return FromStatus(other.status());
  auto bucket = p.Choice("bucket", "month", {"day", "week", "month"});
  if (!bucket.ok()) return FromStatus(bucket.status());
  auto filter = ParseFilter(p);
  if (!filter.ok()) return FromStatus(filter.status());
  auto snap = state_->Current();
  if (!snap.ok()) return FromStatus(snap.status());
  const Graph& g = (*snap)->graph;
  auto v = g.VertexOf(*id);
  if (!v) return ErrorResponse(404, "no entity " + std::to_string(*id));
  if (*other != 0 && !g.VertexOf(*other)) {
    return ErrorResponse(404, "no entity " + std::to_string(*other));
  }
  auto reader = pool_->Acquire();
  if (!reader.ok()) return FromStatus(reader.status());
  auto rows = (*reader)->DatesAndClasses(ToEvidenceQuery(*id, *other, *filter));
  if (!rows.ok()) return FromStatus(rows.status());

  std::map<std::string, std::array<int64_t, 5>> buckets;
  int64_t undated = 0, total = 0;
  for (const DateClassCount& r : *rows) {
    total += r.events;
    std::string key = WellFormed(r.date) ? BucketOf(r.date, *bucket) : std::string();
    if (key.empty()) {
      undated += r.events;
      continue;
    }
    buckets[key][QuadClassOf(r.action_class)] += r.events;
    if (buckets.size() > kMaxBuckets) {
      return ErrorResponse(400,
                           "more than 5000 buckets: choose a coarser bucket or a shorter "
                           "since/until range");
    }
  }
  JsonWriter w;
  w.BeginObject().Key("entity");
  WriteEntity(w, g.entity(*v));
  w.Key("bucket").String(*bucket);
  WriteFilter(w, *filter);
  w.Key("total").Int(total).Key("undated").Int(undated).Key("buckets").BeginArray();
  for (const auto& [start, counts] : buckets) {
    int64_t n = 0;
    for (int64_t c : counts) n += c;
    w.BeginObject().Key("start").String(start).Key("events").Int(n);
    w.Key("by_quad_class").BeginArray();
    for (int64_t c : counts) w.Int(c);
    w.EndArray().EndObject();
  }
  w.EndArray().EndObject();
  return Ok(w);
}

ApiResponse Api::Places(const Query& query) {
  Params p(query);
  if (Status st = p.Check({"entity", "other", "since", "until", "class", "quad", "kind", "limit"});
      !st.ok()) {
    return FromStatus(st);
  }
  auto id = p.Id("entity");
  if (!id.ok()) return FromStatus(id.status());
  auto other = p.OptionalId("other");
  if (!other.ok()) return FromStatus(other.status());
  auto limit = p.Int("limit", 200, 1, 1000);
  if (!limit.ok()) return FromStatus(limit.status());
  auto filter = ParseFilter(p);
  if (!filter.ok()) return FromStatus(filter.status());
  auto snap = state_->Current();
  if (!snap.ok()) return FromStatus(snap.status());
  const Graph& g = (*snap)->graph;
  auto v = g.VertexOf(*id);
  if (!v) return ErrorResponse(404, "no entity " + std::to_string(*id));
  if (*other != 0 && !g.VertexOf(*other)) {
    return ErrorResponse(404, "no entity " + std::to_string(*other));
  }
  auto reader = pool_->Acquire();
  if (!reader.ok()) return FromStatus(reader.status());
  auto places =
      (*reader)->Places(ToEvidenceQuery(*id, *other, *filter), static_cast<size_t>(*limit));
  if (!places.ok()) return FromStatus(places.status());

  JsonWriter w;
  w.BeginObject().Key("type").String("FeatureCollection").Key("entity");
  WriteEntity(w, g.entity(*v));
  WriteFilter(w, *filter);
  w.Key("features").BeginArray();
  std::vector<const PlaceCount*> unlocated;
  for (const PlaceCount& pc : *places) {
    std::optional<LatLon> at = geo_ ? geo_->Locate(pc.place) : std::nullopt;
    if (!at) {
      unlocated.push_back(&pc);
      continue;
    }
    w.BeginObject().Key("type").String("Feature").Key("geometry").BeginObject();
    w.Key("type").String("Point").Key("coordinates").BeginArray().Number(at->lon).Number(at->lat);
    w.EndArray().EndObject().Key("properties").BeginObject();
    w.Key("id")
        .Int(pc.place.id)
        .Key("name")
        .String(pc.place.name)
        .Key("kind")
        .String(pc.place.kind);
    w.Key("country");
    WriteOptString(w, pc.place.country);
    w.Key("events").Int(pc.events).EndObject().EndObject();
  }
  w.EndArray().Key("unlocated").BeginArray();
  for (const PlaceCount* pc : unlocated) {
    w.BeginObject().Key("id").Int(pc->place.id).Key("name").String(pc->place.name);
    w.Key("kind").String(pc->place.kind).Key("events").Int(pc->events).EndObject();
  }
  w.EndArray().EndObject();
  return Ok(w);
}

}  // namespace detente::serve
