// The extractor: diplomatic events from the sentences of a document.
//
// Pipeline: text (split, tokenise) -> entities (gazetteers, titled names,
// coreference) -> parse (Link Grammar, one token per entity) -> extract
// (lemma, roles, place, time, negation, modality).
//
// Thread safety: an Extractor is immutable after Create(); Extract() may be
// called from many threads at once (each call parses with its own Link
// Grammar sentence over one shared dictionary).
#ifndef DETENTE_EXTRACT_H_
#define DETENTE_EXTRACT_H_

#include <functional>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detente/input.h"
#include "detente/status.h"

namespace detente {

struct ExtractOptions {
  // Directory holding the gazetteers (countries.tsv, ...). Default: empty,
  // meaning $DETENTE_DATA, then the source tree's data/, then the installed
  // share/detente/data.
  std::string data_dir;
  // Per-sentence parse time limit, in seconds. Default: 5.
  int parse_timeout_s = 5;
  // Link Grammar linkage limit. Default: 100.
  int linkage_limit = 100;
  // Link Grammar short_length. Default: 10.
  int short_length = 10;
  // Sentences with more tokens (after entity merging) are not parsed: they
  // keep their entities but yield no events. Default: 60.
  int max_parse_tokens = 60;
  // Sentences (and pieces) of at least this many words are parsed in
  // pieces: a relative clause after a name (", who|which ...,"), two clauses
  // joined by ";" or ", and|but|while|whereas", and what follows "said" (see
  // docs/extraction.md). Default: 20.
  int split_min_words = 20;
  // Receives, line by line, how each sentence was read: its words with
  // their parts of speech and links, verb groups, and why each verb did or
  // did not give an event (`detente extract --trace`). Called on the
  // extracting thread. Default: empty (no trace).
  std::function<void(std::string_view)> trace;
};

// How much of a sentence Link Grammar linked: every word, all but some
// (null links, or a piece of a long sentence it gave up on), nothing (no
// linkage, or over the time limit), or the sentence was never handed to it
// (too long). Events come from the positions of words where links are missing.
enum class ParseCoverage : uint8_t { kFull, kPartial, kNoLinkage, kTimeout, kNotParsed };
const char* ParseCoverageName(ParseCoverage c);

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
  std::string kind;     // person, country, organization, group, city, region, artefact ...
  std::string country;  // ISO 3166-1 alpha-3, or empty
  std::vector<std::string> aliases;  // surface forms, including `name`
  std::string role;     // CAMEO agent role (GOV, MIL, REB ...), or empty
};

struct Event {
  int sentence = 0;  // index into Extraction::sentences
  std::string actor;
  std::string actor_kind;
  std::string actor_country;
  std::string action;        // lemma with particle: "travel to"
  std::string action_class;  // CAMEO root code and name: "04 Consult"; empty if unknown
  std::optional<std::string> object;
  std::string object_kind;
  std::string object_country;
  std::optional<std::string> place;
  std::optional<std::string> time;       // ISO date, else the phrase
  std::optional<std::string> time_text;  // the phrase as written
  bool negated = false;
  std::string modality = "asserted";  // asserted | future | possible
  double confidence = 1.0;
  std::string rule;  // the extraction rules that found it ("subject.link+object.direct")
  std::string cameo_code;    // the full CAMEO code: "042", "0871"; empty if unknown
  int quad_class = 0;        // 1 verbal cooperation .. 4 material conflict; 0 unknown
  double goldstein = 0;      // Goldstein weight of cameo_code, -10 .. +10
  std::string actor_role;    // CAMEO agent role in this event (GOV, MIL, REB ...), or empty
  std::string object_role;
};

struct Extraction {
  std::vector<Sentence> sentences;
  std::vector<Event> events;
  std::vector<Entity> entities;  // every actor, object and place named by an event
};

class Extractor {
 public:
  // Loads the gazetteers and the Link Grammar dictionary. Returns kIOError
  // when the data cannot be found. The caller owns the result.
  static Result<std::unique_ptr<Extractor>> Create(const ExtractOptions& options);
  virtual ~Extractor() = default;

  // Extracts the events of one document. Never throws; a sentence that cannot
  // be parsed (too long, or over the time limit) keeps its entities and gives
  // no events, instead of failing the document.
  virtual Result<Extraction> Extract(const Document& doc) const = 0;

  // Stored with every event, e.g. "detente-0.1.0/1".
  static std::string Version();
};

}  // namespace detente

#endif  // DETENTE_EXTRACT_H_
