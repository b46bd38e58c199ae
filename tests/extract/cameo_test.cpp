#include "extract/cameo.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "entities/tsv.h"
#include "test_util.h"

using namespace detente;

namespace {

const std::string kData = std::string(DETENTE_SOURCE_DIR) + "/data";

std::shared_ptr<const WordNet> Wn() {
  static std::shared_ptr<const WordNet> wn = [] {
    auto r = WordNet::Load();
    REQUIRE(r.ok());
    return *r;
  }();
  return wn;
}

const CameoClassifier& Classifier(bool lexicon = true) {
  auto load = [](bool lex) {
    CameoOptions opt;
    opt.use_lexicon = lex;
    auto r = CameoClassifier::Load(Wn(), kData, opt);
    if (!r.ok()) FAIL(r.status().ToString());
    return *r;
  };
  static CameoClassifier with = load(true), without = load(false);
  return lexicon ? with : without;
}

std::string Code(const CameoClass& c) { return c.known() ? c.code->str() : ""; }
std::string Root(const CameoClass& c) { return c.known() ? c.code->root_code().str() : ""; }

}  // namespace

TEST_CASE("cameo: WordNet alone puts unlisted verbs in their family", "[extract][cameo]") {
  const CameoClassifier& wn = Classifier(false);  // the hand lexicon switched off
  CHECK(Root(wn.Verb("bombard")) == "19");
  CHECK(Code(wn.Verb("shell")) == "194");  // shell < bombard: artillery
  CHECK(Root(wn.Verb("torpedo")) == "19");
  CHECK(Code(wn.Verb("besiege")) == "191");
  CHECK(Root(wn.Verb("pummel")) == "18");  // a blow with the fist
  CHECK(Code(wn.Verb("abduct")) == "181");  // in the kidnap synset
  CHECK(Code(wn.Verb("expel")) == "174");
  CHECK(Code(wn.Verb("extradite")) == "063");
  CHECK(Root(wn.Verb("rebuff")) == "12");
  CHECK(Root(wn.Verb("rebuke")) == "11");
  CHECK(Root(wn.Verb("hail")) == "05");
  CHECK(Root(wn.Verb("commend")) == "05");
  CHECK(Root(wn.Verb("implore")) == "02");
  CHECK(Root(wn.Verb("sever")) == "16");
  // Inflected forms are lemmatised first.
  CHECK(Root(wn.Verb("bombarded")) == "19");
  CHECK(wn.Verb("bombarded").source == CameoSource::kWordNet);
  CHECK(wn.Verb("bombarded").via.find("bombard.v.2") != std::string::npos);
}

TEST_CASE("cameo: the hand lexicon wins where WordNet's first senses mislead", "[extract][cameo]") {
  // WordNet files "deport" with "extradite", lists "blockade" as a barricade
  // first and "lambast" as flogging first; the lexicon knows the news sense.
  CHECK(Code(Classifier(false).Verb("deport")) == "063");
  CHECK(Code(Classifier().Verb("deport")) == "174");
  // The annotation guidelines class a blockade with force posture (15).
  CHECK(Code(Classifier().Verb("blockade")) == "150");
  CHECK(Root(Classifier().Verb("lambast")) == "11");
  CHECK(Classifier().Verb("deport").source == CameoSource::kLexicon);
}

TEST_CASE("cameo: verbs in no hand list are classified through WordNet", "[extract][cameo]") {
  const CameoClassifier& c = Classifier();
  for (auto [verb, root] : {std::pair{"pummel", "18"},
                            {"torpedo", "19"},
                            {"loot", "17"},
                            {"surrender", "08"},
                            {"sever", "16"},
                            {"strafe", "19"}}) {
    INFO(verb);
    CameoClass k = c.Verb(verb);
    CHECK(Root(k) == root);
    CHECK(k.source == CameoSource::kWordNet);
  }
}

