#include "extract/rules/hand_sentence.h"

#include <catch2/catch.hpp>

#include <sstream>

#include "entities/gazetteer.h"
#include "entities/lexicon.h"
#include "entities/lemmatizer.h"

namespace detente::testing {
namespace {

std::vector<std::string> SplitOnSlash(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string part;
  while (std::getline(ss, part, '/')) out.push_back(part);
  return out;
}

}  // namespace

const WordKnowledge& Knowledge() {
  static const Lexicon lexicon = [] {
    auto dir = Gazetteer::FindDataDir("");
    REQUIRE(dir.ok());
    auto lex = Lexicon::Load(*dir);
    REQUIRE(lex.ok());
    return std::move(lex.value());
  }();
  static const Lemmatizer lemmas = [] {
    auto lem = Lemmatizer::Load();
    REQUIRE(lem.ok());
    return std::move(lem.value());
  }();
  static const WordKnowledge k{&lexicon, &lemmas};
  return k;
}

HandSentence::HandSentence(const std::string& text) {
  std::string rest = text;
  std::vector<std::pair<size_t, Mention>> modifiers;  // token, the state it names
  size_t i = 0;
  while (i < rest.size()) {
    if (rest[i] == ' ') {
      ++i;
      continue;
    }
    std::string written;
    if (rest[i] == '[') {
      size_t close = rest.find(']', i);
      REQUIRE(close != std::string::npos);
      written = rest.substr(i, close - i + 1);
      i = close + 1;
      std::vector<std::string> parts = SplitOnSlash(written.substr(1, written.size() - 2));
      Mention m;
      m.text = parts[0];
      const std::string kind = parts.size() > 1 ? parts[1] : "person";
      if (kind == "reference") {
        m.kind = MentionKind::Reference();
      } else {
        REQUIRE(ParseEntityKind(kind));  // a typo in a test's kind is the test's bug
        m.kind = *ParseEntityKind(kind);
      }
      m.country = parts.size() > 2 ? parts[2] : "";
      if (parts.size() > 3) {
        REQUIRE(ParseRole(parts[3]));  // a typo in a test's role is the test's bug
        m.role = *ParseRole(parts[3]);
      }
      m.name = m.kind.is_reference() ? "" : m.text;
      int first = static_cast<int>(s_.tokens.size());
      std::stringstream words(m.text);
      std::string token;
      while (words >> token) s_.tokens.push_back(token);
      m.first = first;
      m.last = static_cast<int>(s_.tokens.size()) - 1;
      s_.word_first.push_back(first);
      s_.word_mention.push_back(static_cast<int>(s_.mentions.size()));
      std::string word = m.text;
      for (char& c : word)
        if (c == ' ') c = '_';
      s_.words.push_back(m.kind.is_reference() ? m.text : word);
      s_.mentions.push_back(m);
    } else {
      size_t end = rest.find(' ', i);
      if (end == std::string::npos) end = rest.size();
      written = rest.substr(i, end - i);
      i = end;
      std::string word = written;
      if (written.front() == '{' && written.back() == '}') {
        // "{Moroccan/Morocco/MAR}": a word naming a state as a modifier.
        std::vector<std::string> parts = SplitOnSlash(written.substr(1, written.size() - 2));
        REQUIRE(parts.size() == 3);
        word = parts[0];
        Mention d;
        d.name = parts[1];
        d.text = parts[0];
        d.kind = EntityKind::kCountry;
        d.country = parts[2];
        modifiers.emplace_back(s_.tokens.size(), d);
      }
      s_.word_first.push_back(static_cast<int>(s_.tokens.size()));
      s_.tokens.push_back(word);
      s_.words.push_back(word);
      s_.word_mention.push_back(-1);
    }
    written_.push_back(written);
  }
  s_.token_modifier.resize(s_.tokens.size());
  for (auto& [token, d] : modifiers) s_.token_modifier[token] = d;
  s_.token_partner.resize(s_.tokens.size());
}

int HandSentence::WordIndex(const std::string& written) const {
  for (size_t i = 0; i < written_.size(); ++i)
    if (written_[i] == written || written_[i].rfind(written.substr(0, written.size() - 1), 0) == 0)
      return static_cast<int>(i);
  FAIL("no word " << written);
  return -1;
}

HandSentence& HandSentence::Link(const std::string& left, const std::string& right,
                                 const std::string& label) {
  if (!s_.parse) {
    s_.parse.emplace();
    for (size_t i = 0; i < s_.words.size(); ++i)
      s_.parse->words.push_back({s_.words[i], static_cast<int>(i)});
  }
  s_.parse->links.push_back({WordIndex(left), WordIndex(right), label});
  return *this;
}

HandSentence& HandSentence::Time(int first, int last, const std::string& text) {
  TimeExpr t;
  t.first = first;
  t.last = last;
  t.text = text;
  s_.times.push_back(t);
  return *this;
}

std::vector<RawEvent> HandSentence::Events() const {
  if (events_.empty()) events_ = ExtractEvents(s_, Knowledge());
  return events_;
}

std::vector<std::string> HandSentence::Triples() const {
  std::vector<std::string> out;
  for (const RawEvent& e : Events()) {
    std::string actor = e.actor >= 0 ? s_.mentions[e.actor].name
                        : e.actor_modifier ? e.actor_modifier->name
                                           : "?";
    std::string object = e.object >= 0          ? s_.mentions[e.object].name
                         : e.object_modifier    ? e.object_modifier->name
                         : e.object_text.empty() ? "-"
                                                 : e.object_text;
    out.push_back(actor + " | " + e.action + " | " + object);
  }
  return out;
}

bool HandSentence::Has(const std::string& triple) const { return Find(triple) != nullptr; }

const RawEvent* HandSentence::Find(const std::string& triple) const {
  std::vector<std::string> all = Triples();
  for (size_t i = 0; i < all.size(); ++i)
    if (all[i] == triple) return &events_[i];
  return nullptr;
}

std::string HandSentence::Dump() const {
  std::string out;
  for (const std::string& t : Triples()) out += t + "\n";
  return out.empty() ? "(no events)\n" : out;
}

}  // namespace detente::testing
