// Temporary: replaced by cmd_ingest.cpp, cmd_extract.cpp, cmd_sql.cpp, cmd_stats.cpp.
#include "cli/commands.h"
namespace detente::cli {
static Runner NotYet(CLI::App&) { return [] { return Fail(Status::Unsupported("not implemented yet")); }; }
Runner SetupIngest(CLI::App& s) { return NotYet(s); }
Runner SetupExtract(CLI::App& s) { return NotYet(s); }
Runner SetupSql(CLI::App& s) { return NotYet(s); }
Runner SetupStats(CLI::App& s) { return NotYet(s); }
}  // namespace detente::cli
