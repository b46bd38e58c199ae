#include "detente/types.h"

#include <catch2/catch.hpp>
#include <optional>
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
  // "Sudanese rebels": the extractor stores such groups as "group".
  CHECK(std::string(EntityKindName(EntityKind::kGroup)) == "group");
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

TEST_CASE("types: role codes are the database's and round-trip", "[util]") {
  using detente::ParseRole;
  using detente::Role;
  using detente::RoleName;
  CHECK(std::string(RoleName(Role::kGov)) == "GOV");
  CHECK(std::string(RoleName(Role::kUaf)) == "UAF");
  CHECK(std::string(RoleName(Role::kCrm)) == "CRM");
  CHECK(std::string(RoleName(Role::kNone)).empty());
  std::set<std::string> names;
  for (Role r : detente::kRoles) {
    INFO(RoleName(r));
    CHECK(std::string(RoleName(r)).size() == 3);
    CHECK(ParseRole(RoleName(r)) == r);
    names.insert(RoleName(r));
  }
  CHECK(names.size() == std::size(detente::kRoles));
  for (const char* bad : {"", "GOVX", "gov", "Gov", "GO", "XYZ", " GOV"}) {
    INFO(bad);
    CHECK_FALSE(ParseRole(bad).has_value());
  }
  CHECK(detente::RoleNames().rfind("GOV, MIL, ", 0) == 0);
  CHECK(detente::RoleNames().find("CRM") != std::string::npos);
}

TEST_CASE("types: every CAMEO code of 2-4 digits under a root 01-20 parses and round-trips",
          "[util]") {
  using detente::CameoCode;
  int parsed = 0;
  for (int len = 2; len <= 4; ++len) {
    int limit = len == 2 ? 100 : len == 3 ? 1000 : 10000;
    for (int n = 0; n < limit; ++n) {
      std::string text = std::to_string(n);
      text.insert(0, static_cast<size_t>(len) - text.size(), '0');
      const int root = std::stoi(text.substr(0, 2));
      std::optional<CameoCode> c = CameoCode::Parse(text);
      INFO(text);
      REQUIRE(c.has_value() == (root >= 1 && root <= 20));
      if (!c) continue;
      ++parsed;
      CHECK(c->str() == text);
      CHECK(c->root() == root);
      CHECK(c->root_code().str() == text.substr(0, 2));
      CHECK(CameoCode::Parse(c->str()) == c);
    }
  }
  CHECK(parsed == 20 + 200 + 2000);
}

TEST_CASE("types: CAMEO codes reject what is not 2-4 digits under a root 01-20", "[util]") {
  using detente::CameoCode;
  for (const char* bad : {"", "1", "19a", "21", "00", "99", "04 Consult", "04200", " 04", "-04", "0x1"}) {
    INFO(bad);
    CHECK_FALSE(CameoCode::Parse(bad).has_value());
  }
  CHECK(CameoCode::Parse("042") != CameoCode::Parse("04"));
  CHECK(CameoCode::RootOf("04 Consult")->str() == "04");
  CHECK(CameoCode::RootOf("1823")->str() == "18");
  CHECK_FALSE(CameoCode::RootOf("Consult").has_value());
  CHECK_FALSE(CameoCode::RootOf("2").has_value());
}

TEST_CASE("types: the QuadClass of a code is its root's", "[util]") {
  using detente::CameoCode;
  using detente::QuadClass;
  const std::pair<const char*, QuadClass> cases[] = {
      {"01", QuadClass::kVerbalCooperation},   {"042", QuadClass::kVerbalCooperation},
      {"057", QuadClass::kVerbalCooperation},  {"06", QuadClass::kMaterialCooperation},
      {"0871", QuadClass::kMaterialCooperation}, {"09", QuadClass::kVerbalConflict},
      {"112", QuadClass::kVerbalConflict},     {"138", QuadClass::kVerbalConflict},
      {"14", QuadClass::kMaterialConflict},    {"173", QuadClass::kMaterialConflict},
      {"190", QuadClass::kMaterialConflict},   {"2042", QuadClass::kMaterialConflict}};
  for (const auto& [code, quad] : cases) {
    INFO(code);
    CHECK(CameoCode::Parse(code)->quad_class() == quad);
  }
  CHECK(detente::QuadClassOf("04 Consult") == 1);
  CHECK(detente::QuadClassOf("0871") == 2);
  CHECK(detente::QuadClassOf("13") == 3);
  CHECK(detente::QuadClassOf("20 Use unconventional mass violence") == 4);
  CHECK(detente::QuadClassOf("05") == 1);
  CHECK(detente::QuadClassOf("08") == 2);
  CHECK(detente::QuadClassOf("14 Protest") == 4);
  CHECK(detente::QuadClassOf("") == 0);
  CHECK(detente::QuadClassOf("00") == 0);
  CHECK(detente::QuadClassOf("21") == 0);
  CHECK(detente::QuadClassOf("4 Consult") == 0);
  CHECK(detente::QuadClassOf("Consult") == 0);
}
