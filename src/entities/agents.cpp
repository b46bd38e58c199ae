#include "entities/agents.h"

#include <cctype>

#include "entities/words.h"

namespace detente {

AgentNoun MatchAgentNoun(const Lexicon& lex, const std::vector<std::string>& tokens, int i) {
  AgentNoun out;
  const int n = static_cast<int>(tokens.size());
  std::string phrase;
  for (int len = 1; len <= 3 && i + len <= n; ++len) {
    const std::string& tok = tokens[i + len - 1];
    // A common noun: "People's Liberation Army" names no people.
    bool lower_case = !tok.empty() && !std::isupper(static_cast<unsigned char>(tok[0]));
    if (!lower_case && !lex.Has(WordList::kAgentNoun, tok)) break;
    if (len > 1) phrase += ' ';
    // "chargé d’affaires" as "chargé d'affaires": the lexicon writes ASCII quotes.
    const std::string written = lower_case ? Lower(tok) : tok;
    std::string_view word = written;
    for (size_t q; (q = word.find("\xE2\x80\x99")) != std::string_view::npos; word.remove_prefix(q + 3))
      phrase.append(word.substr(0, q)).push_back('\'');
    phrase += word;
    if (!lex.Has(WordList::kAgentNoun, phrase)) continue;
    out.length = len;
    // Lexicon::Load checked that every agent noun's value is a role.
    out.role = ParseRole(lex.Value(WordList::kAgentNoun, phrase)).value_or(Role::kNone);
    out.institution = lex.Has(WordList::kInstitutionNoun, phrase);
  }
  return out;
}


Role RoleOfTitleClass(std::string_view c) {
  if (c == "head_of_state" || c == "head_of_government" || c == "minister" || c == "diplomat" ||
      c == "official" || c == "royal")
    return Role::kGov;
  if (c == "military") return Role::kMil;
  if (c == "legislator") return Role::kLeg;
  if (c == "religious") return Role::kRel;
  return Role::kNone;
}

Role RoleOfOrganization(EntityKind kind, bool has_country, std::string_view name) {
  std::string_view last = name.substr(name.rfind(' ') == std::string_view::npos ? 0 : name.rfind(' ') + 1);
  struct Keyword {
    std::string_view word;
    Role role;
  };
  static constexpr Keyword kKeywords[] = {
      {"Court", Role::kJud},      {"Tribunal", Role::kJud},     {"Prosecutor", Role::kJud},
      {"Parliament", Role::kLeg}, {"Assembly", Role::kLeg},     {"Congress", Role::kLeg},
      {"Senate", Role::kLeg},     {"Knesset", Role::kLeg},      {"Duma", Role::kLeg},
      {"Rada", Role::kLeg},       {"Bundestag", Role::kLeg},    {"Army", Role::kMil},
      {"Forces", Role::kMil},     {"Navy", Role::kMil},         {"Guard", Role::kMil},
      {"Command", Role::kMil},    {"Corps", Role::kMil},        {"Police", Role::kCop},
      {"Intelligence", Role::kSpy}, {"Service", Role::kSpy},    {"Ministry", Role::kGov},
      {"Department", Role::kGov}, {"Office", Role::kGov},       {"Cabinet", Role::kGov},
      {"Government", Role::kGov}, {"Administration", Role::kGov}, {"Council", Role::kGov},
      {"Commission", Role::kGov}, {"Agency", Role::kGov}};
  if (kind == EntityKind::kArmedGroup) return Role::kReb;
  if (kind == EntityKind::kCompany) return Role::kBus;
  // A body of no one state ("UN Security Council", "European Commission")
  // is intergovernmental, whatever its last word.
  if (kind == EntityKind::kOrganization && !has_country) return Role::kIgo;
  for (const Keyword& k : kKeywords)
    if (last == k.word) return k.role;
  if (kind == EntityKind::kOrganization) return has_country ? Role::kGov : Role::kIgo;
  if (kind == EntityKind::kInstitution) return Role::kGov;
  return Role::kNone;
}

}  // namespace detente
