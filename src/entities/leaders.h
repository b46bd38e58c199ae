// Leaders: the people in data/leaders.tsv (heads of state and government,
// ministers, heads of international organisations, armed-group leaders),
// each with the terms of office they held, looked up by a name as written in
// a document and the story's date. Private to the entities library;
// data/README.md describes the file.
//
// Names are compared folded: case, accents and diacritics ("Erdoğan" ==
// "Erdogan"), apostrophes ("Ma'ruf" == "Maruf") and separators ("Kim
// Jong-un" == "Kim Jong Un", "Joseph R. Biden" == "Joseph R Biden") do not
// matter, and a final possessive "'s" is dropped. Every name and alias of a
// person is a key; a key held by one person resolves to that person, and a key
// held by several (a shared surname: "Sharif", "Kim", "Assad") resolves only
// when the story's date falls in a term of exactly one of them. A name that is
// not a key gives nothing: no partial or fuzzy match.
//
// Thread safety: a loaded Leaders is immutable; all const methods may be
// called concurrently. Copies and moves are safe (the index holds positions);
// a returned pointer points into the object that returned it, and a move keeps
// it valid.
#ifndef DETENTE_ENTITIES_LEADERS_H_
#define DETENTE_ENTITIES_LEADERS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detente/status.h"
#include "detente/types.h"

namespace detente {

// One office held for one span of time.
struct LeaderTerm {
  std::string country;       // ISO 3166-1 alpha-3; empty for an international body
  Role role = Role::kNone;   // CAMEO agent: GOV, MIL, IGO, JUD, OPP, REB, INS, SEP, CRM, NGO
  std::string office;        // head_of_state, head_of_government, foreign_minister ...
  std::string organization;  // the body led (organizations.tsv name), or empty
  std::string from;          // as written: yyyy, yyyy-mm or yyyy-mm-dd
  std::string to;            // as written; empty while the term runs
  int first_day = 0;         // from as yyyymmdd, its earliest reading
  int last_day = 0;          // to as yyyymmdd, its latest reading; 99991231 if running
};

struct Leader {
  std::string name;                  // canonical: "Recep Tayyip Erdoğan"
  std::string qualifier;             // tells namesakes apart ("born 1951"), or empty
  std::vector<std::string> aliases;  // every other spelling in the file
  std::vector<LeaderTerm> terms;     // in file order

  // The one state every national term of this person was held in, or empty
  // when there is none or more than one: Donald Tusk is Polish between his
  // terms, while he led the European Council too.
  std::string Nationality() const;
};

// A person and the term that fits the date asked about; both null when the
// name did not resolve.
struct LeaderMatch {
  const Leader* leader = nullptr;
  const LeaderTerm* term = nullptr;
  bool in_office = false;  // the term covers the date (or no date was given)
  explicit operator bool() const { return leader != nullptr; }
};

class Leaders {
 public:
  // Loads `dir`/leaders.tsv, checking country codes against
  // `dir`/countries.tsv. Returns kIOError "<path>: cannot read" for a missing
  // file and kIOError "<path>:<line>: <problem>" for a malformed row (column
  // count, unknown country, role or office, bad date, from after to, a name
  // or alias that folds to nothing, invalid UTF-8).
  static Result<Leaders> Load(const std::string& dir);

  // The person called `name` (full name, alias or short name) and the term
  // that fits `date` (ISO yyyy-mm-dd, yyyy-mm or yyyy; anything else counts
  // as no date). The term is the latest-begun one covering the date; when
  // none covers it, the last one held before the date, else the first one
  // after it; without a date, the latest-begun term. Returns an empty match
  // for an unknown name and for a shared name the date does not single out.
  // The pointers stay valid as long as this Leaders.
  LeaderMatch Find(std::string_view name, std::string_view date = {}) const;

  // Every person, in the order of first appearance in the file.
  const std::vector<Leader>& leaders() const { return leaders_; }

  // The folded form of a name, as keys are compared: "Abdel Fattah el-Sisi"
  // -> "abdel fattah el sisi", "Erdoğan's" -> "erdogan".
  static std::string Fold(std::string_view name);

 private:
  // The term of `leader` for the day range [lo, hi]; lo == 0 means no date.
  static const LeaderTerm* TermFor(const Leader& leader, int lo, int hi);

  std::vector<Leader> leaders_;
  std::unordered_map<std::string, std::vector<int>> keys_;  // folded key -> leaders_
};

}  // namespace detente

#endif  // DETENTE_ENTITIES_LEADERS_H_
