// Objects: direct, prepositional, carried nouns, things acted on.
#include <catch2/catch.hpp>

#include "extract/rules/hand_sentence.h"

using detente::testing::HandSentence;

TEST_CASE("objects: people stand for their affiliation", "[extract][rules]") {
  HandSentence s("[Jordan/country] summoned [Israel/country] 's ambassador .");
  INFO(s.Dump());
  CHECK(s.Has("Jordan | summon | Israel"));
}

TEST_CASE("objects: travel to, withdraw from", "[extract][rules]") {
  HandSentence s("[Emmanuel Macron] travelled to [Nigeria/country] and [Ghana/country] .");
  INFO(s.Dump());
  CHECK(s.Has("Emmanuel Macron | travel to | Nigeria"));
  CHECK(s.Has("Emmanuel Macron | travel to | Ghana"));
}

TEST_CASE("objects: a measure carries its target into the action", "[extract][rules]") {
  HandSentence s("[Canada/country] imposed sanctions on [Belarus/country] .");
  INFO(s.Dump());
  CHECK(s.Has("Canada | impose sanctions on | Belarus"));
}

TEST_CASE("objects: a thing acted on keeps its own name", "[extract][rules]") {
  HandSentence s("[Chile/country] endorsed a plan for [Gaza/region] .");
  INFO(s.Dump());
  CHECK(s.Has("Chile | endorse | plan"));
}

TEST_CASE("objects: a light verb without a target is no event", "[extract][rules]") {
  HandSentence s("[Serbia/country] held talks on Monday .");
  INFO(s.Dump());
  CHECK(s.Triples().empty());
}

TEST_CASE("objects: named examples stand for their group", "[extract][rules]") {
  HandSentence s("[Mali/country] expelled diplomats from three countries , among them "
                 "[Ivory Coast/country] and [Benin/country] .");
  INFO(s.Dump());
  CHECK(s.Has("Mali | expel diplomats from | Ivory Coast"));
  CHECK(s.Has("Mali | expel diplomats from | Benin"));
}

TEST_CASE("objects: people, time and generic nouns are not things acted on",
          "[extract][rules]") {
  HandSentence s("[Peru/country] arrested protesters and spent hours .");
  INFO(s.Dump());
  CHECK(s.Triples().empty());
}

TEST_CASE("objects: a city after a meeting noun is where it met, a region after an operation its target",
          "[extract][rules]") {
  HandSentence tour("[Antony Blinken] opened a regional tour in [Cairo/city] .");
  INFO(tour.Dump());
  for (const std::string& t : tour.Triples()) CHECK(t.find("Cairo") == std::string::npos);
  const detente::RawEvent* e = tour.Find("Antony Blinken | open | regional tour");
  REQUIRE(e);
  REQUIRE(e->place >= 0);
  CHECK(tour.sentence().mentions[e->place].name == "Cairo");

  HandSentence op("[Azerbaijan/country] halted its military operation in [Nagorno-Karabakh/region] .");
  INFO(op.Dump());
  CHECK(op.Has("Azerbaijan | halt operation in | Nagorno-Karabakh"));
}

TEST_CASE("objects: a participle or accusation acting on an act is no event: on a record it is",
          "[extract][rules]") {
  HandSentence ending("[Kenya/country] signed a pact with [Somalia/country] , ending a long standoff .");
  INFO(ending.Dump());
  CHECK(ending.Has("Kenya | sign | pact"));
  for (const std::string& t : ending.Triples()) CHECK(t.find("standoff") == std::string::npos);

  HandSentence adopting("[Ghana/country] backed the plan , adopting a resolution on Tuesday .");
  INFO(adopting.Dump());
  CHECK(adopting.Has("Ghana | adopt | resolution"));

  HandSentence accused("[Chad/country] accused [Sudan/country] of staging a coup .");
  INFO(accused.Dump());
  CHECK(accused.Has("Chad | accuse | Sudan"));
  CHECK_FALSE(accused.Has("Sudan | stage | coup"));
}

