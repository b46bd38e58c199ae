// Entities: named actors, places and artefacts in tokenised sentences.
//
// Recognition works on the tokens of one sentence: gazetteer phrases
// (countries, cities, regions, organisations), titled names ("Egyptian
// President Abdel Fattah el-Sissi"), other capitalised names, demonym groups
// ("Turkish police" -> Turkey) and pronouns or descriptions ("he", "the
// group"), which coreference later resolves within the document.
//
// Thread safety: an EntityRecognizer is immutable after Create(); all const
// methods may be called concurrently. A DocumentEntities is not thread-safe.
#ifndef DETENTE_ENTITIES_H_
#define DETENTE_ENTITIES_H_

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "detente/status.h"
#include "detente/types.h"

namespace detente {

// What a mention is: an entity of some kind; a reference (a pronoun or
// description, "he", "the group", that coreference resolves); or nothing
// (EntityRecognizer::Modifier of a word that names no entity). Compares
// with an EntityKind directly: `m.kind == EntityKind::kPerson`.
class MentionKind {
 public:
  constexpr MentionKind() = default;  // nothing
  // NOLINTNEXTLINE(google-explicit-constructor): a mention of that kind.
  constexpr MentionKind(EntityKind k) : tag_(Tag::kEntity), entity_(k) {}
  static constexpr MentionKind Reference() {
    MentionKind m;
    m.tag_ = Tag::kReference;
    return m;
  }

  constexpr bool empty() const { return tag_ == Tag::kNone; }
  constexpr bool is_reference() const { return tag_ == Tag::kReference; }
  // The kind of the entity a record gives the mention: its own; unknown
  // for a reference; nullopt for nothing.
  constexpr std::optional<EntityKind> entity() const {
    if (tag_ == Tag::kNone) return std::nullopt;
    return tag_ == Tag::kReference ? EntityKind::kUnknown : entity_;
  }

  friend constexpr bool operator==(const MentionKind&, const MentionKind&) = default;

 private:
  enum class Tag : uint8_t { kNone, kEntity, kReference };
  Tag tag_ = Tag::kNone;
  EntityKind entity_ = EntityKind::kUnknown;  // kUnknown unless tag_ is kEntity
};

struct Mention {
  int first = 0;  // token range [first, last] in the sentence
  int last = 0;
  std::string text;     // as written
  std::string name;     // canonical name; empty until resolved for references
  MentionKind kind;     // person, country, group ...; a reference for
                        // pronouns and descriptions
  std::string country;  // ISO 3166-1 alpha-3, or empty
  Role role = Role::kNone;  // CAMEO agent role
  bool capital = false;       // a national capital (may stand for its state)
  bool group_of_state = false;  // "Turkish police": stands for the country
  // A pronoun or description ("he", "the bloc") that resolution turned into
  // the entity it refers to; the parser still sees a pronoun for it.
  bool description = false;
  // The gazetteer knows the name as written: an empty `country` then means
  // the body belongs to no single state (NATO, the UN), not that it is unknown.
  bool known = false;
  // The office a known person held on the story's date ("head_of_state",
  // "foreign_minister" ...: the offices of data/leaders.tsv); for a titled
  // person serving a body of no one state, that body ("EU envoy X":
  // "European Union"); else empty. A person with an office is not given the
  // story's state.
  std::string office;
};

class EntityRecognizer {
 public:
  // Loads the gazetteers from `data_dir` (see data/README.md); an empty
  // `data_dir` means the default search. Returns kIOError naming the missing
  // or malformed file.
  static Result<std::unique_ptr<EntityRecognizer>> Create(const std::string& data_dir);
  virtual ~EntityRecognizer() = default;

  // The mentions among `tokens`, left to right, never overlapping.
  virtual std::vector<Mention> Recognize(const std::vector<std::string>& tokens) const = 0;

  // The common English name of a country ("EGY" -> "Egypt"); empty if unknown.
  virtual std::string CountryName(const std::string& iso3) const = 0;
  // The body of no one state a city's name stands for when it acts or is
  // acted on ("Brussels" -> "European Union"); empty for other names.
  virtual std::string BodyOfCity(const std::string& city) const = 0;

