// Names compared as people read them: the keys that entity resolution (the
// store), the leaders gazetteer and name look-ups (the graph) agree on.
//
// Thread safety: pure functions.
#ifndef DETENTE_NAMES_H_
#define DETENTE_NAMES_H_

#include <string>
#include <string_view>

namespace detente {

// `name` folded: lower case, accents and diacritics dropped ("Erdoğan" ->
// "erdogan"), apostrophes dropped ("Ma'ruf" -> "maruf"), every run of
// separators (spaces, hyphens, dots, commas) one space, no space at either
// end, and a final possessive "'s" dropped. Letters of other scripts are
// kept as written.
std::string FoldName(std::string_view name);

// FoldName(name) with the transliteration rules of docs/schema.md
// ("Entity resolution") applied word by word, so that the spellings of one
// name give one key:
//   an article "el", "al", "ul" before a word      -> "al"  (el-Sissi, al-Sisi)
//   a word ending in "iy", "yi", "ii", "yy", "ij"  -> "y"   (Zelenskiy, Zelenskyy)
//   a doubled letter                               -> one   (Sissi, Sisi)
// Empty when the name has no letter or digit.
std::string NameKey(std::string_view name);

// The last word of NameKey(name) (a surname, for a person's name of two words
// or more), or empty when the key has only one word.
std::string SurnameKey(std::string_view name);

}  // namespace detente

#endif  // DETENTE_NAMES_H_
