// Rendering DOT with Graphviz's `dot`, spawned without a shell, and writing
// output files whole or not at all.
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "detente/export.h"

extern char** environ;

namespace detente {
namespace {

namespace fs = std::filesystem;

std::string Errno() { return std::strerror(errno); }

// Writes all of `text` to `fd`; false (errno set) on failure.
bool WriteAll(int fd, std::string_view text) {
  while (!text.empty()) {
    ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    text.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Reads all of `path`; false (errno set) on failure.
bool ReadAll(const std::string& path, std::string* out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int e = errno;
      ::close(fd);
      errno = e;
      return false;
    }
    if (n == 0) break;
    out->append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return true;
}

// A temporary file of our own: an absolute path, removed on destruction.
class TempFile {
 public:
  // In the system's temporary directory.
  Status Create(const char* hint) {
    std::error_code ec;
    fs::path dir = fs::absolute(fs::temp_directory_path(ec), ec);
    if (ec) dir = "/tmp";
    return CreateIn(dir, std::string("detente-") + hint, 0600);
  }
  // In `dir`, named after `stem`, with `mode` (before the umask).
  Status CreateIn(const fs::path& dir, const std::string& stem, mode_t mode) {
    static std::atomic<unsigned> counter{0};
    std::random_device rd;
    for (int attempt = 0; attempt < 100; ++attempt) {
      const std::string name = "." + stem + ".tmp-" + std::to_string(::getpid()) + "-" +
                               std::to_string(counter++) + "-" + std::to_string(rd() % 1000000);
      const std::string path = (dir / name).string();
      int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
      if (fd >= 0) {
        fd_ = fd;
        path_ = path;
        return Status::OK();
      }
      if (errno != EEXIST) break;
    }
    return Status::IOError("cannot create a file in " + dir.string() + ": " + Errno());
  }
  ~TempFile() {
    Close();
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  // False (errno set) when the close reports a failed write.
  bool Close() {
    if (fd_ < 0) return true;
    const int rc = ::close(fd_);
    fd_ = -1;
    return rc == 0;
  }
  // The file now belongs under another name: do not remove it.
  void Release() { path_.clear(); }

 private:
  int fd_ = -1;
  std::string path_;
};

// One output being written: where it goes, and its temporary file when it
// is a regular file (a device or FIFO is written in place).
struct Staged {
  std::string path;    // as given, for messages
  std::string target;  // what is renamed over: `path`, or where its link points
  TempFile temp;
  bool in_place = false;
};

Status Stage(const std::string& path, std::string_view text, Staged* s) {
  s->path = path;
  s->target = path;
  auto fail = [&](const std::string& why) {
    return Status::IOError("cannot write " + path + ": " + why);
  };
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) return fail(ec.message());
  if (fs::exists(st) && fs::is_directory(st)) return fail("it is a directory");
  if (fs::exists(st) && !fs::is_regular_file(st)) {
    // /dev/null, /dev/stdout, a FIFO: nothing to rename over.
    s->in_place = true;
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_TRUNC);
    if (fd < 0) return fail(Errno());
    const bool ok = WriteAll(fd, text);
    const int e = errno;
    ::close(fd);
    errno = e;
    return ok ? Status::OK() : fail(Errno());
  }
  if (fs::is_symlink(fs::symlink_status(path, ec))) {
    fs::path resolved = fs::weakly_canonical(path, ec);
    if (!ec) s->target = resolved.string();
  }
  const fs::path target(s->target);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  // A rewrite keeps the old file's permissions; a new file gets 0666 less
  // the umask, as any other new file.
  mode_t mode = 0666;
  struct stat old {};
  const bool existed = ::stat(s->target.c_str(), &old) == 0;
  if (existed) mode = old.st_mode & 07777;
  if (!fs::is_directory(dir, ec)) return fail("directory " + dir.string() + " does not exist");
  Status created = s->temp.CreateIn(dir, target.filename().string(), mode);
  if (!created.ok()) return fail(created.message());
  if (existed) ::fchmod(s->temp.fd(), mode);
  if (!WriteAll(s->temp.fd(), text) || ::fsync(s->temp.fd()) != 0 || !s->temp.Close()) {
    return fail(Errno());
  }
  return Status::OK();
}

}  // namespace

Status WriteFilesAtomically(const std::vector<std::pair<std::string, std::string_view>>& files) {
  std::vector<Staged> staged(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    DETENTE_RETURN_IF_ERROR(Stage(files[i].first, files[i].second, &staged[i]));
  }
  for (Staged& s : staged) {
    if (s.in_place) continue;
    if (::rename(s.temp.path().c_str(), s.target.c_str()) != 0) {
      return Status::IOError("cannot write " + s.path + ": " + Errno());
    }
    s.temp.Release();
  }
  return Status::OK();
}

Result<std::string> RenderDotToBytes(std::string_view dot_text, const std::string& format) {
  if (format != "svg" && format != "png" && format != "pdf") {
    return Status::InvalidArgument("unknown render format \"" + format +
                                   "\" (use svg, png or pdf)");
  }
  TempFile input, output, errors;
  DETENTE_RETURN_IF_ERROR(input.Create("dot"));
  DETENTE_RETURN_IF_ERROR(output.Create("render"));
  DETENTE_RETURN_IF_ERROR(errors.Create("dot-err"));
  if (!WriteAll(input.fd(), dot_text) || !input.Close()) {
    return Status::IOError("cannot write " + input.path() + ": " + Errno());
  }
  output.Close();
  errors.Close();

  // Every path is ours and absolute; "-o" and its value are one word.
  std::vector<std::string> args = {"dot", "-T" + format, "-o" + output.path(), input.path()};
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
    if (errno != EINTR) return Status::IOError(std::string("waitpid: ") + Errno());
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string err;
    ReadAll(errors.path(), &err);
    while (!err.empty() && (err.back() == '\n' || err.back() == ' ')) err.pop_back();
    for (char& c : err) {
      if (c == '\n') c = ';';
    }
    return Status::IOError("dot failed" + (err.empty() ? std::string() : ": " + err));
  }
  std::string bytes;
  if (!ReadAll(output.path(), &bytes)) {
    return Status::IOError("cannot read what dot rendered: " + Errno());
  }
  return bytes;
}

Status RenderDot(std::string_view dot_text, const std::string& format,
                 const std::string& output_path) {
  if (output_path.empty()) return Status::InvalidArgument("rendering needs an output file");
  if (format != "svg" && format != "png" && format != "pdf") {
    return Status::InvalidArgument("unknown render format \"" + format +
                                   "\" (use svg, png or pdf)");
  }
  Result<std::string> bytes = RenderDotToBytes(dot_text, format);
  if (!bytes.ok()) return bytes.status();
  return WriteFilesAtomically({{output_path, *bytes}});
}

}  // namespace detente
