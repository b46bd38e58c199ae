// The extractor's rules: a table of named functions run in order over one
// sentence graph (a cascade, as in Odin: later rules read what earlier ones
// found). Each family lives in its own file of this folder:
//
//   subjects.cpp    who acts: links, relative pronouns, position, and
//                   subjects shared with a governing, coordinated or main verb
//   passive.cpp     passives and reduced participles with a "by" agent
//   objects.cpp     what is acted on: direct and prepositional objects,
//                   nouns carried by the verb ("held talks with X")
//   verb_classes.cpp  speech, opinion and state verbs, matrix verbs
//   coordination.cpp  "A and B met", lists of actors and objects
//   nominal.cpp     events named by nouns, compound agents ("Iran-backed"),
//                   reactions ("drew a rebuke from X")
//   emit.cpp        predicates to events: place, time, confidence
//
// Rules see only the sentence graph and the lexicon, so each can be tested
// on a hand-built graph without Link Grammar. Private to the extract stage.
#ifndef DETENTE_EXTRACT_RULES_RULES_H_
#define DETENTE_EXTRACT_RULES_RULES_H_

#include <optional>
#include <string>
#include <vector>

#include "extract/events.h"
#include "extract/sentence_graph.h"

namespace detente {

// Tuning constants, named once.
namespace tuning {
// Confidence of an event whose roles came from a complete parse, from a
// parse with unlinked words, and from word positions alone.
inline constexpr double kConfidenceLinked = 0.8;
inline constexpr double kConfidencePartial = 0.6;
inline constexpr double kConfidencePosition = 0.5;
// How far (in words) positional searches look for a subject, an object, a
// "by" agent, a prepositional object, a place.
inline constexpr int kSubjectWindow = 12;
inline constexpr int kObjectWindow = 4;
inline constexpr int kAgentWindow = 10;
inline constexpr int kPrepWindow = 10;
inline constexpr int kPlaceWindow = 20;
// An apposition or relative clause skipped between a subject and its verb
// ("Tinubu, the bloc's chairman, said") is at most this long.
inline constexpr int kParentheticalWindow = 16;
}  // namespace tuning

// One verb group as the rules fill it in.
struct Predicate {
  int group = -1;
  std::vector<int> subjects;     // words: mentions, or common-noun heads
  std::string subject_rule;      // the rule that found them
  std::vector<int> objects;      // mention words of a direct object
  int noun = -1;                 // head of a common-noun direct object
  std::string prep;              // preposition of a prepositional object
  std::string split_particle;    // "pulled his party out of X": "out"
  std::vector<int> prep_objects; // mention words after `prep`
  int prep_noun = -1;            // head of a common-noun prepositional object
  std::string action;            // the action, once the objects are chosen
  std::string class_verb;        // the verb the action is classed by
  std::string prefix;            // "refuse to ", from a meaningful matrix verb
  bool symmetric = false;        // "A and B met": the second subject is the object
  bool reciprocal = false;       // "against each other": each subject acts on the others
  bool not_event = false;        // speech, opinion, state or governing verb
  bool opinion = false;          // an opinion verb: an event only if it convenes something
  bool negated_by_matrix = false;  // "failed to win"
  // The group whose modality a shared clause takes ("will begin ..., meeting
  // X"; "will dissolve ... and hold"), or -1.
  int modality_from = -1;
  std::string why_not;           // for --trace
  std::string rule;              // the rule that decided the objects
};

// A candidate event found by a rule that is not one verb's subject and
// object: nominal events, compound agents, reactions.
struct Frame {
  std::string rule;
  int trigger = -1;           // the noun or verb word
  int actor = -1;             // mention word, or -1 when actor_modifier is set
  std::optional<Mention> actor_modifier;  // "Israeli" in "Israeli strikes"
  int object = -1;            // mention word, or -1
  std::optional<Mention> object_modifier;  // "Russian" in "U.S.-Russian meeting"
  std::string object_text;    // an artefact, when object < 0
  int place = -1;             // mention word of its place, or -1
  std::string action;
  std::string class_verb;
  bool negated = false;
  Modality modality = Modality::kAsserted;
  double confidence = tuning::kConfidencePartial;
};

struct RuleContext {
  RuleContext(const SentenceGraph& graph) : g(graph), preds(graph.groups().size()) {
    for (size_t i = 0; i < preds.size(); ++i) preds[i].group = static_cast<int>(i);
  }
  const SentenceGraph& g;
  std::vector<Predicate> preds;  // one per verb group, same index
  std::vector<Frame> frames;     // from nominal and pattern rules
  std::vector<RawEvent> events;  // the output, filled by the last rule
  std::vector<int> consumed;     // noun words already part of a verb's action
  TraceFn trace;
};

using RuleFn = void (*)(RuleContext&);
struct Rule {
  const char* name;
  const char* description;
  RuleFn run;
};

// The rules in the order they run.
const std::vector<Rule>& ExtractionRules();

// Rule functions, by family (see the files above).
void SubjectsByLink(RuleContext& c);
void SubjectsOfRelatives(RuleContext& c);
void SubjectsByPosition(RuleContext& c);
void SubjectsOfThey(RuleContext& c);
void SharedSubjects(RuleContext& c);
void PassiveAgents(RuleContext& c);
void VerbClasses(RuleContext& c);
void DirectObjects(RuleContext& c);
void PrepositionalObjects(RuleContext& c);
void ChooseObjects(RuleContext& c);
void SecondaryClauses(RuleContext& c);
void SymmetricSubjects(RuleContext& c);
void NominalEvents(RuleContext& c);
void CompoundAgents(RuleContext& c);
void Reactions(RuleContext& c);
void Membership(RuleContext& c);
void EmitEvents(RuleContext& c);

// The mood of verb group `group`: its own, else (participles, purposes, bare
// coordinated verbs) that of the clause it serves, up to four hops.
Modality MoodOf(const RuleContext& c, int group);

}  // namespace detente

#endif  // DETENTE_EXTRACT_RULES_RULES_H_
