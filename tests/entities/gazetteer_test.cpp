#include "entities/gazetteer.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "test_util.h"

namespace detente {
namespace {

using testing::TempDir;
using testing::WriteFile;

// The real data/ directory, loaded once for all tests.
const Gazetteer& Real() {
  static const Gazetteer* g = [] {
    Result<Gazetteer> r = Gazetteer::Load(testing::SourceDir() + "/data");
    if (!r.ok()) FAIL(r.status().ToString());
    return new Gazetteer(std::move(r).value());
  }();
  return *g;
}

// A minimal valid data directory, with `file` replaced by `content`.
void WriteMinimal(const TempDir& dir, const std::string& file = "",
                  const std::string& content = "") {
  auto put = [&](const std::string& name, const std::string& text) {
    WriteFile(dir.File(name), name == file ? content : text);
  };
  put("countries.tsv", "# alpha3\tname\taliases\nUSA\tUnited States\tUS|U.S.\nEGY\tEgypt\t\n");
  put("demonyms.tsv", "# demonym\talpha3\nEgyptian\tEGY\n");
  put("cities.tsv", "# city\talpha3\tcapital\taliases\nCairo\tEGY\t1\t\n");
  put("regions.tsv", "# region\talpha3\taliases\nSinai\tEGY\tSinai Peninsula\n");
  put("organizations.tsv", "# name\tkind\tcountry\taliases\nArab League\torganization\t\t\n");
  put("titles.tsv", "# title\trole\nPresident\thead_of_state\n");
}

TEST_CASE("gazetteer: real data loads", "[gazetteer]") {
  const Gazetteer& g = Real();
  CHECK(g.entries().size() > 1000);
  CHECK(g.max_tokens() >= 5);
  CHECK(g.max_tokens() < 20);
}

TEST_CASE("gazetteer: countries by name, alias and abbreviation", "[gazetteer]") {
  const Gazetteer& g = Real();
  for (const char* alias : {"United States", "U.S.", "US", "USA", "America",
                            "United States of America"}) {
    const GazEntry* e = g.Find(alias);
    REQUIRE(e != nullptr);
    CHECK(e->name == "United States");
    CHECK(e->kind == EntityKind::kCountry);
    CHECK(e->country == "USA");
  }
  CHECK(g.Find("UK")->country == "GBR");
  CHECK(g.Find("Britain")->country == "GBR");
  CHECK(g.Find("UAE")->country == "ARE");
  CHECK(g.Find("Türkiye")->country == "TUR");
  CHECK(g.Find("Turkey")->name == "Turkey");
  CHECK(g.Find("DRC")->country == "COD");
  CHECK(g.Find("North Korea")->country == "PRK");
  CHECK(g.Find("DPRK")->country == "PRK");
  CHECK(g.Find("Kosovo")->country == "XKX");
  CHECK(g.Find("Russia")->country == "RUS");
  CHECK(g.Find("Russian Federation")->name == "Russia");
  CHECK(g.Find("Côte d'Ivoire")->country == "CIV");
  CHECK(g.Find("Ivory Coast")->country == "CIV");
  CHECK(g.Find("Palestine")->country == "PSE");
  CHECK(g.Find("Syrian Arab Republic")->name == "Syria");
}

TEST_CASE("gazetteer: case rules keep ordinary words out", "[gazetteer]") {
  const Gazetteer& g = Real();
  CHECK(g.Find("us") == nullptr);   // the pronoun
  CHECK(g.Find("Us") == nullptr);   // sentence-initial pronoun
  CHECK(g.Find("Who") == nullptr);  // not the WHO
  CHECK(g.Find("WHO") != nullptr);
  CHECK(g.Find("turkey") == nullptr);
  CHECK(g.Find("jordan") == nullptr);
  REQUIRE(g.Find("UNITED STATES") != nullptr);  // headline capitals
  CHECK(g.Find("UNITED STATES")->country == "USA");
  REQUIRE(g.Find("Security council") != nullptr);
  CHECK(g.Find("Security council")->name == "UN Security Council");
  CHECK(g.Find("") == nullptr);
  CHECK(g.Find("   ") == nullptr);
  CHECK(g.Find("Atlantis") == nullptr);
}

TEST_CASE("gazetteer: phrases match on tokens, whatever the spacing", "[gazetteer]") {
  const Gazetteer& g = Real();
  const GazEntry* a = g.Find("People's Republic of China");
  const GazEntry* b = g.Find("People 's Republic of China");
  const GazEntry* c = g.Find("People\xE2\x80\x99s Republic of China");
  REQUIRE(a != nullptr);
  CHECK(a == b);
  CHECK(a == c);  // the curly apostrophe counts as a straight one
  CHECK(g.Find("United  States") == g.Find("United States"));
  CHECK(g.Find(" Cairo ") == g.Find("Cairo"));
}

TEST_CASE("gazetteer: cities and capitals", "[gazetteer]") {
  const Gazetteer& g = Real();
  const GazEntry* baku = g.Find("Baku");
  REQUIRE(baku != nullptr);
  CHECK(baku->kind == EntityKind::kCity);
  CHECK(baku->country == "AZE");
  CHECK(baku->capital);
  CHECK(g.Find("Kiev") == g.Find("Kyiv"));
  CHECK(g.Find("Kyiv")->country == "UKR");
  CHECK(g.Find("Jerusalem")->capital);
  CHECK_FALSE(g.Find("Tel Aviv")->capital);
  CHECK(g.Find("Woodside")->country == "USA");
  CHECK(g.Find("The Hague")->country == "NLD");
  CHECK(g.Find("Geneva")->kind == EntityKind::kCity);
  CHECK(g.Find("Kraków") == g.Find("Krakow"));
  CHECK(g.Find("Port-au-Prince")->country == "HTI");
  CHECK(g.Find("Stepanakert")->name == "Khankendi");
  CHECK(g.Find("Washington")->capital);
  CHECK(g.Find("Washington, D.C.") == g.Find("Washington"));
}

TEST_CASE("gazetteer: every sovereign state has a capital", "[gazetteer]") {
  const Gazetteer& g = Real();
  int capitals = 0;
  for (const GazEntry& e : g.entries()) capitals += e.capital ? 1 : 0;
  CHECK(capitals >= 195);
  for (const char* c : {"Tehran", "Ankara", "Yerevan", "Doha", "Cairo", "Amman", "Riyadh",
                        "Abu Dhabi", "Brussels", "Beijing", "Moscow", "Niamey", "Khartoum"}) {
    INFO(c);
    REQUIRE(g.Find(c) != nullptr);
    CHECK(g.Find(c)->capital);
  }
}

TEST_CASE("gazetteer: regions and organisations", "[gazetteer]") {
  const Gazetteer& g = Real();
  CHECK(g.Find("Gaza")->name == "Gaza Strip");
  CHECK(g.Find("Gaza")->kind == EntityKind::kRegion);
  CHECK(g.Find("Gaza City")->kind == EntityKind::kCity);
  CHECK(g.Find("Karabakh")->name == "Nagorno-Karabakh");
  CHECK(g.Find("Middle East")->country.empty());
  const GazEntry* hamas = g.Find("Hamas");
  REQUIRE(hamas != nullptr);
  CHECK(hamas->kind == EntityKind::kArmedGroup);
  CHECK(g.Find("Ansar Allah") == g.Find("Houthis"));
  CHECK(g.Find("U.N.")->name == "United Nations");
  CHECK(g.Find("U.N. Security Council")->name == "UN Security Council");
  CHECK(g.Find("NATO")->kind == EntityKind::kOrganization);
  CHECK(g.Find("E.U.")->name == "European Union");
  CHECK(g.Find("ICC")->name == "International Criminal Court");
  CHECK(g.Find("Kremlin")->kind == EntityKind::kInstitution);
  CHECK(g.Find("Kremlin")->country == "RUS");
  CHECK(g.Find("IDF")->country == "ISR");
  CHECK(g.Find("Likud")->kind == EntityKind::kParty);
  CHECK(g.Find("Fidesz")->country == "HUN");
  CHECK(g.Find("RSF")->name == "Rapid Support Forces");
  CHECK(g.Find("Wagner")->country == "RUS");
  CHECK(g.Find("Rafael") == nullptr);  // a first name, not the company
}

TEST_CASE("gazetteer: demonyms", "[gazetteer]") {
  const Gazetteer& g = Real();
  auto code = [&](const char* w) {
    const GazEntry* e = g.Demonym(w);
    return e ? e->country : std::string("none");
  };
  CHECK(code("Russian") == "RUS");
  CHECK(code("Russians") == "RUS");
  CHECK(code("Egyptian") == "EGY");
  CHECK(code("Qatari") == "QAT");
  CHECK(code("Israelis") == "ISR");
  CHECK(code("Palestinian") == "PSE");
  CHECK(code("Chinese") == "CHN");
  CHECK(code("U.S.") == "USA");
  CHECK(code("South Korean") == "KOR");
  CHECK(code("North Korean") == "PRK");
  CHECK(code("Nigerien") == "NER");
  CHECK(code("Nigerian") == "NGA");
  CHECK(code("Emirati") == "ARE");
  CHECK(code("Britons") == "GBR");
  CHECK(code("Poles") == "POL");
  CHECK(code("Chineses") == "none");
  CHECK(code("russian") == "none");
  CHECK(g.Demonym("Russian")->name == "Russia");
}

TEST_CASE("gazetteer: titles", "[gazetteer]") {
  const Gazetteer& g = Real();
  CHECK(g.IsTitle("Secretary of State"));
  CHECK(g.IsTitle("secretary of state"));
  CHECK(g.IsTitle("President"));
  CHECK(g.IsTitle("prime minister"));
  CHECK(g.IsTitle("Gen."));
  CHECK(g.IsTitle("Crown Prince"));
  CHECK(g.IsTitle("Defence Minister"));
  CHECK(g.IsTitle("Defense Minister"));
  CHECK(g.IsTitle("top diplomat"));
  CHECK_FALSE(g.IsTitle("Cairo"));
  CHECK_FALSE(g.IsTitle(""));
  CHECK(g.TitleRole("Foreign Minister") == "minister");
  CHECK(g.TitleRole("King") == "head_of_state");
  CHECK(g.TitleRole("Cairo").empty());
}

TEST_CASE("gazetteer: a minimal directory loads", "[gazetteer]") {
  TempDir dir;
  WriteMinimal(dir);
  Result<Gazetteer> g = Gazetteer::Load(dir.path().string());
  REQUIRE(g.ok());
  CHECK(g->Find("U.S.")->name == "United States");
  CHECK(g->Find("Sinai Peninsula")->country == "EGY");
  CHECK(g->Demonym("Egyptian")->name == "Egypt");
}

TEST_CASE("gazetteer: malformed files are reported with file and line", "[gazetteer]") {
  struct Case {
    std::string file, content, expect;
  };
  const Case cases[] = {
      {"countries.tsv", "# h\nUSA\tUnited States\t\nEG\tEgypt\t\n", "countries.tsv:3:"},
      {"countries.tsv", "# h\nUSA\n", "countries.tsv:2:"},
      {"countries.tsv", "# h\nUSA\tUnited States\t\nUSA\tAgain\t\n", "countries.tsv:3:"},
      {"cities.tsv", "# h\n\nCairo\tEGY\tyes\t\n", "cities.tsv:3:"},
      {"cities.tsv", "# h\nCairo\tXYZ\t1\t\n", "cities.tsv:2:"},
      {"organizations.tsv", "# h\nArab League\tclub\t\t\n", "organizations.tsv:2:"},
      {"demonyms.tsv", "# h\nEgyptian\n", "demonyms.tsv:2:"},
      {"regions.tsv", "# h\nSinai\teg\t\n", "regions.tsv:2:"},
      {"titles.tsv", "# h\nPresident\thead_of_state\textra\n", "titles.tsv:2:"},
  };
  for (const Case& c : cases) {
    TempDir dir;
    WriteMinimal(dir, c.file, c.content);
    Result<Gazetteer> g = Gazetteer::Load(dir.path().string());
    INFO(c.file << ": " << c.content);
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().code() == Status::Code::kIOError);
    CHECK(g.status().message().find(c.expect) != std::string::npos);
  }
}

TEST_CASE("gazetteer: a missing file or invalid UTF-8 is an IO error naming it",
          "[gazetteer]") {
  TempDir dir;
  WriteMinimal(dir);
  std::filesystem::remove(dir.File("titles.tsv"));
  Result<Gazetteer> g = Gazetteer::Load(dir.path().string());
  REQUIRE_FALSE(g.ok());
  CHECK(g.status().code() == Status::Code::kIOError);
  CHECK(g.status().message().find("titles.tsv") != std::string::npos);

  TempDir bad;
  WriteMinimal(bad, "regions.tsv", "# h\nSin\xFF" "ai\tEGY\t\n");
  g = Gazetteer::Load(bad.path().string());
  REQUIRE_FALSE(g.ok());
  CHECK(g.status().message().find("regions.tsv") != std::string::npos);
}

TEST_CASE("gazetteer: FindDataDir honours the override and $DETENTE_DATA", "[gazetteer]") {
  TempDir dir;
  WriteMinimal(dir);
  Result<std::string> d = Gazetteer::FindDataDir(dir.path().string());
  REQUIRE(d.ok());
  CHECK(*d == dir.path().string());

  TempDir empty;
  d = Gazetteer::FindDataDir(empty.path().string());
  REQUIRE_FALSE(d.ok());
  CHECK(d.status().code() == Status::Code::kIOError);

  const char* old = std::getenv("DETENTE_DATA");
  std::string saved = old ? old : "";
  setenv("DETENTE_DATA", dir.path().c_str(), 1);
  d = Gazetteer::FindDataDir("");
  CHECK((d.ok() && *d == dir.path().string()));
  unsetenv("DETENTE_DATA");
  d = Gazetteer::FindDataDir("");
  REQUIRE(d.ok());  // the source tree's data/
  CHECK(std::filesystem::exists(std::filesystem::path(*d) / "cameo.tsv"));
  if (old) setenv("DETENTE_DATA", saved.c_str(), 1);
}

}  // namespace
}  // namespace detente
