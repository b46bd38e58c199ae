// The real server (in this process, on a free loopback port) over the
// fixture database, spoken to over HTTP: the JSON API, its checks and
// bounds, the static files and the reload after a write.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "detente/serve.h"
#include "graph/graph_fixture.h"
#include "detente/sqlite.h"
#include "test_util.h"
#include "detente/json.h"

using namespace detente;
using namespace detente::testing;

namespace {

struct Served {
  TempDir dir;
  std::string db = dir.File("g.db");
  std::unique_ptr<Server> server;
  std::thread runner;

  // With `coded`, also AddCodedDocument's events with full CAMEO codes.
  explicit Served(ServeOptions o = {}, bool coded = false) {
    BuildFixtureDb(db);
    if (coded) AddCodedDocument(db);
    auto w = sql::Db::Open(db, false);
    Check(w.status());
    Check(
        w->Exec("UPDATE events SET place_id = 2 WHERE id = 1;"
                "UPDATE events SET place_id = 10 WHERE id = 2;"
                "UPDATE events SET place_id = 16 WHERE id = 12;"
                "UPDATE documents SET url = 'javascript:alert(1)' WHERE id = 4"));
    o.db_path = db;
    o.port = 0;
    o.reload_check = std::chrono::milliseconds(0);
    o.web_dir = SourceDir() + "/web";
    auto s = Server::Start(o);
    Check(s.status());
    server = std::move(*s);
    runner = std::thread([this] { server->Run(); });
  }
  ~Served() {
    server->Stop();
    runner.join();
  }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", server->port());
    c.set_read_timeout(10, 0);
    return c;
  }
  // GET `path`; returns {status, body}.
  std::pair<int, std::string> Get(const std::string& path) const {
    auto c = Client();
    auto r = c.Get(path.c_str());
    if (!r) return {-1, ""};
    return {r->status, r->body};
  }
  // The id of the entity called `name`, as text for a URL.
  std::string IdOf(const std::string& name) const {
    auto conn = sql::Db::Open(db, /*read_only=*/true);
    Check(conn.status());
    auto st = conn->Prepare("SELECT id FROM entities WHERE name = ?");
    Check(st.status());
    st->Bind(1, name);
    auto row = st->Step();
    if (!row.ok() || !*row) throw std::runtime_error("no entity " + name);
    return std::to_string(st->Int(0));
  }
  JsonValue Json(const std::string& path, int want = 200) const {
    auto [status, body] = Get(path);
    INFO(path << " -> " << status << " " << body);
    REQUIRE(status == want);
    auto v = ParseJson(body);
    REQUIRE(v.ok());
    return std::move(*v);
  }
};

// Sends `request` as it is on a raw socket; returns the whole answer.
std::string Raw(int port, const std::string& request) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return "";
  }
  timeval tv{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;) out.append(buf, static_cast<size_t>(n));
  close(fd);
  return out;
}

const JsonValue& At(const JsonValue& v, const char* key) {
  const JsonValue* m = v.Find(key);
  if (!m) throw std::runtime_error(std::string("no key ") + key + " in " + v.ToJson());
  return *m;
}

std::vector<std::string> NodeNames(const JsonValue& ego) {
  std::vector<std::string> out;
  for (const JsonValue& n : At(ego, "nodes").items()) out.push_back(At(n, "name").as_string());
  return out;
}

}  // namespace

