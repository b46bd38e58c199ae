#include "detente/names.h"

#include <cstdint>
#include <string_view>

namespace detente {
namespace {

// ASCII base letters of U+00C0..U+024F and U+1E00..U+1EFF ("é" -> 'e'); '.'
// marks a code point that is not a letter (a separator), '*' one that folds
// to two letters (see TwoLetters). Generated from Unicode's canonical
// decompositions, plus the letters that have none (ø, ł, đ, ı, ħ, ə ...).
constexpr std::string_view kLatinFold =
    "aaaaaa*ceeeeiiiidnooooo.ouuuuy**aaaaaa*ceeeeiiiidnooooo.ouuuuy*y"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkkkllllll."
    ".llnnnnnn.nnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"
    "bb....occ.d...eeeffg...ikkl..nn.oo..pp......tttuu.vyyzz........."
    ".............aaiioouuuuuuuuuueaaaa..ggggkkoooo..j...gg..nnaa...."
    "aaaaeeeeiiiioooorrrruuuusstt..hh.d....aaeeooooooooyylntj..acclts"
    "z..bu.eejjqqrryy";
constexpr std::string_view kLatinAdditionalFold =
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm"
    "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv"
    "wwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee"
    "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";

const char* TwoLetters(char32_t c) {
  switch (c) {
    case 0xC6:
    case 0xE6:
      return "ae";
    case 0xDE:
    case 0xFE:
      return "th";
    case 0xDF:
      return "ss";
    default:
      return "oe";  // U+0152, U+0153
  }
}

// Decodes one UTF-8 code point at s[i]; an ill-formed byte gives
// 0xFFFFFFFF with *len 1.
char32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  unsigned char b = static_cast<unsigned char>(s[i]);
  *len = 1;
  if (b < 0x80) return b;
  int n = b >= 0xF8 ? -1 : b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
  if (n < 0 || i + n >= s.size()) return 0xFFFFFFFF;
  char32_t c = b & (0x3F >> n);
  for (int k = 1; k <= n; ++k) {
    unsigned char cb = static_cast<unsigned char>(s[i + k]);
    if ((cb & 0xC0) != 0x80) return 0xFFFFFFFF;
    c = (c << 6) | (cb & 0x3F);
  }
  *len = n + 1;
  return c;
}

bool IsApostrophe(char32_t c) {
  return c == '\'' || c == '`' || c == 0xB4 || c == 0x2018 || c == 0x2019 || c == 0x02BB ||
         c == 0x02BC;
}


}  // namespace

std::string FoldName(std::string_view name) {
  for (std::string_view s : {"'s", "\xE2\x80\x99s", "'S", "\xE2\x80\x99S"}) {
    if (name.size() > s.size() && name.substr(name.size() - s.size()) == s) {
      name.remove_suffix(s.size());
      break;
    }
  }
  std::string out;
  bool gap = false;  // a separator is pending
  auto put = [&](std::string_view piece) {
    if (gap && !out.empty()) out.push_back(' ');
    gap = false;
    out += piece;
  };
  for (size_t i = 0, len = 1; i < name.size(); i += len) {
    char32_t c = DecodeAt(name, i, &len);
    if (IsApostrophe(c)) continue;  // "Ma'ruf" == "Maruf"
    if (c < 0x80) {
      char a = static_cast<char>(c);
      if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
      if ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9')) {
        put(std::string_view(&a, 1));
      } else {
        gap = true;
      }
      continue;
    }
    char f = 0;
    if (c >= 0xC0 && c < 0xC0 + kLatinFold.size()) f = kLatinFold[c - 0xC0];
    if (c >= 0x1E00 && c < 0x1E00 + kLatinAdditionalFold.size()) {
      f = kLatinAdditionalFold[c - 0x1E00];
    }
    if (f == '*') {
      put(TwoLetters(c));
    } else if (f != 0 && f != '.') {
      put(std::string_view(&f, 1));
    } else if (f == '.' || c == 0xFFFFFFFF || c < 0xC0 || (c >= 0x2000 && c < 0x2070)) {
      gap = true;  // punctuation, spaces, dashes, symbols, a bad byte
    } else {
      put(name.substr(i, len));  // another script: kept as written
    }
  }
  return out;
}

namespace {

// The transliteration rules of NameKey on one folded word; `article` is true
// when another word follows it.
std::string KeyWord(std::string_view w, bool article) {
  if (article && (w == "el" || w == "al" || w == "ul")) return "al";
  std::string s(w);
  for (std::string_view end : {"iy", "yi", "ii", "yy", "ij"}) {
    if (s.size() > 3 && s.compare(s.size() - 2, 2, end) == 0) {
      s.replace(s.size() - 2, 2, "y");
      break;
    }
  }
  std::string out;
  for (char c : s) {
    if (out.empty() || out.back() != c || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

}  // namespace

std::string NameKey(std::string_view name) {
  const std::string folded = FoldName(name);
  std::string out;
  size_t b = 0;
  while (b < folded.size()) {
    size_t e = folded.find(' ', b);
    if (e == std::string::npos) e = folded.size();
    if (!out.empty()) out += ' ';
    out += KeyWord(std::string_view(folded).substr(b, e - b), e < folded.size());
    b = e + 1;
  }
  return out;
}

std::string SurnameKey(std::string_view name) {
  const std::string key = NameKey(name);
  const size_t space = key.rfind(' ');
  return space == std::string::npos ? std::string() : key.substr(space + 1);
}

}  // namespace detente
