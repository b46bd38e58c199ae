// Staying inside an address-space limit (ulimit -v, RLIMIT_AS). Link Grammar
// does not survive a failed allocation (it crashes or spins), so ingest and
// extract keep clear of the limit instead: they run only as many threads as
// fit, and stop cleanly, between documents, when the room left is too small
// for another one.
#ifndef DETENTE_CLI_MEMORY_H_
#define DETENTE_CLI_MEMORY_H_

#include <cstdint>

#include "detente/status.h"

namespace detente::cli {

class MemoryGuard {
 public:
  // Address space kept free for one document's extraction (a Link Grammar
  // parse, the SQLite page cache) besides what is in use.
  static constexpr uint64_t kReserve = uint64_t{24} << 20;
  // Per extraction thread, on top of its stack.
  static constexpr uint64_t kPerThread = uint64_t{24} << 20;
  // To load the extractor's word lists and Link Grammar's dictionary (about
  // 36 MiB measured, in a release build).
  static constexpr uint64_t kLoad = uint64_t{48} << 20;

  // Reads the limit. With one set, also keeps glibc to one malloc arena:
  // each further arena reserves 64 MiB of address space.
  MemoryGuard();

  bool limited() const { return limit_ != 0; }
  // How many of `requested` extraction threads fit in the room left; at
  // least 1. kResourceExhausted when not even one document fits.
  Result<int> FitJobs(int requested) const;
  // OK while the room left is at least kReserve; else kResourceExhausted
  // saying how much is used of how much.
  Status Check() const;
  // OK when the room left can hold the extractor (kLoad) and one document.
  Status CheckLoad() const;

 private:
  uint64_t limit_ = 0;  // 0: none
  uint64_t stack_ = 0;  // a thread's stack
};

// True for a failed allocation: kResourceExhausted, or an exception turned
// into a status (the extractor reports std::bad_alloc as kInternal).
bool OutOfMemory(const Status& s);

// The address space this process uses now (VmSize), in bytes; 0 if unknown.
uint64_t AddressSpaceInUse();

}  // namespace detente::cli

#endif  // DETENTE_CLI_MEMORY_H_
