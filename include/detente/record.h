// What the extractor finds in one document, as plain records: its
// sentences, the entities it names and the events. The extractor (extract.h)
// produces them; the store (store.h) writes and reads them back without
// depending on the extractor.
//
// Thread safety: plain values.
#ifndef DETENTE_RECORD_H_
#define DETENTE_RECORD_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "detente/types.h"

namespace detente {

// How much of a sentence Link Grammar linked: every word, all but some
// (null links, or a piece of a long sentence it gave up on), nothing (no
// linkage, or over the time limit), or the sentence was never handed to it
// (too long). Events come from the positions of words where links are missing.
enum class ParseCoverage : uint8_t { kFull, kPartial, kNoLinkage, kTimeout, kNotParsed };

struct Sentence {
  int index = 0;          // 0-based; title sentences come first
  bool in_title = false;  // offsets are into Document::title when true
  size_t begin = 0;       // byte offsets into Document::text (or ::title)
  size_t end = 0;
  std::string text;
  ParseCoverage parse = ParseCoverage::kNotParsed;
};

// An entity the document mentions: its canonical name and every surface form.
struct Entity {
  std::string name;     // canonical: the fullest name the document gives
  // person, country, organization, group, city, region, artefact ...;
  // nullopt for none (read back from a database that held none).
  std::optional<EntityKind> kind;
  std::string country;  // ISO 3166-1 alpha-3, or empty
  std::vector<std::string> aliases;  // surface forms, including `name`
  Role role = Role::kNone;           // CAMEO agent role
  // A kind added by hand to a database, which EntityKind does not name, as
  // the database holds it (read back by merge, which keeps it); `kind` is
  // then nullopt. Empty otherwise.
  std::string other_kind;
};

struct Event {
  int sentence = 0;  // index into Extraction::sentences
  std::string actor;
  std::optional<EntityKind> actor_kind;  // the actor entity's kind
  std::string actor_country;
  std::string action;        // lemma with particle: "travel to"
  std::string action_class;  // CAMEO root code and name: "04 Consult"; empty if unknown
  std::optional<std::string> object;
  std::optional<EntityKind> object_kind;  // nullopt when there is no object
  std::string object_country;
  std::optional<std::string> place;
  std::optional<std::string> time;       // ISO date, else the phrase
  std::optional<std::string> time_text;  // the phrase as written
  bool negated = false;
  Modality modality = Modality::kAsserted;
  double confidence = 1.0;
  std::string rule;        // the extraction rules that found it ("subject.link+object.direct")
  // The full CAMEO code ("042", "0871"); its QuadClass is the code's.
  std::optional<CameoCode> cameo_code;
  double goldstein = 0;                // Goldstein weight of cameo_code, -10 .. +10
  Role actor_role = Role::kNone;       // CAMEO agent role in this event
  Role object_role = Role::kNone;
};

struct Extraction {
  std::vector<Sentence> sentences;
  std::vector<Event> events;
  std::vector<Entity> entities;  // every actor, object and place named by an event
};

}  // namespace detente

#endif  // DETENTE_RECORD_H_
