// Events named by nouns, compound agents and reactions.
#include <catch2/catch.hpp>

#include "extract/rules/hand_sentence.h"

using detente::testing::HandSentence;

TEST_CASE("nominal: a possessor's visit to a place", "[extract][rules]") {
  HandSentence s("during [Narendra Modi] 's visit to [Kyiv/city] , sirens sounded .");
  INFO(s.Dump());
  CHECK(s.Has("Narendra Modi | visit | Kyiv"));
}

TEST_CASE("nominal: talks between two sides", "[extract][rules]") {
  HandSentence s("talks between [Seoul/city] and [Tokyo/city] resumed .");
  INFO(s.Dump());
  CHECK(s.Has("Seoul | hold talks with | Tokyo"));
}

TEST_CASE("nominal: the release of X by Y", "[extract][rules]") {
  HandSentence s("the release of [Paul Rusesabagina] by [Rwanda/country] surprised many .");
  INFO(s.Dump());
  CHECK(s.Has("Rwanda | release | Paul Rusesabagina"));
}

TEST_CASE("nominal: an act with no target names its actor after 'of'", "[extract][rules]") {
  HandSentence s("the resignation of [Liz Truss] stunned [London/city] .");
  INFO(s.Dump());
  CHECK(s.Has("Liz Truss | resign | -"));
}

TEST_CASE("nominal: a reaction from X is X's act", "[extract][rules]") {
  HandSentence s("[Georgia/country] drew a rebuke from [Brussels/city] .");
  INFO(s.Dump());
  CHECK(s.Has("Brussels | rebuke | Georgia"));
  CHECK_FALSE(s.Has("Georgia | draw | rebuke"));
}

TEST_CASE("nominal: only 'in protest' is the clause subject's protest", "[extract][rules]") {
  HandSentence own("[Milos Vucevic] resigned in protest over the collapse of the coalition .");
  INFO(own.Dump());
  CHECK(own.Has("Milos Vucevic | protest over | collapse"));
  HandSentence others("[Milos Vucevic] resigned after weeks of student-led protests over the "
                      "collapse .");
  INFO(others.Dump());
  CHECK_FALSE(others.Has("Milos Vucevic | protest over | collapse"));
}
