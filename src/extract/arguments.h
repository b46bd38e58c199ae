// Helpers the rules share to read the arguments of a predicate from a
// sentence graph: lists of names, the entity behind a noun phrase, whether a
// common noun can be an object, phrase texts, places and times.
// Pure functions over an immutable graph; thread-safe.
#ifndef DETENTE_EXTRACT_ARGUMENTS_H_
#define DETENTE_EXTRACT_ARGUMENTS_H_

#include <string>
#include <vector>

#include "extract/sentence_graph.h"

namespace detente {

// The mention words coordinated with the mention at `w` ("A, B and C",
// "A and B", "A as well as B"), in sentence order; {w} when it stands alone.
// Lists need an "and" or "or"; a last conjunct that starts a new clause
// ("..., and Rubio said") is left out.
std::vector<int> CoordinatedNames(const SentenceGraph& g, int w);

// The words a conjunction at `w` joins ("A and B": A, B; lists nest), from
// the parser's SJ/MJ links, else the words on either side; in order.
std::vector<int> Conjuncts(const SentenceGraph& g, int w);

// Whether a link label is a verb's object link ("O", "Os", "Op"), not "OF"
// or "ON" (complements of "of" and "on").
bool IsObjectLink(const std::string& label);

// The entities a noun phrase ending at word `head` stands for: the head
// itself when it is a mention (with its coordinated names); for a common
// noun of people ("leaders", "negotiators"), the named "of|from X" after it
// or the named possessor before it ("ECOWAS's leaders"); empty otherwise.
std::vector<int> ActorsOfPhrase(const SentenceGraph& g, int head);

// Whether the common noun at `head` can be what an action is taken on
// ("plan", "ceasefire", "warships", "election"): not a word of time or
// measure, not a noun too general to be a target ("way", "role"), not a bare
// noun for people ("protesters"), not a pronoun.
bool IsObjectNoun(const SentenceGraph& g, int head);

// Whether the common noun at `head` names a record or body states act on: a
// document, agreement, proposal, plan or demand ("resolution", "treaty",
// "bill"), or an institution. By the lexicon's artefact, institution and
// government nouns, else by WordNet: one of the noun's first two senses lies
// under document, message or plan. Not acts, states and spans ("standoff",
// "withdrawal", "tenure").
bool IsRecordNoun(const SentenceGraph& g, int head);

// The text of the noun phrase ending at `head`, without determiners and
// possessive pronouns: "Sweden's NATO membership bid", "export curbs".
std::string PhraseText(const SentenceGraph& g, int head);

// The first word at or after `w` that is not a verb adverb ("also").
int SkipAdverbs(const SentenceGraph& g, int w);

// The head of the noun phrase that starts at word `w` (after pre-name
// modifiers such as "southern"), or -1 when none starts there.
int PhraseHeadAt(const SentenceGraph& g, int w);

// A person named after a possessive pronoun or a possessor with an
// apposition: "his counterpart Wang Yi" -> Wang Yi; else `w`.
int SkipPossessor(const SentenceGraph& g, int w);

// Whether a mention word names a place (city, region, country, venue).
bool IsPlace(const SentenceGraph& g, int w);

// Whether word w is a pair named by "each" ("each side"): one mention that
// coreference gave a partner (AnalysedSentence::partners).
bool IsEachOfPair(const SentenceGraph& g, int w);

// The named place of an event whose verb is at `from`: the first "in|at X"
// after it in the same clause, else a fronted "In X, ..." before it; -1.
// `exclude` (the object) is never the place.
int PlaceOf(const SentenceGraph& g, int from, int exclude);

// The time expression nearest to word `w` (after it preferred), or -1.
int TimeOf(const SentenceGraph& g, int w);

// Named examples after a group: "seven countries, among them Argentina and
// Chile", "Senior Republicans, including Paul Ryan,"; the person an
// apposition names after a person's description ("an American journalist,
// Evan Gershkovich,"); empty when none.
std::vector<int> ExamplesAfter(const SentenceGraph& g, int head);

// The entity a non-mention word names as a modifier ("Israeli" -> Israel),
// or nullptr.
const Mention* ModifierOf(const SentenceGraph& g, int w);

}  // namespace detente

#endif  // DETENTE_EXTRACT_ARGUMENTS_H_
