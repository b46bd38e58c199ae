// The extractor: diplomatic events from the sentences of a document.
//
// Pipeline: text (split, tokenise) -> entities (gazetteers, titled names,
// coreference) -> parse (Link Grammar, one token per entity) -> extract
// (lemma, roles, place, time, negation, modality).
//
// Thread safety: an Extractor is immutable after Create(); Extract() may be
// called from many threads at once (each call parses with its own Link
// Grammar sentence over one shared dictionary).
#ifndef DETENTE_EXTRACT_H_
#define DETENTE_EXTRACT_H_

#include <functional>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detente/input.h"
#include "detente/record.h"
#include "detente/status.h"

namespace detente {

struct ExtractOptions {
  // Directory holding the gazetteers (countries.tsv, ...). Default: empty,
  // meaning $DETENTE_DATA, then the source tree's data/, then the installed
  // share/detente/data.
  std::string data_dir;
  // Per-sentence parse time limit, in seconds. Default: 5.
  int parse_timeout_s = 5;
  // Link Grammar linkage limit. Default: 100.
  int linkage_limit = 100;
  // Link Grammar short_length. Default: 10.
  int short_length = 10;
  // Sentences with more tokens (after entity merging) are not parsed: they
  // keep their entities but yield no events. Default: 60.
  int max_parse_tokens = 60;
  // Sentences (and pieces) of at least this many words are parsed in
  // pieces: a relative clause after a name (", who|which ...,"), two clauses
  // joined by ";" or ", and|but|while|whereas", and what follows "said" (see
  // docs/extraction.md). Default: 20.
  int split_min_words = 20;
  // Receives, line by line, how each sentence was read: its words with
  // their parts of speech and links, verb groups, and why each verb did or
  // did not give an event (`detente extract --trace`). Called on the
  // extracting thread. Default: empty (no trace).
  std::function<void(std::string_view)> trace;
};

const char* ParseCoverageName(ParseCoverage c);

class Extractor {
 public:
  // Loads the gazetteers and the Link Grammar dictionary. Returns kIOError
  // when the data cannot be found. The caller owns the result.
  static Result<std::unique_ptr<Extractor>> Create(const ExtractOptions& options);
  virtual ~Extractor() = default;

  // Extracts the events of one document. Never throws; a sentence that cannot
  // be parsed (too long, or over the time limit) keeps its entities and gives
  // no events, instead of failing the document.
  virtual Result<Extraction> Extract(const Document& doc) const = 0;

  // Stored with every event, e.g. "detente-0.1.0/1".
  static std::string Version();
};

}  // namespace detente

#endif  // DETENTE_EXTRACT_H_
