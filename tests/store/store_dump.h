// A store's contents as text without row ids, read with the sqlite3 library
// directly: two stores with equal dumps hold the same documents, sentences,
// entities (names, kinds, countries, roles, and the evidence for them),
// aliases, the names each document gave, and events (codes, roles, rules, the
// names as extracted and the mentions of their event), whatever their ids.
// For the tests of shards and their merge.
#ifndef DETENTE_TESTS_STORE_STORE_DUMP_H_
#define DETENTE_TESTS_STORE_STORE_DUMP_H_

#include <algorithm>
#include <string>
#include <vector>

#include "cli/db_checks.h"

namespace detente::testing {

inline std::string DumpStore(const std::string& path) {
  static const char* kQueries[] = {
      "SELECT 'document', source, doc_id, title, url, published, sha256 FROM documents",
      "SELECT 'sentence', d.sha256, s.idx, s.in_title, s.start, s.end, s.text "
      "FROM sentences s JOIN documents d ON d.id = s.document_id",
      "SELECT 'entity', name, kind, coalesce(country, '-'), coalesce(role, '-') FROM entities",
      "SELECT 'alias', a.alias, e.name FROM aliases a JOIN entities e ON e.id = a.entity_id",
      "SELECT 'evidence', e.name, v.attr, v.value, v.n FROM entity_evidence v "
      "JOIN entities e ON e.id = v.entity_id",
      "SELECT 'named', d.sha256, n.seq, n.name, coalesce(n.aliases, '-'), coalesce(n.kind, '-'), "
      "coalesce(n.country, '-'), coalesce(n.role, '-') FROM document_entities n "
      "JOIN documents d ON d.id = n.document_id",
      "SELECT 'event', d.sha256, s.idx, a.name, e.action, coalesce(e.action_class, '-'), "
      "coalesce(o.name, '-'), coalesce(p.name, '-'), coalesce(e.event_date, '-'), "
      "coalesce(e.time_text, '-'), e.negated, e.modality, e.confidence, e.extractor_version, "
      "coalesce(e.cameo_code, '-'), coalesce(e.quad_class, '-'), coalesce(e.goldstein, '-'), "
      "coalesce(e.actor_role, '-'), coalesce(e.object_role, '-'), coalesce(e.rule, '-'), "
      "coalesce(e.actor_name, '-'), coalesce(e.object_name, '-'), coalesce(e.place_name, '-'), "
      // How many mentions the event this one belongs to has: consolidation alike.
      "(SELECT count(*) FROM events x WHERE coalesce(x.head_id, x.id) = "
      "coalesce(e.head_id, e.id)) "
      "FROM events e JOIN sentences s ON s.id = e.sentence_id "
      "JOIN documents d ON d.id = s.document_id JOIN entities a ON a.id = e.actor_id "
      "LEFT JOIN entities o ON o.id = e.object_id LEFT JOIN entities p ON p.id = e.place_id",
  };
  std::string out;
  for (const char* q : kQueries) {
    // Sorted as whole lines: the order of rows (and of ids) may differ.
    std::vector<std::string> lines;
    for (const auto& row : QueryRows(path, q)) {
      std::string line;
      for (const std::string& v : row) line += (line.empty() ? "" : " | ") + v;
      lines.push_back(line);
    }
    std::sort(lines.begin(), lines.end());
    for (const std::string& l : lines) out += l + "\n";
  }
  return out;
}

}  // namespace detente::testing

#endif  // DETENTE_TESTS_STORE_STORE_DUMP_H_
