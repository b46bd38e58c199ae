#include "extract/sentence_graph.h"

#include <algorithm>
#include <cctype>

#include "entities/lemmatizer.h"
#include "entities/lexicon.h"
#include "entities/words.h"

namespace detente {
namespace {

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() > suf.size() && s.substr(s.size() - suf.size()) == suf;
}

bool IsPunct(std::string_view w) {
  return !w.empty() && std::none_of(w.begin(), w.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  });
}

bool IsNumeral(std::string_view w) {
  if (w.empty() || !std::isdigit(static_cast<unsigned char>(w[0]))) return false;
  return std::all_of(w.begin(), w.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == '.' || c == '%' ||
           c == '-';
  });
}

// "met.v-d" -> "v-d"; "U.N._Security_Council[!]" -> "".
std::string Subscript(const std::string& w) {
  std::string base = w.substr(0, w.find('['));
  size_t dot = base.rfind('.');
  if (dot == std::string::npos || dot + 1 >= base.size() || dot == 0) return "";
  std::string sub = base.substr(dot + 1);
  if (sub.size() > 6) return "";
  for (char c : sub)
    if (!(std::islower(static_cast<unsigned char>(c)) || c == '-' || c == '*' || c == '#'))
      return "";
  return sub;
}

}  // namespace

SentenceGraph::SentenceGraph(const AnalysedSentence& s, const WordKnowledge& k) : s_(s), k_(k) {
  const int n = static_cast<int>(s.words.size());
  words_.resize(n);
  links_.resize(n);
  phrase_of_.assign(n, -1);
  group_of_.assign(n, -1);
  group_at_.assign(n, -1);
  for (int i = 0; i < n; ++i) {
    GraphWord& w = words_[i];
    w.text = s.words[i];
    w.lower = Lower(w.text);
    w.mention = i < static_cast<int>(s.word_mention.size()) ? s.word_mention[i] : -1;
    if (w.mention < 0) {
      w.verb = k_.lemmas->Verb(w.text);
      w.noun = k_.lemmas->Noun(w.text);
    } else {
      w.verb = w.noun = w.lower;
    }
  }
  AddLinks();
  TagWords();
  FindPhrases();
  FindGroups();
}

void SentenceGraph::AddLinks() {
  if (!s_.parse) return;
  const Parse& p = *s_.parse;
  const int n = size();
  for (const ParseWord& w : p.words) {
    if (w.token < 0 || w.token >= n || !words_[w.token].tag.empty()) continue;
    words_[w.token].tag = Subscript(w.text);
  }
  for (const ParseLink& l : p.links) {
    if (l.left < 0 || l.right < 0 || l.left >= static_cast<int>(p.words.size()) ||
        l.right >= static_cast<int>(p.words.size()))
      continue;
    int a = p.words[l.left].token, b = p.words[l.right].token;
    if (a < 0 || b < 0 || a >= n || b >= n || a == b) continue;
    links_[a].push_back({b, l.label, a < b});
    links_[b].push_back({a, l.label, b < a});
  }
}

std::vector<int> SentenceGraph::Linked(int i, std::string_view prefix, int side) const {
  std::vector<int> out;
  for (const GraphLink& l : links_[i]) {
    if (l.label.compare(0, prefix.size(), prefix) != 0) continue;
    if (side > 0 && !l.to_right) continue;
    if (side < 0 && l.to_right) continue;
    out.push_back(l.other);
  }
  return out;
}

int SentenceGraph::AgentPhraseBefore(int w) const {
  int k = w - 1;
  while (k >= 0 && group_of_[k] < 0 &&
         (pos(k) == Pos::kNoun || pos(k) == Pos::kDet || pos(k) == Pos::kAdj ||
          pos(k) == Pos::kNum || pos(k) == Pos::kConj || IsMention(k)))
    --k;
  if (k == w - 1 || k < 1 || lower(k) != "by") return -1;
  int gi = group_of_[k - 1];
  return gi >= 0 && groups_[gi].form == VerbForm::kPastPart ? gi : -1;
}

bool SentenceGraph::HasLink(int i, std::string_view prefix, int side) const {
  for (const GraphLink& l : links_[i]) {
    if (l.label.compare(0, prefix.size(), prefix) != 0) continue;
    if ((side > 0 && !l.to_right) || (side < 0 && l.to_right)) continue;
    return true;
  }
  return false;
}

