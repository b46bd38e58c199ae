// The bulk loader (store/bulk.h): SqliteBulkWriter and its initial-load
// path (deferred indexes, multi-row INSERTs, its own reference checks).
#include "store/bulk.h"

#include <sqlite3.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detente/types.h"
#include "store/columns.h"
#include "store/writer.h"

namespace detente::store_internal {
namespace {

// Binds `v` without a copy (see Stmt::BindStatic), or NULL when it is empty.
void BindOrNull(sql::Stmt& st, int i, std::string_view v) {
  if (v.empty()) {
    st.BindNull(i);
  } else {
    st.BindStatic(i, v);
  }
}
void BindIdOrNull(sql::Stmt& st, int i, int64_t id) {
  if (id == 0) {
    st.BindNull(i);
  } else {
    st.Bind(i, id);
  }
}

// Sets the page cache to `mib` MiB (a negative cache_size is in KiB; the
// value is our own integer, so it may be spliced).
Status SetCacheMib(sql::Db& db, int64_t mib) {
  return db.Exec("PRAGMA cache_size = " + std::to_string(-1024 * mib));
}

// Wall and process CPU time of one step of BulkWriter::Finish().
class Timer {
 public:
  Timer() : wall_(std::chrono::steady_clock::now()), cpu_(Cpu()) {}
  void Done(std::vector<BulkStep>& steps, std::string what, std::string table) const {
    const auto wall = std::chrono::steady_clock::now() - wall_;
    steps.push_back({std::move(what), std::move(table),
                     std::chrono::duration<double>(wall).count(), Cpu() - cpu_});
  }

 private:
  static double Cpu() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
  }
  std::chrono::steady_clock::time_point wall_;
  double cpu_;
};

class SqliteBulkWriter : public BulkWriter {
 public:
  SqliteBulkWriter(sql::Db& db, const BulkOptions& options, int64_t old_cache, bool fk_on)
      : db_(db), options_(options), old_cache_(old_cache), fk_was_on_(fk_on) {}
  ~SqliteBulkWriter() override {
    tx_.reset();  // rolls back what is not committed
    RestoreForeignKeys();
    RestoreCache();
  }

  // The statements for loads in batches: each table's INSERT of rows_of_,
  // one row at a time (its conflict clause too: a refused row fails the
  // writer, which rolls the open batch back either way).
  Status Prepare() {
    sql::Stmt* stmts[] = {&doc_, &sent_, &entity_, &alias_, &event_};  // rows_of_'s order
    for (size_t t = 0; t < std::size(stmts); ++t) {
      Result<sql::Stmt> st = db_.Prepare(std::string(rows_of_[t].head) + rows_of_[t].row);
      if (!st.ok()) return st.status();
      *stmts[t] = std::move(*st);
    }
    return Status::OK();
  }

  // Strings are bound without a copy (BindStatic): they outlive Insert(),
  // which steps and resets the statement.
  Result<int64_t> AddDocument(const BulkDocument& d) override {
    if (d.source.empty()) return Fail(Status::DataError("bulk document without a source"));
    DETENTE_RETURN_IF_ERROR(BeforeRow());
    const std::string hash = DocumentHash(d.title, d.text);
    if (single_tx_) {
      Rows& r = rows_of_[kDocuments];
      const int64_t id = r.next_id++;
      r.Text(d.source).TextOrNull(d.doc_id).TextOrNull(d.title).TextOrNull(d.url);
      r.TextOrNull(d.published).Text(hash);
      return EndRow(r, id);
    }
    doc_.BindStatic(1, d.source);
    BindOrNull(doc_, 2, d.doc_id);
    BindOrNull(doc_, 3, d.title);
    BindOrNull(doc_, 4, d.url);
    BindOrNull(doc_, 5, d.published);
    doc_.BindStatic(6, hash);
    return Insert(doc_, "document");
  }

  Result<int64_t> AddSentence(int64_t document_id, int idx, std::string_view text) override {
    DETENTE_RETURN_IF_ERROR(BeforeRow());
    if (single_tx_) {
      DETENTE_RETURN_IF_ERROR(CheckRef(kDocuments, document_id, "sentence"));
      Rows& r = rows_of_[kSentences];
      const int64_t id = r.next_id++;
      r.Int(document_id).Int(idx).Int(static_cast<int64_t>(text.size())).Text(text);
      return EndRow(r, id);
    }
    sent_.Bind(1, document_id).Bind(2, idx).Bind(3, static_cast<int64_t>(text.size()));
    sent_.BindStatic(4, text);
    return Insert(sent_, "sentence");
  }

