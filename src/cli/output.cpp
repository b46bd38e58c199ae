#include "cli/output.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <optional>
#include <set>
#include <utility>

#include "detente/json.h"

namespace detente::cli {
namespace {

// True when `s` holds a control character: C0 (tab, newline and carriage
// return included), DEL, or C1 (U+0080-U+009F, encoded C2 80-C2 9F).
bool HasControl(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x20 || b == 0x7F) return true;
    if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0 &&
        static_cast<unsigned char>(s[i + 1]) >= 0x80) {
      return true;
    }
  }
  return false;
}

// A cell's width in code points (a fair display width for the scripts news
// uses), and whether it holds control characters to clean. One pass of eight
// bytes at a time: it runs over every cell of tables of a million rows.
struct CellSize {
  size_t width;
  bool control;
};

CellSize Measure(std::string_view s) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  size_t continuation = 0, i = 0;
  uint64_t odd = 0;  // a high bit set where some byte may be < 0x20, 0x7F or 0xC2
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    // Bytes 10xxxxxx: bit 7 set and bit 6 (shifted up to bit 7) clear.
    uint64_t m = (w & ~(w << 1) & kHigh) >> 7;  // 0 or 1 per byte
    continuation += static_cast<size_t>((m * kOnes) >> 56);
    odd |= (w - 0x20 * kOnes) & ~w & kHigh;
    const uint64_t del = w ^ (0x7F * kOnes), c2 = w ^ (0xC2 * kOnes);
    odd |= ((del - kOnes) & ~del & kHigh) | ((c2 - kOnes) & ~c2 & kHigh);
  }
  for (; i < s.size(); ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    continuation += (b & 0xC0) == 0x80;
    if (b < 0x20 || b == 0x7F || b == 0xC2) odd = 1;
  }
  // Control bytes are rare: only then look closely.
  return {s.size() - continuation, odd != 0 && HasControl(s)};
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

