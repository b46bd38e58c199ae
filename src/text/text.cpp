// Minimal first version; the text module owner replaces it.
#include "detente/text.h"

#include <cctype>

namespace detente {

bool IsValidUtf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = s[i];
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (!len || i + len > n) return false;
    for (int k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

std::string NormalizeText(std::string_view s) { return std::string(s); }

std::vector<SentenceSpan> SplitSentences(std::string_view text) {
  std::vector<SentenceSpan> out;
  size_t start = 0;
  auto push = [&](size_t b, size_t e) {
    while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
    if (e > b) out.push_back({b, e});
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if ((c == '.' || c == '?' || c == '!') &&
        (i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1])))) {
      push(start, i + 1);
      start = i + 1;
    }
  }
  push(start, text.size());
  return out;
}

std::vector<Token> Tokenize(std::string_view sentence) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < sentence.size()) {
    while (i < sentence.size() && std::isspace(static_cast<unsigned char>(sentence[i]))) ++i;
    size_t b = i;
    while (i < sentence.size() && !std::isspace(static_cast<unsigned char>(sentence[i]))) ++i;
    if (i > b) out.push_back({std::string(sentence.substr(b, i - b)), b, i});
  }
  return out;
}

}  // namespace detente
