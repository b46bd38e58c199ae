#include "test_util.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace detente::testing {

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("detente-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + "-" +
           std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void WriteFile(const std::string& path, const std::string& content) {
  std::filesystem::path p(path);
  if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
  std::ofstream f(path, std::ios::binary);
  f << content;
  if (!f) throw std::runtime_error("cannot write " + path);
}

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string SourceDir() { return DETENTE_SOURCE_DIR; }

namespace {

pid_t Spawn(const std::vector<std::string>& args, const std::string& in_path,
            const std::string& out_path, const std::string& err_path) {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, in_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> copy = args;
  std::vector<char*> argv;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid;
  int rc = posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  return rc == 0 ? pid : -1;
}

}  // namespace

RunResult WaitFor(pid_t pid, std::chrono::milliseconds timeout) {
  RunResult r;
  if (pid <= 0) return r;
  int status = 0;
  if (timeout.count() > 0) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (waitpid(pid, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() >= deadline) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        r.timed_out = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  } else {
    waitpid(pid, &status, 0);
  }
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  return r;
}

RunResult RunCommand(const std::vector<std::string>& args, const std::string& stdin_data,
                     std::chrono::milliseconds timeout) {
  if (args.empty()) return RunResult();
  TempDir io;
  std::string in = io.File("stdin"), out = io.File("stdout"), err = io.File("stderr");
  WriteFile(in, stdin_data);
  pid_t pid = Spawn(args, in, out, err);
  if (pid < 0) return RunResult();
  RunResult r = WaitFor(pid, timeout);
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

std::string DetenteBinary() {
  const char* env_bin = std::getenv("DETENTE_BINARY");
  std::string bin = env_bin && *env_bin ? env_bin : DETENTE_BINARY;
  // A missing binary must fail the test, not pass as a non-zero exit.
  if (access(bin.c_str(), X_OK) != 0) throw std::runtime_error("cannot run " + bin);
  return bin;
}

RunResult RunDetente(const std::vector<std::string>& args, const std::string& stdin_data,
                     std::chrono::milliseconds timeout) {
  std::vector<std::string> argv{DetenteBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, stdin_data, timeout);
}

pid_t SpawnDetente(const std::vector<std::string>& args, const std::string& out_path,
                   const std::string& err_path) {
  std::vector<std::string> argv{DetenteBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return Spawn(argv, "/dev/null", out_path, err_path);
}

}  // namespace detente::testing
