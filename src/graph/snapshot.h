// The graph snapshot: every entity and every event with an object, as the
// graph layer loads them from a database, saved in one binary file next to the
// database (<db>.graph) so that the next command reads it in one go instead of
// scanning SQLite. Private to the graph module.
//
// The file is a cache. It is trusted only when its header matches the
// database it is read for (the db_id and generation of the `generation`
// table, schema/0002_generation.sql) and when its sizes and checksums agree;
// anything else is reported as kDataError and the caller rebuilds it.
#ifndef DETENTE_GRAPH_SNAPSHOT_H_
#define DETENTE_GRAPH_SNAPSHOT_H_

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "detente/graph.h"
#include "detente/status.h"

namespace detente::graph_internal {

// The unfiltered graph: entities by id, and every event that has an object,
// by id, with actor/object as indexes into `entities`. `strings` holds the
// interned action, class, code and date strings; strings[0] == "". `by_name` is
// Graph::NameOrder(entities), kept so that loads need not sort the names.
struct GraphData {
  std::vector<GraphEntity> entities;
  std::vector<GraphEvent> events;
  std::deque<std::string> strings;
  std::vector<uint32_t> by_name;
};

// Which state of which database a snapshot holds.
struct SnapshotKey {
  std::string db_id;       // generation.db_id
  int64_t generation = 0;  // generation.n
};

// The format version in the header; a snapshot of another version is refused
// (kDataError) and so rebuilt.
// 3: entities carry their role; 4: events carry their CAMEO code.
inline constexpr uint32_t kSnapshotVersion = 4;

// The 64-bit checksum the header keeps of itself and of the payload (to
// catch truncation and corruption, not tampering).
uint64_t SnapshotHash(const char* p, size_t n);

// Writes `data` to `path` atomically: to a temporary file in the same
// directory, then renamed over `path`. kIOError when it cannot be written
// (the temporary file is removed).
Status WriteSnapshot(const std::string& path, const SnapshotKey& key, const GraphData& data);

// Reads the snapshot at `path`. kNotFound when there is no file; kDataError
// when it is not a regular file (a symbolic link, a FIFO, a directory: none
// is followed or waited on), is not a snapshot, is from another database,
// generation or format version, or is truncated or corrupt. The header is
// checked before anything else is read, and the payload is copied with
// pread, never mapped: a file truncated while it is read reads short (and is
// reported as truncated) instead of raising SIGBUS.
Result<GraphData> ReadSnapshot(const std::string& path, const SnapshotKey& key);

}  // namespace detente::graph_internal

#endif  // DETENTE_GRAPH_SNAPSHOT_H_