TEST_CASE("serve: search finds names and aliases by folded prefix, best first", "[serve_http]") {
  Served s;
  JsonValue r = s.Json("/api/search?q=blink");
  const auto& results = At(r, "results").items();
  REQUIRE(results.size() == 1);
  CHECK(At(results[0], "name").as_string() == "Antony Blinken");
  CHECK(At(results[0], "id").as_number() == 3);
  CHECK(At(results[0], "events").as_number() == 4);
  CHECK(At(results[0], "role").as_string() == "GOV");

  r = s.Json("/api/search?q=WASHINGTON");  // an alias of two entities
  CHECK(At(r, "results").items().size() == 2);
  r = s.Json("/api/search?q=zurich");  // accents folded
  REQUIRE(At(r, "results").items().size() == 1);
  CHECK(At(At(r, "results").items()[0], "name").as_string() == "Zürich café");
  r = s.Json("/api/search?q=%3Cb%3ETag");  // a hostile name comes back as a JSON string
  REQUIRE(At(r, "results").items().size() == 1);
  CHECK(At(At(r, "results").items()[0], "name").as_string() ==
        "<b>Tag</b> & '; DROP TABLE entities; --");
  r = s.Json("/api/search?q=w&limit=1");
  CHECK(At(r, "results").items().size() == 1);

  CHECK(s.Get("/api/search").first == 400);
  CHECK(s.Get("/api/search?q=x&limit=0").first == 400);
  CHECK(s.Get("/api/search?q=x&limit=51").first == 400);
  CHECK(s.Get("/api/search?q=x&q=y").first == 400);
  CHECK(s.Get("/api/search?q=x&sql=1").first == 400);
}

TEST_CASE("serve: every bad parameter is a 400 with a JSON message: unknown ids 404",
          "[serve_http]") {
  Served s;
  const std::pair<std::string, std::string> bad[] = {
      {"/api/neighbours", "parameter 'entity' is required"},
      {"/api/neighbours?entity=abc", "must be an entity id"},
      {"/api/neighbours?entity=-3", "must be an entity id"},
      {"/api/neighbours?entity=3&radius=4", "'radius' must be an integer from 1 to 3"},
      {"/api/neighbours?entity=3&direction=up", "'direction' must be one of"},
      {"/api/neighbours?entity=3&since=2023-13", "'since' must be a date"},
      {"/api/neighbours?entity=3&since=2023-07&until=2023-06", "'since' is after 'until'"},
      {"/api/neighbours?entity=3&class=04,,05", "comma-separated list"},
      // CAMEO codes and their prefixes only; the message names the value.
      {"/api/neighbours?entity=3&class=04x", "'class': \"04x\" is no CAMEO code: a CAMEO code"},
      {"/api/path?from=3&to=6&class=04,25", "'class': \"25\" is no CAMEO code"},
      {"/api/events?entity=3&class=1234567", "\"1234567\" is no CAMEO code"},
      {"/api/timeline?entity=3&class=4", "2-4 digits under a root 01-20"},
      {"/api/neighbours?entity=3&quad=5", "QuadClasses"},
      {"/api/neighbours?entity=3&kind=Person", "entity kinds"},
      {"/api/neighbours?entity=3&role=gov", "roles"},
      {"/api/neighbours?entity=3&role=GOV,XYZ", "CAMEO roles"},
      {"/api/neighbours?entity=3&limit=100000", "'limit' must be an integer from 1 to 2000"},
      {"/api/path?from=3", "parameter 'to' is required"},
      {"/api/path?from=3&to=6&directed=yes", "'directed' must be 0 or 1"},
      {"/api/events?entity=3&offset=-1", "'offset'"},
      {"/api/timeline?entity=3&bucket=year", "'bucket' must be one of: day, week, month"},
      {"/api/places?entity=3&limit=0", "'limit'"},
      {"/api/entity/abc", "positive integer"},
      {"/api/events?entity=3&kind=x%27)%20OR%201=1", "entity kinds"},
  };
  for (const auto& [path, message] : bad) {
    JsonValue r = s.Json(path, 400);
    CHECK_THAT(At(r, "error").as_string(), Catch::Contains(message));
    CHECK(At(r, "status").as_number() == 400);
  }
  for (const char* path :
       {"/api/entity/999", "/api/neighbours?entity=999", "/api/path?from=3&to=999",
        "/api/events?entity=3&other=999", "/api/timeline?entity=999", "/api/places?entity=999"}) {
    JsonValue r = s.Json(path, 404);
    CHECK_THAT(At(r, "error").as_string(), Catch::Contains("no entity 999"));
  }
  CHECK(s.Get("/api/nothing").first == 404);
}

