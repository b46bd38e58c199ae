// The search index of `detente serve`: every name and alias of every entity,
// folded (ASCII case, Latin accents), for prefix search. Private to the
// serve module.
//
// Thread safety: a SearchIndex is immutable once built; Find may be called
// from many threads at once.
#ifndef DETENTE_SERVE_SEARCH_H_
#define DETENTE_SERVE_SEARCH_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace detente::serve {

// `s` lower-cased (ASCII and Latin-1/Latin Extended-A letters), with the
// accents of Latin letters dropped ("Zürich" -> "zurich", "Œuvre" ->
// "oeuvre"); other characters are kept as they are.
std::string Fold(std::string_view s);

struct SearchHit {
  uint32_t vertex = 0;
  // 0: a name or alias equal to the query; 1: one that starts with it; 2:
  // a word inside one starts with it ("sissi" in "Abdel Fattah el-Sissi").
  int match = 0;
  uint32_t name = 0;  // which name matched: an index for SearchIndex::name()
};

class SearchIndex {
 public:
  // Adds a name of `vertex`. Call Finish() once all are added.
  void Add(uint32_t vertex, std::string_view name);
  void Finish();

  // The best `limit` vertices whose names start with the folded `query`,
  // best match first, then by `rank` (higher first: e.g. events), then by
  // vertex. At most `max_scan` index entries are read, so a one-letter
  // query stays cheap.
  std::vector<SearchHit> Find(std::string_view query, size_t limit,
                              const std::vector<uint32_t>& rank, size_t max_scan = 200000) const;

  const std::string& name(uint32_t i) const { return names_[i]; }
  size_t size() const { return keys_.size(); }

 private:
  struct Key {
    std::string folded;  // from a word start to the end of the name
    uint32_t vertex;
    uint32_t name;
    bool word;  // starts inside the name
  };
  std::vector<std::string> names_;
  std::vector<Key> keys_;
};

}  // namespace detente::serve

#endif  // DETENTE_SERVE_SEARCH_H_
