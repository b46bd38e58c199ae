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

// True when `s` holds a tab, newline or carriage return.
bool HasControlSpace(std::string_view s) {
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t') return true;
  }
  return false;
}

// A cell's width in code points (a fair display width for the scripts news
// uses), and whether it holds control whitespace to clean. One pass of eight
// bytes at a time: it runs over every cell of tables of a million rows.
struct CellSize {
  size_t width;
  bool control;
};

CellSize Measure(std::string_view s) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  size_t continuation = 0, i = 0;
  uint64_t low = 0;  // a high bit set where some byte is below 0x20
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    // Bytes 10xxxxxx: bit 7 set and bit 6 (shifted up to bit 7) clear.
    uint64_t m = (w & ~(w << 1) & kHigh) >> 7;  // 0 or 1 per byte
    continuation += static_cast<size_t>((m * kOnes) >> 56);
    low |= (w - 0x20 * kOnes) & ~w & kHigh;
  }
  for (; i < s.size(); ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    continuation += (b & 0xC0) == 0x80;
    if (b < 0x20) low = 1;
  }
  // Other control bytes are rare: only then look for the three that matter.
  return {s.size() - continuation, low != 0 && HasControlSpace(s)};
}

size_t Width(std::string_view s) { return Measure(s).width; }

// The first `n` code points of `s`.
std::string_view Prefix(std::string_view s, size_t n) {
  size_t i = 0;
  for (size_t seen = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && seen++ == n) break;
  }
  return s.substr(0, i);
}

// `v` as a table cell, `m` being Measure(v): control whitespace becomes
// spaces, and cells longer than `max_cell` code points are cut with "…". A
// view of `v` when nothing changes, else of `scratch`.
std::string_view TableCell(std::string_view v, size_t max_cell, std::string& scratch, CellSize m) {
  bool cut = max_cell > 1 && m.width > max_cell;
  if (!cut && !m.control) return v;
  // Pure ASCII (width == bytes) needs no decoding to cut.
  std::string_view keep = !cut                  ? v
                          : m.width == v.size() ? v.substr(0, max_cell - 1)
                                                : Prefix(v, max_cell - 1);
  scratch.assign(keep);
  if (m.control) {
    for (char& c : scratch) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
  }
  if (cut) scratch += "…";
  return scratch;
}

// Lays out a table: measures every column, then appends the header, a rule
// and the rows to `out`, calling `flush()` after a row once `out` holds
// 1 MiB or more (flush may empty it). `numeric(row, column)` right-aligns a
// cell.
template <typename Cell, typename Numeric, typename Flush>
void LayOutTable(const std::vector<std::string>& names, size_t rows, Cell&& cell, Numeric&& numeric,
                 size_t max_cell, std::string& out, Flush&& flush) {
  const size_t ncol = names.size();
  if (ncol == 0) return;
  std::vector<size_t> width(ncol);
  std::string scratch;
  for (size_t c = 0; c < ncol; ++c) width[c] = Width(names[c]);
  // The measuring pass remembers each cell's width (before cutting), with
  // kCut or kControl set when the cell must be cut or cleaned, so that the
  // writing pass measures nothing again.
  constexpr uint32_t kCut = 0x80000000u, kControl = 0x40000000u, kWidth = kControl - 1;
  std::vector<uint32_t> cell_width(rows * ncol);
  for (size_t r = 0; r < rows; ++r) {
    for (size_t c = 0; c < ncol; ++c) {
      CellSize m = Measure(cell(r, c, scratch));
      size_t w = std::min<size_t>(m.width, kWidth);
      bool cut = max_cell > 1 && w > max_cell;
      cell_width[r * ncol + c] =
          static_cast<uint32_t>(w) | (cut ? kCut : 0) | (m.control ? kControl : 0);
      width[c] = std::max(width[c], cut ? max_cell : w);
    }
  }
  // One line: cells padded to their column, then trailing spaces dropped
  // (an empty last cell, or a cell ending in spaces).
  auto line = [&](auto&& text_of, auto&& right_of) {
    const size_t start = out.size();
    for (size_t c = 0; c < ncol; ++c) {
      auto [text, text_width] = text_of(c);
      size_t pad = width[c] - text_width;
      bool right = right_of(c);
      if (c > 0) out.append(2, ' ');
      if (right) out.append(pad, ' ');
      out.append(text);
      if (!right && c + 1 < ncol) out.append(pad, ' ');
    }
    size_t end = out.size();
    while (end > start && out[end - 1] == ' ') --end;
    out.resize(end);
    out += '\n';
  };
  auto left = [](size_t) { return false; };
  line([&](size_t c) { return std::pair<std::string_view, size_t>(names[c], Width(names[c])); },
       left);
  std::string rule;
  line(
      [&](size_t c) {
        rule.assign(width[c], '-');
        return std::pair<std::string_view, size_t>(rule, width[c]);
      },
      left);
  std::string cut;
  for (size_t r = 0; r < rows; ++r) {
    line(
        [&](size_t c) {
          std::string_view v = cell(r, c, scratch);
          uint32_t w = cell_width[r * ncol + c];
          if (!(w & (kCut | kControl))) return std::pair<std::string_view, size_t>(v, w);
          size_t full = w & kWidth;
          v = TableCell(v, max_cell, cut, {full, (w & kControl) != 0});
          // Cleaning keeps the width; cutting leaves max_cell code points.
          return std::pair<std::string_view, size_t>(v, w & kCut ? max_cell : full);
        },
        [&](size_t c) { return numeric(r, c); });
    if (out.size() >= (1 << 20)) flush();
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
      LayOutTable(r.columns, r.rows.size(), cell, numeric, max_cell, out, [] {});
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
  buf.reserve((1 << 20) + (1 << 16));
  LayOutTable(
      names, rows, cell, [&](size_t, size_t c) { return columns[c].numeric; }, max_cell, buf,
      flush);
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
