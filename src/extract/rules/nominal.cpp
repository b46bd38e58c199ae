// Events named by nouns and by compound words, where no verb carries them:
//   "Blinken's visit to China", "Russia's invasion of Ukraine",
//   "the release of Adli Yaish by Israel", "Israeli strikes on Gaza",
//   "talks between Seoul and Tokyo"                 (NominalEvents)
//   "the Iran-backed group", "a U.S.-brokered deal" (CompoundAgents)
//   "drew a sharp rebuke from Charles Michel"       (Reactions)
#include <algorithm>

#include "entities/lexicon.h"
#include "entities/words.h"
#include "extract/arguments.h"
#include "extract/rules/rules.h"

namespace detente {
namespace {

bool Consumed(const RuleContext& c, int w) {
  return std::find(c.consumed.begin(), c.consumed.end(), w) != c.consumed.end();
}

// The named target after an event noun: "visit to X", "invasion of X",
// "strikes on|against X"; the mention word, or -1 (an artefact head goes in
// *noun).
int TargetAfter(const SentenceGraph& g, int w, int* noun) {
  *noun = -1;
  int k = w + 1;
  if (k + 1 >= g.size() || g.pos(k) != Pos::kPrep) return -1;
  const std::string& prep = g.lower(k);
  if (prep != "to" && prep != "of" && prep != "on" && prep != "against" && prep != "into" &&
      prep != "with")
    return -1;
  int m = PhraseHeadAt(g, k + 1);
  if (m < 0) return -1;
  if (g.IsNamed(m)) return SkipPossessor(g, m);
  if (!g.IsMention(m) && IsObjectNoun(g, m)) *noun = m;
  return -1;
}

Frame NounFrame(const SentenceGraph& g, const std::string& rule, int trigger,
                const std::string& verb) {
  Frame f;
  f.rule = rule;
  f.trigger = trigger;
  f.action = verb;
  f.class_verb = verb;
  f.confidence = g.parsed() ? tuning::kConfidencePartial : tuning::kConfidencePosition;
  return f;
}

// "by X" in the next few words after the noun; *end is X's last word.
int AgentAfter(const SentenceGraph& g, int w, int* end) {
  for (int k = w + 1; k < g.size() && k <= w + 6; ++k) {
    if (g.GroupOf(k) >= 0 || g.ClauseBreak(k) || g.lower(k) == ",") break;
    if (g.lower(k) != "by") continue;
    int m = PhraseHeadAt(g, k + 1);
    if (m < 0 || !g.IsNamed(m)) return -1;
    *end = m;
    return m;
  }
  return -1;
}

// The subjects of the verb a phrase at word w hangs from ("travelled to
// Ankara for talks with X", "resigned in protest at"); empty when none.
std::vector<int> GoverningSubjects(const RuleContext& c, int w, int* group = nullptr) {
  const SentenceGraph& g = c.g;
  int np = g.PhraseOf(w);
  int k = (np >= 0 ? g.phrases()[np].first : w) - 1;
  if (k < 0 || g.pos(k) != Pos::kPrep) return {};
  for (int v = k - 1; v >= 0 && v >= k - tuning::kPrepWindow; --v) {
    if (g.ClauseBreak(v)) break;
    int gi = g.GroupOf(v);
    if (gi < 0) continue;
    std::vector<int> out;
    for (int s : c.preds[gi].subjects)
      if (g.IsNamed(s)) out.push_back(s);
    if (group) *group = gi;
    return out;
  }
  return {};
}

// "claimed responsibility for an attack on X": the subjects of the claim,
// when the phrase at word w follows "responsibility|credit for"; else empty.
std::vector<int> ClaimedBy(const RuleContext& c, int w, int* group) {
  const SentenceGraph& g = c.g;
  int np = g.PhraseOf(w);
  int k = (np >= 0 ? g.phrases()[np].first : w) - 1;
  if (k < 2 || g.lower(k) != "for" || (g.lower(k - 1) != "responsibility" && g.lower(k - 1) != "credit"))
    return {};
  int rp = g.PhraseOf(k - 1);
  int v = (rp >= 0 ? g.phrases()[rp].first : k - 1) - 1;
  *group = v >= 0 ? g.GroupAt(v) : -1;
  if (*group < 0 || !g.lexicon().Has(WordList::kClaimVerb, g.groups()[*group].lemma)) return {};
  std::vector<int> out;
  for (int s : c.preds[*group].subjects)
    if (g.IsNamed(s)) out.push_back(s);
  return out;
}

// "in protest at the ceasefire", "for talks with Erdogan": an act named by a
// noun whose actor is the subject of the clause it sits in.
void InProtest(RuleContext& c, int w, const std::string& verb) {
  const SentenceGraph& g = c.g;
  const Lexicon& lex = g.lexicon();
  if (w + 2 >= g.size() || g.pos(w + 1) != Pos::kPrep) return;
  const std::string& prep = g.lower(w + 1);
  bool meeting = lex.Has(WordList::kMeetingNoun, g.lower(w)) && prep == "with";
  // Only the idiom "in protest": "after weeks of student-led protests over
  // X" are others' protests.
  bool protest = verb == "protest" && (prep == "at" || prep == "against" || prep == "over") &&
                 w >= 1 && g.lower(w - 1) == "in";
  if (!meeting && !protest) return;
  int np = g.PhraseOf(w);
  if (np >= 0 && g.phrases()[np].possessor >= 0) return;
  int m = PhraseHeadAt(g, w + 2);
  if (m < 0) return;
  int group = -1;
  std::vector<int> actors = GoverningSubjects(c, w, &group);
  for (int a : actors) {
    Frame f = NounFrame(g, "nominal.event_noun", w, meeting ? "hold talks with" : verb + " " + prep);
    f.actor = a;
    // "is due to travel to Ankara for talks with X": the talks are as sure
    // as the trip.
    if (group >= 0 && meeting) {
      f.modality = MoodOf(c, group);
      f.negated = g.groups()[group].negated;
      // ... and held where the trip goes: "travel to Ankara for talks".
      const Predicate& trip = c.preds[group];
      if (lex.Has(WordList::kMotionVerb, g.word(g.groups()[group].head).verb) &&
          trip.prep_objects.size() == 1) {
        const MentionKind kind = g.mention(trip.prep_objects[0]).kind;
        if (kind == EntityKind::kCity || kind == EntityKind::kCountry ||
            kind == EntityKind::kRegion)
          f.place = trip.prep_objects[0];
      }
    }
    if (g.IsNamed(m)) {
      f.object = SkipPossessor(g, m);
    } else if (protest && IsObjectNoun(g, m)) {
      f.object_text = PhraseText(g, m);
    } else {
      return;
    }
    c.frames.push_back(f);
  }
}


}  // namespace

void NominalEvents(RuleContext& c) {
  const SentenceGraph& g = c.g;
  const Lexicon& lex = g.lexicon();
  for (int w = 0; w < g.size(); ++w) {
    if (g.pos(w) != Pos::kNoun || Consumed(c, w)) continue;
    const GraphWord& x = g.word(w);
    std::string verb = lex.Value(WordList::kEventNoun, x.lower);
    if (verb.empty()) verb = lex.Value(WordList::kEventNoun, x.noun);
    if (verb.empty()) continue;
    // "a U.S.-Russian meeting": the two sides of the compound met.
    if (lex.Has(WordList::kMeetingNoun, x.lower)) {
      const AnalysedSentence& s = g.sentence();
      int np = g.PhraseOf(w);
      for (int m = np >= 0 ? g.phrases()[np].first : w; m < w; ++m) {
        if (g.IsMention(m)) continue;
        int t = s.word_first[m];
        if (t < 0 || t >= static_cast<int>(s.token_partner.size()) || s.token_partner[t].kind.empty())
          continue;
        Frame f = NounFrame(g, "nominal.compound_pair", w, verb);
        f.actor_modifier = s.token_modifier[t];
        f.object_modifier = s.token_partner[t];
        c.frames.push_back(f);
      }
    }
    // "talks between Seoul and Tokyo": a meeting of the two.
    if (lex.Has(WordList::kMeetingNoun, x.lower) && w + 2 < g.size() && g.lower(w + 1) == "between") {
      int first = PhraseHeadAt(g, w + 2);
      std::vector<int> sides = first >= 0 && g.IsNamed(first) ? CoordinatedNames(g, first)
                                                               : std::vector<int>{};
      // "between Orban and leaders including Macron and Scholz": the named
      // examples of the other side.
      if (sides.size() == 1) {
        int k = sides[0] + 1;
        if (k + 1 < g.size() && g.lower(k) == "and") {
          int other = PhraseHeadAt(g, k + 1);
          if (other >= 0 && !g.IsMention(other))
            for (int x : ExamplesAfter(g, other)) sides.push_back(x);
        }
      }
      // "will host talks between them": as sure as the verb they are the
      // object of ("after the collapse of talks" hangs from no verb).
      int np = g.PhraseOf(w);
      int before = (np >= 0 ? g.phrases()[np].first : w) - 1;
      int host = before >= 0 ? g.GroupAt(before) : -1;
      for (size_t i = 1; i < sides.size(); ++i) {
        if (!g.IsNamed(sides[i])) continue;
        Frame f = NounFrame(g, "nominal.between", w, verb);
        f.actor = sides[0];
        f.object = sides[i];
        if (host >= 0) {
          f.modality = MoodOf(c, host);
          f.negated = g.groups()[host].negated;
        }
        c.frames.push_back(f);
      }
      continue;
    }
    // "the resignation of Dmytro Kuleba": an act with no target names its
    // actor after "of".
    int owner_np = g.PhraseOf(w);
    bool owned = owner_np >= 0 && g.phrases()[owner_np].possessor >= 0;
    if (!owned && lex.Has(WordList::kIntransitiveEvent, verb) && w + 2 < g.size() &&
        g.lower(w + 1) == "of") {
      int m = PhraseHeadAt(g, w + 2);
      if (m >= 0 && g.IsNamed(m) && g.mention(m).kind != EntityKind::kArtefact) {
        Frame f = NounFrame(g, "nominal.event_noun", w, verb);
        f.actor = SkipPossessor(g, m);
        c.frames.push_back(f);
      }
      continue;
    }
    // The actor: "by X", a named possessor ("Blinken's visit"), or a
    // modifier ("Israeli strikes", "U.S. sanctions").
    int agent_end = -1;
    int actor = AgentAfter(g, w, &agent_end);
    int artefact = -1;
    // "the release of X by Y", "attacks by the group on commercial shipping":
    // the target before or after the agent.
    int target = TargetAfter(g, w, &artefact);
    if (target < 0 && artefact < 0 && actor >= 0) target = TargetAfter(g, agent_end, &artefact);
    // Only a named target makes a nominal event ("its first attack on Israeli
    // territory" restates the verb's event), unless the agent is named too.
    if (target < 0 && !(actor >= 0 && artefact >= 0)) {
      InProtest(c, w, verb);
      continue;
    }
    const Mention* modifier = nullptr;
    int np = g.PhraseOf(w);
    if (actor < 0 && np >= 0) {
      const NounPhrase& p = g.phrases()[np];
      if (p.possessor >= 0 && g.IsNamed(p.possessor)) actor = p.possessor;
      for (int m = p.first; actor < 0 && !modifier && m < w; ++m) {
        if (g.IsNamed(m) && g.mention(m).kind != EntityKind::kArtefact &&
            g.mention(m).kind != EntityKind::kPerson) {
          actor = m;
        } else {
          modifier = ModifierOf(g, m);
        }
      }
    }
    int claim = -1;
    std::vector<int> claimants = actor < 0 && target >= 0 ? ClaimedBy(c, w, &claim)
                                                          : std::vector<int>{};
    for (int a : claimants) {
      if (g.mention(a).name == g.mention(target).name) continue;
      Frame f = NounFrame(g, "nominal.claimed", w, verb);
      f.actor = a;
      f.object = target;
      f.modality = MoodOf(c, claim);
      f.negated = g.groups()[claim].negated;
      c.frames.push_back(f);
    }
    if (!claimants.empty()) continue;
    if (actor < 0 && !modifier) {
      // "travelled to Ankara for talks with X": the traveller talks.
      InProtest(c, w, verb);
      continue;
    }
    if (target >= 0 && actor >= 0 && g.mention(target).name == g.mention(actor).name) continue;
    Frame f = NounFrame(g, "nominal.event_noun", w, verb);
    f.actor = actor;
    if (actor < 0) f.actor_modifier = *modifier;
    f.object = target;
    if (target < 0) f.object_text = PhraseText(g, artefact);
    c.frames.push_back(f);
  }
}

void CompoundAgents(RuleContext& c) {
  const SentenceGraph& g = c.g;
  const Lexicon& lex = g.lexicon();
  const AnalysedSentence& s = g.sentence();
  for (int w = 0; w < g.size(); ++w) {
    // The compound is a word of its own ("a U.S.-brokered deal"), or a token
    // inside a mention ("the Iran-backed group" refers to the Houthis).
    int first = s.word_first[w];
    int last = g.IsMention(w) ? g.mention(w).last : first;
    for (int t = first; t <= last && t < static_cast<int>(s.tokens.size()); ++t) {
      const std::string& text = g.IsMention(w) ? s.tokens[t] : s.words[w];
      size_t dash = text.rfind('-');
      if (dash == std::string::npos || dash == 0) continue;
      const std::string& verb =
          lex.Value(WordList::kCompoundParticiple, Lower(text.substr(dash + 1)));
      if (verb.empty() || t >= static_cast<int>(s.token_modifier.size()) ||
          s.token_modifier[t].kind.empty())
        continue;
      Frame f = NounFrame(g, "compound.agent", w, verb);
      f.actor_modifier = s.token_modifier[t];
      if (g.IsMention(w)) {
        if (!g.IsNamed(w)) continue;
        f.object = w;
      } else {
        int head = PhraseHeadAt(g, w + 1);
        if (head < 0 && g.PhraseOf(w) >= 0) head = g.phrases()[g.PhraseOf(w)].head;
        if (head < 0 || head == w) continue;
        if (g.IsNamed(head)) {
          f.object = head;
        } else if (IsObjectNoun(g, head)) {
          f.object_text = PhraseText(g, head);
        } else {
          continue;
        }
      }
      c.frames.push_back(f);
    }
  }
}

void Membership(RuleContext& c) {
  const SentenceGraph& g = c.g;
  for (Predicate& p : c.preds) {
    const VerbGroup& v = g.groups()[p.group];
    if (g.word(v.head).verb != "become") continue;
    // "became NATO's 32nd member", "became a member of the EU": joined it.
    int k = SkipAdverbs(g, v.head + 1);
    int np = k < g.size() ? g.PhraseOf(k) : -1;
    if (np < 0) continue;
    const NounPhrase& phrase = g.phrases()[np];
    const std::string& head = g.word(phrase.head).noun;
    if (head != "member") continue;
    int body = -1;
    if (phrase.possessor >= 0 && g.IsNamed(phrase.possessor)) body = phrase.possessor;
    if (body < 0 && phrase.head + 2 < g.size() && g.lower(phrase.head + 1) == "of") {
      int m = PhraseHeadAt(g, phrase.head + 2);
      if (m >= 0 && g.IsNamed(m)) body = m;
    }
    if (body < 0) continue;
    for (int a : p.subjects) {
      if (!g.IsNamed(a)) continue;
      Frame f = NounFrame(g, "nominal.membership", v.head, "become member of");
      f.class_verb = "join";
      f.actor = a;
      f.object = body;
      f.negated = v.negated;
      f.modality = v.modality;
      c.frames.push_back(f);
    }
  }
}

void Reactions(RuleContext& c) {
  const SentenceGraph& g = c.g;
  const Lexicon& lex = g.lexicon();
  for (Predicate& p : c.preds) {
    const VerbGroup& v = g.groups()[p.group];
    if (!lex.Has(WordList::kReactionVerb, g.word(v.head).verb)) continue;
    for (int k = v.head + 1; k + 2 < g.size() && k <= v.head + 5; ++k) {
      const std::string& verb = lex.Value(WordList::kReactionNoun, g.lower(k));
      if (verb.empty()) {
        if (g.GroupOf(k) >= 0 || g.IsMention(k)) break;
        continue;
      }
      if (g.lower(k + 1) != "from") break;
      int m = PhraseHeadAt(g, k + 2);
      if (m < 0 || !g.IsNamed(m)) break;
      for (int reactor : CoordinatedNames(g, SkipPossessor(g, m))) {
        for (int target : p.subjects) {
          if (!g.IsNamed(target) || !g.IsNamed(reactor)) continue;
          Frame f = NounFrame(g, "nominal.reaction", k, verb);
          f.actor = reactor;
          f.object = target;
          f.negated = v.negated;
          f.modality = v.modality;
          c.frames.push_back(f);
        }
      }
      c.consumed.push_back(k);
      p.not_event = true;
      p.why_not = "reaction";
      break;
    }
  }
}

}  // namespace detente
