#include "cli/memory.h"

#include <fmt/format.h>
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace detente::cli {

uint64_t AddressSpaceInUse() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  unsigned long long pages = 0;
  const bool ok = std::fscanf(f, "%llu", &pages) == 1;
  std::fclose(f);
  return ok ? pages * static_cast<uint64_t>(sysconf(_SC_PAGESIZE)) : 0;
}

MemoryGuard::MemoryGuard() {
  rlimit as{};
  if (getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY) {
    limit_ = as.rlim_cur;
    mallopt(M_ARENA_MAX, 1);
  }
  rlimit stack{};
  stack_ = getrlimit(RLIMIT_STACK, &stack) == 0 && stack.rlim_cur != RLIM_INFINITY
               ? stack.rlim_cur
               : uint64_t{8} << 20;
}

Status MemoryGuard::Check() const {
  if (!limited()) return Status::OK();
  const uint64_t used = AddressSpaceInUse();
  if (used + kReserve <= limit_) return Status::OK();
  return Status::ResourceExhausted(
      fmt::format("not enough memory left for another document: {} MiB of address space in use, "
                  "the limit (ulimit -v) is {} MiB, and a document needs about {} MiB more",
                  used >> 20, limit_ >> 20, kReserve >> 20));
}

Status MemoryGuard::CheckLoad() const {
  if (!limited()) return Status::OK();
  const uint64_t used = AddressSpaceInUse();
  if (used + kLoad + kReserve <= limit_) return Status::OK();
  return Status::ResourceExhausted(
      fmt::format("not enough memory to start: the limit (ulimit -v) is {} MiB, and extracting "
                  "needs about {} MiB",
                  limit_ >> 20, (used + kLoad + kReserve + (1 << 20) - 1) >> 20));
}

Result<int> MemoryGuard::FitJobs(int requested) const {
  if (!limited()) return requested;
  DETENTE_RETURN_IF_ERROR(Check());
  const uint64_t room = limit_ - AddressSpaceInUse() - kReserve;
  const uint64_t fit = 1 + room / (stack_ + kPerThread);
  return static_cast<int>(std::min<uint64_t>(static_cast<uint64_t>(requested), fit));
}

}  // namespace detente::cli

namespace detente::cli {

bool OutOfMemory(const Status& s) {
  return s.code() == Status::Code::kResourceExhausted ||
         s.message().find("bad_alloc") != std::string::npos;
}

}  // namespace detente::cli
