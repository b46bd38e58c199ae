// The subcommands of the detente CLI, listed in one table as ninja lists its
// tools. Each command adds its options to its CLI11 subcommand and returns a
// function that runs it after parsing and gives the process exit code.
#ifndef DETENTE_CLI_COMMANDS_H_
#define DETENTE_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

#include "detente/input.h"
#include "detente/status.h"

namespace detente::cli {

// Exit codes, mapped in one place: 0 ok, 1 no result, 2 usage, 3 data or
// database error.
enum ExitCode { kExitOk = 0, kExitNoResult = 1, kExitUsage = 2, kExitDataError = 3 };
int ExitCodeFor(const Status& status);

// Prints "detente: <message>" to stderr and returns ExitCodeFor(status).
int Fail(const Status& status);

// The database path: --db if given, else $DETENTE_DB, else ./detente.db.
std::string ResolveDbPath(const std::string& flag_value);

// For commands that only read a database: OK when `path` exists, else a
// kIOError telling the user to create it with `detente ingest` (so that a
// typo in --db never creates an empty database).
Status RequireExistingDb(const std::string& path);

// Adds the --db option (see ResolveDbPath) to `sub`, storing into `value`.
void AddDbOption(CLI::App& sub, std::string* value);

// True when stderr is a terminal (progress lines are shown only then).
bool StderrIsTerminal();

// The default --jobs: one extraction thread per core, at most 64.
int DefaultJobs();

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
Runner SetupExtract(CLI::App& sub);
Runner SetupSql(CLI::App& sub);
Runner SetupStats(CLI::App& sub);
Runner SetupPath(CLI::App& sub);        // cmd_graph.cpp
Runner SetupNeighbours(CLI::App& sub);  // cmd_graph.cpp
Runner SetupRank(CLI::App& sub);        // cmd_graph.cpp
Runner SetupEntity(CLI::App& sub);      // cmd_graph.cpp
Runner SetupExport(CLI::App& sub);      // cmd_export.cpp
Runner SetupServe(CLI::App& sub);       // cmd_serve.cpp

}  // namespace detente::cli

#endif  // DETENTE_CLI_COMMANDS_H_
