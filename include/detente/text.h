// Text: normalisation, sentence splitting and tokenisation of news English.
//
// All offsets are byte offsets into the UTF-8 string that was passed in.
// Every function is pure and thread-safe.
#ifndef DETENTE_TEXT_H_
#define DETENTE_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace detente {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view s);

// Replaces control characters (other than \n and \t) and invalid bytes with
// spaces, turns \r\n and \r into \n and non-breaking spaces into spaces.
// Keeps curly quotes and dashes: the tokenizer knows them.
std::string NormalizeText(std::string_view s);

struct SentenceSpan {
  size_t begin = 0;  // byte offsets into the text given to SplitSentences
  size_t end = 0;
  std::string_view text(std::string_view all) const {
    return all.substr(begin, end - begin);
  }
};

// Splits news prose into sentences. Knows abbreviations ("U.S.", "Gen.",
// "Jan."), initials, decimal numbers, closing quotes after the full stop and
// blank-line paragraph breaks. Spans exclude surrounding whitespace and are
// never empty.
std::vector<SentenceSpan> SplitSentences(std::string_view text);

struct Token {
  std::string text;  // the token as written (curly quotes kept)
  size_t begin = 0;  // byte offsets into the sentence
  size_t end = 0;
};

// Splits a sentence into words and punctuation. Keeps "U.S.", "el-Sissi",
// "Erdoğan", "3.5" and "10,000" whole; splits off the possessive "'s"/"’s",
// "n't", commas, quotes (straight and curly), brackets, em and en dashes and
// the final full stop.
std::vector<Token> Tokenize(std::string_view sentence);

}  // namespace detente

#endif  // DETENTE_TEXT_H_
