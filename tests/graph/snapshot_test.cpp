// The graph snapshot (<db>.graph): used when fresh, rebuilt when stale,
// refused when corrupt or foreign, and invisible in the answers.
#include "graph/snapshot.h"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <thread>

#include "detente/graph.h"
#include "detente/store.h"
#include "graph/graph_fixture.h"
#include "detente/sqlite.h"
#include "test_util.h"

using namespace detente;
using namespace detente::testing;

namespace {

std::unique_ptr<GraphReader> Reader(const std::string& db, bool snapshot = true,
                                    const std::string& snapshot_path = "") {
  GraphReaderOptions o;
  o.use_snapshot = snapshot;
  o.snapshot_path = snapshot_path;
  auto r = GraphReader::Open(db, o);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  return std::move(*r);
}

Graph Load(GraphReader& r, const GraphFilter& f = {}) {
  auto g = r.Load(f);
  INFO(g.status().ToString());
  REQUIRE(g.ok());
  return std::move(*g);
}

// Everything a query can see of a graph, as text.
std::string Dump(const Graph& g) {
  std::string out = "by name:";
  for (uint32_t v : g.vertices_by_name()) out += " " + std::to_string(g.entity(v).id);
  out += "\n";
  for (const GraphEntity& e : g.entities()) {
    out += std::to_string(e.id) + " " + e.name + "|" + e.kind + "|" + e.country + "\n";
  }
  for (const GraphEvent& e : g.events()) {
    out += std::to_string(e.id) + " s" + std::to_string(e.sentence_id) + " " +
           g.entity(e.actor).name + " " + std::string(g.action(e)) + " " + g.entity(e.object).name +
           " [" + std::string(g.action_class(e)) + "|" + std::string(g.cameo_code(e)) + "] " +
           std::string(g.date(e)) + " " + ModalityName(e.modality) + (e.negated ? " not" : "") +
           "\n";
  }
  return out;
}

void Exec(const std::string& db, const std::string& sql) {
  auto conn = sql::Db::Open(db, false);
  REQUIRE(conn.ok());
  REQUIRE(conn->Exec(sql).ok());
}

void FlipByte(const std::string& path, std::streamoff at) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  REQUIRE(f);
  f.seekg(at);
  char c = 0;
  f.get(c);
  f.seekp(at);
  f.put(static_cast<char>(c ^ 0x5A));
}

}  // namespace

TEST_CASE("snapshot: written on the first load, then used while fresh", "[graph][snapshot]") {
  TempDir dir;
  const std::string db = dir.File("g.db");
  BuildFixtureDb(db);
  auto first = Reader(db);
  std::string dumped = Dump(Load(*first));
  CHECK_FALSE(first->last_load().from_snapshot);
  CHECK(first->last_load().snapshot_written);
  REQUIRE(std::filesystem::exists(db + ".graph"));

  auto second = Reader(db);
  CHECK(Dump(Load(*second)) == dumped);
  CHECK(second->last_load().from_snapshot);
  CHECK_FALSE(second->last_load().snapshot_written);
  CHECK(second->last_load().note.empty());
  // No temporary file is left behind.
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    files += e.path().string().find(".graph") != std::string::npos;
  }
  CHECK(files == 1);
}

TEST_CASE("snapshot: rebuilt after an ingest and after edits in plain SQL", "[graph][snapshot]") {
  TempDir dir;
  const std::string db = dir.File("g.db");
  BuildFixtureDb(db);
  Load(*Reader(db));  // writes the snapshot

  // An ingest through the store: a new event between known entities.
  {
    auto store = Store::Open(db);
    REQUIRE(store.ok());
    Document doc;
    doc.source = "new.txt";
    doc.title = "India and China";
    doc.date = "2024-01-05";
    doc.text = "India met China.";
    Extraction x;
    x.sentences.push_back(Sentence{0, false, 0, doc.text.size(), doc.text});
    Event ev;
    ev.sentence = 0;
    ev.actor = "India";
    ev.action = "meet";
    ev.object = "China";
    x.events.push_back(ev);
    auto added = (*store)->AddDocument(doc, x);
    REQUIRE(added.ok());
    REQUIRE(*added);
  }
  auto after = Reader(db);
  Graph g = Load(*after);
  CHECK_FALSE(after->last_load().from_snapshot);
  CHECK(after->last_load().snapshot_written);
  CHECK(after->last_load().note.find("stale") != std::string::npos);
  CHECK(g.num_events() == 14);
  CHECK(Dump(g) == Dump(Load(*Reader(db, false))));
  CHECK(Reader(db)->Load({}).ok());

  // A document's published date is the date of its undated events.
  Exec(db, "UPDATE documents SET published = '2019-09-09' WHERE id = 3");
  auto redated = Reader(db);
  CHECK(Dump(Load(*redated)).find("2019-09-09") != std::string::npos);
  CHECK_FALSE(redated->last_load().from_snapshot);

  Exec(db, "DELETE FROM events WHERE action = 'threaten'");
  auto deleted = Reader(db);
  CHECK(Dump(Load(*deleted)).find("threaten") == std::string::npos);
  CHECK_FALSE(deleted->last_load().from_snapshot);
}

