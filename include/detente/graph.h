// The graph layer: a Boost.Graph of entities (vertices) and events (edges)
// loaded from a detente database, and the questions users ask of it: the
// shortest chain between two entities, the neighbourhood of one, rankings,
// and one entity's timeline.
//
// The model (docs/graph.md):
//  - a vertex is an entity (person, country, organization, ...);
//  - an edge is one event with an object: actor -> object. The graph is a
//    directed multigraph: two entities may be joined by many events, in
//    either direction. Queries treat it as undirected unless asked not to;
//  - events without an object are not edges; they appear in timelines.
//
// Ownership: a Graph is a self-contained value (no database handle inside).
// A GraphReader owns its read-only database connection.
// Thread safety: const methods of a Graph may be called from many threads at
// once. A GraphReader is not thread-safe; use one per thread.
#ifndef DETENTE_GRAPH_H_
#define DETENTE_GRAPH_H_

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detente/status.h"
#include "detente/types.h"

namespace detente {

// Which events become edges and which entities become vertices. Every filter
// is applied while loading (in memory for Load, in SQL with bound parameters
// for Describe). The defaults keep every asserted, non-negated event that has
// an object.
struct GraphFilter {
  // Keep events dated on or after `since` (inclusive). The date of an event is
  // its event_date, else the published date of its document; dates are ISO
  // text, so a prefix works: "2023" or "2023-06". Events with no date at all
  // are dropped when since or until is set. Default: empty (no bound).
  std::string since;
  // Keep events dated on or before `until` (inclusive, on the prefix:
  // "2023-06" keeps all of June). Dates are compared as bytes. Default: empty
  // (no bound).
  std::string until;
  // Exact action lemmas ("meet", "travel to"). Default: empty (all).
  std::vector<std::string> actions;
  // CAMEO code prefixes of 1-4 digits under a root 01-20, matched against
  // each event's code (GraphEvent::cameo_code): "04" keeps 040-046 and the
  // events coded only "04 Consult", "042" keeps 042 and not 043, "0871"
  // keeps 0871 only, "1" the roots 10-19. Default: empty (all classes, also
  // events with no class).
  std::vector<std::string> classes;
  // Entity kinds allowed as vertices ("person", "country"); events touching
  // another kind are dropped. Default: empty (all kinds).
  // GraphReader refuses (kInvalidArgument, with the nearest right one) a kind
  // that is neither one detente knows (kEntityKinds) nor in the database, and
  // an action that is in no event when one that is differs by a typo.
  std::vector<std::string> kinds;
  // CAMEO agent roles (Role::kReb, Role::kMil): keep the events whose actor
  // or object has one of them (the entity's role). Default: empty (all).
  std::vector<Role> roles;
  // Also keep events whose modality is not 'asserted' ('future' and
  // 'possible'). Default: false.
  bool include_future = false;
  // Also keep negated events ("did not meet"). Default: false.
  bool include_negated = false;

  // Returns kInvalidArgument when since/until is not a year, month or day
  // that exists (yyyy[-mm[-dd]], years 0001-9999), a class is not a CAMEO
  // code prefix, or a list holds an empty string.
  Status Validate() const;
};

struct GraphEntity {
  int64_t id = 0;       // entities.id
  std::string name;     // canonical name
  std::string kind;     // person, country, organization, city, ...
  std::string country;  // ISO 3166-1 alpha-3, or empty when unknown
  Role role = Role::kNone;  // CAMEO agent role; a code the database holds that
                            // detente does not know reads as kNone
};

// One edge. Strings (action, class, code, date) are interned in the Graph:
// use Graph::action(), action_class(), cameo_code() and date() to read them.
struct GraphEvent {
  int64_t id = 0;           // events.id
  int64_t sentence_id = 0;  // sentences.id: fetch the text with GraphReader::Sentences
  uint32_t actor = 0;       // vertex index of the actor (edge source)
  uint32_t object = 0;      // vertex index of the object (edge target)
  uint32_t action = 0;      // interned string ids; 0 is ""
  uint32_t action_class = 0;
  uint32_t cameo_code = 0;  // the full code ("042"), else the class's root ("04")
  uint32_t date = 0;
  Modality modality = Modality::kAsserted;
  bool negated = false;
};

// The edge bundle of the Boost graph: the index of the event in Graph::events().
struct EdgeRef {
  uint32_t event = 0;
};

// A loaded graph: entities as vertices 0..n-1 and events as edges, in a
// bidirectional compressed sparse row Boost graph (out- and in-edges).
class Graph {
 public:
  using Csr = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, EdgeRef,
                                                 boost::no_property, uint32_t, uint32_t>;

