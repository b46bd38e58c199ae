// Events from Link Grammar linkages.
//
// For every content verb: its subject (S links, through auxiliaries,
// infinitives, verb coordination and relative pronouns, else the subject of
// the clause it hangs from), its object (O links, passives' surface subject,
// prepositional objects), then negation, modality, place and time. Light
// verbs ("held talks with") take their noun into the action.
#include "extract/events.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "entities/words.h"

namespace detente {
namespace {

// Verbs that report or judge rather than act; never events on their own.
const std::unordered_set<std::string> kSkipVerbs = {
    "say", "tell", "add", "describe", "insist", "claim", "believe", "think", "note", "see",
    "seem", "remain", "become", "come", "be", "have", "do", "include", "get", "know",
    "show", "face", "cite", "hint", "stress", "express", "mark", "call", "consider",
    "appear", "look", "feel", "hang", "complicate", "embolden", "harden", "prove", "lie",
    "want", "like", "hope", "expect", "run", "wail", "result", "ease", "end", "find",
    "reflect", "stand", "keep", "emerge", "aim", "involve", "inform", "divide", "recover",
    "erupt", "collapse", "break", "take", "mean", "allow", "riding", "ride", "trigger",
    "spark", "go", "wait", "complain", "obstruct", "fear", "suggest", "indicate", "argue",
    "warn", "confirm", "report", "announce_", "tell", "speak_", "die", "kill_", "live",
    "hold", "make", "give", "launch", "carry", "put", "set", "pay", "draw", "remain",
    "continue", "begin", "start", "try", "need", "plan", "seek", "intend", "prepare",
    "follow", "accord", "ally", "concern", "regard", "base"};

// Verbs that are events with no object at all: "Gantz resigned."
const std::unordered_set<std::string> kIntransitive = {
    "resign", "abstain", "concede", "step down", "take office", "retire", "withdraw",
    "surrender", "capitulate", "defect", "quit", "veto", "walk out", "stand down"};

// Artefacts whose "of" phrase names a part, not the thing acted on.
const std::unordered_set<std::string> kAgreementNouns = {
    "deal", "agreement", "treaty", "accord", "pact", "plan", "resolution", "package",
    "ceasefire", "truce", "declaration", "statement", "framework", "proposal"};

// Matrix verbs that only set modality for the verb they govern.
const std::unordered_set<std::string> kFutureMatrix = {
    "expect", "plan", "intend", "aim", "schedule", "set", "poise", "prepare", "promise",
    "vow", "pledge", "hope", "want", "seek", "go", "due", "likely", "ready", "willing",
    "try", "continue", "move"};
// Matrix verbs that carry meaning: "refused to accept" -> "refuse to accept".
const std::unordered_set<std::string> kMeaningMatrix = {"refuse", "agree", "decide", "help",
                                                        "threaten", "vote", "begin",
                                                        "offer", "fail", "start"};

// Verbs of motion whose "in/to/into" object is the target, not the place.
const std::unordered_set<std::string> kMotionVerbs = {
    "travel", "fly", "flee", "arrive", "return", "go", "head", "move", "come", "sail",
    "escape", "sweep", "march", "advance", "push", "withdraw", "retreat", "deploy",
    "send", "land", "set", "cross", "enter", "leave", "relocate", "defect", "journey"};

// Nouns that are objects in their own right: agreements, plans, decisions.
const std::unordered_set<std::string> kArtefacts = {
    "plan", "deal", "agreement", "treaty", "ceasefire", "truce", "resolution", "sanctions",
    "government", "cabinet", "proposal", "declaration", "accord", "accords", "decision",
    "package", "initiative", "mission", "pact", "charge", "charges", "move", "bid",
    "warrant", "warrants", "offer", "protocol", "documents", "arrangement", "vote", "law",
    "bill", "referendum", "election", "process", "framework", "roadmap", "accusation",
    "claim", "demand", "request", "invitation", "embargo", "blockade", "strategy",
    "programme", "program", "transition", "application", "statement",
    "ultimatum", "memorandum", "partnership", "alliance", "corridor", "pause", "swap",
    "embassy", "consulate",
    "calls", "appeal",
    "withdrawal", "offensive", "operation", "ban", "tariffs", "tariff", "aid", "loan",
    "budget", "constitution", "parliament", "assembly", "verdict",
    "ruling", "sentence", "order", "appointment", "nomination", "candidacy", "bill",
    "reforms", "reform", "peace", "truce", "armistice", "settlement", "compromise",
    "terms", "conditions", "principles", "framework", "guarantees", "commitment",
    "cessation", "hostilities", "protest", "complaint", "case", "lawsuit", "investigation",
    "probe", "inquiry", "report", "certification", "pipeline", "funds", "assistance",
    "support", "opposition", "veto", "invasion", "attack", "strike", "strikes",
    "occupation", "annexation", "independence", "sovereignty", "junta", "regime"};

const std::unordered_set<std::string> kObjectPreps = {
    "to", "with", "on", "for", "against", "into", "from", "of", "over", "around", "toward",
    "towards", "at", "in", "about", "onto", "across", "through", "behind", "north",
    "south", "east", "west", "out"};

// Words between a preposition and the name it governs: "from southern Lebanon".
const std::unordered_set<std::string> kPreNameWords = {
    "the", "both", "southern", "northern", "eastern", "western", "central", "occupied",
    "neighbouring", "neighboring", "breakaway", "rebel-held", "disputed", "former",
    "outgoing", "incoming", "acting", "interim"};

const std::unordered_set<std::string> kParticles = {"over", "down", "back", "out", "off",
                                                    "up", "away", "in"};

// Nouns that a verb carries into its action when an entity follows them:
// "held talks with", "imposed sanctions on", "made a visit to".
const std::unordered_set<std::string> kLightNouns = {
    "talks", "talk", "visit", "trip", "meeting", "summit", "call", "sanctions", "warrant",
    "warrants", "relations", "ties", "negotiations", "asylum", "aid", "assistance", "release",
    "lifting", "case", "troops", "forces", "force", "drones", "missiles", "welcome",
    "operations", "operation", "drills", "prisoners", "hostages", "delegation", "bounty",
    "participation", "opposition", "exchange", "offensive", "attack", "attacks", "strikes",
    "war", "pressure", "support", "transactions", "contacts", "dialogue", "round", "foot",
    "ground", "letter", "invitation", "greetings", "condolences", "message", "envoy",
    "police", "officers", "soldiers", "weapons", "arms", "funds", "tariffs", "ban"};

// Meeting nouns: "in X" after them is the place, not the target.
const std::unordered_set<std::string> kMeetingNouns = {
    "talks", "talk", "meeting", "summit", "visit", "trip", "negotiations", "call", "welcome"};

struct Link {
  int other;
  std::string label;
  bool other_is_right;
};

class SentenceGraph {
 public:
  SentenceGraph(const AnalysedSentence& s, const Lemmatizer& lem) : s_(s), lem_(lem) {
    const int n = static_cast<int>(s.words.size());
    links_.resize(n);
    tag_.resize(n);
    lower_.resize(n);
    for (int i = 0; i < n; ++i) lower_[i] = Lower(s.words[i]);
    if (!s.parse) return;
    const Parse& p = *s.parse;
    for (const ParseWord& w : p.words) {
      if (w.token < 0 || w.token >= n || !tag_[w.token].empty()) continue;
      tag_[w.token] = Subscript(w.text);
    }
    // Idioms ("take office", "take part"): Link Grammar hangs the links on
    // the last word and ties the first to it with an _I link. Make the first
    // word the verb, with the idiom's links.
    std::vector<int> head(n);
    for (int i = 0; i < n; ++i) head[i] = i;
    for (const ParseLink& l : p.links) {
      int a = p.words[l.left].token, b = p.words[l.right].token;
      if (a < 0 || b < 0 || a >= b || l.label.rfind("_I", 0) != 0) continue;
      if (!lem_.IsVerb(lem_.Verb(s.words[a]))) continue;
      head[b] = a;
      idiom_tail_[a] = lower_[b];
      tag_[a] = "v";
    }
    for (const ParseLink& l : p.links) {
      if (l.label.rfind("_I", 0) == 0) continue;
      int a = p.words[l.left].token, b = p.words[l.right].token;
      if (a < 0 || b < 0 || a >= n || b >= n) continue;
      a = head[a];
      b = head[b];
      if (a == b) continue;
      links_[a].push_back({b, l.label, a < b});
      links_[b].push_back({a, l.label, b < a});
    }
  }

