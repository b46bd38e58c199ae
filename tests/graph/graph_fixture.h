// A small hand-built detente database for the graph, export and CLI tests.
//
// Entities (id: name, kind, country; aliases):
//   1 United States (country, USA; US, USA, Washington)   2 China (country, CHN; PRC)
//   3 Antony Blinken (person, USA; Blinken)                4 Wang Yi (person, CHN)
//   5 Russia (country, RUS)                                6 Sergei Lavrov (person, RUS; Lavrov)
//   7 India (country, IND)                                 8 Subrahmanyam Jaishankar (person, IND;
//                                                            Jaishankar)
//   9 NATO (organization, no country)                     10 Washington, D.C. (city, USA;
//   Washington)
//  11 Georgia (country, GEO)                              12 Ukraine (country, UKR; no events)
//  13 graph  14 node "quoted" \ back\slash  15 <b>Tag</b> & '; DROP TABLE entities; --
//  16 Zürich café (city, CHE): hostile names for the exporters.
//
// Events (id: actor action object, date; asserted and not negated unless said):
//   1 Blinken meet Wang Yi 2023-06-19 (04)        10 Wang Yi meet Blinken 2023-06-19 (04)
//   2 Blinken travel to China 2023-06-18 (04)      3 Wang Yi meet Lavrov 2023-07-13 (04)
//   4 Lavrov meet Jaishankar, no event_date: the document's 2023-03-03 (04)
//   5 Blinken meet Lavrov 2023-03-02, NEGATED      6 Jaishankar visit United States 2023-09-01,
//   FUTURE 7 Russia threaten Georgia 2023-05-01 (17)      8 NATO criticize Russia 2023-07-11 (11)
//   9 Lavrov speak, no object 2023-07-13          11 United States praise India 2023-06-22 (05)
//  12 Jaishankar meet Blinken 2023-06-22 (04)     13 graph mention node.. 2023-08-01
//  14 node.. reject <b>Tag</b>.. 2023-08-02       15 Zürich café host graph 2023-08-03
//  16 NATO gather in Washington, D.C. 2023-07-10 (no class)
#ifndef DETENTE_TESTS_GRAPH_GRAPH_FIXTURE_H_
#define DETENTE_TESTS_GRAPH_GRAPH_FIXTURE_H_

#include <stdexcept>
#include <string>
#include <utility>

#include "detente/graph.h"
#include "detente/sqlite.h"
#include "detente/store.h"
#include "test_util.h"

