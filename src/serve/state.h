// What `detente serve` keeps in memory for one generation of the database
// (the graph, the search index, the QuadClass of each interned class), and
// the holder that notices a new generation and loads it. Private to the
// serve module.
//
// Thread safety: a Snapshot is immutable; State's methods may be called from
// many threads at once.
#ifndef DETENTE_SERVE_STATE_H_
#define DETENTE_SERVE_STATE_H_

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "detente/evidence.h"
#include "detente/graph.h"
#include "detente/status.h"
#include "serve/search.h"

namespace detente::serve {

struct Snapshot {
  Generation generation;
  // Asserted, non-negated events with an object (GraphFilter's defaults).
  Graph graph;
  SearchIndex search;
  std::vector<uint8_t> quad_of;  // QuadClass of each interned string of the graph
  std::vector<uint32_t> degree;  // events of each vertex (a self-loop counts once)
  std::chrono::steady_clock::time_point loaded_at;
};

// A pool of read-only database connections, one lent per request.
class ReaderPool {
 public:
  explicit ReaderPool(std::string db_path) : db_path_(std::move(db_path)) {}

  // Gives the reader back to the pool when it goes out of scope.
  class Lease {
   public:
    Lease(ReaderPool* pool, std::unique_ptr<EvidenceReader> r) : pool_(pool), r_(std::move(r)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (r_) pool_->Return(std::move(r_));
    }
    EvidenceReader* operator->() const { return r_.get(); }
    EvidenceReader& operator*() const { return *r_; }

   private:
    ReaderPool* pool_;
    std::unique_ptr<EvidenceReader> r_;
  };

  Result<Lease> Acquire();

 private:
  void Return(std::unique_ptr<EvidenceReader> r);
  std::string db_path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<EvidenceReader>> idle_;
};

class State {
 public:
  using Log = std::function<void(const std::string&)>;
  // `check_every`: how often Current() reads the generation counter (0: at
  // every call).
  State(std::string db_path, ReaderPool* pool, std::chrono::milliseconds check_every, Log log)
      : db_path_(std::move(db_path)),
        pool_(pool),
        check_every_(check_every),
        log_(std::move(log)) {}

  // Loads the first snapshot. Errors as GraphReader::Open and Load.
  Status Init();

  // The snapshot of the current generation: when the counter moved since
  // the last load, one caller loads the new generation while the others
  // keep answering from the old one.
  Result<std::shared_ptr<const Snapshot>> Current();

 private:
  Result<std::shared_ptr<const Snapshot>> Load(const Generation& generation);

  std::string db_path_;
  ReaderPool* pool_;
  std::chrono::milliseconds check_every_;
  Log log_;
  std::mutex snapshot_mu_;  // guards snapshot_ and last_check_
  std::shared_ptr<const Snapshot> snapshot_;
  std::chrono::steady_clock::time_point last_check_;
  std::mutex load_mu_;                         // one load at a time
  std::unique_ptr<GraphReader> graph_reader_;  // used under load_mu_
};

}  // namespace detente::serve

#endif  // DETENTE_SERVE_STATE_H_
