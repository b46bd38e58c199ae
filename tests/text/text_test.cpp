#include "detente/text.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <random>
#include <string>
#include <vector>

namespace detente {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const SentenceSpan& s : SplitSentences(text)) out.emplace_back(s.text(text));
  return out;
}

std::vector<std::string> Words(std::string_view sentence) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(sentence)) out.push_back(t.text);
  return out;
}

using V = std::vector<std::string>;

// The invariants every span and token must keep, whatever the input.
void CheckInvariants(std::string_view text) {
  size_t last_end = 0;
  for (const SentenceSpan& s : SplitSentences(text)) {
    REQUIRE(s.begin < s.end);
    REQUIRE(s.end <= text.size());
    REQUIRE(s.begin >= last_end);
    last_end = s.end;
    std::string_view sent = s.text(text);
    size_t last_tok = 0;
    for (const Token& t : Tokenize(sent)) {
      REQUIRE(t.begin < t.end);
      REQUIRE(t.end <= sent.size());
      REQUIRE(t.begin >= last_tok);
      REQUIRE(sent.substr(t.begin, t.end - t.begin) == t.text);
      last_tok = t.end;
    }
  }
}

TEST_CASE("text: IsValidUtf8 accepts well-formed text", "[text]") {
  CHECK(IsValidUtf8(""));
  CHECK(IsValidUtf8("plain ASCII"));
  CHECK(IsValidUtf8("Erdo\xC4\x9F" "an S\xC3\xA1nchez"));          // ğ á
  CHECK(IsValidUtf8("\xE2\x80\x9Cquote\xE2\x80\x9D"));             // “ ”
  CHECK(IsValidUtf8("\xF0\x9F\x98\x80"));                          // U+1F600
  CHECK(IsValidUtf8("\xF4\x8F\xBF\xBF"));                          // U+10FFFF
  CHECK(IsValidUtf8("\xEF\xBF\xBF"));                              // U+FFFF
}

TEST_CASE("text: IsValidUtf8 rejects ill-formed sequences", "[text]") {
  CHECK_FALSE(IsValidUtf8("\x80"));                  // stray continuation
  CHECK_FALSE(IsValidUtf8("\xC0\xAF"));              // overlong '/'
  CHECK_FALSE(IsValidUtf8("\xC1\xBF"));              // overlong
  CHECK_FALSE(IsValidUtf8("\xE0\x80\xAF"));          // overlong 3-byte
  CHECK_FALSE(IsValidUtf8("\xF0\x80\x80\xAF"));      // overlong 4-byte
  CHECK_FALSE(IsValidUtf8("\xED\xA0\x80"));          // surrogate U+D800
  CHECK_FALSE(IsValidUtf8("\xED\xBF\xBF"));          // surrogate U+DFFF
  CHECK_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));      // U+110000
  CHECK_FALSE(IsValidUtf8("\xF5\x80\x80\x80"));      // lead byte too high
  CHECK_FALSE(IsValidUtf8("\xFF"));
  CHECK_FALSE(IsValidUtf8("abc\xC3"));               // truncated at the end
  CHECK_FALSE(IsValidUtf8("\xE2\x80"));              // truncated 3-byte
  CHECK_FALSE(IsValidUtf8("\xC3\x28"));              // bad continuation
  CHECK_FALSE(IsValidUtf8(std::string_view("a\0\xFE", 3)));
}

TEST_CASE("text: NormalizeText cleans whitespace and control characters", "[text]") {
  CHECK(NormalizeText("a\r\nb\rc") == "a\nb\nc");
  CHECK(NormalizeText("a\xC2\xA0" "b") == "a b");                  // NBSP
  CHECK(NormalizeText("a\xE2\x80\xAF" "b") == "a b");              // narrow NBSP
  CHECK(NormalizeText("\xEF\xBB\xBFHello") == "Hello");            // BOM dropped
  CHECK(NormalizeText("a\xE2\x80\x8B" "b") == "ab");               // zero-width space
  CHECK(NormalizeText("a\xE2\x80\xA8" "b") == "a\nb");             // U+2028
  CHECK(NormalizeText("a\xE2\x80\xA9" "b") == "a\n\nb");           // U+2029
  CHECK(NormalizeText("a\x01\x02" "b") == "a b");                  // controls
  CHECK(NormalizeText("a \t  b") == "a b");                        // collapsed
  CHECK(NormalizeText("a   \nb  ") == "a\nb");                     // trailing trimmed
  CHECK(NormalizeText("a\xFF" "b") == "a b");                      // invalid byte
  CHECK(NormalizeText("a\xED\xA0\x80" "b") == "a b");              // surrogate bytes
  CHECK(NormalizeText("a\xC2\x85" "b") == "a\nb");                 // NEL
}