TEST_CASE("objects: a span of time the parser links as the object is not it", "[extract][rules]") {
  HandSentence s("[Olaf Scholz] toppled [Germany/country] 's coalition hours after the vote .");
  s.Link("[Olaf Scholz]", "toppled", "Ss").Link("toppled", "hours", "Os");
  INFO(s.Dump());
  CHECK(s.Has("Olaf Scholz | topple | Germany's coalition"));
}

TEST_CASE("objects: a count before of counts what follows", "[extract][rules]") {
  HandSentence direct("[Kenyan police/organization/KEN/COP] detained dozens of "
                      "[al-Shabaab fighters/organization/SOM/INS] near the border .");
  INFO(direct.Dump());
  CHECK(direct.Has("Kenyan police | detain | al-Shabaab fighters"));

  HandSentence prep("[Canada/country] imposed sanctions on dozens of "
                    "[Belarusian officials/organization/BLR/GOV] and firms .");
  INFO(prep.Dump());
  CHECK(prep.Has("Canada | impose sanctions on | Belarusian officials"));
}

TEST_CASE("objects: a verb of giving acts on whom it gives to", "[extract][rules]") {
  HandSentence given("[Norway/country] pledged 40 million dollars in relief to [Haiti/country] .");
  INFO(given.Dump());
  CHECK(given.Has("Norway | pledge dollars to | Haiti"));
  // Not a verb of giving: the thing stays the object.
  HandSentence plan("[Chile/country] endorsed a plan to [Peru/country] 's dismay .");
  INFO(plan.Dump());
  CHECK_FALSE(plan.Has("Chile | endorse plan to | Peru"));
}

TEST_CASE("objects: in a city is where people were acted on, not whom", "[extract][rules]") {
  HandSentence held("[Kenyan police/organization/KEN/COP] arrested four lawmakers in "
                    "[Nairobi/city] on Monday .");
  INFO(held.Dump());
  for (const std::string& t : held.Triples()) CHECK(t.find("Nairobi") == std::string::npos);
  // A country after "in" is still the target of people sent there.
  HandSentence sent("[France/country] deployed troops in [Niger/country] .");
  INFO(sent.Dump());
  CHECK(sent.Has("France | deploy troops in | Niger"));
  // And a city is the target of motion.
  HandSentence arrived("[Emmanuel Macron] arrived in [Kyiv/city] .");
  INFO(arrived.Dump());
  CHECK(arrived.Has("Emmanuel Macron | arrive in | Kyiv"));
}

TEST_CASE("objects: an object link into a relative clause is a misparse", "[extract][rules]") {
  HandSentence s("[Vladimir Putin] awarded medals to soldiers who fought in [Kursk/region] .");
  s.Link("[Vladimir Putin]", "awarded", "Ss").Link("awarded", "[Kursk/region]", "Os");
  INFO(s.Dump());
  CHECK_FALSE(s.Has("Vladimir Putin | award | Kursk"));
  // A participle inside the object's phrase is no clause: "a proposed plan".
  HandSentence np("[Hamas/organization] received a proposed [Gaza Peace Plan/artefact] .");
  np.Link("[Hamas/organization]", "received", "Ss").Link("received", "[Gaza Peace Plan/artefact]", "Os");
  INFO(np.Dump());
  CHECK(np.Has("Hamas | receive | Gaza Peace Plan"));
}

TEST_CASE("objects: an act on a thing a state owns carries the act ('opened fire on an Israeli bus')",
          "[extract][rules]") {
  HandSentence s("[Hamas gunmen/organization/PSE/INS] opened fire on an {Israeli/Israel/ISR} bus .");
  INFO(s.Dump());
  CHECK(s.Has("Hamas gunmen | open fire on | Israeli bus"));
  HandSentence measure("[Britain/country] announced sanctions against {Iranian/Iran/IRN} "
                       "individuals .");
  INFO(measure.Dump());
  CHECK(measure.Has("Britain | announce sanctions against | Iranian individuals"));
}

