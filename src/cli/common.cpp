#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "cli/commands.h"

namespace detente::cli {

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk: return kExitOk;
    case Status::Code::kNotFound: return kExitNoResult;
    case Status::Code::kInvalidArgument: return kExitUsage;
    default: return kExitDataError;
  }
}

int Fail(const Status& status) {
  std::fprintf(stderr, "detente: %s\n", status.message().c_str());
  return ExitCodeFor(status);
}

std::string ResolveDbPath(const std::string& flag_value) {
  if (!flag_value.empty()) return flag_value;
  const char* env = std::getenv("DETENTE_DB");
  if (env && *env) return env;
  return "detente.db";
}

Status RequireExistingDb(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return Status::OK();
  return Status::IOError("no database at " + path +
                         " (create one with `detente ingest`, or pass --db FILE)");
}

void AddDbOption(CLI::App& sub, std::string* value) {
  sub.add_option("--db", *value, "Database file (default: $DETENTE_DB, else ./detente.db)");
}

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

std::string DocumentLocation(const Document& doc) {
  return doc.line > 0 ? doc.source + ":" + std::to_string(doc.line) : doc.source;
}

int Guarded(const std::function<int()>& run) {
  try {
    return run();
  } catch (const std::exception& e) {
    return Fail(Status::Internal(std::string("unexpected error: ") + e.what()));
  } catch (...) {
    return Fail(Status::Internal("unexpected error"));
  }
}

int DefaultJobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(std::min(n, 64u));
}

}  // namespace detente::cli
