// Coordinated subjects that act on each other: "Biden and Xi met", "the two
// leaders held talks" -> Biden meet Xi. (Lists of actors and objects are
// read by CoordinatedNames in arguments.cpp; subjects shared by coordinated
// verbs by SharedSubjects in subjects.cpp.)
#include <algorithm>

#include "entities/lexicon.h"
#include "extract/rules/rules.h"

namespace detente {

void SymmetricSubjects(RuleContext& c) {
  const SentenceGraph& g = c.g;
  const Lexicon& lex = g.lexicon();
  for (Predicate& p : c.preds) {
    if (p.not_event || !p.objects.empty() || p.subject_rule == "passive.agent") continue;
    std::vector<int> named;
    for (int s : p.subjects)
      if (g.IsNamed(s)) named.push_back(s);
    if (named.size() < 2) continue;
    const std::string& verb = g.word(g.groups()[p.group].head).verb;
    // "restored diplomatic relations", "reached an agreement", "struck a
    // deal": a noun of mutual relation or agreement.
    bool mutual_noun =
        p.noun >= 0 && (lex.Has(WordList::kMeetingNoun, g.lower(p.noun)) ||
                        lex.Has(WordList::kReciprocalVerb, verb + " " + g.word(p.noun).noun));
    if (p.noun >= 0 && !mutual_noun) continue;
    bool reciprocal = lex.Has(WordList::kReciprocalVerb, verb) || p.rule == "object.light_verb" ||
                      mutual_noun;
    if (!reciprocal) continue;
    p.subjects = {named[0]};
    p.objects.assign(named.begin() + 1, named.end());
    if (mutual_noun) {
      p.action += " " + g.lower(p.noun);
      c.consumed.push_back(p.noun);
      p.noun = -1;
    }
    if (p.rule == "object.light_verb" || mutual_noun) p.action += " with";
    p.symmetric = true;
    p.rule = "coordination.reciprocal";
  }
}

}  // namespace detente
