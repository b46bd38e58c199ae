// Crash safety: `detente ingest` killed with SIGKILL at random moments leaves
// a sound database in which every stored document is complete, and a rerun
// completes the corpus without duplicates.
//
// DETENTE_CRASH_SEED=N repeats a run's kill times (the seed is printed with
// any failure); DETENTE_CRASH_KILLS=N kills N times instead of 20.
#include <signal.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>

#include "cli/db_checks.h"
#include "test_util.h"

using namespace detente::testing;

namespace {

int Kills() {
  const char* env = std::getenv("DETENTE_CRASH_KILLS");
  return env && *env ? std::atoi(env) : 20;
}

unsigned Seed() {
  const char* env = std::getenv("DETENTE_CRASH_SEED");
  if (env && *env) return static_cast<unsigned>(std::strtoul(env, nullptr, 10));
  return std::random_device()();
}

}  // namespace

TEST_CASE("crash: ingest killed 20 times at random points loses and duplicates nothing",
          "[crash]") {
  const unsigned seed = Seed();
  const int want_kills = Kills();
  INFO("seed " << seed << " (DETENTE_CRASH_SEED=" << seed << " repeats this run)");
  std::mt19937 rng(seed);
  TempDir dir;
  const std::string corpus = dir.File("corpus");
  const int docs = WriteCorpus(corpus, 60);

  // The reference: one uninterrupted ingest.
  const std::string ref_db = dir.File("ref.db");
  auto start = std::chrono::steady_clock::now();
  RunResult ref =
      RunDetente({"ingest", "-q", "--db", ref_db, corpus}, "", std::chrono::seconds(300));
  auto full_run = std::chrono::steady_clock::now() - start;
  INFO(ref.err);
  REQUIRE(ref.exit_code == 0);
  const auto reference = DocumentContents(ref_db);
  REQUIRE(reference.size() == static_cast<size_t>(docs));
  const std::string ref_counts = TableCounts(ref_db);

  // Kill at a uniformly random moment from process start to 60% of a full
  // run, so that kills land in start-up, extraction and commits, and most
  // runs (which resume) are still busy when killed.
  const auto max_delay = std::chrono::duration_cast<std::chrono::milliseconds>(full_run * 0.6);
  std::uniform_int_distribution<long> delay_ms(0, std::max<long>(50, max_delay.count()));
  std::uniform_int_distribution<int> jobs(1, 2);

  const std::string db = dir.File("t.db");
  int kills = 0, runs = 0, completed = 0, mid_corpus = 0;
  size_t max_seen = 0;
  while (kills < want_kills) {
    REQUIRE(runs < 10 * want_kills);  // something is wrong if kills keep missing
    ++runs;
    const long delay = delay_ms(rng);
    const std::string j = std::to_string(jobs(rng));
    INFO("run " << runs << ": -j " << j << ", kill after " << delay << " ms");
    pid_t pid = SpawnDetente({"ingest", "-q", "-j", j, "--db", db, corpus}, dir.File("out"),
                             dir.File("err"));
    REQUIRE(pid > 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    kill(pid, SIGKILL);
    RunResult r = WaitFor(pid);
    const bool killed = r.signal == SIGKILL;
    if (killed) {
      ++kills;
    } else {
      // It finished first: then it must have succeeded.
      INFO(ReadFile(dir.File("err")));
      REQUIRE(r.exit_code == 0);
    }
    if (!std::filesystem::exists(db)) continue;  // killed before creating it

    REQUIRE(CheckIntegrity(db) == "ok");
    // Killed after the file was made and before the schema was committed:
    // an empty database, which the next run sets up. Nothing was lost.
    if (QueryOne(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'documents'") == "0") {
      CHECK(QueryOne(db, "PRAGMA user_version") == "0");
      REQUIRE(max_seen == 0);
      continue;
    }
    // Every stored document is whole: the same sentences and events as in the
    // reference. Nothing is stored twice (sha256 is the map key, and doc_id
    // is checked through the contents).
    const auto stored = DocumentContents(db);
    for (const auto& [sha, contents] : stored) {
      auto it = reference.find(sha);
      REQUIRE(it != reference.end());
      CHECK(contents == it->second);
    }
    CHECK(QueryOne(db, "SELECT count(*) - count(DISTINCT doc_id) FROM documents") == "0");
    CHECK(stored.size() >= max_seen);  // commits are durable
    // A kill after this run stored some documents and before it stored all.
    if (killed && stored.size() > max_seen && stored.size() < reference.size()) ++mid_corpus;
    max_seen = stored.size();
    if (stored.size() == reference.size()) {
      // The corpus is complete: start over so that later kills still land
      // in the middle of a run.
      CHECK(TableCounts(db) == ref_counts);
      ++completed;
      std::filesystem::remove(db);
      std::filesystem::remove(db + "-wal");
      std::filesystem::remove(db + "-shm");
      max_seen = 0;
    }
  }

  // A final run completes whatever the last kill interrupted.
  RunResult last = RunDetente({"ingest", "--db", db, corpus}, "", std::chrono::seconds(300));
  INFO(last.err);
  REQUIRE(last.exit_code == 0);
  CHECK(CheckIntegrity(db) == "ok");
  CHECK(DocumentContents(db) == reference);
  CHECK(TableCounts(db) == ref_counts);
  // Present + added covers the corpus exactly once.
  CHECK(last.err.find(" 0 rejected") != std::string::npos);
  WARN("crash test: "
       << kills << " kills in " << runs << " runs, " << mid_corpus
       << " of them after that run had committed documents, with more to go; corpus completed "
       << completed << " times; seed " << seed);
}

TEST_CASE("crash: a database killed before its schema was committed is set up by the next ingest",
          "[crash]") {
  // What a kill between creating the file and committing the schema leaves:
  // a WAL database with no tables.
  TempDir dir;
  const std::string db = dir.File("t.db");
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  REQUIRE(sqlite3_exec(h, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(h);
  REQUIRE(QueryOne(db, "SELECT count(*) FROM sqlite_schema") == "0");

  const std::string corpus = dir.File("corpus");
  const int docs = WriteCorpus(corpus, 3);
  RunResult r = RunDetente({"ingest", "-q", "--db", db, corpus});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(CheckIntegrity(db) == "ok");
  CHECK(QueryOne(db, "SELECT count(*) FROM documents") == std::to_string(docs));
}
