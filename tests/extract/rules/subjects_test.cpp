// Subjects: links, relative pronouns, positions, shared subjects. Hand-built
// sentences of our own; no parser.
#include <catch2/catch.hpp>

#include "extract/rules/hand_sentence.h"

using detente::testing::HandSentence;

TEST_CASE("subjects: the name before the verb acts, without a parse", "[extract][rules]") {
  HandSentence s("[Mette Frederiksen] visited [Nuuk/city] .");
  INFO(s.Dump());
  CHECK(s.Has("Mette Frederiksen | visit | Nuuk"));
}

TEST_CASE("subjects: an S link names the subject", "[extract][rules]") {
  HandSentence s("[Kenya/country] on Monday expelled [Tanzania/country] 's envoy .");
  s.Link("[Kenya/country]", "expelled", "Ss");
  INFO(s.Dump());
  CHECK(s.Has("Kenya | expel | Tanzania"));
}

TEST_CASE("subjects: an apposition between subject and verb is stepped over",
          "[extract][rules]") {
  HandSentence s("[Bola Tinubu] , the bloc 's chairman , rejected the ultimatum .");
  INFO(s.Dump());
  CHECK(s.Has("Bola Tinubu | reject | ultimatum"));
}

TEST_CASE("subjects: a relative pronoun stands for the name before it", "[extract][rules]") {
  HandSentence s("[Oman/country] , which mediated the exchange , hosted [Iran/country] .");
  INFO(s.Dump());
  CHECK(s.Has("Oman | mediate | exchange"));
  CHECK(s.Has("Oman | host | Iran"));
}

TEST_CASE("subjects: a name inside a prepositional phrase is not the subject",
          "[extract][rules]") {
  HandSentence s("A truce between [Armenia/country] and [Azerbaijan/country] held firm .");
  INFO(s.Dump());
  CHECK(s.Triples().empty());
}

TEST_CASE("subjects: object control and coordinated verbs share subjects", "[extract][rules]") {
  HandSentence s("[Norway/country] urged [Colombia/country] to resume talks with [ELN/organization] "
                 "and sent an envoy to [Bogota/city] .");
  INFO(s.Dump());
  CHECK(s.Has("Norway | urge | Colombia"));
  const detente::RawEvent* resume = s.Find("Colombia | resume talks with | ELN");
  REQUIRE(resume);
  CHECK(resume->modality == detente::Modality::kPossible);
  CHECK(s.Has("Norway | send envoy to | Bogota"));
}

TEST_CASE("subjects: a participle after a comma shares the clause's subject",
          "[extract][rules]") {
  HandSentence s("[Lee Jae-myung] arrived in [Tokyo/city] , meeting [Shigeru Ishiba] .");
  INFO(s.Dump());
  CHECK(s.Has("Lee Jae-myung | meet | Shigeru Ishiba"));
}

TEST_CASE("subjects: an inverted subject counts only after a reporting verb",
          "[extract][rules]") {
  HandSentence s("[Estonia/country] held four hours of talks .");
  s.Link("held", "hours", "SIpj");
  INFO(s.Dump());
  for (const std::string& t : s.Triples()) CHECK(t.find("hours |") == std::string::npos);
}

TEST_CASE("subjects: 'who' after an apposition stands for the name, and its verb is a verb",
          "[extract][rules]") {
  // Unparsed: "takes" after "who" is read as a verb, not as a noun.
  HandSentence bare("[Lula] , a former union leader who takes office today , praised [Chile/country] .");
  INFO(bare.Dump());
  CHECK(bare.Has("Lula | take office | -"));
  // Parsed: the parser links "who" to the noun of the apposition.
  HandSentence linked("[Lula] , a former union leader who takes office today , praised [Chile/country] .");
  linked.Link("leader", "who", "R").Link("[Lula]", "leader", "MXs");
  INFO(linked.Dump());
  CHECK(linked.Has("Lula | take office | -"));
  CHECK_FALSE(linked.Has("leader | take office | -"));
}

TEST_CASE("subjects: 'to meet X' after a planned trip is a purpose, planned too",
          "[extract][rules]") {
  // The parser may tag "meet" a noun ("a track meet"); a bare verb before a name is a verb.
  HandSentence s("[William Ruto] will travel to [Paris/city] on Monday to meet [Emmanuel Macron] .");
  s.Time(5, 6, "on Monday");
  INFO(s.Dump());
  const detente::RawEvent* e = s.Find("William Ruto | meet | Emmanuel Macron");
  REQUIRE(e);
  CHECK(e->modality == detente::Modality::kFuture);
}

