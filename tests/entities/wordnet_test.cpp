#include "entities/wordnet.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <thread>

using namespace detente;

namespace {

const WordNet& Wn() {
  static std::shared_ptr<const WordNet> wn = [] {
    auto r = WordNet::Load();
    REQUIRE(r.ok());
    return *r;
  }();
  return *wn;
}

bool HasWord(const Synset& s, const std::string& w) {
  return std::find(s.words.begin(), s.words.end(), w) != s.words.end();
}

}  // namespace

TEST_CASE("wordnet: senses come in WordNet's order with their lexicographer file",
          "[extract][wordnet]") {
  std::vector<SynsetId> attack = Wn().Senses("attack", WnPos::kVerb);
  REQUIRE(attack.size() >= 3);
  std::optional<Synset> first = Wn().Get(attack[0]);
  REQUIRE(first);
  CHECK(WordNet::LexName(first->lexfile) == "verb.competition");
  CHECK(HasWord(*first, "assail"));
  // The second sense is the verbal attack ("attack in speech or writing").
  std::optional<Synset> second = Wn().Get(attack[1]);
  REQUIRE(second);
  CHECK(WordNet::LexName(second->lexfile) == "verb.communication");
  CHECK(Wn().Senses("attack", WnPos::kNoun).size() >= 5);
  CHECK(Wn().Senses("blinken", WnPos::kVerb).empty());
  CHECK(Wn().Senses("", WnPos::kNoun).empty());
}

TEST_CASE("wordnet: multi-word lemmas use spaces", "[extract][wordnet]") {
  CHECK(Wn().Contains("shoot down", WnPos::kVerb));
  CHECK(Wn().Contains("Air Force", WnPos::kNoun));
  std::optional<Synset> s = Wn().Get(Wn().Senses("air force", WnPos::kNoun).at(0));
  REQUIRE(s);
  CHECK(HasWord(*s, "air force"));
  CHECK_FALSE(Wn().Contains("air forcex", WnPos::kNoun));
}

TEST_CASE("wordnet: hypernyms and paths up to a synset", "[extract][wordnet]") {
  std::optional<SynsetId> shell = Wn().FindSense("shell.v.1");
  std::optional<SynsetId> attack = Wn().FindSense("attack.v.1");
  REQUIRE(shell);
  REQUIRE(attack);
  // shell (use explosives on) < bombard < attack
  std::vector<SynsetId> path = Wn().PathUp(*shell, 4, [&](SynsetId id) { return id == *attack; });
  REQUIRE(path.size() == 3);
  CHECK(path.front() == *shell);
  CHECK(path.back() == *attack);
  CHECK(Wn().SenseName(path[1]) == "bombard.v.2");  // {bombard, bomb}
  // Too shallow a limit finds nothing.
  CHECK(Wn().PathUp(*shell, 1, [&](SynsetId id) { return id == *attack; }).empty());
  // An instance hypernym (@i) counts: Geneva is an instance of a city.
  std::optional<SynsetId> geneva = Wn().FindSense("geneva.n.1");
  REQUIRE(geneva);
  std::optional<Synset> g = Wn().Get(*geneva);
  REQUIRE(g);
  CHECK_FALSE(g->Hypernyms().empty());
}

TEST_CASE("wordnet: derivationally related forms name their target word", "[extract][wordnet]") {
  std::optional<SynsetId> invade = Wn().FindSense("invade.v.1");
  REQUIRE(invade);
  std::optional<Synset> s = Wn().Get(*invade);
  REQUIRE(s);
  std::vector<WnWord> d = Wn().Derivations(*s, "invade");
  auto it = std::find_if(d.begin(), d.end(), [](const WnWord& w) { return w.word == "invasion"; });
  REQUIRE(it != d.end());
  CHECK(it->synset.pos == WnPos::kNoun);
  // A word that is not in the synset has no derivations.
  CHECK(Wn().Derivations(*s, "bombard").empty());
}

