#include "detente/suggest.h"

#include <algorithm>
#include <cctype>

namespace detente {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b) {
  // Optimal string alignment: insertions, deletions, substitutions and swaps
  // of two adjacent characters ("hlep" -> "help") cost one each.
  const size_t n = a.size(), m = b.size();
  std::vector<size_t> d((n + 1) * (m + 1));
  auto at = [&](size_t i, size_t j) -> size_t& { return d[i * (m + 1) + j]; };
  for (size_t i = 0; i <= n; ++i) at(i, 0) = i;
  for (size_t j = 0; j <= m; ++j) at(0, j) = j;
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
      }
    }
  }
  return at(n, m);
}

std::string Nearest(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string w = Lower(word);
  std::string best;
  size_t best_distance = 3;  // more than 2 edits is not a typo
  for (const std::string& c : candidates) {
    const size_t d = EditDistance(w, Lower(c));
    if (d < best_distance && 2 * d < std::max<size_t>(w.size(), 2) + 1) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace detente