  Result<int64_t> AddEntity(std::string_view name, std::string_view kind,
                            std::string_view country) override {
    DETENTE_RETURN_IF_ERROR(BeforeRow());
    // An entity whose kind the extractor did not know.
    if (kind.empty()) kind = EntityKindName(EntityKind::kUnknown);
    if (single_tx_) {
      Rows& r = rows_of_[kEntities];
      const int64_t id = r.next_id++;
      r.Text(name).Text(kind).TextOrNull(country);
      return EndRow(r, id);
    }
    entity_.BindStatic(1, name);
    entity_.BindStatic(2, kind);
    BindOrNull(entity_, 3, country);
    return Insert(entity_, "entity");
  }

  Status AddAlias(std::string_view alias, int64_t entity_id) override {
    DETENTE_RETURN_IF_ERROR(BeforeRow());
    if (single_tx_) {
      DETENTE_RETURN_IF_ERROR(CheckRef(kEntities, entity_id, "alias"));
      Rows& r = rows_of_[kAliases];
      r.Text(alias).Int(entity_id);
      return EndRow(r, 0).status();
    }
    alias_.BindStatic(1, alias).Bind(2, entity_id);
    Result<int64_t> id = Insert(alias_, "alias");
    return id.status();
  }

  Result<int64_t> AddEvent(const BulkEvent& e) override {
    DETENTE_RETURN_IF_ERROR(BeforeRow());
    if (single_tx_) {
      DETENTE_RETURN_IF_ERROR(CheckRef(kSentences, e.sentence_id, "event"));
      DETENTE_RETURN_IF_ERROR(CheckRef(kEntities, e.actor_id, "event"));
      if (e.object_id) DETENTE_RETURN_IF_ERROR(CheckRef(kEntities, e.object_id, "event"));
      if (e.place_id) DETENTE_RETURN_IF_ERROR(CheckRef(kEntities, e.place_id, "event"));
      Rows& r = rows_of_[kEvents];
      const int64_t id = r.next_id++;
      r.Int(e.sentence_id).Int(e.actor_id).Text(e.action).TextOrNull(e.action_class);
      r.IdOrNull(e.object_id).IdOrNull(e.place_id).TextOrNull(e.event_date);
      r.TextOrNull(e.time_text).Int(e.negated ? 1 : 0).Text(ModalityName(e.modality));
      r.Real(e.confidence);
      r.Text(e.extractor_version);
      return EndRow(r, id);
    }
    event_.Bind(1, e.sentence_id).Bind(2, e.actor_id).BindStatic(3, e.action);
    BindOrNull(event_, 4, e.action_class);
    BindIdOrNull(event_, 5, e.object_id);
    BindIdOrNull(event_, 6, e.place_id);
    BindOrNull(event_, 7, e.event_date);
    BindOrNull(event_, 8, e.time_text);
    event_.Bind(9, e.negated ? 1 : 0).BindStatic(10, ModalityName(e.modality));
    event_.Bind(11, e.confidence);
    event_.BindStatic(12, e.extractor_version);
    return Insert(event_, "event");
  }