TEST_CASE("snapshot: a corrupt, truncated or foreign snapshot is never trusted",
          "[graph][snapshot]") {
  TempDir dir;
  const std::string db = dir.File("g.db");
  BuildFixtureDb(db);
  const std::string truth = Dump(Load(*Reader(db, false)));
  Load(*Reader(db));
  const std::string snap = db + ".graph";
  const auto size = static_cast<std::streamoff>(std::filesystem::file_size(snap));
  const std::string good = ReadFile(snap);

  struct Damage {
    const char* what;
    std::function<void()> apply;
    const char* note;
  };
  Damage damages[] = {
      {"a flipped payload byte", [&] { FlipByte(snap, size - 3); }, "checksum"},
      {"a flipped header byte", [&] { FlipByte(snap, 30); }, "header"},
      {"a truncated file", [&] { std::filesystem::resize_file(snap, size - 10); }, "truncated"},
      {"a short file", [&] { WriteFile(snap, "DTNT"); }, "too short"},
      {"text", [&] { WriteFile(snap, std::string(200, 'x')); }, "not a snapshot"},
  };
  for (const Damage& d : damages) {
    INFO(d.what);
    WriteFile(snap, good);
    d.apply();
    auto r = Reader(db);
    CHECK(Dump(Load(*r)) == truth);
    CHECK_FALSE(r->last_load().from_snapshot);
    CHECK(r->last_load().note.find(d.note) != std::string::npos);
    CHECK(r->last_load().snapshot_written);  // and repaired
    CHECK(ReadFile(snap) == good);
  }

  // The snapshot of another database (same schema, another db_id) next to
  // this one, e.g. after copying files around.
  const std::string other = dir.File("other.db");
  BuildFixtureDb(other);
  Exec(other, "DELETE FROM events WHERE id = 1");
  Load(*Reader(other));
  std::filesystem::copy_file(other + ".graph", snap,
                             std::filesystem::copy_options::overwrite_existing);
  auto r = Reader(db);
  CHECK(Dump(Load(*r)) == truth);
  CHECK(r->last_load().note.find("another database") != std::string::npos);
}

TEST_CASE("snapshot: answers are identical with and without it, under every filter",
          "[graph][snapshot]") {
  TempDir dir;
  const std::string db = dir.File("g.db");
  BuildFixtureDb(db);
  Load(*Reader(db));
  std::vector<GraphFilter> filters(9);
  filters[1].since = "2023-07";
  filters[2].until = "2023-06";
  filters[3].since = "2023-03-03";
  filters[3].until = "2023-03-03";
  filters[4].actions = {"meet", "travel to"};
  filters[5].classes = {"04", "1"};
  filters[6].kinds = {"person", "country"};
  filters[7].include_future = true;
  filters[7].include_negated = true;
  filters[8].kinds = {"person"};
  filters[8].include_negated = true;
  filters[8].since = "2023";
  for (size_t i = 0; i < filters.size(); ++i) {
    INFO("filter " << i);
    auto with = Reader(db);
    Graph g = Load(*with, filters[i]);
    CHECK(with->last_load().from_snapshot);
    CHECK(Dump(g) == Dump(Load(*Reader(db, false), filters[i])));
    // The name order kept in the snapshot, renumbered under --kind.
    CHECK(g.vertices_by_name() == Graph::NameOrder(g.entities()));
  }
  // Spot checks that the filters do filter.
  auto r = Reader(db);
  CHECK(Load(*r, filters[3]).num_events() == 1);  // Lavrov-Jaishankar, dated by its document
  CHECK(Load(*r, filters[7]).num_events() == 15);
}

