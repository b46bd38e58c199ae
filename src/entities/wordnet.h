// A reader for the WordNet 3.0 database files (wndb(5)) as Debian's
// wordnet-base installs them: index.{noun,verb} (lemma -> synsets in sense
// order), data.{noun,verb} (one synset a line, found by byte offset) and
// {noun,verb}.exc (irregular forms). Nouns and verbs only.
//
// Load reads the index and exception files into memory (about 5 MB) and
// keeps the data files open; a synset line is read by offset (pread) when
// asked for, so loading costs a few milliseconds and lookups a few
// microseconds. Lemmas are looked up by binary search in the sorted index.
//
// Lemmas are lower case with words separated by single spaces ("air
// strike", "shoot down"); WordNet's underscores are read as spaces.
//
// Thread safety: a loaded WordNet is immutable; all const methods may be
// called concurrently (pread keeps no file position).
#ifndef DETENTE_ENTITIES_WORDNET_H_
#define DETENTE_ENTITIES_WORDNET_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detente/status.h"

namespace detente {

enum class WnPos : char { kNoun = 'n', kVerb = 'v' };

// A synset: its part of speech and byte offset in data.{noun,verb}.
struct SynsetId {
  WnPos pos = WnPos::kNoun;
  uint32_t offset = 0;
  bool operator==(const SynsetId&) const = default;
  // A key unique over both parts of speech, for hash maps.
  uint64_t key() const { return (uint64_t{static_cast<unsigned char>(pos)} << 32) | offset; }
};

// One pointer of a synset (wndb(5) "pointer_symbol"): "@" hypernym, "@i"
// instance hypernym, "+" derivationally related form, "*" entailment, "^"
// also see, "~" hyponym ... Pointers to adjectives and adverbs are dropped.
struct WnPointer {
  std::string symbol;
  SynsetId target;
  int source_word = 0;  // 1-based word in this synset; 0 for a semantic pointer
  int target_word = 0;  // 1-based word in the target synset; 0 likewise
};

struct Synset {
  SynsetId id;
  int lexfile = -1;                // lexicographer file number, see LexName
  std::vector<std::string> words;  // lower case, spaces for underscores
  std::vector<WnPointer> pointers;
  // Verb frames (wndb(5) "f_cnt + f_num w_num"): each frame's number, with
  // the 1-based word it holds for, or 0 for every word of the synset.
  std::vector<std::pair<int, int>> frames;
  std::string gloss;

  // The hypernyms (@ and @i), in file order.
  std::vector<SynsetId> Hypernyms() const;
  // The 1-based position of `lemma` among words, or 0.
  int WordIndex(std::string_view lemma) const;
};

// A word of a synset: "invade" in {invade, occupy}.
struct WnWord {
  SynsetId synset;
  std::string word;
};

class WordNet {
 public:
  // Reads index.{noun,verb} and {noun,verb}.exc and opens data.{noun,verb}
  // in `dir`. kIOError naming the file when one is missing or unreadable.
  static Result<std::shared_ptr<const WordNet>> Load(const std::string& dir = "/usr/share/wordnet");

  WordNet(const WordNet&) = delete;
  WordNet& operator=(const WordNet&) = delete;
  ~WordNet();

  // The synsets of `lemma` in WordNet's sense order (most frequent first);
  // empty when the lemma is not in the index. `lemma` must already be a base
  // form in lower case (see BaseForms).
  std::vector<SynsetId> Senses(std::string_view lemma, WnPos pos) const;
  bool Contains(std::string_view lemma, WnPos pos) const;
  // How many senses of `lemma` were seen in WordNet's tagged corpora
  // (tagsense_cnt): a rough frequency; 0 for unknown lemmas.
  int TaggedSenses(std::string_view lemma, WnPos pos) const;

  // The synset at `id`; nullopt when the offset is not the start of a synset
  // line or the line is malformed.
  std::optional<Synset> Get(SynsetId id) const;

  // The derivationally related forms ("+") of `word` in `synset`, each with
  // the target word: invade (verb) -> invasion (noun), invader (noun).
  std::vector<WnWord> Derivations(const Synset& synset, std::string_view word) const;

  // Breadth-first up the hypernyms (@, @i) from `start` (depth 0), nearest
  // first and in file order within a depth: the path from `start` to the
  // first synset for which `match` is true. Empty when none is found within
  // `max_depth` steps.
  std::vector<SynsetId> PathUp(SynsetId start, int max_depth,
                               const std::function<bool(SynsetId)>& match) const;

  // A readable name of a synset: "bombard.v.2", its first word and that
  // word's sense number. "?" when the synset cannot be read.
  std::string SenseName(SynsetId id) const;
  // The synset of "lemma.pos.N" (N from 1, pos n or v); nullopt when the
  // name is malformed or the lemma has fewer senses.
  std::optional<SynsetId> FindSense(std::string_view name) const;

  // Morphy (morphy(7WN)): the base forms of `word` that are in the index, in
  // order: those from the exception list, the word itself, then those from
  // the suffix rules ("ies" -> "y", "ing" -> "" ...). A phrase is handled
  // through its first word for verbs ("carried out" -> "carry out") and its
  // last for nouns ("air strikes" -> "air strike"). Case-insensitive; empty
  // when none is known.
  std::vector<std::string> BaseForms(std::string_view word, WnPos pos) const;
  // The base forms listed for `word` in {noun,verb}.exc ("met" -> "meet").
  std::vector<std::string> Exceptions(std::string_view word, WnPos pos) const;

  // The lexicographer file name of a number ("verb.competition"), or "" when
  // out of range. The names are fixed by lexnames(5).
  static std::string_view LexName(int lexfile);
  // The number of a lexicographer file name, or -1.
  static int LexFile(std::string_view name);

 private:
  struct PosFiles;
  WordNet();
  const PosFiles& files(WnPos pos) const;
  std::string_view IndexLine(std::string_view lemma, WnPos pos) const;
  std::string ReadLine(SynsetId id) const;
  std::vector<SynsetId> HypernymIds(SynsetId id) const;

  std::unique_ptr<PosFiles> noun_, verb_;
};

}  // namespace detente

#endif  // DETENTE_ENTITIES_WORDNET_H_
