// Sentences built by hand for the rule tests: words, named mentions and,
// when a test wants them, Link Grammar links, without running the parser.
// The lexicon and WordNet are the real ones (data/lexicon.tsv,
// /usr/share/wordnet).
//
//   HandSentence s("[Antony Blinken] met [Xi Jinping/person/CHN] in [Beijing/city] .");
//   s.Link("[Antony Blinken]", "met", "Ss");       // optional
//   CHECK(s.Has("Antony Blinken | meet | Xi Jinping"));
//
// A bracketed name is one mention, "[name/kind/ISO3/role]" with kind person
// by default; a bracketed pronoun or description with kind "reference" is an
// unresolved reference ("[they/reference]"). A word in braces names a state
// as a modifier ("{Moroccan/Morocco/MAR}"). Every other space-separated
// word is a word of its own.
#ifndef DETENTE_TESTS_EXTRACT_RULES_HAND_SENTENCE_H_
#define DETENTE_TESTS_EXTRACT_RULES_HAND_SENTENCE_H_

#include <string>
#include <vector>

#include "extract/events.h"
#include "extract/sentence_graph.h"

namespace detente::testing {

// The real lexicon and lemmatiser, loaded once.
const WordKnowledge& Knowledge();

class HandSentence {
 public:
  explicit HandSentence(const std::string& text);

  // Adds a link between the first words written `left` and `right` (a
  // bracketed mention is written with its brackets); the parse then exists.
  HandSentence& Link(const std::string& left, const std::string& right, const std::string& label);
  // Marks words [first, last] (0-based word indices) as a time expression.
  HandSentence& Time(int first, int last, const std::string& text);

  const AnalysedSentence& sentence() const { return s_; }
  std::vector<RawEvent> Events() const;
  // "actor | action | object" for each event; object "-" when none.
  std::vector<std::string> Triples() const;
  bool Has(const std::string& triple) const;
  // The event with this triple, or nullptr.
  const RawEvent* Find(const std::string& triple) const;
  // All triples on one line each, for failure messages.
  std::string Dump() const;

 private:
  int WordIndex(const std::string& written) const;

  AnalysedSentence s_;
  std::vector<std::string> written_;  // each word as written in `text`
  mutable std::vector<RawEvent> events_;
};

}  // namespace detente::testing

#endif  // DETENTE_TESTS_EXTRACT_RULES_HAND_SENTENCE_H_
