// Lexicon: the word classes of English grammar and of the event domain that
// the recogniser and the extractor consult, loaded once from
// data/lexicon.tsv (one row per word and list; see data/README.md). Every
// list lives there, once; code names a list, never a word of it.
//
// Words are looked up lower-cased (ASCII), except where a list holds a
// capitalised word. A multi-word entry ("step down") is one key with single
// spaces.
//
// Thread safety: immutable after Load(); all const methods may be called
// concurrently.
#ifndef DETENTE_ENTITIES_LEXICON_H_
#define DETENTE_ENTITIES_LEXICON_H_

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detente/status.h"

namespace detente {

// The lists, in the order of kWordListNames. Their meaning is documented in
// data/lexicon.tsv and data/README.md.
enum class WordList : uint8_t {
  kDeterminer,
  kPossessive,
  kPronoun,
  kPreposition,
  kConjunction,
  kSubordinator,
  kRelative,
  kAuxiliary,
  kModal,            // value: future | possible
  kNegation,
  kVerbAdverb,
  kParticle,
  kPreName,
  kTimeNoun,
  kSpeechVerb,
  kOpinionVerb,
  kStativeVerb,
  kPhrasalVerb,      // value: the verb the event is classed by
  kFutureMatrix,
  kMeaningMatrix,    // value: how it joins the governed verb ("to" or "")
  kAspectVerb,
  kDirectiveVerb,
  kMotionVerb,
  kIntransitiveEvent,
  kLightVerb,
  kMeetingNoun,
  kArtefactNoun,
  kNonObjectNoun,
  kReactionNoun,     // value: the verb of the reaction
  kEventNoun,        // value: the verb the noun names
  kAgentNoun,        // value: CAMEO agent role (GOV, MIL, ...)
  kInstitutionNoun,
  kNumber,
  kReciprocalVerb,
  kCompoundParticiple,  // value: the verb of the act
  kReactionVerb,
  kPartitiveNoun,
  kObjectPreposition,
  kPurposeWord,
  kTemporalPreposition,
  kAnaphoricNoun,
  kMeasureNoun,
  kStandingVerb,
  kAttributionVerb,  // value: the preposition ("of", "for")
  kExampleWord,
  kConveneNoun,
  kNegatingMatrix,
  kGovernmentNoun,
  kQuantityWord,
  kOwnedNoun,
  kImplicativeVerb,
  kDomesticVerb,
  kTransferVerb,
  kClaimVerb,
  kPlaceKindNoun,   // value: city | region
  kOwnerParticiple,
  kCompanionPhrase,
  kCount
};

// The name of each list as data/lexicon.tsv spells it ("light_verb").
std::string_view WordListName(WordList list);

class Lexicon {
 public:
  // Reads `dir`/lexicon.tsv. Returns kIOError naming the file and line for a
  // missing file, an unknown list, a wrong column count or a word listed
  // twice in one list.
  static Result<Lexicon> Load(const std::string& dir);
  // A lexicon from rows of (list, word, value), for tests.
  static Result<Lexicon> FromRows(
      const std::vector<std::array<std::string, 3>>& rows);

  bool Has(WordList list, std::string_view word) const {
    return lists_[static_cast<size_t>(list)].count(std::string(word)) > 0;
  }
  // The value column for `word` in `list`; empty when absent or blank.
  const std::string& Value(WordList list, std::string_view word) const;
  // Number of words in a list.
  size_t size(WordList list) const { return lists_[static_cast<size_t>(list)].size(); }

 private:
  std::array<std::unordered_map<std::string, std::string>, static_cast<size_t>(WordList::kCount)>
      lists_;
};

}  // namespace detente

#endif  // DETENTE_ENTITIES_LEXICON_H_
