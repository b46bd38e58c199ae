// What is acted on: the direct object (an O link, else the noun phrase right
// after the verb group), the prepositional object ("travel to X", "agreed
// to a truce"), and the choice between them: a noun the verb carries into
// its action when a named target follows ("imposed sanctions on Iran" ->
// "impose sanctions on" Iran), the noun itself when it is a thing acted on
// ("signed the treaty"), or no object for verbs that need none ("resigned").
#include <algorithm>

#include "entities/lemmatizer.h"
#include "entities/lexicon.h"
#include "entities/words.h"
#include "extract/arguments.h"
#include "extract/rules/rules.h"

namespace detente {
namespace {

bool IsActorKind(MentionKind kind) {
  return kind != EntityKind::kArtefact && !kind.is_reference() && kind != EntityKind::kVenue;
}

// A noun that names an act ("release", "closure", "lifting"): "order the
// release of X" is an order about X.
bool IsActNoun(const SentenceGraph& g, int w) {
  const Lexicon& lex = g.lexicon();
  const GraphWord& x = g.word(w);
  if (lex.Has(WordList::kEventNoun, x.lower) || lex.Has(WordList::kEventNoun, x.noun)) return true;
  // Agreements and institutions are things, whatever their ending.
  if (lex.Has(WordList::kAnaphoricNoun, x.noun) || lex.Has(WordList::kInstitutionNoun, x.noun))
    return false;
  for (const char* suf : {"tion", "sion", "ure", "al", "ing", "ence", "ance", "ity"}) {
    std::string_view s(suf);
    if (x.lower.size() > s.size() + 2 &&
        x.lower.compare(x.lower.size() - s.size(), s.size(), s) == 0)
      return true;
  }
  return false;
}

// "gas supplies", "the sale of jets": a noun WordNet derives from a verb of
// giving; what it names goes to a recipient.
bool GivenNoun(const SentenceGraph& g, int noun) {
  const Lemmatizer* lem = g.knowledge().lemmas;
  if (!lem || g.pos(noun) != Pos::kNoun) return false;
  for (const std::string& v : lem->VerbsOfNoun(g.word(noun).noun))
    if (g.lexicon().Has(WordList::kTransferVerb, v)) return true;
  return false;
}

// Whether a verb keeps its noun in the action when a named target follows
// ("imposed sanctions on Iran", "recalled its ambassador from X"): light
// verbs, and nouns of acts, meetings and people; not things, which stay the
// object ("endorsed a plan for Gaza").
bool CarriesNoun(const SentenceGraph& g, const std::string& verb, int noun, bool light,
                 const std::string& prep) {
  const Lexicon& lex = g.lexicon();
  const GraphWord& x = g.word(noun);
  // "imposed tariffs on Colombia": a measure against a target.
  bool measure =
      (lex.Has(WordList::kMeasureNoun, x.lower) || lex.Has(WordList::kMeasureNoun, x.noun)) &&
      (prep == "on" || prep == "against" || prep == "at");
  // "struck a coalition deal with the DA": making an agreement with a partner.
  bool agreeing = prep == "with" && lex.Has(WordList::kReciprocalVerb, verb + " " + x.noun);
  bool people = (lex.Has(WordList::kAgentNoun, x.lower) || lex.Has(WordList::kAgentNoun, x.noun)) &&
                !lex.Has(WordList::kInstitutionNoun, x.noun);
  // "pledged $500m in aid to Ukraine": what is given goes to its target.
  bool given = prep == "to" && (lex.Has(WordList::kTransferVerb, verb) || GivenNoun(g, noun));
  return light || measure || agreeing || people || given || IsActNoun(g, noun) ||
         lex.Has(WordList::kMeetingNoun, x.lower);
}

// "opened a tour in Cairo", "held talks at Camp David": where the meeting
// happened, not whom it was with.
bool PlaceOfAct(const SentenceGraph& g, const Predicate& p) {
  if (p.prep != "in" && p.prep != "at") return false;
  // Not "halted its operation in Nagorno-Karabakh": there the region is the target.
  if (!g.lexicon().Has(WordList::kMeetingNoun, g.word(p.noun).lower)) return false;
  for (int o : p.prep_objects) {
    const MentionKind kind = g.mention(o).kind;
    if (kind != EntityKind::kCity && kind != EntityKind::kCountry && kind != EntityKind::kRegion)
      return false;
  }
  return true;
}

// "Venezuela's oil sector", "Israeli positions": a thing whose owner is named.
bool OwnedByName(const SentenceGraph& g, int noun) {
  int np = g.PhraseOf(noun);
  if (np < 0) return false;
  const NounPhrase& p = g.phrases()[np];
  if (p.possessor >= 0 && g.IsNamed(p.possessor)) return true;
  for (int k = p.first; k < noun; ++k)
    if (g.IsNamed(k) || ModifierOf(g, k)) return true;
  return false;
}

// The verb an act noun names ("release" -> "release", "closure" -> the
// noun itself, which the classifier reads as a noun).
std::string NounVerb(const SentenceGraph& g, int noun) {
  const Lexicon& lex = g.lexicon();
  const GraphWord& x = g.word(noun);
  std::string verb = lex.Value(WordList::kEventNoun, x.lower);
  if (verb.empty()) verb = lex.Value(WordList::kEventNoun, x.noun);
  return verb.empty() ? x.noun : verb;
}

// Nouns that a light verb turns into an act needing a named target: "held
// talks", "carried out strikes", "launched an offensive".
bool NeedsTarget(const SentenceGraph& g, int noun) {
  const Lexicon& lex = g.lexicon();
  const GraphWord& x = g.word(noun);
  return lex.Has(WordList::kMeetingNoun, x.lower) || lex.Has(WordList::kMeasureNoun, x.lower) ||
         lex.Has(WordList::kMeasureNoun, x.noun);
}

// The first word after the verb group, its particle and adverbs
// ("dismissed almost his entire cabinet").
int AfterGroup(const SentenceGraph& g, const VerbGroup& v) {
  int k = SkipAdverbs(g, (v.particle >= 0 ? v.particle : v.head) + 1);
  while (k < g.size() && g.pos(k) == Pos::kAdv) k = SkipAdverbs(g, k + 1);
  return k;
}

// The object a relative clause leaves out: "the withdrawal that Macron
// announced", "the war that Israel launched against Iran", "an election,
// which the council said Maduro had won" -> the noun before the pronoun.
int RelativeObject(const SentenceGraph& g, const Predicate& p, const VerbGroup& v) {
  if (p.subjects.empty() || v.voice == Voice::kPassive) return -1;
  int k = *std::min_element(p.subjects.begin(), p.subjects.end());
  if (g.PhraseOf(k) >= 0) k = g.phrases()[g.PhraseOf(k)].first;
  --k;
  // "which the council said Maduro had won": over a reporting clause.
  if (k >= 1 && g.GroupOf(k) >= 0 && g.lexicon().Has(WordList::kSpeechVerb, g.word(k).verb)) {
    int s = k - 1;
    if (g.PhraseOf(s) >= 0) s = g.phrases()[g.PhraseOf(s)].first;
    k = s - 1;
  }
  // "a charge the Kremlin denied": no pronoun at all.
  if (k >= 0 && g.pos(k) == Pos::kNoun && !g.InTime(k) && v.form == VerbForm::kFinite &&
      g.word(v.head).verb != g.lower(v.head))
    return k;
  if (k < 1 || (g.lower(k) != "that" && g.lower(k) != "which")) return -1;
  // "told his counterpart Lloyd Austin that Beijing would": what was said.
  if (g.HasLink(k, "TH", -1)) return -1;
  for (int w = k - 1; w >= 0 && w >= k - 4; --w)
    if (g.GroupOf(w) >= 0) {
      if (g.lexicon().Has(WordList::kSpeechVerb, g.word(w).verb)) return -1;
      break;
    }
  int a = k - 1;
  if (g.lower(a) == ",") --a;
  if (a < 0 || (g.pos(a) != Pos::kNoun && !g.IsNamed(a))) return -1;
  return a;
}

// "the incoming government", "the cabinet": a description of an institution
// is a thing acted on, not the state it belongs to.
bool IsInstitutionDescription(const SentenceGraph& g, int w) {
  if (!g.IsMention(w)) return false;
  const std::string& text = g.mention(w).text;
  if (text.size() < 5 || (text.compare(0, 4, "the ") != 0 && text.compare(0, 4, "The ") != 0))
    return false;
  std::string head = Lower(text.substr(text.rfind(' ') + 1));
  return g.lexicon().Has(WordList::kGovernmentNoun, head);
}

// Whether word k starts a time expression ("resigned Sunday from").
bool StartsTime(const SentenceGraph& g, int k, int* end) {
  for (const TimeExpr& t : g.sentence().times) {
    if (t.first == k) {
      *end = t.last;
      return true;
    }
  }
  return false;
}

// "ordered troops into them": an unresolved "them" is the latest list of
// named objects in the sentence; empty when there is none.
std::vector<int> LatestList(const RuleContext& c, int group) {
  const SentenceGraph& g = c.g;
  for (int q = group - 1; q >= 0; --q) {
    for (const std::vector<int>* list : {&c.preds[q].objects, &c.preds[q].prep_objects}) {
      int named = 0;
      for (int x : *list) named += g.IsNamed(x);
      if (named >= 2) return *list;
    }
  }
  return {};
}

bool UnresolvedThem(const SentenceGraph& g, int w) {
  return g.IsMention(w) && !g.IsNamed(w) && (g.lower(w) == "them" || g.lower(w) == "they");
}

// "condemned what it called Israel's repeated violations": the phrase a
// free relative of naming ("what X called|described as") names, from word
// `w`; else -1.
int WhatItCalled(const SentenceGraph& g, int w) {
  if (w + 3 >= g.size() || g.lower(w) != "what") return -1;
  for (int k = w + 1; k <= w + 3 && k < g.size(); ++k) {
    int gi = g.GroupOf(k);
    if (gi < 0) continue;
    if (!g.lexicon().Has(WordList::kOpinionVerb, g.word(g.groups()[gi].head).verb)) return -1;
    int next = k + 1;
    if (next < g.size() && g.lower(next) == "as") ++next;
    return next < g.size() ? PhraseHeadAt(g, next) : -1;
  }
  return -1;
}

// "accused each other", "each side accused the other": the subjects, two
// or a pair ("each side"), act on one another from word `w` on.
bool OnEachOther(const SentenceGraph& g, const Predicate& p, int w) {
  bool pair = p.subjects.size() >= 2 || (p.subjects.size() == 1 && IsEachOfPair(g, p.subjects[0]));
  if (!pair || w + 1 >= g.size()) return false;
  const std::string& a = g.lower(w);
  const std::string& b = g.lower(w + 1);
  return (a == "each" && b == "other") || (a == "one" && b == "another") ||
         (a == "the" && b == "other");
}

// "recalled its ambassador to Belarus": one's own envoy is named by the
// post, which is what the act is aimed at. The post's name, or -1.
int EnvoyPost(const SentenceGraph& g, int head) {
  const Lexicon& lex = g.lexicon();
  if (head < 1 || head + 2 >= g.size() || !lex.Has(WordList::kPossessive, g.lower(head - 1)))
    return -1;
  const GraphWord& noun = g.word(head);
  if (g.pos(head) != Pos::kNoun ||
      !(lex.Has(WordList::kAgentNoun, noun.lower) || lex.Has(WordList::kAgentNoun, noun.noun)) ||
      g.lower(head + 1) != "to")
    return -1;
  int post = PhraseHeadAt(g, head + 2);
  return post >= 0 && g.IsNamed(post) ? post : -1;
}

// The name after "to" that follows `noun` within its own phrases ("supplies
// to Moldova", "the sale of 40 jets to Turkey"), or -1.
int RecipientAfter(const SentenceGraph& g, int noun) {
  for (int k = noun + 1; k + 1 < g.size() && k <= noun + tuning::kPrepWindow; ++k) {
    if (g.ClauseBreak(k) || g.lower(k) == "," || g.GroupOf(k) >= 0) return -1;
    if (g.lower(k) != "to") continue;
    int m = PhraseHeadAt(g, k + 1);
    return m >= 0 && g.IsNamed(m) ? m : -1;
  }
  return -1;
}

}  // namespace

void DirectObjects(RuleContext& c) {
  const SentenceGraph& g = c.g;
  for (Predicate& p : c.preds) {
    const VerbGroup& v = g.groups()[p.group];
    if (v.voice == Voice::kPassive || p.not_event) continue;
    int after = AfterGroup(g, v);
    if (OnEachOther(g, p, after)) {
      p.reciprocal = true;
      continue;
    }
    int head = -1;
    for (const GraphLink& l : g.links(v.head)) {
      // An active verb's object follows it.
      if (l.to_right && IsObjectLink(l.label) && l.other > v.head) {
        head = l.other;
        break;
      }
    }
    // "awarded the title to soldiers who fought in the Kursk region": an
    // object link into a relative clause is a misparse.
    for (int w = v.head + 1; head >= 0 && w < head; ++w)
      if (g.pos(w) == Pos::kRel || g.ClauseBreak(w)) head = -1;
    // "apologised to Indonesia for the violence of its war": nor is one past
    // a preposition the verb itself governs ("announced on Wednesday a deal"
    // is a time, not a preposition's object).
    for (const GraphLink& l : g.links(v.head))
      if (head >= 0 && l.to_right && l.other < head && l.label.rfind("MV", 0) == 0 &&
          g.pos(l.other) == Pos::kPrep && !g.InTime(l.other + 1))
        head = -1;
    if (int named = WhatItCalled(g, after); named >= 0) head = named;
    // "hosted Kishida and Yoon": the parser links the object to the "and".
    if (head >= 0 && g.pos(head) == Pos::kConj) {
      std::vector<int> parts = Conjuncts(g, head);
      head = parts.empty() ? -1 : parts.front();
    }
    // "resigned Sunday from": a day is no object.
    if (head >= 0 && (g.InTime(head) || IsCalendarWord(g.lower(head)))) head = -1;
    // "bringing down Germany's coalition hours after": a span of time is no
    // object either, however the parser joined it.
    if (head >= 0 && !g.IsMention(head) && g.lexicon().Has(WordList::kTimeNoun, g.word(head).noun))
      head = -1;
    // "opens new Middle East tour": a name that modifies a noun is not the object.
    if (head >= 0 && g.PhraseOf(head) >= 0 && g.phrases()[g.PhraseOf(head)].head != head)
      head = PhraseHeadAt(g, g.phrases()[g.PhraseOf(head)].first);
    int k = AfterGroup(g, v);
    // A name right after the verb is its object, whatever a far link says.
    int near = k < g.size() && g.PhraseOf(k) >= 0 && g.phrases()[g.PhraseOf(k)].first == k
                   ? PhraseHeadAt(g, k)
                   : -1;
    if (head > near && near >= 0 && g.IsNamed(near)) head = near;
    int end = -1;
    if (head < 0 && k < g.size() && StartsTime(g, k, &end)) k = SkipAdverbs(g, end + 1);
    bool count_of = k + 1 < g.size() && g.lower(k + 1) == "of" &&
                    (g.pos(k) == Pos::kNum || g.lexicon().Has(WordList::kPartitiveNoun, g.lower(k)));
    if (head < 0 && k < g.size() &&
        ((g.PhraseOf(k) >= 0 && g.phrases()[g.PhraseOf(k)].first == k) || count_of))
      head = PhraseHeadAt(g, k);
    if (head < 0) head = RelativeObject(g, p, v);
    if (head < 0) continue;
    if (g.PhraseOf(head) >= 0 && !g.IsMention(head))
      head = PhraseHeadAt(g, g.phrases()[g.PhraseOf(head)].first);
    if (head < 0) continue;
    if (int post = EnvoyPost(g, head); post >= 0) head = post;
    // The subject is never its own object (a misattached link).
    if (std::find(p.subjects.begin(), p.subjects.end(), head) != p.subjects.end()) continue;
    if (g.IsMention(head) && IsInstitutionDescription(g, head)) {
      p.noun = head;
    } else if (UnresolvedThem(g, head)) {
      p.objects = {head};  // "accusing them": resolved once every list is known
    } else if (g.IsMention(head)) {
      for (int x : CoordinatedNames(g, SkipPossessor(g, head)))
        if (g.IsNamed(x)) p.objects.push_back(x);
    } else if (g.pos(head) == Pos::kNoun) {
      p.objects = ExamplesAfter(g, head);
      // "summoned Israel's ambassador": people stand for their affiliation.
      if (p.objects.empty() && !IsObjectNoun(g, head)) p.objects = ActorsOfPhrase(g, head);
      // "the Nord Stream 2 gas pipeline": the named thing is the object.
      int np = g.PhraseOf(head);
      for (int k = np >= 0 ? g.phrases()[np].first : head; p.objects.empty() && k < head; ++k)
        if (g.IsNamed(k) && g.mention(k).kind == EntityKind::kArtefact) p.objects.push_back(k);
      if (p.objects.empty()) p.noun = head;
    }
  }
}

void PrepositionalObjects(RuleContext& c) {
  const SentenceGraph& g = c.g;
  const Lexicon& lex = g.lexicon();
  const int n = g.size();
  for (Predicate& p : c.preds) {
    const VerbGroup& v = g.groups()[p.group];
    if (p.not_event || p.reciprocal) continue;  // "accused each other of"
    bool motion = lex.Has(WordList::kMotionVerb, g.word(v.head).verb);
    // After the object, or after the verb when the object came before it
    // ("a case that South Africa had brought against Israel").
    int from = v.particle >= 0 ? v.particle : v.head;
    if (p.noun > from) from = p.noun;
    if (!p.objects.empty() && p.objects.back() > from) from = p.objects.back();
    int split = -1;  // "pulled his party out of the coalition": the particle after the object
    int object_end = from > v.head && g.PhraseOf(from) >= 0 ? g.phrases()[g.PhraseOf(from)].head
                                                             : from;
    // "halted gas supplies to Moldova", "approved the sale of jets to
    // Turkey": what is given goes to its recipient, past "of" what it is.
    if (int to = p.noun >= 0 && GivenNoun(g, p.noun) ? RecipientAfter(g, p.noun) : -1; to >= 0) {
      p.prep = "to";
      for (int x : CoordinatedNames(g, to))
        if (g.IsNamed(x)) p.prep_objects.push_back(x);
      continue;
    }
    for (int k = from + 1; k < n && k <= from + tuning::kPrepWindow; ++k) {
      if (g.ClauseBreak(k) || g.lower(k) == ",") break;
      if (g.GroupOf(k) >= 0 || g.pos(k) == Pos::kAux || g.pos(k) == Pos::kModal) break;
      // "militias hostile to Kigali": an adjective after a noun starts a
      // phrase of its own, which the verb does not act on.
      if (k > from && g.pos(k) == Pos::kAdj && (g.pos(k - 1) == Pos::kNoun || g.IsMention(k - 1)))
        break;
      if (k == object_end + 1 && from > v.head && v.particle < 0 && k + 1 < n &&
          lex.Has(WordList::kParticle, g.lower(k)) &&
          (g.lower(k + 1) == "of" || g.lower(k + 1) == "from")) {
        split = k;
        continue;
      }
      if (g.pos(k) != Pos::kPrep) continue;
      const std::string& prep = g.lower(k);
      int end = -1;
      if (k + 1 < n && StartsTime(g, k + 1, &end)) {
        k = end;
        continue;
      }
      // "mediated between Tehran and Washington": each of the two ("talks
      // between" them are theirs: NominalEvents).
      if (prep == "between" && p.noun < 0) {
        int m = PhraseHeadAt(g, k + 1);
        std::vector<int> sides = m >= 0 && g.IsNamed(m) ? CoordinatedNames(g, m) : std::vector<int>{};
        if (sides.size() >= 2) {
          p.prep = prep;
          for (int x : sides)
            if (g.IsNamed(x)) p.prep_objects.push_back(x);
          break;
        }
      }
      if (!lex.Has(WordList::kObjectPreposition, prep)) {
        if (prep == "between" || prep == "among" || prep == "under" || prep == "within") continue;
        break;
      }
      // "each other", "one another": the coordinated subjects act on each other.
      if (k + 2 < n && ((g.lower(k + 1) == "each" && g.lower(k + 2) == "other") ||
                        (g.lower(k + 1) == "one" && g.lower(k + 2) == "another"))) {
        p.prep = prep;
        p.reciprocal = true;
        break;
      }
      bool place_prep = prep == "in" || prep == "at" || prep == "near";
      // "deployed troops in Niger", "halted its operation in Karabakh",
      // "froze its participation in the CSTO": "in" names the target of
      // people sent and of acts; not of institutions ("the embassy in Quito").
      bool noun_is_target = false;
      if (p.noun >= 0) {
        const GraphWord& x = g.word(p.noun);
        bool people =
            lex.Has(WordList::kAgentNoun, x.lower) || lex.Has(WordList::kAgentNoun, x.noun);
        bool institution = lex.Has(WordList::kInstitutionNoun, x.lower) ||
                           lex.Has(WordList::kInstitutionNoun, x.noun);
        bool act =
            lex.Has(WordList::kEventNoun, x.lower) && !lex.Has(WordList::kMeetingNoun, x.lower);
        noun_is_target = (people && !institution) || act;
      }
      // "the release of X", "pulled out of the coalition": "of" after a noun
      // or a particle; "take part in the talks": "in" an act after a particle.
      bool after_particle = (v.particle >= 0 && k == v.particle + 1) || (split >= 0 && k == split + 1);
      int in_what = after_particle && prep == "in" ? PhraseHeadAt(g, k + 1) : -1;
      bool in_act = in_what >= 0 && !g.IsMention(in_what) &&
                    (lex.Has(WordList::kMeetingNoun, g.word(in_what).noun) ||
                     lex.Has(WordList::kEventNoun, g.word(in_what).noun));
      if (place_prep && !motion && !(noun_is_target && prep == "in") && !in_act) continue;
      if (prep == "of" && !(p.noun >= 0 && k == p.noun + 1) && !after_particle) continue;
      int m = PhraseHeadAt(g, k + 1);
      if (m < 0) continue;
      // "arrested four lawmakers in New Delhi": a city is where, not whom.
      if (place_prep && !motion && g.IsMention(m) && g.mention(m).kind == EntityKind::kCity)
        continue;
      if (g.IsMention(m)) m = SkipPossessor(g, m);
      if (UnresolvedThem(g, m) && !LatestList(c, p.group).empty()) {
        p.prep = prep;
        p.prep_objects = LatestList(c, p.group);
        break;
      }
      if (g.IsNamed(m) && !IsInstitutionDescription(g, m)) {
        p.prep = prep;
        for (int x : CoordinatedNames(g, m))
          if (g.IsNamed(x)) p.prep_objects.push_back(x);
        if (split >= 0 && k == split + 1) p.split_particle = g.lower(split);
        break;
      }
      if (!g.IsMention(m) && !ExamplesAfter(g, m).empty()) {
        p.prep = prep;
        p.prep_objects = ExamplesAfter(g, m);
        break;
      }
      // "fired tear gas at supporters of X": people stand for whom they
      // follow; unnamed people end the search ("at protesters in Nairobi"
      // does not aim at Nairobi).
      if (!g.IsMention(m) && (lex.Has(WordList::kAgentNoun, g.word(m).lower) ||
                              lex.Has(WordList::kAgentNoun, g.word(m).noun))) {
        std::vector<int> actors = ActorsOfPhrase(g, m);
        if (!actors.empty()) {
          p.prep = prep;
          p.prep_objects = actors;
        }
        break;
      }
      if ((!g.IsMention(m) && IsObjectNoun(g, m)) || IsInstitutionDescription(g, m)) {
        p.prep = prep;
        p.prep_noun = m;
        if (split >= 0 && k == split + 1) p.split_particle = g.lower(split);
        // "the certification of the Nord Stream 2 gas pipeline": the named thing.
        int np = g.PhraseOf(m);
        for (int a = np >= 0 ? g.phrases()[np].first : m; a < m; ++a)
          if (g.IsNamed(a) && g.mention(a).kind == EntityKind::kArtefact) {
            p.prep_objects = {a};
            p.prep_noun = -1;
            break;
          }
        break;  // later phrases hang from this one: "a proposal for a truce with Russia"
      }
    }
  }
}

namespace {

// One predicate's object choice, with what its cases consult.
struct Choice {
  RuleContext& c;
  const SentenceGraph& g;
  const Lexicon& lex;
  Predicate& p;
  std::string lemma, verb, noun_word;
  bool light, speech;