  Graph();
  // Builds a graph from entities and events whose actor/object are indexes
  // into `entities`; `strings` holds the interned strings (strings[0] == "").
  // `by_name` may hand over NameOrder(entities), computed once by the caller
  // (GraphReader keeps it in its snapshot); it is taken on trust when it
  // holds each index once, else (e.g. empty) it is computed here.
  Graph(std::vector<GraphEntity> entities, std::vector<GraphEvent> events,
        std::deque<std::string> strings, std::vector<uint32_t> by_name = {});

  // The indexes of `entities` by name (compared as bytes, as std::string
  // does), ties by index.
  static std::vector<uint32_t> NameOrder(const std::vector<GraphEntity>& entities);

  uint32_t num_vertices() const { return static_cast<uint32_t>(entities_.size()); }
  uint32_t num_events() const { return static_cast<uint32_t>(events_.size()); }
  const std::vector<GraphEntity>& entities() const { return entities_; }
  const GraphEntity& entity(uint32_t v) const { return entities_[v]; }
  const std::vector<GraphEvent>& events() const { return events_; }
  const GraphEvent& event(uint32_t e) const { return events_[e]; }

  std::string_view str(uint32_t id) const { return strings_[id]; }
  std::string_view action(const GraphEvent& e) const { return strings_[e.action]; }
  std::string_view action_class(const GraphEvent& e) const { return strings_[e.action_class]; }
  // The event's CAMEO code as store.h's kEventCodeSql gives it: the full
  // code ("042"), else its class's root ("04"), else "". Class filters match
  // its prefixes.
  std::string_view cameo_code(const GraphEvent& e) const { return strings_[e.cameo_code]; }
  // ISO date, or "" when the event and its document have none.
  std::string_view date(const GraphEvent& e) const { return strings_[e.date]; }

  // The vertex of an entity id, or nullopt when it is not in the graph (it
  // does not exist or a filter excluded it).
  std::optional<uint32_t> VertexOf(int64_t entity_id) const;

  // The Boost graph; its edge bundle names the event.
  const Csr& csr() const { return csr_; }

  // Orders events by date ("" last), then id. For stable output.
  bool EventBefore(uint32_t a, uint32_t b) const;
  // The position of event e's date among the graph's strings in date order
  // ("" last): EventBefore(a, b) compares these, then ids.
  uint32_t DateRank(uint32_t e) const { return date_rank_[events_[e].date]; }
  // Every vertex once, by name then index: NameOrder(entities()).
  const std::vector<uint32_t>& vertices_by_name() const { return by_name_; }
  // True when events() is in ascending id order, as GraphReader::Load gives
  // them: then event indexes compare as ids do.
  bool events_by_id() const { return events_by_id_; }

