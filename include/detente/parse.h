// Parse: English sentences into Link Grammar linkages.
//
// The caller hands over words, already tokenised, with each recognised entity
// as one word ("Abdel_Fattah_el-Sissi"), so that the parser sees short
// sentences. A Parser owns one Link Grammar dictionary, shared by every
// thread; each Parse() call creates its own options and sentence.
//
// Thread safety: Parse() may be called from many threads at once. Link
// Grammar 5.12.0 measures its time limit in process CPU time, so with N busy
// threads the limit fires up to N times early; the caller's fallback covers it.
#ifndef DETENTE_PARSE_H_
#define DETENTE_PARSE_H_

#include <memory>
#include <string>
#include <vector>

#include "detente/status.h"

namespace detente {

struct ParserOptions {
  // Linkages to sample and rank; when there are more, Link Grammar samples
  // at random (repeatably), and fewer than ~100 often misses the best
  // parse of a long sentence. 1 is slower than 10-100. Default: 100.
  int linkage_limit = 100;
  // Longest link Link Grammar tries for most connectors. Default: 10.
  int short_length = 10;
  // Per-sentence time limit in seconds (CPU time, see above). Default: 5.
  int max_parse_time_s = 5;
  // Longer inputs are refused (Link Grammar refuses over 254 words and was
  // seen to crash afterwards). Default: 80.
  int max_words = 80;
};

struct ParseLink {
  int left = 0;   // indices into Parse::words
  int right = 0;
  std::string label;  // "Ss*s", "MVp", ...
};

struct ParseWord {
  std::string text;  // as Link Grammar shows it, with its subscript: "met.v-d"
  int token = -1;    // index of the input word it came from; -1 for walls
};

struct Parse {
  std::vector<ParseWord> words;  // words[0] is LEFT-WALL
  std::vector<ParseLink> links;
  int null_count = 0;  // input words the parse could not link
};

class Parser {
 public:
  // Loads the English dictionary. Returns kIOError if it cannot be found.
  static Result<std::unique_ptr<Parser>> Create(const ParserOptions& options = {});
  ~Parser();
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  // Parses `words` and returns the best linkage (fewest null links, then
  // lowest cost). Returns kInvalidArgument for an empty input, one longer
  // than max_words or one of more than 8 KB (Link Grammar crashes near
  // 32 KB), kTimeout when no linkage was found in time, kNotFound when
  // the sentence has no linkage at all. Never aborts on any input.
  Result<Parse> ParseWords(const std::vector<std::string>& words) const;

 private:
  struct Impl;
  explicit Parser(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace detente

#endif  // DETENTE_PARSE_H_
