// Formatting of tabular results for the CLI: aligned tables, CSV, JSON and
// JSON Lines. Used by `sql`, `stats` and the graph commands.
#ifndef DETENTE_CLI_OUTPUT_H_
#define DETENTE_CLI_OUTPUT_H_

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "detente/store.h"

namespace detente::cli {

enum class OutputFormat { kTable, kCsv, kJson, kJsonl };

// The names accepted by --format, in this order: "table", "csv", "json", "jsonl".
const std::vector<std::string>& OutputFormatNames();
// Requires a name from OutputFormatNames() (CLI11 checks it); unknown -> kTable.
OutputFormat ParseOutputFormat(const std::string& name);

// Renders `result`:
// - table: a header, a rule and left-aligned columns (numbers right-aligned);
//   NULL is empty; tabs, newlines and carriage returns become spaces, other
//   control characters their visible pictures (ESC as U+241B "␛", C1 ones as
//   U+FFFD), so that a cell never drives the terminal; cells longer than
//   `max_cell` characters are cut with "…". Nothing at all when there are no
//   columns.
// - csv: RFC 4180 with a header row, '\n' line ends, NULL as an empty field;
//   a text cell (also a header) that starts with =, +, -, @, tab or CR gets
//   a leading ' so that no spreadsheet runs it as a formula (OWASP's rule;
//   numbers are left alone).
// - json: an array of objects, one per row, each on its own line.
// - jsonl: one object per row and line.
// In JSON, numbers stay numbers, NULL is null, and a repeated column name gets
// a suffix ("name", "name_2") so that keys are unique.
std::string FormatResult(const QueryResult& result, OutputFormat format, size_t max_cell = 80);

// A column of WriteTable: numeric columns are right-aligned.
struct TableColumn {
  std::string name;
  bool numeric = false;
};
// The text of cell (row, column); it may return a view of `scratch`, and must
// return the same text each time it is asked.
using TableCellFn = std::function<std::string_view(size_t row, size_t column, std::string& scratch)>;

// Writes the table FormatResult(..., kTable, max_cell) would print, but for
// big results: cells are not stored, and the text goes to `out` in large
// buffered writes. `cell` is called twice per cell (to measure the columns,
// then to write them). Returns false when a write failed.
bool WriteTable(std::FILE* out, const std::vector<TableColumn>& columns, size_t rows,
                const TableCellFn& cell, size_t max_cell = 80);

// Streams the result of Store::Query to `out` in `format`, as FormatResult
// would print it: CSV, JSON and JSON Lines row by row; a table is sized on its
// first kTableWindow rows (then written), and later rows keep those column
// widths (a wider cell pushes its own row out of line; it is still cut at
// `max_cell`). A write failure is kIOError (with errno's reason).
class ResultWriter : public RowSink {
 public:
  static constexpr size_t kTableWindow = 1000;
  ResultWriter(std::FILE* out, OutputFormat format, size_t max_cell = 80);
  Status Columns(const std::vector<std::string>& names) override;
  Status Row(const std::vector<QueryValue>& values) override;
  // Writes what is still buffered (a table's first rows, JSON's closing
  // bracket) and flushes. Call once, after a successful query.
  Status Finish();
  // Without a FILE (nullptr): the text written so far.
  std::string TakeText();

 private:
  Status Write(bool force);
  void LayOutWindow();
  std::FILE* out_;
  OutputFormat format_;
  size_t max_cell_;
  std::vector<std::string> columns_, keys_;
  bool have_columns_ = false;
  size_t rows_ = 0;
  std::string buf_;
  QueryResult window_;          // a table's first rows, until it is sized
  std::vector<size_t> widths_;  // a table's column widths once sized
};

// `s` as a table cell shows it, for a line of text meant for a terminal:
// tabs, newlines and carriage returns become spaces, other control
// characters their Unicode pictures (ESC as U+241B), C1 ones U+FFFD.
std::string ForTerminal(std::string_view s);

// Writes `text` to stdout; returns false when the write failed (e.g. EPIPE).
bool WriteStdout(const std::string& text);

}  // namespace detente::cli

#endif  // DETENTE_CLI_OUTPUT_H_