TEST_CASE("cameo: light verbs and particles", "[extract][cameo]") {
  const CameoClassifier& c = Classifier();
  CHECK(Root(c.Verb("held talks with")) == "04");
  CHECK(Code(c.Verb("carried out strikes on")) == "190");
  CHECK(Code(c.Verb("imposed sanctions on")) == "163");
  CHECK(Code(c.Verb("launched an invasion of")) == "192");
  CHECK(Code(c.Verb("paid a visit to")) == "042");
  CHECK(Code(c.Verb("issued a warrant for")) == "173");
  // Not listed as a phrase: the noun after the light verb decides.
  CameoClass mounted = c.Verb("mounted a bombardment of");
  CHECK(Code(mounted) == "194");
  CHECK(mounted.via.rfind("mount + ", 0) == 0);
  // A WordNet phrasal verb.
  CHECK(Root(Classifier(false).Verb("shot down")) == "19");
  // A light verb whose noun is no event counts as itself.
  CHECK_FALSE(c.Verb("held a table").known());
  CHECK(Code(c.Verb("struck targets")) == "190");
  CHECK(Code(c.Verb("struck a deal")) == "057");
}

TEST_CASE("cameo: event nouns through their verbs and hypernyms", "[extract][cameo]") {
  const CameoClassifier& wn = Classifier(false);
  CameoClass invasion = wn.Noun("invasion");
  CHECK(Code(invasion) == "192");  // invasion + invade
  CHECK(invasion.via.find("invade") != std::string::npos);
  CHECK(Code(wn.Noun("release")) == "0841");  // liberation, not a record release
  CHECK(Code(wn.Noun("visits")) == "042");
  CHECK(Code(wn.Noun("bombardment")) == "194");
  CHECK(Code(wn.Noun("ceasefire")) == "0871");  // WordNet spells it cease-fire
  CHECK(Code(wn.Noun("sanctions")) == "163");
  CHECK(Code(wn.Noun("talks")) == "046");
  CHECK(Root(wn.Noun("expulsion")) == "17");
  CHECK(Root(wn.Noun("counteroffensive")) == "19");
  CHECK(Root(wn.Noun("crackdown")) == "17");
  CHECK(Code(Classifier().Noun("airstrike")) == "195");
  CHECK(Code(Classifier().Noun("drone strikes")) == "1952");
  // Not events.
  CHECK_FALSE(wn.Noun("missile").known());
  CHECK_FALSE(wn.Noun("table").known());
  CHECK_FALSE(Classifier().Noun("table").known());  // "table" is a verb in the lexicon
  CHECK_FALSE(wn.Noun("").known());
}

TEST_CASE("cameo: QuadClass, Goldstein weight and names of codes", "[extract][cameo]") {
  const CameoClassifier& c = Classifier();
  CameoClass truce = c.Describe("0871");
  CHECK(Root(truce) == "08");
  CHECK(truce.root_name == "Yield");
  CHECK(truce.ClassName() == "08 Yield");
  CHECK(truce.code->quad_class() == QuadClass::kMaterialCooperation);
  CHECK(truce.goldstein == Approx(9.0));
  CHECK(truce.name == "Declare truce, ceasefire");
  CHECK(c.Describe("042").goldstein == Approx(1.9));
  CHECK(c.Describe("042").code->quad_class() == QuadClass::kVerbalCooperation);
  CHECK(c.Describe("112").code->quad_class() == QuadClass::kVerbalConflict);
  CHECK(c.Describe("112").goldstein == Approx(-2.0));
  CHECK(c.Describe("195").code->quad_class() == QuadClass::kMaterialConflict);
  CHECK(c.Describe("163").goldstein == Approx(-8.0));
  CHECK(c.Verb("meet").ClassName() == "04 Consult");
  CHECK_FALSE(c.Describe("999").known());
  CHECK_FALSE(c.Describe("04").known());  // a root is not an event code
}

