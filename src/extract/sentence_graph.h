// The sentence graph: one parsed sentence as the extractor's rules see it,
// built once per sentence. Words (one per entity mention), their part of
// speech, lemmas and Link Grammar links, the noun phrases and the verb
// groups with their voice, form, negation and modality.
//
// Parts of speech come from the closed classes of the lexicon, the parser's
// subscripts where it linked a word, and WordNet with the neighbouring words
// where it did not, so that a sentence without a parse still has noun
// phrases and verb groups (the fallback rules read only those).
//
// Thread safety: immutable after construction. Private to the extract stage.
#ifndef DETENTE_EXTRACT_SENTENCE_GRAPH_H_
#define DETENTE_EXTRACT_SENTENCE_GRAPH_H_

#include <string>
#include <string_view>
#include <vector>

#include "detente/entities.h"
#include "detente/types.h"
#include "extract/events.h"

namespace detente {

class Lexicon;
class Lemmatizer;

// What the rules know about words beyond the sentence.
struct WordKnowledge {
  const Lexicon* lexicon = nullptr;
  const Lemmatizer* lemmas = nullptr;
};

enum class Pos : uint8_t {
  kOther,
  kName,  // an entity mention (also a resolved or unresolved pronoun)
  kNoun,
  kVerb,  // a content verb (not an auxiliary or modal)
  kAdj,
  kAdv,
  kDet,
  kPoss,  // his, her, its, their; and the possessive 's
  kPrep,
  kConj,  // and, or, but
  kSub,   // while, although, because ...
  kRel,   // who, which, whom, whose, that (as relative or complementiser)
  kAux,   // forms of be, have, do
  kModal,
  kNeg,
  kTo,
  kPunct,
  kNum,
};

enum class Voice : uint8_t { kActive, kPassive };
enum class VerbForm : uint8_t {
  kFinite,       // "met", "will meet", "has met"
  kInfinitive,   // "to meet"
  kPresentPart,  // "meeting" without an auxiliary
  kPastPart,     // "brokered" without an auxiliary: a reduced passive
};

struct GraphLink {
  int other = 0;
  std::string label;  // "Ss", "O", "MVp" ...
  bool to_right = false;
};

struct GraphWord {
  std::string text;   // as handed to the parser; a mention's own text is in mentions
  std::string lower;  // ASCII lower case of text
  std::string tag;    // Link Grammar subscript ("v-d", "n", "g"); empty if none
  Pos pos = Pos::kOther;
  int mention = -1;  // index into the sentence's mentions, or -1
  std::string verb;  // verb lemma ("met" -> "meet"); lower otherwise
  std::string noun;  // noun lemma ("talks" -> "talk"); lower otherwise
};

// A noun phrase: [determiner|possessor] modifiers* head.
struct NounPhrase {
  int first = 0;
  int head = 0;        // the last word: a mention or a common noun
  int possessor = -1;  // the mention word before 's, or a possessive pronoun
};

struct VerbGroup {
  int head = 0;          // the content verb
  int first = 0;         // first word of the group (auxiliary, modal, adverb)
  std::vector<int> aux;  // auxiliaries and modals, left to right
  std::string lemma;     // with its particle or idiom: "step down", "take office"
  int particle = -1;     // word of the particle, or -1
  Voice voice = Voice::kActive;
  VerbForm form = VerbForm::kFinite;
  bool negated = false;
  Modality modality = Modality::kAsserted;
  // The group whose verb governs this one's infinitive ("expected to meet",
  // "urged Beijing to lift"), or -1.
  int governor = -1;
  // For a governor: the group of the infinitive it governs, or -1.
  int governs = -1;
};

class SentenceGraph {
 public:
  SentenceGraph(const AnalysedSentence& s, const WordKnowledge& k);