TEST_CASE("snapshot: a snapshot that cannot be written is ignored", "[graph][snapshot]") {
  TempDir dir;
  const std::string db = dir.File("g.db");
  BuildFixtureDb(db);
  const std::string nowhere = dir.File("no/such/dir/g.db.graph");
  auto r = Reader(db, true, nowhere);
  Graph g = Load(*r);
  CHECK(g.num_events() == 13);
  CHECK_FALSE(r->last_load().snapshot_written);
  CHECK(r->last_load().note.find("cannot write") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(nowhere));

  // Off: neither read nor written.
  auto off = Reader(db, false);
  Load(*off);
  CHECK_FALSE(std::filesystem::exists(db + ".graph"));
}

TEST_CASE("snapshot: a snapshot of another format version is rebuilt", "[graph][snapshot]") {
  TempDir dir;
  const std::string db = dir.File("g.db");
  BuildFixtureDb(db);
  const std::string truth = Dump(Load(*Reader(db, false)));
  Load(*Reader(db));
  const std::string snap = db + ".graph";
  const std::string good = ReadFile(snap);

  // The header of each older version (1: no name order, 2: no roles, 3: no
  // CAMEO codes), with a valid header checksum: the version field follows
  // the 8-byte magic, and the checksum of the header bytes before it ends
  // the 112-byte header.
  for (uint32_t version : {1u, 2u, 3u}) {
    INFO("version " << version);
    std::string old = good;
    REQUIRE(graph_internal::kSnapshotVersion != version);
    old.replace(8, 4, reinterpret_cast<const char*>(&version), 4);
    const uint64_t header_hash = graph_internal::SnapshotHash(old.data(), 104);
    old.replace(104, 8, reinterpret_cast<const char*>(&header_hash), 8);
    WriteFile(snap, old);

    auto r = Reader(db);
    CHECK(Dump(Load(*r)) == truth);
    CHECK_FALSE(r->last_load().from_snapshot);
    CHECK(r->last_load().note.find("another version") != std::string::npos);
    CHECK(r->last_load().snapshot_written);
    CHECK(ReadFile(snap) == good);
  }
  auto again = Reader(db);
  Load(*again);
  CHECK(again->last_load().from_snapshot);
}

TEST_CASE("snapshot: the name order round-trips, and a bad one is refused", "[graph][snapshot]") {
  TempDir dir;
  const std::string path = dir.File("x.graph");
  const graph_internal::SnapshotKey key{"db", 7};
  graph_internal::GraphData data;
  data.strings = {""};
  for (int i = 1; i <= 4; ++i) {
    data.entities.push_back({i, "e" + std::to_string(5 - i), "person", ""});
  }
  data.by_name = {3, 2, 1, 0};
  REQUIRE(graph_internal::WriteSnapshot(path, key, data).ok());
  auto read = graph_internal::ReadSnapshot(path, key);
  REQUIRE(read.ok());
  CHECK(read->by_name == data.by_name);
  CHECK(read->entities.size() == 4);

  // Well formed and checksummed, but an entity twice: not a name order.
  data.by_name = {3, 2, 2, 0};
  REQUIRE(graph_internal::WriteSnapshot(path, key, data).ok());
  auto twice = graph_internal::ReadSnapshot(path, key);
  CHECK(twice.status().code() == Status::Code::kDataError);
  CHECK(twice.status().message().find("name order") != std::string::npos);
  data.by_name = {3, 2, 4, 0};
  REQUIRE(graph_internal::WriteSnapshot(path, key, data).ok());
  CHECK(graph_internal::ReadSnapshot(path, key).status().code() == Status::Code::kDataError);
  // One that does not match the entities is not written.
  data.by_name = {0, 1};
  CHECK_FALSE(graph_internal::WriteSnapshot(path, key, data).ok());
}