  int size() const { return static_cast<int>(s_.words.size()); }
  const std::string& lower(int i) const { return lower_[i]; }
  const std::string& tag(int i) const { return tag_[i]; }
  bool IsMention(int i) const { return s_.word_mention[i] >= 0; }
  const Mention& mention(int i) const { return s_.mentions[s_.word_mention[i]]; }

  // Links at i whose label starts with `prefix`, towards one side.
  std::vector<int> Linked(int i, std::string_view prefix, int side) const {
    std::vector<int> out;
    for (const Link& l : links_[i]) {
      if (l.label.compare(0, prefix.size(), prefix) != 0) continue;
      if (side > 0 && !l.other_is_right) continue;
      if (side < 0 && l.other_is_right) continue;
      out.push_back(l.other);
    }
    return out;
  }
  bool HasLink(int i, std::string_view prefix, int side) const {
    return !Linked(i, prefix, side).empty();
  }
  std::vector<Link> LinksOf(int i) const { return links_[i]; }

  bool IsVerb(int i) const {
    const std::string& t = tag_[i];
    if (IsMention(i)) return false;
    if (!lem_.IsVerb(lem_.Verb(s_.words[i]))) return false;  // "and", ","
    // "a U.S.-Russian meeting": an -ing word after a modifier is a noun.
    const std::string& w = lower_[i];
    if (w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0 && i > 0) {
      const std::string& prev = lower_[i - 1];
      bool nominal = prev == "the" || prev == "a" || prev == "an" || prev == "its" ||
                     prev == "his" || prev == "their" ||
                     (!tag_[i - 1].empty() && tag_[i - 1][0] == 'a');
      if (nominal) return false;
    }
    // "made a surprise visit": a word after a determiner (and one modifier)
    // is a noun, whatever the parser made of it.
    auto det = [&](int k) {
      return k >= 0 && (lower_[k] == "a" || lower_[k] == "an" || lower_[k] == "the");
    };
    bool light_noun = kLightNouns.count(w) || kMeetingNouns.count(w);
    if (light_noun && det(i - 1)) return false;
    if (light_noun && i > 1 && det(i - 2) && !tag_[i - 1].empty() &&
        (tag_[i - 1][0] == 'a' || tag_[i - 1][0] == 'n' || tag_[i - 1][0] == 's'))
      return false;
    // "peace talks": a plural noun after a noun that is not its subject.
    if (i > 0 && w.size() > 3 && w.back() == 's' && !tag_[i - 1].empty() &&
        tag_[i - 1][0] == 'n' && !IsMention(i - 1) && lem_.IsNoun(lem_.Noun(w))) {
      bool subject = false;
      for (const Link& l : links_[i])
        if (l.other == i - 1 && l.label[0] == 'S') subject = true;
      if (!subject) return false;
    }
    if (!t.empty() && (t[0] == 'v' || t[0] == 'q' || t[0] == 'w')) return true;
    // Gerunds that take objects act as participles: "adopting a resolution",
    // and so does "..., meeting with X" however the parser linked it.
    if (!t.empty() && t[0] == 'g') {
      if (HasLink(i, "O", 1) || HasLink(i, "MV", 1)) return true;
      bool after_comma = i > 0 && (lower_[i - 1] == "," || lower_[i - 1] == "before" ||
                                   lower_[i - 1] == "after" || lower_[i - 1] == "while");
      bool before_target = i + 1 < size() && (IsMention(i + 1) || lower_[i + 1] == "with" ||
                                              lower_[i + 1] == "to" || lower_[i + 1] == "the");
      return after_comma && before_target;
    }
    return false;
  }

  std::string VerbLemma(int i) const {
    auto it = idiom_tail_.find(i);
    return it == idiom_tail_.end() ? lem_.Verb(s_.words[i])
                                   : lem_.Verb(s_.words[i]) + " " + it->second;
  }
  // A lower-case common noun: "tour" in "Middle East tour".
  bool IsCommonNoun(int i) const {
    if (i < 0 || i >= size() || IsMention(i) || IsVerb(i)) return false;
    // "left Hanoi hours earlier": a measure of time, not a noun the name modifies.
    static const std::unordered_set<std::string> kTimeNouns = {
        "hours", "days", "weeks", "months", "years", "minutes", "hour", "day", "week",
        "month", "year", "minute", "decades"};
    if (kTimeNouns.count(lower_[i])) return false;
    const std::string& w = s_.words[i];
    if (w.empty() || !std::islower(static_cast<unsigned char>(w[0]))) return false;
    if (IsCommonWord(lower_[i]) || kObjectPreps.count(lower_[i])) return false;  // "as", "in"
    return lem_.IsNoun(lem_.Noun(w));
  }

 private:
  // "met.v-d" -> "v-d"; "U.N._Security_Council[!<...>]" -> "".
  static std::string Subscript(const std::string& w) {
    std::string base = w.substr(0, w.find('['));
    size_t dot = base.rfind('.');
    if (dot == std::string::npos || dot + 1 >= base.size() || dot == 0) return "";
    std::string sub = base.substr(dot + 1);
    if (sub.size() > 6) return "";
    for (char c : sub)
      if (!(std::islower((unsigned char)c) || c == '-' || c == '*' || c == '#')) return "";
    return sub;
  }

  const AnalysedSentence& s_;
  const Lemmatizer& lem_;
  std::vector<std::vector<Link>> links_;
  std::vector<std::string> tag_;
  std::vector<std::string> lower_;
  std::map<int, std::string> idiom_tail_;  // first idiom word -> the rest
};

bool IsAux(const std::string& lemma) {
  static const std::unordered_set<std::string> kAux = {
      "be", "have", "do", "will", "would", "shall", "should", "may", "might", "can",
      "could", "must", "'ll", "wo"};
  return kAux.count(lemma) > 0;
}

struct Chain {
  int head = -1;            // the word carrying the subject link
  std::vector<int> words;   // auxiliaries and matrix verbs above the verb
  bool passive = false;
};

class Extraction {
 public:
  Extraction(const AnalysedSentence& s, const Lemmatizer& lem) : s_(s), g_(s, lem) {}

  std::vector<RawEvent> Run();
  // Events named by a noun: "Russia's invasion of Ukraine".
  void Nominal(std::vector<RawEvent>* out) const;

