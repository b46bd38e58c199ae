// Which verbs can be events: matrix verbs yield to the verb they govern
// ("expected to meet"; "refused to accept" becomes "refuse to accept"),
// opinion and state verbs never are events, reporting verbs only with a
// named target ("told Putin"), phrasal verbs by their phrase ("call for").
#include "entities/lexicon.h"
#include "extract/rules/rules.h"

namespace detente {

void VerbClasses(RuleContext& c) {
  const SentenceGraph& g = c.g;
  const Lexicon& lex = g.lexicon();
  for (Predicate& p : c.preds) {
    const VerbGroup& v = g.groups()[p.group];
    const std::string& lemma = v.lemma;
    const std::string verb = g.word(v.head).verb;
    p.class_verb.clear();  // set only where a rule knows better than the action
    // "a tour aimed at shoring up the plan", "designed to deter": an aim.
    int k = v.first - 1;
    bool at = k >= 0 && v.form == VerbForm::kPresentPart && g.lower(k) == "at";
    if (at) --k;
    // "Kenya plans to send troops" is a plan of Kenya's, not a noun's purpose.
    if (k >= 0 && (at || (v.form == VerbForm::kInfinitive && g.pos(k) == Pos::kNoun)) &&
        lex.Has(WordList::kPurposeWord, g.lower(k))) {
      p.not_event = true;
      p.why_not = "purpose";
      continue;
    }
    // "agreed on how to implement the plan": a question, not an act.
    if (v.form == VerbForm::kInfinitive && v.first >= 1 &&
        (g.lower(v.first - 1) == "how" || g.lower(v.first - 1) == "what")) {
      p.not_event = true;
      p.why_not = "a question";
      continue;
    }
    // "a plan to rebuild Gaza", "a pledge to spend": an infinitive that only
    // describes a noun.
    if (v.form == VerbForm::kInfinitive && v.governor < 0 && k >= 0 &&
        g.pos(k) == Pos::kNoun && !g.InTime(k)) {
      p.not_event = true;
      p.why_not = "describes a noun";
      continue;
    }
    if (v.governs >= 0) {
      const VerbGroup& inner = g.groups()[v.governs];
      bool controller = inner.first - 1 > v.head;  // "urged Beijing to lift"
      if (lex.Has(WordList::kNegatingMatrix, verb) && !controller) {
        c.preds[v.governs].negated_by_matrix = true;  // "failed to win": did not win
      } else if (lex.Has(WordList::kMeaningMatrix, verb) && !controller) {
        const std::string& join = lex.Value(WordList::kMeaningMatrix, verb);
        c.preds[v.governs].prefix = verb + " " + (join.empty() ? "" : join + " ");
      }
      bool directive = lex.Has(WordList::kDirectiveVerb, verb) && controller;
      // "elected Wickremesinghe to serve": a verb that acts on a named object
      // before the infinitive is an event of its own, unless it only frames
      // the other ("wants Kyiv to", "expects X to"); "staged the episode to
      // boost" is a purpose.
      bool frames = lex.Has(WordList::kOpinionVerb, verb) || lex.Has(WordList::kMeaningMatrix, verb) ||
                    lex.Has(WordList::kNegatingMatrix, verb) || lex.Has(WordList::kAspectVerb, verb);
      bool named_object = false;
      for (int w = v.head + 1; w < inner.first; ++w) named_object = named_object || g.IsNamed(w);
      bool acts_on_object = controller && named_object && !frames && !directive;
      if (acts_on_object) continue;
      if (!directive) {
        p.not_event = true;
        p.why_not = "governs " + inner.lemma;
      } else if (v.negated) {
        // "did not order Israel to halt": nothing was directed, nothing may follow.
        c.preds[v.governs].not_event = true;
        c.preds[v.governs].why_not = "under a negated directive";
      }
      continue;
    }
    // "NATO, which leads KFOR", "a delegation led by X": who holds a post.
    if (lex.Has(WordList::kStandingVerb, verb)) {
      bool present = v.aux.empty() && v.form == VerbForm::kFinite &&
                     g.lower(v.head) != verb + "ed" && g.word(v.head).verb != g.lower(v.head) &&
                     g.lower(v.head).back() == 's';
      // "a delegation led by X", "is led by X"; not "a mission to be led by
      // Kenya" or "will be led by", which assign the post.
      bool present_passive = false;
      for (int a : v.aux)
        if (g.lower(a) == "is" || g.lower(a) == "are") present_passive = true;
      bool participle = v.form == VerbForm::kPastPart ||
                        (v.voice == Voice::kPassive && present_passive &&
                         v.form == VerbForm::kFinite && v.modality == Modality::kAsserted);
      if (present || participle) {
        p.not_event = true;
        p.why_not = "holding a post";
        continue;
      }
    }
    if (lex.Has(WordList::kPhrasalVerb, lemma)) {
      p.class_verb = lex.Value(WordList::kPhrasalVerb, lemma);
      continue;
    }
    if (lex.Has(WordList::kOpinionVerb, verb)) {
      // "called a snap election": decided by the object (ChooseObjects).
      p.opinion = true;
    } else if (lex.Has(WordList::kStativeVerb, verb) && !lex.Has(WordList::kLightVerb, verb)) {
      p.not_event = true;
      p.why_not = "state verb";
    } else if (lex.Has(WordList::kAspectVerb, verb) && v.form == VerbForm::kFinite &&
               v.head + 1 < g.size() && g.GroupOf(v.head + 1) >= 0) {
      // "continued shelling": the gerund is the event.
      p.not_event = true;
      p.why_not = "aspect verb";
    }
  }
}

}  // namespace detente
