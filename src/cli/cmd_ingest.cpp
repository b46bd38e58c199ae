// detente ingest [--db FILE] [-q] [-j N] [--lines FIRST-LAST] PATH...
//
// Reads articles, extracts their events and stores each document in its own
// transaction, so that an interrupted run keeps what it committed and a rerun
// completes it. Documents already stored (same title and text) are skipped
// before extraction.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "cli/memory.h"
#include "cli/pipeline.h"
#include "detente/extract.h"
#include "detente/input.h"
#include "detente/store.h"

namespace detente::cli {
namespace {

struct IngestArgs {
  std::string db;
  bool quiet = false;
  int jobs = DefaultJobs();
  std::string lines;  // --lines FIRST-LAST, empty: every line
  std::vector<std::string> paths;
};

// "FIRST-LAST" or "FIRST-" into `options` (1-based, FIRST <= LAST).
bool ParseLines(const std::string& text, InputOptions* options) {
  int first = 0, last = 0, used = 0;
  if (std::sscanf(text.c_str(), "%9d-%n", &first, &used) != 1 || used == 0 || first < 1) {
    return false;
  }
  const std::string rest = text.substr(static_cast<size_t>(used));
  if (!rest.empty()) {
    if (rest.find_first_not_of("0123456789") != std::string::npos || rest.size() > 9) return false;
    last = std::stoi(rest);
    if (last < first) return false;
  }
  options->first_line = first;
  options->last_line = last;
  return true;
}

class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled) {}
  ~Progress() { Clear(); }
  void Update(long done, long added, long skipped, long rejected) {
    if (!enabled_) return;
    // Only long runs get a progress line: none in the first second.
    auto now = std::chrono::steady_clock::now();
    if (now - start_ < std::chrono::seconds(1)) return;
    if (shown_ && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    fmt::print(stderr, "\rdetente: {} ({} added, {} present, {} rejected)", Count(done, "document"),
               added, skipped, rejected);
    std::fflush(stderr);
    shown_ = true;
  }
  // Erases the progress line so that messages start on a clean line.
  void Clear() {
    if (!shown_) return;
    std::fprintf(stderr, "\r\033[K");
    shown_ = false;
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

int RunIngest(const IngestArgs& args) {
  const std::string db_path = ResolveDbPath(args.db);
  InputOptions input;
  if (!args.lines.empty() && !ParseLines(args.lines, &input)) {
    Note("--lines: \"" + args.lines + "\" is not FIRST-LAST or FIRST- (line numbers from 1)");
    return kExitUsage;
  }
  // Under ulimit -v: refuse to start, or run fewer threads, rather than let
  // Link Grammar hit the limit (cli/memory.h).
  MemoryGuard memory;
  if (Status s = memory.CheckLoad(); !s.ok()) return Fail(s);
  StoreOptions store_options;
  store_options.extractor_version = Extractor::Version();
  Result<std::unique_ptr<Store>> store = Store::Open(db_path, store_options);
  if (!store.ok()) return Fail(store.status());
  Result<std::unique_ptr<Extractor>> extractor = Extractor::Create(ExtractOptions());
  if (!extractor.ok()) return Fail(extractor.status());
  Result<int> jobs = memory.FitJobs(args.jobs);
  if (!jobs.ok()) return Fail(jobs.status());

  long added = 0, present = 0, rejected = 0;
  Status fatal;  // a database failure: stop storing, report once
  Progress progress(!args.quiet && StderrIsTerminal());
  auto report = [&](const std::string& where, const std::string& message) {
    progress.Clear();
    Report(where, message);
  };

  // Runs on this thread, in input order, whatever --jobs is.
  auto on_extracted = [&](Document& doc, Result<Extraction>& x) {
    if (!fatal.ok()) return;
    if (!x.ok() && OutOfMemory(x.status())) {
      fatal = Status::ResourceExhausted("out of memory while extracting " + DocumentLocation(doc));
    } else if (!x.ok()) {
      ++rejected;
      report(DocumentLocation(doc), "cannot extract: " + x.status().message());
    } else {
      Result<bool> r = (*store)->AddDocument(doc, *x);
      if (r.ok()) {
        ++(*r ? added : present);
      } else if (r.status().code() == Status::Code::kDataError) {
        ++rejected;
        report(DocumentLocation(doc), "not stored: " + r.status().message());
      } else {
        fatal = r.status();
      }
    }
    progress.Update(added + present + rejected, added, present, rejected);
  };
  ExtractPipeline pipeline(**extractor, *jobs, on_extracted);
  auto on_document = [&](Document& doc) {
    if (!fatal.ok()) return;
    if (Status room = memory.Check(); !room.ok()) {
      fatal = room;
      return;
    }
    // Skip known documents before the costly extraction.
    Result<bool> known = (*store)->Contains(doc);
    if (!known.ok()) {
      fatal = known.status();
    } else if (*known) {
      ++present;
      progress.Update(added + present + rejected, added, present, rejected);
    } else {
      pipeline.Add(std::move(doc));
    }
  };
  auto on_error = [&](const InputError& e) {
    ++rejected;
    report(e.file + (e.line > 0 ? ":" + std::to_string(e.line) : ""), e.message);
  };
  ReadInputs(args.paths, on_document, on_error, input);
  pipeline.Finish();
  progress.Clear();
  if (!fatal.ok()) {
    Note(fmt::format("stopped after {} added: {}", Count(added, "document"), fatal.message()));
    return ExitCodeFor(fatal) == kExitInterrupted ? kExitInterrupted : kExitDataError;
  }
  if (!args.quiet) {
    Note(fmt::format("{} added, {} already present, {} rejected ({})", Count(added, "document"),
                     present, rejected, db_path));
  }
  return rejected > 0 ? kExitDataError : kExitOk;
}

}  // namespace

Runner SetupIngest(CLI::App& sub) {
  auto args = std::make_shared<IngestArgs>();
  AddDbOption(sub, &args->db);
  sub.add_flag("-q,--quiet", args->quiet, "No progress line and no summary; errors still shown");
  sub.add_option("-j,--jobs", args->jobs,
                 "Extract on N threads (default: one per core; documents are stored in order)")
      ->check(WholeNumber(1, 64))
      ->capture_default_str();
  sub.add_option("--lines", args->lines,
                 "Only lines FIRST-LAST (or FIRST- to the end) of each JSONL file; for "
                 "partitions of one file");
  sub.add_option("PATH", args->paths,
                 "Articles: .txt/.md files, .jsonl files, directories, or - for stdin")
      ->required();
  sub.footer(
      "Each document is stored in its own transaction; documents already stored are skipped.\n"
      "Bad inputs are reported as FILE:LINE: MESSAGE and skipped. Reads are capped: 4 MiB a\n"
      "document or JSONL line, 1 GiB from stdin, a pipe or a device. Under ulimit -v, as many\n"
      "threads run as fit, and the run stops cleanly when memory runs short (what was stored\n"
      "stays). A file whose name starts with '-' goes after --.\n"
      "Exit status: 0 ok, 2 usage, 3 some input was rejected or the database failed.");
  return [args] { return Guarded([&] { return RunIngest(*args); }); };
}

}  // namespace detente::cli
