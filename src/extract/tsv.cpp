#include "extract/tsv.h"

#include <fstream>

namespace detente {

Status TsvError(const std::string& path, int line, const std::string& problem) {
  return Status::DataError(path + ":" + std::to_string(line) + ": " + problem);
}

Result<std::vector<TsvRow>> ReadTsvFile(const std::string& path, size_t min_fields,
                                        size_t max_fields) {
  std::ifstream in(path);
  if (!in) return Status::IOError(path + ": cannot read");
  std::vector<TsvRow> rows;
  std::string text;
  for (int line = 1; std::getline(in, text); ++line) {
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.empty() || text[0] == '#') continue;
    TsvRow row{line, {}};
    for (size_t start = 0;;) {
      size_t tab = text.find('\t', start);
      row.fields.push_back(text.substr(start, tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (row.fields.size() < min_fields || row.fields.size() > max_fields) {
      return TsvError(path, line,
                      "expected " + std::to_string(min_fields) + "-" + std::to_string(max_fields) +
                          " fields, found " + std::to_string(row.fields.size()));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace detente