void SentenceGraph::TagWords() {
  for (int i = 0; i < size(); ++i) words_[i].pos = GuessPos(i);
  // "Talks between Russian and Ukrainian delegations ended": a plural noun of
  // meeting that opens the sentence before a preposition is the subject, not
  // an imperative.
  if (size() > 2 && words_[0].pos == Pos::kVerb && words_[1].pos == Pos::kPrep &&
      words_[0].lower.back() == 's' && k_.lexicon->Has(WordList::kMeetingNoun, words_[0].lower)) {
    words_[0].pos = Pos::kNoun;
  }
  // A headline in the present ("Philippines summons Chinese envoy"): with no
  // verb, auxiliary or "to" at all, a word in -s after a name that is a
  // verb's third person and has an object after it is the verb.
  for (int i = 0; i < size(); ++i) {
    Pos p = words_[i].pos;
    if (p == Pos::kVerb || p == Pos::kAux || p == Pos::kModal || p == Pos::kTo) return;
  }
  for (int i = 1; i + 1 < size(); ++i) {
    GraphWord& w = words_[i];
    bool third_person = w.mention < 0 && w.lower.size() > 3 && w.lower.back() == 's' &&
                        w.verb != w.lower && k_.lemmas->IsVerb(w.verb);
    bool object_next = words_[i + 1].mention >= 0 || words_[i + 1].pos == Pos::kDet ||
                       words_[i + 1].pos == Pos::kNum;
    if (third_person && words_[i - 1].mention >= 0 && object_next) {
      w.pos = Pos::kVerb;
      headline_ = true;
      return;
    }
  }
}

bool SentenceGraph::BareVerbBeforeObject(int i) const {
  if (i + 1 >= size()) return false;
  const GraphWord& w = words_[i];
  const GraphWord& next = words_[i + 1];
  bool object_next = next.mention >= 0 || k_.lexicon->Has(WordList::kDeterminer, next.lower);
  return w.mention < 0 && w.verb == w.lower && k_.lemmas->IsVerb(w.lower) && object_next;
}

