// SQL that loads the graph from a detente database. Private to detente_graph;
// in a header so that tests can check its query plan.
#ifndef DETENTE_GRAPH_LOAD_SQL_H_
#define DETENTE_GRAPH_LOAD_SQL_H_

#include <string>

namespace detente::graph_internal {

// The date of an event: its own, else its document's published date. The
// subquery runs only for events without a date (COALESCE stops early).
inline constexpr const char kEventDate[] =
    "COALESCE(e.event_date, (SELECT d.published FROM sentences s JOIN documents d "
    "ON d.id = s.document_id WHERE s.id = e.sentence_id))";

// Every event with an object, in id order: one row per event, its first
// mention (schema 4: the other mentions have head_id pointing at it). NOT INDEXED: the partial index on
// object_id (schema 3) matches the WHERE clause exactly, and SQLite would
// read a million events through it, one row lookup each: three times slower
// than the table scan, and out of id order.
inline std::string LoadEventsSql() {
  return std::string(
             "SELECT e.id, e.sentence_id, e.actor_id, e.object_id, e.action, "
             "COALESCE(e.action_class, ''), ") +
         kEventDate + ", e.modality, e.negated, e.cameo_code FROM events e NOT INDEXED " +
         "WHERE e.object_id IS NOT NULL AND (e.head_id IS NULL OR e.head_id = e.id)";
}

}  // namespace detente::graph_internal

#endif  // DETENTE_GRAPH_LOAD_SQL_H_
