// The Store: opening (schema.cpp checks and migrates) and the calls that
// hand each job to its own file: the document writer (writer.cpp), the SQL
// console (console.cpp), event records (events.cpp), curation
// (curation.cpp) and the bulk loader (bulk.cpp).
#include "detente/store.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string_view>
#include <system_error>
#include <utility>

#include "detente/sqlite.h"
#include "store/bulk.h"
#include "store/console.h"
#include "store/curation.h"
#include "store/events.h"
#include "store/migrations.h"
#include "store/schema.h"
#include "store/writer.h"

namespace detente {
namespace {

std::string DocumentHash(const Document& doc) {
  return doc.sha256.empty() ? store_internal::DocumentHash(doc.title, doc.text) : doc.sha256;
}

class SqliteStore : public Store {
 public:
  SqliteStore(sql::Db db, bool read_only, std::string extractor_version)
      : db_(std::move(db)), read_only_(read_only), extractor_version_(std::move(extractor_version)) {}

  Result<bool> Contains(const Document& doc) override {
    Result<sql::Stmt> find = db_.Prepare("SELECT 1 FROM documents WHERE sha256 = ?");
    if (!find.ok()) return find.status();
    find->Bind(1, DocumentHash(doc));
    return find->Step();
  }

  Result<bool> AddDocument(const Document& doc, const Extraction& x) override {
    sql::Transaction tx(db_);
    DETENTE_RETURN_IF_ERROR(tx.Begin());
    Result<bool> added = writer_.Add(doc, DocumentHash(doc), x, extractor_version_);
    if (!added.ok() || !*added) return added;  // rolled back
    DETENTE_RETURN_IF_ERROR(tx.Commit());
    return true;
  }

  Status InTransaction(const std::function<Status()>& body) override {
    if (read_only_) return Status::Unsupported("writes on a read-only store");
    // Each AddDocument inside is a savepoint, whose journal SQLite writes to
    // a temporary file past 64 KiB: merging 100 documents wrote 78 MB there
    // in 37,000 writes, a third of the merge's CPU time. In memory, each
    // is dropped when its savepoint is released.
    DETENTE_RETURN_IF_ERROR(db_.Exec("PRAGMA temp_store = MEMORY"));
    Status s = [&] {
      sql::Transaction tx(db_);
      DETENTE_RETURN_IF_ERROR(tx.Begin());
      DETENTE_RETURN_IF_ERROR(body());
      return tx.Commit();
    }();
    Status restored = db_.Exec("PRAGMA temp_store = DEFAULT");
    return s.ok() ? restored : s;
  }

  Result<int64_t> Query(std::string_view text, const QueryOptions& options,
                        RowSink& sink) override {
    return store_internal::RunConsole(db_, read_only_, text, options, sink);
  }

  Result<bool> AddExtraction(const Document& doc, std::string_view sha256,
                             const Extraction& x) override {
    const bool hex = sha256.size() == 64 &&
                     std::all_of(sha256.begin(), sha256.end(), [](char c) {
                       return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                     });
    if (!hex) return Status::InvalidArgument("sha256 must be 64 lowercase hex digits");
    sql::Transaction tx(db_);
    DETENTE_RETURN_IF_ERROR(tx.Begin());
    Result<bool> added = writer_.Add(doc, std::string(sha256), x, extractor_version_);
    if (!added.ok() || !*added) return added;
    DETENTE_RETURN_IF_ERROR(tx.Commit());
    return true;
  }

  Result<int64_t> MergeEntities(std::string_view keep, std::string_view other) override {
    return InTransaction<int64_t>(
        [&] { return store_internal::Merge(db_, writer_, keep, other); });
  }
  Status UnmergeEntity(std::string_view other) override {
    return InTransaction<bool>([&]() -> Result<bool> {
             DETENTE_RETURN_IF_ERROR(store_internal::Unmerge(db_, writer_, other));
             return true;
           })
        .status();
  }
  Status AddEntityAlias(std::string_view entity, std::string_view alias) override {
    return InTransaction<bool>([&]() -> Result<bool> {
             DETENTE_RETURN_IF_ERROR(store_internal::AddAlias(db_, writer_, entity, alias));
             return true;
           })
        .status();
  }
  Status RemoveEntityAlias(std::string_view entity, std::string_view alias) override {
    return InTransaction<bool>([&]() -> Result<bool> {
             DETENTE_RETURN_IF_ERROR(store_internal::RemoveAlias(db_, writer_, entity, alias));
             return true;
           })
        .status();
  }

  Status Events(const EventQuery& filter, RowSink& sink) override {
    return store_internal::RunEvents(db_, filter, sink);
  }

  Result<StoreStats> Stats() override {
    StoreStats s;
    struct {
      const char* sql;
      int64_t* out;
    } counts[] = {
        {"SELECT count(*) FROM documents", &s.documents},
        {"SELECT count(*) FROM sentences", &s.sentences},
        {"SELECT count(*) FROM entities", &s.entities},
        {"SELECT count(*) FROM aliases", &s.aliases},
        {"SELECT count(*) FROM events", &s.events},
    };
    for (auto& c : counts) {
      Result<sql::Stmt> st = db_.Prepare(c.sql);
      if (!st.ok()) return st.status();
      Result<bool> row = st->Step();
      if (!row.ok()) return row.status();
      *c.out = st->Int(0);
    }
    Result<int> v = store_internal::UserVersion(db_);
    if (!v.ok()) return v.status();
    s.schema_version = *v;
    return s;
  }

  sql::Db& db() { return db_; }

  Result<std::unique_ptr<BulkWriter>> Bulk(const BulkOptions& options) override {
    if (read_only_) return Status::Unsupported("bulk writes on a read-only store");
    return store_internal::OpenBulkWriter(db_, options);
  }

 private:
  // Runs `fn` in one write transaction, committed when it succeeds.
  template <typename T, typename Fn>
  Result<T> InTransaction(Fn fn) {
    if (read_only_) return Status::Unsupported("curation needs a writable database");
    sql::Transaction tx(db_);
    DETENTE_RETURN_IF_ERROR(tx.Begin());
    Result<T> r = fn();
    if (!r.ok()) return r;
    DETENTE_RETURN_IF_ERROR(tx.Commit());
    return r;
  }

  sql::Db db_;
  bool read_only_ = false;
  std::string extractor_version_;  // StoreOptions::extractor_version
  store_internal::DocumentWriter writer_{db_};
};

}  // namespace

int Store::SchemaVersion() { return static_cast<int>(kMigrationCount); }

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  std::error_code ec;
  if (options.read_only && path != ":memory:" && !std::filesystem::exists(path, ec)) {
    return Status::IOError(path + ": no such database file");
  }
  Result<sql::Db> db = sql::Db::Open(path, options.read_only, options.busy_timeout_ms);
  if (!db.ok()) return db.status();  // it names the path
  Result<int> version = sql::CheckSchema(*db, path, options.read_only);
  if (!version.ok()) return version.status();
  if (!options.read_only) {
    Status fns = store_internal::RegisterSqlFunctions(*db);
    if (!fns.ok()) return Status::DatabaseError(path + ": " + fns.message());
  }
  auto store = std::make_unique<SqliteStore>(std::move(*db), options.read_only,
                                             options.extractor_version);
  if (*version < SchemaVersion()) {
    Status s = store_internal::Migrate(store->db(), *version);
    if (!s.ok()) return Status::DatabaseError(path + ": " + s.message());
  }
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace detente
