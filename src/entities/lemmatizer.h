// WordNet lemmatiser: morphy (exception lists plus suffix rules, checked
// against WordNet's index of base forms) through the shared WordNet reader,
// with the two readings news needs that morphy lacks: prefixed verbs
// ("re-elected", "relaunched") and plurals that are nouns of their own
// ("hours", "talks"). Immutable after Load(); thread-safe; cheap to copy
// (copies share one WordNet).
#ifndef DETENTE_ENTITIES_LEMMATIZER_H_
#define DETENTE_ENTITIES_LEMMATIZER_H_

#include <memory>
#include <string>
#include <string_view>

#include "detente/status.h"
#include "entities/wordnet.h"

namespace detente {

class Lemmatizer {
 public:
  // Loads WordNet from `wordnet_dir` (Debian's wordnet-base installs it in
  // /usr/share/wordnet). kIOError if a file is missing.
  static Result<Lemmatizer> Load(const std::string& wordnet_dir = "/usr/share/wordnet");
  // A lemmatiser over an already loaded WordNet (not null).
  explicit Lemmatizer(std::shared_ptr<const WordNet> wordnet) : wn_(std::move(wordnet)) {}

  // Base form of a verb ("met" -> "meet", "travelling" -> "travel",
  // "re-elected" -> "re-elect"); the lower-cased word itself when WordNet
  // does not know it.
  std::string Verb(std::string_view word) const;
  // Base form of a noun ("talks" -> "talk", "hours" -> "hour").
  std::string Noun(std::string_view word) const;
  // Whether WordNet has this verb lemma, or the lemma is a prefixed verb
  // that is not a noun ("relaunch", but not "reaction").
  bool IsVerb(std::string_view lemma) const;
  bool IsNoun(std::string_view lemma) const { return wn_->Contains(lemma, WnPos::kNoun); }
  // Whether the noun lemma's first WordNet sense is a person ("journalist",
  // "tourist"), not a body ("army") or a thing ("strike").
  bool NamesPerson(std::string_view lemma) const;
  // Whether the noun lemma's first WordNet sense is a group or body ("army",
  // "police", "delegation").
  bool NamesGroup(std::string_view lemma) const;
  // Whether the noun lemma's first WordNet sense is a thing, an act or an
  // idea that cannot act ("plan", "deal", "law"): noun.act, .artifact,
  // .cognition, .communication, .event, .possession, .state or .attribute.
  bool NamesThing(std::string_view lemma) const;
  // Whether the noun lemma's first WordNet sense is an act or something said
  // ("move", "decision", "accusation", "claim"): noun.act, .communication.
  bool NamesAct(std::string_view lemma) const;
  // Whether the noun lemma's first WordNet sense is a made thing or a place
  // ("target", "base", "imports"): noun.artifact, .location or .object.
  bool NamesPhysical(std::string_view lemma) const;

  // Whether one of the verb lemma's first senses has WordNet's frame
  // "Somebody ----s somebody (to) INFINITIVE" ("urge", "ask", "force"; not
  // "meet" or "summon"): the person after it does what the infinitive says.
  bool TakesObjectInfinitive(std::string_view lemma) const;
  // The verbs WordNet derives the noun lemma's first two senses from, by
  // its derivational pointers ("sale" -> "sell", "supply" -> "supply").
  std::vector<std::string> VerbsOfNoun(std::string_view lemma) const;

  const std::shared_ptr<const WordNet>& wordnet() const { return wn_; }

 private:
  std::string Base(std::string_view word, WnPos pos) const;
  // The likeliest of several base forms of the verb `word` (lower case).
  std::string PickVerb(const std::string& word, const std::vector<std::string>& forms) const;
  std::shared_ptr<const WordNet> wn_;
};

}  // namespace detente

#endif  // DETENTE_ENTITIES_LEMMATIZER_H_
