// detente sql [--db FILE] [--format table|csv|json|jsonl] [--write] QUERY|-
//
// Runs SQL against the database. The database is opened read-only unless
// --write is given, so SQLite itself refuses every write; nothing here parses
// the query.
#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/output.h"
#include "detente/store.h"

namespace detente::cli {
namespace {

struct SqlArgs {
  std::string db;
  std::string format = "table";
  bool write = false;
  std::string query;
};

int RunSql(const SqlArgs& args) {
  std::string query = args.query;
  if (query == "-") {
    query.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  if (query.find_first_not_of(" \t\r\n;") == std::string::npos) {
    return Fail(Status::InvalidArgument("empty query"));
  }
  const std::string path = ResolveDbPath(args.db);
  if (Status s = RequireExistingDb(path); !s.ok()) return Fail(s);
  StoreOptions options;
  options.read_only = !args.write;
  Result<std::unique_ptr<Store>> store = Store::Open(path, options);
  if (!store.ok()) return Fail(store.status());
  Result<QueryResult> r = (*store)->Query(query);
  if (!r.ok()) {
    if (r.status().code() == Status::Code::kUnsupported && !args.write) {
      return Fail(Status::Unsupported(r.status().message() + "; use --write to allow writes"));
    }
    return Fail(r.status());
  }
  if (!WriteStdout(FormatResult(*r, ParseOutputFormat(args.format)))) {
    return Fail(Status::IOError("cannot write to stdout"));
  }
  if (args.write && r->columns.empty()) {
    std::fprintf(stderr, "detente: %lld rows changed\n", static_cast<long long>(r->changes));
  }
  return kExitOk;
}

}  // namespace

Runner SetupSql(CLI::App& sub) {
  auto args = std::make_shared<SqlArgs>();
  AddDbOption(sub, &args->db);
  sub.add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember(OutputFormatNames()))
      ->capture_default_str();
  sub.add_flag("--write", args->write, "Allow statements that change the database");
  sub.add_option("QUERY", args->query,
                 "SQL (several statements may be separated by ';'; the last result is "
                 "printed), or - to read it from stdin")
      ->required();
  sub.footer(
      "The database is opened read-only unless --write is given: SQLite refuses writes.\n"
      "Tables and views: documents, sentences, sentences_fts, entities, aliases, events,\n"
      "event_view, edges (see docs/schema.md).\n"
      "Exit status: 0 ok (also when the query returns no rows), 2 usage, 3 SQL or database\n"
      "error, a missing database, or a write without --write.");
  return [args] { return Guarded([&] { return RunSql(*args); }); };
}

}  // namespace detente::cli
