#include "detente/escape.h"

#include <fmt/format.h>

#include <utility>

namespace detente {
namespace {

// The code point of the well-formed UTF-8 sequence at s[i] and its length,
// or a length of 0 when it is ill-formed.
std::pair<char32_t, size_t> Decode(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return {c, 1};
  const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (len == 0 || c > 0xF4 || i + len > s.size()) return {0, 0};
  char32_t cp = c & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return {0, 0};
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
  return {cp, len};
}

bool IsControl(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

// Code points that change how a terminal shows the rest of the line: C1
// controls, bidirectional marks and overrides, line and paragraph separators.
bool Disruptive(char32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string EscapeControls(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c == '\t') {
        out += "\\t";
      } else if (c < 0x20 || c == 0x7F) {
        out += fmt::format("\\x{:02x}", c);
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    auto [cp, len] = Decode(s, i);
    if (len == 0) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
    } else {
      if (Disruptive(cp)) {
        out += fmt::format("\\u{:04x}", static_cast<uint32_t>(cp));
      } else {
        out.append(s.substr(i, len));
      }
      i += len;
    }
  }
  return out;
}

std::optional<char32_t> FirstControl(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto [cp, len] = Decode(s, i);
    if (len == 0) {
      ++i;
      continue;
    }
    if (IsControl(cp)) return cp;
    i += len;
  }
  return std::nullopt;
}

}  // namespace detente
