#include "entities/words.h"

#include <cctype>
#include <unordered_set>

namespace detente {

std::string Lower(std::string_view s) {
  std::string out(s);
  // ASCII only, whatever the locale: UTF-8 bytes stay as they are.
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool IsCalendarWord(std::string_view w) {
  static const std::unordered_set<std::string> kWords = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december", "jan.", "feb.", "mar.", "apr.",
      "aug.", "sept.", "sep.", "oct.", "nov.", "dec.", "ramadan", "christmas", "easter"};
  return kWords.count(Lower(w)) > 0;
}

bool IsPossessive(std::string_view t) {
  return t == "'s" || t == "\u2019s" || t == "'" || t == "\u2019";
}

bool IsCommonWord(std::string_view lower) {
  static const std::unordered_set<std::string_view> kWords = {
      "the", "a", "an", "this", "that", "these", "those", "however", "although", "though",
      "while", "whilst", "when", "where", "after", "before", "since", "as", "at", "in", "on",
      "of", "for", "from", "with", "without", "by", "under", "over", "during", "amid",
      "despite", "following", "moreover", "meanwhile", "but", "and", "or", "yet", "so",
      "if", "unless", "because", "his", "her", "its", "their", "our", "my", "he", "she",
      "it", "they", "we", "i", "you", "there", "here", "then", "now", "today", "earlier",
      "later", "also", "still", "both", "neither", "either", "each", "every", "all", "some",
      "many", "most", "several", "few", "more", "less", "no", "not", "once", "instead",
      "securing", "according", "asked", "speaking", "air", "aid", "western", "eastern",
      "northern", "southern", "senior", "former", "thirteen", "twelve", "eleven", "ten",
      "nine", "eight", "seven", "six", "five", "four", "three", "two", "one", "what", "who",
      "which", "whose", "why", "how", "until", "among", "between", "against", "within",
      "about", "around", "into", "onto", "upon", "through", "across", "toward", "towards",
      "like", "unlike", "such", "other", "another", "relations", "tensions", "talks",
      "officials", "diplomats", "protesters", "voters", "hopes", "fighting", "elsewhere"};
  return kWords.count(lower) > 0;
}

}  // namespace detente
