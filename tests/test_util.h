// Helpers shared by the tests: temporary folders and running the real binary.
#ifndef DETENTE_TESTS_TEST_UTIL_H_
#define DETENTE_TESTS_TEST_UTIL_H_

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace detente::testing {

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Writes `content` to `path`, creating parent directories.
void WriteFile(const std::string& path, const std::string& content);
std::string ReadFile(const std::string& path);

struct RunResult {
  int exit_code = -1;      // -1 when killed by a signal
  int signal = 0;          // the signal that ended it, if any
  bool timed_out = false;  // killed (SIGKILL) because it outran its time limit
  std::string out;
  std::string err;
};

// Runs argv[0], looked up on PATH, with the rest of `argv` (no shell),
// feeding `stdin_data`. exit_code is -1 when it could not run or was killed.
// A non-zero `timeout` kills it with SIGKILL when it runs longer.
RunResult RunCommand(const std::vector<std::string>& argv, const std::string& stdin_data = "",
                     std::chrono::milliseconds timeout = {});

// Runs the real detente binary with `args` (no shell), feeding `stdin_data`.
RunResult RunDetente(const std::vector<std::string>& args, const std::string& stdin_data = "",
                     std::chrono::milliseconds timeout = {});

// The path of the detente binary under test.
std::string DetenteBinary();

// Starts the real detente binary with `args` (no shell) and returns at once
// with its pid (-1 on failure); stdin is /dev/null, stdout and stderr go to
// the files given (created or truncated). Reap it with WaitFor.
pid_t SpawnDetente(const std::vector<std::string>& args, const std::string& out_path,
                   const std::string& err_path);

// Waits for `pid`; fills exit_code, signal and timed_out (not out/err).
RunResult WaitFor(pid_t pid, std::chrono::milliseconds timeout = {});

// The source tree root, for examples/ and data/.
std::string SourceDir();

}  // namespace detente::testing

#endif  // DETENTE_TESTS_TEST_UTIL_H_
