// The HTTP layer of `detente serve`: routes, security headers, request
// bounds, the limits on expensive queries and the static files, over
// cpp-httplib.
#include <arpa/inet.h>
#include <httplib.h>

#include <condition_variable>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "detente/geo.h"
#include "detente/serve.h"
#include "serve/api.h"
#include "serve/state.h"
#include "serve/static_files.h"

namespace detente {
namespace {

using serve::ApiResponse;

// The page may run only its own scripts and styles, and talk only to this
// server: no inline script, no eval, no remote anything.
constexpr const char kCsp[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

constexpr size_t kMaxBody = 1024;  // GET requests carry no body

// Tokens per client address: `rate` a second, up to `burst`.
class RateLimiter {
 public:
  RateLimiter(double rate, int burst) : rate_(rate), burst_(burst) {}
  bool Allow(const std::string& client) {
    if (rate_ <= 0) return true;
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard<std::mutex> lock(mu_);
    if (buckets_.size() > 10000) buckets_.clear();  // many addresses: start afresh
    auto [it, added] = buckets_.try_emplace(client, Bucket{static_cast<double>(burst_), now});
    Bucket& b = it->second;
    if (!added) {
      b.tokens = std::min<double>(
          burst_, b.tokens + rate_ * std::chrono::duration<double>(now - b.at).count());
      b.at = now;
    }
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point at;
  };
  const double rate_;
  const int burst_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

// At most `n` holders at once; others wait up to a deadline.
class Gate {
 public:
  explicit Gate(int n) : free_(n) {}
  bool Enter(std::chrono::milliseconds wait) {
    std::unique_lock<std::mutex> lock(mu_);
    if (!cv_.wait_for(lock, wait, [&] { return free_ > 0; })) return false;
    --free_;
    return true;
  }
  void Leave() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++free_;
    }
    cv_.notify_one();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int free_;
};

// "localhost", "::1" or an IPv4 address in 127.0.0.0/8 (a name such as
// "127.example.com" is not one).
bool IsLoopback(const std::string& addr) {
  if (addr == "localhost" || addr == "::1") return true;
  in_addr a{};
  return inet_pton(AF_INET, addr.c_str(), &a) == 1 && (ntohl(a.s_addr) >> 24) == 127;
}

void Send(httplib::Response& res, const ApiResponse& r) {
  res.status = r.status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(r.body, "application/json; charset=utf-8");
}

class HttpServer : public Server {
 public:
  explicit HttpServer(const ServeOptions& o)
      : options_(o),
        pool_(o.db_path),
        state_(o.db_path, &pool_, o.reload_check, o.log),
        limiter_(o.queries_per_second, o.query_burst),
        gate_(std::max(1, o.max_running_queries)) {}

  Status Init();
  int port() const override { return port_; }
  std::string url() const override {
    const bool v6 = options_.bind.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + options_.bind + "]" : options_.bind) + ":" +
           std::to_string(port_) + "/";
  }
  Status Run() override;
  void Stop() override {
    {
      std::lock_guard<std::mutex> lock(stop_mu_);
      stop_requested_ = true;
    }
    stop_cv_.notify_all();
  }

 private:
  using Handler = std::function<ApiResponse(const httplib::Request&)>;
  void Route(const std::string& pattern, bool expensive, Handler h);
  void ServeFile(const httplib::Request& req, httplib::Response& res);
  bool HostAllowed(const httplib::Request& req) const;
  Status Bind();

  ServeOptions options_;
  serve::ReaderPool pool_;
  serve::State state_;
  Geography geo_;
  std::optional<serve::StaticFiles> files_;
  std::unique_ptr<serve::Api> api_;
  RateLimiter limiter_;
  Gate gate_;
  httplib::Server svr_;
  int port_ = 0;
  std::mutex stop_mu_;
  std::condition_variable stop_cv_;
  bool stop_requested_ = false;  // guarded by stop_mu_
  bool run_done_ = false;        // guarded by stop_mu_
};

// httplib's stop() does nothing until the server listens, so a Stop() that
// comes early (a SIGTERM right after start) is kept and carried out, once,
// as soon as the server listens.
Status HttpServer::Run() {
  std::thread stopper([this] {
    std::unique_lock<std::mutex> lock(stop_mu_);
    stop_cv_.wait(lock, [this] { return stop_requested_ || run_done_; });
    while (!run_done_) {
      if (svr_.is_running()) {
        svr_.stop();
        return;
      }
      stop_cv_.wait_for(lock, std::chrono::milliseconds(20));
    }
  });
  const bool ok = svr_.listen_after_bind();
  {
    std::lock_guard<std::mutex> lock(stop_mu_);
    run_done_ = true;
  }
  stop_cv_.notify_all();
  stopper.join();
  return ok ? Status::OK() : Status::IOError("the server socket failed");
}

void HttpServer::Route(const std::string& pattern, bool expensive, Handler h) {
  svr_.Get(pattern, [this, expensive, h](const httplib::Request& req, httplib::Response& res) {
    if (expensive) {
      if (!limiter_.Allow(req.remote_addr)) {
        res.set_header("Retry-After", "1");
        Send(res, serve::ErrorResponse(429, "too many requests: slow down"));
        return;
      }
      if (!gate_.Enter(options_.queue_wait)) {
        res.set_header("Retry-After", "1");
        Send(res, serve::ErrorResponse(503, "busy: too many queries running; try again"));
        return;
      }
      struct Leave {
        Gate& g;
        ~Leave() { g.Leave(); }
      } leave{gate_};
      Send(res, h(req));
      return;
    }
    Send(res, h(req));
  });
}

bool HttpServer::HostAllowed(const httplib::Request& req) const {
  // A page from elsewhere that rebinds its name to 127.0.0.1 must not read
  // the API: on loopback, only loopback host names are answered.
  if (!IsLoopback(options_.bind)) return true;
  std::string host = req.get_header_value("Host");
  if (host.empty()) return true;  // HTTP/1.0 clients send none
  // Drop the port ("localhost:8080", "[::1]:8080"), whichever it is: a
  // tunnel may forward another one.
  if (!host.empty() && host.front() == '[') {
    const size_t close = host.find(']');
    if (close == std::string::npos) return false;
    host = host.substr(1, close - 1);
  } else if (const size_t colon = host.rfind(':');
             colon != std::string::npos && host.find(':') == colon) {
    host.resize(colon);
  }
  return IsLoopback(host);
}

void HttpServer::ServeFile(const httplib::Request& req, httplib::Response& res) {
  std::optional<serve::StaticFile> f = files_->Resolve(req.path);
  if (!f) {
    res.status = 404;
    res.set_content("not found\n", "text/plain; charset=utf-8");
    return;
  }
  std::ifstream in(f->path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (!in) {
    res.status = 404;
    res.set_content("not found\n", "text/plain; charset=utf-8");
    return;
  }
  res.set_header("Cache-Control", f->library ? "public, max-age=86400" : "no-cache");
  res.set_content(ss.str(), f->mime.c_str());
}

Status HttpServer::Bind() {
  const std::string& host = options_.bind;
  if (options_.port == 0) {
    port_ = svr_.bind_to_any_port(host);
    if (port_ > 0) return Status::OK();
    return Status::IOError("cannot listen on " + host);
  }
  const int last = options_.try_next_ports ? std::min(options_.port + 99, 65535) : options_.port;
  for (int p = options_.port; p <= last; ++p) {
    if (svr_.bind_to_port(host, p)) {
      port_ = p;
      return Status::OK();
    }
  }
  return Status::IOError("cannot listen on " + host + " port " + std::to_string(options_.port) +
                         (last > options_.port ? " to " + std::to_string(last) : "") +
                         " (in use, or not an address of this machine)");
}

Status HttpServer::Init() {
  auto files = serve::StaticFiles::Open(options_.web_dir);
  if (!files.ok()) return files.status();
  files_ = std::move(*files);
  if (std::string missing = files_->MissingLibraries(); !missing.empty() && options_.log) {
    options_.log("front-end libraries missing (run scripts/setup.sh): " + missing);
  }
  auto geo = Geography::Load(options_.data_dir);
  if (!geo.ok()) return geo.status();
  geo_ = std::move(*geo);
  DETENTE_RETURN_IF_ERROR(state_.Init());
  serve::ApiLimits limits;
  limits.max_nodes = options_.max_nodes;
  limits.max_nodes_cap = std::max(options_.max_nodes, options_.max_nodes_cap);
  api_ = std::make_unique<serve::Api>(&state_, &pool_, &geo_, limits);

  const int threads = std::max(1, options_.threads);
  svr_.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  svr_.set_payload_max_length(kMaxBody);
  // Small answers go out at once (Nagle's algorithm and delayed ACKs added
  // 40 ms to each), and a page's requests share a few connections.
  svr_.set_tcp_nodelay(true);
  svr_.set_keep_alive_max_count(100);
  svr_.set_read_timeout(5, 0);
  svr_.set_write_timeout(10, 0);
  svr_.set_default_headers({{"Content-Security-Policy", kCsp},
                            {"X-Content-Type-Options", "nosniff"},
                            {"X-Frame-Options", "DENY"},
                            {"Referrer-Policy", "no-referrer"},
                            {"Cross-Origin-Resource-Policy", "same-origin"}});
  svr_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (HostAllowed(req)) return httplib::Server::HandlerResponse::Unhandled;
    Send(res,
         serve::ErrorResponse(403, "this server answers only requests to its loopback address"));
    return httplib::Server::HandlerResponse::Handled;
  });
  svr_.set_exception_handler(
      [this](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown error";
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        if (options_.log) options_.log("internal error: " + what);
        Send(res, serve::ErrorResponse(500, "internal error"));
      });