// Left to right: the guess for word i may use the parts of speech before it.
Pos SentenceGraph::GuessPos(int i) const {
  const GraphWord& w = words_[i];
  const Lexicon& lex = *k_.lexicon;
  const Lemmatizer& lem = *k_.lemmas;
  const std::string& l = w.lower;
  // "its founding fathers": a possessive pronoun, even when it is resolved.
  if (w.mention >= 0) return lex.Has(WordList::kPossessive, l) ? Pos::kPoss : Pos::kName;
  if (IsPossessive(w.text)) return Pos::kPoss;
  if (IsPunct(w.text)) return Pos::kPunct;
  if (IsNumeral(w.text) || lex.Has(WordList::kNumber, l)) return Pos::kNum;
  Pos prev = i > 0 ? words_[i - 1].pos : Pos::kPunct;
  const std::string next_tag = i + 1 < size() ? words_[i + 1].tag : "";
  if (l == "to") {
    // The infinitive marker when a verb follows, else a preposition.
    if (i + 1 >= size()) return Pos::kPrep;
    const GraphWord& nx = words_[i + 1];
    if (nx.mention >= 0) return Pos::kPrep;
    if (BareVerbBeforeObject(i + 1)) return Pos::kTo;
    if (!next_tag.empty()) return next_tag[0] == 'v' || next_tag[0] == 'q' ? Pos::kTo : Pos::kPrep;
    bool base_verb = lem.IsVerb(nx.lower) && nx.verb == nx.lower;
    bool adverb_then_verb = lex.Has(WordList::kVerbAdverb, nx.lower) && i + 2 < size() &&
                            lem.IsVerb(words_[i + 2].lower);
    return base_verb || adverb_then_verb ? Pos::kTo : Pos::kPrep;
  }
  // "in May", "since March": the month, not the modal.
  if (w.text == "May" && (prev == Pos::kPrep || prev == Pos::kNum)) return Pos::kNoun;
  if (lex.Has(WordList::kModal, l)) return Pos::kModal;
  // "later named", "also met": adverbs of the verb group, whatever the tag.
  if (lex.Has(WordList::kVerbAdverb, l) && !lex.Has(WordList::kPreposition, l) &&
      !lex.Has(WordList::kSubordinator, l))
    return Pos::kAdv;
  if (lex.Has(WordList::kRelative, l)) return Pos::kRel;
  if (lex.Has(WordList::kDeterminer, l)) return Pos::kDet;
  if (lex.Has(WordList::kConjunction, l)) return Pos::kConj;
  if (lex.Has(WordList::kNegation, l)) return Pos::kNeg;
  if (lex.Has(WordList::kPossessive, l)) return Pos::kPoss;
  if (lex.Has(WordList::kSubordinator, l) && !lex.Has(WordList::kPreposition, l)) return Pos::kSub;
  if (lex.Has(WordList::kPreposition, l)) return Pos::kPrep;
  if (lex.Has(WordList::kPronoun, l)) return Pos::kName;
  if (lex.Has(WordList::kAuxiliary, w.verb) && !lem.IsNoun(l)) return Pos::kAux;
  if (lex.Has(WordList::kAuxiliary, w.verb)) return Pos::kAux;  // "has", "was"
  // "U.S.-led talks", "Iran-backed militia": a compound participle before a
  // noun modifies it; the compound-agent rule reads the act.
  // The part before the dash names the agent: a name ("U.S.", "Kremlin") or
  // a noun ("state-backed"), not a verb prefix ("re-elected", "co-chaired").
  if (size_t dash = l.rfind('-'); dash != std::string::npos && dash > 0 && i + 1 < size() &&
      l.size() > dash + 3 && l.compare(l.size() - 2, 2, "ed") == 0 &&
      (std::isupper(static_cast<unsigned char>(w.text[0])) ||
       (dash >= 4 && lem.IsNoun(l.substr(0, dash)))) &&
      (words_[i + 1].mention >= 0 || lem.IsNoun(words_[i + 1].noun)))
    return Pos::kAdj;

  bool nominal_context =
      prev == Pos::kDet || prev == Pos::kPoss || prev == Pos::kAdj || prev == Pos::kNum;
  bool can_noun = lem.IsNoun(w.noun);
  bool can_verb = lem.IsVerb(w.verb);
  bool ing = EndsWith(l, "ing");
  // "helped broker the deal": a bare infinitive after help, let or make.
  if (prev == Pos::kVerb && can_verb && w.verb == l &&
      lex.Has(WordList::kMeaningMatrix, words_[i - 1].verb) &&
      lex.Value(WordList::kMeaningMatrix, words_[i - 1].verb).empty())
    return Pos::kVerb;
  // "to meet President Macron": the parser may read "meet" as a noun.
  if (prev == Pos::kTo && BareVerbBeforeObject(i)) return Pos::kVerb;
  // "minutes after the commission declared": a span of time, however parsed.
  if (lex.Has(WordList::kTimeNoun, w.noun) && i + 1 < size()) {
    const std::string& nx = words_[i + 1].lower;
    if (nx == "after" || nx == "before" || nx == "later" || nx == "earlier" || nx == "ago")
      return Pos::kNoun;
  }
  const std::string& t = w.tag;
  if (!t.empty()) {
    char c = t[0];
    if (c == 'v' || c == 'q' || c == 'w' || c == 'g') {
      // "the ban barring Machado": a participle modifying the noun before it
      // and taking an object of its own.
      if (HasLink(i, "Mg", -1) && HasLink(i, "O", 1)) return Pos::kVerb;
      if (nominal_context && can_noun) return Pos::kNoun;  // "the strikes"
      // "the lifting of", "its founding": a gerund after a determiner names an act.
      if (ing && (prev == Pos::kDet || prev == Pos::kPoss)) return Pos::kNoun;
      // "following peace talks with", "launched air strikes": a plural noun
      // after a singular noun that itself follows a preposition, determiner
      // or verb.
      Pos two_back = i >= 2 ? words_[i - 2].pos : Pos::kOther;
      if (can_noun && prev == Pos::kNoun && EndsWith(l, "s") && i >= 2 &&
          (two_back == Pos::kPrep || two_back == Pos::kDet || two_back == Pos::kAdj ||
           two_back == Pos::kPoss || (two_back == Pos::kVerb && !EndsWith(lower(i - 1), "s"))))
        return Pos::kNoun;
      // "a surprise visit", "its first military drills": still inside the
      // noun phrase a determiner opened.
      if (can_noun && (prev == Pos::kNoun || prev == Pos::kAdj)) {
        for (int k = i - 1; k >= 0 && k >= i - 4; --k) {
          Pos q = words_[k].pos;
          if (q == Pos::kDet || q == Pos::kPoss) return Pos::kNoun;
          // "the Wagah border crossing": a name may modify the noun too.
          if (q != Pos::kNoun && q != Pos::kAdj && q != Pos::kNum && q != Pos::kName) break;
        }
      }
      // "launched strikes", "carried out raids": a noun right after a verb.
      int before = i - 1;
      if (before >= 0 && words_[before].pos == Pos::kPrep &&
          lex.Has(WordList::kParticle, words_[before].lower))
        --before;
      bool aspect = before >= 0 && (lex.Has(WordList::kAspectVerb, words_[before].verb) ||
                                    lex.Has(WordList::kOpinionVerb, words_[before].verb));
      if (before >= 0 && words_[before].pos == Pos::kVerb && can_noun && !EndsWith(l, "ed") &&
          (!ing || !aspect))
        return Pos::kNoun;  // "end fighting", "launched strikes"
      return Pos::kVerb;
    }
    if (c == 'a') return Pos::kAdj;
    if (c == 'e') return Pos::kAdv;
    if (c == 'j') return Pos::kConj;
    if (c == 'r') return can_noun && nominal_context ? Pos::kNoun : Pos::kAdv;
    if (c == 'n' || c == 's' || c == 'p' || c == 'l' || c == 't' || c == 'u' || c == 'm' ||
        c == 'c' || c == 'f' || c == 'b' || c == 'x' || c == 'y' || c == 'i' || c == 'o')
      return Pos::kNoun;
  }
  // No subscript: the parser left the word unlinked, or there is no parse.
  if (prev == Pos::kModal || prev == Pos::kTo ||
      (prev == Pos::kNeg && i >= 2 && words_[i - 2].pos == Pos::kModal)) {
    if (can_verb) return Pos::kVerb;
  }
  if (nominal_context) {
    // "a roadmap": a word WordNet does not know, after a determiner, is a noun.
    if (can_noun || (!can_verb && !EndsWith(l, "al") && !EndsWith(l, "ic") && !EndsWith(l, "ive")))
      return Pos::kNoun;
    return Pos::kAdj;
  }
  if (prev == Pos::kAux && can_verb && (ing || w.verb != l)) return Pos::kVerb;
  bool inflected = w.verb != l;  // "attacked", "met", "holds"
  // "an economist who takes office": "who" and "which" open a clause with its verb.
  if (prev == Pos::kRel && can_verb && (inflected || !can_noun) &&
      (words_[i - 1].lower == "who" || words_[i - 1].lower == "which"))
    return Pos::kVerb;
  if ((prev == Pos::kName || prev == Pos::kNoun) && can_verb) {
    if (inflected && !(EndsWith(l, "s") && can_noun && prev == Pos::kNoun)) return Pos::kVerb;
    if (!can_noun) return Pos::kVerb;
  }
  if (can_verb && (EndsWith(l, "ed") || ing) && inflected) return Pos::kVerb;
  // "sent", "met", "held": an irregular past outside a noun phrase.
  if (can_verb && inflected && !EndsWith(l, "s")) return Pos::kVerb;
  if (can_noun) return Pos::kNoun;
  if (can_verb) return Pos::kVerb;
  if (EndsWith(l, "ly")) return Pos::kAdv;
  if (!w.text.empty() && std::isupper(static_cast<unsigned char>(w.text[0]))) return Pos::kNoun;
  return Pos::kAdj;  // an unknown lower-case word before a noun modifies it
}

