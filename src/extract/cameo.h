// CAMEO event classes by meaning. A verb (with its particle or light-verb
// noun) or an event noun is classified, in order, by:
//   1. the hand lexicon data/cameo.tsv (phrase -> code);
//   2. WordNet: its first senses, each walked up its hypernyms (and, for a
//      sense with no hypernym, through its derivationally related nouns or
//      verbs) to the nearest seed of data/cameo_synsets.tsv; the senses vote,
//      the first weighted most (see kSenseWeights in cameo.cpp);
//   3. nothing: the result is unknown. There is no fallback by lexicographer
//      file; docs/extraction.md says why.
// Codes, names, QuadClass and Goldstein weights come from data/goldstein.tsv
// (the CAMEO 1.1b3 codebook, Schrodt 2012; weights as GDELT distributes them).
//
// Thread safety: a loaded CameoClassifier is immutable; all const methods may
// be called concurrently. Copies share the loaded tables.
#ifndef DETENTE_EXTRACT_CAMEO_H_
#define DETENTE_EXTRACT_CAMEO_H_

#include <memory>
#include <string>
#include <string_view>

#include "detente/status.h"
#include "detente/types.h"
#include "entities/wordnet.h"

namespace detente {

// What a verb does in a sentence, by meaning.
enum class VerbKind {
  kUnknown,    // not in WordNet, or no event class and no kind found
  kEvent,      // classifies into a CAMEO family: "bombard", "meet", "expel"
  kSpeech,     // reporting verbs, never events themselves: "say", "tell", "add"
  kCognition,  // thought, opinion, feeling: "think", "believe", "hope", "fear"
  kStative,    // states and relations: "be", "remain", "include", "seem"
  kAspectual,  // aspect and control: "begin", "continue", "try", "plan", "expect"
  kLight,      // light verbs whose noun names the event: "hold", "carry out"
};
std::string_view VerbKindName(VerbKind kind);

// Where a class came from.
enum class CameoSource { kNone, kLexicon, kWordNet };

struct CameoClass {
  std::optional<CameoCode> code;  // full code: "042", "0871"; its root and QuadClass
  std::string root_name;          // "Consult", as data/cameo.tsv names roots
  std::string name;               // the code's codebook name: "Make a visit"
  double goldstein = 0;           // Goldstein weight, -10 .. +10
  CameoSource source = CameoSource::kNone;
  std::string via;  // how it was found: "lexicon: impose sanctions on",
                    // "wordnet: shell.v.1 > bombard.v.2 (195)"

  bool known() const { return code.has_value(); }
  // "04 Consult" (the extract JSON's action_class), or "" when unknown.
  std::string ClassName() const;
};

struct CameoOptions {
  // Consult the hand lexicon data/cameo.tsv before WordNet. False measures
  // the WordNet classifier alone (tests, benchmarks). Default: true.
  bool use_lexicon = true;
};

class CameoClassifier {
 public:
  // Loads cameo.tsv, cameo_synsets.tsv, goldstein.tsv and verb_kinds.tsv from
  // `data_dir` over `wordnet` (not null). kIOError for a missing file;
  // kDataError "<path>:<line>: <problem>" for a malformed line, a code with
  // no Goldstein weight, or a seed sense WordNet does not have or whose
  // lexicographer file differs from the one written.
  static Result<CameoClassifier> Load(std::shared_ptr<const WordNet> wordnet,
                                      const std::string& data_dir,
                                      const CameoOptions& options = {});

  // The class of a verb lemma or verb phrase: "bombard", "meet with", "hold
  // talks with", "carry out air strikes on", "impose sanctions on". Words
  // may be inflected ("imposed sanctions"); articles and possessive
  // determiners are ignored. Unknown (known() false) when nothing matches.
  CameoClass Verb(std::string_view phrase) const;
  // The class of an event noun: "invasion", "air strikes", "release",
  // "ceasefire", "talks". Unknown when the noun names no event.
  CameoClass Noun(std::string_view noun) const;
  // The kind of a verb or verb phrase (see VerbKind): the head verb's entry
  // in data/verb_kinds.tsv when it is speech, cognition, stative or
  // aspectual; kEvent when the phrase has a class ("carry out strikes");
  // kLight for a light verb whose noun names no event; else the WordNet
  // walk over the head verb's senses. kUnknown when nothing is known.
  VerbKind Kind(std::string_view verb) const;

  // A code's full description ("0871" -> root "08", "Yield", 9.0);
  // unknown when `code` is not a code of 3-4 digits in goldstein.tsv.
  CameoClass Describe(std::string_view code) const;

  struct Tables;  // loaded data, shared between copies

 private:
  explicit CameoClassifier(std::shared_ptr<const Tables> t) : t_(std::move(t)) {}
  VerbKind WordNetKind(const std::string& lemma) const;
  std::shared_ptr<const Tables> t_;
};

}  // namespace detente

#endif  // DETENTE_EXTRACT_CAMEO_H_
