#include "parse/parser_word.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "entities/words.h"

namespace detente {

// The word the parser sees for a mention: one token, shaped so that Link
// Grammar takes it for a name (or a plain pronoun for "he").
std::string ParserWord(const Mention& m, const std::vector<std::string>& tokens) {
  // Pronouns stay pronouns, resolved or not.
  static const std::set<std::string> kPronouns = {"he",  "she", "it",  "they",  "him",
                                                   "her", "his", "its", "their", "them"};
  if (m.first == m.last && kPronouns.count(Lower(tokens[m.first]))) return tokens[m.first];
  if (m.kind.is_reference() || m.description) {
    if (m.first == m.last) return tokens[m.first];
    // "the court's decision": Link Grammar has no "he 's".
    if (m.last + 1 < static_cast<int>(tokens.size()) &&
        IsPossessive(tokens[m.last + 1]))
      return "someone";
    // "the top U.S. diplomat" -> a pronoun the parser always places.
    static const std::set<std::string> kPersonNouns = {
        "president", "leader", "diplomat", "minister", "premier", "incumbent", "chancellor",
        "mediator", "envoy", "monarch", "king", "emir", "spokesman", "leaders"};
    std::string head = Lower(tokens[m.last]);
    // The object case ("by him", "commits them to") unless a clause starts
    // here ("said they would", "and he met") or a verb group follows.
    static const std::set<std::string> kClauseStarts = {
        ",",     "and",    "but",  "that",   "said",  "says",  "because", "as",
        "when",  "while",  "after", "before", "if",   "until", "since",   "where",
        "so",    "although", "though", "whereas", "who", "which", ";", ":"};
    static const std::set<std::string> kVerbGroup = {
        "would", "will", "could", "should", "may", "might", "must", "can", "is", "are",
        "was",   "were", "have",  "has",    "had", "did",   "do",   "does"};
    std::string before = m.first > 0 ? Lower(tokens[m.first - 1]) : "";
    std::string after = m.last + 1 < static_cast<int>(tokens.size()) ? Lower(tokens[m.last + 1])
                                                                     : "";
    bool object = m.first > 0 && !kClauseStarts.count(before) && !kVerbGroup.count(after);
    bool plural = head.size() > 3 && head.back() == 's';
    // "released the leaders who had been arrested": Link Grammar has no
    // "them who"; "those who" reads the same.
    if (after == "who" || after == "that" || after == "which") {
      return plural ? "those" : kPersonNouns.count(head) ? "someone" : "something";
    }
    if (plural) return object ? "them" : "they";
    if (kPersonNouns.count(head)) return object ? "him" : "he";
    return "it";
  }
  // A one-word name may be a dictionary word ("Kim" is a given name that
  // Link Grammar joins to the next name): hand over the full name instead.
  if (m.first == m.last && m.name.find(' ') != std::string::npos) {
    std::string w = m.name;
    std::replace(w.begin(), w.end(), ' ', '_');
    if (std::isupper(static_cast<unsigned char>(w[0]))) return w;
  }
  std::string w;
  for (int i = m.first; i <= m.last; ++i) {
    if (!w.empty() && !IsPossessive(tokens[i])) w += '_';
    w += tokens[i];
  }
  if (!w.empty() && !std::isupper(static_cast<unsigned char>(w[0]))) w[0] = 'X';
  return w;
}

}  // namespace detente
