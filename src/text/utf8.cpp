#include "text/utf8.h"

namespace detente::text_internal {

namespace {
bool Cont(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

char32_t Decode(std::string_view s, size_t i, size_t* len) {
  *len = 1;
  const size_t n = s.size();
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return c;
  auto at = [&](size_t k) -> unsigned char {
    return i + k < n ? static_cast<unsigned char>(s[i + k]) : 0;
  };
  if (c >= 0xC2 && c <= 0xDF) {
    if (!Cont(at(1))) return kInvalid;
    *len = 2;
    return (char32_t(c & 0x1F) << 6) | (at(1) & 0x3F);
  }
  if (c >= 0xE0 && c <= 0xEF) {
    unsigned char c1 = at(1);
    // Second-byte ranges exclude overlongs (E0) and surrogates (ED).
    unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : 0xBF;
    if (c1 < lo || c1 > hi || !Cont(at(2))) return kInvalid;
    *len = 3;
    return (char32_t(c & 0x0F) << 12) | (char32_t(c1 & 0x3F) << 6) | (at(2) & 0x3F);
  }
  if (c >= 0xF0 && c <= 0xF4) {
    unsigned char c1 = at(1);
    // Excludes overlongs (F0) and code points above U+10FFFF (F4).
    unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
    if (c1 < lo || c1 > hi || !Cont(at(2)) || !Cont(at(3))) return kInvalid;
    *len = 4;
    return (char32_t(c & 0x07) << 18) | (char32_t(c1 & 0x3F) << 12) |
           (char32_t(at(2) & 0x3F) << 6) | (at(3) & 0x3F);
  }
  return kInvalid;
}

char32_t DecodeBefore(std::string_view s, size_t i, size_t* len) {
  // Walk back over at most three continuation bytes to a lead byte, then
  // check that the sequence decoded from there ends exactly at i.
  size_t b = i - 1;
  for (int k = 0; k < 3 && b > 0 && Cont(static_cast<unsigned char>(s[b])); ++k) --b;
  size_t l = 0;
  char32_t c = Decode(s, b, &l);
  if (c != kInvalid && b + l == i) {
    *len = l;
    return c;
  }
  *len = 1;
  return kInvalid;
}

bool IsSpace(char32_t c) {
  switch (c) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case 0x00A0: case 0x1680: case 0x2028: case 0x2029: case 0x202F:
    case 0x205F: case 0x3000: case 0x200B: case 0xFEFF:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x137) return c & 1;
  if (c >= 0x139 && c <= 0x148) return !(c & 1);
  if (c >= 0x14A && c <= 0x177) return c & 1;
  if (c >= 0x179 && c <= 0x17E) return !(c & 1);
  if (c >= 0x3AC && c <= 0x3CE) return true;
  if (c >= 0x430 && c <= 0x45F) return true;
  return false;
}

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17E) return c != 0x138 && c != 0x149 && !IsLower(c);
  if (c >= 0x386 && c <= 0x3AB) return true;
  if (c >= 0x400 && c <= 0x42F) return true;
  return false;
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '_';
  }
  if (c == kInvalid) return true;
  if (IsSpace(c)) return false;
  if (c >= 0x80 && c <= 0xBF) return c == 0xAA || c == 0xB5 || c == 0xBA;  // ª µ º
  if (c == 0xD7 || c == 0xF7) return false;                                  // × ÷
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xFF01 && c <= 0xFF0F) return false;  // fullwidth punctuation
  return true;
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

bool IsCloser(char32_t c) {
  switch (c) {
    case '"': case '\'': case ')': case ']': case '}':
    case 0x201D: case 0x2019: case 0x00BB: case 0x203A:
      return true;
    default:
      return false;
  }
}

bool IsOpener(char32_t c) {
  switch (c) {
    case '"': case '\'': case '(': case '[': case '{':
    case 0x201C: case 0x2018: case 0x00AB: case 0x2039: case 0x201E:
      return true;
    default:
      return false;
  }
}

}  // namespace detente::text_internal
