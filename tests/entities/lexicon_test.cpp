// The word lists of data/lexicon.tsv (src/entities/lexicon.cpp).
#include "entities/lexicon.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using namespace detente;

namespace {
// A fresh folder holding only lexicon.tsv with `text`.
std::string LexiconDir(const std::string& name, const std::string& text) {
  fs::path dir = fs::temp_directory_path() / ("detente-lexicon-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "lexicon.tsv") << text;
  return dir.string();
}
}  // namespace

TEST_CASE("lexicon: a place kind noun carries its kind, city or region", "[entities]") {
  auto ok = Lexicon::Load(LexiconDir("ok", "place_kind_noun\ttown\tcity\nclaim_verb\tclaim\n"));
  REQUIRE(ok.ok());
  CHECK(ok->Value(WordList::kPlaceKindNoun, "town") == "city");
  CHECK(ok->Has(WordList::kClaimVerb, "claim"));
  auto bad = Lexicon::Load(LexiconDir("bad", "claim_verb\tclaim\nplace_kind_noun\ttown\thamlet\n"));
  REQUIRE_FALSE(bad.ok());
  INFO(bad.status().message());
  CHECK(bad.status().message().find("lexicon.tsv:2") != std::string::npos);
  CHECK(bad.status().message().find("'hamlet'") != std::string::npos);
}
