// The SQL console behind Store::Query: runs SQL typed by a user under a guard.
// Private to the store module.
//
// The guard is an SQLite authorizer plus a progress handler, installed on a
// connection for the duration of one script:
// - the authorizer allows what the mode allows (table below) and records why
//   it refused anything else, so that the error names it;
// - the progress handler stops the script at its deadline or when the
//   caller's cancel flag is set.
//
//   | what the SQL does                          | read-only | writable |
//   |--------------------------------------------|-----------|----------|
//   | SELECT, WITH (RECURSIVE), reading tables   | yes       | yes      |
//   | INSERT, UPDATE, DELETE, CREATE, DROP, ALTER | no       | yes      |
//   | ANALYZE, REINDEX, CREATE VIRTUAL TABLE      | no       | yes (fts3/4/5, rtree modules only) |
//   | SAVEPOINT, RELEASE                          | no       | yes      |
//   | BEGIN, COMMIT, ROLLBACK (the script is one transaction) | no | no |
//   | ATTACH, DETACH, VACUUM, VACUUM INTO (other files) | no  | no       |
//   | PRAGMA that reads (kAllowedPragmas)         | yes       | yes      |
//   | PRAGMA that changes a setting               | no        | no       |
//   | functions of kAllowedFunctions              | yes       | yes      |
//   | any other function (fts3_tokenizer, load_extension, fts5, readfile, ...) | no | no |
//   | raw page or file virtual tables (sqlite_dbpage, fsdir, ...) | no | no |
//
// Thread safety: none; one script at a time on one connection.
#ifndef DETENTE_STORE_CONSOLE_H_
#define DETENTE_STORE_CONSOLE_H_

#include <cstdint>
#include <string_view>

#include "detente/status.h"
#include "detente/store.h"
#include "detente/sqlite.h"

namespace detente::store_internal {

// The most bytes one value (string or blob) may hold in the console
// (SQLITE_LIMIT_LENGTH while a script runs): a bound on the memory that one
// expression such as zeroblob(1e9) or a runaway group_concat can take.
inline constexpr int kConsoleMaxValueBytes = 64 << 20;

// Runs `sql` on `db` as Store::Query documents it (include/detente/store.h).
// `read_only` selects the guard's mode; the connection itself must be
// read-only too when it is set. The connection's authorizer, progress
// handler and length limit are restored before returning.
Result<int64_t> RunConsole(sql::Db& db, bool read_only, std::string_view sql,
                           const QueryOptions& options, RowSink& sink);

// True when the function `name` (any case) may be called from the console.
bool ConsoleAllowsFunction(std::string_view name);

}  // namespace detente::store_internal

#endif  // DETENTE_STORE_CONSOLE_H_
