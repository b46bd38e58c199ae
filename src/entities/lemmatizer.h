// WordNet lemmatiser (morphy): exception lists plus suffix rules, checked
// against WordNet's index of base forms. Immutable after Load(); thread-safe.
#ifndef DETENTE_ENTITIES_LEMMATIZER_H_
#define DETENTE_ENTITIES_LEMMATIZER_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "detente/status.h"

namespace detente {

class Lemmatizer {
 public:
  // Reads {verb,noun}.exc and index.{verb,noun} from `wordnet_dir` (Debian's
  // wordnet-base installs them in /usr/share/wordnet). kIOError if missing.
  static Result<Lemmatizer> Load(const std::string& wordnet_dir = "/usr/share/wordnet");

  // Base form of a verb ("met" -> "meet", "travelling" -> "travel"); the
  // lower-cased word itself when WordNet does not know it.
  std::string Verb(std::string_view word) const;
  // Base form of a noun ("talks" -> "talk").
  std::string Noun(std::string_view word) const;
  // Whether WordNet has this verb lemma (also "re-elect": a prefixed verb).
  bool IsVerb(std::string_view lemma) const {
    if (verbs_.count(std::string(lemma))) return true;
    size_t dash = lemma.find('-');
    if (dash != std::string_view::npos && dash <= 7)
      return verbs_.count(std::string(lemma.substr(dash + 1))) > 0;
    // "relaunch": a verb with a prefix, unless the word is a noun ("reaction").
    if (nouns_.count(std::string(lemma))) return false;
    for (std::string_view prefix : {"re", "co", "de", "un", "pre"})
      if (lemma.size() > prefix.size() + 4 && lemma.substr(0, prefix.size()) == prefix &&
          verbs_.count(std::string(lemma.substr(prefix.size()))))
        return true;
    return false;
  }
  bool IsNoun(std::string_view lemma) const { return nouns_.count(std::string(lemma)) > 0; }

 private:
  std::string Morphy(std::string_view word, const std::unordered_map<std::string, std::string>& exc,
                     const std::unordered_set<std::string>& index, bool verb) const;
  std::unordered_map<std::string, std::string> verb_exc_, noun_exc_;
  std::unordered_set<std::string> verbs_, nouns_;
};

}  // namespace detente

#endif  // DETENTE_ENTITIES_LEMMATIZER_H_
