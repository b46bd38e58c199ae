// detente path | neighbours | rank | entity: graph questions over the store.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <memory>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "cli/commands.h"
#include "cli/graph_options.h"
#include "cli/output.h"
#include "detente/export.h"
#include "detente/graph.h"
#include "detente/store.h"
#include "detente/json.h"

namespace detente::cli {
namespace {

using Sentences = std::unordered_map<int64_t, std::string>;

void AddRow(QueryResult& t, std::vector<std::string> cells, std::vector<bool> numeric = {}) {
  std::vector<std::optional<std::string>> row(cells.begin(), cells.end());
  numeric.resize(cells.size(), false);
  t.rows.push_back(std::move(row));
  t.numeric.push_back(std::move(numeric));
}

int Emit(const std::string& text) {
  if (!WriteStdout(text)) return Fail(Status::IOError("cannot write to stdout"));
  return kExitOk;
}

std::string Dot(const Graph& g, const Subgraph& sub, Sentences sentences) {
  ExportOptions options;
  options.sentences = std::move(sentences);
  std::ostringstream os;
  WriteDot(g, sub, options, os);
  return os.str();
}

std::string Sentence(const Sentences& s, const GraphEvent& e) {
  auto it = s.find(e.sentence_id);
  return it == s.end() ? std::string() : it->second;
}

// ---- path ----

struct PathArgs {
  GraphArgs graph;
  std::string from, to;
  int max_hops = 0;
  bool directed = false;
  bool all_shortest = false;
  size_t limit = 100;
};

int RunPath(const PathArgs& a) {
  auto reader = OpenReader(a.graph);
  if (!reader.ok()) return Fail(reader.status());
  // Resolve names before loading, so that a typo fails fast.
  for (const std::string* name : {&a.from, &a.to}) {
    auto e = (*reader)->Resolve(*name);
    if (!e.ok()) return Fail(e.status());
  }
  auto g = (*reader)->Load(FilterFrom(a.graph));
  if (!g.ok()) return Fail(g.status());
  auto from = VertexFor(**reader, *g, a.from);
  if (!from.ok()) return Fail(from.status());
  auto to = VertexFor(**reader, *g, a.to);
  if (!to.ok()) return Fail(to.status());

  PathOptions o;
  o.max_hops = a.max_hops;
  o.directed = a.directed;
  o.all_shortest = a.all_shortest;
  o.max_paths = a.limit;
  auto paths = ShortestPaths(*g, *from, *to, o);
  if (!paths.ok()) return Fail(paths.status());

  // Sentences: every hop event for json and dot, the first of each hop for a table.
  std::vector<uint32_t> shown;
  for (const GraphPath& p : *paths) {
    for (const PathHop& h : p.hops) {
      if (a.graph.format == "table") {
        shown.push_back(h.events.front());
      } else {
        shown.insert(shown.end(), h.events.begin(), h.events.end());
      }
    }
  }
  auto sentences = SentencesOf(**reader, *g, shown);
  if (!sentences.ok()) return Fail(sentences.status());

  const size_t hops = paths->front().hops.size();
  if (a.graph.format == "dot") return Emit(Dot(*g, FromPaths(*paths), std::move(*sentences)));
  if (a.graph.format == "json") {
    auto mentions = MentionsOf(**reader, *g, shown);
    if (!mentions.ok()) return Fail(mentions.status());
    JsonWriter w;
    w.BeginObject();
    w.Key("from");
    WriteEntity(w, g->entity(*from));
    w.Key("to");
    WriteEntity(w, g->entity(*to));
    w.Key("directed").Bool(a.directed);
    w.Key("hops").Int(static_cast<int64_t>(hops));
    w.Key("paths").BeginArray();
    for (const GraphPath& p : *paths) {
      w.BeginObject().Key("entities").BeginArray();
      for (uint32_t v : p.vertices) WriteEntity(w, g->entity(v));
      w.EndArray().Key("hops").BeginArray();
      for (const PathHop& h : p.hops) {
        w.BeginObject().Key("from").String(g->entity(h.from).name);
        w.Key("to").String(g->entity(h.to).name).Key("events").BeginArray();
        for (uint32_t e : h.events) WriteEvent(w, *g, e, *sentences, &*mentions);
        w.EndArray().EndObject();
      }
      w.EndArray().EndObject();
    }
    w.EndArray().EndObject();
    return Emit(w.Take() + "\n");
  }

  std::string out = fmt::format("{} -> {}: {}", ForTerminal(EntityLabel(g->entity(*from))),
                                ForTerminal(EntityLabel(g->entity(*to))), Count(hops, "hop"));
  if (a.all_shortest) out += ", " + Count(paths->size(), "shortest path");
  out += "\n";
  QueryResult t;
  if (a.all_shortest) t.columns.push_back("path");
  for (const char* c : {"hop", "actor", "action", "object", "date", "events", "sentence"}) {
    t.columns.push_back(c);
  }
  for (size_t i = 0; i < paths->size(); ++i) {
    const GraphPath& p = (*paths)[i];
    for (size_t k = 0; k < p.hops.size(); ++k) {
      const GraphEvent& e = g->event(p.hops[k].events.front());
      std::vector<std::string> cells;
      std::vector<bool> numeric;
      if (a.all_shortest) {
        cells.push_back(std::to_string(i + 1));
        numeric.push_back(true);
      }
      std::string action(g->action(e));
      if (e.negated) action = "not " + action;
      if (e.modality != Modality::kAsserted)
        action += std::string(" (") + ModalityName(e.modality) + ")";
      cells.insert(cells.end(), {std::to_string(k + 1), g->entity(e.actor).name, action,
                                 g->entity(e.object).name, std::string(g->date(e)),
                                 std::to_string(p.hops[k].events.size()), Sentence(*sentences, e)});
      numeric.insert(numeric.end(), {true, false, false, false, false, true, false});
      AddRow(t, std::move(cells), std::move(numeric));
    }
  }
  if (hops > 0) out += FormatResult(t, OutputFormat::kTable, 100);
  return Emit(out);
}

// ---- neighbours ----

struct NeighboursArgs {
  GraphArgs graph;
  std::string entity;
  int radius = 1;
  std::string direction = "both";
  size_t limit = 100;  // events in the table, the most recent; 0: all
};

Direction ParseDirection(const std::string& d) {
  if (d == "out") return Direction::kOut;
  if (d == "in") return Direction::kIn;
  return Direction::kBoth;
}

int RunNeighbours(const NeighboursArgs& a) {
  auto reader = OpenReader(a.graph);
  if (!reader.ok()) return Fail(reader.status());
  if (auto e = (*reader)->Resolve(a.entity); !e.ok()) return Fail(e.status());
  auto g = (*reader)->Load(FilterFrom(a.graph));
  if (!g.ok()) return Fail(g.status());
  auto center = VertexFor(**reader, *g, a.entity);
  if (!center.ok()) return Fail(center.status());
  EgoOptions o;
  o.radius = a.radius;
  o.direction = ParseDirection(a.direction);
  EgoNetwork ego = Neighbourhood(*g, *center, o);
  if (a.graph.format == "dot") {
    auto sentences = SentencesOf(**reader, *g, ego.events);
    if (!sentences.ok()) return Fail(sentences.status());
    return Emit(Dot(*g, FromEgo(ego), std::move(*sentences)));
  }

  if (a.graph.format == "json") {
    auto sentences = SentencesOf(**reader, *g, ego.events);
    if (!sentences.ok()) return Fail(sentences.status());
    auto mentions = MentionsOf(**reader, *g, ego.events);
    if (!mentions.ok()) return Fail(mentions.status());
    JsonWriter w;
    w.BeginObject().Key("center");
    WriteEntity(w, g->entity(*center));
    w.Key("radius").Int(a.radius).Key("direction").String(a.direction);
    w.Key("entities").BeginArray();
    for (size_t i = 0; i < ego.members.size(); ++i) {
      auto [v, d] = ego.members[i];
      const GraphEntity& e = g->entity(v);
      w.BeginObject().Key("id").Int(e.id).Key("name").String(e.name).Key("kind").String(e.kind);
      w.Key("country");
      e.country.empty() ? w.Null() : w.String(e.country);
      w.Key("distance").Int(d).Key("events").Int(ego.event_counts[i]).EndObject();
    }
    w.EndArray().Key("events").BeginArray();
    for (uint32_t e : ego.events) WriteEvent(w, *g, e, *sentences, &*mentions);
    w.EndArray().EndObject();
    return Emit(w.Take() + "\n");
  }

  // Tables, streamed: a hub's two-hop network can hold a million events.
  std::string head = fmt::format("{}: {} within {}, {}\n",
                                 ForTerminal(EntityLabel(g->entity(*center))),
                                 Count(ego.members.size() - 1, "entity", "entities"),
                                 Count(a.radius, "hop"), Count(ego.events.size(), "event"));
  bool ok = WriteStdout(head);
  // The members' cells, laid out once in row order: WriteTable asks for
  // each cell twice, and the entities are spread over the whole graph. Cell
  // c of row r is member_text[cell_at[5r + c], cell_at[5r + c + 1]).
  constexpr size_t kMemberColumns = 5;
  std::string member_text;
  std::vector<size_t> cell_at{0};
  cell_at.reserve(ego.members.size() * kMemberColumns + 1);
  auto add_number = [&](int64_t x) {
    char buf[16];
    member_text.append(buf, std::to_chars(buf, buf + sizeof buf, x).ptr);
    cell_at.push_back(member_text.size());
  };
  auto add_text = [&](std::string_view t) {
    member_text += t;
    cell_at.push_back(member_text.size());
  };
  for (size_t i = 0; i < ego.members.size(); ++i) {
    auto [v, d] = ego.members[i];
    const GraphEntity& e = g->entity(v);
    add_number(d);
    add_text(e.name);
    add_text(e.kind);
    add_text(e.country);
    add_number(ego.event_counts[i]);
  }
  auto member_cell = [&](size_t row, size_t col) {
    const size_t k = row * kMemberColumns + col;
    return std::string_view(member_text).substr(cell_at[k], cell_at[k + 1] - cell_at[k]);
  };
  auto member = [&](size_t row, size_t col, std::string&) { return member_cell(row, col); };
  ok = ok && WriteTable(stdout,
                        {{"distance", true},
                         {"entity", false},
                         {"kind", false},
                         {"country", false},
                         {"events", true}},
                        ego.members.size(), member);
  ok = ok && WriteStdout("\n");
  // A person reads the latest events; the counts above cover them all.
  const size_t skipped =
      a.limit > 0 && ego.events.size() > a.limit ? ego.events.size() - a.limit : 0;
  if (skipped > 0) {
    ok = ok && WriteStdout(fmt::format("The {} most recent of {} events (--limit 0 lists all):\n",
                                       a.limit, ego.events.size()));
  }
  // The cells of each event, looked up once: WriteTable asks for each cell
  // twice, and a hub's events are spread all over memory.
  struct EventRow {
    std::string_view date, actor, action, object, sentence;
    bool negated;
  };
  // The rows point at the members' names in member_text, not into entities
  // spread over the whole graph.
  std::vector<std::string_view> name_of(g->num_vertices());
  for (size_t i = 0; i < ego.members.size(); ++i) name_of[ego.members[i].first] = member_cell(i, 1);
  std::vector<EventRow> rows;
  rows.reserve(ego.events.size());
  std::vector<std::pair<int64_t, uint32_t>> wanted;  // (sentence id, row)
  wanted.reserve(ego.events.size());
  for (size_t k = skipped; k < ego.events.size(); ++k) {
    const GraphEvent& e = g->event(ego.events[k]);
    wanted.emplace_back(e.sentence_id, static_cast<uint32_t>(rows.size()));
    rows.push_back({g->date(e), name_of[e.actor], g->action(e), name_of[e.object],
                    std::string_view(), e.negated});
  }
  // The sentences come in id order, into one buffer (no string per text);
  // then they are copied in row order, so that both passes of WriteTable
  // read them front to back instead of all over memory.
  std::sort(wanted.begin(), wanted.end());
  std::vector<int64_t> ids;
  ids.reserve(wanted.size());
  for (const auto& [id, row] : wanted) {
    if (ids.empty() || ids.back() != id) ids.push_back(id);
  }
  std::string by_id;
  std::vector<std::pair<size_t, size_t>> text_of(rows.size());  // (offset in by_id, length)
  size_t next = 0;
  Status fetched = (*reader)->ForEachSentence(ids, [&](int64_t id, std::string_view text) {
    while (next < wanted.size() && wanted[next].first < id) ++next;  // not in the table
    for (; next < wanted.size() && wanted[next].first == id; ++next) {
      text_of[wanted[next].second] = {by_id.size(), text.size()};
    }
    by_id += text;
  });
  if (!fetched.ok()) return Fail(fetched);
  size_t total = 0;
  for (const auto& t : text_of) total += t.second;
  std::string texts;
  texts.reserve(total);  // never reallocates below: the views stay valid
  for (size_t r = 0; r < rows.size(); ++r) {
    rows[r].sentence = std::string_view(texts.data() + texts.size(), text_of[r].second);
    texts.append(by_id, text_of[r].first, text_of[r].second);
  }
  auto event = [&](size_t row, size_t col, std::string& scratch) -> std::string_view {
    const EventRow& r = rows[row];
    switch (col) {
      case 0:
        return r.date;
      case 1:
        return r.actor;
      case 2:
        if (!r.negated) return r.action;
        scratch = "not ";
        scratch += r.action;
        return scratch;
      case 3:
        return r.object;
      default:
        return r.sentence;
    }
  };
  if (!ego.events.empty()) {
    ok = ok && WriteTable(stdout,
                          {{"date", false},
                           {"actor", false},
                           {"action", false},
                           {"object", false},
                           {"sentence", false}},
                          rows.size(), event, 100);
  }
  if (!ok) return Fail(Status::IOError("cannot write to stdout"));
  return kExitOk;
}

// ---- rank ----

struct RankArgs {
  GraphArgs graph;
  std::string by = "degree";
  size_t top = 10;
  bool directed = false;
};

int RunRank(const RankArgs& a) {
  auto reader = OpenReader(a.graph);
  if (!reader.ok()) return Fail(reader.status());
  auto g = (*reader)->Load(FilterFrom(a.graph));
  if (!g.ok()) return Fail(g.status());
  RankOptions o;
  o.by = a.by == "pagerank"      ? RankBy::kPageRank
         : a.by == "betweenness" ? RankBy::kBetweenness
                                 : RankBy::kDegree;
  o.top = a.top;
  o.directed = a.directed;
  std::vector<RankEntry> ranked = Rank(*g, o);
  if (ranked.empty())
    return Fail(Status::NotFound("no entity takes part in an event under these filters"));
  auto score = [&](double s) {
    if (o.by == RankBy::kDegree) return fmt::format("{}", static_cast<int64_t>(s));
    return fmt::format("{:.6f}", s);
  };
  if (a.graph.format == "json") {
    JsonWriter w;
    w.BeginArray();
    for (size_t i = 0; i < ranked.size(); ++i) {
      const GraphEntity& e = g->entity(ranked[i].vertex);
      w.BeginObject().Key("rank").Int(static_cast<int64_t>(i + 1));
      w.Key("id").Int(e.id).Key("name").String(e.name).Key("kind").String(e.kind);
      w.Key("country");
      e.country.empty() ? w.Null() : w.String(e.country);
      w.Key(a.by).Number(ranked[i].score).EndObject();
    }
    w.EndArray();
    return Emit(w.Take() + "\n");
  }
  QueryResult t;
  t.columns = {"rank", "entity", "kind", "country", a.by};
  for (size_t i = 0; i < ranked.size(); ++i) {
    const GraphEntity& e = g->entity(ranked[i].vertex);
    AddRow(t, {std::to_string(i + 1), e.name, e.kind, e.country, score(ranked[i].score)},
           {true, false, false, false, true});
  }
  return Emit(FormatResult(t, OutputFormat::kTable));
}

// ---- entity ----

struct EntityArgs {
  GraphArgs graph;
  std::vector<std::string> words;  // NAME, or a curation verb and its names
  std::string name;
};

// detente entity merge KEEP OTHER | unmerge OTHER | alias add|remove ENTITY ALIAS
int RunCurate(const EntityArgs& a) {
  const std::vector<std::string>& w = a.words;
  const std::string& verb = w[0];
  const bool alias = verb == "alias" && w.size() == 4 && (w[1] == "add" || w[1] == "remove");
  if (!((verb == "merge" && w.size() == 3) || (verb == "unmerge" && w.size() == 2) || alias)) {
    return Fail(Status::InvalidArgument(
        "usage: detente entity merge KEEP OTHER | unmerge OTHER | alias add|remove ENTITY ALIAS"));
  }
  const std::string path = ResolveDbPath(a.graph.db);
  if (Status s = RequireExistingDb(path); !s.ok()) return Fail(s);
  auto store = Store::Open(path);
  if (!store.ok()) return Fail(store.status());
  Status s;
  std::string done;
  if (verb == "merge") {
    auto id = (*store)->MergeEntities(w[1], w[2]);
    s = id.status();
    if (id.ok()) {
      done = fmt::format("merged {} into {} (curation #{}; undo: detente entity unmerge {})",
                         w[2], w[1], *id, w[2]);
    }
  } else if (verb == "unmerge") {
    s = (*store)->UnmergeEntity(w[1]);
    done = "unmerged " + w[1];
  } else if (w[1] == "add") {
    s = (*store)->AddEntityAlias(w[2], w[3]);
    done = "added alias " + w[3] + " to " + w[2];
  } else {
    s = (*store)->RemoveEntityAlias(w[2], w[3]);
    done = "removed alias " + w[3] + " from " + w[2];
  }
  if (!s.ok()) return Fail(s);
  return Emit(ForTerminal(done) + "\n");
}

int RunEntity(EntityArgs a) {
  static const char* const kVerbs[] = {"merge", "unmerge", "alias"};
  if (a.words.size() > 1) {
    if (std::find(std::begin(kVerbs), std::end(kVerbs), a.words[0]) != std::end(kVerbs)) {
      return RunCurate(a);
    }
    return Fail(Status::InvalidArgument("entity takes one NAME (quote a name with spaces)"));
  }
  a.name = a.words.at(0);
  auto reader = OpenReader(a.graph);
  if (!reader.ok()) return Fail(reader.status());
  auto entity = (*reader)->Resolve(a.name);
  if (!entity.ok()) return Fail(entity.status());
  auto rep = (*reader)->Describe(entity->id, FilterFrom(a.graph));
  if (!rep.ok()) return Fail(rep.status());

  if (a.graph.format == "json") {
    JsonWriter w;
    w.BeginObject().Key("entity");
    WriteEntity(w, rep->entity);
    w.Key("role");
    rep->role == Role::kNone ? w.Null() : w.String(RoleName(rep->role));
    w.Key("aliases").BeginArray();
    for (const std::string& s : rep->aliases) w.String(s);
    w.EndArray().Key("timeline").BeginArray();
    for (const TimelineEvent& t : rep->timeline) {
      w.BeginObject().Key("id").Int(t.event_id).Key("date").String(t.date);
      w.Key("role").String(t.role).Key("actor").String(t.actor).Key("action").String(t.action);
      w.Key("object");
      t.object.empty() ? w.Null() : w.String(t.object);
      w.Key("place");
      t.place.empty() ? w.Null() : w.String(t.place);
      w.Key("action_class").String(t.action_class).Key("time_text").String(t.time_text);
      w.Key("modality").String(ModalityName(t.modality)).Key("negated").Bool(t.negated);
      w.Key("agent_role");
      t.agent_role == Role::kNone ? w.Null() : w.String(RoleName(t.agent_role));
      w.Key("mentions").Int(t.mentions).Key("sources").Int(t.sources);
      w.Key("sentence").String(t.sentence).EndObject();
    }
    w.EndArray().EndObject();
    return Emit(w.Take() + "\n");
  }
  // Names as a table shows them: control characters never reach the terminal.
  std::string out = ForTerminal(EntityLabel(rep->entity)) + ", #" +
                    std::to_string(rep->entity.id) +
                    (rep->role == Role::kNone ? "" : std::string(", role ") + RoleName(rep->role)) +
                    "\n";
  out += "aliases: ";
  for (size_t i = 0; i < rep->aliases.size(); ++i) {
    out += (i ? ", " : "") + ForTerminal(rep->aliases[i]);
  }
  if (rep->aliases.empty()) out += "(none)";
  out += fmt::format("\nevents: {}\n", rep->timeline.size());
  if (!rep->timeline.empty()) {
    QueryResult t;
    t.columns = {"date", "role", "actor", "action", "object", "place", "mentions", "sources",
                 "sentence"};
    for (const TimelineEvent& e : rep->timeline) {
      std::string action = (e.negated ? "not " : "") + e.action;
      if (e.modality != Modality::kAsserted)
        action += std::string(" (") + ModalityName(e.modality) + ")";
      std::string role = e.role;
      if (e.agent_role != Role::kNone) role += std::string(" ") + RoleName(e.agent_role);
      AddRow(t, {e.date, role, e.actor, action, e.object, e.place, std::to_string(e.mentions),
                 std::to_string(e.sources), e.sentence},
             {false, false, false, false, false, false, true, true, false});
    }
    out += "\n" + FormatResult(t, OutputFormat::kTable, 100);
  }
  return Emit(out);
}

const char* kExitFooter =
    "Exit status: 0 ok, 1 no result (unknown entity, no path), 2 usage (also an ambiguous "
    "name: its candidates are listed), 3 database error.";

}  // namespace

Runner SetupPath(CLI::App& sub) {
  auto a = std::make_shared<PathArgs>();
  sub.add_option("FROM", a->from, "Entity name, alias or #id")->required();
  sub.add_option("TO", a->to, "Entity name, alias or #id")->required();
  AddGraphOptions(sub, &a->graph, {"table", "json", "dot"});
  sub.add_option("--max-hops", a->max_hops, "Longest path accepted (0: no limit)")
      ->check(WholeNumber(0, 1000000))
      ->capture_default_str();
  sub.add_flag("--directed", a->directed, "Follow events from actor to object only");
  sub.add_flag("--all-shortest", a->all_shortest, "Show every shortest path");
  sub.add_option("--limit", a->limit, "With --all-shortest, at most this many paths")
      ->check(WholeNumber(1, 1000000))
      ->capture_default_str();
  sub.footer(kExitFooter);
  return [a] { return RunPath(*a); };
}

Runner SetupNeighbours(CLI::App& sub) {
  auto a = std::make_shared<NeighboursArgs>();
  sub.add_option("ENTITY", a->entity, "Entity name, alias or #id")->required();
  AddGraphOptions(sub, &a->graph, {"table", "json", "dot"});
  sub.add_option("--radius", a->radius, "Hops from the entity")
      ->check(WholeNumber(0, 1000000))
      ->capture_default_str();
  sub.add_option("--direction", a->direction,
                 "out: actor to object, in: object to actor, both: either way")
      ->check(CLI::IsMember({"out", "in", "both"}))
      ->capture_default_str();
  sub.add_option("--limit", a->limit,
                 "Table: list only the N most recent events (0: all); json and dot hold all")
      ->check(WholeNumber(0, 1000000000))
      ->capture_default_str();
  sub.footer(kExitFooter);
  return [a] { return RunNeighbours(*a); };
}

Runner SetupRank(CLI::App& sub) {
  auto a = std::make_shared<RankArgs>();
  AddGraphOptions(sub, &a->graph, {"table", "json"});
  sub.add_option("--by", a->by, "Measure")
      ->check(CLI::IsMember({"degree", "pagerank", "betweenness"}))
      ->capture_default_str();
  sub.add_option("--top", a->top, "How many entities (0: all)")
      ->check(WholeNumber(0, 1000000000))
      ->capture_default_str();
  sub.add_flag("--directed", a->directed, "Betweenness on the directed graph");
  sub.footer(kExitFooter);
  return [a] { return RunRank(*a); };
}

Runner SetupEntity(CLI::App& sub) {
  auto a = std::make_shared<EntityArgs>();
  sub.add_option("NAME", a->words,
                 "Entity name, alias or #id; or: merge KEEP OTHER, unmerge OTHER, "
                 "alias add|remove ENTITY ALIAS")
      ->required();
  AddGraphOptions(sub, &a->graph, {"table", "json"});
  sub.footer(
      "Curation (recorded in the curation table, kept by later ingests):\n"
      "  detente entity merge KEEP OTHER         OTHER's names, events and evidence move to KEEP\n"
      "  detente entity unmerge OTHER            undoes the merge of OTHER\n"
      "  detente entity alias add ENTITY ALIAS   documents naming ALIAS resolve to ENTITY\n"
      "  detente entity alias remove ENTITY ALIAS  and ingests never add it back\n" +
      std::string(kExitFooter));
  return [a] { return RunEntity(*a); };
}

}  // namespace detente::cli
