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

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing
// above U+10FFFF, no truncated sequence).
bool IsValidUtf8(std::string_view s);

// Returns valid UTF-8 for any input: control characters, tabs, invalid bytes
// and Unicode spaces (NBSP, thin spaces ...) become spaces, and runs of spaces
// collapse to one; \r\n, \r, NEL and U+2028 become \n, U+2029 a blank line;
// spaces at line ends and at the end are trimmed; BOM, zero-width space,
// soft hyphen and word joiner are dropped. Keeps curly quotes and dashes: the
// tokenizer knows them. Apply it before SplitSentences: offsets then refer to
// the normalised text.
std::string NormalizeText(std::string_view s);

struct SentenceSpan {
  size_t begin = 0;  // byte offsets into the text given to SplitSentences
  size_t end = 0;
  std::string_view text(std::string_view all) const {
    return all.substr(begin, end - begin);
  }
};

// Splits news prose into sentences. Knows abbreviations ("U.S.", "Gen.",
// "Jan."), initials, decimal numbers, ellipses, closing quotes and brackets
// after the full stop, quoted questions before "he asked". A blank line always
// ends a sentence; a single line break ends one unless the line plainly
// continues (it ends with a comma or an article, or the next line starts in
// lower case), so a headline line is a sentence of its own. In a
// hard-wrapped paragraph (three or more lines, most without final
// punctuation, some continuing in lower case) line breaks never split. After an
// acronym such as "U.S." that may end a sentence, it splits only before a
// typical sentence opener ("The", "He", ...) or a line break. Spans exclude
// surrounding whitespace, are in order, never overlap and are never empty.
// Any byte string is accepted.
std::vector<SentenceSpan> SplitSentences(std::string_view text);

struct Token {
  std::string text;  // the token as written (curly quotes kept)
  size_t begin = 0;  // byte offsets into the sentence
  size_t end = 0;
};

// Splits a sentence into words and punctuation. Keeps "U.S.", "Gen.", "F."
// (initials), "el-Sissi", "O'Brien", "Erdoğan", "3.5", "10,000", "10:30"
// and "AT&T" whole; splits off the clitics "'s"/"’s", "n't" ("didn't" -> "did" "n't",
// "won't" -> "wo" "n't"), "'re", "'ve", "'ll", "'d", "'m", and makes separate
// tokens of commas, quotes (straight and curly), brackets, colons,
// semicolons, em and en dashes and a final full stop that is not part of an
// abbreviation. "..." and "--" are single tokens. Tokens are in order, never
// empty, and sentence.substr(begin, end - begin) == text.
std::vector<Token> Tokenize(std::string_view sentence);

}  // namespace detente

#endif  // DETENTE_TEXT_H_
