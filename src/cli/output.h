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
//   NULL is empty; newlines become spaces; cells longer than `max_cell`
//   characters are cut with "…". Nothing at all when there are no columns.
// - csv: RFC 4180 with a header row, '\n' line ends, NULL as an empty field.
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

// Writes `text` to stdout; returns false when the write failed (e.g. EPIPE).
bool WriteStdout(const std::string& text);

}  // namespace detente::cli

#endif  // DETENTE_CLI_OUTPUT_H_
