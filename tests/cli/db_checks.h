// Helpers for the crash and concurrency tests: a corpus of short articles and
// checks on a database file read with the sqlite3 library directly, so that
// they do not depend on the code under test.
#ifndef DETENTE_TESTS_CLI_DB_CHECKS_H_
#define DETENTE_TESTS_CLI_DB_CHECKS_H_

#include <sqlite3.h>

#include <map>
#include <string>
#include <vector>

#include "test_util.h"

namespace detente::testing {

// Writes `n` short articles (a title and two or three sentences each, every
// one different) as .txt files under `dir`, plus one .jsonl file holding `n`
// more; returns the number of documents (2 * n).
inline int WriteCorpus(const std::string& dir, int n) {
  static const char* kActors[] = {"Antony Blinken", "Wang Yi",         "Sergei Lavrov",
                                  "Olaf Scholz",    "Emmanuel Macron", "Narendra Modi",
                                  "Fumio Kishida",  "Ulf Kristersson"};
  static const char* kVerbs[] = {"met", "visited", "criticised", "praised", "called"};
  static const char* kPlaces[] = {"Cairo", "Paris", "Berlin", "Tokyo", "Nairobi", "Lima"};
  static const char* kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
  std::string jsonl;
  for (int i = 0; i < 2 * n; ++i) {
    const char* a = kActors[i % 8];
    const char* b = kActors[(i / 8 + 1 + i) % 8];
    if (a == b) b = kActors[(i + 3) % 8];
    std::string title = std::string(a) + " and " + b + ", round " + std::to_string(i);
    std::string body = std::string(a) + " " + kVerbs[i % 5] + " " + b + " in " + kPlaces[i % 6] +
                       " on " + kDays[i % 5] + ". The talks lasted " + std::to_string(i + 1) +
                       " hours.";
    if (i % 3 == 0) body += std::string(" ") + b + " will visit " + kPlaces[(i + 1) % 6] + ".";
    if (i < n) {
      WriteFile(dir + "/doc" + std::to_string(1000 + i) + ".txt",
                title + "\nDate: 2024-05-0" + std::to_string(1 + i % 9) + "\n\n" + body + "\n");
    } else {
      jsonl += "{\"id\": \"j" + std::to_string(i) + "\", \"title\": \"" + title +
               "\", \"date\": \"2024-06-10\", \"text\": \"" + body + "\"}\n";
    }
  }
  WriteFile(dir + "/zz.jsonl", jsonl);
  return 2 * n;
}

// Runs `sql` on the database at `path` (read-only unless `flags` say
// otherwise, with a busy timeout) and returns every row, each column as text
// (NULL as ""). An error becomes one row holding "<error: ...>".
inline std::vector<std::vector<std::string>> QueryRows(const std::string& path,
                                                       const std::string& sql,
                                                       int flags = SQLITE_OPEN_READONLY) {
  std::vector<std::vector<std::string>> rows;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return {{"<error: cannot open " + path + ">"}};
  }
  sqlite3_busy_timeout(db, 10000);
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
  while (rc == SQLITE_OK || rc == SQLITE_ROW) {
    if ((rc = sqlite3_step(st)) != SQLITE_ROW) break;
    std::vector<std::string> row;
    for (int c = 0; c < sqlite3_column_count(st); ++c) {
      const unsigned char* t = sqlite3_column_text(st, c);
      row.push_back(t ? reinterpret_cast<const char*>(t) : "");
    }
    rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) rows = {{std::string("<error: ") + sqlite3_errmsg(db) + ">"}};
  sqlite3_finalize(st);
  sqlite3_close(db);
  return rows;
}

// The first column of the first row, or "" when there is none.
inline std::string QueryOne(const std::string& path, const std::string& sql) {
  auto rows = QueryRows(path, sql);
  return rows.empty() || rows[0].empty() ? "" : rows[0][0];
}

// "ok" when PRAGMA integrity_check passes and foreign_key_check finds
// nothing; otherwise what they report.
// It opens the file for writing, as the next ingest would: a process killed
// while it created the file may leave a hot rollback journal, which only a
// writer rolls back (a read-only connection reports "attempt to write a
// readonly database").
inline std::string CheckIntegrity(const std::string& path) {
  auto check = QueryRows(path, "PRAGMA integrity_check", SQLITE_OPEN_READWRITE);
  std::string integrity = check.empty() || check[0].empty() ? "" : check[0][0];
  if (integrity != "ok") return "integrity_check: " + integrity;
  auto fk = QueryRows(path, "PRAGMA foreign_key_check");
  if (!fk.empty()) return "foreign_key_check: " + fk[0][0];
  return "ok";
}

// For every stored document (by sha256): its doc_id, sentence count and a
// listing of its events, in sentence order. Two databases holding the same
// documents extracted the same way have equal contents.
inline std::map<std::string, std::string> DocumentContents(const std::string& path) {
  std::map<std::string, std::string> out;
  for (const auto& row : QueryRows(
           path,
           "SELECT d.sha256, d.doc_id || ' | ' || "
           "  (SELECT count(*) FROM sentences s WHERE s.document_id = d.id) || ' sentences | ' || "
           "  coalesce((SELECT group_concat(x, '; ') FROM (SELECT s.idx || ':' || a.name || "
           "    ' ' || e.action || ' ' || coalesce(o.name, '-') AS x "
           "    FROM events e JOIN sentences s ON s.id = e.sentence_id "
           "    JOIN entities a ON a.id = e.actor_id LEFT JOIN entities o ON o.id = e.object_id "
           "    WHERE s.document_id = d.id ORDER BY s.idx, e.id)), '') "
           "FROM documents d")) {
    if (row.size() < 2) {
      out["<error>"] = row.empty() ? "" : row[0];
      continue;
    }
    out[row[0]] = row[1];
  }
  return out;
}

// Counts of the main tables, e.g. "documents=10 sentences=31 ...".
inline std::string TableCounts(const std::string& path) {
  std::string out;
  for (const char* t : {"documents", "sentences", "entities", "aliases", "events"}) {
    out += std::string(t) + "=" + QueryOne(path, std::string("SELECT count(*) FROM ") + t) + " ";
  }
  return out;
}

}  // namespace detente::testing

#endif  // DETENTE_TESTS_CLI_DB_CHECKS_H_
