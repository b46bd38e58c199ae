// From predicates to events: place, time, negation, confidence.
#include <catch2/catch.hpp>

#include "extract/rules/hand_sentence.h"
#include "extract/rules/rules.h"

using detente::testing::HandSentence;

TEST_CASE("emit: place after 'in', not the object", "[extract][rules]") {
  HandSentence s("[Xi Jinping] received [Lula] in [Beijing/city] .");
  INFO(s.Dump());
  const detente::RawEvent* e = s.Find("Xi Jinping | receive | Lula");
  REQUIRE(e);
  REQUIRE(e->place >= 0);
  CHECK(s.sentence().mentions[e->place].name == "Beijing");
}

TEST_CASE("emit: the nearest time expression", "[extract][rules]") {
  HandSentence s("[Iran/country] freed [Johan Floderus] on Saturday .");
  s.Time(5, 5, "Saturday");
  INFO(s.Dump());
  const detente::RawEvent* e = s.Find("Iran | free | Johan Floderus");
  REQUIRE(e);
  CHECK(e->time == 0);
}

TEST_CASE("emit: negation from the verb group and from 'neither'", "[extract][rules]") {
  HandSentence s("[Greece/country] has not recognised [Kosovo/country] .");
  INFO(s.Dump());
  const detente::RawEvent* e = s.Find("Greece | recognise | Kosovo");
  REQUIRE(e);
  CHECK(e->negated);
}

TEST_CASE("emit: events found without a parse are less certain", "[extract][rules]") {
  HandSentence bare("[Nepal/country] expelled [Bhutan/country] 's envoy .");
  INFO(bare.Dump());
  REQUIRE(bare.Events().size() == 1);
  CHECK(bare.Events()[0].confidence == Approx(detente::tuning::kConfidencePosition));
  HandSentence linked("[Nepal/country] expelled [Bhutan/country] 's envoy .");
  linked.Link("[Nepal/country]", "expelled", "Ss");
  REQUIRE(linked.Events().size() == 1);
  CHECK(linked.Events()[0].confidence == Approx(detente::tuning::kConfidenceLinked));
}