  using Q = const httplib::Request&;
  Route("/api/info", false, [this](Q r) { return api_->Info(r.params); });
  Route("/api/search", false, [this](Q r) { return api_->Search(r.params); });
  Route(R"(/api/entity/([^/]*))", false,
        [this](Q r) { return api_->Entity(r.matches[1].str(), r.params); });
  Route("/api/neighbours", true, [this](Q r) { return api_->Neighbours(r.params); });
  Route("/api/path", true, [this](Q r) { return api_->Path(r.params); });
  Route("/api/events", true, [this](Q r) { return api_->Events(r.params); });
  Route("/api/timeline", true, [this](Q r) { return api_->Timeline(r.params); });
  Route("/api/places", true, [this](Q r) { return api_->Places(r.params); });
  Route(R"(/api/.*)", false,
        [](Q) { return serve::ErrorResponse(404, "no such endpoint (see docs/serve.md)"); });
  svr_.Get(R"(/.*)", [this](Q req, httplib::Response& res) { ServeFile(req, res); });
  return Bind();
}

}  // namespace

Result<std::unique_ptr<Server>> Server::Start(const ServeOptions& options) {
  if (options.db_path.empty()) return Status::InvalidArgument("no database given");
  if (options.port < 0 || options.port > 65535) {
    return Status::InvalidArgument("a port is 0 to 65535");
  }
  try {
    auto server = std::make_unique<HttpServer>(options);
    DETENTE_RETURN_IF_ERROR(server->Init());
    return std::unique_ptr<Server>(std::move(server));
  } catch (const std::exception& e) {
    return Status::Internal(std::string("starting the server: ") + e.what());
  }
}

}  // namespace detente
