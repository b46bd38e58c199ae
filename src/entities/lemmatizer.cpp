#include "entities/lemmatizer.h"

#include <cctype>
#include <fstream>
#include <utility>

#include "entities/words.h"

namespace detente {
namespace {

Status LoadExceptions(const std::string& path, std::unordered_map<std::string, std::string>* out) {
  std::ifstream f(path);
  if (!f) return Status::IOError("cannot read " + path + " (install wordnet-base)");
  std::string inflected, base;
  while (f >> inflected >> base) {
    out->emplace(inflected, base);
    f.ignore(1 << 20, '\n');
  }
  return Status::OK();
}

Status LoadIndex(const std::string& path, std::unordered_set<std::string>* out) {
  std::ifstream f(path);
  if (!f) return Status::IOError("cannot read " + path + " (install wordnet-base)");
  std::string line;
  while (std::getline(f, line)) {
    if (line.empty() || line[0] == ' ') continue;  // licence header
    size_t sp = line.find(' ');
    std::string lemma = line.substr(0, sp);
    for (char& c : lemma)
      if (c == '_') c = ' ';
    out->insert(std::move(lemma));
  }
  return Status::OK();
}

struct Rule {
  const char* suffix;
  const char* ending;
};
constexpr Rule kVerbRules[] = {{"ies", "y"}, {"es", "e"}, {"es", ""}, {"s", ""},  {"ed", "e"},
                               {"ed", ""},   {"ing", "e"}, {"ing", ""}};
constexpr Rule kNounRules[] = {{"ses", "s"},   {"xes", "x"}, {"zes", "z"}, {"ches", "ch"},
                               {"shes", "sh"}, {"men", "man"}, {"ies", "y"}, {"s", ""}};

}  // namespace

Result<Lemmatizer> Lemmatizer::Load(const std::string& dir) {
  Lemmatizer l;
  DETENTE_RETURN_IF_ERROR(LoadExceptions(dir + "/verb.exc", &l.verb_exc_));
  DETENTE_RETURN_IF_ERROR(LoadExceptions(dir + "/noun.exc", &l.noun_exc_));
  DETENTE_RETURN_IF_ERROR(LoadIndex(dir + "/index.verb", &l.verbs_));
  DETENTE_RETURN_IF_ERROR(LoadIndex(dir + "/index.noun", &l.nouns_));
  return l;
}

std::string Lemmatizer::Morphy(std::string_view word,
                               const std::unordered_map<std::string, std::string>& exc,
                               const std::unordered_set<std::string>& index, bool verb) const {
  std::string w = Lower(word);
  if (auto it = exc.find(w); it != exc.end()) return it->second;
  if (index.count(w)) return w;
  const Rule* rules = verb ? kVerbRules : kNounRules;
  size_t n = verb ? std::size(kVerbRules) : std::size(kNounRules);
  for (size_t i = 0; i < n; ++i) {
    std::string_view suf = rules[i].suffix;
    if (w.size() > suf.size() + 1 && w.compare(w.size() - suf.size(), suf.size(), suf) == 0) {
      std::string cand = w.substr(0, w.size() - suf.size()) + rules[i].ending;
      if (index.count(cand)) return cand;
      // Doubled final consonant: "travelled" -> "travel".
      if (verb && rules[i].ending[0] == '\0' && cand.size() > 2 &&
          cand.back() == cand[cand.size() - 2]) {
        std::string single = cand.substr(0, cand.size() - 1);
        if (index.count(single)) return single;
      }
    }
  }
  return w;
}

std::string Lemmatizer::Verb(std::string_view word) const {
  std::string base = Morphy(word, verb_exc_, verbs_, true);
  // "re-elected", "co-sponsored": the prefix on the lemma of the rest.
  if (verbs_.count(base) || word.size() < 5) return base;
  size_t dash = word.find('-');
  if (dash != std::string_view::npos && dash <= 7) {
    std::string rest = Morphy(word.substr(dash + 1), verb_exc_, verbs_, true);
    if (verbs_.count(rest)) return Lower(word.substr(0, dash + 1)) + rest;
    return base;
  }
  // "relaunched", "coauthored": a prefix WordNet does not list the verb with.
  for (std::string_view prefix : {"re", "co", "de", "un", "pre"}) {
    if (word.size() <= prefix.size() + 3 || Lower(word.substr(0, prefix.size())) != prefix) continue;
    std::string rest = Morphy(word.substr(prefix.size()), verb_exc_, verbs_, true);
    if (verbs_.count(rest)) return std::string(prefix) + rest;
  }
  return base;
}

std::string Lemmatizer::Noun(std::string_view word) const {
  std::string base = Morphy(word, noun_exc_, nouns_, false);
  // "hours", "talks" and "forces" are WordNet nouns of their own; the plural
  // of the singular is the reading news needs.
  if (base == Lower(word) && base.size() > 3 && base.back() == 's' && base[base.size() - 2] != 's') {
    std::string singular = base.substr(0, base.size() - 1);
    if (nouns_.count(singular)) return singular;
  }
  return base;
}

}  // namespace detente
