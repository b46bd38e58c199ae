// detente serve: a local web view of the graph. An HTTP server (cpp-httplib)
// that answers a JSON API over the graph and its evidence (docs/serve.md) and
// serves one page (web/) that draws it.
//
// Safe by default: it binds the loopback address, opens the database
// read-only and takes no SQL from clients; every parameter is checked (400
// with a JSON message), every answer is bounded, static files never leave
// their folder, requests are small, and expensive queries are limited in
// number at once and in rate per client.
//
// Ownership: a Server owns its socket, threads and database connections.
// Thread safety: Stop() may be called from any thread; Run() from one.
#ifndef DETENTE_SERVE_H_
#define DETENTE_SERVE_H_

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "detente/status.h"

namespace detente {

struct ServeOptions {
  // The database, opened read-only. Required.
  std::string db_path;
  // The address to listen on. Default: "127.0.0.1" (this machine only).
  std::string bind = "127.0.0.1";
  // The port; 0 lets the system pick a free one. Default: 8080.
  int port = 8080;
  // When `port` is taken, try the next ones, up to port + 99. Default: true.
  bool try_next_ports = true;
  // The page's folder (index.html, app.js, ...) and the front-end libraries
  // under its node_modules/. Default: empty, meaning $DETENTE_WEB, else the
  // source tree's web/, else the installed share/detente/web.
  std::string web_dir;
  // The gazetteer folder, for the coordinates of places. Default: empty (the
  // usual search, see data/README.md).
  std::string data_dir;
  // Threads answering requests. Default: 8.
  int threads = 8;
  // Expensive requests (neighbours, path, events, timeline, places) running
  // at once; more wait up to queue_wait, then get 503. Default: 2.
  int max_running_queries = 2;
  std::chrono::milliseconds queue_wait{5000};
  // Expensive requests per second from one client address (a token bucket
  // of `query_burst`); more get 429. 0: no limit. Default: 20, burst 60.
  double queries_per_second = 20;
  int query_burst = 60;
  // How often the database's generation counter is read, to notice a later
  // ingest. 0: at every request. Default: 500 ms.
  std::chrono::milliseconds reload_check{500};
  // Nodes drawn by default in an ego network; clients may ask up to
  // max_nodes_cap. Default: 500 and 2000.
  size_t max_nodes = 500;
  size_t max_nodes_cap = 2000;
  // Called with one line for notable events (a reload, a server error).
  // Default: none.
  std::function<void(const std::string&)> log;
};

class Server {
 public:
  // Opens the database read-only, loads the graph and the search index and
  // binds the socket. Returns kIOError for a missing database or web folder,
  // or when no port could be bound; errors of GraphReader::Open otherwise.
  static Result<std::unique_ptr<Server>> Start(const ServeOptions& options);
  virtual ~Server() = default;

  // The port bound, and "http://<bind>:<port>/".
  virtual int port() const = 0;
  virtual std::string url() const = 0;

  // Answers requests until Stop(); returns OK then, or kIOError when the
  // socket fails.
  virtual Status Run() = 0;
  // Makes Run() return after the requests in progress. Not async-signal-safe:
  // call it from a thread, not a signal handler.
  virtual void Stop() = 0;
};

}  // namespace detente

#endif  // DETENTE_SERVE_H_