TEST_CASE("text: NormalizeText keeps letters, quotes and dashes", "[text]") {
  std::string s =
      "Erdo\xC4\x9F" "an \xE2\x80\x94 S\xC3\xA1nchez said \xE2\x80\x9Cno\xE2\x80\x9D "
      "\xE2\x80\x93 Ramaphosa\n\nNext";
  CHECK(NormalizeText(s) == s);
  CHECK(IsValidUtf8(NormalizeText("x\xC3\x28\xE2\x80\xF0\x9F y")));
}

TEST_CASE("text: SplitSentences splits plain prose", "[text]") {
  CHECK(Sentences("Blinken arrived. He met Sissi! Was it useful? Nobody knows.") ==
        V{"Blinken arrived.", "He met Sissi!", "Was it useful?", "Nobody knows."});
  CHECK(Sentences("  One sentence without a stop  ") == V{"One sentence without a stop"});
  CHECK(Sentences("").empty());
  CHECK(Sentences(" \n\n \t ").empty());
}

TEST_CASE("text: SplitSentences keeps titles, months and initials", "[text]") {
  CHECK(Sentences("Gen. Charles Brown and Lt. Col. Ann Reed met Sen. Jim Risch. Talks ended.") ==
        V{"Gen. Charles Brown and Lt. Col. Ann Reed met Sen. Jim Risch.", "Talks ended."});
  CHECK(Sentences("Mr. Gantz and Mrs. Meir spoke to Dr. Tedros and Gov. Hochul.") ==
        V{"Mr. Gantz and Mrs. Meir spoke to Dr. Tedros and Gov. Hochul."});
  CHECK(Sentences("The vote is set for Jan. 5 and talks for Sept. 12. Both may slip.") ==
        V{"The vote is set for Jan. 5 and talks for Sept. 12.", "Both may slip."});
  CHECK(Sentences("John F. Kennedy met Nikita Khrushchev in Vienna. It went badly.") ==
        V{"John F. Kennedy met Nikita Khrushchev in Vienna.", "It went badly."});
  CHECK(Sentences("He lives at No. 10 Downing Street. Rep. Smith agreed.") ==
        V{"He lives at No. 10 Downing Street.", "Rep. Smith agreed."});
  CHECK(Sentences("Please turn to p. 55. The map is on pp. 12-13.") ==
        V{"Please turn to p. 55.", "The map is on pp. 12-13."});
}

TEST_CASE("text: SplitSentences handles U.S. and other dotted acronyms", "[text]") {
  CHECK(Sentences("U.S. Secretary of State Antony Blinken met U.N. officials in the U.K. capital.") ==
        V{"U.S. Secretary of State Antony Blinken met U.N. officials in the U.K. capital."});
  CHECK(Sentences("The E.U. Commission and the U.S. Treasury agreed.") ==
        V{"The E.U. Commission and the U.S. Treasury agreed."});
  // An acronym that really ends a sentence: split before a typical opener.
  CHECK(Sentences("Sanctions were imposed by the U.S. The measures take effect today.") ==
        V{"Sanctions were imposed by the U.S.", "The measures take effect today."});
  CHECK(Sentences("He flew to the U.S.\nSecretary Blinken waited.") ==
        V{"He flew to the U.S.", "Secretary Blinken waited."});
  CHECK(Sentences("Talks began at 9 a.m. The delegates left at 5 p.m. on Friday.") ==
        V{"Talks began at 9 a.m.", "The delegates left at 5 p.m. on Friday."});
  CHECK(Sentences("It owns Acme Inc. and Foo Corp. The analysts approved.") ==
        V{"It owns Acme Inc. and Foo Corp.", "The analysts approved."});
}