TEST_CASE("cameo: speech, cognition, stative and aspectual verbs are not events",
          "[extract][cameo]") {
  const CameoClassifier& c = Classifier();
  for (const char* v : {"say", "said", "tell", "add", "note"})
    CHECK(c.Kind(v) == VerbKind::kSpeech);
  for (const char* v : {"think", "believe", "hope", "fears"})
    CHECK(c.Kind(v) == VerbKind::kCognition);
  for (const char* v : {"be", "remain", "include", "seem"}) CHECK(c.Kind(v) == VerbKind::kStative);
  for (const char* v : {"begin", "continue", "try", "plan", "expected"})
    CHECK(c.Kind(v) == VerbKind::kAspectual);
  // Unlisted verbs get their kind from WordNet.
  CHECK(c.Kind("assert") == VerbKind::kSpeech);
  CHECK(c.Kind("ponder") == VerbKind::kCognition);
  CHECK(c.Kind("resemble") == VerbKind::kStative);
  // Events, light verbs and their phrases.
  CHECK(c.Kind("bombard") == VerbKind::kEvent);
  CHECK(c.Kind("expel") == VerbKind::kEvent);
  CHECK(c.Kind("hold") == VerbKind::kLight);
  CHECK(c.Kind("carry out strikes") == VerbKind::kEvent);
  CHECK(c.Kind("blinken") == VerbKind::kUnknown);
  CHECK(VerbKindName(VerbKind::kAspectual) == "aspectual");
  // A speech verb still has the class CAMEO codes statements with.
  CHECK(Code(c.Verb("say")) == "010");
}

TEST_CASE("cameo: unknown input gives an unknown class", "[extract][cameo]") {
  const CameoClassifier& c = Classifier();
  CHECK_FALSE(c.Verb("").known());
  CHECK_FALSE(c.Verb("blinkenize").known());
  CHECK(c.Verb("blinkenize").ClassName().empty());
  CHECK_FALSE(c.Verb("eat").known());
  CHECK_FALSE(c.Noun("xyzzy").known());
}

TEST_CASE("cameo: accuracy on our list of news verbs stays up", "[extract][cameo]") {
  // tests/data/extract/cameo_verbs.tsv: ~175 event verbs with the roots we
  // expect, and ~30 non-events with their kinds. The figures are in
  // docs/extraction.md; the floors here catch a seed or lexicon change that
  // breaks many verbs at once.
  auto rows =
      ReadTsvFile(std::string(DETENTE_SOURCE_DIR) + "/tests/data/extract/cameo_verbs.tsv", 2, 2);
  REQUIRE(rows.ok());
  int events = 0, ok_lex = 0, ok_wn = 0, kinds = 0, ok_kind = 0;
  for (const TsvRow& r : *rows) {
    std::string want = "|" + r.fields[1] + "|";
    if (r.fields[1][0] >= '0' && r.fields[1][0] <= '9') {
      ++events;
      ok_lex += want.find("|" + Root(Classifier().Verb(r.fields[0])) + "|") != std::string::npos;
      ok_wn += want.find("|" + Root(Classifier(false).Verb(r.fields[0])) + "|") != std::string::npos;
    } else {
      ++kinds;
      ok_kind +=
          want.find(std::string(VerbKindName(Classifier().Kind(r.fields[0])))) != std::string::npos;
    }
  }
  REQUIRE(events >= 150);
  CHECK(ok_lex >= 0.97 * events);
  CHECK(ok_wn >= 0.85 * events);
  CHECK(ok_kind >= 0.95 * kinds);
}

