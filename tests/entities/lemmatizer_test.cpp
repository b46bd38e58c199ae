#include "entities/lemmatizer.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace detente;

TEST_CASE("lemmatizer: irregular and regular verbs from WordNet", "[extract][lemma]") {
  auto lem = Lemmatizer::Load();
  REQUIRE(lem.ok());
  CHECK(lem->Verb("met") == "meet");
  CHECK(lem->Verb("fled") == "flee");
  CHECK(lem->Verb("held") == "hold");
  CHECK(lem->Verb("travelling") == "travel");
  CHECK(lem->Verb("traveled") == "travel");
  CHECK(lem->Verb("resigned") == "resign");
  CHECK(lem->Verb("recognised") == "recognise");
  CHECK(lem->Verb("Accused") == "accuse");
  CHECK(lem->Verb("hopes") == "hope");
  CHECK(lem->Verb("unknownverbing") == "unknownverbing");
  CHECK(lem->Noun("visits") == "visit");
  CHECK(lem->Noun("sanctions") == "sanction");
  CHECK(lem->IsVerb("meet"));
  CHECK_FALSE(lem->IsVerb("blinken"));
}

TEST_CASE("lemmatizer: of two base forms, the one spelling allows and texts use more",
          "[extract][lemma]") {
  auto lem = Lemmatizer::Load();
  REQUIRE(lem.ok());
  // "hop" + "ed" would be "hopped": "hoped", "taped" and "stared" keep their e.
  CHECK(lem->Verb("hoped") == "hope");
  CHECK(lem->Verb("taped") == "tape");
  CHECK(lem->Verb("stared") == "stare");
  CHECK(lem->Verb("hopped") == "hop");
  // Both spellings possible: the reading WordNet's tagged texts saw.
  CHECK(lem->Verb("routed") == "rout");
  CHECK(lem->Verb("visited") == "visit");
}

TEST_CASE("lemmatizer: a missing WordNet directory is an IO error", "[extract][lemma]") {
  auto lem = Lemmatizer::Load("/nonexistent/wordnet");
  REQUIRE_FALSE(lem.ok());
  CHECK(lem.status().code() == Status::Code::kIOError);
}

TEST_CASE("lemmatizer: verbs that hand an infinitive to the person after them",
          "[extract][lemma]") {
  auto lem = Lemmatizer::Load();
  REQUIRE(lem.ok());
  for (const char* v : {"urge", "ask", "force", "persuade", "allow", "order", "instruct"})
    CHECK(lem->TakesObjectInfinitive(v));
  for (const char* v : {"meet", "summon", "visit", "host", "travel"})
    CHECK_FALSE(lem->TakesObjectInfinitive(v));
  CHECK_FALSE(lem->TakesObjectInfinitive("unknownverb"));
}

TEST_CASE("lemmatizer: the verbs a noun is derived from", "[extract][lemma]") {
  auto lem = Lemmatizer::Load();
  REQUIRE(lem.ok());
  auto has = [](const std::vector<std::string>& v, const std::string& w) {
    return std::find(v.begin(), v.end(), w) != v.end();
  };
  CHECK(has(lem->VerbsOfNoun("delivery"), "deliver"));
  CHECK(has(lem->VerbsOfNoun("supply"), "supply"));
  CHECK(lem->VerbsOfNoun("unknownnoun").empty());
}