  // For an initial load: one transaction, without secondary indexes and
  // insert triggers until Finish() (BulkOptions::defer_indexes).
  Status DeferIndexes() {
    // PRAGMA foreign_keys cannot change inside a transaction: look before
    // BEGIN whether this is an initial load, switch the per-row checks off
    // if so, and look again once the write lock is held.
    Result<bool> looks_initial = IsInitial();
    if (!looks_initial.ok()) return Fail(looks_initial.status());
    if (*looks_initial && fk_was_on_) {
      DETENTE_RETURN_IF_ERROR(db_.Exec("PRAGMA foreign_keys = OFF"));
      fk_off_ = true;
    }
    Status begin = Begin();
    if (!begin.ok()) return Fail(begin);
    Result<bool> initial = IsInitial();
    if (!initial.ok()) return Fail(initial.status());
    if (!*initial) {
      if (!fk_off_) return Status::OK();  // batches as usual, this one open
      // Another writer was faster: back to batches with per-row checks.
      tx_.reset();  // rolls back
      Status s = RestoreForeignKeys();
      return s.ok() ? s : Fail(s);
    }
    // The exact DDL, so that what Finish() recreates is what the schema had.
    Result<sql::Stmt> ddl = db_.Prepare(
        "SELECT type, name, sql, tbl_name FROM sqlite_schema WHERE sql IS NOT NULL AND "
        "tbl_name IN ('documents', 'sentences', 'entities', 'aliases', 'events') AND "
        "(type = 'index' OR name IN ('sentences_ai', 'generation_events_ai', "
        "'generation_entities_ai'))");
    if (!ddl.ok()) return Fail(ddl.status());
    std::vector<std::pair<std::string, std::string>> drops;
    for (;;) {
      Result<bool> r = ddl->Step();
      if (!r.ok()) return Fail(r.status());
      if (!*r) break;
      drops.emplace_back(ddl->Text(0), ddl->Text(1));
      deferred_.push_back({ddl->Text(0) + " " + ddl->Text(1), ddl->Text(3), ddl->Text(2)});
    }
    ddl = sql::Stmt();
    for (const auto& [type, name] : drops) {
      // Names from sqlite_schema, quoted as identifiers.
      Status s = db_.Exec("DROP " + std::string(type == "index" ? "INDEX" : "TRIGGER") + " \"" +
                          name + "\"");
      if (!s.ok()) return Fail(s);
    }
    for (Rows& r : rows_of_) {
      if (!r.next_id) continue;  // aliases: SQLite picks the rowid
      Result<sql::Stmt> max = db_.Prepare(std::string("SELECT coalesce(max(rowid), 0) + 1 FROM ") +
                                          r.table);
      if (!max.ok()) return Fail(max.status());
      Result<bool> row = max->Step();
      if (!row.ok()) return Fail(row.status());
      r.next_id = r.first_id = max->Int(0);
      if (&r != &rows_of_[kDocuments] && &r != &rows_of_[kEntities]) continue;
      // Rows there before the load that new rows may refer to.
      Result<sql::Stmt> ids =
          db_.Prepare(std::string("SELECT rowid FROM ") + r.table + " ORDER BY rowid");
      if (!ids.ok()) return Fail(ids.status());
      for (;;) {
        Result<bool> more = ids->Step();
        if (!more.ok()) return Fail(more.status());
        if (!*more) break;
        r.before.push_back(ids->Int(0));
      }
    }
    single_tx_ = true;
    return Status::OK();
  }

  Status Finish() override {
    DETENTE_RETURN_IF_ERROR(failed_);
    if (finished_) return Status::OK();
    finished_ = true;
    if (single_tx_) {
      for (Rows& r : rows_of_) {
        Status s = Flush(r);
        if (!s.ok()) return Fail(s);
      }
      // SQLite sorts an index's keys in runs the size of the page cache and
      // merges them; runs that fit the CPU's cache sort faster than one
      // run of the whole table (measured: 30-40% less CPU per index).
      Status small = SetCacheMib(db_, 2);
      if (!small.ok()) return Fail(small);
      for (const Deferred& d : deferred_) {
        Timer t;
        Status s = db_.Exec(d.sql);
        if (!s.ok()) return Fail(s);
        t.Done(steps_, d.what, d.table);
      }
      Status big = SetCacheMib(db_, options_.cache_mib);
      if (!big.ok()) return Fail(big);
      Timer t;
      Status s = RebuildFullText();
      if (!s.ok()) return Fail(s);
      t.Done(steps_, "full-text index", "sentences");
      s = db_.Exec("UPDATE generation SET n = n + 1 WHERE id = 1");
      if (!s.ok()) return Fail(s);
    }
    if (tx_) {
      Timer t;
      Status s = Commit();
      if (!s.ok()) return Fail(s);
      if (single_tx_) t.Done(steps_, "commit", "");
    }
    RestoreCache();
    return RestoreForeignKeys();
  }

  const std::vector<BulkStep>& FinishSteps() const override { return steps_; }