TEST_CASE("subjects: 'the NAME group of NOUNs' is the named group, even linked from its last noun",
          "[extract][rules]") {
  HandSentence s("the [G7/organization] group of emerging democracies agreed to sanction [Belarus/country] .");
  s.Link("democracies", "agreed", "Sp").Link("agreed", "to", "TO").Link("to", "sanction", "I");
  INFO(s.Dump());
  CHECK(s.Has("G7 | agree to sanction | Belarus"));
  CHECK_FALSE(s.Has("democracies | agree to sanction | Belarus"));
}

TEST_CASE("subjects: a link over ', after' to a verb with its own noun before it is a misparse",
          "[extract][rules]") {
  HandSentence s("[Jordan/country] vowed to respond , after a drone strike killed three "
                 "[American soldiers/country/USA/MIL] .");
  s.Link("[Jordan/country]", "killed", "Ss").Link("killed", "[American soldiers/country/USA/MIL]", "Op");
  INFO(s.Dump());
  CHECK_FALSE(s.Has("Jordan | kill | American soldiers"));
  // Without the clause break the link stands: "Jordan's army ... killed".
  HandSentence plain("[Jordan/country] killed three [American soldiers/country/USA/MIL] .");
  plain.Link("[Jordan/country]", "killed", "Ss");
  INFO(plain.Dump());
  CHECK(plain.Has("Jordan | kill | American soldiers"));
}

TEST_CASE("subjects: the verb after a reduced passive's agent phrase is what it modifies",
          "[extract][rules]") {
  HandSentence s("[Turkish troops/country/TUR/MIL] backed by warplanes and artillery pushed into "
                 "[Iraq/country] on Tuesday .");
  INFO(s.Dump());
  CHECK(s.Has("Turkish troops | push into | Iraq"));
}

TEST_CASE("subjects: a state after 'of' inside the linked subject's phrase does not replace it",
          "[extract][rules]") {
  HandSentence s("[Ana Brnabic] of [Serbia/country] met [Viktor Orban] .");
  s.Link("[Ana Brnabic]", "met", "Ss");
  s.Link("[Ana Brnabic]", "of", "Mp");
  s.Link("of", "[Serbia/country]", "Js");
  INFO(s.Dump());
  CHECK(s.Has("Ana Brnabic | meet | Viktor Orban"));
  CHECK_FALSE(s.Has("Serbia | meet | Viktor Orban"));
}

TEST_CASE("subjects: after a named object, only a verb of asking hands it the infinitive",
          "[extract][rules]") {
  // "met X to discuss": the purpose is the subject's.
  HandSentence met("[Mark Rutte] met [Petteri Orpo] to discuss [Russia/country] .");
  INFO(met.Dump());
  CHECK(met.Has("Mark Rutte | discuss | Russia"));
  CHECK_FALSE(met.Has("Petteri Orpo | discuss | Russia"));
  // "asked X to visit": the request is X's to carry out.
  HandSentence asked("[Mark Rutte] asked [Petteri Orpo] to visit [Kyiv/city] .");
  INFO(asked.Dump());
  CHECK(asked.Has("Petteri Orpo | visit | Kyiv"));
}

TEST_CASE("subjects: an -ing clause after a noun's preposition belongs to the noun",
          "[extract][rules]") {
  HandSentence s("[Georgia/country] suspended talks on joining [European Union/organization] .");
  INFO(s.Dump());
  CHECK_FALSE(s.Has("Georgia | join | European Union"));
  // "by" says how the verb's act was done: the clause is the subject's.
  HandSentence t("[Ali Bongo] breached the constitution by appointing [Paul Biyoghe] .");
  INFO(t.Dump());
  CHECK(t.Has("Ali Bongo | appoint | Paul Biyoghe"));
  // After a time, too: "on Monday after meeting".
  HandSentence u("[Ali Bongo] arrived in [Paris/city] on Monday after meeting [Paul Biya] .");
  u.Time(5, 6, "on Monday");
  INFO(u.Dump());
  CHECK(u.Has("Ali Bongo | meet | Paul Biya"));
}

TEST_CASE("subjects: a companion set off by commas acts with the subject", "[extract][rules]") {
  HandSentence s("[Emmanuel Macron] , alongside [Olaf Scholz] , met [Xi Jinping] .");
  s.Link("[Emmanuel Macron]", "met", "Ss");
  INFO(s.Dump());
  CHECK(s.Has("Emmanuel Macron | meet | Xi Jinping"));
  CHECK(s.Has("Olaf Scholz | meet | Xi Jinping"));
  HandSentence t("[Iran/country] , together with [Russia/country] and [China/country] , "
                 "expelled [Lithuania/country] 's envoy .");
  INFO(t.Dump());
  CHECK(t.Has("Russia | expel | Lithuania"));
  CHECK(t.Has("China | expel | Lithuania"));
}
