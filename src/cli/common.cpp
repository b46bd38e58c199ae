#include <cstdio>
#include <cstdlib>

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

}  // namespace detente::cli