 private:
  // Each table's INSERT, written once: loads in batches run it one row at a
  // time (Prepare), an initial load with several rows (Flush).
  // Rows of one table waiting for a multi-row INSERT (an initial load only):
  // one statement step per kRowsPerInsert rows instead of one per row, which
  // is most of SQLite's cost per row for narrow rows. Add* returns the id
  // before the row is written: SQLite gives a row without an id the
  // table's max + 1, and this writer holds the write lock and is the only
  // one inserting (Flush checks that SQLite agreed; leaving the id out also
  // spares a seek per row). Strings are copied into `text`. OR ROLLBACK:
  // a refused row ends the whole load anyway, and without ABORT SQLite
  // keeps no statement journal (a copy of every page a multi-row INSERT
  // touches, to undo just that statement).
  static constexpr size_t kRowsPerInsert = 32;
  struct Rows {
    const char* table;
    const char* what;  // for errors: "event"
    const char* head;  // "INSERT INTO t(columns) VALUES "
    const char* row;   // "(?, ?)"
    int64_t next_id;   // 0: the table's row ids are not ours to give
    // Ids that references may name: the rows there before the load
    // (`before`, sorted) and those of this load, [first_id, next_id).
    int64_t first_id = 0;
    std::vector<int64_t> before;
    bool Has(int64_t id) const {
      return id >= first_id ? id < next_id : std::binary_search(before.begin(), before.end(), id);
    }
    struct Value {
      enum Type : uint8_t { kNull, kInt, kReal, kText } type;
      int64_t i;     // kInt; kText: offset into `text`
      double d;      // kReal
      uint32_t len;  // kText
    };
    std::vector<Value> values;
    std::string text;
    size_t rows = 0;
    sql::Stmt full;  // kRowsPerInsert rows, prepared on first use

    Rows(const char* table_, const char* what_, const char* head_, const char* row_,
         int64_t next_id_)
        : table(table_), what(what_), head(head_), row(row_), next_id(next_id_) {}

    Rows& Int(int64_t v) {
      values.push_back({Value::kInt, v, 0, 0});
      return *this;
    }
    Rows& Real(double v) {
      values.push_back({Value::kReal, 0, v, 0});
      return *this;
    }
    Rows& Text(std::string_view v) {
      values.push_back({Value::kText, static_cast<int64_t>(text.size()), 0,
                        static_cast<uint32_t>(v.size())});
      text.append(v);
      return *this;
    }
    Rows& TextOrNull(std::string_view v) {
      if (v.empty()) values.push_back({Value::kNull, 0, 0, 0});
      return v.empty() ? *this : Text(v);
    }
    Rows& IdOrNull(int64_t v) {
      if (v == 0) values.push_back({Value::kNull, 0, 0, 0});
      return v == 0 ? *this : Int(v);
    }
  };
  enum { kDocuments, kSentences, kEntities, kAliases, kEvents };
  Rows rows_of_[5] = {
      {"documents", "document",
       "INSERT OR ROLLBACK INTO " DETENTE_DOCUMENTS_COLUMNS " VALUES ",
       "(?, ?, ?, ?, ?, ?)", 1},
      {"sentences", "sentence",
       "INSERT OR ROLLBACK INTO " DETENTE_SENTENCES_COLUMNS " VALUES ",
       "(?, ?, 0, 0, ?, ?)", 1},
      {"entities", "entity", "INSERT OR ROLLBACK INTO entities(name, kind, country) VALUES ",
       "(?, ?, ?)", 1},
      {"aliases", "alias", "INSERT OR IGNORE INTO aliases(alias, entity_id) VALUES ", "(?, ?)", 0},
      {"events", "event",
       "INSERT OR ROLLBACK INTO events(sentence_id, actor_id, action, action_class, "
       "object_id, place_id, event_date, time_text, negated, modality, confidence, "
       "extractor_version) VALUES ",
       "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", 1},
  };

  Result<int64_t> EndRow(Rows& r, int64_t id) {
    if (++r.rows == kRowsPerInsert) {
      Status s = Flush(r);
      if (!s.ok()) return Fail(s);
    }
    return id;
  }