TEST_CASE("text: SplitSentences keeps decimals, ellipses and mid-sentence stops", "[text]") {
  CHECK(Sentences("Growth was 3.5 percent, down from 4.1 percent. Officials said so.") ==
        V{"Growth was 3.5 percent, down from 4.1 percent.", "Officials said so."});
  CHECK(Sentences("He paused... and then went on. Nobody spoke.") ==
        V{"He paused... and then went on.", "Nobody spoke."});
  CHECK(Sentences("He paused... Then he left.") == V{"He paused...", "Then he left."});
  CHECK(Sentences("He paused\xE2\x80\xA6 Then he left.") ==
        V{"He paused\xE2\x80\xA6", "Then he left."});
  CHECK(Sentences("See example.com for more. Then leave.") ==
        V{"See example.com for more.", "Then leave."});
  CHECK(Sentences("It cost $1.2bn in 2024. Critics objected.") ==
        V{"It cost $1.2bn in 2024.", "Critics objected."});
}

TEST_CASE("text: SplitSentences keeps closing quotes and brackets with their sentence", "[text]") {
  CHECK(Sentences("\"We will not back down,\" he said. \"Never.\" Then he left.") ==
        V{"\"We will not back down,\" he said.", "\"Never.\"", "Then he left."});
  CHECK(Sentences("She said \xE2\x80\x9Cthe deal is dead.\xE2\x80\x9D Talks collapsed.") ==
        V{"She said \xE2\x80\x9Cthe deal is dead.\xE2\x80\x9D", "Talks collapsed."});
  CHECK(Sentences("\"Why now?\" Blinken asked. He got no answer.") ==
        V{"\"Why now?\" Blinken asked.", "He got no answer."});
  CHECK(Sentences("\xE2\x80\x9C" "Enough!\xE2\x80\x9D she shouted. The room fell silent.") ==
        V{"\xE2\x80\x9C" "Enough!\xE2\x80\x9D she shouted.", "The room fell silent."});
  CHECK(Sentences("The talks failed (again.) A new round starts.") ==
        V{"The talks failed (again.)", "A new round starts."});
  CHECK(Sentences("He left. \xE2\x80\x9CIt is over,\xE2\x80\x9D an aide said.") ==
        V{"He left.", "\xE2\x80\x9CIt is over,\xE2\x80\x9D an aide said."});
}

TEST_CASE("text: SplitSentences does not split at dashes or non-ASCII names", "[text]") {
  CHECK(Sentences("Erdo\xC4\x9F" "an \xE2\x80\x94 and S\xC3\xA1nchez \xE2\x80\x94 met "
                  "Ramaphosa in Ankara. They agreed.") ==
        V{"Erdo\xC4\x9F" "an \xE2\x80\x94 and S\xC3\xA1nchez \xE2\x80\x94 met Ramaphosa in Ankara.",
          "They agreed."});
  CHECK(Sentences("Talks resumed \xE2\x80\x94 briefly. \xC3\x89milie Dubois spoke.") ==
        V{"Talks resumed \xE2\x80\x94 briefly.", "\xC3\x89milie Dubois spoke."});
}

TEST_CASE("text: SplitSentences uses line breaks for headlines and paragraphs", "[text]") {
  CHECK(Sentences("Blinken arrives in Cairo\nThe U.S. envoy met Sissi. He left.") ==
        V{"Blinken arrives in Cairo", "The U.S. envoy met Sissi.", "He left."});
  CHECK(Sentences("First paragraph without a stop\n\nSecond one") ==
        V{"First paragraph without a stop", "Second one"});
  CHECK(Sentences("A paragraph ends with Gen.\n\nNext paragraph.") ==
        V{"A paragraph ends with Gen.", "Next paragraph."});
  CHECK(Sentences("Line one\r\n\r\nLine two") == V{"Line one", "Line two"});
  CHECK(Sentences("Line one\r\nLine two") == V{"Line one", "Line two"});
  // Hard-wrapped prose continues across a single line break.
  CHECK(Sentences("The envoy met the\nprime minister, who\nagreed to talks.") ==
        V{"The envoy met the\nprime minister, who\nagreed to talks."});
  CHECK(Sentences("Leaders gathered in Brussels,\nParis and Rome.") ==
        V{"Leaders gathered in Brussels,\nParis and Rome."});
  // A hard-wrapped paragraph keeps its line breaks inside sentences, even
  // before a capitalised name, but still splits at full stops.
  CHECK(Sentences("The secretary of state met Egyptian President\n"
                  "Abdel Fattah el-Sissi in Cairo on Monday and then\n"
                  "flew on to Israel. He will visit Jordan and Qatar\n"
                  "later in the week.\n\nNew paragraph") ==
        V{"The secretary of state met Egyptian President\nAbdel Fattah el-Sissi in Cairo on "
          "Monday and then\nflew on to Israel.",
          "He will visit Jordan and Qatar\nlater in the week.", "New paragraph"});
  // Lines of headlines are not a wrapped paragraph.
  CHECK(Sentences("Talks resume in Doha\nGantz quits War Cabinet\nOrban visits Kyiv") ==
        V{"Talks resume in Doha", "Gantz quits War Cabinet", "Orban visits Kyiv"});
  CHECK(Sentences("Headline here\nFirst sentence.\nSecond sentence.\nThird one") ==
        V{"Headline here", "First sentence.", "Second sentence.", "Third one"});
}

