#include "cli/output.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <set>
#include <utility>

#include "util/json.h"

namespace detente::cli {
namespace {

// Number of code points: a fair display width for the scripts news uses.
// Eight bytes at a time: it runs three times per cell of a table of a
// million rows.
size_t Width(std::string_view s) {
  size_t continuation = 0, i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    // Bytes 10xxxxxx: bit 7 set and bit 6 (shifted up to bit 7) clear.
    uint64_t m = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;  // 0 or 1 per byte
    continuation += static_cast<size_t>((m * 0x0101010101010101ull) >> 56);
  }
  for (; i < s.size(); ++i) continuation += (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  return s.size() - continuation;
}

// True when `s` holds a tab, newline or carriage return.
bool HasControlSpace(std::string_view s) {
  return s.find_first_of("\n\r\t") != std::string_view::npos;
}

// The first `n` code points of `s`.
std::string_view Prefix(std::string_view s, size_t n) {
  size_t i = 0;
  for (size_t seen = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && seen++ == n) break;
  }
  return s.substr(0, i);
}

// `v` as a table cell: control whitespace becomes spaces, and cells longer
// than `max_cell` code points are cut with "…". A view of `v` when nothing
// changes, else of `scratch`.
// `width` is Width(v) when known.
std::string_view TableCell(std::string_view v, size_t max_cell, std::string& scratch,
                           std::optional<size_t> width = std::nullopt) {
  bool cut = max_cell > 1 && (width ? *width : Width(v)) > max_cell;
  if (!cut && !HasControlSpace(v)) return v;
  std::string_view keep = cut ? Prefix(v, max_cell - 1) : v;
  scratch.assign(keep);
  for (char& c : scratch) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (cut) scratch += "…";
  return scratch;
}

// Lays out a table: measures every column, then emits the header, a rule and
// the rows through `sink(text)`, line by line (each line ends in '\n').
// `numeric(row, column)` right-aligns a cell.
template <typename Cell, typename Numeric, typename Sink>
void LayOutTable(const std::vector<std::string>& names, size_t rows, Cell&& cell,
                 Numeric&& numeric, size_t max_cell, Sink&& sink) {
  const size_t ncol = names.size();
  if (ncol == 0) return;
  std::vector<size_t> width(ncol);
  std::string scratch;
  for (size_t c = 0; c < ncol; ++c) width[c] = Width(names[c]);
  // The measuring pass remembers each cell's width (before cutting), with
  // kFix set when the cell must be cut or cleaned, so that the writing pass
  // measures nothing again.
  constexpr uint32_t kFix = 0x80000000u;
  std::vector<uint32_t> cell_width(rows * ncol);
  for (size_t r = 0; r < rows; ++r) {
    for (size_t c = 0; c < ncol; ++c) {
      std::string_view v = cell(r, c, scratch);
      size_t w = std::min<size_t>(Width(v), kFix - 1);
      bool cut = max_cell > 1 && w > max_cell;
      cell_width[r * ncol + c] =
          static_cast<uint32_t>(w) | (cut || HasControlSpace(v) ? kFix : 0);
      width[c] = std::max(width[c], cut ? max_cell : w);
    }
  }
  std::string line;
  // text_of(c) gives a cell's text and width.
  auto emit = [&](auto&& text_of, auto&& right_of) {
    line.clear();
    for (size_t c = 0; c < ncol; ++c) {
      auto [text, text_width] = text_of(c);
      size_t pad = width[c] - text_width;
      bool right = right_of(c);
      if (c > 0) line += "  ";
      if (right) line.append(pad, ' ');
      line += text;
      if (!right && c + 1 < ncol) line.append(pad, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    line += '\n';
    sink(line);
  };
  auto left = [](size_t) { return false; };
  emit(
      [&](size_t c) {
        return std::pair<std::string_view, size_t>(names[c], Width(names[c]));
      },
      left);
  std::string rule;
  emit(
      [&](size_t c) {
        rule.assign(width[c], '-');
        return std::pair<std::string_view, size_t>(rule, width[c]);
      },
      left);
  std::string cut;
  for (size_t r = 0; r < rows; ++r) {
    emit(
        [&](size_t c) {
          std::string_view v = cell(r, c, scratch);
          uint32_t w = cell_width[r * ncol + c];
          if (!(w & kFix)) return std::pair<std::string_view, size_t>(v, w);
          size_t full = w & ~kFix;
          v = TableCell(v, max_cell, cut, full);
          // Cleaning keeps the width; cutting leaves max_cell code points.
          size_t shown = max_cell > 1 && full > max_cell ? max_cell : full;
          return std::pair<std::string_view, size_t>(v, shown);
        },
        [&](size_t c) { return numeric(r, c); });
  }
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
      auto cell = [&](size_t row, size_t c, std::string&) -> std::string_view {
        const auto& v = r.rows[row][c];
        return v ? std::string_view(*v) : std::string_view();
      };
      auto numeric = [&](size_t row, size_t c) {
        return row < r.numeric.size() && c < r.numeric[row].size() && r.numeric[row][c];
      };
      LayOutTable(r.columns, r.rows.size(), cell, numeric, max_cell,
                  [&](const std::string& line) { out += line; });
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

bool WriteTable(std::FILE* out, const std::vector<TableColumn>& columns, size_t rows,
                const TableCellFn& cell, size_t max_cell) {
  std::vector<std::string> names;
  for (const TableColumn& c : columns) names.push_back(c.name);
  std::string buf;
  bool ok = true;
  auto flush = [&] {
    if (!buf.empty() && std::fwrite(buf.data(), 1, buf.size(), out) != buf.size()) ok = false;
    buf.clear();
  };
  LayOutTable(
      names, rows, cell, [&](size_t, size_t c) { return columns[c].numeric; }, max_cell,
      [&](const std::string& line) {
        buf += line;
        if (buf.size() >= (1 << 20)) flush();
      });
  flush();
  return ok && std::fflush(out) == 0;
}

bool WriteStdout(const std::string& text) {
  if (!text.empty() && std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
    return false;
  }
  return std::fflush(stdout) == 0;
}

}  // namespace detente::cli
