#include "entities/tsv.h"

#include <fstream>
#include <sstream>

#include "detente/text.h"

namespace detente {

std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  while (true) {
    size_t e = s.find(sep, b);
    out.emplace_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return out;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

Result<std::vector<TsvRow>> ReadTsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot read");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string content = ss.str();
  if (!IsValidUtf8(content)) return Status::IOError(path + ": not valid UTF-8");
  std::vector<TsvRow> rows;
  int line_no = 0;
  std::istringstream lines(content);
  std::string line;
  while (std::getline(lines, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    TsvRow row;
    row.line = line_no;
    for (const std::string& f : SplitOn(line, '\t')) row.fields.push_back(Trim(f));
    rows.push_back(std::move(row));
  }
  return rows;
}

Status TsvLineError(const std::string& path, int line, const std::string& what) {
  return Status::IOError(path + ":" + std::to_string(line) + ": " + what);
}

Status CheckTsvRow(const std::string& path, const TsvRow& row, size_t min_cols,
                   size_t max_cols) {
  if (row.fields.size() < min_cols || row.fields.size() > max_cols) {
    std::string want = min_cols == max_cols ? std::to_string(min_cols)
                                            : std::to_string(min_cols) + "-" +
                                                  std::to_string(max_cols);
    return TsvLineError(path, row.line, "expected " + want + " tab-separated columns, found " +
                                            std::to_string(row.fields.size()));
  }
  if (row.fields[0].empty()) return TsvLineError(path, row.line, "empty first column");
  return Status::OK();
}

Status TsvError(const std::string& path, int line, const std::string& problem) {
  return Status::DataError(path + ":" + std::to_string(line) + ": " + problem);
}

Result<std::vector<TsvRow>> ReadTsvFile(const std::string& path, size_t min_fields,
                                        size_t max_fields) {
  Result<std::vector<TsvRow>> rows = ReadTsv(path);
  if (!rows.ok()) return rows.status();
  for (const TsvRow& row : *rows) {
    if (row.fields.size() < min_fields || row.fields.size() > max_fields) {
      return TsvError(path, row.line,
                      "expected " + std::to_string(min_fields) + "-" + std::to_string(max_fields) +
                          " fields, found " + std::to_string(row.fields.size()));
    }
  }
  return rows;
}

}  // namespace detente