TEST_CASE("objects: a named possessor's act is the object, not what the act is of",
          "[extract][rules]") {
  // The possessor owns the act; the name after "of" is not its object.
  HandSentence s("[Mali/country] condemned [Niger/country] 's expulsion of "
                 "[Malian traders/group/MLI] .");
  s.Link("[Mali/country]", "condemned", "Ss");
  s.Link("condemned", "expulsion", "Os");
  s.Link("expulsion", "of", "Mf");
  s.Link("of", "[Malian traders/group/MLI]", "Jp");
  INFO(s.Dump());
  CHECK(s.Has("Mali | condemn | Niger's expulsion"));
  CHECK_FALSE(s.Has("Mali | condemn | Malian traders"));
  // Nor does a compound action take it ("condemn expulsion of").
  HandSentence t("[Chile/country] criticised [Peru/country] 's closure of the border .");
  INFO(t.Dump());
  CHECK(t.Has("Chile | criticise | Peru's closure"));
  // Any preposition after an act a state's modifier owns.
  HandSentence u("[Chile/country] criticised {Peruvian/Peru/PER} raids on [Bolivia/country] .");
  u.Link("[Chile/country]", "criticised", "Ss");
  u.Link("criticised", "raids", "Op");
  u.Link("criticised", "on", "MVp");
  u.Link("on", "[Bolivia/country]", "Js");
  INFO(u.Dump());
  CHECK(u.Has("Chile | criticise | Peruvian raids"));
  CHECK_FALSE(u.Has("Chile | criticise raids on | Bolivia"));
  // The subject's own act still carries its noun.
  HandSentence v("[Chile/country] froze its participation in [Mercosur/organization] .");
  INFO(v.Dump());
  CHECK(v.Has("Chile | freeze participation in | Mercosur"));
}

TEST_CASE("objects: one's own envoy is named by the post the act is aimed at",
          "[extract][rules]") {
  HandSentence s("[Ghana/country] recalled its ambassador to [Burkina Faso/country] .");
  s.Link("[Ghana/country]", "recalled", "Ss");
  s.Link("recalled", "ambassador", "Os");
  INFO(s.Dump());
  CHECK(s.Has("Ghana | recall | Burkina Faso"));
  // Another state's envoy is still that state: "expelled Ghana's ambassador".
  HandSentence t("[Togo/country] expelled [Ghana/country] 's ambassador .");
  INFO(t.Dump());
  CHECK(t.Has("Togo | expel | Ghana"));
}

TEST_CASE("objects: a person's description names the person in an apposition",
          "[extract][rules]") {
  HandSentence s("[Belarus/country] detained a journalist , [Andrei Kuznechik] , in "
                 "[Minsk/city] .");
  s.Link("[Belarus/country]", "detained", "Ss");
  s.Link("detained", "journalist", "Os");
  INFO(s.Dump());
  CHECK(s.Has("Belarus | detain | Andrei Kuznechik"));
  // A list after the comma is no apposition.
  HandSentence t("[Belarus/country] detained a journalist , [Andrei Kuznechik] and "
                 "[Ihar Losik] .");
  t.Link("[Belarus/country]", "detained", "Ss");
  t.Link("detained", "journalist", "Os");
  INFO(t.Dump());
  CHECK_FALSE(t.Has("Belarus | detain | Andrei Kuznechik"));
}

TEST_CASE("objects: a reciprocal verb at a place pairs its subjects", "[extract][rules]") {
  HandSentence s("[Kenya/country] and [Somalia/country] clashed on the border .");
  INFO(s.Dump());
  CHECK(s.Has("Kenya | clash | Somalia"));
  CHECK_FALSE(s.Has("Kenya | clash on | border"));
  // A thing agreed on is the object, not a place.
  HandSentence t("[Kenya/country] and [Somalia/country] agreed on a truce .");
  INFO(t.Dump());
  CHECK(t.Has("Kenya | agree on | truce"));
}

TEST_CASE("objects: people after a preposition stand for whom they follow, or end the search",
          "[extract][rules]") {
  HandSentence s("[Kenya/country] fired gas at supporters of [Raila Odinga] in "
                 "[Nairobi/city] .");
  INFO(s.Dump());
  CHECK(s.Has("Kenya | fire gas at | Raila Odinga"));
  CHECK_FALSE(s.Has("Kenya | fire gas in | Nairobi"));
  HandSentence t("[Kenya/country] fired gas at protesters in [Nairobi/city] .");
  INFO(t.Dump());
  CHECK_FALSE(t.Has("Kenya | fire gas in | Nairobi"));
}