 private:
  Chain ChainOf(int verb) const;
  std::vector<int> Subjects(int verb, const Chain& c, int depth) const;
  std::vector<int> Expand(int word, int depth = 0) const;  // coordinated mentions
  std::vector<int> Agents(int verb) const;  // "by X"
  int PlaceNear(int from, int object_word) const;
  int PlaceAfter(int prep, int object_word) const;
  int NearestTime(int verb) const;
  std::string NounPhrase(int head) const;
  bool Negated(int verb, const Chain& c) const;
  std::string Modality(int verb, const Chain& c) const;
  // An event of `verb` found by a pattern rather than by the verb's own
  // subject and object: "actor" and "object" are words of mentions.
  RawEvent PatternEvent(int actor, int object, const std::string& action, int verb,
                        const Chain& c) const {
    RawEvent e;
    e.actor = s_.word_mention[actor];
    e.object = s_.word_mention[object];
    e.action = action;
    e.negated = Negated(verb, c);
    e.modality = Modality(verb, c);
    e.time = NearestTime(verb);
    e.confidence = 0.6;
    return e;
  }
  bool IsPlaceKind(int word) const {
    if (!g_.IsMention(word)) return false;
    const std::string& k = g_.mention(word).kind;
    return k == "city" || k == "region" || k == "country" || k == "venue";
  }
  int ResolveRelative(int w) const;
  // "Turkey's National Intelligence Organisation": the possessed name, when
  // `m` is a possessor followed by one; else `m`.
  int SkipPossessor(int m) const {
    const int n = g_.size();
    if (m < 0 || m + 2 >= n || !g_.IsMention(m)) return m;
    const std::string& l = g_.lower(m);
    if (l == "his" || l == "her" || l == "its" || l == "their") {
      // "his Chinese counterpart Wang Yi": the named person.
      for (int k = m + 1; k < n && k <= m + 4; ++k) {
        if (g_.IsMention(k)) return g_.mention(k).kind == "person" ? k : m;
        if (g_.IsVerb(k) || g_.lower(k) == "," || kObjectPreps.count(g_.lower(k))) break;
      }
      return m;
    }
    if (g_.lower(m + 1) != "'s" && g_.lower(m + 1) != "\u2019s") return m;
    for (int k = m + 2; k < n && k <= m + 5; ++k) {
      if (g_.IsMention(k)) return k;
      // "Iran's top security official, Ali Shamkhani,": the apposition.
      if (g_.lower(k) == "," && k > m + 2 && k + 1 < n && g_.IsMention(k + 1) &&
          g_.mention(k + 1).kind == "person")
        return k + 1;
      if (g_.IsVerb(k) || g_.lower(k) == ",") break;
    }
    return m;
  }
  bool ClimbsTo(int w, const std::string& lb) const;

