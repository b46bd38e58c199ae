#include "entities/lemmatizer.h"

#include <algorithm>

#include "entities/words.h"

namespace detente {

Result<Lemmatizer> Lemmatizer::Load(const std::string& dir) {
  Result<std::shared_ptr<const WordNet>> wn = WordNet::Load(dir);
  if (!wn.ok()) return wn.status();
  return Lemmatizer(std::move(*wn));
}

namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// "hop" + "ed" is spelled "hopped": a stem ending consonant-vowel-consonant
// doubles its consonant, so "hoped" is not "hop" + "ed".
bool WouldDouble(const std::string& word, const std::string& stem) {
  size_t n = stem.size();
  if (n < 3 || word.size() <= n || word.compare(0, n, stem) != 0) return false;
  std::string_view rest = std::string_view(word).substr(n);
  if (rest != "ed" && rest != "ing") return false;
  char c = stem[n - 1];
  bool vowels_before = false;  // one-syllable stems only: "visit" + "ed" is "visited"
  for (size_t i = 0; i + 2 < n; ++i) vowels_before = vowels_before || IsVowel(stem[i]);
  return !IsVowel(c) && c != 'w' && c != 'x' && c != 'y' && IsVowel(stem[n - 2]) &&
         !IsVowel(stem[n - 3]) && !vowels_before;
}

}  // namespace

std::string Lemmatizer::PickVerb(const std::string& word,
                                 const std::vector<std::string>& forms) const {
  // "routed": "route" or "rout"; "taped": "tape", not "tap". Spelling rules
  // first, then the reading seen more often in WordNet's tagged texts.
  const std::string* best = nullptr;
  int best_count = -1;
  for (const std::string& f : forms) {
    if (forms.size() > 1 && WouldDouble(word, f)) continue;
    int count = wn_->TaggedSenses(f, WnPos::kVerb);
    if (count > best_count) {
      best = &f;
      best_count = count;
    }
  }
  return best ? *best : forms.front();
}

std::string Lemmatizer::Base(std::string_view word, WnPos pos) const {
  std::string w = Lower(word);
  // The exception list wins over the word itself: "saw" -> "see".
  if (std::vector<std::string> exc = wn_->Exceptions(w, pos); !exc.empty()) return exc.front();
  if (std::vector<std::string> forms = wn_->BaseForms(w, pos); !forms.empty())
    return pos == WnPos::kVerb ? PickVerb(w, forms) : forms.front();
  // A doubled final consonant that morphy does not undo: "travelled" ->
  // "travel", "planning" -> "plan", "quizzes" -> "quiz".
  for (std::string_view suf : {"ed", "ing", "es"}) {
    if (pos != WnPos::kVerb || w.size() < suf.size() + 4 || !w.ends_with(suf)) continue;
    std::string stem = w.substr(0, w.size() - suf.size());
    if (stem.back() == stem[stem.size() - 2] && wn_->Contains(stem.substr(0, stem.size() - 1), pos))
      return stem.substr(0, stem.size() - 1);
  }
  return w;
}

namespace {

constexpr std::string_view kVerbPrefixes[] = {"re", "co", "de", "un", "pre"};

}  // namespace

std::string Lemmatizer::Verb(std::string_view word) const {
  std::string base = Base(word, WnPos::kVerb);
  if (wn_->Contains(base, WnPos::kVerb) || word.size() < 5) return base;
  // "re-elected", "co-sponsored": the prefix on the lemma of the rest.
  size_t dash = word.find('-');
  if (dash != std::string_view::npos && dash <= 7) {
    std::string rest = Base(word.substr(dash + 1), WnPos::kVerb);
    if (wn_->Contains(rest, WnPos::kVerb)) return Lower(word.substr(0, dash + 1)) + rest;
    return base;
  }
  // "relaunched", "coauthored": a prefix WordNet does not list the verb with.
  for (std::string_view prefix : kVerbPrefixes) {
    if (word.size() <= prefix.size() + 3 || Lower(word.substr(0, prefix.size())) != prefix) continue;
    std::string rest = Base(word.substr(prefix.size()), WnPos::kVerb);
    if (wn_->Contains(rest, WnPos::kVerb)) return std::string(prefix) + rest;
  }
  return base;
}