  int size() const { return static_cast<int>(words_.size()); }
  const GraphWord& word(int i) const { return words_[i]; }
  const std::string& lower(int i) const { return words_[i].lower; }
  Pos pos(int i) const { return words_[i].pos; }
  bool IsMention(int i) const { return i >= 0 && i < size() && words_[i].mention >= 0; }
  const Mention& mention(int i) const { return s_.mentions[words_[i].mention]; }
  // A mention that names an entity (a pronoun counts once resolved).
  bool IsNamed(int i) const { return IsMention(i) && !mention(i).name.empty(); }
  const AnalysedSentence& sentence() const { return s_; }
  const WordKnowledge& knowledge() const { return k_; }
  const Lexicon& lexicon() const { return *k_.lexicon; }
  bool parsed() const { return s_.parse.has_value(); }
  int null_count() const { return s_.parse ? s_.parse->null_count : 0; }

  // Links at word i whose label starts with `prefix`; side > 0 only to the
  // right, < 0 only to the left, 0 both.
  std::vector<int> Linked(int i, std::string_view prefix, int side = 0) const;
  bool HasLink(int i, std::string_view prefix, int side = 0) const;
  const std::vector<GraphLink>& links(int i) const { return links_[i]; }

  const std::vector<NounPhrase>& phrases() const { return phrases_; }
  // The noun phrase a word belongs to, or -1.
  int PhraseOf(int w) const { return phrase_of_[w]; }
  const std::vector<VerbGroup>& groups() const { return groups_; }
  // The verb group whose head is word w, or -1.
  int GroupOf(int w) const { return group_of_[w]; }
  // The verb group a word belongs to (head, auxiliary or particle), or -1.
  int GroupAt(int w) const { return group_at_[w]; }

  // Whether a word ends a stretch of one clause for positional searches:
  // ";", ":", a dash, a subordinator or relative word, or a comma before
  // "and|but|while|which|who" or a participle.
  bool ClauseBreak(int w) const;
  // Whether word w is inside a time expression ("on Friday").
  bool InTime(int w) const;
  // The first word at or before w outside time expressions and the
  // preposition that opens them; -1 when none.
  int BeforeTime(int w) const;
  // "Turkish troops backed by tanks and gunships pushed": when the words
  // right before word w are the "by" phrase of a reduced passive, that
  // participle's group; else -1.
  int AgentPhraseBefore(int w) const;

  // Whether the sentence reads as a headline: a present verb in -s with no
  // other verb ("Philippines summons envoy") or "NAME to VERB" with no finite
  // verb ("Blinken to visit Cairo").
  bool headline() const { return headline_; }

  // Human-readable dump of the graph, for --trace.
  std::string Debug() const;

 private:
  void AddLinks();
  void TagWords();
  // Whether word i is a bare verb followed by a name or a determiner: "to
  // meet President Macron" is an infinitive with its object.
  bool BareVerbBeforeObject(int i) const;
  Pos GuessPos(int i) const;
  void FindPhrases();
  void FindGroups();
  // Parts of FindGroups, in its order: the particle or idiom after the verb,
  // auxiliaries, modals, negation and adverbs before it, its voice and form;
  // then, over all groups, a lone past participle as the main verb, bare
  // infinitives ("helped broker"), governors of infinitives, and modality
  // passed down from governors.
  void AddParticle(VerbGroup* g) const;
  void AddLeftWords(VerbGroup* g) const;
  void SetVoiceAndForm(VerbGroup* g) const;
  void KeepOneMainVerb();
  void FindBareInfinitives();
  void FindGovernors();
  void PassModalityDown();
  void SetModality(VerbGroup* g) const;

  const AnalysedSentence& s_;
  WordKnowledge k_;
  std::vector<GraphWord> words_;
  std::vector<std::vector<GraphLink>> links_;
  std::vector<NounPhrase> phrases_;
  std::vector<int> phrase_of_;
  std::vector<VerbGroup> groups_;
  bool headline_ = false;
  std::vector<int> group_of_;
  std::vector<int> group_at_;
};

}  // namespace detente

#endif  // DETENTE_EXTRACT_SENTENCE_GRAPH_H_
