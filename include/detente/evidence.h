// Evidence: read-only lookups of what lies behind the graph, for viewers such
// as `detente serve`: every name of every entity (for a search index), the
// events of an entity with their sentences and documents, their dates and
// CAMEO classes (for a timeline) and their places, and the generation
// counter that tells when the database changed.
//
// Unlike the graph (events with an object only), these lookups see every
// event of an entity, with or without an object. Every value is bound as a
// parameter; no SQL is ever built from a caller's text.
//
// Ownership: an EvidenceReader owns its read-only database connection.
// Thread safety: an EvidenceReader is not thread-safe; use one per thread.
#ifndef DETENTE_EVIDENCE_H_
#define DETENTE_EVIDENCE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detente/graph.h"
#include "detente/status.h"
#include "detente/types.h"

namespace detente {

// Which state of which database: the `generation` row (schema 2). `n` is -1
// on a schema 1 database, which has no counter.
struct Generation {
  std::string db_id;
  int64_t n = -1;
  bool operator==(const Generation&) const = default;
};

// One event with the sentence and the document it comes from.
struct EventEvidence {
  int64_t event_id = 0;
  int64_t actor_id = 0;
  std::string actor;
  std::string action;
  std::string action_class;  // CAMEO root code and name, or ""
  int64_t object_id = 0;     // 0: no object
  std::string object;
  int64_t place_id = 0;  // 0: no place
  std::string place;
  std::string date;  // event_date, else the document's published date; may be ""
  std::string time_text;
  Modality modality = Modality::kAsserted;
  bool negated = false;
  double confidence = 0;
  int64_t sentence_id = 0;
  std::string sentence;
  int64_t document_id = 0;
  std::string doc_id;     // the article's own id, or ""
  std::string title;      // or ""
  std::string url;        // or "", as stored (not checked)
  std::string published;  // or ""
  std::optional<CameoCode> cameo_code;  // full code ("040"); schema 3 rows: the root; else none
  int quad_class = 0;                // 1-4 as stored; 0 when the store has none
  std::optional<double> goldstein;   // Goldstein weight of cameo_code, when stored
  int64_t mentions = 1;              // sentences that report the event
  int64_t sources = 1;               // documents that report it
};

// The events of one entity, optionally only those shared with another.
struct EvidenceQuery {
  int64_t entity_id = 0;
  // Only events between entity_id and other_id (either direction). 0: all.
  int64_t other_id = 0;
  // Only events that happened at this place (an entity id). 0: any.
  int64_t place_id = 0;
  // since, until, classes, include_future and include_negated apply as in
  // the graph; actions too. kinds apply to the other entity of each event
  // (events with no other entity are kept), as in GraphReader::Describe.
  GraphFilter filter;
  // Only events whose CAMEO root is in one of these QuadClasses (1-4, see
  // QuadClassOf()); 0 stands for events with no class. Empty: all.
  std::vector<int> quad_classes;
};

struct EventPage {
  int64_t total = 0;                  // events matching the query
  std::vector<EventEvidence> events;  // the page, by date ("" last), then id
};

// Events per date and class: the raw material of a timeline.
struct DateClassCount {
  std::string date;          // as EventEvidence::date; may be ""
  std::string action_class;  // may be ""
  int64_t events = 0;
};

struct PlaceCount {
  GraphEntity place;
  int64_t events = 0;
};

// Counts over every event of an entity (with or without an object).
struct EntityActivity {
  int64_t events = 0;
  int64_t as_actor = 0;
  int64_t as_object = 0;
  std::string first_date;  // "" when no event is dated
  std::string last_date;
};

class EvidenceReader {
 public:
  // Opens the database at `path` read-only. Errors as GraphReader::Open.
  static Result<std::unique_ptr<EvidenceReader>> Open(const std::string& path);
  virtual ~EvidenceReader() = default;

  // The current generation (reads one row).
  virtual Result<Generation> CurrentGeneration() = 0;

  // Calls fn(entity_id, name) for the canonical name and every alias of
  // every entity, in one consistent read. `name` is valid only during the
  // call.
  virtual Status ForEachName(const std::function<void(int64_t, std::string_view)>& fn) = 0;

  // The aliases of an entity, without its canonical name, sorted, at most
  // `limit`.
  virtual Result<std::vector<std::string>> Aliases(int64_t entity_id, size_t limit) = 0;

  // The events with these ids (missing ids are left out), in the order given.
  virtual Result<std::vector<EventEvidence>> EventsById(const std::vector<int64_t>& event_ids) = 0;

  // A page of `limit` events from `offset`, and how many match in all.
  // kInvalidArgument for a bad filter.
  virtual Result<EventPage> Events(const EvidenceQuery& query, size_t limit, size_t offset) = 0;

  // How many matching events fall on each (date, class).
  virtual Result<std::vector<DateClassCount>> DatesAndClasses(const EvidenceQuery& query) = 0;

  // The places of the matching events with their counts, most events first
  // (then by name), at most `limit`.
  virtual Result<std::vector<PlaceCount>> Places(const EvidenceQuery& query, size_t limit) = 0;

  // The places of these events (ids that do not exist, or events with no
  // place, are left out) with how many of them happened at each, most
  // events first, then by name.
  virtual Result<std::vector<PlaceCount>> PlacesOfEvents(const std::vector<int64_t>& event_ids) = 0;

  // Counts and first and last dates of the matching events.
  virtual Result<EntityActivity> Activity(const EvidenceQuery& query) = 0;
};

}  // namespace detente

#endif  // DETENTE_EVIDENCE_H_