 private:
  std::vector<GraphEntity> entities_;
  std::vector<GraphEvent> events_;
  std::deque<std::string> strings_;
  // Entity id -> vertex: a dense table when ids are compact (the usual
  // INTEGER PRIMARY KEY case), else a hash map.
  std::vector<uint32_t> vertex_by_id_;
  std::unordered_map<int64_t, uint32_t> vertex_of_;
  // The rank of each interned string in date order ("" last), for EventBefore.
  std::vector<uint32_t> date_rank_;
  bool events_by_id_ = true;
  std::vector<uint32_t> by_name_;
  Csr csr_;
};

// One sentence that reports an event, and its document.
struct EventMention {
  int64_t mention_id = 0;   // events.id of the mention
  int64_t document_id = 0;  // documents.id
  std::string doc_id;       // the document's own id, may be ""
  std::string url;          // may be ""
  std::string published;    // may be ""
  std::string sentence;
};

// One event of an entity's timeline, with names resolved.
struct TimelineEvent {
  int64_t event_id = 0;
  std::string date;  // event_date, else the document's published date; may be ""
  std::string role;  // "actor" or "object": the entity's part in the event
  std::string actor;
  std::string action;
  std::string action_class;  // may be ""
  std::string object;        // may be "" (no object)
  std::string place;         // may be ""
  std::string time_text;     // the time phrase as written, may be ""
  Modality modality = Modality::kAsserted;
  bool negated = false;
  std::string sentence;        // the event's first mention
  Role agent_role = Role::kNone;  // the CAMEO role the entity acted in
  int64_t mentions = 1;        // sentences that report the event
  int64_t sources = 1;         // documents that report it
};

struct EntityReport {
  GraphEntity entity;
  Role role = Role::kNone;              // CAMEO agent role
  std::vector<std::string> aliases;     // sorted, without the canonical name
  std::vector<TimelineEvent> timeline;  // events (not mentions), by date ("" last), then id
};

struct GraphReaderOptions {
  // Read the graph from the snapshot next to the database when it is fresh,
  // and write a new one when it is missing or stale (docs/graph.md).
  // Default: true.
  bool use_snapshot = true;
  // Where the snapshot lives. Default: empty, meaning "<database path>.graph".
  std::string snapshot_path;
};

// How the last Load() got its data, for tests and benchmarks.
struct LoadInfo {
  bool from_snapshot = false;     // read from a fresh snapshot
  bool snapshot_written = false;  // the snapshot was (re)built
  // Why a snapshot was not used or not written ("stale snapshot", "cannot
  // write ..."); empty when it was used, or when snapshots are off.
  std::string note;
};

// Read access to a detente database for the graph layer.
class GraphReader {
 public:
  // Opens the database at `path` read-only. Returns kIOError when the file
  // does not exist, kDatabaseError when it is not a detente database, and
  // kUnsupported when it was written by a newer detente.
  static Result<std::unique_ptr<GraphReader>> Open(const std::string& path,
                                                   const GraphReaderOptions& options = {});
  virtual ~GraphReader() = default;

  // Loads the graph under `filter`. Every entity and every event with an
  // object is read, from the snapshot when it is fresh (its
  // header names this database and its current generation, and its checksums
  // agree), else from SQLite in one read transaction, after which the
  // snapshot is rewritten (atomically; a failure to write it is not an error,
  // see last_load()). The filter is then applied in memory, so the answer is
  // the same either way. Returns kInvalidArgument for a bad filter,
  // kDatabaseError on SQLite errors.
  virtual Result<Graph> Load(const GraphFilter& filter) = 0;

  // About the last successful Load().
  virtual const LoadInfo& last_load() const = 0;

  // Resolves a user-typed name to one entity: "#<id>" by id; else the
  // canonical name, case-insensitively (ASCII); else the aliases. Returns
  // kNotFound (with up to 5 similar names in the message) when nothing
  // matches, and kInvalidArgument whose message lists every candidate as
  // "Name (kind, country, #id)" when an alias names several entities.
  virtual Result<GraphEntity> Resolve(std::string_view name) = 0;

  // Every entity `name` could mean, by the rules of Resolve (empty if none).
  virtual Result<std::vector<GraphEntity>> Candidates(std::string_view name) = 0;

  // The text of each sentence id (ids that do not exist are left out).
  virtual Result<std::unordered_map<int64_t, std::string>> Sentences(
      const std::vector<int64_t>& sentence_ids) = 0;

  // The mentions of each event of `event_ids` (GraphEvent::id) that has more
  // than its own row (schema 4 consolidation), in mention id order; an event
  // missing from the map has one mention, its own sentence.
  virtual Result<std::unordered_map<int64_t, std::vector<EventMention>>> Mentions(
      const std::vector<int64_t>& event_ids) = 0;

  // Calls fn(id, text) once for each distinct sentence id of `sentence_ids`
  // that exists, in ascending id order; `text` is valid only during the
  // call. For big answers: no map, and no copy of each text.
  virtual Status ForEachSentence(const std::vector<int64_t>& sentence_ids,
                                 const std::function<void(int64_t, std::string_view)>& fn) = 0;

