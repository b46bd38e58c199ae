// detente_gen_graph: writes a synthetic detente database for the graph and
// storage benchmarks, through the store's bulk path (so it also measures bulk
// insert).
//
//   detente_gen_graph --db FILE [--events N] [--entities N] [--seed S] [--cache-mib M]
//
// --cache-mib sets BulkOptions::cache_mib (SQLite's page cache for the load).
//
// Degrees are skewed by preferential attachment: each end of an event is, with
// probability 3/4, a copy of a random end of an earlier event (so an entity is
// picked in proportion to its degree), else a uniformly random entity. That
// gives a power-law tail with a few hubs of tens of thousands of events, as
// news has (a handful of countries and leaders take part in most events).
// Every name and sentence is made up here from syllables and templates.
//
// Prints one line of key=value figures on stdout (see main) and the time of
// each phase and of each step of Finish() on stderr. An existing FILE
// (and its -wal, -shm and .graph companions) is replaced.
#include <sqlite3.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "detente/store.h"

namespace {

using detente::Status;

struct Action {
  const char* lemma;
  const char* past;
  const char* cls;
};

// Lemmas with the past form used in the sentence and a CAMEO root class.
const Action kActions[] = {
    {"meet", "met", "04 Consult"},
    {"visit", "visited", "04 Consult"},
    {"travel to", "travelled to", "04 Consult"},
    {"host", "hosted", "04 Consult"},
    {"call", "called", "04 Consult"},
    {"praise", "praised", "05 Engage in diplomatic cooperation"},
    {"sign with", "signed an accord with", "05 Engage in diplomatic cooperation"},
    {"support", "supported", "05 Engage in diplomatic cooperation"},
    {"aid", "sent aid to", "07 Provide aid"},
    {"urge", "urged", "10 Demand"},
    {"criticize", "criticised", "11 Disapprove"},
    {"accuse", "accused", "11 Disapprove"},
    {"reject", "rejected", "12 Reject"},
    {"warn", "warned", "13 Threaten"},
    {"threaten", "threatened", "13 Threaten"},
    {"expel", "expelled diplomats of", "16 Reduce relations"},
    {"sanction", "imposed sanctions on", "16 Reduce relations"},
    {"mediate between", "mediated for", "04 Consult"},
    {"negotiate with", "negotiated with", "03 Express intent to cooperate"},
    {"thank", "thanked", "05 Engage in diplomatic cooperation"},
};

const char* kOnsets[] = {"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v",
                         "z", "br", "dr", "kr", "st", "tr", "sh", "ch", "h", "j", "y"};
const char* kVowels[] = {"a", "e", "i", "o", "u", "ai", "ei", "ou", "ia", "ao"};
const char* kCodas[] = {"", "", "", "n", "r", "s", "l", "m", "k", "nd", "rt", "sk"};

class Names {
 public:
  explicit Names(std::mt19937_64& rng) : rng_(rng) {}

  // A capitalised made-up word of 2-3 syllables.
  std::string Word() {
    std::string w;
    int syllables = 2 + static_cast<int>(rng_() % 2);
    for (int i = 0; i < syllables; ++i) {
      w += kOnsets[rng_() % std::size(kOnsets)];
      w += kVowels[rng_() % std::size(kVowels)];
      if (i + 1 == syllables) w += kCodas[rng_() % std::size(kCodas)];
    }
    w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
  }

  // A name not given before (case-insensitively, as the schema's NOCASE).
  std::string Unique(std::string name) {
    std::string folded = Fold(name);
    for (int n = 2; !used_.insert(folded).second; ++n) {
      name += " " + std::to_string(n);
      folded = Fold(name);
    }
    return name;
  }

