// Reading the TAB-separated data files under data/ (format in
// data/README.md): UTF-8, one entry a line, "#" comments, blank lines
// skipped. Pure functions; thread-safe.
#ifndef DETENTE_EXTRACT_TSV_H_
#define DETENTE_EXTRACT_TSV_H_

#include <string>
#include <vector>

#include "detente/status.h"

namespace detente {

struct TsvRow {
  int line = 0;  // 1-based line number in the file
  std::vector<std::string> fields;
};

// The data rows of `path`. kIOError "<path>: cannot read" when the file
// cannot be opened; kDataError "<path>:<line>: ..." when a row has fewer
// than `min_fields` or more than `max_fields` fields.
Result<std::vector<TsvRow>> ReadTsvFile(const std::string& path, size_t min_fields,
                                        size_t max_fields);

// kDataError "<path>:<line>: <problem>".
Status TsvError(const std::string& path, int line, const std::string& problem);

}  // namespace detente

#endif  // DETENTE_EXTRACT_TSV_H_