namespace detente::testing {

inline void Check(const Status& s) {
  if (!s.ok()) throw std::runtime_error(s.ToString());
}

// Creates a database at `path` (migrated by Store::Open) holding the graph
// described above.
inline void BuildFixtureDb(const std::string& path) {
  {
    auto store = Store::Open(path);
    Check(store.status());
  }
  auto db = sql::Db::Open(path, /*read_only=*/false);
  Check(db.status());
  Check(db->Exec("BEGIN"));

  struct E {
    int id;
    const char* name;
    const char* kind;
    const char* country;
  };
  const E entities[] = {
      {1, "United States", "country", "USA"},
      {2, "China", "country", "CHN"},
      {3, "Antony Blinken", "person", "USA"},
      {4, "Wang Yi", "person", "CHN"},
      {5, "Russia", "country", "RUS"},
      {6, "Sergei Lavrov", "person", "RUS"},
      {7, "India", "country", "IND"},
      {8, "Subrahmanyam Jaishankar", "person", "IND"},
      {9, "NATO", "organization", nullptr},
      {10, "Washington, D.C.", "city", "USA"},
      {11, "Georgia", "country", "GEO"},
      {12, "Ukraine", "country", "UKR"},
      {13, "graph", "artefact", nullptr},
      {14, "node \"quoted\" \\ back\\slash", "person", nullptr},
      {15, "<b>Tag</b> & '; DROP TABLE entities; --", "organization", "XXA"},
      {16, "Zürich café", "city", "CHE"},
  };
  auto ins = db->Prepare("INSERT INTO entities(id, name, kind, country) VALUES (?, ?, ?, ?)");
  Check(ins.status());
  for (const E& e : entities) {
    ins->Bind(1, e.id).Bind(2, e.name).Bind(3, e.kind);
    if (e.country)
      ins->Bind(4, e.country);
    else
      ins->BindNull(4);
    Check(ins->Run());
  }
  const std::pair<const char*, int> aliases[] = {
      {"US", 1},      {"USA", 1},    {"Washington", 1}, {"PRC", 2},
      {"Blinken", 3}, {"Lavrov", 6}, {"Jaishankar", 8}, {"Washington", 10}};
  auto al = db->Prepare("INSERT INTO aliases(alias, entity_id) VALUES (?, ?)");
  Check(al.status());
  for (const auto& [alias, id] : aliases) Check(al->Bind(1, alias).Bind(2, id).Run());
  // Roles for the people and the alliance; the rest have none.
  Check(db->Exec("UPDATE entities SET role = 'GOV' WHERE id IN (3, 4, 6, 8)"));
  Check(db->Exec("UPDATE entities SET role = 'IGO' WHERE id = 9"));

  Check(
      db->Exec("INSERT INTO documents(id, source, title, published, sha256) VALUES "
               "(1, 'a.txt', 'Blinken in Beijing', '2023-06-20', 'h1'),"
               "(2, 'b.txt', 'Wang meets Lavrov', '2023-07-14', 'h2'),"
               "(3, 'c.txt', 'G20 in New Delhi', '2023-03-03', 'h3'),"
               "(4, 'd.txt', 'Odd names', '2023-08-05', 'h4')"));
  struct S {
    int id;
    int doc;
    int idx;
    const char* text;
  };
  const S sentences[] = {
      {1, 1, 0, "Antony Blinken met Wang Yi in Beijing on 19 June."},
      {2, 1, 1, "Blinken travelled to China on 18 June."},
      {3, 2, 0, "Wang Yi met Sergei Lavrov in Jakarta on 13 July."},
      {4, 3, 0, "Lavrov met Jaishankar in New Delhi."},
      {5, 3, 1, "Blinken did not meet Lavrov on 2 March."},
      {6, 1, 2, "Jaishankar will visit the United States in September."},
      {7, 2, 1, "Russia threatened Georgia on 1 May."},
      {8, 2, 2, "NATO criticised Russia on 11 July."},
      {9, 2, 3, "Lavrov spoke on 13 July."},
      {10, 1, 3, "The United States praised India on 22 June."},
      {11, 1, 4, "Jaishankar met Blinken on 22 June."},
      {13, 2, 4, "NATO allies gathered in Washington, D.C. on 10 July."},
      {12, 4, 0, "The \"graph\" said:\n\"node\" \\ rejected <b>Tag</b> & co; Zürich hosted."},
  };
  auto si = db->Prepare(
      "INSERT INTO sentences(id, document_id, idx, start, end, text) VALUES (?, ?, ?, 0, 1, ?)");
  Check(si.status());
  for (const S& s : sentences)
    Check(si->Bind(1, s.id).Bind(2, s.doc).Bind(3, s.idx).Bind(4, s.text).Run());

  struct Ev {
    int id, sentence, actor;
    const char* action;
    const char* cls;
    int object;
    const char* date;
    int negated;
    const char* modality;
  };
  const Ev events[] = {
      {1, 1, 3, "meet", "04 Consult", 4, "2023-06-19", 0, "asserted"},
      {2, 2, 3, "travel to", "04 Consult", 2, "2023-06-18", 0, "asserted"},
      {3, 3, 4, "meet", "04 Consult", 6, "2023-07-13", 0, "asserted"},
      {4, 4, 6, "meet", "04 Consult", 8, nullptr, 0, "asserted"},
      {5, 5, 3, "meet", "04 Consult", 6, "2023-03-02", 1, "asserted"},
      {6, 6, 8, "visit", "04 Consult", 1, "2023-09-01", 0, "future"},
      {7, 7, 5, "threaten", "17 Coerce", 11, "2023-05-01", 0, "asserted"},
      {8, 8, 9, "criticize", "11 Disapprove", 5, "2023-07-11", 0, "asserted"},
      {9, 9, 6, "speak", nullptr, 0, "2023-07-13", 0, "asserted"},
      {10, 1, 4, "meet", "04 Consult", 3, "2023-06-19", 0, "asserted"},
      {11, 10, 1, "praise", "05 Engage in diplomatic cooperation", 7, "2023-06-22", 0, "asserted"},
      {12, 11, 8, "meet", "04 Consult", 3, "2023-06-22", 0, "asserted"},
      {13, 12, 13, "mention", nullptr, 14, "2023-08-01", 0, "asserted"},
      {14, 12, 14, "reject", "12 Reject", 15, "2023-08-02", 0, "asserted"},
      {15, 12, 16, "host", "04 Consult", 13, "2023-08-03", 0, "asserted"},
      {16, 13, 9, "gather in", nullptr, 10, "2023-07-10", 0, "asserted"},
  };
  auto ei = db->Prepare(
      "INSERT INTO events(id, sentence_id, actor_id, action, action_class, object_id, "
      "event_date, negated, modality, extractor_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "'test')");
  Check(ei.status());
  for (const Ev& e : events) {
    ei->Bind(1, e.id).Bind(2, e.sentence).Bind(3, e.actor).Bind(4, e.action);
    if (e.cls)
      ei->Bind(5, e.cls);
    else
      ei->BindNull(5);
    if (e.object)
      ei->Bind(6, e.object);
    else
      ei->BindNull(6);
    if (e.date)
      ei->Bind(7, e.date);
    else
      ei->BindNull(7);
    ei->Bind(8, e.negated).Bind(9, e.modality);
    Check(ei->Run());
  }
  Check(db->Exec("COMMIT"));
}

// Adds, through Store::AddDocument (as `detente ingest` writes them), one
// document of 2024-03-10 whose six events carry full CAMEO codes, each
// between two countries of its own so that none is consolidated with another:
//   Armenia visit Azerbaijan (042)        Kazakhstan host Mongolia (043)
//   Chile meet Peru (040)                 Norway declare truce with Finland (0871)
//   Brazil ease blockade of Argentina (0872)  Egypt de-escalate with Jordan (087)
// The database at `path` is created when missing.
inline void AddCodedDocument(const std::string& path) {
  struct Coded {
    const char* actor;
    const char* actor_country;
    const char* action;
    const char* object;
    const char* object_country;
    const char* code;
    const char* cls;
    const char* sentence;
  };
  const Coded coded[] = {
      {"Armenia", "ARM", "visit", "Azerbaijan", "AZE", "042", "04 Consult",
       "An Armenian delegation visited Azerbaijan."},
      {"Kazakhstan", "KAZ", "host", "Mongolia", "MNG", "043", "04 Consult",
       "Kazakhstan hosted a Mongolian delegation."},
      {"Chile", "CHL", "meet", "Peru", "PER", "040", "04 Consult",
       "Chile met Peru at the border talks."},
      {"Norway", "NOR", "declare truce with", "Finland", "FIN", "0871", "08 Yield",
       "Norway declared a truce with Finland."},
      {"Brazil", "BRA", "ease blockade of", "Argentina", "ARG", "0872", "08 Yield",
       "Brazil eased its blockade of Argentina."},
      {"Egypt", "EGY", "de-escalate with", "Jordan", "JOR", "087", "08 Yield",
       "Egypt de-escalated with Jordan."},
  };
  Document doc;
  doc.source = "coded.txt";
  doc.id = "coded";
  doc.date = "2024-03-10";
  Extraction x;
  for (const Coded& c : coded) {
    Sentence s;
    s.index = static_cast<int>(x.sentences.size());
    s.begin = doc.text.size();
    doc.text += std::string(c.sentence) + " ";
    s.end = s.begin + std::string(c.sentence).size();
    s.text = c.sentence;
    Event ev;
    ev.sentence = s.index;
    x.sentences.push_back(s);
    ev.actor = c.actor;
    ev.actor_kind = EntityKind::kCountry;
    ev.actor_country = c.actor_country;
    ev.action = c.action;
    ev.action_class = c.cls;
    ev.cameo_code = CameoCode::Parse(c.code);
    ev.object = c.object;
    ev.object_kind = EntityKind::kCountry;
    ev.object_country = c.object_country;
    x.events.push_back(ev);
    for (auto [name, country] :
         {std::pair{c.actor, c.actor_country}, std::pair{c.object, c.object_country}}) {
      Entity e;
      e.name = name;
      e.kind = EntityKind::kCountry;
      e.country = country;
      e.aliases = {name};
      x.entities.push_back(e);
    }
  }
  auto store = Store::Open(path);
  Check(store.status());
  auto added = (*store)->AddDocument(doc, x);
  Check(added.status());
  if (!*added) throw std::runtime_error("the coded document was already there");
}

// The vertex of the entity called `name`; throws when there is none.
inline uint32_t VertexNamed(const Graph& g, const std::string& name) {
  for (uint32_t v = 0; v < g.num_vertices(); ++v) {
    if (g.entity(v).name == name) return v;
  }
  throw std::runtime_error("no vertex " + name);
}

// Loads the fixture database at `path` under `filter`; throws on error.
inline Graph LoadFixture(const std::string& path, const GraphFilter& filter = {}) {
  auto reader = GraphReader::Open(path);
  Check(reader.status());
  auto g = (*reader)->Load(filter);
  Check(g.status());
  return std::move(*g);
}

}  // namespace detente::testing

#endif  // DETENTE_TESTS_GRAPH_GRAPH_FIXTURE_H_