std::string Lemmatizer::Noun(std::string_view word) const {
  std::string base = Base(word, WnPos::kNoun);
  // "hours", "talks" and "forces" are WordNet nouns of their own; the plural
  // of the singular is the reading news needs.
  if (base == Lower(word) && base.size() > 3 && base.back() == 's' && base[base.size() - 2] != 's') {
    std::string singular = base.substr(0, base.size() - 1);
    if (wn_->Contains(singular, WnPos::kNoun)) return singular;
  }
  return base;
}

namespace {
std::string_view FirstNounLexName(const WordNet& wn, std::string_view lemma) {
  std::vector<SynsetId> senses = wn.Senses(lemma, WnPos::kNoun);
  if (senses.empty()) return {};
  std::optional<Synset> first = wn.Get(senses.front());
  return first ? WordNet::LexName(first->lexfile) : std::string_view();
}
}  // namespace

bool Lemmatizer::NamesPerson(std::string_view lemma) const {
  return FirstNounLexName(*wn_, lemma) == "noun.person";
}

bool Lemmatizer::NamesGroup(std::string_view lemma) const {
  return FirstNounLexName(*wn_, lemma) == "noun.group";
}

bool Lemmatizer::NamesThing(std::string_view lemma) const {
  static constexpr std::string_view kThings[] = {
      "noun.act",   "noun.artifact",   "noun.cognition", "noun.communication",
      "noun.event", "noun.possession", "noun.state",     "noun.attribute"};
  std::string_view name = FirstNounLexName(*wn_, lemma);
  for (std::string_view t : kThings)
    if (name == t) return true;
  return false;
}

bool Lemmatizer::NamesAct(std::string_view lemma) const {
  std::string_view name = FirstNounLexName(*wn_, lemma);
  return name == "noun.act" || name == "noun.communication";
}

bool Lemmatizer::NamesPhysical(std::string_view lemma) const {
  std::string_view name = FirstNounLexName(*wn_, lemma);
  return name == "noun.artifact" || name == "noun.location" || name == "noun.object";
}

bool Lemmatizer::TakesObjectInfinitive(std::string_view lemma) const {
  // wndb(5) frames 24 and 25; rarer senses than the fourth are not weighed.
  constexpr int kSomebodyToInfinitive = 24, kSomebodyInfinitive = 25, kSensesRead = 4;
  std::vector<SynsetId> senses = wn_->Senses(lemma, WnPos::kVerb);
  if (senses.size() > kSensesRead) senses.resize(kSensesRead);
  for (SynsetId id : senses) {
    std::optional<Synset> s = wn_->Get(id);
    if (!s) continue;
    int word = s->WordIndex(lemma);
    for (auto [number, holds_for] : s->frames)
      if ((number == kSomebodyToInfinitive || number == kSomebodyInfinitive) &&
          (holds_for == 0 || holds_for == word))
        return true;
  }
  return false;
}

std::vector<std::string> Lemmatizer::VerbsOfNoun(std::string_view lemma) const {
  constexpr size_t kSensesRead = 2;
  std::vector<std::string> out;
  std::vector<SynsetId> senses = wn_->Senses(lemma, WnPos::kNoun);
  if (senses.size() > kSensesRead) senses.resize(kSensesRead);
  for (SynsetId id : senses) {
    std::optional<Synset> s = wn_->Get(id);
    if (!s) continue;
    for (const WnWord& d : wn_->Derivations(*s, lemma))
      if (d.synset.pos == WnPos::kVerb && std::find(out.begin(), out.end(), d.word) == out.end())
        out.push_back(d.word);
  }
  return out;
}

bool Lemmatizer::IsVerb(std::string_view lemma) const {
  if (wn_->Contains(lemma, WnPos::kVerb)) return true;
  size_t dash = lemma.find('-');
  if (dash != std::string_view::npos && dash <= 7)
    return wn_->Contains(lemma.substr(dash + 1), WnPos::kVerb);
  if (wn_->Contains(lemma, WnPos::kNoun)) return false;
  for (std::string_view prefix : kVerbPrefixes)
    if (lemma.size() > prefix.size() + 4 && lemma.substr(0, prefix.size()) == prefix &&
        wn_->Contains(lemma.substr(prefix.size()), WnPos::kVerb))
      return true;
  return false;
}

}  // namespace detente
