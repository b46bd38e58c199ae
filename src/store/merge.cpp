// MergeShard: a shard replayed into a store through its own writer
// (detente/merge.h).
#include "detente/merge.h"

#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

namespace detente {
namespace {

// A shard that cannot be read is bad input (kDataError), not a failure of
// the output database (kDatabaseError), so that a caller can tell them apart.
Status ShardError(const Status& s) {
  return s.code() == Status::Code::kDatabaseError ? Status::DataError(s.message()) : s;
}

}  // namespace

Result<MergeStats> MergeShard(Store& out, const std::string& out_path,
                              const std::string& shard_path, const MergeOptions& options) {
  std::error_code ec;
  if (std::filesystem::equivalent(out_path, shard_path, ec)) {
    return Status::InvalidArgument(shard_path + " is the output database itself");
  }
  Result<std::unique_ptr<ShardReader>> reader = ShardReader::Open(shard_path);
  if (!reader.ok()) return ShardError(reader.status());
  MergeStats stats;
  stats.documents = (*reader)->documents();
  // One transaction for the whole shard; each AddDocument is a savepoint in it.
  Status s = out.InTransaction([&]() -> Status {
    StoredDocument d;
    for (;;) {
      Result<bool> more = (*reader)->Next(&d);
      if (!more.ok()) return ShardError(more.status());
      if (!*more) return Status::OK();
      Result<bool> added = out.AddDocument(d.doc, d.extraction);
      if (added.ok()) {
        ++(*added ? stats.added : stats.present);
        if (*added) stats.events += static_cast<int64_t>(d.extraction.events.size());
      } else if (added.status().code() == Status::Code::kDataError) {
        ++stats.rejected;
        if (options.on_rejected) options.on_rejected(d.doc, added.status());
      } else {
        return added.status();
      }
    }
  });
  if (!s.ok()) return s;
  return stats;
}

}  // namespace detente
