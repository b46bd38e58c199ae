#include "serve/search.h"

#include <algorithm>
#include <unordered_map>

namespace detente::serve {
namespace {

// The base letters of U+00C0..U+017F, lower case; '*' where a letter folds to
// two ("ae", "ss", ...) and ' ' where it is not a letter (× ÷).
constexpr std::string_view kLatin1 =
    "aaaaaa*ceeeeiiiidnooooo ouuuuy**"   // U+00C0..U+00DF
    "aaaaaa*ceeeeiiiidnooooo ouuuuy*y";  // U+00E0..U+00FF
static_assert(kLatin1.size() == 64);
constexpr std::string_view kLatinExtA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkklllllllllln"
    "nnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatinExtA.size() == 128);

std::string_view Expand(uint32_t cp) {
  switch (cp) {
    case 0xC6:
    case 0xE6:
      return "ae";
    case 0xDE:
    case 0xFE:
      return "th";
    case 0xDF:
      return "ss";
    case 0x132:
    case 0x133:
      return "ij";
    case 0x152:
    case 0x153:
      return "oe";
    default:
      return {};
  }
}

bool IsWordChar(unsigned char c) {
  return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

}  // namespace

std::string Fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
      continue;
    }
    // Two-byte sequences of U+00C0..U+017F: C3 80..C5 BF.
    if (i + 1 < s.size() && c >= 0xC3 && c <= 0xC5) {
      unsigned char c2 = static_cast<unsigned char>(s[i + 1]);
      if ((c2 & 0xC0) == 0x80) {
        uint32_t cp = ((c & 0x1Fu) << 6) | (c2 & 0x3Fu);
        char base = cp < 0x100 ? kLatin1[cp - 0xC0] : kLatinExtA[cp - 0x100];
        if (base == '*') {
          out += Expand(cp);
          ++i;
          continue;
        }
        if (base != ' ') {
          out.push_back(base);
          ++i;
          continue;
        }
      }
    }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

void SearchIndex::Add(uint32_t vertex, std::string_view name) {
  std::string folded = Fold(name);
  if (folded.empty()) return;
  const uint32_t id = static_cast<uint32_t>(names_.size());
  names_.emplace_back(name);
  for (size_t i = 0; i < folded.size(); ++i) {
    const bool start = i == 0 || (!IsWordChar(static_cast<unsigned char>(folded[i - 1])) &&
                                  IsWordChar(static_cast<unsigned char>(folded[i])));
    if (start) keys_.push_back({folded.substr(i), vertex, id, i != 0});
  }
}

void SearchIndex::Finish() {
  std::sort(keys_.begin(), keys_.end(), [](const Key& a, const Key& b) {
    if (a.folded != b.folded) return a.folded < b.folded;
    if (a.word != b.word) return !a.word;
    return a.vertex < b.vertex;
  });
}

std::vector<SearchHit> SearchIndex::Find(std::string_view query, size_t limit,
                                         const std::vector<uint32_t>& rank, size_t max_scan) const {
  const std::string q = Fold(query);
  std::vector<SearchHit> hits;
  if (q.empty() || limit == 0) return hits;
  // The best match of each vertex.
  std::unordered_map<uint32_t, size_t> at;
  auto it = std::lower_bound(keys_.begin(), keys_.end(), q,
                             [](const Key& k, const std::string& v) { return k.folded < v; });
  for (size_t scanned = 0; it != keys_.end() && scanned < max_scan; ++it, ++scanned) {
    if (it->folded.compare(0, q.size(), q) != 0) break;
    const int match = it->word ? 2 : it->folded.size() == q.size() ? 0 : 1;
    auto [pos, added] = at.emplace(it->vertex, hits.size());
    if (added) {
      hits.push_back({it->vertex, match, it->name});
    } else if (match < hits[pos->second].match ||
               (match == hits[pos->second].match &&
                names_[it->name].size() < names_[hits[pos->second].name].size())) {
      hits[pos->second].match = match;
      hits[pos->second].name = it->name;
    }
  }
  auto better = [&](const SearchHit& a, const SearchHit& b) {
    if (a.match != b.match) return a.match < b.match;
    uint32_t ra = a.vertex < rank.size() ? rank[a.vertex] : 0;
    uint32_t rb = b.vertex < rank.size() ? rank[b.vertex] : 0;
    if (ra != rb) return ra > rb;
    return a.vertex < b.vertex;
  };
  if (hits.size() > limit) {
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(limit), hits.end(),
                      better);
    hits.resize(limit);
  } else {
    std::sort(hits.begin(), hits.end(), better);
  }
  return hits;
}

}  // namespace detente::serve
