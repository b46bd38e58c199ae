#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <new>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.h"
#include "detente/escape.h"

namespace detente::cli {

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk: return kExitOk;
    case Status::Code::kNotFound: return kExitNoResult;
    case Status::Code::kInvalidArgument: return kExitUsage;
    case Status::Code::kCancelled: return kExitInterrupted;
    default: return kExitDataError;
  }
}

std::string Printable(std::string_view s) { return EscapeControls(s); }

int Fail(const Status& status) {
  Note(status.message());
  return ExitCodeFor(status);
}

void Note(std::string_view message) {
  fmt::print(stderr, "detente: {}\n", Printable(message));
  std::fflush(stderr);
}

void Report(std::string_view where, std::string_view message) {
  fmt::print(stderr, "{}: {}\n", Printable(where), Printable(message));
  std::fflush(stderr);
}

CLI::Validator WholeNumber(long long min, long long max) {
  return CLI::Validator(
      [min, max](std::string& in) -> std::string {
        long long v = 0;
        auto [end, ec] = std::from_chars(in.data(), in.data() + in.size(), v);
        if (ec != std::errc() || end != in.data() + in.size() || v < min || v > max) {
          return fmt::format("{} is not a whole number from {} to {}", Printable(in), min, max);
        }
        return "";
      },
      fmt::format("INT in [{} - {}]", min, max));
}

CLI::Validator NonNegativeSeconds() {
  return CLI::Validator(
      [](std::string& in) -> std::string {
        double v = 0;
        auto [end, ec] = std::from_chars(in.data(), in.data() + in.size(), v);
        if (ec != std::errc() || end != in.data() + in.size() || !std::isfinite(v) || v < 0 ||
            v > 1e7) {
          return fmt::format("{} is not a number of seconds (0 or more)", Printable(in));
        }
        return "";
      },
      "SECONDS");
}

CLI::Option* AddRoleOption(CLI::App& sub, std::vector<Role>* roles, const std::string& help) {
  const CLI::Validator code(
      [](std::string& in) -> std::string {
        if (ParseRole(in)) return "";
        return fmt::format("{} is not a CAMEO role; the roles are {}", Printable(in), RoleNames());
      },
      "");
  auto parse = [roles](const std::vector<std::string>& codes) {
    for (const std::string& c : codes) roles->push_back(*ParseRole(c));  // checked above
  };
  return sub.add_option_function<std::vector<std::string>>("--role", parse, help)
      ->delimiter(',')
      ->check(code);
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
  if (ec && ec != std::errc::no_such_file_or_directory) {
    return Status::IOError("cannot open database " + path + ": " + ec.message());
  }
  return Status::IOError("no database at " + path +
                         " (create one with `detente ingest`, or pass --db FILE)");
}

void AddDbOption(CLI::App& sub, std::string* value) {
  sub.add_option("--db", *value, "Database file (default: $DETENTE_DB, else ./detente.db)");
}

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

std::string Count(int64_t n, std::string_view singular, std::string_view plural) {
  if (n == 1) return fmt::format("1 {}", singular);
  if (plural.empty()) return fmt::format("{} {}s", n, singular);
  return fmt::format("{} {}", n, plural);
}

std::string DocumentLocation(const Document& doc) {
  return doc.line > 0 ? doc.source + ":" + std::to_string(doc.line) : doc.source;
}

int Guarded(const std::function<int()>& run) {
  try {
    return run();
  } catch (const std::bad_alloc&) {
    return Fail(Status::ResourceExhausted(
        "out of memory (is the address space limited? see ulimit -v); the database keeps every "
        "document stored before"));
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