  // Inserts the rows waiting in `r`.
  Status Flush(Rows& r) {
    if (r.rows == 0) return Status::OK();
    auto prepare = [&](size_t n) {
      std::string sql = r.head;
      for (size_t i = 0; i < n; ++i) (sql += i ? ", " : "") += r.row;
      return db_.Prepare(sql);
    };
    sql::Stmt tail;
    sql::Stmt* st = &r.full;
    if (r.rows < kRowsPerInsert) {  // the last rows, once per table
      Result<sql::Stmt> p = prepare(r.rows);
      if (!p.ok()) return p.status();
      tail = std::move(*p);
      st = &tail;
    } else if (!r.full.get()) {
      Result<sql::Stmt> p = prepare(kRowsPerInsert);
      if (!p.ok()) return p.status();
      r.full = std::move(*p);
    }
    int i = 1;
    for (const Rows::Value& v : r.values) {
      switch (v.type) {
        case Rows::Value::kNull: st->BindNull(i); break;
        case Rows::Value::kInt: st->Bind(i, v.i); break;
        case Rows::Value::kReal: st->Bind(i, v.d); break;
        case Rows::Value::kText:
          st->BindStatic(i, std::string_view(r.text).substr(static_cast<size_t>(v.i), v.len));
          break;
      }
      ++i;
    }
    Result<int64_t> done = Insert(*st, r.what);
    // SQLite gave the rows the ids Add* returned (see Rows), or the load
    // must not go on.
    if (done.ok() && r.next_id && *done != r.next_id - 1) {
      done = Status::Internal(std::string(r.table) + " row " + std::to_string(*done) +
                              " should have id " + std::to_string(r.next_id - 1));
    }
    r.values.clear();
    r.text.clear();
    r.rows = 0;
    return done.status();
  }

  // Opens a transaction when none is open, after committing a full batch.
  Status BeforeRow() {
    DETENTE_RETURN_IF_ERROR(failed_);
    if (finished_) return Status::Internal("bulk writer used after Finish()");
    if (tx_ && !single_tx_ && rows_ >= options_.batch_rows) {
      Status s = Commit();
      if (!s.ok()) return Fail(s);
    }
    if (!tx_) {
      Status s = Begin();
      if (!s.ok()) return Fail(s);
      rows_ = 0;
    }
    ++rows_;
    return Status::OK();
  }

  Status Begin() {
    tx_.emplace(db_);
    Status s = tx_->Begin();
    if (!s.ok()) tx_.reset();
    return s;
  }
  Status Commit() {
    Status s = tx_->Commit();
    if (s.ok()) tx_.reset();
    return s;
  }

  Result<int64_t> Insert(sql::Stmt& st, const char* what) {
    Status s = st.Run();
    if (!s.ok()) {
      // Constraint failures (duplicate name, missing reference, a CHECK) are
      // bad rows; anything else is the database's problem.
      int code = sqlite3_extended_errcode(db_.get()) & 0xFF;
      if (code == SQLITE_CONSTRAINT) {
        return Fail(Status::DataError(std::string(what) + " refused: " + s.message()));
      }
      return Fail(s);
    }
    return db_.LastInsertRowId();
  }

  Status Fail(Status s) {
    tx_.reset();  // rolls back the open batch (or the whole initial load)
    RestoreForeignKeys();
    failed_ = s;
    return s;
  }

  // Builds sentences_fts from the sentences. FTS5's defaults suit small
  // transactions: it flushes its in-memory index every 1 MiB into a new
  // segment and merges segments as they pile up (automerge), which for a
  // large load merges the same data again and again. For the rebuild: a
  // 64 MiB in-memory index, no automerge, then one merge of all segments
  // ('optimize'); then the table's own settings are put back as they were.
  Status RebuildFullText() {
    struct Setting {
      const char* key;
      int64_t rebuild;  // for the rebuild
      int64_t usual;    // FTS5's default, when the table has no setting of its own
      std::optional<int64_t> own;
    } settings[] = {{"automerge", 0, 4, {}}, {"hashsize", 64 << 20, 1 << 20, {}}};
    auto set = [&](const char* key, int64_t value) {
      Result<sql::Stmt> st =
          db_.Prepare("INSERT INTO sentences_fts(sentences_fts, rank) VALUES (?, ?)");
      if (!st.ok()) return st.status();
      st->Bind(1, key).Bind(2, value);
      return st->Run();
    };
    for (Setting& c : settings) {
      Result<sql::Stmt> st = db_.Prepare("SELECT v FROM sentences_fts_config WHERE k = ?");
      if (!st.ok()) return st.status();
      st->Bind(1, c.key);
      Result<bool> row = st->Step();
      if (!row.ok()) return row.status();
      if (*row) c.own = st->Int(0);
      DETENTE_RETURN_IF_ERROR(set(c.key, c.rebuild));
    }
    DETENTE_RETURN_IF_ERROR(
        db_.Exec("INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild'); "
                 "INSERT INTO sentences_fts(sentences_fts) VALUES ('optimize')"));
    for (const Setting& c : settings) {
      DETENTE_RETURN_IF_ERROR(set(c.key, c.own.value_or(c.usual)));
      if (c.own) continue;
      // No setting of its own before: none after either (the value in use
      // by this connection is the default again).
      // A shadow table: SQLITE_DBCONFIG_DEFENSIVE refuses this unless lifted.
      sql::ShadowWrites allow(db_);
      Result<sql::Stmt> st = db_.Prepare("DELETE FROM sentences_fts_config WHERE k = ?");
      if (!st.ok()) return st.status();
      st->Bind(1, c.key);
      DETENTE_RETURN_IF_ERROR(st->Run());
    }
    return Status::OK();
  }

