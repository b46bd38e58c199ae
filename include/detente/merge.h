// Shards and their merge: a store read back as documents with their
// extractions, and those documents added to another store through its
// writer (Store::AddDocument), so that merging shards resolves entities and
// consolidates events exactly as one ingest of the same documents would.
//
// A shard is any detente database, typically the output of
// `detente ingest --db shard-N.db PART` for one partition of a corpus
// (scripts/cluster_ingest.py, docs/cluster.md).
//
// Thread safety: a ShardReader is not thread-safe; MergeShard uses its Store
// (not thread-safe either) for the whole call.
#ifndef DETENTE_MERGE_H_
#define DETENTE_MERGE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "detente/input.h"
#include "detente/record.h"
#include "detente/status.h"
#include "detente/store.h"

namespace detente {

// One stored document and the extraction that, given to Store::AddDocument,
// stores it again with the same sentences, entities, aliases and events.
// `doc.text` is empty (a store keeps only its hash, in `doc.sha256`);
// `doc.source` is the stored source ("file.jsonl#12"), `doc.line` is 0.
struct StoredDocument {
  int64_t row = 0;  // documents.id in the shard
  Document doc;
  Extraction extraction;
};

// Reads a store's documents in the order they were stored (by row id).
// Each document's extraction holds its sentences (index, title flag,
// offsets, text); as entities, the names its extraction gave, with their
// aliases and attributes, in the order the store resolved them
// (document_entities); and its events with every stored field (Event::time
// is event_date, Event::time_text is time_text), naming actor, object and
// place as the sentence named them. Given to Store::AddDocument in corpus
// order, they resolve again against the whole output store, as one ingest
// resolved them. A document stored without its names (an older detente)
// names each entity by its resolved name, kind and country instead, with
// every alias the shard holds for it. An entity nothing names goes with the
// first document.
class ShardReader {
 public:
  // Opens `path` read-only. kIOError when it is missing, kUnsupported when
  // its schema is not this build's, kDatabaseError when it is not a detente
  // database.
  static Result<std::unique_ptr<ShardReader>> Open(const std::string& path);
  virtual ~ShardReader() = default;

  // How many documents the shard holds.
  virtual int64_t documents() const = 0;

  // Fills `*out` with the next document and returns true; false at the end.
  // kDatabaseError when the shard cannot be read.
  virtual Result<bool> Next(StoredDocument* out) = 0;
};

struct MergeStats {
  int64_t documents = 0;  // documents in the shard
  int64_t added = 0;      // stored by this merge
  int64_t present = 0;    // already in the output store, skipped
  int64_t rejected = 0;   // refused by the writer (MergeOptions::on_rejected)
  int64_t events = 0;     // events of the added documents, as the shard has them
};

struct MergeOptions {
  // Called for each document the output store refuses (kDataError from
  // AddDocument), which is then left out while the rest of the shard is
  // stored. Default: none.
  std::function<void(const Document& doc, const Status& why)> on_rejected;
};

// Adds every document of the shard at `shard_path` to `out` through
// Store::AddDocument, in the shard's order, in one transaction: after a
// crash or a kill the shard is either wholly merged or not at all, and
// merging it again (or a shard holding some of the same documents) skips
// the documents already present. Returns what was done, or an error after
// which nothing of this shard is stored: kDatabaseError only when `out`
// fails; when the shard cannot be used, kInvalidArgument (it is the output
// store's own file, `out_path`), kIOError (missing), kUnsupported (another
// schema) or kDataError (not a detente database, unreadable), each message
// naming the shard.
Result<MergeStats> MergeShard(Store& out, const std::string& out_path,
                              const std::string& shard_path, const MergeOptions& options = {});

}  // namespace detente

#endif  // DETENTE_MERGE_H_