TEST_CASE("text: SplitSentences spans point into the input without surrounding space",
          "[text]") {
  std::string text = "  First one.   Second one!\n\n  Third one?  ";
  auto spans = SplitSentences(text);
  REQUIRE(spans.size() == 3);
  CHECK(spans[0].begin == 2);
  CHECK(spans[0].text(text) == "First one.");
  CHECK(spans[1].text(text) == "Second one!");
  CHECK(spans[2].text(text) == "Third one?");
  CHECK(spans[2].end == text.size() - 2);
  CheckInvariants(text);
}

TEST_CASE("text: Tokenize keeps abbreviations, names and numbers whole", "[text]") {
  CHECK(Words("U.S. Secretary of State Antony Blinken met Abdel Fattah el-Sissi.") ==
        V{"U.S.", "Secretary", "of", "State", "Antony", "Blinken", "met", "Abdel", "Fattah",
          "el-Sissi", "."});
  CHECK(Words("Gen. Brown met Erdo\xC4\x9F" "an and S\xC3\xA1nchez in Ankara.") ==
        V{"Gen.", "Brown", "met", "Erdo\xC4\x9F" "an", "and", "S\xC3\xA1nchez", "in", "Ankara",
          "."});
  CHECK(Words("About 10,000 troops and 3.5 percent of 1,250,000 people") ==
        V{"About", "10,000", "troops", "and", "3.5", "percent", "of", "1,250,000", "people"});
  CHECK(Words("John F. Kennedy") == V{"John", "F.", "Kennedy"});
  CHECK(Words("at 9 a.m. on Jan. 5") == V{"at", "9", "a.m.", "on", "Jan.", "5"});
  CHECK(Words("a three-phase plan for Nagorno-Karabakh") ==
        V{"a", "three-phase", "plan", "for", "Nagorno-Karabakh"});
  CHECK(Words("Donal O'Brien and AT&T") == V{"Donal", "O'Brien", "and", "AT&T"});
  CHECK(Words("No. 10 said no.") == V{"No.", "10", "said", "no", "."});
  CHECK(Words("at 10:30 GMT: talks") == V{"at", "10:30", "GMT", ":", "talks"});
  CHECK(Words("the 1950-53 war and U.S.-Russian talks") ==
        V{"the", "1950-53", "war", "and", "U.S.", "-", "Russian", "talks"});
}

TEST_CASE("text: Tokenize splits clitics", "[text]") {
  CHECK(Words("Israel's War Cabinet") == V{"Israel", "'s", "War", "Cabinet"});
  CHECK(Words("Israel\xE2\x80\x99s cabinet") == V{"Israel", "\xE2\x80\x99s", "cabinet"});
  CHECK(Words("Hamas didn't respond") == V{"Hamas", "did", "n't", "respond"});
  CHECK(Words("It won\xE2\x80\x99t happen") == V{"It", "wo", "n\xE2\x80\x99t", "happen"});
  CHECK(Words("They're sure we'll see") == V{"They", "'re", "sure", "we", "'ll", "see"});
  CHECK(Words("the leaders' summit") == V{"the", "leaders", "'", "summit"});
  CHECK(Words("O'Brien's view") == V{"O'Brien", "'s", "view"});
  // Clitics already separated upstream stay one token; quotes stay quotes.
  CHECK(Words("People 's Republic") == V{"People", "'s", "Republic"});
  CHECK(Words("did n't go , Israel \xE2\x80\x99s") ==
        V{"did", "n't", "go", ",", "Israel", "\xE2\x80\x99s"});
  CHECK(Words("the 'smart' bomb 's") == V{"the", "'", "smart", "'", "bomb", "'s"});
  CHECK(Words("'sorry'") == V{"'", "sorry", "'"});
}

