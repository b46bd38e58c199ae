// detente serve: the local web view (docs/serve.md). Serves until Ctrl-C or
// SIGTERM, then stops cleanly: the signals are taken by one thread with
// sigtimedwait, which stops the server; no work is done in a signal handler.
#include <pthread.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "cli/commands.h"
#include "detente/serve.h"

namespace detente::cli {
namespace {

struct ServeArgs {
  std::string db;
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string web;
  int threads = 8;
  double rate = 20;
};

int RunServe(const ServeArgs& a) {
  ServeOptions o;
  o.db_path = ResolveDbPath(a.db);
  if (Status st = RequireExistingDb(o.db_path); !st.ok()) return Fail(st);
  o.bind = a.bind;
  o.port = a.port;
  o.web_dir = a.web;
  o.threads = a.threads;
  o.queries_per_second = a.rate;
  o.log = [](const std::string& line) { std::fprintf(stderr, "detente: %s\n", line.c_str()); };

  // Block the stop signals in every thread (the server's inherit the mask),
  // so that only the waiting thread below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto server = Server::Start(o);
  if (!server.ok()) return Fail(server.status());
  std::printf("detente: serving %s at %s (Ctrl-C to stop)\n", o.db_path.c_str(),
              (*server)->url().c_str());
  std::fflush(stdout);
  if (a.bind != "127.0.0.1" && a.bind != "localhost" && a.bind != "::1") {
    std::fprintf(stderr,
                 "detente: warning: listening on %s: anyone who can reach it can read the "
                 "database\n",
                 a.bind.c_str());
  }

  std::atomic<bool> done{false};
  std::thread waiter([&] {
    const timespec tick{0, 200 * 1000 * 1000};
    while (!done) {
      int sig = sigtimedwait(&stop_signals, nullptr, &tick);
      if (sig == SIGINT || sig == SIGTERM) {
        std::fprintf(stderr, "detente: %s received, stopping\n",
                     sig == SIGINT ? "SIGINT" : "SIGTERM");
        (*server)->Stop();
        return;
      }
    }
  });
  Status st = (*server)->Run();
  done = true;
  waiter.join();
  if (!st.ok()) return Fail(st);
  std::fprintf(stderr, "detente: stopped\n");
  return kExitOk;
}

}  // namespace

Runner SetupServe(CLI::App& sub) {
  auto a = std::make_shared<ServeArgs>();
  AddDbOption(sub, &a->db);
  sub.add_option(
         "--port", a->port,
         "Port to listen on; when it is taken, the next free one up to +99 (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  sub.add_option("--bind", a->bind,
                 "Address to listen on (anything but loopback lets others read the database)")
      ->capture_default_str();
  sub.add_option("--web", a->web,
                 "Folder of the page (default: $DETENTE_WEB, else the source tree's web/)");
  sub.add_option("--threads", a->threads, "Threads answering requests")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  sub.add_option("--rate", a->rate,
                 "Expensive queries per second allowed from one client (0: no limit)")
      ->check(CLI::Range(0.0, 100000.0))
      ->capture_default_str();
  sub.footer(
      "Serves a web view of the graph and its JSON API (docs/serve.md) until Ctrl-C or SIGTERM. "
      "The database is opened read-only; a later ingest is picked up without a restart.\n"
      "Exit status: 0 stopped cleanly, 2 usage, 3 database, page or socket error.");
  return [a] { return Guarded([a] { return RunServe(*a); }); };
}

}  // namespace detente::cli
