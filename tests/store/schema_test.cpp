// The one schema check (sql::CheckSchema, src/store/schema.cpp) that
// Store::Open, GraphReader::Open and EvidenceReader::Open share: the same
// file gets the same answer from each.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "detente/evidence.h"
#include "detente/graph.h"
#include "detente/sqlite.h"
#include "detente/store.h"
#include "test_util.h"

using detente::EvidenceReader;
using detente::GraphReader;
using detente::Status;
using detente::Store;
using detente::StoreOptions;
using detente::testing::TempDir;
namespace sql = detente::sql;

namespace {

// The status of each opener, read-only, on `path`: store, graph, evidence.
std::vector<Status> OpenAll(const std::string& path) {
  StoreOptions ro;
  ro.read_only = true;
  return {Store::Open(path, ro).status(), GraphReader::Open(path).status(),
          EvidenceReader::Open(path).status()};
}

}  // namespace

TEST_CASE("schema: a schema-3 file needs an upgrade, for every reader", "[store]") {
  TempDir dir;
  const std::string path = dir.File("old.db");
  std::filesystem::copy_file(detente::testing::SourceDir() + "/tests/data/store/schema3.db", path);
  for (const Status& s : OpenAll(path)) {
    CHECK(s.code() == Status::Code::kUnsupported);
    CHECK(s.message() == path + " has schema 3 and needs an upgrade to " +
                             std::to_string(Store::SchemaVersion()) +
                             "; open it once for writing (e.g. detente ingest) first");
  }
  // A writer migrates it; then every reader opens it.
  REQUIRE(Store::Open(path).ok());
  for (const Status& s : OpenAll(path)) CHECK(s.ok());
}

TEST_CASE("schema: a newer or a foreign file is refused the same way by every opener", "[store]") {
  TempDir dir;
  const std::string newer = dir.File("newer.db");
  REQUIRE(Store::Open(newer).ok());
  {
    auto db = sql::Db::Open(newer, false);
    REQUIRE(db.ok());
    REQUIRE(db->Exec("PRAGMA user_version = 999").ok());
  }
  for (const Status& s : OpenAll(newer)) {
    CHECK(s.code() == Status::Code::kUnsupported);
    CHECK(s.message().find(newer +
                           " was written by a newer detente (schema 999, this build knows") == 0);
  }
  CHECK(Store::Open(newer).status().code() == Status::Code::kUnsupported);

  const std::string foreign = dir.File("foreign.db");
  {
    auto db = sql::Db::Open(foreign, false);
    REQUIRE(db.ok());
    REQUIRE(db->Exec("CREATE TABLE t(x)").ok());
  }
  for (const Status& s : OpenAll(foreign)) {
    CHECK(s.code() == Status::Code::kDatabaseError);
    CHECK(s.message().find("is not a detente database") != std::string::npos);
  }
}

TEST_CASE("schema: CheckSchema returns the version, 0 for a new file", "[store]") {
  TempDir dir;
  {
    auto db = sql::Db::Open(dir.File("new.db"), false);
    REQUIRE(db.ok());
    auto v = sql::CheckSchema(*db, "new.db", /*read_only=*/false);
    REQUIRE(v.ok());
    CHECK(*v == 0);
  }
  REQUIRE(Store::Open(dir.File("new.db")).ok());
  auto db = sql::OpenForReading(dir.File("new.db"));
  REQUIRE(db.ok());
  auto v = sql::CheckSchema(*db, "new.db", /*read_only=*/true);
  REQUIRE(v.ok());
  CHECK(*v == Store::SchemaVersion());
  CHECK(sql::OpenForReading(dir.File("none.db")).status().code() == Status::Code::kIOError);
}