  // The aliases and the timeline of entity `entity_id`: events where it is
  // actor or object, with or without an object, filtered by `filter` (kinds
  // apply to the other entity of the event). kNotFound for an unknown id.
  virtual Result<EntityReport> Describe(int64_t entity_id, const GraphFilter& filter) = 0;
};

// ---- Shortest paths ----

struct PathOptions {
  // Longest path accepted, in hops; 0 means no limit. Default: 0.
  int max_hops = 0;
  // Follow edges only from actor to object. Default: false (undirected).
  bool directed = false;
  // Return every shortest path, not only the first found. Default: false.
  bool all_shortest = false;
  // With all_shortest, stop after this many paths. Default: 100.
  size_t max_paths = 100;
};

struct PathHop {
  uint32_t from = 0;             // vertex
  uint32_t to = 0;               // vertex
  std::vector<uint32_t> events;  // every event joining from and to (in the allowed
                                 // direction), by date then id; never empty
};

struct GraphPath {
  std::vector<uint32_t> vertices;  // from the source to the target
  std::vector<PathHop> hops;       // vertices.size() - 1 hops
};

// Breadth-first search from `from` to `to`. Returns the shortest path (or all
// of them, up to max_paths), or kNotFound when none exists within max_hops.
// Paths are ordered by the names of their vertices, compared from the target
// back; the single path is the first of them. from == to gives one path of
// zero hops.
Result<std::vector<GraphPath>> ShortestPaths(const Graph& g, uint32_t from, uint32_t to,
                                             const PathOptions& options);

// ---- Ego networks ----

enum class Direction { kOut, kIn, kBoth };

struct EgoOptions {
  // Keep vertices at most this many hops away. Default: 1.
  int radius = 1;
  // kOut follows actor -> object, kIn object -> actor, kBoth either way.
  // Default: kBoth.
  Direction direction = Direction::kBoth;
};

struct EgoNetwork {
  uint32_t center = 0;
  // (vertex, distance), the center first at distance 0, then by distance
  // and name.
  std::vector<std::pair<uint32_t, int>> members;
  // Every event between two members, in either direction (the induced
  // subgraph, as networkx.ego_graph), by date then id.
  std::vector<uint32_t> events;
  // How many of `events` each member takes part in, as actor or object (a
  // self-loop counts once), in the order of `members`.
  std::vector<uint32_t> event_counts;
};

// The induced ego network of `center` (networkx.ego_graph semantics).
EgoNetwork Neighbourhood(const Graph& g, uint32_t center, const EgoOptions& options);

// ---- Rankings ----

enum class RankBy { kDegree, kPageRank, kBetweenness };

struct RankOptions {
  RankBy by = RankBy::kDegree;  // Default: degree.
  // How many entries to return; 0 returns all. Default: 10.
  size_t top = 10;
  // Betweenness on the directed graph instead of the undirected one.
  // Default: false.
  bool directed = false;
  // PageRank damping factor. Default: 0.85.
  double damping = 0.85;
};

struct RankEntry {
  uint32_t vertex = 0;
  double score = 0;
};

// Scores, indexed by vertex:
//  - degree: number of events the entity takes part in (in + out, parallel
//    events counted, as networkx MultiDiGraph.degree);
//  - PageRank on the directed multigraph, as networkx.pagerank (dangling
//    mass spread uniformly, tolerance 1e-6, at most 100 iterations);
//  - betweenness with Boost's brandes_betweenness_centrality on the simple
//    graph (parallel events and self-loops collapsed), normalised as
//    networkx.betweenness_centrality.
// PageRank and betweenness count only the entities that take part in an
// event (the vertices of the default export, so that networkx run on it
// agrees); the others score 0.
std::vector<double> DegreeScores(const Graph& g);
std::vector<double> PageRankScores(const Graph& g, double damping = 0.85);
std::vector<double> BetweennessScores(const Graph& g, bool directed = false);

// The top entries by `options.by`, highest first; ties by name. Entities
// with no event are left out.
std::vector<RankEntry> Rank(const Graph& g, const RankOptions& options);

}  // namespace detente

#endif  // DETENTE_GRAPH_H_
