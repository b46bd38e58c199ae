// Coordinated subjects that act on each other; lists of actors and objects.
#include <catch2/catch.hpp>

#include "extract/rules/hand_sentence.h"

using detente::testing::HandSentence;

TEST_CASE("coordination: 'A and B met' is A meeting B", "[extract][rules]") {
  HandSentence s("[Anthony Albanese] and [Li Qiang] met in [Canberra/city] .");
  INFO(s.Dump());
  CHECK(s.Has("Anthony Albanese | meet | Li Qiang"));
  CHECK(s.Triples().size() == 1);
}

TEST_CASE("coordination: 'A and B held talks' and 'restored relations'", "[extract][rules]") {
  HandSentence talks("[Rwanda/country] and [Burundi/country] held talks .");
  INFO(talks.Dump());
  CHECK(talks.Has("Rwanda | hold talks with | Burundi"));
  HandSentence ties("[Qatar/country] and [Bahrain/country] restored diplomatic relations .");
  INFO(ties.Dump());
  CHECK(ties.Has("Qatar | restore relations with | Bahrain"));
}

TEST_CASE("coordination: each signer of an agreement signs it", "[extract][rules]") {
  HandSentence s("[Peru/country] and [Chile/country] signed two agreements .");
  INFO(s.Dump());
  CHECK(s.Has("Peru | sign | two agreements"));
  CHECK(s.Has("Chile | sign | two agreements"));
}

TEST_CASE("coordination: 'against each other'", "[extract][rules]") {
  HandSentence s("[Egypt/country] and [Ethiopia/country] pledged not to use force against each "
                 "other .");
  INFO(s.Dump());
  CHECK(s.Has("Egypt | use force against | Ethiopia"));
  CHECK(s.Has("Ethiopia | use force against | Egypt"));
}

TEST_CASE("coordination: 'they' is the latest pair", "[extract][rules]") {
  HandSentence s("[Ukraine/country] and [Poland/country] said [they/reference] would open the "
                 "border .");
  INFO(s.Dump());
  CHECK(s.Has("Ukraine | open | border"));
  CHECK(s.Has("Poland | open | border"));
}
