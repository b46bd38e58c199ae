// From one analysed sentence to events. Private to the extract stage.
#ifndef DETENTE_EXTRACT_EVENTS_H_
#define DETENTE_EXTRACT_EVENTS_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detente/entities.h"
#include "detente/extract.h"
#include "detente/parse.h"
#include "detente/types.h"
#include "extract/dates.h"

namespace detente {

struct WordKnowledge;

// One sentence, with entities merged into single words for the parser.
struct AnalysedSentence {
  std::vector<std::string> tokens;  // Tokenize() output
  std::vector<Mention> mentions;    // over `tokens`, resolved to canonical names
  // The words handed to the parser: one per mention, one per other token.
  std::vector<std::string> words;
  std::vector<int> word_first;    // first token of each word
  std::vector<int> word_mention;  // mention index of each word, or -1
  std::vector<TimeExpr> times;    // over `words`
  std::optional<Parse> parse;     // nullopt when the parser gave up
  ParseCoverage coverage = ParseCoverage::kNotParsed;
  // Pair references ("the two leaders"): mention index -> the second entity.
  std::vector<std::pair<int, Mention>> partners;
  // The entity a token names when it only modifies another ("Israeli" in
  // "Israeli strikes", "Iran" in "Iran-backed"), per token; kind empty if none.
  std::vector<Mention> token_modifier;
  // The second entity of a compound of two ("Russian" in "U.S.-Russian"),
  // per token; kind empty if none.
  std::vector<Mention> token_partner;
};

// An event before names are turned into strings.
struct RawEvent {
  int actor = -1;   // mention index, or -1 when actor_modifier is set
  std::optional<Mention> actor_modifier;  // an actor named by a modifier word
  int object = -1;  // mention index, or -1
  std::optional<Mention> object_modifier;  // an object named by a modifier word
  std::string object_text;  // an artefact ("ceasefire plan") when object < 0
  int place = -1;   // mention index, or -1
  std::string action;
  std::string class_verb;  // the verb the action is classed by ("hold talks" -> "talk")
  int time = -1;  // index into AnalysedSentence::times, or -1
  bool negated = false;
  Modality modality = Modality::kAsserted;
  double confidence = 0.8;
  std::string rule;  // the rule that found it
  // The object is "the agreement", "the deal": a definite description of an
  // artefact named before, which the document resolves.
  bool object_anaphoric = false;
  // The object is the noun with "the" and nothing else ("the move").
  bool object_bare_definite = false;
  // The state an artefact object belongs to, from its own phrase ("Sweden's
  // bid", "an Egyptian plan", "the U.S. election"); empty when it names none.
  std::string object_owner;
  // The artefact is a state's own (an institution, a measure, a vote: see
  // owned_noun in data/lexicon.tsv), so without an owner in its phrase it is
  // the acting state's.
  bool object_owned = false;
  // "each side accused the other": the actor is a pair (see
  // AnalysedSentence::partners) acting on its other member.
  bool on_partner = false;
};

// Receives lines describing how a sentence was read (--trace); may be empty.
using TraceFn = std::function<void(std::string_view)>;

// Reads the events of one sentence from its parse, or from its words alone
// when there is none (lower confidence). Pure; thread-safe.
std::vector<RawEvent> ExtractEvents(const AnalysedSentence& s, const WordKnowledge& k,
                                    const TraceFn& trace = {});

}  // namespace detente

#endif  // DETENTE_EXTRACT_EVENTS_H_
