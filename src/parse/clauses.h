// Long sentences parsed in pieces. Link Grammar's time grows with the cube
// of the length and long sentences are where it goes wrong, so a sentence
// of `split_min_words` or more is cut into clauses whose linkages are put
// side by side, each word keeping its place (docs/extraction.md):
//  - "X, who|which VERB ...," after a name or "the NOUN": the clause with X
//    as its subject, then the rest without it;
//  - ";" or ", and|but|while|whereas|although|though" with 8 words each side;
//  - "X said (that) CLAUSE", "..., saying CLAUSE": "X said ." and the clause.
// Private to the parse stage. Thread-safe (the Parser is).
#ifndef DETENTE_PARSE_CLAUSES_H_
#define DETENTE_PARSE_CLAUSES_H_

#include <optional>
#include <string>
#include <vector>

#include "detente/parse.h"

namespace detente {

// The pieces of `words` (indices into it; -1 is a "." added to end a piece).
// `is_name[i]` says whether words[i] stands for a named entity.
std::vector<std::vector<int>> SplitClauses(const std::vector<std::string>& words,
                                           const std::vector<bool>& is_name,
                                           int split_min_words);

// The joined linkage of a sentence and how it went.
struct PiecesParse {
  std::optional<Parse> parse;  // nullopt when no piece parsed
  int pieces = 1;
  int failed = 0;          // pieces the parser gave up on
  bool timed_out = false;  // one of them ran out of time
};

// Parses `words`, in pieces when SplitClauses cuts it, and joins the
// linkages: word indices in the result refer to `words`. A piece the parser
// gives up on leaves its words unlinked; the others keep their links.
PiecesParse ParseInPieces(const Parser& parser, const std::vector<std::string>& words,
                          const std::vector<bool>& is_name, int split_min_words);

}  // namespace detente

#endif  // DETENTE_PARSE_CLAUSES_H_
