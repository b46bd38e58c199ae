// From one parsed sentence to events. Private to detente_core.
#ifndef DETENTE_EXTRACT_EVENTS_H_
#define DETENTE_EXTRACT_EVENTS_H_

#include <optional>
#include <string>
#include <vector>

#include "detente/entities.h"
#include "detente/parse.h"
#include "extract/dates.h"
#include "extract/lemmatizer.h"

namespace detente {

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
  // Pair references ("the two leaders"): mention index -> the second entity.
  std::vector<std::pair<int, Mention>> partners;
};

// An event before names are turned into strings.
struct RawEvent {
  int actor = -1;   // mention index
  int object = -1;  // mention index, or -1
  std::string object_text;  // an artefact ("ceasefire plan") when object < 0
  int place = -1;   // mention index, or -1
  std::string action;
  int time = -1;  // index into AnalysedSentence::times, or -1
  bool negated = false;
  std::string modality = "asserted";
  double confidence = 0.8;
};

// Reads the events of one sentence from its parse (or, without one, from the
// words alone with lower confidence). Pure; thread-safe.
std::vector<RawEvent> ExtractEvents(const AnalysedSentence& s, const Lemmatizer& lemmas);

}  // namespace detente

#endif  // DETENTE_EXTRACT_EVENTS_H_
