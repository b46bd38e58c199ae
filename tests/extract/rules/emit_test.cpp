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

TEST_CASE("emit: places after 'at' and 'near', and in an apposition", "[extract][rules]") {
  HandSentence at("[Olaf Scholz] met [Justin Trudeau] at [Ottawa/city] .");
  const detente::RawEvent* e = at.Find("Olaf Scholz | meet | Justin Trudeau");
  INFO(at.Dump());
  REQUIRE(e);
  REQUIRE(e->place >= 0);
  CHECK(at.sentence().mentions[e->place].name == "Ottawa");

  HandSentence near("[Jordan/country] shelled [Hamas/organization] near [Rafah/city] .");
  e = near.Find("Jordan | shell | Hamas");
  INFO(near.Dump());
  REQUIRE(e);
  REQUIRE(e->place >= 0);
  CHECK(near.sentence().mentions[e->place].name == "Rafah");
}

TEST_CASE("emit: modality carried by implicative verbs, 'whether' and participles",
          "[extract][rules]") {
  // What a protest forced happened; what was weighed did not.
  HandSentence forced("[Peru/country] forced [Pedro Castillo] to dissolve [Congress/organization] .");
  forced.Link("[Peru/country]", "forced", "Ss").Link("forced", "to", "TO").Link("to", "dissolve", "I");
  INFO(forced.Dump());
  const detente::RawEvent* e = forced.Find("Pedro Castillo | dissolve | Congress");
  REQUIRE(e);
  CHECK(e->modality == detente::Modality::kAsserted);

  HandSentence whether("[Pedro Castillo] weighed whether to dissolve [Congress/organization] .");
  INFO(whether.Dump());
  e = whether.Find("Pedro Castillo | dissolve | Congress");
  REQUIRE(e);
  CHECK(e->modality == detente::Modality::kPossible);

  HandSentence participle(
      "[Ghana/country] will host [Togo/country] next week , signing a border treaty .");
  INFO(participle.Dump());
  e = participle.Find("Ghana | sign | border treaty");
  REQUIRE(e);
  CHECK(e->modality == detente::Modality::kFuture);
}

TEST_CASE("emit: the present tense with a coming date is a plan", "[extract][rules]") {
  HandSentence plan("[Antony Blinken] visits [Egypt/country] on Tuesday .");
  plan.Time(4, 5, "on Tuesday");
  INFO(plan.Dump());
  const detente::RawEvent* e = plan.Find("Antony Blinken | visit | Egypt");
  REQUIRE(e);
  CHECK(e->modality == detente::Modality::kFuture);

  HandSentence past("[Antony Blinken] visited [Egypt/country] on Tuesday .");
  past.Time(4, 5, "on Tuesday");
  e = past.Find("Antony Blinken | visit | Egypt");
  REQUIRE(e);
  CHECK(e->modality == detente::Modality::kAsserted);
}

TEST_CASE("emit: a purpose meets where its trip went, pair by pair", "[extract][rules]") {
  HandSentence s(
      "[William Ruto] will travel to [Paris/city] and [Berlin/city] to meet [Emmanuel Macron] and "
      "[Olaf Scholz] .");
  INFO(s.Dump());
  const detente::RawEvent* macron = s.Find("William Ruto | meet | Emmanuel Macron");
  const detente::RawEvent* scholz = s.Find("William Ruto | meet | Olaf Scholz");
  REQUIRE(macron);
  REQUIRE(scholz);
  REQUIRE(macron->place >= 0);
  REQUIRE(scholz->place >= 0);
  CHECK(s.sentence().mentions[macron->place].name == "Paris");
  CHECK(s.sentence().mentions[scholz->place].name == "Berlin");

  HandSentence one("[Abiy Ahmed] flew to [Nairobi/city] to consult with [William Ruto] .");
  INFO(one.Dump());
  const detente::RawEvent* e = one.Find("Abiy Ahmed | consult with | William Ruto");
  REQUIRE(e);
  REQUIRE(e->place >= 0);
  CHECK(one.sentence().mentions[e->place].name == "Nairobi");
}

TEST_CASE("emit: headlines: a present verb in -s acts, 'NAME to VERB' is a plan", "[extract][rules]") {
  HandSentence present("[Philippines/country] summons [Chinese envoy/country/CHN/GOV] over incident");
  INFO(present.Dump());
  const detente::RawEvent* e = present.Find("Philippines | summon | Chinese envoy");
  REQUIRE(e);
  CHECK(e->modality == detente::Modality::kAsserted);

  HandSentence plan("[Antony Blinken] to visit [Egypt/country] in push for truce");
  INFO(plan.Dump());
  e = plan.Find("Antony Blinken | visit | Egypt");
  REQUIRE(e);
  CHECK(e->modality == detente::Modality::kFuture);

  // A noun phrase with no object after it stays one: "Gaza ceasefire talks".
  HandSentence topic("[Gaza/region] ceasefire talks");
  INFO(topic.Dump());
  CHECK(topic.Triples().empty());
}

TEST_CASE("emit: a clause a directive asks for with 'that' may happen", "[extract][rules]") {
  HandSentence asked("[Egypt/country] demanded that [Israel/country] withdraw from [Rafah/city] .");
  INFO(asked.Dump());
  const detente::RawEvent* e = asked.Find("Israel | withdraw from | Rafah");
  REQUIRE(e);
  CHECK(e->modality == detente::Modality::kPossible);
  // After a verb of saying, "that" reports what happened.
  HandSentence said("[Egypt/country] said that [Israel/country] withdrew from [Rafah/city] .");
  INFO(said.Dump());
  e = said.Find("Israel | withdraw from | Rafah");
  REQUIRE(e);
  CHECK(e->modality == detente::Modality::kAsserted);
}

TEST_CASE("emit: a participle after a planned act shares its mood", "[extract][rules]") {
  HandSentence s("[William Ruto] is scheduled to address [African Union/organization] before flying "
                 "to [Djibouti/country] .");
  INFO(s.Dump());
  const detente::RawEvent* e = s.Find("William Ruto | fly to | Djibouti");
  REQUIRE(e);
  CHECK(e->modality == detente::Modality::kFuture);
}
