// Options and output helpers shared by the graph commands (path, neighbours,
// rank, entity) and export.
#ifndef DETENTE_CLI_GRAPH_OPTIONS_H_
#define DETENTE_CLI_GRAPH_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "detente/graph.h"
#include "detente/json.h"

namespace detente::cli {

// The flags every graph command takes.
struct GraphArgs {
  std::string db;
  std::string format;
  std::string since, until;
  std::vector<std::string> actions, classes, kinds;
  std::vector<Role> roles;
  bool include_future = false;
  bool include_negated = false;
};

// Adds --db, --format (one of `formats`, default the first), --since,
// --until, --action, --class, --kind (comma lists, repeatable),
// --include-future and --include-negated.
void AddGraphOptions(CLI::App& sub, GraphArgs* args, const std::vector<std::string>& formats);

GraphFilter FilterFrom(const GraphArgs& args);

// Opens the database named by args.db (read-only) and checks the filter.
Result<std::unique_ptr<GraphReader>> OpenReader(const GraphArgs& args);

// Resolves `name` and finds its vertex in `g`. kNotFound when the entity is
// left out of the graph by the filters.
Result<uint32_t> VertexFor(GraphReader& reader, const Graph& g, const std::string& name);

// The sentences of the given events.
Result<std::unordered_map<int64_t, std::string>> SentencesOf(GraphReader& reader, const Graph& g,
                                                             const std::vector<uint32_t>& events);

// {"id","name","kind","country"} (country null when unknown).
void WriteEntity(JsonWriter& w, const GraphEntity& e);
using EventMentions = std::unordered_map<int64_t, std::vector<EventMention>>;

// {"id","actor","action","object","action_class","date","modality","negated",
//  "sentence_id","sentence"}; "sentence" only when known. With `mentions`
// (MentionsOf) also "mentions" and "sources", and "evidence" (every
// sentence that reports the event, with its document's doc_id, url and
// published date) when there is more than one.
void WriteEvent(JsonWriter& w, const Graph& g, uint32_t event,
                const std::unordered_map<int64_t, std::string>& sentences,
                const EventMentions* mentions = nullptr);

// The mentions of `events` (indexes into g.events()), for WriteEvent.
Result<EventMentions> MentionsOf(GraphReader& reader, const Graph& g,
                                 const std::vector<uint32_t>& events);

// "Name (kind, country)".
std::string EntityLabel(const GraphEntity& e);

}  // namespace detente::cli

#endif  // DETENTE_CLI_GRAPH_OPTIONS_H_
