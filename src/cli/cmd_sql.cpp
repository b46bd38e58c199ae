// detente sql [--db FILE] [--format table|csv|json|jsonl] [--write]
//             [--timeout SECONDS] QUERY|-
//
// Runs SQL against the database under the console's guard (Store::Query):
// read-only unless --write, one transaction, rows streamed to stdout as they
// come. Ctrl-C stops the query cleanly (exit 130, nothing changed).
#include <fmt/format.h>
#include <signal.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/output.h"
#include "detente/store.h"

namespace detente::cli {
namespace {

// The most SQL read from stdin: a script, not a data file.
constexpr size_t kMaxQueryBytes = 64 << 20;

struct SqlArgs {
  std::string db;
  std::string format = "table";
  bool write = false;
  double timeout_s = 0;
  std::string query;
};

// Set by SIGINT; the console polls it. Lock-free, so safe in a handler.
std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);

void OnInterrupt(int) { g_interrupted.store(true); }

// The first Ctrl-C asks the query to stop; a second one (SA_RESETHAND)
// kills the process as usual, should the query not notice.
void CatchInterrupt() {
  struct sigaction sa {};
  sa.sa_handler = OnInterrupt;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &sa, nullptr);
}

// Reads the whole query from stdin, at most kMaxQueryBytes.
Result<std::string> ReadQuery() {
  std::string query;
  char buf[1 << 16];
  for (;;) {
    size_t n = std::fread(buf, 1, sizeof buf, stdin);
    query.append(buf, n);
    if (query.size() > kMaxQueryBytes) {
      return Status::InvalidArgument(
          fmt::format("the query on stdin is larger than {} MiB", kMaxQueryBytes >> 20));
    }
    if (n < sizeof buf) break;
  }
  if (std::ferror(stdin)) {
    return Status::IOError(std::string("cannot read the query from stdin: ") +
                           std::strerror(errno));
  }
  return query;
}

int RunSql(const SqlArgs& args) {
  std::string query = args.query;
  if (query == "-") {
    Result<std::string> read = ReadQuery();
    if (!read.ok()) return Fail(read.status());
    query = std::move(*read);
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

  CatchInterrupt();
  QueryOptions q;
  q.timeout_s = args.timeout_s;
  q.cancel = &g_interrupted;
  ResultWriter out(stdout, ParseOutputFormat(args.format));
  Result<int64_t> changes = (*store)->Query(query, q, out);
  Status done = changes.ok() ? out.Finish() : changes.status();
  if (g_interrupted.load()) done = Status::Cancelled("interrupted; nothing was changed");
  if (!done.ok()) {
    if (done.code() == Status::Code::kUnsupported && !args.write) {
      return Fail(Status::Unsupported(done.message() + "; use --write to allow writes"));
    }
    if (done.code() == Status::Code::kTimeout) {
      return Fail(Status::Timeout(done.message() + " (--timeout " +
                                  fmt::format("{:g}", args.timeout_s) +
                                  (args.write ? "); nothing was changed" : ")")));
    }
    return Fail(done);
  }
  if (args.write) {
    Note(fmt::format("{} {} changed", *changes, *changes == 1 ? "row" : "rows"));
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
  sub.add_flag("--write", args->write,
               "Allow statements that change the database (the script runs as one transaction)");
  sub.add_option("--timeout", args->timeout_s,
                 "Stop the query after SECONDS (exit 3; with --write nothing is changed); "
                 "default: no limit")
      ->check(NonNegativeSeconds());
  sub.add_option("QUERY", args->query,
                 "SQL (several statements may be separated by ';'; the result of the last one "
                 "is printed), or - to read it from stdin")
      ->required();
  sub.footer(
      "The database is opened read-only unless --write is given: only reads are allowed\n"
      "(SELECT, WITH, PRAGMAs that read). With --write the whole script is one transaction:\n"
      "all of it or nothing. Either way, functions that return pointers, load code or touch\n"
      "files, ATTACH and PRAGMAs that change a setting are refused (docs/reliability.md).\n"
      "Rows stream out as they come; a table is sized on its first 1,000 rows.\n"
      "CSV cells that start with = + - @ get a leading ' (no spreadsheet formulas).\n"
      "Tables and views: documents, sentences, sentences_fts, entities, aliases, events,\n"
      "event_view, edges (see docs/schema.md).\n"
      "Exit status: 0 ok (also when the query returns no rows), 2 usage, 3 SQL or database\n"
      "error, a refused statement, a time-out, a missing database, or a write without\n"
      "--write; 130 interrupted (Ctrl-C), nothing changed.");
  return [args] { return Guarded([&] { return RunSql(*args); }); };
}

}  // namespace detente::cli