TEST_CASE("text: Tokenize separates punctuation", "[text]") {
  CHECK(Words("\"We will not,\" he said; (really) [yes]: no") ==
        V{"\"", "We", "will", "not", ",", "\"", "he", "said", ";", "(", "really", ")", "[",
          "yes", "]", ":", "no"});
  CHECK(Words("\xE2\x80\x9CPeace\xE2\x80\x9D \xE2\x80\x94 or war\xE2\x80\x93maybe") ==
        V{"\xE2\x80\x9C", "Peace", "\xE2\x80\x9D", "\xE2\x80\x94", "or", "war", "\xE2\x80\x93",
          "maybe"});
  CHECK(Words("\xE2\x80\x98quoted\xE2\x80\x99 words") ==
        V{"\xE2\x80\x98", "quoted", "\xE2\x80\x99", "words"});
  CHECK(Words("Wait... what?! Go -- now") ==
        V{"Wait", "...", "what", "?", "!", "Go", "--", "now"});
  CHECK(Words("He left Washington.") == V{"He", "left", "Washington", "."});
  CHECK(Words("It costs $5, or 20%.") == V{"It", "costs", "$", "5", ",", "or", "20", "%", "."});
}

TEST_CASE("text: Tokenize offsets point into the sentence", "[text]") {
  std::string s = "  \xE2\x80\x9C" "Erdo\xC4\x9F" "an\xE2\x80\x99s plan,\xE2\x80\x9D  U.S. said.";
  auto toks = Tokenize(s);
  REQUIRE(toks.size() == 9);
  CHECK(toks[0].begin == 2);
  CHECK(toks[1].text == "Erdo\xC4\x9F" "an");
  CHECK(toks[2].text == "\xE2\x80\x99s");
  for (const Token& t : toks) {
    CHECK(t.end > t.begin);
    CHECK(s.substr(t.begin, t.end - t.begin) == t.text);
  }
  CHECK(toks.back().text == ".");
  CHECK(toks.back().end == s.size());
  CHECK(Tokenize("").empty());
  CHECK(Tokenize(" \t\n").empty());
}

TEST_CASE("text: every function survives random bytes", "[text]") {
  std::mt19937 rng(12345);
  // Bytes biased towards the characters the scanners branch on.
  const std::string alphabet =
      "aZ .?!,'\"-()\n\r\t\xE2\x80\x9C\x9D\x99\x94\xA6\xC3\xA1\xF0\x9F\xED\xA0\xFF\x00\x80";
  std::uniform_int_distribution<int> len(0, 200);
  std::uniform_int_distribution<int> any_byte(0, 255);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    int n = len(rng);
    for (int i = 0; i < n; ++i) {
      s.push_back(round % 2 ? static_cast<char>(any_byte(rng)) : alphabet[pick(rng)]);
    }
    std::string norm = NormalizeText(s);
    REQUIRE(IsValidUtf8(norm));
    REQUIRE(NormalizeText(norm) == norm);  // idempotent
    (void)IsValidUtf8(s);
    CheckInvariants(s);
    CheckInvariants(norm);
  }
  // Edge inputs: lone stops, lone quotes, truncated sequences.
  for (std::string s : {".", "?", "\"", "\xE2\x80", "\xE2", "U.", "a.", "'s", "n't", "-", "...",
                        "\n", "\r", "\xE2\x80\x99", "No.", "U.S.", "\n.\n", "a'"}) {
    CheckInvariants(s);
    CHECK(IsValidUtf8(NormalizeText(s)));
  }
}

TEST_CASE("text: splitting and tokenising is fast enough", "[text]") {
  std::string para =
      "U.S. Secretary of State Antony Blinken met Egyptian President Abdel Fattah el-Sissi in "
      "Cairo on Monday. \xE2\x80\x9CWe want a deal,\xE2\x80\x9D he said. Gen. Brown didn't "
      "comment on the 3.5 percent figure.\n";
  std::string text;
  for (int i = 0; i < 1000; ++i) text += para;
  auto start = std::chrono::steady_clock::now();
  std::string norm = NormalizeText(text);
  size_t tokens = 0;
  auto spans = SplitSentences(norm);
  for (const SentenceSpan& s : spans) tokens += Tokenize(s.text(norm)).size();
  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(spans.size() == 3000);
  CHECK(tokens == 38000);
  CHECK(secs < 2.0);  // about 1,500 sentences a second at worst, even under sanitizers
}

}  // namespace
}  // namespace detente
