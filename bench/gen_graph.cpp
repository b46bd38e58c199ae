// detente_gen_graph: writes a synthetic detente database for the graph and
// storage benchmarks, through the store's bulk path (so it also measures bulk
// insert).
//
//   detente_gen_graph --db FILE [--events N] [--entities N] [--seed S]
//
// Degrees are skewed by preferential attachment: each end of an event is, with
// probability 3/4, a copy of a random end of an earlier event (so an entity is
// picked in proportion to its degree), else a uniformly random entity. That
// gives a power-law tail with a few hubs of tens of thousands of events, as
// news has (a handful of countries and leaders take part in most events).
// Every name and sentence is made up here from syllables and templates.
//
// Prints one line of key=value figures on stdout (see main). An existing FILE
// (and its -wal, -shm and .graph companions) is replaced.
#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <unordered_set>
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
               "usage: detente_gen_graph --db FILE [--events N] [--entities N] [--seed S]\n");
  return 2;
}

int Die(const Status& s) {
  std::fprintf(stderr, "detente_gen_graph: %s\n", s.ToString().c_str());
  return 3;
}

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
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (i + 1 >= argc) return Usage();
    if (a == "--db") {
      db = argv[++i];
    } else if (a == "--events") {
      num_events = std::atoll(argv[++i]);
    } else if (a == "--entities") {
      num_entities = std::atoll(argv[++i]);
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

  auto start = std::chrono::steady_clock::now();
  auto store = detente::Store::Open(db);
  if (!store.ok()) return Die(store.status());
  auto bulk = (*store)->Bulk();
  if (!bulk.ok()) return Die(bulk.status());
  detente::BulkWriter& w = **bulk;

  for (Entity& e : entities) {
    auto id = w.AddEntity(e.name, e.kind, e.country);
    if (!id.ok()) return Die(id.status());
    e.id = *id;
    if (Status s = w.AddAlias(e.name, e.id); !s.ok()) return Die(s);
  }
  for (const auto& [alias, i] : aliases) {
    if (Status s = w.AddAlias(alias, entities[i].id); !s.ok()) return Die(s);
  }

  // Preferential attachment over event ends.
  std::vector<uint32_t> ends;
  ends.reserve(static_cast<size_t>(2 * num_events));
  auto pick = [&]() -> uint32_t {
    if (!ends.empty() && rng() % 4 != 0) return ends[rng() % ends.size()];
    return static_cast<uint32_t>(rng() % entities.size());
  };

  int64_t events = 0, sentences = 0, documents = 0;
  int64_t doc_id = 0;
  int sentence_idx = 0;
  std::string published;
  std::string text;
  std::vector<detente::BulkEvent> pending;
  std::vector<std::string> dates;  // keeps the views in `pending` alive
  while (events < num_events) {
    if (doc_id == 0 || sentence_idx == 20) {
      detente::BulkDocument d;
      d.source = "synthetic/" + std::to_string(documents) + ".txt";
      d.title = "Synthetic report " + std::to_string(documents);
      published = Date(rng);
      d.published = published;
      d.text = d.title + " " + std::to_string(seed);
      auto id = w.AddDocument(d);
      if (!id.ok()) return Die(id.status());
      doc_id = *id;
      sentence_idx = 0;
      ++documents;
    }
    // One sentence of one or two events.
    int k = std::min<int64_t>(rng() % 2 ? 2 : 1, num_events - events);
    text.clear();
    pending.clear();
    dates.clear();
    dates.reserve(2);
    for (int j = 0; j < k; ++j) {
      const Action& act = kActions[rng() % std::size(kActions)];
      uint32_t actor = pick();
      ends.push_back(actor);
      detente::BulkEvent ev;
      ev.actor_id = entities[actor].id;
      ev.action = act.lemma;
      ev.action_class = act.cls;
      if (j) text += ", and ";
      text += entities[actor].name;
      bool negated = uniform(0.03);
      bool future = !negated && uniform(0.06);
      ev.negated = negated;
      ev.modality = future ? (uniform(0.66) ? "future" : "possible") : "asserted";
      text += negated ? " did not say it " : future ? " said it would say it " : " ";
      text += act.past;
      if (uniform(0.92)) {
        uint32_t object = pick();
        if (object == actor) object = static_cast<uint32_t>((object + 1) % entities.size());
        ends.push_back(object);
        ev.object_id = entities[object].id;
        text += " " + entities[object].name;
      } else {
        text += " the envoys";
      }
      if (uniform(0.5)) {
        const Entity& place = entities[cities[rng() % cities.size()]];
        ev.place_id = place.id;
        text += " in " + place.name;
      }
      if (uniform(0.85)) {
        dates.push_back(Date(rng));
        text += " on " + dates.back();
      } else {
        dates.emplace_back();
      }
      pending.push_back(ev);
    }
    text += ".";
    auto sid = w.AddSentence(doc_id, sentence_idx++, text);
    if (!sid.ok()) return Die(sid.status());
    ++sentences;
    for (size_t j = 0; j < pending.size(); ++j) {
      pending[j].sentence_id = *sid;
      pending[j].event_date = dates[j];
      pending[j].time_text = dates[j];
      auto eid = w.AddEvent(pending[j]);
      if (!eid.ok()) return Die(eid.status());
      ++events;
    }
  }
  if (Status s = w.Finish(); !s.ok()) return Die(s);
  bulk->reset();
  auto inserted = std::chrono::steady_clock::now();
  // Fold the WAL into the database so that its size is the size of the data.
  auto ck = (*store)->Query("PRAGMA wal_checkpoint(TRUNCATE)");
  if (!ck.ok()) return Die(ck.status());
  store->reset();
  auto done = std::chrono::steady_clock::now();

  // CPU time of the whole process (names included): on a busy machine the
  // wall time also counts waiting for a CPU.
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  double cpu_s = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                 static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  double insert_s = std::chrono::duration<double>(inserted - start).count();
  double total_s = std::chrono::duration<double>(done - start).count();
  uintmax_t bytes = std::filesystem::file_size(db);
  std::printf(
      "events=%lld entities=%lld aliases=%zu sentences=%lld documents=%lld insert_s=%.3f "
      "total_s=%.3f cpu_s=%.3f events_per_s=%.0f bytes=%ju bytes_per_event=%.1f\n",
      static_cast<long long>(events), static_cast<long long>(num_entities),
      entities.size() + aliases.size(), static_cast<long long>(sentences),
      static_cast<long long>(documents), insert_s, total_s, cpu_s, events / insert_s, bytes,
      static_cast<double>(bytes) / static_cast<double>(events));
  return 0;
}
