// Which verbs are events: reporting, opinion, state and matrix verbs.
#include <catch2/catch.hpp>

#include "extract/rules/hand_sentence.h"

using detente::testing::HandSentence;

TEST_CASE("verb classes: 'said' is no event, 'told X' is", "[extract][rules]") {
  HandSentence said("[Kaja Kallas] said the plan was dead .");
  INFO(said.Dump());
  CHECK(said.Triples().empty());
  HandSentence told("[Kaja Kallas] told [Wang Yi] that talks should resume .");
  INFO(told.Dump());
  CHECK(told.Has("Kaja Kallas | tell | Wang Yi"));
}

TEST_CASE("verb classes: opinion verbs only convene", "[extract][rules]") {
  HandSentence opinion("[Viktor Orban] described the summit as historic .");
  INFO(opinion.Dump());
  CHECK(opinion.Triples().empty());
  HandSentence election("[Mark Rutte] called a snap election .");
  INFO(election.Dump());
  CHECK(election.Has("Mark Rutte | call | snap election"));
}

TEST_CASE("verb classes: meaningful matrix verbs join the action", "[extract][rules]") {
  HandSentence s("[Hungary/country] refused to ratify the treaty .");
  INFO(s.Dump());
  CHECK(s.Has("Hungary | refuse to ratify | treaty"));
}

TEST_CASE("verb classes: future matrix verbs set the modality", "[extract][rules]") {
  HandSentence s("[Kenya/country] is expected to sign the accord .");
  INFO(s.Dump());
  const detente::RawEvent* e = s.Find("Kenya | sign | accord");
  REQUIRE(e);
  CHECK(e->modality == detente::Modality::kFuture);
}

TEST_CASE("verb classes: 'failed to' denies the act", "[extract][rules]") {
  HandSentence s("[Pita Limjaroenrat] failed to win the vote .");
  INFO(s.Dump());
  const detente::RawEvent* e = s.Find("Pita Limjaroenrat | win | vote");
  REQUIRE(e);
  CHECK(e->negated);
}

TEST_CASE("verb classes: an aim is no event", "[extract][rules]") {
  HandSentence s("[Qatar/country] sent envoys on a mission aimed at freeing the hostages .");
  INFO(s.Dump());
  for (const std::string& t : s.Triples()) CHECK(t.find("free") == std::string::npos);
}

TEST_CASE("verb classes: a negated directive directs nothing", "[extract][rules]") {
  HandSentence s("the court did not order [Israel/country] to halt the offensive .");
  INFO(s.Dump());
  for (const std::string& t : s.Triples()) CHECK(t.find("halt") == std::string::npos);
}

TEST_CASE("verb classes: holding a post is not an act", "[extract][rules]") {
  HandSentence s("[NATO/organization] , which leads [KFOR/organization] , met [Serbia/country] .");
  INFO(s.Dump());
  CHECK_FALSE(s.Has("NATO | lead | KFOR"));
  CHECK(s.Has("NATO | meet | Serbia"));
}

TEST_CASE("verb classes: a compound participle before a noun is no verb and a verb prefix is",
          "[extract][rules]") {
  HandSentence led("[Abdel Fattah al-Burhan] rejected U.S.-led peace talks .");
  INFO(led.Dump());
  CHECK(led.Has("Abdel Fattah al-Burhan | reject | U.S.-led peace talks"));
  HandSentence state("[Hungary/country] condemned state-backed propaganda .");
  INFO(state.Dump());
  CHECK(state.Has("Hungary | condemn | state-backed propaganda"));
  HandSentence re("[Senate/organization/ZAF/LEG] re-elected [Cyril Ramaphosa] .");
  INFO(re.Dump());
  CHECK(re.Has("Senate | re-elect | Cyril Ramaphosa"));
}

TEST_CASE("verb classes: a directive reaches its infinitive over a quantity", "[extract][rules]") {
  HandSentence s("[Israel/country] ordered more than one million [Palestinians/group/PSE/CVL] to "
                 "leave [Gaza City/city/PSE] .");
  INFO(s.Dump());
  const detente::RawEvent* e = s.Find("Palestinians | leave | Gaza City");
  REQUIRE(e);
  CHECK(e->modality == detente::Modality::kPossible);
  CHECK_FALSE(s.Has("Israel | leave | Gaza City"));
}

TEST_CASE("verb classes: a thing's infinitive describes it and 'how to' asks", "[extract][rules]") {
  HandSentence plan("[Arab League/organization] endorsed an {Egyptian/Egypt/EGY} plan to rebuild "
                    "[Gaza/region] .");
  INFO(plan.Dump());
  CHECK(plan.Has("Arab League | endorse | Egyptian plan"));
  // People before the infinitive are still directed: "urged the government to".
  HandSentence people("[Qatar/country] urged [Israeli officials/country/ISR/GOV] to accept the "
                      "[Paris Proposal/artefact] .");
  INFO(people.Dump());
  CHECK(people.Has("Israeli officials | accept | Paris Proposal"));
  HandSentence how("[Serbia/country] and [Kosovo/country] agreed on how to implement the "
                   "[Ohrid Agreement/artefact] .");
  INFO(how.Dump());
  for (const std::string& t : how.Triples()) CHECK(t.find("implement") == std::string::npos);
}
