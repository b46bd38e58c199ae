// Actors' roles, in CAMEO's agent vocabulary (docs/extraction.md): the role
// an agent noun names ("rebels" -> REB, "riot police" -> COP), the role of a
// title ("Foreign Minister" -> GOV, "General" -> MIL) and of an organisation
// from its kind and name ("Supreme Court" -> JUD). Private to the entities
// stage. Pure functions over an immutable lexicon; thread-safe.
#ifndef DETENTE_ENTITIES_AGENTS_H_
#define DETENTE_ENTITIES_AGENTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "detente/types.h"
#include "entities/lexicon.h"
#include "entities/roles.h"  // IsStateRole

namespace detente {

// An agent noun phrase found in a token list.
struct AgentNoun {
  int length = 0;            // tokens matched, 0 when none
  Role role = Role::kNone;   // CAMEO agent role: GOV, MIL, COP, REB ...
  bool institution = false;  // a body ("parliament", "court"), not a group of people
};

// The longest agent noun (1 to 3 tokens, lower-cased) starting at token i.
AgentNoun MatchAgentNoun(const Lexicon& lex, const std::vector<std::string>& tokens, int i);

// The role a title's class implies (titles.tsv: head_of_state, minister,
// military, legislator ...); kNone when none does.
Role RoleOfTitleClass(std::string_view title_class);

// The role of an organisation from its gazetteer kind, whether it has a home
// state, and the last word of its name ("Court" -> JUD, "Police" -> COP);
// kNone when nothing gives one.
Role RoleOfOrganization(EntityKind kind, bool has_country, std::string_view name);

}  // namespace detente

#endif  // DETENTE_ENTITIES_AGENTS_H_
