#include "parse/parser_word.h"

#include <catch2/catch.hpp>

#include "detente/text.h"

namespace {

using detente::Mention;

// The parser word for the mention of tokens [first, last] in `sentence`.
std::string WordFor(const std::string& sentence, int first, int last, const std::string& kind,
                    const std::string& name = "") {
  std::vector<std::string> tokens;
  for (const detente::Token& t : detente::Tokenize(sentence)) tokens.push_back(t.text);
  Mention m;
  m.first = first;
  m.last = last;
  m.kind = kind == "reference" ? detente::MentionKind::Reference()
                               : detente::ParseEntityKind(kind).value();
  m.name = name;
  for (int i = first; i <= last; ++i) m.text += (i > first ? " " : "") + tokens[i];
  return detente::ParserWord(m, tokens);
}

}  // namespace

TEST_CASE("parser word: a name is one capitalised word", "[parse]") {
  CHECK(WordFor("Abdel Fattah el-Sissi met Blinken .", 0, 2, "person") ==
        "Abdel_Fattah_el-Sissi");
  CHECK(WordFor("Kenya met the two leaders .", 0, 0, "country") == "Kenya");
}

TEST_CASE("parser word: a description takes the case of its place", "[parse]") {
  // Subjects: at the start, after a clause start, before a verb group.
  CHECK(WordFor("The two leaders met in Cairo .", 0, 2, "reference") == "they");
  CHECK(WordFor("Kenya said the two leaders would meet .", 2, 4, "reference") == "they");
  CHECK(WordFor("Kenya met the president .", 2, 3, "reference") == "him");
  CHECK(WordFor("The president met Kenya .", 0, 1, "reference") == "he");
  // Objects: after a verb or a preposition.
  CHECK(WordFor("The deal commits both governments to cut tariffs .", 3, 4, "reference") ==
        "them");
  CHECK(WordFor("Kenya met with the two leaders .", 3, 5, "reference") == "them");
  // Before a relative pronoun: "them who" does not parse.
  CHECK(WordFor("Iran released the opposition leaders who had been arrested .", 2, 4,
                "reference") == "those");
  CHECK(WordFor("Iran praised the president who resigned .", 2, 3, "reference") == "someone");
  CHECK(WordFor("Iran signed the deal that Kenya proposed .", 2, 3, "reference") ==
        "something");
  CHECK(WordFor("Iran signed the deal .", 2, 3, "reference") == "it");
}