void SentenceGraph::FindPhrases() {
  const int n = size();
  int i = 0;
  while (i < n) {
    Pos p = pos(i);
    bool opens = p == Pos::kDet || p == Pos::kAdj || p == Pos::kNum || p == Pos::kNoun ||
                 p == Pos::kName || (p == Pos::kPoss && !IsPossessive(words_[i].text));
    if (!opens) {
      ++i;
      continue;
    }
    NounPhrase np;
    np.first = i;
    int head = -1;
    int j = i;
    for (; j < n; ++j) {
      Pos q = pos(j);
      // "to Haiti next month": a time expression is a phrase of its own.
      if (j > i && InTime(j) && !InTime(j - 1)) break;
      if (q == Pos::kDet && (j == i || (j > i && pos(j - 1) == Pos::kPoss))) continue;
      if (q == Pos::kPoss && !IsPossessive(words_[j].text) && j == i) {
        np.possessor = j;  // "his counterpart"
        continue;
      }
      if (q == Pos::kPoss && head >= 0) {
        np.possessor = head;  // "Sweden's bid"
        head = -1;
        continue;
      }
      if (q == Pos::kAdj || q == Pos::kNum) {
        if (head >= 0 && words_[head].mention < 0) break;  // "talks last week"
        continue;
      }
      // "an immediate and unconditional ceasefire", "its oil and gas sector":
      // modifiers joined inside one phrase.
      if (q == Pos::kConj && j > i && j + 2 < n && lower(j) == "and") {
        Pos before = pos(j - 1), after = pos(j + 1), then = pos(j + 2);
        bool adjectives = before == Pos::kAdj && after == Pos::kAdj;
        bool nouns = before == Pos::kNoun && after == Pos::kNoun && then == Pos::kNoun &&
                     words_[j - 1].mention < 0;
        if (adjectives || nouns) {
          if (nouns) head = -1;
          continue;
        }
      }
      if (q == Pos::kNoun || q == Pos::kName) {
        // "the coalition hours after": a measure of time starts a new phrase.
        if (head >= 0 && j + 1 < n && k_.lexicon->Has(WordList::kTimeNoun, words_[j].noun) &&
            (lower(j + 1) == "after" || lower(j + 1) == "before" || lower(j + 1) == "earlier" ||
             lower(j + 1) == "later" || lower(j + 1) == "ago"))
          break;
        // A pronoun is a phrase of its own.
        if (q == Pos::kName && head >= 0 && k_.lexicon->Has(WordList::kPronoun, lower(j))) break;
        if (head >= 0 && k_.lexicon->Has(WordList::kPronoun, lower(head))) break;
        // A time noun ends the phrase before another noun: "Monday talks" is fine,
        // but "years Russia" is not one phrase.
        head = j;
        continue;
      }
      // "the disputed election", "a U.S.-brokered deal": a participle as modifier.
      if (q == Pos::kVerb && head < 0 && j > i && j + 1 < n &&
          (pos(j + 1) == Pos::kNoun || pos(j + 1) == Pos::kAdj || pos(j + 1) == Pos::kName) &&
          (EndsWith(lower(j), "ed") || EndsWith(lower(j), "ing"))) {
        words_[j].pos = Pos::kAdj;
        continue;
      }
      break;
    }
    // "a roadmap", "the communique": a word WordNet does not know ends the
    // phrase as its noun.
    if (head < 0 && j > i && pos(j - 1) == Pos::kAdj && !k_.lemmas->IsNoun(words_[j - 1].noun) &&
        (j >= n || (pos(j) != Pos::kNoun && pos(j) != Pos::kAdj))) {
      head = j - 1;
      words_[head].pos = Pos::kNoun;
    }
    if (head >= 0) {
      np.head = head;
      int idx = static_cast<int>(phrases_.size());
      for (int k = np.first; k <= head; ++k) phrase_of_[k] = idx;
      phrases_.push_back(np);
      i = head + 1;
    } else {
      i = std::max(j, i + 1);
    }
  }
}