  void NotEvent(const char* why) {
    p.not_event = true;
    p.why_not = why;
  }
  // Makes the noun part of the action ("held talks"), acting on `then`.
  void Consume(int then) {
    c.consumed.push_back(p.noun);
    p.noun = then;
  }
  int NamedSubjects() const {
    return static_cast<int>(
        std::count_if(p.subjects.begin(), p.subjects.end(), [&](int s) { return g.IsNamed(s); }));
  }
};

// "pulled his party out of the coalition": the verb and its moved particle
// act on what follows them; true when so.
bool SplitParticle(Choice& x) {
  Predicate& p = x.p;
  if (p.split_particle.empty() || (p.prep_objects.empty() && p.prep_noun < 0)) return false;
  p.action = x.lemma + " " + p.split_particle + " " + p.prep;
  p.objects = p.prep_objects;
  p.noun = p.prep_objects.empty() ? p.prep_noun : -1;
  p.rule = "object.split_particle";
  return true;
}

// Opinion and speech verbs that decide on their own; true when decided.
bool OpinionOrSpeech(Choice& x) {
  Predicate& p = x.p;
  const SentenceGraph& g = x.g;
  if (p.opinion) {
    // "called a snap election": only a verb that can convene does.
    bool convenes = x.lex.Value(WordList::kOpinionVerb, x.verb) == "convene" && p.noun >= 0 &&
                    (x.lex.Has(WordList::kConveneNoun, x.noun_word) ||
                     x.lex.Has(WordList::kConveneNoun, g.word(p.noun).noun));
    if (!convenes) {
      x.NotEvent("opinion verb");
      return true;
    }
    p.objects.clear();
  }
  if (!x.speech || !p.objects.empty()) return false;
  // "told Canada's parliament", "warned against the meeting" (but "said an
  // interim government would be formed" reports a clause).
  int after_noun = p.noun >= 0 ? SkipAdverbs(g, p.noun + 1) : -1;
  bool clause = after_noun >= 0 && after_noun < g.size() &&
                (g.pos(after_noun) == Pos::kAux || g.pos(after_noun) == Pos::kModal ||
                 g.pos(after_noun) == Pos::kVerb);
  if (p.noun >= 0 && !clause && x.lex.Has(WordList::kInstitutionNoun, g.word(p.noun).noun)) {
    p.rule = "object.noun";
    return true;
  }
  if (p.noun < 0 && p.prep == "against" && p.prep_noun >= 0) {
    p.action = x.lemma + " against";
    p.noun = p.prep_noun;
    p.rule = "object.prepositional";
    return true;
  }
  return false;
}

// Named direct objects; true when there are any (or the verb is speech).
bool NamedObjects(Choice& x) {
  Predicate& p = x.p;
  const SentenceGraph& g = x.g;
  // "handed over 13 Israeli hostages to the ICRC": people carried to a
  // named recipient are part of the action.
  bool carried_people = !p.objects.empty() && !p.prep_objects.empty() && p.prep != "of";
  for (int o : p.objects)
    carried_people = carried_people && g.mention(o).kind == EntityKind::kGroup &&
                     (g.mention(o).role == Role::kCvl || g.mention(o).role == Role::kRef);
  if (carried_people) {
    const std::string& text = g.mention(p.objects[0]).text;
    p.action = x.lemma + " " + Lower(text.substr(text.rfind(' ') + 1)) + " " + p.prep;
    p.objects = p.prep_objects;
    p.rule = "object.carried_noun";
    return true;
  }
  if (!p.objects.empty()) {
    if (p.rule.empty()) p.rule = "object.direct";
    if (!x.speech) return true;
    bool actor_target = false;
    for (int o : p.objects) {
      // "said Assad had stepped down": the name begins what was said; not
      // when a passive made the subject its object ("X must be confirmed").
      int after = SkipAdverbs(g, o + 1);
      bool clause = p.subject_rule != "passive.agent" && after < g.size() &&
                    (g.pos(after) == Pos::kVerb || g.pos(after) == Pos::kAux ||
                     g.pos(after) == Pos::kModal);
      actor_target = actor_target || (IsActorKind(g.mention(o).kind) && !clause);
    }
    if (!actor_target) x.NotEvent("speech without a named target");
    return true;
  }
  if (x.speech) {
    x.NotEvent("speech without a named target");
    return true;
  }
  return false;
}

// "A and B exchanged fire across the border", "traded accusations": a
// verb of exchange between named subjects is between them, whatever else
// its noun is placed against ("with C" still names a partner).
bool MutualAct(const Choice& x) {
  return x.light && x.lex.Has(WordList::kReciprocalVerb, x.verb) && x.NamedSubjects() >= 2 &&
         x.p.prep != "with";
}

// A noun carried by the action ("imposed sanctions on Iran"); true when so.
bool CarriedNoun(Choice& x) {
  Predicate& p = x.p;
  const SentenceGraph& g = x.g;
  if (p.noun < 0 || MutualAct(x)) return false;
  // "condemned Russia's recognition of the regions", "criticised Israel's
  // operation in Gaza": the act is the named possessor's, and that act is
  // the object. Not the subject's own ("froze its participation in").
  if (int np = g.PhraseOf(p.noun); np >= 0 && (p.prep == "of" || IsActNoun(g, p.noun))) {
    int owner = g.phrases()[np].possessor;
    bool own = owner >= 0 && g.lexicon().Has(WordList::kPossessive, g.lower(owner));
    if (!own && OwnedByName(g, p.noun)) return false;
  }
  const std::string& nw = x.noun_word;
  if (!p.prep_objects.empty() && CarriesNoun(g, x.verb, p.noun, x.light, p.prep) &&
      (p.prep != "of" || IsActNoun(g, p.noun)) && !PlaceOfAct(g, p)) {
    // "imposed sanctions on Iran", "ordered the release of X".
    p.action = x.lemma + " " + nw + " " + p.prep;
    p.objects = p.prep_objects;
    if (x.light) p.class_verb = x.lemma + " " + nw;
    // "ordered the release of X" is classed as a release.
    if (p.prep == "of" && (x.light || x.lex.Has(WordList::kDirectiveVerb, x.verb)))
      p.class_verb = NounVerb(g, p.noun);
    x.Consume(p.noun);
  } else if (p.prep == "of" && p.prep_noun >= 0 && IsActNoun(g, p.noun)) {
    // "demanded the closure of France's bases".
    p.action = x.lemma + " " + nw + " of";
    if (x.light || x.lex.Has(WordList::kDirectiveVerb, x.verb)) p.class_verb = NounVerb(g, p.noun);
    x.Consume(p.prep_noun);
  } else if (p.prep_noun >= 0 && p.prep != "of" &&
             (x.lex.Has(WordList::kMeasureNoun, nw) ||
              x.lex.Has(WordList::kMeasureNoun, g.word(p.noun).noun) ||
              x.lex.Has(WordList::kEventNoun, nw)) &&
             (p.prep == "on" || p.prep == "against" || p.prep == "at") &&
             OwnedByName(g, p.prep_noun)) {
    // "eased sanctions on Venezuela's oil sector", "opened fire on an Israeli bus".
    p.action = x.lemma + " " + nw + " " + p.prep;
    x.Consume(p.prep_noun);
  } else {
    return false;
  }
  p.rule = "object.carried_noun";
  return true;
}

// A common-noun object, a light verb's noun, or none at all.
void NounOrNone(Choice& x) {
  Predicate& p = x.p;
  const SentenceGraph& g = x.g;
  const std::string& nw = x.noun_word;
  if (p.noun >= 0 && x.light &&
      x.lex.Has(WordList::kIntransitiveEvent, x.verb + " " + g.word(p.noun).noun)) {
    // "provided support": an act with no target.
    p.action = x.lemma + " " + nw;
    x.Consume(-1);
    p.rule = "object.none";
  } else if (p.noun >= 0 && IsObjectNoun(g, p.noun) && !(x.light && NeedsTarget(g, p.noun)) &&
             !MutualAct(x)) {
    p.rule = "object.noun";
  } else if (p.noun >= 0 && x.light && p.prep_noun >= 0 && p.prep != "of" && !MutualAct(x)) {
    // "gave ground on the claim", "set foot in": the action keeps its noun.
    p.action = x.lemma + " " + nw + " " + p.prep;
    p.class_verb = x.lemma + " " + nw;
    x.Consume(p.prep_noun);
    p.rule = "object.carried_noun";
  } else if (p.noun >= 0 && x.light) {
    // "held talks" with no named partner: a meeting of the subjects, or nothing.
    p.action = x.lemma + " " + nw;
    p.class_verb = p.action;
    x.Consume(-1);
    p.rule = "object.light_verb";
    if (!(x.lex.Has(WordList::kMeetingNoun, nw) || MutualAct(x)) || x.NamedSubjects() < 2)
      x.NotEvent("light verb without a target");
  } else if (p.reciprocal) {
    // "would not use force against each other".
    p.action = x.lemma + (p.noun >= 0 ? " " + nw : "") + (p.prep.empty() ? "" : " " + p.prep);
    if (p.noun >= 0) x.Consume(-1);
    p.rule = "object.each_other";
  } else if (p.noun < 0 && !p.prep_objects.empty()) {
    p.action = x.lemma + " " + p.prep;
    p.objects = p.prep_objects;
    p.rule = "object.prepositional";
  } else if (p.noun < 0 && p.prep_noun >= 0 && x.lex.Has(WordList::kReciprocalVerb, x.verb) &&
             x.NamedSubjects() >= 2 && p.prep != "with" && p.prep != "against" &&
             g.knowledge().lemmas &&
             g.knowledge().lemmas->NamesPhysical(g.word(p.prep_noun).noun)) {
    // "Chinese and Indian troops clashed on the border": with each other,
    // at a place ("agreed on a ceasefire" agrees to a thing).
    p.rule = "object.none";
  } else if (p.noun < 0 && p.prep_noun >= 0) {
    p.action = x.lemma + " " + p.prep;
    p.noun = p.prep_noun;
    p.rule = "object.prepositional";
  } else if (x.lex.Has(WordList::kIntransitiveEvent, x.lemma) ||
             x.lex.Has(WordList::kIntransitiveEvent, x.verb)) {
    p.noun = -1;
    p.rule = "object.none";
  } else if (x.lex.Has(WordList::kReciprocalVerb, x.verb) && x.NamedSubjects() >= 2) {
    p.noun = -1;
    p.rule = "object.none";  // "Biden and Putin met": coordination.reciprocal pairs them
  } else {
    p.noun = -1;
    x.NotEvent("no object");
  }
}

}  // namespace

void ChooseObjects(RuleContext& c) {
  const SentenceGraph& g = c.g;
  const Lexicon& lex = g.lexicon();
  for (Predicate& p : c.preds) {
    if (p.not_event) continue;
    const VerbGroup& v = g.groups()[p.group];
    const std::string verb = g.word(v.head).verb;
    Choice x{c,
             g,
             lex,
             p,
             v.lemma,
             verb,
             p.noun >= 0 ? g.lower(p.noun) : "",
             lex.Has(WordList::kLightVerb, verb) || lex.Has(WordList::kLightVerb, v.lemma),
             lex.Has(WordList::kSpeechVerb, verb) && !lex.Has(WordList::kPhrasalVerb, v.lemma)};
    p.action = v.lemma;
    if (p.objects.size() == 1 && UnresolvedThem(g, p.objects[0]))
      p.objects = LatestList(c, p.group);
    if (!SplitParticle(x) && !OpinionOrSpeech(x) && !NamedObjects(x) && !CarriedNoun(x))
      NounOrNone(x);
    if (!p.not_event && !p.prefix.empty()) p.action = p.prefix + p.action;
  }
}

void SecondaryClauses(RuleContext& c) {
  for (Predicate& p : c.preds) {
    bool secondary = p.subject_rule == "subject.participle" ||
                     p.subject_rule == "subject.purpose" || p.subject_rule == "subject.attribution";
    if (p.not_event || !secondary || !p.objects.empty() || p.noun < 0) continue;
    if (IsRecordNoun(c.g, p.noun)) continue;
    p.not_event = true;
    p.why_not = "a clause that describes its main event, acting on no entity or record";
  }
}

}  // namespace detente
