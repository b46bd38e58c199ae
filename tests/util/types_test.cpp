#include "detente/types.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

using detente::EntityKind;
using detente::EntityKindName;
using detente::IsKind;
using detente::Modality;
using detente::ModalityName;
using detente::ParseEntityKind;
using detente::ParseModality;

TEST_CASE("types: modality names are the database's and round-trip", "[util]") {
  CHECK(std::string(ModalityName(Modality::kAsserted)) == "asserted");
  CHECK(std::string(ModalityName(Modality::kFuture)) == "future");
  CHECK(std::string(ModalityName(Modality::kPossible)) == "possible");
  for (Modality m : {Modality::kAsserted, Modality::kFuture, Modality::kPossible}) {
    CHECK(ParseModality(ModalityName(m)) == m);
  }
  CHECK_FALSE(ParseModality("Asserted").has_value());
  CHECK_FALSE(ParseModality("").has_value());
}

TEST_CASE("types: entity kind names are the database's and round-trip", "[util]") {
  // The strings the schema, the JSON and the exports use, unchanged.
  CHECK(std::string(EntityKindName(EntityKind::kPerson)) == "person");
  CHECK(std::string(EntityKindName(EntityKind::kArmedGroup)) == "armed_group");
  CHECK(std::string(EntityKindName(EntityKind::kOrganization)) == "organization");
  CHECK(std::string(EntityKindName(EntityKind::kUnknown)) == "unknown");
  std::set<std::string> names;
  for (EntityKind k : detente::kEntityKinds) {
    INFO(EntityKindName(k));
    CHECK(ParseEntityKind(EntityKindName(k)) == k);
    names.insert(EntityKindName(k));
  }
  CHECK(names.size() == std::size(detente::kEntityKinds));  // no two kinds share a name
  // A kind added by hand to a database is not one of them.
  CHECK_FALSE(ParseEntityKind("ship").has_value());
  CHECK_FALSE(ParseEntityKind("Person").has_value());
  CHECK(IsKind("country", EntityKind::kCountry));
  CHECK_FALSE(IsKind("country", EntityKind::kCity));
}