  // True when the database has no sentences and no events yet.
  Result<bool> IsInitial() {
    Result<sql::Stmt> st = db_.Prepare(
        "SELECT NOT EXISTS (SELECT 1 FROM events) AND NOT EXISTS (SELECT 1 FROM sentences)");
    if (!st.ok()) return st.status();
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    return *row && st->Int(0) != 0;
  }

  // An initial load inserts with PRAGMA foreign_keys off, so each reference
  // is checked when its row is added: against the rows of `parent` there
  // before the load and those the load gave out: a range test, where
  // PRAGMA foreign_key_check at the end took about 1 us per event.
  // (tests/store/bulk_test.cpp holds the schema's foreign keys to this list.)
  Status CheckRef(int parent, int64_t id, const char* what) {
    const Rows& p = rows_of_[parent];
    if (p.Has(id)) return Status::OK();
    return Fail(Status::DataError("bulk load refused, nothing was stored: " + std::string(what) +
                                  " refers to a missing " + p.what + " " + std::to_string(id) +
                                  " (foreign key)"));
  }

  // Back to per-row foreign key checks (outside a transaction only).
  Status RestoreForeignKeys() {
    if (!fk_off_ || tx_) return Status::OK();
    fk_off_ = false;
    return db_.Exec("PRAGMA foreign_keys = ON");
  }

  void RestoreCache() {
    if (restored_) return;
    restored_ = true;
    db_.Exec("PRAGMA cache_size = " + std::to_string(old_cache_));
  }

  sql::Db& db_;
  BulkOptions options_;
  int64_t old_cache_;
  bool fk_was_on_;       // PRAGMA foreign_keys when the writer was made
  bool fk_off_ = false;  // switched off for an initial load; Restore switches back
  sql::Stmt doc_, sent_, entity_, alias_, event_;
  // The open transaction (a batch, or the whole initial load): committed by
  // Commit(), rolled back when reset or destroyed before that.
  std::optional<sql::Transaction> tx_;
  bool single_tx_ = false;  // DeferIndexes() is in effect
  struct Deferred {
    std::string what;  // "index events_actor", "trigger sentences_ai"
    std::string table;
    std::string sql;  // as sqlite_schema has it
  };
  std::vector<Deferred> deferred_;  // recreated by Finish()
  std::vector<BulkStep> steps_;
  bool finished_ = false;
  bool restored_ = false;
  size_t rows_ = 0;
  Status failed_;
};

}  // namespace

Result<std::unique_ptr<BulkWriter>> OpenBulkWriter(sql::Db& db, const BulkOptions& options) {
  Result<sql::Stmt> cache = db.Prepare("PRAGMA cache_size");
  if (!cache.ok()) return cache.status();
  Result<bool> row = cache->Step();
  if (!row.ok()) return row.status();
  int64_t old_cache = *row ? cache->Int(0) : -2000;
  cache = sql::Stmt();
  Result<sql::Stmt> fk = db.Prepare("PRAGMA foreign_keys");
  if (!fk.ok()) return fk.status();
  Result<bool> fk_row = fk->Step();
  if (!fk_row.ok()) return fk_row.status();
  const bool fk_on = *fk_row && fk->Int(0) != 0;
  fk = sql::Stmt();
  DETENTE_RETURN_IF_ERROR(SetCacheMib(db, options.cache_mib));
  auto writer = std::make_unique<SqliteBulkWriter>(db, options, old_cache, fk_on);
  if (options.defer_indexes) DETENTE_RETURN_IF_ERROR(writer->DeferIndexes());
  DETENTE_RETURN_IF_ERROR(writer->Prepare());
  return std::unique_ptr<BulkWriter>(std::move(writer));
}

}  // namespace detente::store_internal
