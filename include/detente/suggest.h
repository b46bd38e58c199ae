// "Did you mean ...?": the nearest of a few known words to a mistyped one.
// Pure functions; thread-safe.
#ifndef DETENTE_SUGGEST_H_
#define DETENTE_SUGGEST_H_

#include <string>
#include <string_view>
#include <vector>

namespace detente {

// Edit distance between `a` and `b` in bytes: insertions, deletions,
// substitutions and swaps of adjacent bytes cost 1 each.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate nearest to `word` (case-insensitive), when it is near enough
// to be a typo: at most 2 edits, and at most half of the word's length;
// else "". Ties go to the first candidate.
std::string Nearest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace detente

#endif  // DETENTE_SUGGEST_H_
