// Extraction on several threads, results back on the calling thread in input
// order: ingest and extract feed documents in and store or print what comes
// out, exactly as a single-threaded run would.
#ifndef DETENTE_CLI_PIPELINE_H_
#define DETENTE_CLI_PIPELINE_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "detente/extract.h"
#include "detente/input.h"

namespace detente::cli {

class ExtractPipeline {
 public:
  // Called on the thread that calls Add/Finish, once per document, in the
  // order the documents were added.
  using OnResult = std::function<void(Document& doc, Result<Extraction>& extraction)>;

  // `jobs` <= 1 extracts inline in Add(); otherwise `jobs` worker threads
  // share `extractor` (Extractor::Extract is thread-safe), or as many as
  // could be started (none: inline). `extractor` must outlive the pipeline.
  ExtractPipeline(const Extractor& extractor, int jobs, OnResult on_result);
  // Finishes (see Finish) if that was not done.
  ~ExtractPipeline();

  // Queues `doc`; may first deliver the results of earlier documents, and
  // blocks while 2 × jobs documents are in flight.
  void Add(Document doc);
  // Delivers every remaining result and stops the workers.
  void Finish();

 private:
  struct Job {
    Document doc;
    Result<Extraction> extraction = Status::Internal("not extracted");
    bool done = false;
  };
  void Work();
  // Delivers finished jobs at the front; with `wait`, waits for the front one.
  void Deliver(bool wait);

  const Extractor& extractor_;
  OnResult on_result_;
  size_t max_in_flight_;
  std::vector<std::thread> workers_;
  std::deque<std::unique_ptr<Job>> in_order_;  // owned; only the caller's thread touches it
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<Job*> queue_;  // guarded by mu_
  bool closing_ = false;    // guarded by mu_
  bool finished_ = false;
};

}  // namespace detente::cli

#endif  // DETENTE_CLI_PIPELINE_H_
