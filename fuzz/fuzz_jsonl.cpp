// libFuzzer target: the JSONL reader (ReadInputs on a .jsonl file), checking
// the contracts in include/detente/input.h. The public API reads paths, so
// each input is written to a private temporary file first.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "detente/input.h"
#include "detente/text.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

const std::string& TempPath() {
  static const std::string path =
      (std::filesystem::temp_directory_path() / ("detente-fuzz-" + std::to_string(getpid()) + ".jsonl"))
          .string();
  static const int cleanup = std::atexit([] { std::remove(path.c_str()); });
  (void)cleanup;
  return path;
}

// Lines end with LF, CRLF or a lone CR (include/detente/input.h).
int CountLines(const uint8_t* data, size_t size) {
  int n = size > 0 ? 1 : 0;
  for (size_t i = 0; i < size; ++i) {
    const bool end = data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n'));
    if (end && i + 1 < size) ++n;
  }
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = TempPath();
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) std::abort();
  if (size > 0) Check(std::fwrite(data, 1, size, f) == size);
  std::fclose(f);

  const int lines = CountLines(data, size);
  int documents = 0, errors = 0, last_line = 0;
  detente::Status s = detente::ReadInputs(
      {path},
      [&](detente::Document& d) {
        ++documents;
        Check(d.source == path);
        Check(d.line > last_line && d.line <= lines);  // in order, a real line
        last_line = d.line;
        Check(!d.text.empty() && detente::IsValidUtf8(d.text));
        Check(detente::IsValidUtf8(d.title));
        Check(!d.id.empty());
        Check(d.date.empty() || d.date.size() == 10);
      },
      [&](const detente::InputError& e) {
        ++errors;
        Check(e.file == path);
        Check(e.line >= 0 && e.line <= lines);
        Check(!e.message.empty());
      });
  Check(s.ok() == (errors == 0));
  return 0;
}