TEST_CASE("wordnet: sense names round-trip", "[extract][wordnet]") {
  for (const char* name : {"bombard.v.2", "attack.n.1", "air_force.n.1", "kill.v.1"}) {
    std::optional<SynsetId> id = Wn().FindSense(name);
    REQUIRE(id);
    CHECK(Wn().SenseName(*id) == name);
  }
  CHECK_FALSE(Wn().FindSense("attack.v.99"));
  CHECK_FALSE(Wn().FindSense("attack.x.1"));
  CHECK_FALSE(Wn().FindSense("attack"));
  CHECK_FALSE(Wn().FindSense("attack.v.0"));
}

TEST_CASE("wordnet: morphy base forms and exception lists", "[extract][wordnet]") {
  CHECK(Wn().BaseForms("met", WnPos::kVerb).front() == "meet");
  CHECK(Wn().Exceptions("fled", WnPos::kVerb) == std::vector<std::string>{"flee"});
  CHECK(Wn().BaseForms("Shelled", WnPos::kVerb).front() == "shell");
  CHECK(Wn().BaseForms("peacekeepers", WnPos::kNoun).front() == "peacekeeper");
  CHECK(Wn().BaseForms("carried out", WnPos::kVerb).front() == "carry out");
  CHECK(Wn().BaseForms("air forces", WnPos::kNoun).front() == "air force");
  // "talks" is a lemma of its own before it is the plural of "talk".
  std::vector<std::string> talks = Wn().BaseForms("talks", WnPos::kNoun);
  REQUIRE(talks.size() >= 2);
  CHECK(talks[0] == "talks");
  CHECK(talks[1] == "talk");
  // Nouns in -ss keep their ending: "press" is not "pres".
  CHECK(Wn().BaseForms("press", WnPos::kNoun) == std::vector<std::string>{"press"});
  CHECK(Wn().BaseForms("blinkens", WnPos::kNoun).empty());
}

TEST_CASE("wordnet: lexicographer file names", "[extract][wordnet]") {
  CHECK(WordNet::LexName(33) == "verb.competition");
  CHECK(WordNet::LexName(18) == "noun.person");
  CHECK(WordNet::LexFile("verb.social") == 41);
  CHECK(WordNet::LexName(45).empty());
  CHECK(WordNet::LexName(-1).empty());
  CHECK(WordNet::LexFile("verb.war") == -1);
}

TEST_CASE("wordnet: a bad offset or a missing directory is reported", "[extract][wordnet]") {
  CHECK_FALSE(Wn().Get({WnPos::kVerb, 12}));  // inside the licence header
  CHECK_FALSE(Wn().Get({WnPos::kNoun, 0xfffffff}));
  auto missing = WordNet::Load("/nonexistent/wordnet");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kIOError);
  CHECK(missing.status().message().find("/nonexistent/wordnet/index.noun") != std::string::npos);
}

TEST_CASE("wordnet: concurrent lookups agree", "[extract][wordnet]") {
  auto lookup = [] {
    std::string out;
    for (const char* w : {"attack", "meet", "expel", "negotiate", "shell"}) {
      for (SynsetId id : Wn().Senses(w, WnPos::kVerb)) out += Wn().SenseName(id) + " ";
    }
    return out;
  };
  std::string a, b;
  std::thread t([&] { a = lookup(); });
  b = lookup();
  t.join();
  CHECK(a == b);
  CHECK(a.find("attack.v.1") != std::string::npos);
}

TEST_CASE("wordnet: a verb synset carries its frames, per word or for all", "[extract][wordnet]") {
  // The first sense of "urge" ({urge, urge on, press, exhort}) has frame 24
  // ("Somebody ----s somebody to INFINITIVE") for every word; a noun has none.
  auto senses = Wn().Senses("urge", WnPos::kVerb);
  REQUIRE_FALSE(senses.empty());
  std::optional<Synset> s = Wn().Get(senses[0]);
  REQUIRE(s);
  bool frame24 = false;
  for (auto [number, word] : s->frames) frame24 = frame24 || (number == 24 && word == 0);
  CHECK(frame24);
  auto nouns = Wn().Senses("summit", WnPos::kNoun);
  REQUIRE_FALSE(nouns.empty());
  CHECK(Wn().Get(nouns[0])->frames.empty());
}
