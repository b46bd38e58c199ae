#include "serve/search.h"

#include <catch2/catch.hpp>

using namespace detente::serve;

TEST_CASE("serve search: folding drops case and Latin accents", "[serve]") {
  CHECK(Fold("Zürich Café") == "zurich cafe");
  CHECK(Fold("ÉLYSÉE") == "elysee");
  CHECK(Fold("Œuvre Straße") == "oeuvre strasse");
  CHECK(Fold("Łódź Kraków") == "lodz krakow");
  CHECK(Fold("Türkiye İstanbul") == "turkiye istanbul");
  CHECK(Fold("Москва") == "Москва");  // other scripts are kept as they are
  CHECK(Fold("a\xC3") == "a\xC3");    // a cut sequence is kept, not read past
}

TEST_CASE("serve search: prefixes of names and of words, best first", "[serve]") {
  SearchIndex index;
  index.Add(0, "Antony Blinken");
  index.Add(0, "Blinken");
  index.Add(1, "Abdel Fattah el-Sissi");
  index.Add(2, "Blinkenland");
  index.Add(3, "Zürich");
  index.Add(4, "Blin");
  index.Finish();
  std::vector<uint32_t> rank = {12, 2, 50, 1, 0};

  auto hits = index.Find("blinken", 10, rank);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].vertex == 0);  // an exact alias beats a longer name with more events
  CHECK(hits[0].match == 0);
  CHECK(index.name(hits[0].name) == "Blinken");
  CHECK(hits[1].vertex == 2);

  hits = index.Find("BLIN", 10, rank);
  REQUIRE(hits.size() == 3);
  CHECK(hits[0].vertex == 4);  // exact
  CHECK(hits[1].vertex == 2);  // prefix, 50 events
  CHECK(hits[2].vertex == 0);  // prefix, 12 events
  CHECK(index.Find("BLIN", 1, rank).size() == 1);

  hits = index.Find("sissi", 10, rank);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].match == 2);  // a word inside the name
  CHECK(index.Find("zur", 10, rank).size() == 1);
  CHECK(index.Find("ZÜR", 10, rank).size() == 1);
  CHECK(index.Find("inken", 10, rank).empty());  // not a word start
  CHECK(index.Find("", 10, rank).empty());
}