TEST_CASE("serve: the entity card and the ego network", "[serve_http]") {
  Served s;
  JsonValue card = s.Json("/api/entity/3");
  CHECK(At(At(card, "entity"), "name").as_string() == "Antony Blinken");
  CHECK(At(card, "aliases").items().size() == 1);
  CHECK(At(card, "events").as_number() == 4);
  CHECK(At(card, "counterparts").as_number() == 3);
  CHECK(At(card, "first_seen").as_string() == "2023-06-18");
  CHECK(At(card, "last_seen").as_string() == "2023-06-22");

  JsonValue ego = s.Json("/api/neighbours?entity=3");
  CHECK(NodeNames(ego) ==
        std::vector<std::string>{"Antony Blinken", "Wang Yi", "China", "Subrahmanyam Jaishankar"});
  CHECK_FALSE(At(ego, "truncated").as_bool());
  const JsonValue& edge = At(ego, "edges").items()[0];
  CHECK(At(edge, "events").as_number() == 2);
  CHECK(At(edge, "quad_class").as_number() == 1);
  CHECK(At(edge, "first_date").as_string() == "2023-06-19");

  ego = s.Json("/api/neighbours?entity=3&limit=2");
  CHECK(At(ego, "truncated").as_bool());
  CHECK(At(ego, "members").as_number() == 4);
  CHECK(At(ego, "nodes").items().size() == 2);
  CHECK(At(ego, "groups").items().size() == 2);

  ego = s.Json("/api/neighbours?entity=5&quad=4");  // Russia: only the threat to Georgia
  CHECK(NodeNames(ego) == std::vector<std::string>{"Russia", "Georgia"});
  ego = s.Json("/api/neighbours?entity=3&radius=2&kind=person");
  CHECK(NodeNames(ego).size() == 4);
}

TEST_CASE("serve: a path hop by hop with its evidence", "[serve_http]") {
  Served s;
  JsonValue r = s.Json("/api/path?from=3&to=6&directed=1");
  REQUIRE(At(r, "found").as_bool());
  CHECK(At(r, "length").as_number() == 2);
  const auto& hops = At(r, "hops").items();
  REQUIRE(hops.size() == 2);
  CHECK(At(At(hops[0], "to"), "name").as_string() == "Wang Yi");
  const JsonValue& ev = At(hops[0], "evidence").items()[0];
  CHECK(At(At(ev, "sources").items()[0], "sentence").as_string() ==
        "Antony Blinken met Wang Yi in Beijing on 19 June.");
  CHECK(At(At(ev, "sources").items()[0], "title").as_string() == "Blinken in Beijing");

  r = s.Json("/api/path?from=3&to=11");  // Georgia: no path
  CHECK_FALSE(At(r, "found").as_bool());
  CHECK(At(r, "hops").items().empty());
  r = s.Json("/api/path?from=3&to=6&since=2023-07");
  CHECK_FALSE(At(r, "found").as_bool());
}

TEST_CASE("serve: events with sentences and documents, paged", "[serve_http]") {
  Served s;
  JsonValue r = s.Json("/api/events?entity=3&other=4");
  CHECK(At(r, "total").as_number() == 2);
  REQUIRE(At(r, "events").items().size() == 2);
  r = s.Json("/api/events?entity=3&limit=1&offset=1");
  CHECK(At(r, "total").as_number() == 4);
  REQUIRE(At(r, "events").items().size() == 1);
  CHECK(At(At(r, "events").items()[0], "id").as_number() == 1);
  r = s.Json("/api/events?entity=3&include_negated=1");
  CHECK(At(r, "total").as_number() == 5);
  r = s.Json("/api/events?entity=3&place=2");
  CHECK(At(r, "total").as_number() == 1);
  // Hostile strings come back as data.
  r = s.Json("/api/events?entity=15");
  REQUIRE(At(r, "events").items().size() == 1);
  const JsonValue& src = At(At(r, "events").items()[0], "sources").items()[0];
  CHECK(At(src, "url").as_string() == "javascript:alert(1)");
  CHECK_THAT(At(src, "sentence").as_string(), Catch::Contains("<b>Tag</b>"));
}

