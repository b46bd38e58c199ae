// ExtractEvents: one sentence graph, the rule table run in order.
#include "extract/events.h"
#include "extract/rules/rules.h"
#include "extract/sentence_graph.h"

namespace detente {

std::vector<RawEvent> ExtractEvents(const AnalysedSentence& s, const WordKnowledge& k,
                                    const TraceFn& trace) {
  SentenceGraph g(s, k);
  RuleContext c(g);
  c.trace = trace;
  if (trace) trace(g.Debug());
  for (const Rule& r : ExtractionRules()) r.run(c);
  if (trace) {
    for (const Predicate& p : c.preds) {
      const VerbGroup& v = g.groups()[p.group];
      std::string line = "  pred " + v.lemma + ": subj[";
      for (int x : p.subjects) line += g.word(x).text + " ";
      line += "] by " + p.subject_rule + "; obj[";
      for (int x : p.objects) line += g.word(x).text + " ";
      if (p.noun >= 0) line += "noun:" + g.word(p.noun).text;
      line += "] action '" + p.action + "' " + p.rule;
      if (p.modality_from >= 0)
        line += " mood of " + g.groups()[c.preds[p.modality_from].group].lemma;
      if (p.not_event) line += " -- not an event: " + p.why_not;
      trace(line);
    }
  }
  return std::move(c.events);
}

}  // namespace detente
