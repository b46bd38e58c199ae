#include "extract/rules/rules.h"

namespace detente {

const std::vector<Rule>& ExtractionRules() {
  static const std::vector<Rule> kRules = {
      {"subject.link", "the subject Link Grammar's S link names", SubjectsByLink},
      {"subject.relative", "a relative pronoun's antecedent: \"China, which brokered\"",
       SubjectsOfRelatives},
      {"subject.position", "the noun phrase before the verb group, over appositions",
       SubjectsByPosition},
      {"subject.they", "an unresolved \"they\" is the latest pair of named subjects",
       SubjectsOfThey},
      {"subject.shared",
       "infinitives, participles and coordinated verbs share a subject: \"urged X to\", "
       "\", meeting with\", \"resigned and fled\"",
       SharedSubjects},
      {"verb.classes", "matrix, opinion, state and reporting verbs are not events",
       VerbClasses},
      {"object.direct", "the O link, else the noun phrase after the verb group", DirectObjects},
      {"object.prepositional", "the first \"PREP X\" after the verb or its noun",
       PrepositionalObjects},
      {"passive.agent", "passives and reduced participles: the \"by\" agent acts", PassiveAgents},
      {"object.choose",
       "a carried noun (\"imposed sanctions on X\"), a thing acted on, a named target, or none",
       ChooseObjects},
      {"object.secondary",
       "\", ending a standoff\", \"to defuse a row\", \"accused X of staging a coup\": a "
       "participle, purpose or accusation acting on neither an entity nor a record is no event",
       SecondaryClauses},
      {"coordination.reciprocal", "\"A and B met\": A meet B", SymmetricSubjects},
      {"nominal.reaction", "\"drew a rebuke from X\": X rebuke the subject", Reactions},
      {"nominal.event_noun",
       "event nouns: \"Blinken's visit to China\", \"Israeli strikes on Gaza\", \"talks "
       "between A and B\"",
       NominalEvents},
      {"nominal.membership", "\"became NATO's 32nd member\": joined it", Membership},
      {"compound.agent", "\"Iran-backed group\": Iran back the group", CompoundAgents},
      {"emit", "named actor and object, artefact or none; place, time, confidence",
       EmitEvents},
  };
  return kRules;
}

}  // namespace detente
