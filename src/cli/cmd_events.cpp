// detente events [--format tsv|csv|jsonl] [filters]: one row per event, in the
// columns docs/schema.md maps to GDELT 2.0 and ICEWS fields.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/output.h"
#include "detente/store.h"

namespace detente::cli {
namespace {

struct EventsArgs {
  std::string db;
  std::string format = "tsv";
  EventQuery filter;
};

// Tab-separated values with a header line, as GDELT's files are; a tab,
// newline or backslash inside a value is written \t, \n, \\; NULL is empty.
class TsvWriter : public RowSink {
 public:
  Status Columns(const std::vector<std::string>& names) override {
    for (size_t i = 0; i < names.size(); ++i) (buf_ += i ? "\t" : "") += names[i];
    buf_ += '\n';
    return Flush(false);
  }
  Status Row(const std::vector<QueryValue>& values) override {
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) buf_ += '\t';
      for (char c : values[i].text) {
        switch (c) {
          case '\t': buf_ += "\\t"; break;
          case '\n': buf_ += "\\n"; break;
          case '\r': buf_ += "\\r"; break;
          case '\\': buf_ += "\\\\"; break;
          default: buf_ += c;
        }
      }
    }
    buf_ += '\n';
    return Flush(false);
  }
  Status Flush(bool force) {
    if (!force && buf_.size() < (1 << 16)) return Status::OK();
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), stdout) != buf_.size()) {
      return Status::IOError("cannot write to stdout");
    }
    buf_.clear();
    return std::fflush(stdout) == 0 ? Status::OK() : Status::IOError("cannot write to stdout");
  }

 private:
  std::string buf_;
};

int RunEvents(const EventsArgs& a) {
  const std::string path = ResolveDbPath(a.db);
  if (Status s = RequireExistingDb(path); !s.ok()) return Fail(s);
  // Writable when it can be, so that an older database is brought up to date.
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  if (!store.ok()) {
    StoreOptions ro;
    ro.read_only = true;
    store = Store::Open(path, ro);
  }
  if (!store.ok()) return Fail(store.status());
  if (a.format == "tsv") {
    TsvWriter out;
    Status s = (*store)->Events(a.filter, out);
    if (s.ok()) s = out.Flush(true);
    return s.ok() ? kExitOk : Fail(s);
  }
  ResultWriter out(stdout, a.format == "csv" ? OutputFormat::kCsv : OutputFormat::kJsonl);
  Status s = (*store)->Events(a.filter, out);
  if (s.ok()) s = out.Finish();
  return s.ok() ? kExitOk : Fail(s);
}

}  // namespace

Runner SetupEvents(CLI::App& sub) {
  auto a = std::make_shared<EventsArgs>();
  AddDbOption(sub, &a->db);
  sub.add_option("--format", a->format, "Output format")
      ->check(CLI::IsMember({"tsv", "csv", "jsonl"}))
      ->capture_default_str();
  sub.add_option("--since", a->filter.since, "Only events dated on or after (yyyy[-mm[-dd]])");
  sub.add_option("--until", a->filter.until, "Only events dated on or before (yyyy[-mm[-dd]])");
  sub.add_option("--class", a->filter.classes, "Only these CAMEO code prefixes (comma list)")
      ->delimiter(',');
  AddRoleOption(sub, &a->filter.roles,
                "Only events whose actor or object acted in one of these CAMEO roles "
                "(comma list), e.g. REB,MIL");
  sub.add_option("--entity", a->filter.entities,
                 "Only events whose actor or object is one of these entities (canonical names, "
                 "repeatable)");
  sub.add_flag("--all", a->filter.all_moods, "Also negated, future and possible events");
  sub.add_option("--limit", a->filter.limit, "At most this many events (0: all)")
      ->check(WholeNumber(0, 1000000000000))
      ->capture_default_str();
  sub.footer(
      "One row per event (its mentions counted in `mentions`, its documents in `sources`); "
      "docs/schema.md maps the columns to GDELT 2.0 and ICEWS fields.\n"
      "Exit status: 0 ok, 2 usage, 3 missing or unreadable database.");
  return [a] { return Guarded([&] { return RunEvents(*a); }); };
}

}  // namespace detente::cli
