#include "cli/pipeline.h"

#include <system_error>

namespace detente::cli {

ExtractPipeline::ExtractPipeline(const Extractor& extractor, int jobs, OnResult on_result)
    : extractor_(extractor),
      on_result_(std::move(on_result)),
      max_in_flight_(jobs > 1 ? 2 * static_cast<size_t>(jobs) : 0) {
  if (jobs <= 1) return;
  for (int i = 0; i < jobs; ++i) {
    try {
      workers_.emplace_back([this] { Work(); });
    } catch (const std::system_error&) {
      break;  // no room for another thread (ulimit -v): work with fewer
    }
  }
  max_in_flight_ = 2 * workers_.size();  // none at all: extract inline
}

ExtractPipeline::~ExtractPipeline() { Finish(); }

void ExtractPipeline::Add(Document doc) {
  if (workers_.empty()) {
    Result<Extraction> x = extractor_.Extract(doc);
    on_result_(doc, x);
    return;
  }
  auto job = std::make_unique<Job>();
  job->doc = std::move(doc);
  {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(job.get());
  }
  in_order_.push_back(std::move(job));
  work_cv_.notify_one();
  Deliver(false);
  while (in_order_.size() >= max_in_flight_) Deliver(true);
}

void ExtractPipeline::Finish() {
  if (finished_) return;
  finished_ = true;
  while (!in_order_.empty()) Deliver(true);
  {
    std::lock_guard<std::mutex> lock(mu_);
    closing_ = true;
  }
  work_cv_.notify_all();
  for (std::thread& t : workers_) t.join();
}

void ExtractPipeline::Work() {
  while (true) {
    Job* job;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_cv_.wait(lock, [this] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;  // closing
      job = queue_.front();
      queue_.pop_front();
    }
    Result<Extraction> x = Status::Internal("extraction threw");
    try {
      x = extractor_.Extract(job->doc);
    } catch (const std::exception& e) {
      x = Status::Internal(std::string("extraction threw: ") + e.what());
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      job->extraction = std::move(x);
      job->done = true;
    }
    done_cv_.notify_all();
  }
}

void ExtractPipeline::Deliver(bool wait) {
  while (!in_order_.empty()) {
    Job* front = in_order_.front().get();
    {
      std::unique_lock<std::mutex> lock(mu_);
      if (wait) {
        done_cv_.wait(lock, [front] { return front->done; });
      } else if (!front->done) {
        return;
      }
    }
    // Done jobs are no longer touched by workers.
    on_result_(front->doc, front->extraction);
    in_order_.pop_front();
    if (wait) return;
  }
}

}  // namespace detente::cli