  // The entity a single token names when it only modifies a noun: a demonym
  // ("Israeli" -> Israel, kind country) or the name before the hyphen of a
  // compound ("Iran-backed", "U.S.-brokered" -> that country or body).
  // Nothing (kind empty()) for other tokens.
  virtual Mention Modifier(const std::string& token) const = 0;
};

// Canonical names across the sentences of one document: "Blinken" after (or
// before) "Antony Blinken" is the same person; pronouns and descriptions
// resolve to the most recent compatible entity.
class DocumentEntities {
 public:
  // Resolves the mentions of one sentence in reading order: short names to
  // the fullest name registered, pronouns and descriptions to the entity
  // they refer to (or an empty name when nothing fits), and a demonym group
  // standing for its state ("Turkish police") to the state, named by `rec`.
  // A pair reference ("the two leaders") becomes its first entity; the
  // second goes to `*partners` with the mention's index. Records every named
  // mention for recency.
  void ResolveSentence(const std::vector<std::string>& tokens, const EntityRecognizer& rec,
                       std::vector<Mention>* mentions,
                       std::vector<std::pair<int, Mention>>* partners);
  // Registers the named mentions of a sentence, in document order.
  void AddNames(const std::vector<Mention>& mentions);
  // Rewrites a person's short name to the fullest name registered with the
  // same last (or first) word.
  void Canonicalize(Mention* m) const;
  // Resolves a reference mention ("he", "the group", "the top U.S.
  // diplomat") against what has been seen so far; false when nothing fits.
  // Entities in `prefer` (those named earlier in the same sentence, in
  // order) are tried first; the entity named `exclude` is never chosen.
  bool ResolveReference(Mention* m, const std::vector<Mention>& prefer = {},
                        const std::string& exclude = {}) const;
  // Resolves "the two leaders", "both sides" or "the two countries" to the two
  // most recent distinct entities of a fitting kind, stored in `*a` and `*b`
  // with the reference's text and span; false unless the mention is such a
  // pair reference and two entities fit. Names in `exclude` (the sentence's
  // own subject, say: "Erdogan hosted the two leaders") are skipped.
  bool ResolvePair(const Mention& m, const std::vector<std::string>& exclude, Mention* a,
                   Mention* b) const;
  // "the two governments" after two leaders of different states: those
  // states (named by `rec`); false unless the mention is such a pair.
  bool ResolveCountryPair(const Mention& m, const EntityRecognizer& rec, Mention* a,
                          Mention* b) const;
  // Records that `m` was mentioned (for recency).
  void Touch(const Mention& m);
  // Records the actor of the latest event: "he" prefers it to other people.
  void NoteActor(const Mention& m) { last_actor_ = m; }
  // The latest artefact named as an object ("the plan"), for "responded to
  // it" and "abstained"; empty if none yet.
  void SetLastArtefact(const std::string& a) {
    last_artefact_ = a;
    artefact_in_sentence_ = true;
  }
  // The latest named artefact ("Black Sea Grain Initiative"), which "the
  // arrangement" or "the accord" later refers to; empty if none.
  void SetLastNamedArtefact(const std::string& a) { last_named_artefact_ = a; }
  const std::string& last_named_artefact() const { return last_named_artefact_; }
  const std::string& last_artefact() const { return last_artefact_; }
  // Call at each new sentence: the latest artefact of the sentence before
  // it ("The pact" opening a sentence refers to it) stays readable; empty
  // when that sentence acted on none.
  void StartSentence() {
    earlier_artefact_ = artefact_in_sentence_ ? last_artefact_ : "";
    artefact_in_sentence_ = false;
  }
  const std::string& earlier_artefact() const { return earlier_artefact_; }

 private:
  std::vector<Mention> full_names_;  // multi-word person names
  std::vector<Mention> recent_;      // resolved mentions, most recent last
  std::string last_artefact_;
  std::string earlier_artefact_;
  bool artefact_in_sentence_ = false;
  std::string last_named_artefact_;
  Mention last_actor_;
};

}  // namespace detente

#endif  // DETENTE_ENTITIES_H_
