// detente_bench_wordnet: load time and per-lookup cost of the WordNet reader
// and the CAMEO and role classifiers, and a probe for trying words.
//
//   detente_bench_wordnet load [RUNS]        WordNet load, classifier load (ms)
//   detente_bench_wordnet lookup             microseconds per Verb()/Noun()/RoleOfNoun()
//                                            (lexicon off: every word goes through WordNet)
//   detente_bench_wordnet verb WORD...       class, kind and how it was found
//   detente_bench_wordnet noun WORD...       event class of a noun
//   detente_bench_wordnet role WORD...       actor role of an agent noun
//   detente_bench_wordnet eval FILE [--no-lexicon]
//       root-level accuracy over a verb list (tests/data/extract/cameo_verbs.tsv)
//
// Timings print the median and min-max over RUNS (default 5) runs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/cameo.h"
#include "entities/roles.h"
#include "entities/wordnet.h"

using namespace detente;

namespace {

const char* kData = DETENTE_SOURCE_DIR "/data";

double Ms(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

void PrintStats(const char* what, std::vector<double> v, const char* unit) {
  std::sort(v.begin(), v.end());
  std::printf("%-28s median %.3f %s (min %.3f, max %.3f, %zu runs)\n", what, v[v.size() / 2], unit,
              v.front(), v.back(), v.size());
}

int Load(int runs) {
  std::vector<double> wn_ms, cameo_ms, roles_ms;
  for (int i = 0; i < runs; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    auto wn = WordNet::Load();
    auto t1 = std::chrono::steady_clock::now();
    if (!wn.ok()) return std::fprintf(stderr, "%s\n", wn.status().ToString().c_str()), 3;
    auto cameo = CameoClassifier::Load(*wn, kData);
    auto t2 = std::chrono::steady_clock::now();
    auto roles = RoleClassifier::Load(*wn, kData);
    auto t3 = std::chrono::steady_clock::now();
    if (!cameo.ok() || !roles.ok()) {
      std::fprintf(stderr, "%s %s\n", cameo.status().ToString().c_str(),
                   roles.status().ToString().c_str());
      return 3;
    }
    wn_ms.push_back(Ms(t0, t1));
    cameo_ms.push_back(Ms(t1, t2));
    roles_ms.push_back(Ms(t2, t3));
  }
  PrintStats("WordNet::Load", wn_ms, "ms");
  PrintStats("CameoClassifier::Load", cameo_ms, "ms");
  PrintStats("RoleClassifier::Load", roles_ms, "ms");
  return 0;
}

int Lookup() {
  auto wn = WordNet::Load();
  if (!wn.ok()) return 3;
  CameoOptions no_lexicon;
  no_lexicon.use_lexicon = false;
  auto cameo = CameoClassifier::Load(*wn, kData, no_lexicon);  // WordNet for every word
  auto roles = RoleClassifier::Load(*wn, kData);
  if (!cameo.ok() || !roles.ok()) return 3;
  const std::vector<std::string> verbs = {"bombard", "pummel", "rebuff",  "expel",
                                          "hail",    "meet",   "mediate", "besiege"};
  const std::vector<std::string> nouns = {"invasion", "release", "visit", "airstrike"};
  const std::vector<std::string> agents = {"peacekeepers", "lawmakers", "villagers", "riot police"};
  for (auto [name, words, fn] : {std::tuple{"Verb()", &verbs, 0}, std::tuple{"Noun()", &nouns, 1},
                                 std::tuple{"RoleOfNoun()", &agents, 2}}) {
    std::vector<double> us;
    for (int run = 0; run < 5; ++run) {
      constexpr int kRepeat = 20;
      auto t0 = std::chrono::steady_clock::now();
      for (int k = 0; k < kRepeat; ++k) {
        for (const std::string& w : *words) {
          if (fn == 0)
            cameo->Verb(w);
          else if (fn == 1)
            cameo->Noun(w);
          else
            roles->RoleOfNoun(w);
        }
      }
      us.push_back(Ms(t0, std::chrono::steady_clock::now()) * 1000 / (kRepeat * words->size()));
    }
    PrintStats(name, us, "us/word");
  }
  return 0;
}

int Probe(const char* mode, int argc, char** argv) {
  auto wn = WordNet::Load();
  if (!wn.ok()) return 3;
  auto cameo = CameoClassifier::Load(*wn, kData);
  if (!cameo.ok()) return std::fprintf(stderr, "%s\n", cameo.status().ToString().c_str()), 3;
  auto roles = RoleClassifier::Load(*wn, kData);
  if (!roles.ok()) return std::fprintf(stderr, "%s\n", roles.status().ToString().c_str()), 3;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(mode, "role") == 0) {
      RoleResult r = roles->RoleOfNoun(argv[i]);
      std::printf("%-20s %-4s %s\n", argv[i], RoleName(r.role), r.via.c_str());
      continue;
    }
    bool verb = std::strcmp(mode, "verb") == 0;
    CameoClass c = verb ? cameo->Verb(argv[i]) : cameo->Noun(argv[i]);
    std::string kind = verb ? std::string(VerbKindName(cameo->Kind(argv[i]))) : "";
    const std::string code = c.known() ? c.code->str() : "";
    const int quad = c.known() ? static_cast<int>(c.code->quad_class()) : 0;
    std::printf("%-20s %-5s %-10s %-5.1f q%d %s | %s\n", argv[i], code.c_str(), kind.c_str(),
                c.goldstein, quad, c.ClassName().c_str(), c.via.c_str());
  }
  return 0;
}

