// Rendering DOT with Graphviz's `dot`, spawned without a shell.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "detente/export.h"

extern char** environ;

namespace detente {
namespace {

// A file made by mkstemp, removed on destruction.
class TempFile {
 public:
  Status Create(const char* suffix_hint) {
    std::filesystem::path dir = std::filesystem::temp_directory_path();
    std::string pattern = (dir / (std::string("detente-") + suffix_hint + "-XXXXXX")).string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    int fd = mkstemp(buf.data());
    if (fd < 0)
      return Status::IOError(std::string("cannot create a temporary file: ") +
                             std::strerror(errno));
    close(fd);
    path_.assign(buf.data());
    return Status::OK();
  }
  ~TempFile() {
    if (!path_.empty()) unlink(path_.c_str());
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

Status RenderDot(std::string_view dot_text, const std::string& format,
                 const std::string& output_path) {
  if (format != "svg" && format != "png" && format != "pdf") {
    return Status::InvalidArgument("unknown render format \"" + format +
                                   "\" (use svg, png or pdf)");
  }
  if (output_path.empty()) return Status::InvalidArgument("rendering needs an output file");
  TempFile input, errors;
  DETENTE_RETURN_IF_ERROR(input.Create("dot"));
  DETENTE_RETURN_IF_ERROR(errors.Create("dot-err"));
  {
    std::ofstream f(input.path(), std::ios::binary);
    f.write(dot_text.data(), static_cast<std::streamsize>(dot_text.size()));
    if (!f) return Status::IOError("cannot write " + input.path());
  }

  std::vector<std::string> args = {"dot", "-T" + format, "-o", output_path, input.path()};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, errors.path().c_str(), O_WRONLY | O_TRUNC, 0);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, "dot", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    return Status::IOError(std::string("cannot run Graphviz `dot` (is graphviz installed?): ") +
                           std::strerror(rc));
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return Status::IOError(std::string("waitpid: ") + std::strerror(errno));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::ifstream f(errors.path());
    std::stringstream ss;
    ss << f.rdbuf();
    std::string err = ss.str();
    while (!err.empty() && (err.back() == '\n' || err.back() == ' ')) err.pop_back();
    return Status::IOError("dot failed" + (err.empty() ? std::string() : ": " + err));
  }
  return Status::OK();
}

}  // namespace detente
