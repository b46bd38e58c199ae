// detente stats [--db FILE] [--format table|json]: what the database holds.
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/output.h"
#include "detente/store.h"
#include "detente/json.h"

namespace detente::cli {
namespace {

struct StatsArgs {
  std::string db;
  std::string format = "table";
};

int RunStats(const StatsArgs& args) {
  const std::string path = ResolveDbPath(args.db);
  if (Status s = RequireExistingDb(path); !s.ok()) return Fail(s);
  StoreOptions options;
  options.read_only = true;
  Result<std::unique_ptr<Store>> store = Store::Open(path, options);
  if (!store.ok()) return Fail(store.status());
  Result<StoreStats> st = (*store)->Stats();
  if (!st.ok()) return Fail(st.status());
  const std::pair<const char*, int64_t> counts[] = {
      {"documents", st->documents}, {"sentences", st->sentences},
      {"entities", st->entities},   {"aliases", st->aliases},
      {"events", st->events},       {"schema_version", st->schema_version},
  };
  std::string out;
  if (args.format == "json") {
    JsonWriter w;
    w.BeginObject().Key("database").String(path);
    for (const auto& [name, n] : counts) w.Key(name).Int(n);
    w.EndObject();
    out = w.Take() + "\n";
  } else {
    QueryResult r;
    r.columns = {"what", "count"};
    for (const auto& [name, n] : counts) {
      r.rows.push_back({std::string(name), std::to_string(n)});
      r.numeric.push_back({false, true});
    }
    out = FormatResult(r, OutputFormat::kTable);
  }
  if (!WriteStdout(out)) return Fail(Status::IOError("cannot write to stdout"));
  return kExitOk;
}

}  // namespace

Runner SetupStats(CLI::App& sub) {
  auto args = std::make_shared<StatsArgs>();
  AddDbOption(sub, &args->db);
  sub.add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  sub.footer("Exit status: 0 ok, 2 usage, 3 missing or unreadable database.");
  return [args] { return Guarded([&] { return RunStats(*args); }); };
}

}  // namespace detente::cli