 private:
  static std::string Fold(std::string s) {
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
  }
  std::mt19937_64& rng_;
  std::unordered_set<std::string> used_;
};

struct Entity {
  int64_t id = 0;
  std::string name;
  std::string kind;
  std::string country;  // user-assigned ISO codes XAA, XAB, ...; may be empty
};

int Usage() {
  std::fprintf(stderr,
               "usage: detente_gen_graph --db FILE [--events N] [--entities N] [--seed S] "
               "[--cache-mib M]\n");
  return 2;
}

int Die(const Status& s) {
  std::fprintf(stderr, "detente_gen_graph: %s\n", s.ToString().c_str());
  return 3;
}

// A sentence made before the load: its document (an index into the
// documents), its position there and its text (a slice of one big string).
struct GenSentence {
  uint32_t document;
  uint16_t idx;
  size_t text_begin;
  uint32_t text_size;
};

// An event made before the load; entities are indexes into `entities`.
struct GenEvent {
  uint32_t sentence = 0;  // index into the sentences
  uint32_t actor = 0;
  int32_t object = -1;  // -1: none
  int32_t place = -1;   // -1: none
  uint8_t action = 0;   // index into kActions
  uint8_t modality = 0;  // asserted, future, possible
  bool negated = false;
  bool has_date = false;
  char date[10] = {};  // yyyy-mm-dd
};

// Wall and process CPU time between marks.
struct Span {
  double wall = 0, cpu = 0;
  Span& operator+=(const Span& o) {
    wall += o.wall;
    cpu += o.cpu;
    return *this;
  }
};

class Phases {
 public:
  Phases() : last_wall_(std::chrono::steady_clock::now()), last_cpu_(Cpu()) {}
  // Ends the phase `name`, which began at the previous mark.
  void Mark(const std::string& name) {
    auto now = std::chrono::steady_clock::now();
    double cpu = Cpu();
    list.emplace_back(name, Span{std::chrono::duration<double>(now - last_wall_).count(),
                                 cpu - last_cpu_});
    last_wall_ = now;
    last_cpu_ = cpu;
  }
  Span Get(const std::string& name) const {
    for (const auto& [n, s] : list) {
      if (n == name) return s;
    }
    return {};
  }
  // The phases from the first up to and including `name`.
  Span Until(const std::string& name) const {
    Span sum;
    for (const auto& [n, s] : list) {
      sum += s;
      if (n == name) break;
    }
    return sum;
  }
  std::vector<std::pair<std::string, Span>> list;

 private:
  static double Cpu() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
  }
  std::chrono::steady_clock::time_point last_wall_;
  double last_cpu_;
};