TEST_CASE("serve: the timeline counts per bucket and QuadClass", "[serve_http]") {
  Served s;
  JsonValue r = s.Json("/api/timeline?entity=3&bucket=week");
  const auto& b = At(r, "buckets").items();
  REQUIRE(b.size() == 2);
  // 2023-06-18 was a Sunday: its ISO week began on Monday 06-12.
  CHECK(At(b[0], "start").as_string() == "2023-06-12");
  CHECK(At(b[0], "events").as_number() == 1);
  CHECK(At(b[1], "start").as_string() == "2023-06-19");
  CHECK(At(b[1], "events").as_number() == 3);
  CHECK(At(b[1], "by_quad_class").items()[1].as_number() == 3);
  r = s.Json("/api/timeline?entity=3");
  REQUIRE(At(r, "buckets").items().size() == 1);
  CHECK(At(At(r, "buckets").items()[0], "start").as_string() == "2023-06");
  r = s.Json("/api/timeline?entity=5&bucket=day");
  const auto& days = At(r, "buckets").items();
  REQUIRE(days.size() == 2);
  CHECK(At(days[0], "by_quad_class").items()[4].as_number() == 1);  // 05-01 threat
  CHECK(At(days[1], "by_quad_class").items()[3].as_number() == 1);  // 07-11 criticism
}

TEST_CASE("serve: class= matches the full CAMEO code at any length on every endpoint",
          "[serve_http]") {
  // Regression: the graph endpoints compared the prefix with the class
  // ("08 Yield"), so that class=0871 found nothing.
  Served s({}, /*coded=*/true);
  const std::string norway = s.IdOf("Norway"), armenia = s.IdOf("Armenia");
  const std::string azerbaijan = s.IdOf("Azerbaijan");
  JsonValue ego = s.Json("/api/neighbours?entity=" + norway + "&class=0871");
  CHECK(NodeNames(ego) == std::vector<std::string>{"Norway", "Finland"});
  ego = s.Json("/api/neighbours?entity=" + norway + "&class=087");
  CHECK(NodeNames(ego) == std::vector<std::string>{"Norway", "Finland"});
  ego = s.Json("/api/neighbours?entity=" + norway + "&class=0872");  // a sibling code
  CHECK(NodeNames(ego) == std::vector<std::string>{"Norway"});
  ego = s.Json("/api/neighbours?entity=" + norway + "&class=0871&quad=2");
  CHECK(NodeNames(ego) == std::vector<std::string>{"Norway", "Finland"});

  JsonValue path = s.Json("/api/path?from=" + armenia + "&to=" + azerbaijan + "&class=042");
  CHECK(At(path, "found").as_bool());
  path = s.Json("/api/path?from=" + armenia + "&to=" + azerbaijan + "&class=043");
  CHECK_FALSE(At(path, "found").as_bool());

  JsonValue events = s.Json("/api/events?entity=" + norway + "&class=0871");
  REQUIRE(At(events, "total").as_number() == 1);
  CHECK(At(At(events, "events").items()[0], "cameo_code").as_string() == "0871");
  CHECK(At(s.Json("/api/events?entity=" + norway + "&class=0872"), "total").as_number() == 0);
  JsonValue timeline = s.Json("/api/timeline?entity=" + armenia + "&class=042");
  REQUIRE(At(timeline, "buckets").items().size() == 1);
  CHECK(At(At(timeline, "buckets").items()[0], "events").as_number() == 1);
  timeline = s.Json("/api/timeline?entity=" + armenia + "&class=043");
  CHECK(At(timeline, "buckets").items().empty());
}