bool SentenceGraph::InTime(int w) const {
  for (const TimeExpr& t : s_.times)
    if (w >= t.first && w <= t.last) return true;
  return false;
}

int SentenceGraph::BeforeTime(int w) const {
  for (bool moved = true; moved && w >= 0;) {
    moved = false;
    for (const TimeExpr& t : s_.times) {
      if (w >= t.first && w <= t.last) {
        w = t.first - 1;
        if (w >= 0 && pos(w) == Pos::kPrep) --w;
        moved = true;
        break;
      }
    }
  }
  return w;
}

bool SentenceGraph::ClauseBreak(int w) const {
  if (w < 0 || w >= size()) return true;
  const std::string& l = lower(w);
  if (l == ";" || l == ":" || l == "(" || l == ")" || l == "\u2014" || l == "\u2013" || l == "--")
    return true;
  Pos p = pos(w);
  if (p == Pos::kSub || p == Pos::kRel) return true;
  if (l == "," && w + 1 < size()) {
    Pos q = pos(w + 1);
    if (q == Pos::kConj || q == Pos::kSub || q == Pos::kRel) return true;
    if (q == Pos::kVerb && EndsWith(lower(w + 1), "ing")) return true;
  }
  return false;
}

namespace {

// A past participle form: "held", "brokered", "sworn" (not "holding", "holds").
bool PastForm(const GraphWord& w) {
  if (w.verb == w.lower) return false;
  return !EndsWith(w.lower, "ing") && !(EndsWith(w.lower, "s") && !EndsWith(w.lower, "ss"));
}

}  // namespace

void SentenceGraph::FindGroups() {
  for (int v = 0; v < size(); ++v) {
    if (pos(v) != Pos::kVerb) continue;
    VerbGroup g;
    g.head = v;
    g.first = v;
    g.lemma = words_[v].verb;
    AddParticle(&g);
    AddLeftWords(&g);
    SetVoiceAndForm(&g);
    int idx = static_cast<int>(groups_.size());
    group_of_[v] = idx;
    for (int k = g.first; k <= v; ++k) group_at_[k] = idx;
    if (g.particle >= 0) group_at_[g.particle] = idx;
    groups_.push_back(std::move(g));
  }
  KeepOneMainVerb();
  FindBareInfinitives();
  FindGovernors();
  for (VerbGroup& g : groups_) SetModality(&g);
  PassModalityDown();
  // "Blinken to visit Saudi Arabia": a headline's "NAME to VERB", with no
  // finite verb, is a plan.
  bool finite = false;
  for (const VerbGroup& g : groups_) finite = finite || g.form == VerbForm::kFinite;
  for (int i = 0; i < size(); ++i) finite = finite || pos(i) == Pos::kAux || pos(i) == Pos::kModal;
  for (VerbGroup& g : groups_) {
    if (finite || g.form != VerbForm::kInfinitive || g.governor >= 0 || g.first < 1 ||
        words_[g.first - 1].mention < 0 || g.modality != Modality::kAsserted)
      continue;
    g.modality = Modality::kFuture;
    headline_ = true;
  }
}

void SentenceGraph::AddParticle(VerbGroup* group) const {
  const Lexicon& lex = *k_.lexicon;
  const int n = size();
  const int v = group->head;
  VerbGroup& g = *group;
  // The particle: "step down", "hand over", "pull out" (a K link, or a
  // phrasal verb the lexicon knows).
  if (v + 1 < n && words_[v + 1].mention < 0) {
    std::string phrase = g.lemma + " " + lower(v + 1);
    bool linked = false;
    for (const GraphLink& l : links_[v])
      if (l.other == v + 1 && l.label[0] == 'K') linked = true;
    // "shot down a drone": a phrasal verb WordNet knows, when the particle
    // cannot be a preposition of place or time ("signed on Monday").
    const std::string& next = lower(v + 1);
    bool phrasal = lex.Has(WordList::kParticle, next) && next != "in" && next != "on" &&
                   k_.lemmas && k_.lemmas->wordnet()->Contains(phrase, WnPos::kVerb);
    // "take office", "seize power": a phrase the lexicon knows.
    if ((linked && lex.Has(WordList::kParticle, next)) || phrasal ||
        lex.Has(WordList::kPhrasalVerb, phrase) || lex.Has(WordList::kIntransitiveEvent, phrase)) {
      g.particle = v + 1;
      g.lemma = phrase;
    }
  }
  // Idioms Link Grammar links with ID links ("take office", "take part").
  if (g.particle < 0 && v + 1 < n) {
    for (const GraphLink& l : links_[v]) {
      if (l.other == v + 1 && l.label.rfind("ID", 0) == 0) {
        g.particle = v + 1;
        g.lemma += " " + lower(v + 1);
      }
    }
  }
}

