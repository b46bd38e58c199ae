#include "cli/output.h"

#include <algorithm>
#include <set>

#include "util/json.h"

namespace detente::cli {
namespace {

// Number of code points: a fair display width for the scripts news uses.
size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The first `n` code points of `s`.
std::string Prefix(const std::string& s, size_t n) {
  size_t i = 0;
  for (size_t seen = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && seen++ == n) break;
  }
  return s.substr(0, i);
}

std::string TableCell(const std::optional<std::string>& v, size_t max_cell) {
  if (!v) return "";
  std::string s = *v;
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (max_cell > 1 && Width(s) > max_cell) s = Prefix(s, max_cell - 1) + "…";
  return s;
}

std::string CsvField(const std::optional<std::string>& v) {
  if (!v) return "";
  const std::string& s = *v;
  bool quote = s.find_first_of(",\"\n\r") != std::string::npos ||
               (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::vector<std::string> UniqueKeys(const std::vector<std::string>& columns) {
  std::vector<std::string> keys;
  std::set<std::string> seen;
  for (const std::string& c : columns) {
    std::string k = c;
    for (int n = 2; seen.count(k); ++n) k = c + "_" + std::to_string(n);
    seen.insert(k);
    keys.push_back(k);
  }
  return keys;
}

std::string JsonRow(const QueryResult& r, size_t row, const std::vector<std::string>& keys) {
  JsonWriter w;
  w.BeginObject();
  for (size_t c = 0; c < keys.size(); ++c) {
    w.Key(keys[c]);
    const std::optional<std::string>& v = r.rows[row][c];
    bool numeric = row < r.numeric.size() && c < r.numeric[row].size() && r.numeric[row][c];
    if (!v) {
      w.Null();
    } else if (numeric && ParseJson(*v).ok()) {
      w.Raw(*v);  // SQLite's text form of a number is valid JSON ("inf" is not)
    } else {
      w.String(*v);
    }
  }
  w.EndObject();
  return w.Take();
}

}  // namespace

const std::vector<std::string>& OutputFormatNames() {
  static const std::vector<std::string> kNames = {"table", "csv", "json", "jsonl"};
  return kNames;
}

OutputFormat ParseOutputFormat(const std::string& name) {
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "json") return OutputFormat::kJson;
  if (name == "jsonl") return OutputFormat::kJsonl;
  return OutputFormat::kTable;
}

std::string FormatResult(const QueryResult& r, OutputFormat format, size_t max_cell) {
  std::string out;
  const size_t ncol = r.columns.size();
  if (ncol == 0) return out;
  switch (format) {
    case OutputFormat::kTable: {
      std::vector<std::vector<std::string>> cells;
      std::vector<size_t> width(ncol);
      for (size_t c = 0; c < ncol; ++c) width[c] = Width(r.columns[c]);
      for (const auto& row : r.rows) {
        std::vector<std::string> line;
        for (size_t c = 0; c < ncol; ++c) {
          line.push_back(TableCell(row[c], max_cell));
          width[c] = std::max(width[c], Width(line.back()));
        }
        cells.push_back(std::move(line));
      }
      auto emit = [&](const std::vector<std::string>& line, const std::vector<bool>* numeric) {
        std::string text;
        for (size_t c = 0; c < ncol; ++c) {
          std::string pad(width[c] - Width(line[c]), ' ');
          bool right = numeric && c < numeric->size() && (*numeric)[c];
          if (c > 0) text += "  ";
          text += right ? pad + line[c] : (c + 1 < ncol ? line[c] + pad : line[c]);
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out += text + "\n";
      };
      emit(r.columns, nullptr);
      std::vector<std::string> rule;
      for (size_t c = 0; c < ncol; ++c) rule.push_back(std::string(width[c], '-'));
      emit(rule, nullptr);
      for (size_t i = 0; i < cells.size(); ++i) {
        emit(cells[i], i < r.numeric.size() ? &r.numeric[i] : nullptr);
      }
      break;
    }
    case OutputFormat::kCsv: {
      for (size_t c = 0; c < ncol; ++c) out += (c ? "," : "") + CsvField(r.columns[c]);
      out += "\n";
      for (const auto& row : r.rows) {
        for (size_t c = 0; c < ncol; ++c) out += (c ? "," : "") + CsvField(row[c]);
        out += "\n";
      }
      break;
    }
    case OutputFormat::kJson:
    case OutputFormat::kJsonl: {
      std::vector<std::string> keys = UniqueKeys(r.columns);
      bool array = format == OutputFormat::kJson;
      if (array) out += "[";
      for (size_t i = 0; i < r.rows.size(); ++i) {
        if (array) out += i ? ",\n" : "\n";
        out += JsonRow(r, i, keys);
        if (!array) out += "\n";
      }
      if (array) out += r.rows.empty() ? "]\n" : "\n]\n";
      break;
    }
  }
  return out;
}

bool WriteStdout(const std::string& text) {
  if (!text.empty() && std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
    return false;
  }
  return std::fflush(stdout) == 0;
}

}  // namespace detente::cli
