// UTF-8 decoding and rough character classes for the text module (private).
//
// The classes are deliberately small: they cover ASCII, Latin-1, Latin
// Extended-A, Greek and Cyrillic, which is what English news prose quotes.
// Every function is pure and thread-safe.
#ifndef DETENTE_TEXT_UTF8_H_
#define DETENTE_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace detente::text_internal {

// Code point returned for a byte that does not start a well-formed sequence.
inline constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the code point starting at s[i] (requires i < s.size()). Sets *len
// to its byte length (1..4). An ill-formed sequence (overlong, surrogate,
// above U+10FFFF, truncated, stray continuation byte) yields kInvalid with
// *len == 1, so a caller always makes progress.
char32_t Decode(std::string_view s, size_t i, size_t* len);

// The code point that ends just before s[i] (requires i > 0), or kInvalid;
// *len is its length (1 for an invalid byte).
char32_t DecodeBefore(std::string_view s, size_t i, size_t* len);

// ASCII whitespace and the Unicode space separators, line and paragraph
// separators, zero-width space and BOM.
bool IsSpace(char32_t c);
bool IsLower(char32_t c);
bool IsUpper(char32_t c);
bool IsDigit(char32_t c);
// Letters, digits, '_' and every non-ASCII code point that is not a known
// punctuation mark, symbol or space (so scripts we do not classify, and
// invalid bytes, count as word characters).
bool IsWordChar(char32_t c);
// ' and ’ (U+2019).
bool IsApostrophe(char32_t c);
// Marks that may close a sentence after its full stop: " ' ” ’ ) ] } » ›.
bool IsCloser(char32_t c);
// Marks that may open a sentence: " ' “ ‘ ( [ { « ‹ „.
bool IsOpener(char32_t c);

}  // namespace detente::text_internal

#endif  // DETENTE_TEXT_UTF8_H_