void SentenceGraph::AddLeftWords(VerbGroup* group) const {
  const Lexicon& lex = *k_.lexicon;
  const int v = group->head;
  VerbGroup& g = *group;
  // Auxiliaries, modals, negation and adverbs to the left.
  bool yet_to = false;
  for (int k = v - 1; k >= 0; --k) {
    Pos p = pos(k);
    const std::string& l = lower(k);
    bool adverb = lex.Has(WordList::kVerbAdverb, l) ||
                  (p == Pos::kAdv && l.size() > 3 && l.compare(l.size() - 2, 2, "ly") == 0);
    // "did not, however, order": an adverb set off by commas.
    if (l == "," && k >= 2 && lex.Has(WordList::kVerbAdverb, lower(k - 1)) && lower(k - 2) == ",") {
      g.aux.insert(g.aux.begin(), {k - 2, k - 1, k});
      g.first = k - 2;
      k -= 2;
      continue;
    }
    if (p == Pos::kAux || p == Pos::kModal || (p == Pos::kNeg && l != "no") || adverb) {
      g.aux.insert(g.aux.begin(), k);
      g.first = k;
      continue;
    }
    if (p == Pos::kTo) {
      // "has yet to respond": negated, not an infinitive.
      if (k >= 1 && lower(k - 1) == "yet") {
        yet_to = true;
        g.aux.insert(g.aux.begin(), k);
        g.first = k;
        continue;
      }
      g.form = VerbForm::kInfinitive;
      g.first = k;
    }
    break;
  }
  if (yet_to) g.negated = true;
  for (int a : g.aux)
    if (pos(a) == Pos::kNeg) g.negated = true;
}

void SentenceGraph::SetVoiceAndForm(VerbGroup* group) const {
  const Lexicon& lex = *k_.lexicon;
  const int n = size();
  const int v = group->head;
  VerbGroup& g = *group;
  // Voice: "was received", "has been held"; or a Pv link.
  int last_aux = -1;
  for (int a : g.aux)
    if (pos(a) == Pos::kAux) last_aux = a;
  // "was put on a plane": participles like the base ("put", "cut", "set").
  bool base_form = words_[v].verb == lower(v) && !EndsWith(lower(v), "ing");
  bool be_passive = last_aux >= 0 && words_[last_aux].verb == "be" &&
                    (PastForm(words_[v]) || (base_form && lower(last_aux) != "be"));
  if (be_passive || HasLink(v, "Pv", -1)) g.voice = Voice::kPassive;
  // Form.
  if (g.form != VerbForm::kInfinitive) {
    bool has_aux = false;
    for (int a : g.aux)
      if (pos(a) == Pos::kAux || pos(a) == Pos::kModal) has_aux = true;
    if (has_aux) {
      g.form = VerbForm::kFinite;
    } else if (EndsWith(lower(v), "ing")) {
      g.form = VerbForm::kPresentPart;
    } else if (PastForm(words_[v])) {
      int after = v + 1;
      while (after < n && lex.Has(WordList::kVerbAdverb, lower(after))) ++after;
      bool by = after < n && lower(after) == "by";
      // "a resolution drafted by X": a past form between a noun and "by"
      // is a reduced passive, whatever links the parser chose.
      bool linked_subject = HasLink(v, "S", -1) || HasLink(v, "S", 1);
      // "Somali forces backed by African Union troops recaptured": after a
      // name too, when the agent is linked as a later verb's subject.
      bool agent_subject = false;
      for (int a = after + 1; by && a < n && a <= after + 4 && !agent_subject; ++a)
        for (const GraphLink& l : links_[a])
          if (l.to_right && l.label.rfind("S", 0) == 0 && l.label.rfind("SJ", 0) != 0 &&
              pos(l.other) == Pos::kVerb)
            agent_subject = true;
      bool before_ok = v > 0 && (pos(v - 1) == Pos::kNoun || (IsMention(v - 1) && agent_subject));
      if (linked_subject && !(by && before_ok)) by = false;
      // Without "by", only a common noun right before (not a name, not a
      // day: "on Friday vetoed") makes it a modifier: "the deal signed in 2022".
      bool after_noun = v > 0 && pos(v - 1) == Pos::kNoun && !InTime(v - 1);
      bool mv_link = HasLink(v, "Mv", -1);
      // "X backed by tanks and gunships pushed into": the verb after the
      // agent phrase is X's.
      if (AgentPhraseBefore(v) >= 0) after_noun = false;
      if (by || (!linked_subject && after_noun && (mv_link || !s_.parse))) {
        g.form = VerbForm::kPastPart;
        g.voice = Voice::kPassive;
      }
    }
  }
}