TEST_CASE("cameo: every seed, lexicon entry and code in data/ checks out", "[extract][cameo]") {
  // Loading already rejects a seed WordNet lacks or files elsewhere, and a
  // code without a weight; this states the guarantees the lead relies on.
  const CameoClassifier& c = Classifier();
  std::set<std::string> roots_seeded;
  auto seeds = ReadTsvFile(kData + "/cameo_synsets.tsv", 3, 4);
  REQUIRE(seeds.ok());
  for (const TsvRow& r : *seeds) {
    INFO(r.fields[0]);
    std::optional<SynsetId> id = Wn()->FindSense(r.fields[0]);
    REQUIRE(id);
    CHECK(WordNet::LexName(Wn()->Get(*id)->lexfile) == r.fields[1]);
    if (r.fields[2][0] >= '0' && r.fields[2][0] <= '9') {
      CHECK(c.Describe(r.fields[2]).known());
      roots_seeded.insert(r.fields[2].substr(0, 2));
    }
  }
  for (int root = 1; root <= 20; ++root) {
    char buf[3];
    std::snprintf(buf, sizeof buf, "%02d", root);
    CHECK(roots_seeded.count(buf));
  }
  auto lexicon = ReadTsvFile(kData + "/cameo.tsv", 3, 3);
  REQUIRE(lexicon.ok());
  for (const TsvRow& r : *lexicon) {
    INFO(r.fields[0]);
    CameoClass k = c.Describe(r.fields[1]);
    REQUIRE(k.known());
    CHECK(k.root_name == r.fields[2]);  // the root name matches the code
  }
  // Every code has a weight in range, and every root its row.
  auto codes = ReadTsvFile(kData + "/goldstein.tsv", 4, 4);
  REQUIRE(codes.ok());
  CHECK(codes->size() > 300);
  for (const TsvRow& r : *codes) {
    INFO(r.fields[0]);
    double g = std::stod(r.fields[1]);
    CHECK(g >= -10);
    CHECK(g <= 10);
    CHECK((r.fields[3] == "published" || r.fields[3] == "parent"));
    if (r.fields[0].size() > 2) CHECK_FALSE(c.Describe(r.fields[0]).root_name.empty());
  }
}

TEST_CASE("cameo: a seed in the wrong lexicographer file is a data error", "[extract][cameo]") {
  testing::TempDir dir;
  for (const char* f : {"cameo.tsv", "goldstein.tsv", "verb_kinds.tsv"}) {
    testing::WriteFile(dir.File(f), testing::ReadFile(kData + "/" + f));
  }
  testing::WriteFile(dir.File("cameo_synsets.tsv"),
                     "# sense\tlexfile\tclass\tnote\nattack.v.1\tverb.contact\t190\tx\n");
  auto r = CameoClassifier::Load(Wn(), dir.path().string());
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kDataError);
  CHECK(r.status().message().find("cameo_synsets.tsv:2:") != std::string::npos);
  CHECK(r.status().message().find("verb.competition") != std::string::npos);

  testing::WriteFile(dir.File("cameo_synsets.tsv"), "attack.v.1\tverb.competition\t1999\tx\n");
  r = CameoClassifier::Load(Wn(), dir.path().string());
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("1999") != std::string::npos);

  testing::WriteFile(dir.File("cameo_synsets.tsv"), "attack.v.42\tverb.competition\t190\tx\n");
  CHECK_FALSE(CameoClassifier::Load(Wn(), dir.path().string()).ok());

  std::remove(dir.File("goldstein.tsv").c_str());
  r = CameoClassifier::Load(Wn(), dir.path().string());
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kIOError);
}

TEST_CASE("cameo: a phrasal verb WordNet knows is not classed as its head verb",
          "[extract][cameo]") {
  // "strike down a law" cancels it; it is no strike.
  CHECK(Root(Classifier().Verb("strike down")) != "19");
  CHECK(Root(Classifier().Verb("strike")) == "19");
  // A phrase WordNet does not know still falls back to its head: "crack down on".
  CHECK(Root(Classifier().Verb("shell heavily")) == Root(Classifier().Verb("shell")));
}


TEST_CASE("cameo: troops sent and drills launched are force posture and a resignation handed in yields",
          "[extract][cameo]") {
  CHECK(Root(Classifier().Verb("sent troops into")) == "15");
  CHECK(Root(Classifier().Verb("launched drills around")) == "15");
  CHECK(Root(Classifier().Verb("launch exercises near")) == "15");
  CHECK(Code(Classifier().Verb("tendered his resignation to")) == "083");
  // Sending aid is still aid.
  CHECK(Root(Classifier().Verb("send aid to")) == "07");
}
