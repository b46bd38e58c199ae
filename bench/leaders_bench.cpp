// Load time, memory and lookup speed of the leaders gazetteer
// (src/entities/leaders.h), for docs/benchmarks.md. Loads DATA_DIR/leaders.tsv
// RUNS times (default 5) and prints the median and min-max load time, the
// heap the loaded Leaders holds, and the time per lookup. Run by
// bench/leaders.sh.
#include <malloc.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "entities/leaders.h"

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

size_t HeapBytes() { return mallinfo2().uordblks; }

// CPU time of this process, in ms: less disturbed than wall-clock time when
// the machine is shared.
double CpuMs() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

void PrintMs(const char* what, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  std::printf("%s ms: median %.1f (%.1f-%.1f) over %zu runs\n", what, ms[ms.size() / 2], ms.front(),
              ms.back(), ms.size());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: detente_bench_leaders DATA_DIR [RUNS]\n");
    return 2;
  }
  const std::string dir = argv[1];
  const int runs = argc == 3 ? std::max(5, std::atoi(argv[2])) : 5;

  std::vector<double> load_ms, cpu_ms;
  size_t held = 0;
  for (int i = 0; i < runs; ++i) {
    size_t before = HeapBytes();
    double c0 = CpuMs();
    Clock::time_point t0 = Clock::now();
    detente::Result<detente::Leaders> r = detente::Leaders::Load(dir);
    Clock::time_point t1 = Clock::now();
    cpu_ms.push_back(CpuMs() - c0);
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
      return 3;
    }
    held = HeapBytes() - before;
    load_ms.push_back(Ms(t1 - t0));
  }

  detente::Leaders l = std::move(detente::Leaders::Load(dir)).value();
  size_t terms = 0;
  std::vector<std::string> names;
  for (const detente::Leader& p : l.leaders()) {
    terms += p.terms.size();
    names.push_back(p.name);
    names.push_back("Unknown " + p.name);  // a miss for every hit
  }
  const char* dates[] = {"", "2003-05-01", "2016-11-09", "2024-02-29"};
  size_t found = 0, lookups = 0;
  Clock::time_point t0 = Clock::now();
  for (int rep = 0; rep < 20; ++rep) {
    for (size_t i = 0; i < names.size(); ++i, ++lookups) {
      found += l.Find(names[i], dates[(i + rep) % 4]) ? 1 : 0;
    }
  }
  double ns = Ms(Clock::now() - t0) * 1e6 / static_cast<double>(lookups);

  std::printf("people %zu, terms %zu\n", l.leaders().size(), terms);
  PrintMs("load (wall)", load_ms);
  PrintMs("load (CPU)", cpu_ms);
  std::printf("heap held: %.2f MiB\n", static_cast<double>(held) / (1024.0 * 1024.0));
  std::printf("lookup: %.0f ns (%zu lookups, %zu found)\n", ns, lookups, found);
  return 0;
}