void SentenceGraph::KeepOneMainVerb() {
  const Lexicon& lex = *k_.lexicon;
  const int n = size();
  // A past form read as a reduced participle ("the deal signed in 2022")
  // needs a main verb elsewhere; without one it is the main verb ("Ukraine
  // and Russia carried out ...").
  for (VerbGroup& g : groups_) {
    if (g.form != VerbForm::kPastPart) continue;
    int after = g.head + 1;
    while (after < n && lex.Has(WordList::kVerbAdverb, lower(after))) ++after;
    if (after < n && lower(after) == "by") continue;
    bool other_finite = false;
    for (const VerbGroup& o : groups_)
      if (&o != &g && o.form == VerbForm::kFinite) other_finite = true;
    if (!other_finite) {
      g.form = VerbForm::kFinite;
      g.voice = Voice::kActive;
    }
  }
}

void SentenceGraph::FindBareInfinitives() {
  const Lexicon& lex = *k_.lexicon;
  // Bare infinitives: "helped broker the deal", "let Kyiv strike".
  for (int gi = 0; gi < static_cast<int>(groups_.size()); ++gi) {
    VerbGroup& g = groups_[gi];
    if (g.form == VerbForm::kInfinitive || g.first != g.head || g.head == 0) continue;
    int k = g.head - 1;
    if (PhraseOf(k) >= 0 && group_of_[k] < 0) k = phrases_[PhraseOf(k)].first - 1;
    if (k < 0 || group_of_[k] < 0) continue;
    const std::string& gov = words_[k].verb;
    bool bare =
        lex.Has(WordList::kMeaningMatrix, gov) && lex.Value(WordList::kMeaningMatrix, gov).empty();
    if (!bare || words_[g.head].verb != lower(g.head)) continue;
    g.form = VerbForm::kInfinitive;
    g.governor = group_of_[k];
    if (groups_[g.governor].governs < 0) groups_[g.governor].governs = gi;
  }
}

void SentenceGraph::FindGovernors() {
  const Lexicon& lex = *k_.lexicon;
  // Governors of infinitives: "expected to meet", "agreed to send", "urged
  // Beijing to lift", "is due to travel".
  for (int gi = 0; gi < static_cast<int>(groups_.size()); ++gi) {
    VerbGroup& g = groups_[gi];
    if (g.form != VerbForm::kInfinitive) continue;
    int to = g.first;
    int k = to - 1;
    // "voted on Saturday to impeach", "decide whether to remove".
    for (int before = -2; before != k && k >= 0;) {
      before = k;
      if (lex.Has(WordList::kVerbAdverb, lower(k)) || lower(k) == "whether") --k;
      k = BeforeTime(k);
    }
    if (k < 0) continue;
    if (group_of_[k] >= 0) {
      g.governor = group_of_[k];
    } else if (PhraseOf(k) >= 0) {
      // "endorsed a plan to rebuild Gaza": a thing's infinitive describes it.
      int head = phrases_[PhraseOf(k)].head;
      if (words_[head].mention < 0 && !lex.Has(WordList::kAgentNoun, words_[head].noun) &&
          k_.lemmas->NamesThing(words_[head].noun))
        continue;
      // The controller's phrase: the verb before it governs ("urged Beijing to",
      // "prompting thousands of protesters to").
      int start = phrases_[PhraseOf(k)].first;
      if (start >= 2 && lower(start - 1) == "of" && PhraseOf(start - 2) >= 0)
        start = phrases_[PhraseOf(start - 2)].first;
      // "pressing Israel and Hamas to": over the coordinated phrases.
      while (start >= 2 && (lower(start - 1) == "and" || lower(start - 1) == ",") &&
             PhraseOf(start - 2) >= 0 && IsMention(start - 2))
        start = phrases_[PhraseOf(start - 2)].first;
      // "ordered more than one million Palestinians to": over the quantity.
      while (start >= 1 && lex.Has(WordList::kQuantityWord, lower(start - 1))) --start;
      int b = start - 1;
      if (b >= 0 && group_of_[b] >= 0) g.governor = group_of_[b];
      if (b >= 0 && group_at_[b] >= 0 && pos(b) == Pos::kPrep) g.governor = group_at_[b];
    }
    if (g.governor >= 0 && groups_[g.governor].governs < 0) groups_[g.governor].governs = gi;
  }
}