  const AnalysedSentence& s_;
  SentenceGraph g_;
};

// Whether a verb group may extend up to word `w` over a link labelled `lb`:
// auxiliaries, modals, matrix verbs ("expected to"), "to" and conjunctions,
// never a content verb the parser misattached ("said Assad had stepped").
bool Extraction::ClimbsTo(int w, const std::string& lb) const {
  const std::string& l = g_.lower(w);
  if (l == "to" || l == "and" || l == "or" || l == "," || l == "due" || l == "set" ||
      l == "likely" || l == "able" || l == "ready" || l == "willing")
    return true;
  std::string lemma = g_.VerbLemma(w);
  if (IsAux(lemma) || kFutureMatrix.count(lemma) || kMeaningMatrix.count(lemma)) return true;
  // Object control: "urged Beijing to lift", "pressed Cuba to improve".
  return lb.rfind("TO", 0) == 0 || lb.rfind("IV", 0) == 0;
}

Chain Extraction::ChainOf(int verb) const {
  Chain c;
  int cur = verb;
  std::set<int> seen{verb};
  for (int step = 0; step < 8; ++step) {
    int up = -1;
    for (const Link& l : g_.LinksOf(cur)) {
      if (l.other_is_right) continue;  // governors are on the left
      const std::string& lb = l.label;
      bool chain_link = lb[0] == 'I' || lb.rfind("PP", 0) == 0 || lb.rfind("Pv", 0) == 0 ||
                        lb.rfind("Pg", 0) == 0 || lb.rfind("Pa", 0) == 0 ||
                        lb.rfind("TO", 0) == 0 || lb.rfind("VJr", 0) == 0 ||
                        lb.rfind("IV", 0) == 0 || lb.rfind("MVi", 0) == 0;
      if (lb.rfind("VJl", 0) == 0) chain_link = false;
      if (chain_link && !seen.count(l.other) && !ClimbsTo(l.other, lb)) chain_link = false;
      if (chain_link && !seen.count(l.other)) {
        if (lb.rfind("Pv", 0) == 0 && cur == verb) c.passive = true;
        up = l.other;
        break;
      }
    }
    // The left conjunct of "resigned and fled" hangs from the conjunction.
    if (up < 0) {
      for (const Link& l : g_.LinksOf(cur)) {
        if (l.other_is_right && l.label.rfind("VJl", 0) == 0 && !seen.count(l.other)) {
          up = l.other;
          break;
        }
      }
    }
    if (up < 0) break;
    seen.insert(up);
    c.words.push_back(up);
    cur = up;
  }
  c.head = cur;
  return c;
}

int Extraction::ResolveRelative(int w) const {
  // "China, which had summoned ...": the noun before the relative pronoun.
  for (const Link& l : g_.LinksOf(w)) {
    if (!l.other_is_right && (l.label.rfind("MX", 0) == 0 || l.label.rfind("R", 0) == 0 ||
                              l.label.rfind("Mr", 0) == 0)) {
      return l.other;
    }
  }
  for (int k = w - 1; k >= 0 && k >= w - 3; --k)
    if (g_.IsMention(k)) return k;
  return -1;
}

std::vector<int> Extraction::Expand(int word, int depth) const {
  std::vector<int> out;
  if (word < 0 || depth > 6) return out;
  const std::string& lw = g_.lower(word);
  if (lw == "and" || lw == "or" || lw == ",") {
    for (const Link& l : g_.LinksOf(word)) {
      bool left_conjunct = (l.label.rfind("SJl", 0) == 0 || l.label.rfind("MJl", 0) == 0) &&
                           !l.other_is_right;
      bool right_conjunct = (l.label.rfind("SJr", 0) == 0 || l.label.rfind("MJr", 0) == 0) &&
                            l.other_is_right;
      if (left_conjunct || right_conjunct) {
        auto sub = Expand(l.other, depth + 1);
        out.insert(out.end(), sub.begin(), sub.end());
      }
    }
    return out;
  }
  if (!g_.IsMention(word)) return {word};
  // Lists the parser linked oddly: scan "A , B and C" around the word.
  out.push_back(word);
  const int n = g_.size();
  int j = word + 1;
  while (j + 1 < n && (g_.lower(j) == "," || g_.lower(j) == "and" || g_.lower(j) == "or")) {
    int k = j + 1;
    if (g_.lower(j) == "," && k < n && (g_.lower(k) == "and" || g_.lower(k) == "or")) ++k;
    // "with Qin Gang and with China's top diplomat, Wang Yi": the repeated
    // preposition and a possessor with its apposition.
    if (k < n && word > 0 && g_.lower(k) == g_.lower(word - 1) &&
        kObjectPreps.count(g_.lower(k))) {
      ++k;
      if (k < n && g_.IsMention(k)) k = SkipPossessor(k);
    }
    if (k < n && g_.lower(k) == "the") ++k;
    // "..., his former defence minister Yoav Gallant and ...": a description
    // in front of a conjoined name.
    int described = k;
    auto possessive = [&](int w) {
      const std::string& l = g_.lower(w);
      return l == "his" || l == "her" || l == "its" || l == "their";
    };
    while (described < n && described < k + 4 &&
           (!g_.IsMention(described) || possessive(described)) &&
           !g_.IsVerb(described) && !kObjectPreps.count(g_.lower(described)) &&
           g_.lower(described) != "of" && g_.lower(described) != "and" &&
           std::islower(static_cast<unsigned char>(g_.lower(described)[0])))
      ++described;
    if (described > k && described < n && g_.IsMention(described) &&
        g_.mention(described).kind == "person")
      k = described;
    if (k < n && g_.IsMention(k) && g_.mention(k).kind != "reference") {
      out.push_back(k);
      j = k + 1;
    } else {
      break;
    }
  }
  // "... to Ukraine, and Rubio said": the last conjunct starts a new clause.
  if (out.size() > 1 && out.back() + 1 < n && g_.IsVerb(out.back() + 1)) out.pop_back();
  j = word - 1;
  while (j - 1 >= 0 && (g_.lower(j) == "," || g_.lower(j) == "and")) {
    int k = j - 1;
    if (k >= 0 && g_.lower(k) == "the") --k;
    if (k >= 0 && g_.IsMention(k) && g_.mention(k).kind != "reference") {
      // Only a list if it is joined by "and" somewhere.
      out.insert(out.begin(), k);
      j = k - 1;
    } else {
      break;
    }
  }
  bool has_and = false;
  for (int k = out.front(); k <= out.back(); ++k)
    if (g_.lower(k) == "and" || g_.lower(k) == "or") has_and = true;
  if (!has_and) return {word};
  return out;
}

std::vector<int> Extraction::Subjects(int verb, const Chain& c, int depth) const {
  std::vector<int> subj;
  auto from_word = [&](int w) {
    if (w < 0) return;
    const std::string& lw = g_.lower(w);
    if (lw == "which" || lw == "who" || lw == "that") w = ResolveRelative(w);
    // "the BRICS group of emerging economies agreed": the named group.
    if (w >= 0 && !g_.IsMention(w)) {
      for (int k = w - 1; k >= 1 && k >= w - 4; --k) {
        if (g_.lower(k) != "of") continue;
        int m = k - 1;
        if (!g_.IsMention(m) && m >= 1 && g_.IsMention(m - 1)) --m;  // "BRICS group of"
        if (g_.IsMention(m)) w = m;
        break;
      }
    }
    for (int x : Expand(w)) subj.push_back(x);
  };
  // "pressed Cuba to improve": the controller's object is the subject.
  for (int w : c.words) {
    if (!g_.IsVerb(w) || IsAux(g_.VerbLemma(w))) continue;
    std::vector<int> objs = g_.Linked(w, "O", 1);
    if (!objs.empty() && objs[0] < verb) {
      for (int x : Expand(objs[0])) subj.push_back(x);
      return subj;
    }
  }
  int head = c.head;
  for (const Link& l : g_.LinksOf(head)) {
    const std::string& lb = l.label;
    if (lb[0] == 'S' && lb.rfind("SJ", 0) != 0 && !l.other_is_right && lb.rfind("SI", 0) != 0) {
      from_word(l.other);
    } else if (lb.rfind("SI", 0) == 0 && l.other_is_right) {
      from_word(l.other);
    }
  }
  if (!subj.empty() || depth > 3) return subj;
  // Participles and verbs hanging from a clause take that clause's subject:
  // "..., meeting with X", "... before travelling to Y".
  for (const Link& l : g_.LinksOf(head)) {
    if (l.other_is_right) continue;
    const std::string& lb = l.label;
    if (lb.rfind("MVg", 0) == 0 || lb.rfind("MVi", 0) == 0 || lb.rfind("Mg", 0) == 0 ||
        lb.rfind("MVs", 0) == 0 || lb.rfind("MXsp", 0) == 0 || lb.rfind("Wg", 0) == 0 ||
        lb.rfind("MVp", 0) == 0 || lb.rfind("Jp", 0) == 0 || lb.rfind("Mgp", 0) == 0 ||
        lb.rfind("COp", 0) == 0 || lb.rfind("MVx", 0) == 0) {
      int gov = l.other;
      // Walk up through prepositions ("before traveling") to a verb.
      for (int k = 0; k < 3 && gov >= 0 && !g_.IsVerb(gov); ++k) {
        int up = -1;
        for (const Link& m : g_.LinksOf(gov))
          if (!m.other_is_right && m.label.rfind("MV", 0) == 0) up = m.other;
        gov = up;
      }
      if (gov >= 0 && gov != verb && g_.IsVerb(gov)) {
        auto s = Subjects(gov, ChainOf(gov), depth + 1);
        if (!s.empty()) return s;
      }
    }
  }
  return subj;
}

std::vector<int> Extraction::Agents(int verb) const {
  std::vector<int> out;
  const int n = g_.size();
  // "drafted by the United States", "signed in Istanbul in July 2022 by Russia
  // and Ukraine": the first "by" + entity in the same clause.
  for (int k = verb + 1; k < n && k <= verb + 10; ++k) {
    const std::string& w = g_.lower(k);
    if (g_.IsVerb(k) || w == "which" || w == "who" || w == ";" || w == "that") break;
    if (w != "by") continue;
    int m = k + 1;
    while (m < n && kPreNameWords.count(g_.lower(m))) ++m;
    m = SkipPossessor(m);
    if (m < n && g_.IsMention(m)) {
      for (int x : Expand(m)) out.push_back(x);
    }
    break;
  }
  return out;
}

int Extraction::PlaceAfter(int k, int object_word) const {
  // "in Cairo", "at the Filoli estate in Woodside", "in the Saudi city of
  // Jeddah", "at the White House".
  const int n = g_.size();
  bool at = g_.lower(k) == "at";
  for (int m = k + 1; m < n && m <= k + 6; ++m) {
    if (g_.IsVerb(m) || g_.lower(m) == ",") break;
    if (m == object_word || !g_.IsMention(m)) continue;
    const std::string& kind = g_.mention(m).kind;
    if (IsPlaceKind(m) || (at && kind != "person" && kind != "artefact" && kind != "reference"))
      return m;
  }
  return -1;
}

int Extraction::PlaceNear(int from, int object_word) const {
  const int n = g_.size();
  for (int k = from + 1; k < n && k <= from + 14; ++k) {
    const std::string& w = g_.lower(k);
    // A new clause ends the search; a participle ("brokered by X,") does not.
    if (g_.IsVerb(k) && g_.HasLink(k, "S", -1)) break;
    if (w == ";" || w == "who" || w == "which" || w == "where") break;
    if (w != "in" && w != "at") continue;
    int m = PlaceAfter(k, object_word);
    if (m >= 0) return m;
  }
  // A fronted phrase: "At a summit in Johannesburg on Thursday, the bloc ...".
  for (int k = 0; k < from && k < g_.size(); ++k) {
    const std::string& w = g_.lower(k);
    if (w == ",") break;
    if (w != "in" && w != "at") continue;
    int m = PlaceAfter(k, object_word);
    if (m >= 0 && m < from) return m;
  }
  return -1;
}

int Extraction::NearestTime(int verb) const {
  int best = -1, best_d = 1 << 30;
  for (size_t i = 0; i < s_.times.size(); ++i) {
    const TimeExpr& t = s_.times[i];
    int d = t.first > verb ? t.first - verb : (verb - t.last) + 2;  // prefer after the verb
    if (d < best_d) {
      best_d = d;
      best = static_cast<int>(i);
    }
  }
  return best;
}

std::string Extraction::NounPhrase(int head) const {
  // Pre-modifiers linked by A/AN, recursively: "three-phase ceasefire plan".
  int first = head;
  std::vector<int> todo{head};
  while (!todo.empty()) {
    int w = todo.back();
    todo.pop_back();
    for (const Link& l : g_.LinksOf(w)) {
      if (!l.other_is_right && (l.label.rfind("A", 0) == 0 || l.label.rfind("AN", 0) == 0) &&
          l.other < first + 1 && l.other >= head - 5) {
        first = std::min(first, l.other);
        todo.push_back(l.other);
      }
    }
  }
  std::string out;
  for (int k = first; k <= head; ++k) {
    const std::string& w = g_.lower(k);
    if (w == "the" || w == "a" || w == "an" || w == "its" || w == "his" || w == "her" ||
        w == "their" || w == "'s" || w == "\u2019s")
      continue;
    if (!out.empty()) out += ' ';
    out += g_.IsMention(k) ? g_.mention(k).text : s_.words[k];
  }
  return out;
}

bool Extraction::Negated(int verb, const Chain& c) const {
  std::vector<int> ws = c.words;
  ws.push_back(verb);
  for (int w : ws) {
    for (const Link& l : g_.LinksOf(w)) {
      const std::string& o = g_.lower(l.other);
      if (o == "not" || o == "n't" || o == "never") return true;
    }
  }
  // "has yet to respond", "no longer", "Neither leader", "did not" by position.
  int start = ws.empty() ? verb : *std::min_element(ws.begin(), ws.end());
  for (int k = std::max(0, start - 3); k < verb; ++k) {
    const std::string& w = g_.lower(k);
    if (w == "not" || w == "n't" || w == "never") return true;
    if (w == "yet" && k + 1 < g_.size() && g_.lower(k + 1) == "to") return true;
    if (w == "longer" && k > 0 && g_.lower(k - 1) == "no") return true;
  }
  return false;
}

std::string Extraction::Modality(int verb, const Chain& c) const {
  std::string m = "asserted";
  bool conditional = false;
  for (int k = 0; k < verb; ++k) {
    if (g_.lower(k) == "if" || g_.lower(k) == "unless") conditional = true;
  }
  for (int w : c.words) {
    std::string l = g_.lower(w);
    std::string lemma = g_.VerbLemma(w);
    if (l == "may" || l == "might" || l == "could" || l == "can" || l == "must" ||
        l == "willing" || l == "able" || l == "ready" || lemma == "threaten")
      return "possible";
    if (g_.IsVerb(w) && !IsAux(lemma) && !g_.Linked(w, "O", 1).empty() &&
        g_.Linked(w, "O", 1)[0] < verb)
      return "possible";  // urged Y to X: X may not happen
    if (l == "will" || l == "'ll" || l == "shall" || l == "wo" || kFutureMatrix.count(lemma) ||
        l == "due" || l == "going") {
      m = "future";
    }
    if (l == "would") m = conditional ? "possible" : "future";
    // "is to withdraw": be + to-infinitive.
    if (lemma == "be") {
      for (const Link& lk : g_.LinksOf(w))
        if (lk.other_is_right && lk.label.rfind("TO", 0) == 0) m = "future";
    }
  }
  // "is expected to meet" misattached by the parser: by position.
  if (m == "asserted" && verb >= 2 && g_.lower(verb - 1) == "to" &&
      (g_.lower(verb - 2) == "due" || kFutureMatrix.count(g_.VerbLemma(verb - 2))) &&
      verb >= 3 && IsAux(g_.VerbLemma(verb - 3)))
    m = "future";
  // "if he implements the plan": the verb of a conditional clause.
  if (m == "asserted") {
    for (int k = std::max(0, verb - 6); k < verb; ++k)
      if (g_.lower(k) == "if") return "possible";
  }
  return m;
}


// Verbs whose noun object is part of the action when an entity follows:
// "held talks with X", "imposed sanctions on X"; other verbs keep the noun
// as their object ("joined Western sanctions against Moscow").
const std::unordered_set<std::string> kLightVerbs = {
    "hold", "make", "pay", "give", "launch", "carry", "conduct", "stage", "impose",
    "reimpose", "issue", "grant", "seek", "order", "break", "restore", "resume", "suspend",
    "sever", "cut", "open", "send", "deploy", "pledge", "offer", "extend", "lift", "exchange",
    "file", "bring", "take", "set", "announce", "start", "begin", "scale", "halt", "withdraw",
    "step", "establish", "normalize", "normalise", "freeze", "expand", "strengthen",
    "secure", "request", "hand", "pull", "provide", "lead", "use", "renew", "raise"};


bool IsPastParticiple(const std::string& lower) {
  return lower.size() > 3 && (lower.compare(lower.size() - 2, 2, "ed") == 0 ||
                              lower.compare(lower.size() - 2, 2, "en") == 0 ||
                              lower == "led" || lower == "held" || lower == "won" ||
                              lower == "signed" || lower == "brought" || lower == "sought");
}

void Extraction::Nominal(std::vector<RawEvent>* out) const {
  static const std::unordered_map<std::string, std::string> kNouns = {
      {"invasion", "invade"},   {"annexation", "annex"}, {"occupation", "occupy"},
      {"blockade", "blockade"}, {"bombardment", "bomb"}, {"recognition", "recognise"}};
  const int n = g_.size();
  for (int i = 0; i + 3 < n; ++i) {
    // ENTITY 's [adjective] NOUN of|on ENTITY
    if (!g_.IsMention(i) || g_.mention(i).name.empty()) continue;
    int k = i + 1;
    if (g_.lower(k) != "'s" && g_.lower(k) != "\u2019s") continue;
    ++k;
    if (k < n && !g_.IsMention(k) && !kNouns.count(g_.lower(k))) ++k;  // "full-scale"
    if (k >= n || !kNouns.count(g_.lower(k))) continue;
    int p = k + 1;
    if (p + 1 >= n || (g_.lower(p) != "of" && g_.lower(p) != "on")) continue;
    int o = p + 1;
    if (!g_.IsMention(o) || g_.mention(o).name.empty()) continue;
    RawEvent e;
    e.actor = s_.word_mention[i];
    e.object = s_.word_mention[o];
    e.action = kNouns.at(g_.lower(k));
    e.confidence = 0.6;
    out->push_back(e);
  }
  auto named = [&](int w) { return w >= 0 && w < n && g_.IsMention(w) && !g_.mention(w).name.empty(); };
  for (int i = 0; i + 2 < n; ++i) {
    const std::string& w = g_.lower(i);
    // "during his first visit to China": a visit by the possessor.
    if (w == "visit" || w == "trip") {
      int to = i + 1;
      if (g_.lower(to) != "to" || !named(to + 1)) continue;
      int owner = -1;
      for (int k = i - 1; k >= 0 && k >= i - 3; --k) {
        if (named(k)) {
          owner = k;
          break;
        }
        if (g_.IsVerb(k) || g_.lower(k) == ",") break;
      }
      if (owner < 0 || g_.mention(owner).kind != "person") continue;
      const std::string& ol = g_.lower(owner);
      bool possessor = ol == "his" || ol == "her" || ol == "their" ||
                       (owner + 1 < n && g_.lower(owner + 1) == "'s");
      if (!possessor) continue;
      RawEvent e;
      e.actor = s_.word_mention[owner];
      e.object = s_.word_mention[to + 1];
      e.action = "visit";
      e.confidence = 0.6;
      e.time = NearestTime(i);
      out->push_back(e);
    }
    // "a summit between Donald Trump and Kim Jong Un": they met.
    if ((w == "summit" || w == "meeting" || w == "talks") && g_.lower(i + 1) == "between" &&
        named(i + 2) && i + 4 < n && g_.lower(i + 3) == "and") {
      std::vector<int> others;
      if (named(i + 4)) {
        others.push_back(i + 4);
      } else if (i + 6 < n && g_.lower(i + 5) == "including" && named(i + 6)) {
        others = Expand(i + 6);  // "between Orban and leaders including A, B and C"
      }
      for (int o : others) {
        if (!named(o) || g_.mention(o).name == g_.mention(i + 2).name) continue;
        RawEvent e;
        e.actor = s_.word_mention[i + 2];
        e.object = s_.word_mention[o];
        e.action = "meet";
        e.confidence = 0.6;
        e.time = NearestTime(i);
        out->push_back(e);
      }
    }
  }
}

std::vector<RawEvent> Extraction::Run() {
  std::vector<RawEvent> out;
  const int n = g_.size();
  if (!s_.parse) return out;
  std::vector<int> last_subjects;  // of the latest clause with a subject
  std::vector<int> last_objects;   // the latest list of objects, for "them"
  std::string last_modality = "asserted";
  bool inherited = false;
  for (int v = 0; v < n; ++v) {
    if (!g_.IsVerb(v)) continue;
    std::string lemma = g_.VerbLemma(v);
    if (IsAux(lemma)) continue;
    // "a tour aimed at shoring up the plan": a purpose, not an event.
    if (v >= 2 && (g_.lower(v - 1) == "at" || g_.lower(v - 1) == "to") &&
        (g_.lower(v - 2) == "aimed" || g_.lower(v - 2) == "designed" ||
         g_.lower(v - 2) == "intended" || g_.lower(v - 2) == "meant"))
      continue;
    // A matrix verb ("expected to meet") yields to the verb it governs.
    bool governs_infinitive = false;
    for (const Link& l : g_.LinksOf(v))
      if (l.other_is_right && (l.label.rfind("TO", 0) == 0 || l.label.rfind("IV", 0) == 0))
        governs_infinitive = true;
    Chain chain = ChainOf(v);
    inherited = false;
    // "a resolution demanding a ceasefire": the participle describes a thing.
    bool describes_thing = false;
    for (int q : g_.Linked(v, "Mg", -1))
      if (!g_.IsMention(q) && kArtefacts.count(g_.lower(q))) describes_thing = true;
    if (describes_thing) continue;
    if (governs_infinitive && (kFutureMatrix.count(lemma) || kMeaningMatrix.count(lemma))) {
      auto subj = Subjects(v, chain, 0);
      if (!subj.empty()) last_subjects = subj;
      continue;
    }

    // Meaningful matrix verbs join the action: "refuse to accept".
    std::string prefix;
    for (int w : chain.words) {
      std::string ml = g_.VerbLemma(w);
      if (kMeaningMatrix.count(ml)) prefix = ml == "help" ? "help " : ml + " to ";
    }
    std::string particle;
    for (int p : g_.Linked(v, "K", 1)) {
      if (kParticles.count(g_.lower(p))) particle = g_.lower(p);
    }
    if (particle.empty() && v + 1 < n && g_.tag(v + 1) == "r" &&
        (g_.lower(v + 1) == "over" || g_.lower(v + 1) == "down" || g_.lower(v + 1) == "back" ||
         g_.lower(v + 1) == "off")) {
      particle = g_.lower(v + 1);  // "handed over", "stepped down", "pull back"
    }
    std::string base = particle.empty() ? lemma : lemma + " " + particle;

    std::vector<int> actors;
    std::vector<int> objects;  // mention words
    std::string artefact;
    std::string action = base;
    bool passive = chain.passive;
    // Reduced relative: "a resolution drafted by X"; or any participle + "by".
    std::vector<int> mv_nouns = g_.Linked(v, "Mv", -1);
    if (!mv_nouns.empty()) passive = true;
    std::vector<int> agents = Agents(v);
    if (!agents.empty() && IsPastParticiple(g_.lower(v))) passive = true;
    // "Lavrov held talks" misparsed as a reduced relative: no agent, no passive.
    if (!chain.passive && agents.empty()) {
      passive = false;
      mv_nouns.clear();
    }

    if (passive) {
      actors = agents;
      auto take_patient = [&](int w) {
        if (w < 0) return;
        // "a resolution demanding a ceasefire, drafted by X": the resolution.
        for (int p : g_.Linked(w, "O", -1)) {
          for (int q : g_.Linked(p, "Mg", -1))
            if (!g_.IsMention(q) && kArtefacts.count(g_.lower(q))) w = q;
        }
        if (g_.IsMention(w)) {
          for (int x : Expand(w)) objects.push_back(x);
        } else if (kArtefacts.count(g_.lower(w))) {
          artefact = NounPhrase(w);
        }
      };
      if (chain.passive) {
        for (int sj : Subjects(v, chain, 0)) take_patient(sj);
      } else if (!mv_nouns.empty()) {
        take_patient(mv_nouns[0]);
      } else {
        int k = v - 1;
        while (k >= 0 && (g_.lower(k) == "," || g_.lower(k) == "jointly")) --k;
        // "a ceasefire in eastern Congo, mediated by ...": the head before
        // the prepositional phrase is the patient.
        for (int back = k - 1; back >= 0 && back >= k - 3; --back) {
          const std::string& w = g_.lower(back);
          if (w == "in" || w == "for" || w == "of" || w == "between" || w == "with") {
            int head = back - 1;
            if (head >= 0 && !g_.IsMention(head) && kArtefacts.count(g_.lower(head))) k = head;
            break;
          }
          if (g_.IsMention(back) || g_.IsVerb(back)) break;
        }
        take_patient(k);
      }
    } else {
      actors = Subjects(v, chain, 0);
      actors.erase(std::remove_if(actors.begin(), actors.end(),
                                  [&](int a) { return !g_.IsMention(a); }),
                   actors.end());
      const std::string& vw = g_.lower(v);
      bool comma_participle = v > 0 && g_.lower(v - 1) == "," && vw.size() > 4 &&
                              vw.compare(vw.size() - 3, 3, "ing") == 0 &&
                              !last_subjects.empty();
      if (actors.empty() && !comma_participle) {
        // The parse missed the subject: take an entity right before the verb
        // group ("Assad had stepped down", "Kim held talks").
        int left = v;
        for (int w : chain.words)
          if (w < left && g_.lower(w) != "and" && g_.lower(w) != "or" && g_.lower(w) != ",")
            left = w;
        int k = left - 1;
        int aux_with_subject = -1;
        while (k >= 0 && (g_.tag(k) == "e" || g_.lower(k) == "also" || g_.lower(k) == "later" ||
                          g_.lower(k) == "then" || g_.lower(k) == "jointly" ||
                          g_.lower(k) == "earlier" || g_.lower(k) == "not" ||
                          (!g_.IsMention(k) && IsAux(g_.VerbLemma(k))))) {
          if (!g_.IsMention(k) && IsAux(g_.VerbLemma(k)) && aux_with_subject < 0)
            aux_with_subject = k;
          --k;
        }
        if (k >= 0 && (g_.lower(k) == "who" || g_.lower(k) == "which")) k = ResolveRelative(k);
        // Skip a parenthetical clause: "Santos and Londono, known as
        // Timochenko, signed".
        if (k >= 0 && g_.lower(k) == ",") {
          for (int c = k - 1; c >= 1 && c >= k - 12; --c) {
            if (g_.lower(c) != ",") continue;
            bool clause = false;
            for (int x = c + 1; x < k; ++x)
              clause = clause || g_.IsVerb(x) || g_.lower(x) == "who" || g_.lower(x) == "which";
            if (clause && g_.IsMention(c - 1)) k = c - 1;
            break;
          }
        }
        bool possessive = k >= 0 && (g_.lower(k) == "his" || g_.lower(k) == "her" ||
                                     g_.lower(k) == "its" || g_.lower(k) == "their");
        if (k >= 0 && g_.IsMention(k) && !possessive) {
          actors = Expand(k);
        } else if (aux_with_subject >= 0) {
          // "Blinken ... had earlier held talks": the auxiliary has the subject.
          Chain aux;
          aux.head = aux_with_subject;
          actors = Subjects(aux_with_subject, aux, 1);
        }
      }
      // "A and B said they would ...": an unresolved "they" is the pair.
      if (actors.size() == 1 && g_.lower(actors[0]) == "they" &&
          g_.mention(actors[0]).name.empty() && last_subjects.size() >= 2) {
        actors = last_subjects;
      }
      if (actors.empty()) {
        // Participles and second conjuncts share the clause's subject.
        bool dependent = g_.lower(v).size() > 4 &&
                         g_.lower(v).compare(g_.lower(v).size() - 3, 3, "ing") == 0;
        // "with 248 Russians returning home": the participle has its own subject.
        if (v > 0 && !g_.IsMention(v - 1) && !g_.tag(v - 1).empty() && g_.tag(v - 1)[0] == 'n')
          dependent = false;
        if (v > 0 && (g_.lower(v - 1) == "and" || g_.lower(v - 1) == ",")) dependent = true;
        if (dependent) {
          actors = last_subjects;
          inherited = !actors.empty();
        }
      }
      if (!actors.empty() && !inherited) last_subjects = actors;
    }
    // Keep only actors that are entities.
    actors.erase(std::remove_if(actors.begin(), actors.end(),
                                [&](int a) {
                                  return !g_.IsMention(a) || g_.mention(a).name.empty() ||
                                         g_.mention(a).kind == "artefact";
                                }),
                 actors.end());
    // Lists found both by links and by position: keep each word once.
    {
      std::vector<int> unique;
      for (int a : actors)
        if (std::find(unique.begin(), unique.end(), a) == unique.end()) unique.push_back(a);
      actors = unique;
    }
    if (actors.empty()) continue;
    bool light = lemma == "hold" || lemma == "make" || lemma == "give" || lemma == "launch" ||
                 lemma == "carry" || lemma == "pay" || lemma == "put" || lemma == "take" ||
                 lemma == "set" || lemma == "break" || lemma == "draw" ||
                 lemma == "stage" || lemma == "conduct" || lemma == "open" ||
                 lemma == "begin" || lemma == "start";
    // "drawing a sharp rebuke from Charles Michel": Michel rebuked the subject.
    if (!passive && (lemma == "draw" || lemma == "earn" || lemma == "prompt" ||
                     lemma == "spark" || lemma == "provoke")) {
      static const std::unordered_map<std::string, std::string> kReactions = {
          {"rebuke", "rebuke"},      {"criticism", "criticise"}, {"condemnation", "condemn"},
          {"protest", "protest"},    {"protests", "protest"},    {"praise", "praise"},
          {"warning", "warn"},       {"rebuff", "rebuff"}};
      for (int k = v + 1; k + 2 < n && k <= v + 5; ++k) {
        auto it = kReactions.find(g_.lower(k));
        if (it == kReactions.end()) {
          if (g_.IsVerb(k) || g_.IsMention(k)) break;
          continue;
        }
        if (g_.lower(k + 1) != "from") break;
        int m = k + 2;
        while (m < n && kPreNameWords.count(g_.lower(m))) ++m;
        m = SkipPossessor(m);
        if (m >= n || !g_.IsMention(m) || g_.mention(m).name.empty()) break;
        for (int reactor : Expand(m)) {
          for (int a : actors) {
            if (g_.mention(reactor).name == g_.mention(a).name) continue;
            out.push_back(PatternEvent(reactor, a, it->second, v, chain));
          }
        }
        break;
      }
      continue;
    }
    // "became NATO's 32nd member", "became a member of the EU": joined it.
    if (lemma == "become" && !passive) {
      auto member_of = [&]() -> int {
        for (int k = v + 1; k < n && k <= v + 6; ++k) {
          const std::string& w = g_.lower(k);
          if (w == "member" || w == "members") {
            int m = k + 2;
            if (m >= n || g_.lower(k + 1) != "of") return -1;
            while (m < n && kPreNameWords.count(g_.lower(m))) ++m;
            return m < n && g_.IsMention(m) ? m : -1;
          }
          if (g_.IsMention(k) && k + 1 < n && g_.lower(k + 1) == "'s") {
            for (int j = k + 2; j < n && j <= k + 4; ++j)
              if (g_.lower(j) == "member") return k;
            return -1;
          }
          if (g_.IsVerb(k) || g_.IsMention(k) || w == ",") return -1;
        }
        return -1;
      };
      int org = member_of();
      if (org >= 0 && !g_.mention(org).name.empty()) {
        for (int a : actors) out.push_back(PatternEvent(a, org, "become member of", v, chain));
      }
      continue;
    }
    if (kSkipVerbs.count(lemma) && prefix.empty() && !light) continue;

    if (!passive) {
      // Direct objects.
      std::vector<int> direct = g_.Linked(v, "O", 1);
      // "raided X and arrested Y": the parser may hang Y on the "and".
      if (direct.empty())
        for (int conj : g_.Linked(v, "VJr", -1))
          for (int o : g_.Linked(conj, "O", 1)) direct.push_back(o);
      int noun_obj = -1;
      for (int o : direct) {
        if (IsCalendarWord(s_.words[o])) continue;  // "resigned Sunday from X"
        std::vector<int> xs = Expand(o);
        // A conjunction the parser linked from far away is not this verb's.
        if (!xs.empty() && *std::min_element(xs.begin(), xs.end()) > v + 8) continue;
        for (int x : xs) {
          // "opens new Middle East tour": the name only modifies the noun.
          if (g_.IsMention(x) && xs.size() == 1 && g_.IsCommonNoun(x + 1) &&
              !kObjectPreps.count(g_.lower(x + 1))) {
            noun_obj = x + 1;
            continue;
          }
          if (g_.IsMention(x) && g_.lower(x) == "them" && g_.mention(x).name.empty() &&
              last_objects.size() >= 2) {
            objects.insert(objects.end(), last_objects.begin(), last_objects.end());
          } else if (g_.IsMention(x) && !g_.mention(x).name.empty()) {
            objects.push_back(x);
          } else if (!g_.IsMention(x)) {
            noun_obj = x;
          }
        }
      }
      // The noun the verb acts on, found by position when the parse missed it:
      // the first noun after the verb before a preposition.
      int scan_noun = -1;
      for (int k = v + 1; k < n && k <= v + 7; ++k) {
        const std::string& w = g_.lower(k);
        if (g_.IsMention(k) || g_.IsVerb(k) || w == "," || w == "." || w == "that") break;
        if (kObjectPreps.count(w) && w != "of") break;
        if (kLightNouns.count(w) || kArtefacts.count(w)) scan_noun = k;
      }
      if (noun_obj < 0 && objects.empty()) noun_obj = scan_noun;
      if (noun_obj >= 0 && scan_noun >= 0 && kLightNouns.count(g_.lower(scan_noun)))
        noun_obj = scan_noun;  // "held four hours of talks": talks, not hours
      bool noun_is_light = noun_obj >= 0 && kLightNouns.count(g_.lower(noun_obj)) &&
                           kLightVerbs.count(lemma);
      bool noun_is_artefact = noun_obj >= 0 && kArtefacts.count(g_.lower(noun_obj));

      // Prepositional objects: linked to the verb or its noun, else the first
      // "PREP [the] Entity" after the verb (or after its noun).
      bool motion = kMotionVerbs.count(lemma) > 0;
      std::string used_prep;
      std::vector<int> prep_objects;
      int from = noun_obj >= 0 ? noun_obj : v;
      for (int k = from + 1; k < n && k <= from + 8 && prep_objects.empty(); ++k) {
        const std::string& w = g_.lower(k);
        if (g_.IsVerb(k) || w == ";" || w == "which" || w == "who") break;
        if (g_.IsMention(k) && k > from + 1 && used_prep.empty()) break;
        if (!kObjectPreps.count(w)) continue;
        // "A and B would not use force against each other": each, the other.
        if (actors.size() == 2 && k + 2 < n &&
            ((g_.lower(k + 1) == "each" && g_.lower(k + 2) == "other") ||
             (g_.lower(k + 1) == "one" && g_.lower(k + 2) == "another"))) {
          used_prep = w;
          prep_objects = {actors[1], actors[0]};
          break;
        }
        bool in_target = noun_is_light && !kMeetingNouns.count(g_.lower(noun_obj));
        if ((w == "in" || w == "at") && !motion && !(in_target && w == "in")) continue;
        if (w == "of" && noun_obj < 0) continue;  // "the end of the war"
        int m = k + 1;
        while (m < n && kPreNameWords.count(g_.lower(m))) ++m;
        m = SkipPossessor(m);
        if (m + 1 < n && g_.IsMention(m) && !g_.IsMention(m + 1) &&
            kArtefacts.count(g_.lower(m + 1)) && noun_obj < 0) {
          // "push for an Israel-Hamas ceasefire": the name modifies the object.
          artefact = NounPhrase(m + 1);
          if (artefact.find(g_.mention(m).text) == std::string::npos)
            artefact = g_.mention(m).text + " " + artefact;
          action = base + " " + w;
          break;
        }
        if (m < n && g_.lower(m) == "them" && g_.mention(m).name.empty() &&
            last_objects.size() >= 2) {
          used_prep = w;  // "ordered troops into them"
          prep_objects = last_objects;
        } else if (m < n && g_.IsMention(m) && !g_.mention(m).name.empty() &&
            (g_.mention(m).kind != "artefact" || (w == "of" && noun_obj >= 0))) {
          used_prep = w;
          for (int x : Expand(m)) prep_objects.push_back(x);
        }
      }
      bool carries_noun = noun_obj < 0 || (noun_is_light && kLightVerbs.count(lemma)) ||
                          // "halted the certification of Nord Stream 2"
                          (used_prep == "of" && !kAgreementNouns.count(g_.lower(noun_obj)));
      if (objects.empty() && !prep_objects.empty() && carries_noun) {
        objects = prep_objects;
        if (noun_obj >= 0) {
          action = base + " " + g_.lower(noun_obj) + " " + used_prep;
        } else {
          action = base + " " + used_prep;
        }
      } else if (objects.empty() && noun_is_artefact) {
        artefact = NounPhrase(noun_obj);
      } else if (objects.empty() && artefact.empty() && noun_obj < 0) {
        // "agreed to a ceasefire", "called for a truce", "responded to the plan".
        for (int k = v + 1; k < n && k <= v + 8; ++k) {
          const std::string& w = g_.lower(k);
          // "agreed in Pretoria on Wednesday to a cessation": skip place and day.
          if ((w == "in" || w == "at") && k + 1 < n && g_.IsMention(k + 1)) {
            ++k;
            continue;
          }
          if (w == "on" && k + 1 < n && IsCalendarWord(s_.words[k + 1])) {
            ++k;
            continue;
          }
          if (g_.IsVerb(k) || g_.IsMention(k) || w == ",") break;
          if (w != "to" && w != "for" && w != "on" && w != "against" && w != "from") continue;
          for (int m = k + 1; m < n && m <= k + 5; ++m) {
            if (g_.IsVerb(m) || g_.IsMention(m) || g_.lower(m) == ",") break;
            if (kArtefacts.count(g_.lower(m))) {
              // The head is the last artefact noun of the phrase: "ceasefire deal".
              while (m + 1 < n && kArtefacts.count(g_.lower(m + 1))) ++m;
              artefact = NounPhrase(m);
              action = base + " " + w;
              break;
            }
          }
          break;
        }
      }
      // Symmetric meetings of coordinated subjects: "Biden and Xi met".
      if (objects.empty() && artefact.empty() && actors.size() == 2 &&
          (lemma == "meet" || lemma == "talk" || lemma == "negotiate" || lemma == "speak" ||
           (noun_obj >= 0 && (kMeetingNouns.count(g_.lower(noun_obj)) ||
                              g_.lower(noun_obj) == "exchange" || g_.lower(noun_obj) == "swap" ||
                              g_.lower(noun_obj) == "relations" || g_.lower(noun_obj) == "ties")))) {
        if (noun_obj >= 0) action = base + " " + g_.lower(noun_obj) + " with";
        objects.push_back(actors[1]);
        actors.resize(1);
      }
    }
    if (objects.empty() && artefact.empty()) {
      if (light || !kIntransitive.count(base)) continue;
    }
    if (!prefix.empty()) action = prefix + action;

    if (objects.size() >= 2) last_objects = objects;
    RawEvent proto;
    proto.action = action;
    proto.negated = Negated(v, chain);
    proto.modality = Modality(v, chain);
    // "will begin ..., meeting with X before travelling to Y": participles
    // share the modality of their clause.
    if (inherited && proto.modality == "asserted") proto.modality = last_modality;
    if (!inherited) last_modality = proto.modality;
    proto.time = NearestTime(v);
    proto.confidence = s_.parse->null_count == 0 ? 0.8 : 0.6;
    int place_word = PlaceNear(v, objects.empty() ? -1 : objects[0]);
    for (int a : actors) {
      auto emit = [&](int obj_word) {
        RawEvent e = proto;
        e.actor = s_.word_mention[a];
        if (obj_word >= 0) {
          e.object = s_.word_mention[obj_word];
          if (g_.mention(obj_word).name == g_.mention(a).name) return;
        } else {
          e.object_text = artefact;
        }
        if (place_word >= 0 && place_word != obj_word) e.place = s_.word_mention[place_word];
        out.push_back(e);
      };
      if (objects.empty()) {
        emit(-1);
      } else {
        for (int o : objects) emit(o);
      }
    }
  }
  Nominal(&out);
  return out;
}

}  // namespace

std::vector<RawEvent> ExtractEvents(const AnalysedSentence& s, const Lemmatizer& lemmas) {
  Extraction x(s, lemmas);
  return x.Run();
}

}  // namespace detente
