// Passives: "Ruto was received by Xi" -> Xi receive Ruto; reduced
// participles: "a truce brokered by Qatar" -> Qatar broker truce. The "by"
// agent acts; the surface subject (or the noun the participle modifies) is
// acted on. A passive without an agent is not an event (the guidelines do
// not guess the agent).
#include "entities/lemmatizer.h"
#include "entities/lexicon.h"
#include "extract/arguments.h"
#include "extract/rules/rules.h"

namespace detente {
namespace {

// The named entities of the first "by X" after the verb, within its clause.
std::vector<int> Agents(const SentenceGraph& g, const VerbGroup& v) {
  const int n = g.size();
  int from = (v.particle >= 0 ? v.particle : v.head) + 1;
  for (int k = from; k < n && k < from + tuning::kAgentWindow; ++k) {
    if (g.ClauseBreak(k) || g.lower(k) == ";") break;
    if (g.GroupOf(k) >= 0 && g.groups()[g.GroupOf(k)].form == VerbForm::kFinite) break;
    if (g.lower(k) != "by") continue;
    int m = PhraseHeadAt(g, k + 1);
    if (m < 0) return {};
    return ActorsOfPhrase(g, SkipPossessor(g, m));
  }
  return {};
}

// "killed by an Israeli air strike", "wounded in a Russian drone attack":
// the state whose demonym modifies the act or weapon that did it, or
// nullptr. "in" only before an act ("killed in Gaza" names no agent); never
// people ("killed by a Hungarian tourist" is the tourist's act).
const Mention* AgentByModifier(const SentenceGraph& g, const VerbGroup& v) {
  const Lexicon& lex = g.lexicon();
  const int n = g.size();
  int from = (v.particle >= 0 ? v.particle : v.head) + 1;
  for (int k = from; k < n && k < from + tuning::kAgentWindow; ++k) {
    if (g.ClauseBreak(k) || g.lower(k) == ";" || g.lower(k) == ",") break;
    if (g.lower(k) != "by" && g.lower(k) != "in") continue;
    int m = PhraseHeadAt(g, k + 1);
    int np = m >= 0 ? g.PhraseOf(m) : -1;
    if (np < 0 || g.IsMention(m) || g.pos(m) != Pos::kNoun) return nullptr;
    const GraphWord& head = g.word(m);
    if (lex.Has(WordList::kAgentNoun, head.lower) || lex.Has(WordList::kAgentNoun, head.noun) ||
        g.knowledge().lemmas->NamesPerson(head.noun))
      return nullptr;
    bool act = lex.Has(WordList::kEventNoun, head.lower) || lex.Has(WordList::kEventNoun, head.noun);
    if (g.lower(k) == "in" && !act) continue;
    for (int w = g.phrases()[np].first; w < m; ++w)
      if (const Mention* d = ModifierOf(g, w); d && d->kind == EntityKind::kCountry) return d;
    return nullptr;
  }
  return nullptr;
}

// The noun a reduced participle modifies: "a truce brokered by", "the
// resolution, drafted by"; -1 when none.
int ModifiedNoun(const SentenceGraph& g, const VerbGroup& v) {
  int noun = -1;
  for (int w : g.Linked(v.head, "Mv", -1)) noun = w;
  int k = v.first - 1;
  // "an electoral roadmap signed by": the common noun right before the
  // participle, whatever a far link says.
  if (k >= 0 && g.pos(k) == Pos::kNoun && !g.IsMention(k)) noun = k;
  if (k >= 0 && g.lower(k) == ",") --k;
  if (noun < 0 && k >= 0 && (g.pos(k) == Pos::kNoun || g.IsMention(k))) noun = k;
  // "Stoianoglo, a former prosecutor general backed by X": the named person
  // the description stands beside.
  int np = noun >= 0 ? g.PhraseOf(noun) : -1;
  if (np >= 0 && !g.IsMention(noun)) {
    int before = g.phrases()[np].first - 1;
    if (before >= 1 && g.lower(before) == "," && g.IsNamed(before - 1) &&
        g.mention(before - 1).kind == EntityKind::kPerson)
      return before - 1;
  }
  return noun;
}

// "the pact, which has yet to be ratified by X": the noun the relative
// pronoun before the verb stands for; -1 when none.
int RelativeAntecedent(const SentenceGraph& g, const VerbGroup& v) {
  for (int k = v.first - 1; k >= 1 && k >= v.first - 6; --k) {
    bool rel = g.pos(k) == Pos::kRel && (g.lower(k) == "which" || g.lower(k) == "that");
    if (!rel && (g.pos(k) == Pos::kVerb || g.ClauseBreak(k))) break;
    if (!rel) continue;
    int ant = k - 1;
    if (ant >= 1 && g.lower(ant) == ",") --ant;
    return g.pos(ant) == Pos::kNoun || g.IsMention(ant) ? ant : -1;
  }
  return -1;
}

}  // namespace

void PassiveAgents(RuleContext& c) {
  const SentenceGraph& g = c.g;
  for (Predicate& p : c.preds) {
    const VerbGroup& v = g.groups()[p.group];
    if (v.voice != Voice::kPassive) continue;
    std::vector<int> patients = p.subjects;
    // "a motion filed by the left and supported by the National Rally": the
    // second participle shares the first one's patient.
    int before = v.first - 1;
    bool conjoined = v.form == VerbForm::kPastPart && before >= 1 && g.pos(before) == Pos::kConj;
    const Predicate* first = nullptr;
    for (const Predicate& q : c.preds)
      if (conjoined && q.group < p.group && g.groups()[q.group].voice == Voice::kPassive) first = &q;
    if (first) {
      patients = first->objects;
      if (first->noun >= 0) patients.push_back(first->noun);
    } else if (v.form == VerbForm::kPastPart) {
      int noun = ModifiedNoun(g, v);
      patients.clear();
      // "Kim set foot in Seoul for the first time since the war, greeted by
      // Moon": after a comma and a phrase that hangs from a preposition, the
      // participle describes the clause's subject.
      int np = noun >= 0 ? g.PhraseOf(noun) : -1;
      int start = np >= 0 ? g.phrases()[np].first : noun;
      bool after_comma = v.first >= 1 && g.lower(v.first - 1) == ",";
      if (after_comma && start >= 1 && g.pos(start - 1) == Pos::kPrep) {
        // The thing the clause acted on ("vetoed a resolution ..., drafted by
        // X"), else its subject ("Kim became ..., greeted by Moon").
        for (int q = p.group - 1; q >= 0; --q) {
          const Predicate& main = c.preds[q];
          if (g.groups()[q].form != VerbForm::kFinite || main.subjects.empty()) continue;
          noun = -1;
          // "agreed to a ceasefire in eastern Congo, mediated by X": the thing
          // agreed to, when the clause acted on no direct object.
          int acted_on = main.noun;
          if (acted_on < 0 && main.prep_noun >= 0 && IsObjectNoun(g, main.prep_noun))
            acted_on = main.prep_noun;
          patients = acted_on >= 0 ? std::vector<int>{acted_on} : main.subjects;
          break;
        }
      }
      if (noun >= 0) {
        if (g.IsMention(noun)) {
          patients = CoordinatedNames(g, noun);
        } else {
          patients = {noun};
        }
      }
    }
    bool usable = false;
    for (int w : patients) usable = usable || g.IsNamed(w) || IsObjectNoun(g, w);
    if (!usable) {
      int ant = RelativeAntecedent(g, v);
      if (ant >= 0) patients = g.IsMention(ant) ? CoordinatedNames(g, ant) : std::vector<int>{ant};
    }
    // The patients first: "filed by the left and supported by X" shares
    // them even when the first agent is unnamed.
    for (int w : patients) {
      if (g.IsNamed(w)) {
        p.objects.push_back(w);
      } else if (!g.IsMention(w) && IsObjectNoun(g, w)) {
        p.noun = w;
      }
    }
    std::vector<int> agents = Agents(g, v);
    p.subjects.clear();
    const Mention* state = agents.empty() ? AgentByModifier(g, v) : nullptr;
    for (int w : p.objects) {
      if (!state) break;
      Frame f;
      f.rule = "passive.agent_modifier";
      f.trigger = v.head;
      f.actor_modifier = *state;
      f.object = w;
      f.action = f.class_verb = v.lemma;
      f.negated = v.negated;
      f.modality = v.modality;
      f.place = PlaceOf(g, v.head, w);
      c.frames.push_back(std::move(f));
    }
    if (agents.empty()) {
      p.not_event = true;
      p.why_not = "passive without an agent";
      continue;
    }
    p.subjects = agents;
    p.subject_rule = "passive.agent";
    p.rule = "passive.agent";
  }
}

}  // namespace detente