// A verb passes when its root (or, for a non-event, its kind) is one of the
// "|"-separated expectations.
int Eval(const char* file, bool lexicon) {
  auto wn = WordNet::Load();
  if (!wn.ok()) return 3;
  CameoOptions opt;
  opt.use_lexicon = lexicon;
  auto cameo = CameoClassifier::Load(*wn, kData, opt);
  if (!cameo.ok()) return std::fprintf(stderr, "%s\n", cameo.status().ToString().c_str()), 3;
  std::ifstream in(file);
  std::string line;
  int events = 0, events_ok = 0, kinds = 0, kinds_ok = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::string verb = line.substr(0, line.find('\t'));
    std::string want = "|" + line.substr(line.find('\t') + 1) + "|";
    bool event = want[1] >= '0' && want[1] <= '9';
    CameoClass c = cameo->Verb(verb);
    std::string got = !event     ? std::string(VerbKindName(cameo->Kind(verb)))
                      : c.known() ? c.code->root_code().str()
                                  : "";
    bool ok = !got.empty() && want.find("|" + got + "|") != std::string::npos;
    (event ? events : kinds)++;
    (event ? events_ok : kinds_ok) += ok;
    std::printf("%s %-14s want %-12s got %-10s %s\n", ok ? "ok  " : "MISS", verb.c_str(),
                want.c_str(), got.c_str(), c.via.c_str());
  }
  std::printf("events: %d/%d = %.3f at root level; non-events: %d/%d = %.3f by kind (lexicon %s)\n",
              events_ok, events, events ? 1.0 * events_ok / events : 0, kinds_ok, kinds,
              kinds ? 1.0 * kinds_ok / kinds : 0, lexicon ? "on" : "off");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: detente_bench_wordnet load|lookup|verb|noun|role ...\n");
    return 2;
  }
  if (std::strcmp(argv[1], "load") == 0) return Load(argc > 2 ? std::atoi(argv[2]) : 5);
  if (std::strcmp(argv[1], "lookup") == 0) return Lookup();
  if (std::strcmp(argv[1], "eval") == 0 && argc > 2)
    return Eval(argv[2], !(argc > 3 && std::strcmp(argv[3], "--no-lexicon") == 0));
  return Probe(argv[1], argc - 2, argv + 2);
}