TEST_CASE("serve: places as GeoJSON points, the rest listed as unlocated", "[serve_http]") {
  Served s;
  JsonValue r = s.Json("/api/places?entity=3");
  CHECK(At(r, "type").as_string() == "FeatureCollection");
  const auto& f = At(r, "features").items();
  REQUIRE(f.size() == 2);
  CHECK(At(At(f[0], "properties"), "name").as_string() == "China");
  const auto& dc = At(At(f[1], "geometry"), "coordinates").items();
  CHECK(At(At(f[1], "properties"), "name").as_string() == "Washington, D.C.");
  CHECK(dc[0].as_number() == Approx(-77.04));
  CHECK(dc[1].as_number() == Approx(38.90));
  REQUIRE(At(r, "unlocated").items().size() == 1);
  CHECK(At(At(r, "unlocated").items()[0], "name").as_string() == "Zürich café");
}

TEST_CASE("serve: the page and its libraries, with a CSP: no path leaves the folder",
          "[serve_http]") {
  Served s;
  auto c = s.Client();
  auto page = c.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK_THAT(page->body, Catch::Contains("<script src=\"/app.js\""));
  CHECK_THAT(page->get_header_value("Content-Security-Policy"),
             Catch::Contains("script-src 'self'"));
  CHECK(page->get_header_value("Content-Security-Policy").find("unsafe-inline") ==
        std::string::npos);
  CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");
  auto js = c.Get("/app.js");
  REQUIRE(js);
  CHECK(js->status == 200);
  CHECK_THAT(js->get_header_value("Content-Type"), Catch::Contains("text/javascript"));
  auto api = c.Get("/api/info");
  REQUIRE(api);
  CHECK_THAT(api->get_header_value("Content-Security-Policy"),
             Catch::Contains("default-src 'none'"));

  for (const char* target :
       {"/../CMakeLists.txt", "/%2e%2e/CMakeLists.txt", "/%2E%2E/%2E%2E/CMakeLists.txt",
        "/..%2fCMakeLists.txt", "/vendor/..%2f..%2fCMakeLists.txt", "/vendor/../../CMakeLists.txt",
        "/.%2e/CMakeLists.txt", "/web/../CMakeLists.txt", "/package.json", "/package-lock.json",
        "/node_modules/d3/package.json", "/.gitignore", "/%2e%2e%5cCMakeLists.txt",
        "/index.html%00.js", "//etc/passwd", "/app.js/..", "/..", "/vendor/"}) {
    std::string answer =
        Raw(s.server->port(), std::string("GET ") + target +
                                  " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    INFO(target << " -> " << answer.substr(0, 80));
    CHECK(answer.rfind("HTTP/1.1 200", 0) != 0);
    CHECK(answer.find("cmake_minimum_required") == std::string::npos);
    CHECK(answer.find("root:") == std::string::npos);
  }
}

TEST_CASE("serve: requests are bounded in size, host and rate", "[serve_http]") {
  ServeOptions o;
  o.queries_per_second = 1;
  o.query_burst = 3;
  Served s(o);
  const int port = s.server->port();
  // A long URI and a large body are refused.
  std::string answer = Raw(port, "GET /api/search?q=" + std::string(10000, 'a') +
                                     " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  CHECK(answer.rfind("HTTP/1.1 414", 0) == 0);
  answer = Raw(port,
               "POST /api/search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n"
               "Connection: close\r\n\r\n" +
                   std::string(100000, 'x'));
  CHECK(answer.rfind("HTTP/1.1 413", 0) == 0);
  // Another site's name for this address is refused (DNS rebinding).
  answer = Raw(port, "GET /api/info HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
  CHECK(answer.rfind("HTTP/1.1 403", 0) == 0);
  answer = Raw(port, "GET /api/info HTTP/1.1\r\nHost: localhost:" + std::to_string(port) +
                         "\r\nConnection: close\r\n\r\n");
  CHECK(answer.rfind("HTTP/1.1 200", 0) == 0);
  for (const char* host : {"127.0.0.1:9999", "[::1]:8080", "localhost", "127.1.2.3"}) {
    answer = Raw(port, std::string("GET /api/info HTTP/1.1\r\nHost: ") + host +
                           "\r\nConnection: close\r\n\r\n");
    INFO(host);
    CHECK(answer.rfind("HTTP/1.1 200", 0) == 0);
  }
  for (const char* host : {"127.evil.example", "127.0.0.1.evil.example:80", "[::1", "evil:80:80"}) {
    answer = Raw(port, std::string("GET /api/info HTTP/1.1\r\nHost: ") + host +
                           "\r\nConnection: close\r\n\r\n");
    INFO(host);
    CHECK(answer.rfind("HTTP/1.1 403", 0) == 0);
  }
  // Expensive queries: a burst of 3, then 429 with Retry-After.
  int ok = 0, limited = 0;
  auto c = s.Client();
  for (int i = 0; i < 6; ++i) {
    auto r = c.Get("/api/neighbours?entity=3");
    REQUIRE(r);
    if (r->status == 200) ++ok;
    if (r->status == 429) {
      ++limited;
      CHECK(r->get_header_value("Retry-After") == "1");
    }
  }
  CHECK(ok >= 3);
  CHECK(ok <= 4);
  CHECK(limited >= 2);
  // Cheap requests are not limited.
  for (int i = 0; i < 10; ++i) CHECK(s.Get("/api/search?q=w").first == 200);
}

TEST_CASE("serve: many readers at once get the same answers", "[serve_http]") {
  ServeOptions o;
  o.queries_per_second = 0;
  Served s(o);
  const std::string want = s.Get("/api/neighbours?entity=3&radius=2").second;
  std::atomic<int> good{0}, bad{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 15; ++i) {
        auto [status, body] = s.Get("/api/neighbours?entity=3&radius=2");
        (status == 200 && body == want ? good : bad)++;
        if (s.Get("/api/events?entity=3").first != 200) bad++;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(good == 120);
  CHECK(bad == 0);
}

TEST_CASE("serve: a later write is picked up without a restart", "[serve_http]") {
  Served s;
  CHECK(At(s.Json("/api/search?q=kallas"), "results").items().empty());
  {
    auto w = sql::Db::Open(s.db, false);
    Check(w.status());
    Check(w->Exec(
        "INSERT INTO entities(id, name, kind, country) VALUES (40, 'Kaja Kallas', 'person', 'EST');"
        "INSERT INTO aliases(alias, entity_id) VALUES ('Kallas', 40);"
        "INSERT INTO events(sentence_id, actor_id, action, action_class, object_id, event_date, "
        "negated, modality, extractor_version) VALUES (1, 40, 'meet', '04 Consult', 3, "
        "'2023-06-30', 0, 'asserted', 'test')"));
  }
  JsonValue r = s.Json("/api/search?q=kallas");
  REQUIRE(At(r, "results").items().size() == 1);
  CHECK(At(At(r, "results").items()[0], "id").as_number() == 40);
  JsonValue ego = s.Json("/api/neighbours?entity=3");
  CHECK(NodeNames(ego).size() == 5);
}

TEST_CASE("serve: a Stop() before Run() makes Run() return at once", "[serve_http]") {
  TempDir dir;
  BuildFixtureDb(dir.File("g.db"));
  ServeOptions o;
  o.db_path = dir.File("g.db");
  o.port = 0;
  o.web_dir = SourceDir() + "/web";
  auto s = Server::Start(o);
  REQUIRE(s.ok());
  (*s)->Stop();
  const auto t0 = std::chrono::steady_clock::now();
  CHECK((*s)->Run().ok());
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
}
