// Normalisation, sentence splitting and tokenisation of news English.
//
// Everything here is a hand-written scanner over UTF-8 bytes: no regular
// expressions, no allocation beyond the output vectors, and no input that
// can make it read out of bounds (invalid bytes are one-byte "letters").
#include "detente/text.h"

#include <algorithm>
#include <array>

#include "text/utf8.h"

namespace detente {

using text_internal::Decode;
using text_internal::DecodeBefore;
using text_internal::IsApostrophe;
using text_internal::IsCloser;
using text_internal::IsDigit;
using text_internal::IsLower;
using text_internal::IsOpener;
using text_internal::IsSpace;
using text_internal::IsUpper;
using text_internal::IsWordChar;
using text_internal::kInvalid;

namespace {

// Abbreviations (without their stop) that are practically never the last
// word of a sentence: titles before names, months before days.
constexpr std::array<std::string_view, 52> kNeverFinal = {
    "Adm",  "Amb",  "Apr",   "Aug",  "Brig", "Capt", "Cdr",   "Cmdr",  "Col",  "Cpl",  "Dec",
    "Det",  "Dr",   "Feb",   "Fr",   "Gen",  "Gov",  "Hon",   "Insp",  "Jan",  "Jul",  "Jun",
    "Lt",   "Maj",  "Mar",   "Messrs", "Mr", "Mrs",  "Ms",    "Msgr",  "Mt",   "Nov",  "Oct",
    "Pres", "Prof", "Pvt",   "Rep",  "Reps", "Rev",  "Sen",   "Sens",  "Sep",  "Sept", "Sgt",
    "Supt", "Ft",   "approx", "cf",  "vs",   "v",    "Atty",  "Gens",
};

// Abbreviations that may end a sentence as well as sit inside one; the
// splitter breaks after them only before a typical sentence opener.
constexpr std::array<std::string_view, 22> kMaybeFinal = {
    "Inc", "Corp", "Ltd", "Co",  "Jr",  "Sr",  "etc", "al",   "Bros", "Ave", "St",
    "Blvd", "Rd",  "Dept", "Univ", "Assn", "Intl", "Govt", "Est", "Pte",  "Plc", "Cos",
};

// Words that open a new sentence after an ambiguous stop ("in the U.S. The").
constexpr std::array<std::string_view, 74> kOpeners = {
    "A",         "After",   "Also",    "Although", "An",       "And",     "Another", "As",
    "At",        "Before",  "Both",    "But",      "By",       "Despite", "During",  "Earlier",
    "Each",      "Even",    "For",     "From",     "He",       "Her",     "Here",    "His",
    "How",       "However", "I",       "If",       "In",       "It",      "Its",     "Last",
    "Later",     "Many",    "Meanwhile", "More",   "Most",     "No",      "Not",     "Now",
    "On",        "One",     "Only",    "Other",    "Our",      "Over",    "Several", "She",
    "Since",     "So",      "Some",    "Still",    "Such",     "That",    "The",     "Their",
    "Then",      "There",   "These",   "They",     "This",     "Those",   "Though",  "Thus",
    "Under",     "Until",   "We",      "What",     "When",     "Where",   "While",   "Who",
    "Why",       "With",
};

// Speech verbs that continue a sentence after a quoted question or
// exclamation: "Why now?" she asked.
constexpr std::array<std::string_view, 14> kSpeechVerbs = {
    "said", "says", "asked", "asks", "told", "added", "wrote", "replied",
    "shouted", "insisted", "noted", "tweeted", "posted", "cried",
};

// Lower-case words after which a line break does not end a sentence.
constexpr std::array<std::string_view, 20> kContinuationWords = {
    "a",  "an",   "and", "as",   "at",   "by", "for",  "from", "in",   "into",
    "of", "on",   "or",  "the",  "to",   "with", "that", "than", "but", "nor",
};

template <size_t N>
bool In(const std::array<std::string_view, N>& set, std::string_view w) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// "U.S", "a.m", "Ph.D", "U.S.A": letters in runs of one or two, joined by
// single dots, at least one dot.
bool IsDottedAcronym(std::string_view w) {
  if (w.find('.') == std::string_view::npos) return false;
  size_t run = 0;
  for (char c : w) {
    if (c == '.') {
      if (run == 0) return false;
      run = 0;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      if (++run > 2) return false;
    } else {
      return false;
    }
  }
  return run > 0;
}

bool IsSingleCapital(std::string_view w) { return w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z'; }

// Returns the start of the next word after position `i`, skipping spaces
// and opening punctuation, and whether an opener was skipped.
size_t NextWordStart(std::string_view t, size_t i, bool* saw_opener) {
  *saw_opener = false;
  while (i < t.size()) {
    size_t l = 0;
    char32_t c = Decode(t, i, &l);
    if (IsSpace(c)) {
      i += l;
    } else if (IsOpener(c) || c == 0x2014 || c == 0x2013) {
      *saw_opener = *saw_opener || IsOpener(c);
      i += l;
    } else {
      break;
    }
  }
  return i;
}

// The run of word characters (plus inner apostrophes, hyphens and dots)
// starting at `i`.
std::string_view WordAt(std::string_view t, size_t i) {
  size_t j = i;
  while (j < t.size()) {
    size_t l = 0;
    char32_t c = Decode(t, j, &l);
    if (IsWordChar(c) || c == '-' || IsApostrophe(c)) {
      j += l;
    } else {
      break;
    }
  }
  return t.substr(i, j - i);
}

// The word that ends just before the stop at `p` (without leading openers).
std::string_view WordBefore(std::string_view t, size_t start, size_t p) {
  size_t b = p;
  while (b > start && !IsAsciiSpace(t[b - 1])) --b;
  // Strip leading opening punctuation: "(Gen." -> "Gen".
  while (b < p) {
    size_t l = 0;
    char32_t c = Decode(t, b, &l);
    if (!IsOpener(c) && c != 0x2014 && c != 0x2013) break;
    b += l;
  }
  return t.substr(b, p - b);
}

// After a quoted "?" or "!": does a speech verb follow within four words?
bool SpeechVerbFollows(std::string_view t, size_t i) {
  for (int words = 0; words < 4 && i < t.size(); ++words) {
    while (i < t.size() && IsAsciiSpace(t[i])) ++i;
    std::string_view w = WordAt(t, i);
    if (w.empty()) return false;
    if (In(kSpeechVerbs, w)) return true;
    i += w.size();
  }
  return false;
}

// Decides whether the terminal punctuation run [p, pe), followed by closers
// up to k (k is at the end or at whitespace), ends a sentence.
bool IsBoundary(std::string_view t, size_t start, size_t p, size_t pe, size_t k) {
  if (k >= t.size()) return true;
  // A line break right after the stop always ends the sentence.
  size_t s = k;
  while (s < t.size() && (t[s] == ' ' || t[s] == '\t')) ++s;
  if (s >= t.size() || t[s] == '\n' || t[s] == '\r') return true;

  bool saw_opener = false;
  size_t w = NextWordStart(t, k, &saw_opener);
  if (w >= t.size()) return true;
  size_t l = 0;
  char32_t next = Decode(t, w, &l);
  if (IsLower(next)) return false;  // "etc. and", "Why?" he asked

  bool closed = k > pe;
  bool question = false, dots = 0;
  for (size_t i = p; i < pe;) {
    char32_t c = Decode(t, i, &l);
    if (c == '?' || c == '!') question = true;
    if (c == '.' || c == 0x2026) dots = dots || (c == 0x2026 || i > p);
    i += l;
  }
  if (question) return !(closed && SpeechVerbFollows(t, w));
  if (dots || closed) return true;  // ellipsis, or `."` before a capital

  std::string_view before = WordBefore(t, start, p);
  if (before.empty()) return true;
  if (before == "No" || before == "Nos" || before == "Art" || before == "p" || before == "pp" ||
      before == "Vol" || before == "vol")
    return !IsDigit(next);  // "No. 10", "p. 55"
  if (In(kNeverFinal, before)) return false;
  if (In(kMaybeFinal, before) || IsDottedAcronym(before) || IsSingleCapital(before)) {
    return saw_opener || In(kOpeners, WordAt(t, w));
  }
  return true;
}

bool IsTerminal(char32_t c) { return c == '.' || c == '?' || c == '!' || c == 0x2026; }

// Whether the paragraph starting at `b` (up to the next blank line) is
// hard-wrapped prose: at least three lines, most of them (the last aside)
// ending without terminal punctuation, and some line continuing in lower
// case. Sets *end to the end of the paragraph.
bool IsWrappedParagraph(std::string_view t, size_t b, size_t* end) {
  const size_t n = t.size();
  int lines = 0, open = 0;
  bool lower_start = false, last_open = false;
  size_t i = b;
  while (i < n) {
    size_t e = i;
    while (e < n && t[e] != '\n' && t[e] != '\r') ++e;
    size_t f = i, l = e;
    while (f < l && IsAsciiSpace(t[f])) ++f;
    while (l > f && IsAsciiSpace(t[l - 1])) --l;
    if (f == l) break;  // a blank line ends the paragraph
    ++lines;
    size_t len = 0;
    if (lines > 1 && IsLower(Decode(t, f, &len))) lower_start = true;
    last_open = false;
    for (size_t k = l; k > f; k -= len) {
      char32_t c = DecodeBefore(t, k, &len);
      if (!IsCloser(c)) {
        last_open = !IsTerminal(c) && c != ':';
        break;
      }
    }
    open += last_open ? 1 : 0;
    i = e;
    if (i < n && t[i] == '\r') ++i;
    if (i < n && t[i] == '\n') ++i;
  }
  *end = i;
  // The last line is left out of the majority test.
  int open_nonlast = open - (last_open ? 1 : 0);
  return lines >= 3 && lower_start && open_nonlast * 2 > lines - 1;
}

// Called at a single line break (no blank line): does the line before it end
// a sentence? Lines without final punctuation are headlines unless the text
// plainly continues (trailing comma or article, next line in lower case).
bool LineBreakEnds(std::string_view t, size_t start, size_t nl, size_t next) {
  size_t e = nl;
  while (e > start && IsAsciiSpace(t[e - 1])) --e;
  if (e == start || next >= t.size()) return true;
  char last = t[e - 1];
  if (last == ',' || last == ';' || last == ':' || last == '-' || last == '(' || last == '/') {
    return false;
  }
  size_t l = 0;
  char32_t before = DecodeBefore(t, e, &l);
  if (before == 0x2014 || before == 0x2013 || before == 0x201C) return false;
  if (IsLower(Decode(t, next, &l))) return false;
  size_t b = e;
  while (b > start && !IsAsciiSpace(t[b - 1])) --b;
  return !In(kContinuationWords, t.substr(b, e - b));
}


// Should the stop right after `word` stay attached to it ("Gen.", "U.S.")?
// `after` is the text after the stop.
bool KeepsStop(std::string_view word, std::string_view after) {
  if (word == "No" || word == "Nos" || word == "Art") {
    size_t i = 0;
    while (i < after.size() && after[i] == ' ') ++i;
    return i > 0 && i < after.size() && IsDigit(static_cast<unsigned char>(after[i]));
  }
  return In(kNeverFinal, word) || In(kMaybeFinal, word) || IsDottedAcronym(word) ||
         IsSingleCapital(word);
}

// Lower-cased ASCII comparison of the end of `w` with `suffix`.
bool EndsWithNoCase(std::string_view w, std::string_view suffix) {
  if (w.size() < suffix.size()) return false;
  std::string_view tail = w.substr(w.size() - suffix.size());
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = tail[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

// Where a clitic starts inside the word [0, w.size()): "n't", "'s", "’s",
// "'re", "'ve", "'ll", "'d", "'m". Returns w.size() when there is none.
size_t CliticStart(std::string_view w) {
  static constexpr std::string_view kApos[] = {"'", "\xE2\x80\x99"};
  for (std::string_view a : kApos) {
    // n't: "didn't" -> "did" + "n't"; needs at least one letter before the n.
    std::string nt = std::string("n") + std::string(a) + "t";
    if (w.size() > nt.size() && EndsWithNoCase(w, nt)) return w.size() - nt.size();
    for (std::string_view s : {"s", "re", "ve", "ll", "d", "m"}) {
      std::string clitic = std::string(a) + std::string(s);
      if (w.size() > clitic.size() && EndsWithNoCase(w, clitic)) {
        return w.size() - clitic.size();
      }
    }
  }
  return w.size();
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t l = 0;
    if (Decode(s, i, &l) == kInvalid) return false;
    i += l;
  }
  return true;
}

std::string NormalizeText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto space = [&] {
    if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
  };
  auto newline = [&] {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out.push_back('\n');
  };
  for (size_t i = 0; i < s.size();) {
    size_t l = 0;
    char32_t c = Decode(s, i, &l);
    if (c == '\r') {
      newline();
      if (i + 1 < s.size() && s[i + 1] == '\n') ++l;
    } else if (c == '\n' || c == 0x85 || c == 0x2028) {
      newline();
    } else if (c == 0x2029) {
      newline();
      newline();
    } else if (c == 0xFEFF || c == 0x200B || c == 0x00AD || c == 0x2060) {
      // BOM, zero-width space, soft hyphen, word joiner: invisible, dropped.
    } else if (c == kInvalid || c < 0x20 || (c >= 0x7F && c <= 0x9F) || IsSpace(c)) {
      space();
    } else {
      out.append(s.substr(i, l));
    }
    i += l;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<SentenceSpan> SplitSentences(std::string_view t) {
  std::vector<SentenceSpan> out;
  auto emit = [&](size_t b, size_t e) {
    while (b < e && IsAsciiSpace(t[b])) ++b;
    while (e > b && IsAsciiSpace(t[e - 1])) --e;
    if (e > b) out.push_back({b, e});
  };
  const size_t n = t.size();
  size_t start = 0;
  size_t para_start = 0, para_end = 0;  // the paragraph `wrapped` describes
  bool wrapped = false;
  for (size_t i = 0; i < n;) {
    if (t[i] == '\n' || t[i] == '\r') {
      // One line break is "\n", "\r\n" or "\r"; two or more make a blank line.
      auto break_len = [&](size_t m) { return t[m] == '\r' && m + 1 < n && t[m + 1] == '\n' ? 2 : 1; };
      size_t j = i + break_len(i);
      bool blank = false;
      for (size_t m = j; m < n;) {
        if (t[m] == '\n' || t[m] == '\r') {
          blank = true;
          m += break_len(m);
          j = m;
        } else if (t[m] == ' ' || t[m] == '\t') {
          ++m;
        } else {
          break;
        }
      }
      while (j < n && (t[j] == ' ' || t[j] == '\t')) ++j;
      if (!blank && i >= para_end) wrapped = IsWrappedParagraph(t, para_start, &para_end);
      if (blank || (!wrapped && LineBreakEnds(t, start, i, j))) {
        emit(start, i);
        start = j;
      }
      if (blank) para_start = para_end = j;
      i = j;
      continue;
    }
    size_t l = 0;
    char32_t c = Decode(t, i, &l);
    if (!IsTerminal(c)) {
      i += l;
      continue;
    }
    size_t pe = i;
    while (pe < n) {
      char32_t d = Decode(t, pe, &l);
      if (!IsTerminal(d)) break;
      pe += l;
    }
    size_t k = pe;
    while (k < n) {
      char32_t d = Decode(t, k, &l);
      if (!IsCloser(d)) break;
      k += l;
    }
    if (k < n && !IsAsciiSpace(t[k])) {  // "3.5", "U.S.-led", "?!x"
      i = k;
      continue;
    }
    if (IsBoundary(t, start, i, pe, k)) {
      emit(start, k);
      start = k;
    }
    i = k;
  }
  emit(start, n);
  return out;
}

std::vector<Token> Tokenize(std::string_view t) {
  std::vector<Token> out;
  const size_t n = t.size();
  auto push = [&](size_t b, size_t e) {
    if (e > b) out.push_back({std::string(t.substr(b, e - b)), b, e});
  };
  auto cp = [&](size_t i) -> char32_t {
    size_t l = 0;
    return i < n ? Decode(t, i, &l) : kInvalid;
  };
  auto cp_before = [&](size_t i) -> char32_t {
    size_t l = 0;
    return i > 0 ? DecodeBefore(t, i, &l) : kInvalid;
  };
  auto is_alnum_ascii = [](char32_t c) {
    return c < 0x80 && IsWordChar(c);
  };
  auto is_letter = [](char32_t c) {
    return c != kInvalid && IsWordChar(c) && !IsDigit(c) && c != '_';
  };

  for (size_t i = 0; i < n;) {
    size_t l = 0;
    char32_t c = Decode(t, i, &l);
    if (IsSpace(c)) {
      i += l;
      continue;
    }
    if (IsWordChar(c)) {
      size_t j = i + l;
      while (j < n) {
        char32_t d = Decode(t, j, &l);
        if (IsWordChar(d)) {
          j += l;
          continue;
        }
        char32_t prev = cp_before(j);
        char32_t next = cp(j + l);
        bool join = false;
        if (d == '.') {
          join = is_alnum_ascii(prev) && is_alnum_ascii(next);  // 3.5, U.S, a.m
        } else if (d == ',') {
          // 10,000: a digit, then exactly three digits.
          join = IsDigit(prev) && j + 4 <= n && IsDigit(cp(j + 1)) && IsDigit(cp(j + 2)) &&
                 IsDigit(cp(j + 3)) && !IsDigit(cp(j + 4));
        } else if (d == '-' || d == 0x2010 || d == 0x2011) {
          join = IsWordChar(prev) && IsWordChar(next) && next != kInvalid;
        } else if (d == ':') {
          join = IsDigit(prev) && IsDigit(next);  // 10:30
        } else if (d == '&' || d == '/') {
          join = is_alnum_ascii(prev) && is_alnum_ascii(next);  // AT&T, 24/7
        } else if (IsApostrophe(d)) {
          join = is_letter(next);  // O'Brien, didn't, Israel's (split below)
        }
        if (!join) break;
        j += l;
      }
      std::string_view word = t.substr(i, j - i);
      if (j < n && t[j] == '.' && !(j + 1 < n && t[j + 1] == '.') &&
          KeepsStop(word, t.substr(j + 1))) {
        push(i, j + 1);
        i = j + 1;
        continue;
      }
      size_t c0 = CliticStart(word);
      push(i, i + c0);
      push(i + c0, j);
      i = j;
      continue;
    }
    // A clitic already split off by a tokenizer upstream ("People 's") is
    // one token, as it would have been attached to its word.
    if (IsApostrophe(c)) {
      size_t j = i + l;
      while (j < n && ((t[j] >= 'a' && t[j] <= 'z') || (t[j] >= 'A' && t[j] <= 'Z'))) ++j;
      std::string_view rest = t.substr(i + l, j - i - l);
      bool clitic = false;
      for (std::string_view s : {"s", "S", "re", "ve", "ll", "d", "m"}) clitic |= rest == s;
      if (clitic && (j == n || !IsWordChar(cp(j)))) {
        push(i, j);
        i = j;
        continue;
      }
    }
    // Punctuation: runs of dots ("...") and hyphens ("--") stay together,
    // anything else is one code point per token.
    size_t j = i + l;
    if (c == '.' || c == '-') {
      while (j < n && t[j] == static_cast<char>(c)) ++j;
    }
    push(i, j);
    i = j;
  }
  return out;
}

}  // namespace detente
