// Helpers shared by the tests: temporary folders and running the real binary.
#ifndef DETENTE_TESTS_TEST_UTIL_H_
#define DETENTE_TESTS_TEST_UTIL_H_

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
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

// Runs argv[0], looked up on PATH, with the rest of `argv` (no shell),
// feeding `stdin_data`. exit_code is -1 when it could not run or was killed.
RunResult RunCommand(const std::vector<std::string>& argv, const std::string& stdin_data = "");

// Runs the real detente binary with `args` (no shell), feeding `stdin_data`.
RunResult RunDetente(const std::vector<std::string>& args, const std::string& stdin_data = "");

// The source tree root, for examples/ and data/.
std::string SourceDir();

}  // namespace detente::testing

#endif  // DETENTE_TESTS_TEST_UTIL_H_
