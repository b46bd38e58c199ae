// Reading the tab-separated data files under data/ (format: data/README.md).
// Private to the entities library.
#ifndef DETENTE_ENTITIES_TSV_H_
#define DETENTE_ENTITIES_TSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "detente/status.h"

namespace detente {

// One line of a data file: its trimmed tab-separated fields.
struct TsvRow {
  int line = 0;  // 1-based
  std::vector<std::string> fields;
};

// Reads `path`, skipping '#' lines and blank lines. Returns kIOError
// "<path>: cannot read" or "<path>: not valid UTF-8".
Result<std::vector<TsvRow>> ReadTsv(const std::string& path);

// kIOError "<path>:<line>: <what>".
Status TsvLineError(const std::string& path, int line, const std::string& what);

// Checks that the row has min_cols..max_cols fields and a non-empty first one.
Status CheckTsvRow(const std::string& path, const TsvRow& row, size_t min_cols,
                   size_t max_cols);

// The data rows of `path` with their column counts checked. kIOError
// "<path>: cannot read" when the file cannot be opened; kDataError
// "<path>:<line>: ..." when a row has fewer than `min_fields` or more than
// `max_fields` fields.
Result<std::vector<TsvRow>> ReadTsvFile(const std::string& path, size_t min_fields,
                                        size_t max_fields);

// kDataError "<path>:<line>: <problem>".
Status TsvError(const std::string& path, int line, const std::string& problem);

std::vector<std::string> SplitOn(std::string_view s, char sep);
std::string Trim(std::string_view s);

}  // namespace detente

#endif  // DETENTE_ENTITIES_TSV_H_
