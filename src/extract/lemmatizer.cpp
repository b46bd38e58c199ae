#include "extract/lemmatizer.h"

#include "entities/words.h"

namespace detente {

Result<Lemmatizer> Lemmatizer::Load(const std::string& dir) {
  Result<std::shared_ptr<const WordNet>> wn = WordNet::Load(dir);
  if (!wn.ok()) return wn.status();
  return Lemmatizer(std::move(*wn));
}

std::string Lemmatizer::Base(std::string_view word, WnPos pos) const {
  std::string w = Lower(word);
  // The exception list wins over the word itself: "saw" -> "see".
  if (std::vector<std::string> exc = wn_->Exceptions(w, pos); !exc.empty()) return exc.front();
  if (std::vector<std::string> forms = wn_->BaseForms(w, pos); !forms.empty()) return forms.front();
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

std::string Lemmatizer::Verb(std::string_view word) const { return Base(word, WnPos::kVerb); }

std::string Lemmatizer::Noun(std::string_view word) const { return Base(word, WnPos::kNoun); }

}  // namespace detente
