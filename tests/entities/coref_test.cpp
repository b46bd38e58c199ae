// References resolved within one document (src/entities/coref.cpp).
#include <catch2/catch.hpp>
#include <string>

#include "detente/entities.h"

namespace detente {
namespace {

Mention Person(const std::string& name, const std::string& country, const std::string& office) {
  Mention m;
  m.text = m.name = name;
  m.kind = EntityKind::kPerson;
  m.country = country;
  m.office = office;
  return m;
}

Mention Reference(const std::string& text, const std::string& country = "") {
  Mention m;
  m.text = text;
  m.kind = MentionKind::Reference();
  m.country = country;
  return m;
}

TEST_CASE("coref: a description by office finds the holder, not the latest person",
          "[entities][coref]") {
  DocumentEntities de;
  de.Touch(Person("Ada Quill", "USA", "foreign_minister"));
  de.Touch(Person("Bo Reed", "USA", "head_of_state"));
  de.Touch(Person("Cy Moss", "USA", ""));

  Mention diplomat = Reference("the top U.S. diplomat", "USA");
  REQUIRE(de.ResolveReference(&diplomat));
  CHECK(diplomat.name == "Ada Quill");
  CHECK(diplomat.text == "the top U.S. diplomat");

  Mention president = Reference("the president");
  REQUIRE(de.ResolveReference(&president));
  CHECK(president.name == "Bo Reed");

  // No one holds the office named: the latest person of the state.
  Mention premier = Reference("the prime minister", "USA");
  REQUIRE(de.ResolveReference(&premier));
  CHECK(premier.name == "Cy Moss");
  // A description without an office: the latest person.
  Mention official = Reference("the official");
  REQUIRE(de.ResolveReference(&official));
  CHECK(official.name == "Cy Moss");
}

}  // namespace
TEST_CASE("coref: a short name finds the full name whatever its case", "[entities][coref]") {
  DocumentEntities de;
  de.AddNames({Person("Ahmed al-Sharaa", "SYR", "")});
  Mention short_name = Person("Al-Sharaa", "", "");
  de.Canonicalize(&short_name);
  CHECK(short_name.name == "Ahmed al-Sharaa");
  CHECK(short_name.country == "SYR");
  Mention other = Person("Sharif", "", "");
  de.Canonicalize(&other);
  CHECK(other.name == "Sharif");
}

}  // namespace detente