void SentenceGraph::PassModalityDown() {
  const Lexicon& lex = *k_.lexicon;
  // "demanding that Netanyahu agree to a deal": a clause a directive asks
  // for may happen.
  for (VerbGroup& g : groups_) {
    if (g.form != VerbForm::kFinite || g.modality != Modality::kAsserted) continue;
    for (int k = g.first - 1; k >= 1 && k >= g.first - 8; --k) {
      if (group_of_[k] >= 0 || lower(k) == ",") break;
      if (lower(k) != "that") continue;
      int d = group_of_[k - 1];
      if (d >= 0 && lex.Has(WordList::kDirectiveVerb, groups_[d].lemma))
        g.modality = Modality::kPossible;
      break;
    }
  }
  // Modality flows down from governors ("is expected to meet", "threatened to veto").
  for (VerbGroup& g : groups_) {
    for (int up = g.governor, hops = 0; up >= 0 && hops < 4; up = groups_[up].governor, ++hops) {
      const VerbGroup& gov = groups_[up];
      const std::string& gl = gov.lemma;
      // "forced him to withdraw": what was forced happened as the forcing did.
      if (lex.Has(WordList::kImplicativeVerb, words_[gov.head].verb)) {
        if (g.modality == Modality::kAsserted) g.modality = gov.modality;
        continue;
      }
      // "called on X to withdraw": the verb of a phrasal directive directs too.
      bool directive = lex.Has(WordList::kDirectiveVerb, gl) ||
                       lex.Has(WordList::kDirectiveVerb, words_[gov.head].verb);
      if (gov.modality == Modality::kPossible || directive || gl == "threaten") {
        g.modality = Modality::kPossible;
      } else if ((gov.modality == Modality::kFuture || lex.Has(WordList::kFutureMatrix, gl)) &&
                 g.modality == Modality::kAsserted) {
        g.modality = Modality::kFuture;
      }
      if (gov.negated && lex.Has(WordList::kFutureMatrix, gl)) g.negated = true;
    }
  }
}

void SentenceGraph::SetModality(VerbGroup* g) const {
  const Lexicon& lex = *k_.lexicon;
  bool conditional = false;
  for (int k = std::max(0, g->first - 8); k < g->first; ++k)
    if (lower(k) == "if" || lower(k) == "unless") conditional = true;
  Modality m = Modality::kAsserted;
  for (int a : g->aux) {
    const std::string& l = lower(a);
    const std::string& value = lex.Value(WordList::kModal, l);
    if (value == "possible") {
      m = Modality::kPossible;
    } else if (value == "future" && m == Modality::kAsserted) {
      m = (l == "would" && conditional) ? Modality::kPossible : Modality::kFuture;
    }
  }
  // "is to withdraw", "is due to travel", "is set to sign": be + adjective or to.
  if (g->form == VerbForm::kInfinitive && m == Modality::kAsserted) {
    int k = g->first - 1;
    while (k >= 0 && lex.Has(WordList::kVerbAdverb, lower(k))) --k;
    if (k >= 0 && (words_[k].verb == "be" ||
                   (lex.Has(WordList::kFutureMatrix, lower(k)) && group_of_[k] < 0))) {
      m = Modality::kFuture;
      // "is not about to resign": the negation before the adjective is the act's.
      if (words_[k].verb != "be" && k >= 1 && pos(k - 1) == Pos::kNeg) g->negated = true;
    }
  }
  // "decide whether to dissolve parliament": an open question.
  if (g->form == VerbForm::kInfinitive && g->first >= 1 && lower(g->first - 1) == "whether")
    m = Modality::kPossible;
  // "Blinken returns to the Middle East this week": the present with a time
  // is a plan.
  const std::string& word = lower(g->head);
  bool present = g->aux.empty() && g->form == VerbForm::kFinite && word.size() > 3 &&
                 word.back() == 's' && words_[g->head].verb != word;
  if (present && m == Modality::kAsserted) {
    for (const TimeExpr& t : s_.times) {
      std::string text = Lower(t.text);
      bool past = text.find("last") != std::string::npos || text.find("ago") != std::string::npos ||
                  text.find("yesterday") != std::string::npos ||
                  text.find("earlier") != std::string::npos;
      if (!past) m = Modality::kFuture;
    }
  }
  if (conditional && m == Modality::kAsserted) m = Modality::kPossible;
  g->modality = m;
}

std::string SentenceGraph::Debug() const {
  static const char* kPos[] = {"other", "NAME",  "noun", "VERB", "adj",   "adv",
                               "det",   "poss",  "prep", "conj", "sub",   "rel",
                               "aux",   "modal", "neg",  "to",   "punct", "num"};
  std::string out;
  for (int i = 0; i < size(); ++i) {
    out += std::to_string(i) + ":" + words_[i].text + "/" + kPos[static_cast<int>(pos(i))];
    if (!words_[i].tag.empty()) out += "." + words_[i].tag;
    if (phrase_of_[i] >= 0) out += " np" + std::to_string(phrase_of_[i]);
    out += "  ";
  }
  out += "\n";
  for (const VerbGroup& g : groups_) {
    out += "  vg " + g.lemma + " [" + std::to_string(g.first) + ".." + std::to_string(g.head) +
           "]" + (g.voice == Voice::kPassive ? " passive" : "") +
           (g.form == VerbForm::kInfinitive    ? " inf"
            : g.form == VerbForm::kPresentPart ? " ing"
            : g.form == VerbForm::kPastPart    ? " pp"
                                               : "") +
           (g.negated ? " neg" : "") + " " + ModalityName(g.modality) +
           (g.governor >= 0 ? " gov=" + std::to_string(groups_[g.governor].head) : "") + "\n";
  }
  for (int i = 0; i < size(); ++i)
    for (const GraphLink& l : links_[i])
      if (l.to_right)
        out += "  " + words_[i].text + " -" + l.label + "- " + words_[l.other].text + "\n";
  return out;
}

}  // namespace detente
