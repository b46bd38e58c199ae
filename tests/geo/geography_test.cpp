#include <catch2/catch.hpp>

#include "detente/geo.h"
#include "test_util.h"

using namespace detente;
using namespace detente::testing;

TEST_CASE("geo: the shipped data places cities and countries", "[geo]") {
  auto geo = Geography::Load("");
  REQUIRE(geo.ok());
  CHECK(geo->num_cities() >= 800);
  CHECK(geo->num_countries() >= 249);
  auto cairo = geo->Locate(GraphEntity{1, "Cairo", "city", "EGY"});
  REQUIRE(cairo);
  CHECK(cairo->lat == Approx(30.04).margin(0.1));
  CHECK(cairo->lon == Approx(31.24).margin(0.1));
  // An alias, case-insensitively.
  auto kiev = geo->Locate(GraphEntity{2, "kiev", "city", "UKR"});
  REQUIRE(kiev);
  CHECK(kiev->lon == Approx(30.52).margin(0.1));
  // A country at its centroid, which lies inside it.
  auto egypt = geo->Locate(GraphEntity{3, "Egypt", "country", "EGY"});
  REQUIRE(egypt);
  CHECK(egypt->lat > 22);
  CHECK(egypt->lat < 31.7);
  CHECK(egypt->lon > 25);
  CHECK(egypt->lon < 35);
  CHECK_FALSE(geo->Locate(GraphEntity{4, "Gaza Strip", "region", "PSE"}));
  CHECK_FALSE(geo->Locate(GraphEntity{5, "Atlantis", "city", ""}));
}

TEST_CASE("geo: a name shared by two cities picks the one in the entity's country", "[geo]") {
  TempDir dir;
  WriteFile(dir.File("countries.tsv"), "# h\nGBR\tBritain\t\nUSA\tUnited States\t\n");
  WriteFile(dir.File("cities.tsv"),
            "# h\nBirmingham\tGBR\t0\t\t52.49\t-1.89\nBirmingham\tUSA\t0\t\t33.52\t-86.81\n");
  WriteFile(dir.File("country_centroids.tsv"), "# h\nGBR\t54\t-2\tshape\n");
  auto geo = Geography::Load(dir.path().string());
  REQUIRE(geo.ok());
  CHECK(geo->City("Birmingham", "USA")->lat == Approx(33.52));
  CHECK(geo->City("Birmingham", "GBR")->lat == Approx(52.49));
  CHECK(geo->City("Birmingham", "")->lat == Approx(52.49));
  CHECK_FALSE(geo->Country("USA"));
}

TEST_CASE("geo: a malformed coordinate is reported with its file and line", "[geo]") {
  TempDir dir;
  WriteFile(dir.File("countries.tsv"), "# h\nEGY\tEgypt\t\n");
  WriteFile(dir.File("country_centroids.tsv"), "# h\n");
  const std::pair<std::string, std::string> cases[] = {
      {"# h\nCairo\tEGY\t1\t\t91\t31\n", "cities.tsv:2: bad latitude '91'"},
      {"# h\n\nCairo\tEGY\t1\t\t30\teast\n", "cities.tsv:3: bad longitude 'east'"},
      {"# h\nCairo\tEGY\t1\t\n", "cities.tsv:2: expected 6"},
  };
  for (const auto& [content, message] : cases) {
    WriteFile(dir.File("cities.tsv"), content);
    auto geo = Geography::Load(dir.path().string());
    REQUIRE_FALSE(geo.ok());
    CHECK_THAT(geo.status().message(), Catch::Contains(message));
  }
}
