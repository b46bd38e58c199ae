#include <catch2/catch.hpp>
#include <sstream>

#include "detente/export.h"
#include "graph/graph_fixture.h"
#include "detente/sqlite.h"
#include "test_util.h"
#include "detente/json.h"

using namespace detente;
using namespace detente::testing;

TEST_CASE("export geojson: located places as points, the others listed", "[export]") {
  auto geo = Geography::Load("");
  REQUIRE(geo.ok());
  std::vector<PlaceCount> places = {
      {GraphEntity{8, "Cairo", "city", "EGY"}, 3},
      {GraphEntity{2, "China", "country", "CHN"}, 1},
      {GraphEntity{16, "Zürich \"café\"\x01", "city", "CHE"}, 1},
  };
  std::ostringstream out;
  REQUIRE(WriteGeoJson(places, *geo, out).ok());
  auto v = ParseJson(out.str());
  REQUIRE(v.ok());
  CHECK(v->Find("type")->as_string() == "FeatureCollection");
  const auto& f = v->Find("features")->items();
  REQUIRE(f.size() == 2);
  const auto& cairo = f[0].Find("geometry")->Find("coordinates")->items();
  CHECK(cairo[0].as_number() == Approx(31.24));  // longitude first (RFC 7946)
  CHECK(cairo[1].as_number() == Approx(30.04));
  CHECK(f[0].Find("properties")->Find("events")->as_number() == 3);
  CHECK(f[1].Find("properties")->Find("name")->as_string() == "China");
  const auto& unlocated = v->Find("unlocated")->items();
  REQUIRE(unlocated.size() == 1);
  CHECK(unlocated[0].Find("name")->as_string() == "Zürich \"café\" ");
}

TEST_CASE("export geojson: the CLI writes the places of the exported events", "[export]") {
  TempDir dir;
  const std::string db = dir.File("g.db");
  BuildFixtureDb(db);
  {
    auto w = sql::Db::Open(db, false);
    Check(w.status());
    // Blinken met Wang Yi in China; NATO criticised Russia in Washington, D.C.
    Check(
        w->Exec("UPDATE events SET place_id = 2 WHERE id IN (1, 10);"
                "UPDATE events SET place_id = 10 WHERE id = 8"));
  }
  RunResult r = RunDetente({"export", "--db", db, "--format", "geojson"});
  REQUIRE(r.exit_code == 0);
  auto v = ParseJson(r.out);
  REQUIRE(v.ok());
  const auto& f = v->Find("features")->items();
  REQUIRE(f.size() == 2);
  CHECK(f[0].Find("properties")->Find("name")->as_string() == "China");
  CHECK(f[0].Find("properties")->Find("events")->as_number() == 2);
  CHECK(f[1].Find("properties")->Find("name")->as_string() == "Washington, D.C.");

  r = RunDetente({"export", "--db", db, "--format", "geojson", "--around", "Blinken"});
  REQUIRE(r.exit_code == 0);
  v = ParseJson(r.out);
  REQUIRE(v.ok());
  REQUIRE(v->Find("features")->items().size() == 1);
  r = RunDetente({"export", "--db", db, "--format", "geojson", "--since", "2023-07"});
  REQUIRE(r.exit_code == 0);
  v = ParseJson(r.out);
  REQUIRE(v.ok());
  REQUIRE(v->Find("features")->items().size() == 1);
  CHECK(v->Find("features")->items()[0].Find("properties")->Find("name")->as_string() ==
        "Washington, D.C.");
}