std::string Date(std::mt19937_64& rng) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", 2015 + static_cast<int>(rng() % 11),
                1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  int64_t num_events = 1000000, num_entities = 100000;
  uint64_t seed = 1;
  int cache_mib = 0;  // 0: BulkOptions' default
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (i + 1 >= argc) return Usage();
    if (a == "--db") {
      db = argv[++i];
    } else if (a == "--events") {
      num_events = std::atoll(argv[++i]);
    } else if (a == "--entities") {
      num_entities = std::atoll(argv[++i]);
    } else if (a == "--cache-mib") {
      cache_mib = std::atoi(argv[++i]);
    } else if (a == "--seed") {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else {
      return Usage();
    }
  }
  if (db.empty() || num_events < 1 || num_entities < 2) return Usage();
  for (const char* suffix : {"", "-wal", "-shm", ".graph"}) {
    std::error_code ec;
    std::filesystem::remove(db + suffix, ec);
  }

  std::mt19937_64 rng(seed);
  Names names(rng);
  auto uniform = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };

  // Names and kinds first, so that the timed part is the inserts.
  std::vector<Entity> entities(static_cast<size_t>(num_entities));
  std::vector<std::pair<std::string, size_t>> aliases;  // (alias, entity index)
  std::vector<size_t> cities;
  for (size_t i = 0; i < entities.size(); ++i) {
    Entity& e = entities[i];
    uint64_t r = rng() % 100;
    if (i < 200) {
      e.kind = "country";
      e.country = {'X', static_cast<char>('A' + i / 26), static_cast<char>('A' + i % 26)};
      e.name = names.Unique(names.Word() + (rng() % 2 ? "ia" : "stan"));
    } else if (r < 15) {
      e.kind = "organization";
      const char* kinds[] = {"Council", "Union", "Front", "Bank", "League", "Assembly"};
      e.name = names.Unique(names.Word() + " " + kinds[rng() % std::size(kinds)]);
    } else if (r < 30) {
      e.kind = "city";
      e.name = names.Unique(names.Word());
      cities.push_back(i);
    } else {
      e.kind = "person";
      std::string last = names.Word();
      e.name = names.Unique(names.Word() + " " + last);
      aliases.emplace_back(last, i);  // surnames are often shared: ambiguous aliases
    }
    if (i >= 200 && rng() % 4 != 0) entities[i].country = entities[rng() % 200].country;
  }
  if (cities.empty()) cities.push_back(0);

  // Preferential attachment over event ends.
  std::vector<uint32_t> ends;
  ends.reserve(static_cast<size_t>(2 * num_events));
  auto pick = [&]() -> uint32_t {
    if (!ends.empty() && rng() % 4 != 0) return ends[rng() % ends.size()];
    return static_cast<uint32_t>(rng() % entities.size());
  };

  // Documents, sentences and events too are made before the clock starts
  // (the same random draws, in the same order, as when they were made
  // between inserts), so that the timed part is the inserts.
  std::vector<std::string> published;  // one per document
  std::vector<GenSentence> sentences;
  std::string texts;  // every sentence's text, one after another
  std::vector<GenEvent> events;
  events.reserve(static_cast<size_t>(num_events));
  int sentence_idx = 0;
  while (static_cast<int64_t>(events.size()) < num_events) {
    if (published.empty() || sentence_idx == 20) {
      published.push_back(Date(rng));
      sentence_idx = 0;
    }
    // One sentence of one or two events.
    int k = static_cast<int>(
        std::min<int64_t>(rng() % 2 ? 2 : 1, num_events - static_cast<int64_t>(events.size())));
    const size_t text_begin = texts.size();
    for (int j = 0; j < k; ++j) {
      GenEvent ev;
      ev.sentence = static_cast<uint32_t>(sentences.size());
      ev.action = static_cast<uint8_t>(rng() % std::size(kActions));
      const Action& act = kActions[ev.action];
      uint32_t actor = pick();
      ends.push_back(actor);
      ev.actor = actor;
      if (j) texts += ", and ";
      texts += entities[actor].name;
      bool negated = uniform(0.03);
      bool future = !negated && uniform(0.06);
      ev.negated = negated;
      ev.modality = future ? (uniform(0.66) ? 1 : 2) : 0;
      texts += negated ? " did not say it " : future ? " said it would say it " : " ";
      texts += act.past;
      if (uniform(0.92)) {
        uint32_t object = pick();
        if (object == actor) object = static_cast<uint32_t>((object + 1) % entities.size());
        ends.push_back(object);
        ev.object = static_cast<int32_t>(object);
        texts += " " + entities[object].name;
      } else {
        texts += " the envoys";
      }
      if (uniform(0.5)) {
        ev.place = static_cast<int32_t>(cities[rng() % cities.size()]);
        texts += " in " + entities[static_cast<size_t>(ev.place)].name;
      }
      if (uniform(0.85)) {
        std::string date = Date(rng);
        std::memcpy(ev.date, date.data(), sizeof ev.date);
        ev.has_date = true;
        texts += " on " + date;
      }
      events.push_back(ev);
    }
    texts += ".";
    sentences.push_back({static_cast<uint32_t>(published.size() - 1),
                         static_cast<uint16_t>(sentence_idx++), text_begin,
                         static_cast<uint32_t>(texts.size() - text_begin)});
  }
  std::vector<int64_t> document_ids(published.size()), sentence_ids(sentences.size());

  // ---- the load ----
  Phases phases;
  auto store = detente::Store::Open(db);
  if (!store.ok()) return Die(store.status());
  detente::BulkOptions options;
  if (cache_mib > 0) options.cache_mib = cache_mib;
  auto bulk = (*store)->Bulk(options);
  if (!bulk.ok()) return Die(bulk.status());
  detente::BulkWriter& w = **bulk;
  phases.Mark("open");

  for (Entity& e : entities) {
    auto id = w.AddEntity(e.name, e.kind, e.country);
    if (!id.ok()) return Die(id.status());
    e.id = *id;
    if (Status s = w.AddAlias(e.name, e.id); !s.ok()) return Die(s);
  }
  for (const auto& [alias, i] : aliases) {
    if (Status s = w.AddAlias(alias, entities[i].id); !s.ok()) return Die(s);
  }
  phases.Mark("entities");

  for (size_t i = 0; i < published.size(); ++i) {
    detente::BulkDocument d;
    d.source = "synthetic/" + std::to_string(i) + ".txt";
    d.title = "Synthetic report " + std::to_string(i);
    d.published = published[i];
    d.text = d.title + " " + std::to_string(seed);
    auto id = w.AddDocument(d);
    if (!id.ok()) return Die(id.status());
    document_ids[i] = *id;
  }
  for (size_t i = 0; i < sentences.size(); ++i) {
    const GenSentence& s = sentences[i];
    auto id = w.AddSentence(document_ids[s.document], s.idx,
                            std::string_view(texts).substr(s.text_begin, s.text_size));
    if (!id.ok()) return Die(id.status());
    sentence_ids[i] = *id;
  }
  phases.Mark("sentences");

  static constexpr detente::Modality kModality[] = {
      detente::Modality::kAsserted, detente::Modality::kFuture, detente::Modality::kPossible};
  for (const GenEvent& g : events) {
    detente::BulkEvent ev;
    ev.sentence_id = sentence_ids[g.sentence];
    ev.actor_id = entities[g.actor].id;
    ev.object_id = g.object < 0 ? 0 : entities[static_cast<size_t>(g.object)].id;
    ev.place_id = g.place < 0 ? 0 : entities[static_cast<size_t>(g.place)].id;
    ev.action = kActions[g.action].lemma;
    ev.action_class = kActions[g.action].cls;
    if (g.has_date) ev.event_date = ev.time_text = std::string_view(g.date, sizeof g.date);
    ev.negated = g.negated;
    ev.modality = kModality[g.modality];
    auto id = w.AddEvent(ev);
    if (!id.ok()) return Die(id.status());
  }
  phases.Mark("events");

  if (Status s = w.Finish(); !s.ok()) return Die(s);
  const std::vector<detente::BulkStep> steps = w.FinishSteps();
  bulk->reset();
  phases.Mark("finish");
  // Fold the WAL into the database so that its size is the size of the data
  // (directly: the console, Store::Query, runs no PRAGMA that writes).
  store->reset();
  {
    sqlite3* raw = nullptr;
    const bool ok = sqlite3_open(db.c_str(), &raw) == SQLITE_OK &&
                    sqlite3_wal_checkpoint_v2(raw, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr,
                                              nullptr) == SQLITE_OK;
    const std::string err = raw ? sqlite3_errmsg(raw) : "cannot open";
    sqlite3_close(raw);
    if (!ok) return Die(Status::DatabaseError("checkpoint: " + err));
  }
  phases.Mark("checkpoint");

  // (b) The events table alone: its rows with their checks (references
  // included) and its own indexes; entities, sentences, the full-text index and
  // the commit (shared by every table) are not counted.
  Span table = phases.Get("events");
  for (const detente::BulkStep& st : steps) {
    if (st.table == "events") table += Span{st.wall_s, st.cpu_s};
  }
  // Everything up to Finish (as events_per_s always was), then the checkpoint.
  Span insert = phases.Until("finish");
  Span total = phases.Until("checkpoint");

  // The breakdown, for people: phases, then Finish() step by step.
  for (const auto& [name, span] : phases.list) {
    std::fprintf(stderr, "phase %-11s wall %7.3f s  cpu %7.3f s\n", name.c_str(), span.wall,
                 span.cpu);
  }
  for (const detente::BulkStep& st : steps) {
    std::fprintf(stderr, "  finish %-30s %-10s wall %7.3f s  cpu %7.3f s\n", st.what.c_str(),
                 st.table.c_str(), st.wall_s, st.cpu_s);
  }

  // CPU time of the whole process (names included): on a busy machine the
  // wall time also counts waiting for a CPU.
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  double cpu_s = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                 static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  uintmax_t bytes = std::filesystem::file_size(db);
  const double n = static_cast<double>(events.size());
  std::printf(
      "events=%zu entities=%lld aliases=%zu sentences=%zu documents=%zu insert_s=%.3f "
      "total_s=%.3f cpu_s=%.3f events_per_s=%.0f bytes=%ju bytes_per_event=%.1f "
      "load_cpu_s=%.3f total_cpu_s=%.3f events_table_s=%.3f events_table_cpu_s=%.3f "
      "events_table_per_s=%.0f entities_s=%.3f sentences_s=%.3f events_s=%.3f finish_s=%.3f "
      "checkpoint_s=%.3f\n",
      events.size(), static_cast<long long>(num_entities), entities.size() + aliases.size(),
      sentences.size(), published.size(), insert.wall, total.wall, cpu_s, n / insert.wall, bytes,
      static_cast<double>(bytes) / n, insert.cpu, total.cpu, table.wall, table.cpu,
      n / table.wall, phases.Get("entities").wall, phases.Get("sentences").wall,
      phases.Get("events").wall, phases.Get("finish").wall, phases.Get("checkpoint").wall);
  return 0;
}
