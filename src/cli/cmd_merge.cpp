// detente merge [-q] OUT.db SHARD.db...
//
// Merges shards (databases written by `detente ingest`, usually one per
// partition of a corpus: scripts/cluster_ingest.py) into OUT.db, one
// transaction per shard, through the same writer as ingest: documents
// already in OUT.db are skipped, entities and events are resolved as one
// ingest of all the documents would. A killed merge keeps the shards it
// committed; running it again finishes the rest.
#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "detente/extract.h"
#include "detente/merge.h"
#include "detente/store.h"

namespace detente::cli {
namespace {

struct MergeArgs {
  std::string out;
  std::vector<std::string> shards;
  bool quiet = false;
};

int RunMerge(const MergeArgs& args) {
  // Merged events are stamped with this build's extractor version, as an
  // ingest of the same documents would be.
  StoreOptions store_options;
  store_options.extractor_version = Extractor::Version();
  Result<std::unique_ptr<Store>> store = Store::Open(args.out, store_options);
  if (!store.ok()) return Fail(store.status());
  MergeOptions options;
  std::string shard;  // the one being merged, for messages
  long rejected = 0, failed = 0;
  options.on_rejected = [&](const Document& doc, const Status& why) {
    ++rejected;
    Report(shard + ": " + doc.source, "not stored: " + why.message());
  };
  MergeStats total;
  for (const std::string& path : args.shards) {
    shard = path;
    Result<MergeStats> r = MergeShard(**store, args.out, path, options);
    if (!r.ok()) {
      // A shard that cannot be read is reported and left out; a failing
      // output database stops the merge (what was committed stays).
      if (r.status().code() == Status::Code::kDatabaseError) {
        Note(fmt::format("stopped at {}: {}", path, r.status().message()));
        return kExitDataError;
      }
      ++failed;
      Note(r.status().message() + " (shard left out)");
      continue;
    }
    total.documents += r->documents;
    total.added += r->added;
    total.present += r->present;
    total.events += r->events;
    if (!args.quiet) {
      Note(fmt::format("{}: {} added, {} already present, {} events", path,
                       Count(r->added, "document"), r->present, r->events));
    }
  }
  if (!args.quiet) {
    Note(fmt::format("merged {} into {}: {} added, {} already present, {} rejected, {} events",
                     Count(static_cast<int64_t>(args.shards.size()) - failed, "shard"), args.out,
                     Count(total.added, "document"), total.present, rejected, total.events));
  }
  return rejected > 0 || failed > 0 ? kExitDataError : kExitOk;
}

}  // namespace

Runner SetupMerge(CLI::App& sub) {
  auto args = std::make_shared<MergeArgs>();
  sub.add_flag("-q,--quiet", args->quiet, "No summary lines; errors still shown");
  sub.add_option("OUT", args->out, "The database to merge into (created if missing)")->required();
  sub.add_option("SHARD", args->shards, "Databases written by detente ingest")->required();
  sub.footer(
      "Each shard is merged in one transaction, in the order given, through the writer that\n"
      "ingest uses: documents already in OUT are skipped, entities and events are resolved\n"
      "across shards as one ingest of all their documents would. A killed merge keeps the\n"
      "shards it committed; run it again to finish. Shards merged in the order of their\n"
      "partitions give the store that one ingest of the corpus gives (ids aside).\n"
      "Exit status: 0 ok, 2 usage, 3 a shard could not be read, a document was refused, or\n"
      "the output database failed.");
  return [args] { return Guarded([&] { return RunMerge(*args); }); };
}

}  // namespace detente::cli
