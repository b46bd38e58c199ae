#include "serve/state.h"

#include <algorithm>
#include <utility>

namespace detente::serve {

Result<ReaderPool::Lease> ReaderPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      std::unique_ptr<EvidenceReader> r = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(r));
    }
  }
  auto r = EvidenceReader::Open(db_path_);
  if (!r.ok()) return r.status();
  return Lease(this, std::move(*r));
}

void ReaderPool::Return(std::unique_ptr<EvidenceReader> r) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(r));
}

Status State::Init() {
  auto reader = GraphReader::Open(db_path_);
  if (!reader.ok()) return reader.status();
  graph_reader_ = std::move(*reader);
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  auto gen = (*lease)->CurrentGeneration();
  if (!gen.ok()) return gen.status();
  std::lock_guard<std::mutex> load(load_mu_);
  auto snap = Load(*gen);
  if (!snap.ok()) return snap.status();
  std::lock_guard<std::mutex> lock(snapshot_mu_);
  snapshot_ = std::move(*snap);
  last_check_ = std::chrono::steady_clock::now();
  return Status::OK();
}

Result<std::shared_ptr<const Snapshot>> State::Load(const Generation& generation) {
  auto snap = std::make_shared<Snapshot>();
  snap->generation = generation;
  auto graph = graph_reader_->Load(GraphFilter{});
  if (!graph.ok()) return graph.status();
  snap->graph = std::move(*graph);
  const Graph& g = snap->graph;

  // The QuadClass of every interned string the events use (only codes and
  // classes have one).
  uint32_t max_string = 0;
  for (const GraphEvent& e : g.events()) {
    max_string = std::max({max_string, e.action, e.action_class, e.cameo_code, e.date});
  }
  snap->quad_of.assign(max_string + 1, 0);
  for (uint32_t s = 0; s <= max_string; ++s) snap->quad_of[s] = QuadClassOf(g.str(s));

  snap->degree.assign(g.num_vertices(), 0);
  for (const GraphEvent& e : g.events()) {
    ++snap->degree[e.actor];
    if (e.object != e.actor) ++snap->degree[e.object];
  }

  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  Status st = (*lease)->ForEachName([&](int64_t id, std::string_view name) {
    if (auto v = g.VertexOf(id)) snap->search.Add(*v, name);
  });
  if (!st.ok()) return st;
  snap->search.Finish();
  snap->loaded_at = std::chrono::steady_clock::now();
  return std::shared_ptr<const Snapshot>(std::move(snap));
}

Result<std::shared_ptr<const Snapshot>> State::Current() {
  std::shared_ptr<const Snapshot> current;
  {
    std::lock_guard<std::mutex> lock(snapshot_mu_);
    current = snapshot_;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_check_ < check_every_) return current;
    last_check_ = now;
  }
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  auto gen = (*lease)->CurrentGeneration();
  if (!gen.ok()) return gen.status();
  if (*gen == current->generation) return current;
  // Another caller may be loading it already: answer from the old one.
  std::unique_lock<std::mutex> load(load_mu_, std::try_to_lock);
  if (!load.owns_lock()) return current;
  {
    std::lock_guard<std::mutex> lock(snapshot_mu_);
    if (snapshot_->generation == *gen) return snapshot_;
  }
  auto snap = Load(*gen);
  if (!snap.ok()) {
    if (log_) log_("reload failed: " + snap.status().ToString());
    return current;
  }
  if (log_) {
    log_("database changed (generation " + std::to_string(gen->n) +
         "): " + std::to_string((*snap)->graph.num_vertices()) + " entities, " +
         std::to_string((*snap)->graph.num_events()) + " events loaded");
  }
  std::lock_guard<std::mutex> lock(snapshot_mu_);
  snapshot_ = *snap;
  return snapshot_;
}

}  // namespace detente::serve