TEST_CASE("snapshot: a FIFO, a link or a directory in its place is not followed",
          "[graph][snapshot]") {
  TempDir dir;
  const std::string db = dir.File("g.db");
  BuildFixtureDb(db);
  const std::string expected = Dump(Load(*Reader(db, false)));
  const std::string snap = db + ".graph";
  auto check = [&](const char* what) {
    INFO(what);
    auto start = std::chrono::steady_clock::now();
    auto r = Reader(db);
    CHECK(Dump(Load(*r)) == expected);
    CHECK_FALSE(r->last_load().from_snapshot);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));
  };
  // A FIFO: opening it to read used to block for ever.
  REQUIRE(mkfifo(snap.c_str(), 0600) == 0);
  auto fifo = graph_internal::ReadSnapshot(snap, {"x", 1});
  REQUIRE_FALSE(fifo.ok());
  CHECK(fifo.status().message() == snap + ": not a regular file");
  check("fifo");
  CHECK(std::filesystem::is_regular_file(snap));  // rebuilt over it
  // A symbolic link to a good snapshot is still not followed.
  std::filesystem::rename(snap, dir.File("elsewhere.graph"));
  std::filesystem::create_symlink(dir.File("elsewhere.graph"), snap);
  auto link = graph_internal::ReadSnapshot(snap, {"x", 1});
  REQUIRE_FALSE(link.ok());
  CHECK(link.status().message() == snap + ": a symbolic link, not a snapshot");
  check("link");
  std::filesystem::remove(snap);
  std::filesystem::create_directory(snap);
  CHECK(graph_internal::ReadSnapshot(snap, {"x", 1}).status().message() ==
        snap + ": not a regular file");
  check("directory");
}

TEST_CASE("snapshot: a huge sparse file is refused by its header, unread", "[graph][snapshot]") {
  TempDir dir;
  const std::string snap = dir.File("g.db.graph");
  WriteFile(snap, "");
  REQUIRE(truncate(snap.c_str(), off_t{1} << 31) == 0);  // 2 GiB of holes
  auto start = std::chrono::steady_clock::now();
  auto r = graph_internal::ReadSnapshot(snap, {"x", 1});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == snap + ": not a snapshot");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}

TEST_CASE("snapshot: truncated while it is read, it is refused and never kills the reader",
          "[graph][snapshot]") {
  TempDir dir;
  const std::string db = dir.File("g.db");
  // A graph big enough that a read takes a while: 30,000 events.
  {
    auto store = Store::Open(db);
    REQUIRE(store.ok());
    auto bulk = (*store)->Bulk();
    REQUIRE(bulk.ok());
    BulkDocument d;
    d.source = "gen";
    d.text = "gen";
    int64_t doc = *(*bulk)->AddDocument(d);
    int64_t sentence = *(*bulk)->AddSentence(doc, 0, "Generated.");
    std::vector<int64_t> ids;
    for (int i = 0; i < 300; ++i) {
      ids.push_back(*(*bulk)->AddEntity("Entity " + std::to_string(i), "person", ""));
    }
    for (int i = 0; i < 30000; ++i) {
      BulkEvent e;
      e.sentence_id = sentence;
      e.actor_id = ids[i % 300];
      e.object_id = ids[(i * 7 + 1) % 300];
      e.action = i % 2 ? "meet" : "visit";
      REQUIRE((*bulk)->AddEvent(e).ok());
    }
    REQUIRE((*bulk)->Finish().ok());
  }
  const std::string snap = db + ".graph";
  REQUIRE(Load(*Reader(db)).num_events() == 30000);
  const std::string good = ReadFile(snap);
  REQUIRE(good.size() > 1000000);
  // Cut at every kind of place, then put back, again and again, while
  // another thread loads: a mapped read would die of SIGBUS here.
  std::atomic<bool> stop{false};
  std::thread cutter([&] {
    std::mt19937 rng(12);
    while (!stop.load()) {
      if (truncate(snap.c_str(), static_cast<off_t>(rng() % good.size())) != 0) continue;
      std::this_thread::sleep_for(std::chrono::microseconds(rng() % 300));
      std::ofstream(snap, std::ios::binary | std::ios::trunc) << good;
    }
  });
  struct Joiner {
    std::atomic<bool>& stop;
    std::thread& t;
    ~Joiner() {
      stop = true;
      t.join();
    }
  } joiner{stop, cutter};
  int from_snapshot = 0;
  GraphReaderOptions o;
  o.snapshot_path = dir.File("other.graph");  // where the reader rebuilds it
  for (int i = 0; i < 150; ++i) {
    auto r = graph_internal::ReadSnapshot(snap, {"", 0});  // a foreign key: header only
    CHECK_FALSE(r.ok());
    auto reader = GraphReader::Open(db, o);
    REQUIRE(reader.ok());
    WriteFile(o.snapshot_path, ReadFile(snap));  // maybe cut, maybe whole
    auto g = (*reader)->Load({});
    INFO(g.status().ToString());
    REQUIRE(g.ok());
    CHECK(g->num_events() == 30000);
    from_snapshot += (*reader)->last_load().from_snapshot;
  }
  INFO(from_snapshot << " of 150 loads used the snapshot");
  CHECK(from_snapshot < 150);  // some copies were cut, and refused
}
