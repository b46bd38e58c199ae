// CAMEO actor roles of agent nouns, by meaning: "peacekeepers" -> MIL,
// "lawmakers" -> LEG, "riot police" -> COP, "villagers" -> CVL. A noun is
// looked up, in order, in the fixed words and phrases of
// data/agent_roles.tsv, then through WordNet: its first senses, each walked
// up its hypernyms to the nearest seed sense of the same file, vote (the
// first weighted most). A compound ("rebel commander", "opposition
// lawmakers") takes its head's role unless its modifier names a non-state
// group or the head is a position noun, and never a nationality's
// ("Israeli commander" is MIL; see docs/extraction.md).
//
// Thread safety: a loaded RoleClassifier is immutable; all const methods may
// be called concurrently. Copies share the loaded tables.
#ifndef DETENTE_ENTITIES_ROLES_H_
#define DETENTE_ENTITIES_ROLES_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "detente/status.h"
#include "detente/types.h"
#include "entities/wordnet.h"

namespace detente {

// One role of the vocabulary agent nouns are classified into.
struct RoleInfo {
  Role role;                 // Role::kMil
  std::string_view meaning;  // "military: armed forces, soldiers, officers"
  bool state_agent;          // stands for its state in the guidelines
};

// The role vocabulary of agent nouns, in the order docs/extraction.md lists
// it: every Role but kNone and kRel (which only titles and the lexicon give).
std::span<const RoleInfo> RoleVocabulary();
// The entry for `role`, or nullptr when it is not in the vocabulary.
const RoleInfo* FindRole(Role role);
// Whether `role` is a state agent's (GOV, MIL, COP, JUD, LEG, SPY). False
// for non-state roles and kNone.
bool IsStateRole(Role role);

struct RoleResult {
  Role role = Role::kNone;  // a vocabulary role, or kNone when unknown
  std::string via;          // how it was found: "phrase: riot police",
                            // "wordnet: peacekeeper.n.1 > soldier.n.1 > ... (MIL)"
  bool known() const { return role != Role::kNone; }
};

class RoleClassifier {
 public:
  // Loads agent_roles.tsv from `data_dir` over `wordnet` (not null).
  // kIOError for a missing file; kDataError "<path>:<line>: <problem>" for a
  // malformed line, a role outside the vocabulary, or a sense WordNet does
  // not have or whose lexicographer file differs from the one written.
  static Result<RoleClassifier> Load(std::shared_ptr<const WordNet> wordnet,
                                     const std::string& data_dir);

  // The role of an agent noun or noun phrase, singular or plural, any case:
  // "peacekeepers", "Riot police", "coast guard", "opposition lawmakers".
  // Unknown (known() false) for nouns that name no agent ("table",
  // "people") and words WordNet does not know.
  RoleResult RoleOfNoun(std::string_view noun) const;

  struct Tables;  // loaded data, shared between copies

 private:
  explicit RoleClassifier(std::shared_ptr<const Tables> t) : t_(std::move(t)) {}
  RoleResult Single(const std::string& phrase) const;
  RoleResult Vote(const std::string& lemma) const;
  std::shared_ptr<const Tables> t_;
};

}  // namespace detente

#endif  // DETENTE_ENTITIES_ROLES_H_
