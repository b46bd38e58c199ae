// Passives and reduced participles: the "by" agent acts.
#include <catch2/catch.hpp>

#include "extract/rules/hand_sentence.h"

using detente::testing::HandSentence;

TEST_CASE("passive: the agent of 'was received by' acts on the subject", "[extract][rules]") {
  HandSentence s("[Gabriel Boric] was received by [Lula] in [Brasilia/city] .");
  INFO(s.Dump());
  CHECK(s.Has("Lula | receive | Gabriel Boric"));
}

TEST_CASE("passive: a reduced participle acts on the noun it follows", "[extract][rules]") {
  HandSentence s("[Ghana/country] signed a roadmap drafted by [Ecowas/organization] .");
  INFO(s.Dump());
  CHECK(s.Has("Ecowas | draft | roadmap"));
  CHECK(s.Has("Ghana | sign | roadmap"));
}

TEST_CASE("passive: no agent, no event", "[extract][rules]") {
  HandSentence s("[Petr Fiala] was sworn in on Tuesday .");
  INFO(s.Dump());
  CHECK(s.Triples().empty());
}

TEST_CASE("passive: coordinated participles share their patient", "[extract][rules]") {
  HandSentence s("a motion filed by [Labour/party] and backed by [Plaid Cymru/party] passed .");
  INFO(s.Dump());
  CHECK(s.Has("Labour | file | motion"));
  CHECK(s.Has("Plaid Cymru | back | motion"));
}

TEST_CASE("passive: a participle after 'PREP place,' describes what the clause agreed to",
          "[extract][rules]") {
  HandSentence s(
      "[Sudan/country] and [Chad/country] agreed to a truce in [Darfur/region] , brokered by "
      "[Qatar/country] .");
  s.Link("[Chad/country]", "agreed", "Sp").Link("agreed", "to", "MVp").Link("to", "truce", "Js");
  INFO(s.Dump());
  CHECK(s.Has("Qatar | broker | truce"));
  CHECK_FALSE(s.Has("Qatar | broker | Sudan"));
  CHECK_FALSE(s.Has("Qatar | broker | Darfur"));
}

TEST_CASE("passive: a state's demonym on the act or weapon is the agent", "[extract][rules]") {
  HandSentence by("[Sahrawi activists/group/ESH/CVL] were wounded by a {Moroccan/Morocco/MAR} drone strike .");
  INFO(by.Dump());
  CHECK(by.Has("Morocco | wound | Sahrawi activists"));
  HandSentence in("[Syrian Kurdish fighters/group/SYR/REB] were killed in a {Turkish/Turkey/TUR} air raid .");
  INFO(in.Dump());
  CHECK(in.Has("Turkey | kill | Syrian Kurdish fighters"));
  // "in" a place, and "by" a person, name no state agent.
  HandSentence place("[Sahrawi activists/group/ESH/CVL] were wounded in a {Moroccan/Morocco/MAR} town .");
  INFO(place.Dump());
  CHECK(place.Triples().empty());
  HandSentence person("[Sahrawi activists/group/ESH/CVL] were filmed by a {Moroccan/Morocco/MAR} tourist .");
  INFO(person.Dump());
  CHECK(person.Triples().empty());
}
