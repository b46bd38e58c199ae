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
    out.role = lex.Value(WordList::kAgentNoun, phrase);
    out.institution = lex.Has(WordList::kInstitutionNoun, phrase);
  }
  return out;
}


std::string RoleOfTitleClass(std::string_view c) {
  if (c == "head_of_state" || c == "head_of_government" || c == "minister" || c == "diplomat" ||
      c == "official" || c == "royal")
    return "GOV";
  if (c == "military") return "MIL";
  if (c == "legislator") return "LEG";
  if (c == "religious") return "REL";
  return "";
}

std::string RoleOfOrganization(std::string_view kind, bool has_country, std::string_view name) {
  std::string_view last = name.substr(name.rfind(' ') == std::string_view::npos ? 0 : name.rfind(' ') + 1);
  struct Keyword {
    std::string_view word, role;
  };
  static constexpr Keyword kKeywords[] = {
      {"Court", "JUD"},      {"Tribunal", "JUD"},     {"Prosecutor", "JUD"},
      {"Parliament", "LEG"}, {"Assembly", "LEG"},     {"Congress", "LEG"},
      {"Senate", "LEG"},     {"Knesset", "LEG"},      {"Duma", "LEG"},
      {"Rada", "LEG"},       {"Bundestag", "LEG"},    {"Army", "MIL"},
      {"Forces", "MIL"},     {"Navy", "MIL"},         {"Guard", "MIL"},
      {"Command", "MIL"},    {"Corps", "MIL"},        {"Police", "COP"},
      {"Intelligence", "SPY"}, {"Service", "SPY"},    {"Ministry", "GOV"},
      {"Department", "GOV"}, {"Office", "GOV"},       {"Cabinet", "GOV"},
      {"Government", "GOV"}, {"Administration", "GOV"}, {"Council", "GOV"},
      {"Commission", "GOV"}, {"Agency", "GOV"}};
  if (kind == "armed_group") return "REB";
  if (kind == "company") return "BUS";
  // A body of no one state ("UN Security Council", "European Commission")
  // is intergovernmental, whatever its last word.
  if (kind == "organization" && !has_country) return "IGO";
  for (const Keyword& k : kKeywords)
    if (last == k.word) return std::string(k.role);
  if (kind == "organization") return has_country ? "GOV" : "IGO";
  if (kind == "institution") return "GOV";
  return "";
}

}  // namespace detente
