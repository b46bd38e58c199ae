// `detente merge` end to end: a merge killed with SIGKILL in the middle of a
// shard keeps whole shards only and finishes when run again; unusable shards
// are reported and left out; `ingest --lines` reads one range of a JSONL file.
#include <signal.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "cli/db_checks.h"
#include "detente/extract.h"
#include "detente/store.h"
#include "store/store_dump.h"
#include "test_util.h"

using namespace detente::testing;
using detente::Document;
using detente::Event;
using detente::Extraction;
using detente::Result;
using detente::Status;
using detente::Store;

namespace {

// A shard of `n` synthetic documents (two sentences and two events each,
// over a pool of 40 entities), written through the library in one
// transaction: far faster than extracting them, and as big as needed for a
// merge to be killed in the middle. Its events carry this build's extractor
// version, as `detente ingest` stamps them (and `detente merge` too).
void WriteShard(const std::string& path, int shard, int n) {
  detente::StoreOptions options;
  options.extractor_version = detente::Extractor::Version();
  auto store = Store::Open(path, options);
  REQUIRE(store.ok());
  Status s = (*store)->InTransaction([&] {
    for (int i = 0; i < n; ++i) {
      const int k = shard * n + i;
      const std::string a = "Envoy " + std::to_string(k % 40);
      const std::string b = "Envoy " + std::to_string((k * 7 + 3) % 40);
      Document doc;
      doc.source = "/corpus/shard" + std::to_string(shard) + ".jsonl#" + std::to_string(i + 1);
      doc.id = "d" + std::to_string(k);
      doc.title = a + " meets " + b;
      doc.text = a + " met " + b + " in round " + std::to_string(k) + ". Talks go on.";
      Extraction x;
      x.sentences.push_back({0, true, 0, doc.title.size(), doc.title});
      x.sentences.push_back(
          {1, false, 0, doc.text.size() - 14, doc.text.substr(0, doc.text.size() - 14)});
      x.sentences.push_back({2, false, doc.text.size() - 13, doc.text.size(), "Talks go on."});
      x.entities.push_back({a,
                            k % 3 ? std::optional(detente::EntityKind::kPerson) : std::nullopt,
                            k % 2 ? "FRA" : "",
                            {a}});
      Event met;
      met.sentence = 1;
      met.actor = a;
      met.action = "meet";
      met.object = b;
      met.time = "2024-05-" + std::to_string(10 + k % 20);
      x.events.push_back(met);
      Event title = met;
      title.sentence = 0;
      title.modality = detente::Modality::kFuture;
      x.events.push_back(title);
      Result<bool> added = (*store)->AddDocument(doc, x);
      if (!added.ok()) return added.status();
    }
    return Status::OK();
  });
  INFO(s.ToString());
  REQUIRE(s.ok());
}

}  // namespace

TEST_CASE("merge cli: a merge killed mid-shard keeps whole shards and resumes", "[merge][cli]") {
  TempDir dir;
  constexpr int kShards = 4, kDocs = 2500;
  std::vector<std::string> args = {"merge", "-q", ""};
  for (int i = 0; i < kShards; ++i) {
    args.push_back(dir.File("s" + std::to_string(i) + ".db"));
    WriteShard(args.back(), i, kDocs);
  }
  // The reference: one uninterrupted merge.
  args[2] = dir.File("ref.db");
  RunResult ref = RunDetente(args, "", std::chrono::seconds(600));
  INFO(ref.err);
  REQUIRE(ref.exit_code == 0);
  REQUIRE(QueryOne(args[2], "SELECT count(*) FROM documents") == std::to_string(kShards * kDocs));

  // Killed once the first shard is in, while it works on the next.
  args[2] = dir.File("out.db");
  pid_t pid = SpawnDetente(args, dir.File("out"), dir.File("err"));
  REQUIRE(pid > 0);
  auto documents = [&] {
    std::string n = QueryOne(args[2], "SELECT count(*) FROM documents");
    return n.empty() || n[0] == '<' ? 0 : std::stoi(n);
  };
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(300);
  while (documents() == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  kill(pid, SIGKILL);
  RunResult killed = WaitFor(pid);
  INFO(ReadFile(dir.File("err")));
  REQUIRE(killed.signal == SIGKILL);  // else the shards are too small to kill a merge in time
  const int partial = documents();
  CHECK(partial % kDocs == 0);  // whole shards only
  CHECK(partial > 0);
  CHECK(partial < kShards * kDocs);
  CHECK(CheckIntegrity(args[2]) == "ok");

  RunResult resumed = RunDetente(args, "", std::chrono::seconds(600));
  INFO(resumed.err);
  REQUIRE(resumed.exit_code == 0);
  CHECK(DumpStore(args[2]) == DumpStore(dir.File("ref.db")));
}

TEST_CASE("merge cli: unusable shards are reported and the others merged", "[merge][cli]") {
  TempDir dir;
  WriteShard(dir.File("good.db"), 0, 5);
  WriteFile(dir.File("junk.db"), "not a database at all, but long enough to be looked at\n");
  const std::string out = dir.File("out.db");
  RunResult r = RunDetente(
      {"merge", out, dir.File("none.db"), dir.File("junk.db"), dir.File("good.db"), out});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("none.db") != std::string::npos);
  CHECK(r.err.find("junk.db") != std::string::npos);
  CHECK(r.err.find("is the output database itself") != std::string::npos);
  CHECK(r.err.find("good.db: 5 documents added, 0 already present, 10 events") !=
        std::string::npos);
  CHECK(r.err.find("merged 1 shard into") != std::string::npos);
  CHECK(DumpStore(out) == DumpStore(dir.File("good.db")));

  RunResult usage = RunDetente({"merge", out});
  CHECK(usage.exit_code == 2);
}

TEST_CASE("ingest --lines reads one range of a JSONL file, numbered as the file", "[merge][cli]") {
  TempDir dir;
  const std::string feed = dir.File("feed.jsonl");
  WriteFile(feed,
            "{\"text\": \"Olaf Scholz met Emmanuel Macron in Paris.\"}\n"
            "not json\n"
            "{\"text\": \"Wang Yi visited Nairobi on Monday.\"}\n"
            "\n"
            "{\"text\": \"Antony Blinken praised Narendra Modi.\"}\n"
            "{\"text\": \"Sergei Lavrov met Wang Yi in Beijing.\"}\n");
  const std::string db = dir.File("t.db");
  RunResult r = RunDetente({"ingest", "-q", "--db", db, "--lines", "3-5", feed});
  INFO(r.err);
  CHECK(r.exit_code == 0);  // line 2 is outside: not read, not reported
  CHECK(QueryRows(db, "SELECT source FROM documents ORDER BY id") ==
        std::vector<std::vector<std::string>>{{feed + "#3"}, {feed + "#5"}});
  RunResult tail = RunDetente({"ingest", "-q", "--db", db, "--lines", "2-", feed});
  CHECK(tail.exit_code == 3);
  CHECK(tail.err.find(feed + ":2:") != std::string::npos);
  CHECK(QueryOne(db, "SELECT count(*) FROM documents") == "3");  // line 1 is before the range
  for (const char* bad : {"0-3", "5-3", "x", "-3", "3-x"}) {
    INFO(bad);
    CHECK(RunDetente({"ingest", "--db", db, "--lines", bad, feed}).exit_code == 2);
  }
}
