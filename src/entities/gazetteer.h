// Gazetteer: the phrase lists under data/ (countries, demonyms, cities,
// regions, organisations and titles), loaded once and looked up by exact
// phrase. Private to detente_entities and the stages that use it (extract,
// geo); data/README.md describes the file formats.
//
// Phrases are matched on their tokens (detente::Tokenize) joined by single
// spaces, with ’ read as ', so "People's Republic of China", "People 's
// Republic of China" and "People’s Republic of China" are the same key. Acronyms written in capitals only ("US", "UN", "WHO")
// match only as written, so "us" and sentence-initial "Who" never do; other
// names also match case-insensitively when the phrase has a capital letter
// ("UNITED NATIONS", "Security council"), but an all-lower-case phrase
// ("jordan", "turkey") matches only a name written that way.
//
// Thread safety: a loaded Gazetteer is immutable; all const methods may be
// called concurrently. Copies and moves are safe (lookups hold indices).
#ifndef DETENTE_ENTITIES_GAZETTEER_H_
#define DETENTE_ENTITIES_GAZETTEER_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detente/status.h"
#include "detente/types.h"

namespace detente {

struct GazEntry {
  std::string name;     // canonical name: "United States", "Baku", "Hamas"
  // country, city, region, organization, armed_group, institution, party, company
  EntityKind kind = EntityKind::kUnknown;
  std::string country;  // ISO 3166-1 alpha-3, or empty (international bodies,
                        // regions spanning several states)
  bool capital = false;  // cities only: capital of a state or dependent territory
  std::string stands_for;  // cities only: the body of no one state seated there
                           // that news names by the city ("Brussels" -> European Union)
};

class Gazetteer {
 public:
  // Loads countries.tsv, demonyms.tsv, cities.tsv, regions.tsv,
  // organizations.tsv and titles.tsv from `dir`. Returns kIOError
  // "<path>: cannot read" for a missing file and kIOError "<path>:<line>:
  // <problem>" for a malformed line (wrong column count, bad ISO code, bad
  // kind, invalid UTF-8).
  static Result<Gazetteer> Load(const std::string& dir);

  // Finds the data directory: `override_dir` if not empty, else $DETENTE_DATA
  // if set, else DETENTE_SOURCE_DIR "/data" if it exists, else
  // DETENTE_DATA_INSTALL_DIR "/data". Returns kIOError when the chosen
  // directory has no countries.tsv.
  static Result<std::string> FindDataDir(const std::string& override_dir);

  // The canonical entry for a name or alias of a country, organisation, city
  // or region (tried in that order when a phrase is listed twice), or nullptr.
  // The pointer stays valid as long as this Gazetteer.
  const GazEntry* Find(std::string_view phrase) const;

  // The country entry for a demonym ("Egyptian", "Egyptians", "South
  // Korean", "U.S." as a modifier), or nullptr.
  const GazEntry* Demonym(std::string_view word) const;

  // Whether `phrase` is a person title or role ("Secretary of State",
  // "president", "Gen."), case-insensitively.
  bool IsTitle(std::string_view phrase) const;
  // The title's role (head_of_state, head_of_government, minister, military,
  // diplomat, legislator, official, royal, religious, honorific), or empty
  // when `phrase` is not a title or has no role.
  std::string TitleRole(std::string_view phrase) const;


  // The largest number of tokens in any phrase above; callers scanning for
  // the longest match need not look further.
  int max_tokens() const { return max_tokens_; }

  // Every canonical entry (countries, organisations, cities, regions).
  const std::vector<GazEntry>& entries() const { return entries_; }

 private:
  struct Index {
    std::unordered_map<std::string, int> exact;  // token key -> value
    std::unordered_map<std::string, int> folded;  // lower-cased key -> value
  };
  // Adds `phrase` -> `value` unless the phrase is already there (first wins).
  void Add(Index* index, std::string_view phrase, int value);
  // Looks `phrase` up in `index`; -1 when absent. `fold_always` ignores case
  // even for all-lower-case phrases (titles, lemmas).
  int Lookup(const Index& index, std::string_view phrase, bool fold_always) const;

  std::vector<GazEntry> entries_;
  Index names_;                   // -> entries_
  Index demonyms_;                // -> entries_ (the country)
  Index titles_;                  // -> title_roles_
  std::vector<std::string> title_roles_;
  int max_tokens_ = 1;
};

}  // namespace detente

#endif  // DETENTE_ENTITIES_GAZETTEER_H_