// Appends `v` with its control characters made harmless: tab, newline and
// carriage return become spaces, other C0 characters and DEL their Unicode
// pictures (U+2400 + c, U+2421), C1 characters U+FFFD. Each stays one code
// point, so the width is unchanged.
void AppendClean(std::string_view v, std::string& out) {
  for (size_t i = 0; i < v.size(); ++i) {
    auto b = static_cast<unsigned char>(v[i]);
    if (b == '\t' || b == '\n' || b == '\r') {
      out += ' ';
    } else if (b < 0x20 || b == 0x7F) {
      const unsigned pic = b == 0x7F ? 0x2421 : 0x2400 + b;
      out += static_cast<char>(0xE0 | (pic >> 12));
      out += static_cast<char>(0x80 | ((pic >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (pic & 0x3F));
    } else if (b == 0xC2 && i + 1 < v.size() && static_cast<unsigned char>(v[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(v[i + 1]) < 0xA0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out += static_cast<char>(b);
    }
  }
}

// `v` as a table cell, `m` being Measure(v): control characters cleaned
// (AppendClean), and cells longer than `max_cell` code points cut with "…".
// A view of `v` when nothing changes, else of `scratch`.
std::string_view TableCell(std::string_view v, size_t max_cell, std::string& scratch, CellSize m) {
  bool cut = max_cell > 1 && m.width > max_cell;
  if (!cut && !m.control) return v;
  // Pure ASCII (width == bytes) needs no decoding to cut.
  std::string_view keep = !cut                  ? v
                          : m.width == v.size() ? v.substr(0, max_cell - 1)
                                                : Prefix(v, max_cell - 1);
  if (m.control) {
    scratch.clear();
    AppendClean(keep, scratch);
  } else {
    scratch.assign(keep);
  }
  if (cut) scratch += "…";
  return scratch;
}

// Appends one table line: cells padded to their column, then trailing
// spaces dropped (an empty last cell, or a cell ending in spaces).
// text_of(c) gives the cell's text and width, right_of(c) its alignment.
template <typename TextOf, typename RightOf>
void AppendLine(const std::vector<size_t>& width, TextOf&& text_of, RightOf&& right_of,
                std::string& out) {
  const size_t ncol = width.size();
  const size_t start = out.size();
  for (size_t c = 0; c < ncol; ++c) {
    auto [text, text_width] = text_of(c);
    size_t pad = width[c] > text_width ? width[c] - text_width : 0;
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
}

// Lays out a table: measures every column, then appends the header, a rule
// and the rows to `out`, calling `flush()` after a row once `out` holds
// 1 MiB or more (flush may empty it). `numeric(row, column)` right-aligns a
// cell. The column widths are left in `width`.
template <typename Cell, typename Numeric, typename Flush>
void LayOutTable(const std::vector<std::string>& names, size_t rows, Cell&& cell, Numeric&& numeric,
                 size_t max_cell, std::string& out, Flush&& flush, std::vector<size_t>& width) {
  const size_t ncol = names.size();
  width.assign(ncol, 0);
  if (ncol == 0) return;
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
  auto left = [](size_t) { return false; };
  std::string head;
  AppendLine(
      width,
      [&](size_t c) {
        CellSize m = Measure(names[c]);
        return std::pair<std::string_view, size_t>(TableCell(names[c], 0, head, m), m.width);
      },
      left, out);
  std::string rule;
  AppendLine(
      width,
      [&](size_t c) {
        rule.assign(width[c], '-');
        return std::pair<std::string_view, size_t>(rule, width[c]);
      },
      left, out);
  std::string cut;
  for (size_t r = 0; r < rows; ++r) {
    AppendLine(
        width,
        [&](size_t c) {
          std::string_view v = cell(r, c, scratch);
          uint32_t w = cell_width[r * ncol + c];
          if (!(w & (kCut | kControl))) return std::pair<std::string_view, size_t>(v, w);
          size_t full = w & kWidth;
          v = TableCell(v, max_cell, cut, {full, (w & kControl) != 0});
          // Cleaning keeps the width; cutting leaves max_cell code points.
          return std::pair<std::string_view, size_t>(v, w & kCut ? max_cell : full);
        },
        [&](size_t c) { return numeric(r, c); }, out);
    if (out.size() >= (1 << 20)) flush();
  }
}

// True when a spreadsheet would read `s` as a formula: it starts with =, +,
// -, @, tab or carriage return (OWASP's CSV injection list).
bool LooksLikeFormula(std::string_view s) {
  return !s.empty() &&
         (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

// One RFC 4180 field. Text that looks like a formula gets a leading ' (a
// number, `numeric`, is left as it is: -1 is not a formula).
std::string CsvField(std::string_view s, bool numeric) {
  std::string v = !numeric && LooksLikeFormula(s) ? "'" + std::string(s) : std::string(s);
  bool quote = v.find_first_of(",\"\n\r") != std::string::npos ||
               (!v.empty() && (v.front() == ' ' || v.back() == ' '));
  if (!quote) return v;
  std::string out = "\"";
  for (char c : v) {
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

// One JSON object: `value(c)` gives column c's text (nullopt for NULL) and
// whether SQLite returned a number.
template <typename Value>
std::string JsonRow(const std::vector<std::string>& keys, Value&& value) {
  JsonWriter w;
  w.BeginObject();
  for (size_t c = 0; c < keys.size(); ++c) {
    w.Key(keys[c]);
    auto [v, numeric] = value(c);
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
  if (r.columns.empty()) return "";
  ResultWriter w(nullptr, format, max_cell);
  w.Columns(r.columns);
  std::vector<QueryValue> values(r.columns.size());
  for (size_t row = 0; row < r.rows.size(); ++row) {
    for (size_t c = 0; c < values.size(); ++c) {
      const auto& v = r.rows[row][c];
      const bool numeric = row < r.numeric.size() && c < r.numeric[row].size() && r.numeric[row][c];
      values[c].type = !v        ? QueryValue::Type::kNull
                       : numeric ? QueryValue::Type::kReal
                                 : QueryValue::Type::kText;
      values[c].text = v ? std::string_view(*v) : std::string_view();
    }
    w.Row(values);
  }
  w.Finish();
  return w.TakeText();
}

ResultWriter::ResultWriter(std::FILE* out, OutputFormat format, size_t max_cell)
    : out_(out), format_(format), max_cell_(max_cell) {}

Status ResultWriter::Columns(const std::vector<std::string>& names) {
  columns_ = names;
  keys_ = UniqueKeys(names);
  have_columns_ = !names.empty();
  switch (format_) {
    case OutputFormat::kCsv:
      for (size_t c = 0; c < names.size(); ++c) buf_ += (c ? "," : "") + CsvField(names[c], false);
      buf_ += "\n";
      break;
    case OutputFormat::kJson:
      buf_ += "[";
      break;
    case OutputFormat::kJsonl:
      break;
    case OutputFormat::kTable:
      window_.columns = names;
      break;
  }
  return Write(false);
}

Status ResultWriter::Row(const std::vector<QueryValue>& values) {
  auto text = [&](size_t c) {
    return values[c].type == QueryValue::Type::kNull ? std::string_view() : values[c].text;
  };
  switch (format_) {
    case OutputFormat::kCsv:
      for (size_t c = 0; c < values.size(); ++c) {
        if (c) buf_ += ',';
        if (values[c].type != QueryValue::Type::kNull) {
          buf_ += CsvField(values[c].text, values[c].numeric());
        }
      }
      buf_ += '\n';
      break;
    case OutputFormat::kJson:
    case OutputFormat::kJsonl: {
      if (format_ == OutputFormat::kJson) buf_ += rows_ ? ",\n" : "\n";
      buf_ += JsonRow(keys_, [&](size_t c) {
        std::optional<std::string> v;
        if (values[c].type != QueryValue::Type::kNull) v.emplace(values[c].text);
        return std::pair<std::optional<std::string>, bool>(std::move(v), values[c].numeric());
      });
      if (format_ == OutputFormat::kJsonl) buf_ += '\n';
      break;
    }
    case OutputFormat::kTable:
      if (widths_.empty()) {
        // Still sizing: keep the row.
        std::vector<std::optional<std::string>> row;
        std::vector<bool> numeric;
        for (size_t c = 0; c < values.size(); ++c) {
          if (values[c].type == QueryValue::Type::kNull) {
            row.emplace_back();
          } else {
            row.emplace_back(std::string(values[c].text));
          }
          numeric.push_back(values[c].numeric());
        }
        window_.rows.push_back(std::move(row));
        window_.numeric.push_back(std::move(numeric));
        if (window_.rows.size() >= kTableWindow) LayOutWindow();
      } else {
        std::string scratch;
        AppendLine(
            widths_,
            [&](size_t c) {
              CellSize m = Measure(text(c));
              const bool cut = max_cell_ > 1 && m.width > max_cell_;
              return std::pair<std::string_view, size_t>(TableCell(text(c), max_cell_, scratch, m),
                                                         cut ? max_cell_ : m.width);
            },
            [&](size_t c) { return values[c].numeric(); }, buf_);
      }
      break;
  }
  ++rows_;
  return Write(false);
}

void ResultWriter::LayOutWindow() {
  const QueryResult& r = window_;
  auto cell = [&](size_t row, size_t c, std::string&) -> std::string_view {
    const auto& v = r.rows[row][c];
    return v ? std::string_view(*v) : std::string_view();
  };
  auto numeric = [&](size_t row, size_t c) { return r.numeric[row][c]; };
  LayOutTable(
      r.columns, r.rows.size(), cell, numeric, max_cell_, buf_, [] {}, widths_);
  window_.rows.clear();
  window_.numeric.clear();
}

Status ResultWriter::Finish() {
  if (have_columns_) {
    if (format_ == OutputFormat::kTable && widths_.empty()) LayOutWindow();
    if (format_ == OutputFormat::kJson) buf_ += rows_ == 0 ? "]\n" : "\n]\n";
  }
  DETENTE_RETURN_IF_ERROR(Write(true));
  if (out_ && std::fflush(out_) != 0) {
    return Status::IOError(std::string("cannot write the result: ") + std::strerror(errno));
  }
  return Status::OK();
}

Status ResultWriter::Write(bool force) {
  if (!out_ || buf_.empty() || (!force && buf_.size() < (1 << 20))) return Status::OK();
  const bool ok = std::fwrite(buf_.data(), 1, buf_.size(), out_) == buf_.size();
  buf_.clear();
  if (!ok) return Status::IOError(std::string("cannot write the result: ") + std::strerror(errno));
  return Status::OK();
}

std::string ResultWriter::TakeText() { return std::move(buf_); }

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
  std::vector<size_t> widths;
  LayOutTable(
      names, rows, cell, [&](size_t, size_t c) { return columns[c].numeric; }, max_cell, buf, flush,
      widths);
  flush();
  return ok && std::fflush(out) == 0;
}

std::string ForTerminal(std::string_view s) {
  if (!HasControl(s)) return std::string(s);
  std::string out;
  AppendClean(s, out);
  return out;
}

bool WriteStdout(const std::string& text) {
  if (!text.empty() && std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
    return false;
  }
  return std::fflush(stdout) == 0;
}

}  // namespace detente::cli
