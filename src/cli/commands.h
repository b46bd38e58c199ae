// The subcommands of the detente CLI, listed in one table as ninja lists its
// tools. Each command adds its options to its CLI11 subcommand and returns a
// function that runs it after parsing and gives the process exit code.
#ifndef DETENTE_CLI_COMMANDS_H_
#define DETENTE_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "detente/input.h"
#include "detente/status.h"
#include "detente/types.h"

namespace detente::cli {

// Exit codes, mapped in one place: 0 ok, 1 no result, 2 usage, 3 data or
// database error, 130 interrupted by Ctrl-C (128 + SIGINT, as shells do).
enum ExitCode {
  kExitOk = 0,
  kExitNoResult = 1,
  kExitUsage = 2,
  kExitDataError = 3,
  kExitInterrupted = 130,
};
int ExitCodeFor(const Status& status);

// `s` safe to print on a terminal as one line: control characters (C0, DEL,
// C1), bidirectional overrides and invalid UTF-8 bytes are written as
// escapes (\n, \x1b, \u202e, \xff). Every message goes through it, and so
// everything user-supplied that one shows (paths, names, SQL errors): a
// crafted file name cannot forge a message line or drive the terminal.
std::string Printable(std::string_view s);

// Prints "detente: <message>" to stderr (Printable) and returns
// ExitCodeFor(status).
int Fail(const Status& status);
// Prints "detente: <message>" to stderr (Printable).
void Note(std::string_view message);
// Prints "<where>: <message>" to stderr (both Printable): a rejected input.
void Report(std::string_view where, std::string_view message);

// Option checks with plain messages ("--radius: -1 is not a whole number
// from 0 to 1000"): a whole number in [min, max], and a number of seconds
// >= 0.
CLI::Validator WholeNumber(long long min, long long max);
CLI::Validator NonNegativeSeconds();

// Adds --role: a comma list (repeatable) of CAMEO role codes, parsed into
// `roles`. Any other value is a usage error that names it and lists the
// valid codes.
CLI::Option* AddRoleOption(CLI::App& sub, std::vector<Role>* roles, const std::string& help);

// The database path: --db if given, else $DETENTE_DB, else ./detente.db.
std::string ResolveDbPath(const std::string& flag_value);

// For commands that only read a database: OK when `path` exists, else a
// kIOError telling the user to create it with `detente ingest` (so that a
// typo in --db never creates an empty database), or saying why it cannot be
// looked at (a symbolic link loop, a permission).
Status RequireExistingDb(const std::string& path);

// Adds the --db option (see ResolveDbPath) to `sub`, storing into `value`.
void AddDbOption(CLI::App& sub, std::string* value);

// True when stderr is a terminal (progress lines are shown only then).
bool StderrIsTerminal();

// The default --jobs: one extraction thread per core, at most 64.
int DefaultJobs();

// "1 document", "2 documents": `n` and its noun, plural unless n is 1
// (`plural` empty: `singular` + "s").
std::string Count(int64_t n, std::string_view singular, std::string_view plural = "");

// "source:line" for a JSONL document, else "source".
std::string DocumentLocation(const Document& doc);

// Runs `run`, turning an escaped exception (a bug: the library never throws)
// into an error message and exit code 3.
int Guarded(const std::function<int()>& run);

using Runner = std::function<int()>;
using Setup = Runner (*)(CLI::App& sub);

struct Command {
  const char* name;
  const char* help;
  Setup setup;
};

Runner SetupIngest(CLI::App& sub);
Runner SetupMerge(CLI::App& sub);       // cmd_merge.cpp
Runner SetupExtract(CLI::App& sub);
Runner SetupSql(CLI::App& sub);
Runner SetupStats(CLI::App& sub);
Runner SetupPath(CLI::App& sub);        // cmd_graph.cpp
Runner SetupNeighbours(CLI::App& sub);  // cmd_graph.cpp
Runner SetupRank(CLI::App& sub);        // cmd_graph.cpp
Runner SetupEntity(CLI::App& sub);      // cmd_graph.cpp
Runner SetupEvents(CLI::App& sub);      // cmd_events.cpp
Runner SetupExport(CLI::App& sub);      // cmd_export.cpp
Runner SetupServe(CLI::App& sub);       // cmd_serve.cpp

}  // namespace detente::cli

#endif  // DETENTE_CLI_COMMANDS_H_
