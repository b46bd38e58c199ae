#include "extract/cameo.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

#include "entities/words.h"
#include "entities/lemmatizer.h"
#include "entities/tsv.h"

namespace detente {

namespace {

// How the senses of a word vote (docs/extraction.md, "Classes and roles by
// meaning").
// Only the first kMaxSenses senses count, sense i with kSenseWeights[i];
// each step up a hypernym or across a derivation multiplies by kStepDecay.
constexpr int kMaxSenses = 3;
constexpr std::array<double, kMaxSenses> kSenseWeights = {1.0, 0.55, 0.35};
constexpr double kStepDecay = 0.8;
constexpr int kMaxVerbDepth = 4;  // verb hierarchies are shallow
constexpr int kMaxNounDepth = 6;
// A sense that reaches no seed votes for the kind its lexicographer file
// implies (think -> cognition) as if the kind were this many steps away.
constexpr int kLexfileKindDepth = 5;

// Words dropped from phrases: "pay a visit to" is "pay visit to".
constexpr std::string_view kDeterminers[] = {"a",     "an",  "the", "his",  "her", "its",
                                             "their", "our", "my",  "your", "'s",  "’s"};
constexpr std::string_view kPrepositions[] = {
    "to",    "with",    "on",     "from",   "in",      "into",    "at",
    "for",   "against", "around", "over",   "of",      "about",   "by",
    "as",    "towards", "toward", "across", "through", "between", "among",
    "after", "before",  "under",  "upon",   "onto",    "off",     "out"};

// Noun senses in these lexicographer files can name events; others
// ("release" as merchandise, "shell" as ammunition) count only when seeded.
constexpr std::string_view kEventNounFiles[] = {
    "noun.act",   "noun.event",      "noun.communication", "noun.phenomenon",
    "noun.state", "noun.possession", "noun.group",         "noun.process"};

template <size_t N>
bool IsIn(const std::string_view (&set)[N], std::string_view w) {
  return std::find(std::begin(set), std::end(set), w) != std::end(set);
}

constexpr std::pair<VerbKind, std::string_view> kKindNames[] = {
    {VerbKind::kUnknown, "unknown"}, {VerbKind::kEvent, "event"},
    {VerbKind::kSpeech, "speech"},   {VerbKind::kCognition, "cognition"},
    {VerbKind::kStative, "stative"}, {VerbKind::kAspectual, "aspectual"},
    {VerbKind::kLight, "light"}};

std::optional<VerbKind> KindFromName(std::string_view name) {
  for (auto [k, n] : kKindNames)
    if (n == name) return k;
  return std::nullopt;
}

bool IsCode(std::string_view s) { return CameoCode::Parse(s).has_value(); }

// Lower-cased words of a phrase without determiners.
std::vector<std::string> Words(std::string_view phrase) {
  std::vector<std::string> out;
  std::string w;
  auto flush = [&] {
    if (!w.empty() && !IsIn(kDeterminers, w)) out.push_back(w);
    w.clear();
  };
  for (char c : Lower(phrase)) {
    if (c == ' ' || c == '\t' || c == '_')
      flush();
    else
      w.push_back(c);
  }
  flush();
  // "Israel's" as one token: drop the possessive ending.
  for (std::string& x : out)
    if (x.size() > 2 && x.ends_with("'s")) x.resize(x.size() - 2);
  return out;
}

std::string Join(const std::vector<std::string>& w, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to && i < w.size(); ++i) {
    if (!out.empty()) out.push_back(' ');
    out += w[i];
  }
  return out;
}

// A candidate class from one sense: a CAMEO code, a verb kind or "none".
// How it was found is kept as synsets and rendered only for the vote that
// wins (SenseName reads synsets).
struct Vote {
  std::string cls;
  double score = 0;
  std::optional<SynsetId> derived_from;  // the sense whose derivation led here
  std::vector<SynsetId> path;            // from the start up to the seed
  std::string_view lexfile;              // set when the kind is only guessed from it
};

// What a vote counts towards: the root of a CAMEO code ("042" -> "04"), else
// the verb kind or "none" as it is.
std::string Family(const std::string& cls) {
  const std::optional<CameoCode> code = CameoCode::Parse(cls);
  return code ? code->root_code().str() : cls;
}

}  // namespace

std::string_view VerbKindName(VerbKind kind) {
  for (auto [k, n] : kKindNames)
    if (k == kind) return n;
  return "unknown";
}

std::string CameoClass::ClassName() const {
  return known() ? code->root_code().str() + " " + root_name : "";
}


struct CameoClassifier::Tables {
  std::shared_ptr<const WordNet> wn;
  struct Code {
    std::string name;
    double goldstein = 0;
  };
  std::unordered_map<std::string, Code> codes;           // goldstein.tsv
  std::unordered_map<std::string, std::string> lexicon;  // cameo.tsv: phrase -> code
  std::unordered_map<uint64_t, std::string> seeds;       // synset -> code or kind
  std::unordered_map<std::string, VerbKind> kinds;       // verb_kinds.tsv
  std::vector<std::vector<std::string>> light_verbs;

  std::string VerbBase(const std::string& w) const { return Lemmatizer(wn).Verb(w); }
  bool IsSeed(SynsetId id) const { return seeds.count(id.key()) > 0; }
  std::optional<Vote> SeedVote(SynsetId start, int max_depth, int rank,
                               std::optional<SynsetId> derived_from) const;
  std::string Explain(const Vote& v) const;
  std::vector<Vote> SenseVotes(SynsetId sense, const std::string& word, int rank) const;
  std::vector<Vote> WordVotes(const std::string& lemma, WnPos pos) const;
  size_t LightVerbLength(const std::vector<std::string>& w) const;
  CameoClass Describe(const std::string& code) const;
  CameoClass Lexicon(const std::string& phrase) const;
  CameoClass NounClass(const std::string& noun) const;
  CameoClass FromVotes(const std::vector<Vote>& votes) const;
};

namespace {

Status LoadCodes(const std::string& path, CameoClassifier::Tables* t) {
  Result<std::vector<TsvRow>> rows = ReadTsvFile(path, 3, 4);
  if (!rows.ok()) return rows.status();
  for (const TsvRow& r : *rows) {
    char* end = nullptr;
    double g = std::strtod(r.fields[1].c_str(), &end);
    if (!IsCode(r.fields[0]) || end == r.fields[1].c_str() || *end || g < -10 || g > 10)
      return TsvError(path, r.line, "bad code or weight");
    if (!t->codes.emplace(r.fields[0], CameoClassifier::Tables::Code{r.fields[2], g}).second)
      return TsvError(path, r.line, "code listed twice: " + r.fields[0]);
  }
  return Status::OK();
}

Status LoadLexicon(const std::string& path, CameoClassifier::Tables* t) {
  Result<std::vector<TsvRow>> rows = ReadTsvFile(path, 3, 3);
  if (!rows.ok()) return rows.status();
  for (const TsvRow& r : *rows) {
    if (!t->codes.count(r.fields[1]))
      return TsvError(path, r.line, "code without a Goldstein weight: " + r.fields[1]);
    std::string key = Join(Words(r.fields[0]), 0, std::string::npos);
    if (key.empty()) return TsvError(path, r.line, "empty lemma");
    t->lexicon.emplace(key, r.fields[1]);  // the first listing wins
  }
  return Status::OK();
}

Status LoadSeeds(const std::string& path, CameoClassifier::Tables* t) {
  Result<std::vector<TsvRow>> rows = ReadTsvFile(path, 3, 4);
  if (!rows.ok()) return rows.status();
  for (const TsvRow& r : *rows) {
    const std::string& cls = r.fields[2];
    if (IsCode(cls) ? !t->codes.count(cls) : !KindFromName(cls) && cls != "none")
      return TsvError(path, r.line, "unknown class or code without a weight: " + cls);
    std::optional<SynsetId> id = t->wn->FindSense(r.fields[0]);
    if (!id) return TsvError(path, r.line, "no such WordNet sense: " + r.fields[0]);
    std::optional<Synset> s = t->wn->Get(*id);
    if (!s || WordNet::LexName(s->lexfile) != r.fields[1]) {
      return TsvError(path, r.line,
                      r.fields[0] + " is in " +
                          std::string(s ? WordNet::LexName(s->lexfile) : "?") + ", not " +
                          r.fields[1]);
    }
    if (!t->seeds.emplace(id->key(), cls).second)
      return TsvError(path, r.line, "synset seeded twice: " + r.fields[0]);
  }
  return Status::OK();
}

Status LoadKinds(const std::string& path, CameoClassifier::Tables* t) {
  Result<std::vector<TsvRow>> rows = ReadTsvFile(path, 2, 2);
  if (!rows.ok()) return rows.status();
  for (const TsvRow& r : *rows) {
    std::optional<VerbKind> k = KindFromName(r.fields[1]);
    std::vector<std::string> w = Words(r.fields[0]);
    if (!k || w.empty()) return TsvError(path, r.line, "bad verb or kind");
    if (*k == VerbKind::kLight) t->light_verbs.push_back(w);
    t->kinds.emplace(Join(w, 0, w.size()), *k);
  }
  return Status::OK();
}

}  // namespace

Result<CameoClassifier> CameoClassifier::Load(std::shared_ptr<const WordNet> wordnet,
                                              const std::string& data_dir,
                                              const CameoOptions& options) {
  auto t = std::make_shared<Tables>();
  t->wn = std::move(wordnet);
  DETENTE_RETURN_IF_ERROR(LoadCodes(data_dir + "/goldstein.tsv", t.get()));
  DETENTE_RETURN_IF_ERROR(LoadLexicon(data_dir + "/cameo.tsv", t.get()));
  if (!options.use_lexicon) t->lexicon.clear();
  DETENTE_RETURN_IF_ERROR(LoadSeeds(data_dir + "/cameo_synsets.tsv", t.get()));
  DETENTE_RETURN_IF_ERROR(LoadKinds(data_dir + "/verb_kinds.tsv", t.get()));
  // Longest light verbs first: "carry out" before "carry".
  std::sort(t->light_verbs.begin(), t->light_verbs.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return CameoClassifier(std::move(t));
}

CameoClass CameoClassifier::Tables::Describe(const std::string& code) const {
  CameoClass c;
  auto it = codes.find(code);
  if (it == codes.end() || code.size() < 3) return c;
  c.code = CameoCode::Parse(code);  // Load checked every code of goldstein.tsv
  c.name = it->second.name;
  c.goldstein = it->second.goldstein;
  if (auto r = codes.find(c.code->root_code().str()); r != codes.end()) c.root_name = r->second.name;
  return c;
}

CameoClass CameoClassifier::Describe(std::string_view code) const {
  return t_->Describe(std::string(code));
}

CameoClass CameoClassifier::Tables::Lexicon(const std::string& phrase) const {
  auto it = lexicon.find(phrase);
  if (it == lexicon.end()) return {};
  CameoClass c = Describe(it->second);
  c.source = CameoSource::kLexicon;
  c.via = "lexicon: " + phrase;
  return c;
}

// The nearest seed above `start`, as a vote of sense `rank`, one step
// further when reached across a derivation from `derived_from`.
std::optional<Vote> CameoClassifier::Tables::SeedVote(SynsetId start, int max_depth, int rank,
                                                      std::optional<SynsetId> derived_from) const {
  std::vector<SynsetId> path = wn->PathUp(start, max_depth, [&](SynsetId s) { return IsSeed(s); });
  if (path.empty()) return std::nullopt;
  Vote v;
  v.cls = seeds.at(path.back().key());
  int steps = static_cast<int>(path.size()) - 1 + (derived_from ? 1 : 0);
  v.score = kSenseWeights[rank] * std::pow(kStepDecay, steps);
  v.derived_from = derived_from;
  v.path = std::move(path);
  return v;
}

std::string CameoClassifier::Tables::Explain(const Vote& v) const {
  std::string out = "wordnet: ";
  if (v.derived_from) out += wn->SenseName(*v.derived_from) + " + ";
  if (!v.lexfile.empty())
    return out + wn->SenseName(v.path.front()) + " in " + std::string(v.lexfile);
  for (size_t i = 0; i < v.path.size(); ++i) out += (i ? " > " : "") + wn->SenseName(v.path[i]);
  return out + " (" + v.cls + ")";
}

// The votes of one sense of `word`: its nearest seed up the hypernyms, and
// the nearest seeds of its derivationally related forms (one step more). A
// sense with neither votes for the kind its lexicographer file implies.
std::vector<Vote> CameoClassifier::Tables::SenseVotes(SynsetId sense, const std::string& word,
                                                      int rank) const {
  std::vector<Vote> out;
  std::optional<Synset> s = wn->Get(sense);
  if (!s) return out;
  bool noun = sense.pos == WnPos::kNoun;
  if (noun && !IsSeed(sense) && !IsIn(kEventNounFiles, WordNet::LexName(s->lexfile))) return out;
  int depth = noun ? kMaxNounDepth : kMaxVerbDepth;
  std::optional<Vote> own = SeedVote(sense, depth, rank, std::nullopt);
  if (own) out.push_back(*own);
  if (!own || noun) {
    // Derivations: "invasion" -> "invade"; a verb with no seed above it ->
    // its noun ("hold" has none, but "bombard" does not need it).
    for (const WnWord& d : wn->Derivations(*s, word)) {
      if (d.synset.pos == sense.pos) continue;
      int dd = d.synset.pos == WnPos::kNoun ? kMaxNounDepth : kMaxVerbDepth;
      if (auto v = SeedVote(d.synset, dd, rank, sense)) out.push_back(*v);
    }
  }
  if (!out.empty()) return out;
  std::string_view file = WordNet::LexName(s->lexfile);
  std::string kind = file == "verb.cognition" || file == "verb.emotion" || file == "verb.perception"
                         ? "cognition"
                     : file == "verb.stative"       ? "stative"
                     : file == "verb.communication" ? "speech"
                                                    : "";
  if (!kind.empty()) {
    Vote v;
    v.cls = kind;
    v.score = kSenseWeights[rank] * std::pow(kStepDecay, kLexfileKindDepth);
    v.path = {sense};
    v.lexfile = file;
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<Vote> CameoClassifier::Tables::WordVotes(const std::string& lemma, WnPos pos) const {
  std::vector<Vote> out;
  std::vector<SynsetId> senses = wn->Senses(lemma, pos);
  for (int i = 0; i < kMaxSenses && i < static_cast<int>(senses.size()); ++i) {
    std::vector<Vote> v = SenseVotes(senses[i], lemma, i);
    out.insert(out.end(), v.begin(), v.end());
  }
  return out;
}

// The family with the largest summed score wins; within it, the single
// strongest vote gives the code. A speech verb ("declare", "assert") is
// coded 010, as CAMEO codes statements; other verb kinds are unknown.
CameoClass CameoClassifier::Tables::FromVotes(const std::vector<Vote>& votes) const {
  std::vector<std::pair<std::string, double>> families;
  for (const Vote& v : votes) {
    std::string f = Family(v.cls);
    auto it = std::find_if(families.begin(), families.end(), [&](auto& p) { return p.first == f; });
    if (it == families.end())
      families.emplace_back(f, v.score);
    else
      it->second += v.score;
  }
  if (families.empty()) return {};
  auto best = std::max_element(families.begin(), families.end(),
                               [](auto& a, auto& b) { return a.second < b.second; });
  bool speech = best->first == "speech";
  if (!IsCode(best->first) && !speech) return {};
  const Vote* top = nullptr;
  for (const Vote& v : votes)
    if (Family(v.cls) == best->first && (!top || v.score > top->score)) top = &v;
  if (speech && !top->lexfile.empty()) return {};
  CameoClass c = Describe(speech ? "010" : top->cls);
  c.source = CameoSource::kWordNet;
  c.via = Explain(*top);
  return c;
}

size_t CameoClassifier::Tables::LightVerbLength(const std::vector<std::string>& w) const {
  for (const auto& lv : light_verbs) {
    if (lv.size() < w.size() && std::equal(lv.begin(), lv.end(), w.begin())) return lv.size();
  }
  return 0;
}

// A noun WordNet knows is an event when its senses reach a seed; the hand
// lexicon (written for verbs) may then refine the code ("strike" is
// military in news, a labour strike first in WordNet) but never makes an
// event of a noun WordNet does not ("table", "note"). A noun WordNet lacks
// ("airstrike") is looked up in the lexicon alone.
CameoClass CameoClassifier::Tables::NounClass(const std::string& noun) const {
  std::vector<std::string> bases = wn->BaseForms(noun, WnPos::kNoun);
  if (bases.empty()) return Lexicon(noun);
  // "talks" is a lemma of its own, "leaders" a printing term: the first base
  // form with an event class counts.
  for (const std::string& base : bases) {
    CameoClass c = FromVotes(WordVotes(base, WnPos::kNoun));
    if (!c.known()) continue;
    for (const std::string& key : {noun, base})
      if (CameoClass lex = Lexicon(key); lex.known()) return lex;
    return c;
  }
  return {};
}

CameoClass CameoClassifier::Noun(std::string_view noun) const {
  std::vector<std::string> w = Words(noun);
  if (w.empty()) return {};
  std::string phrase = Join(w, 0, w.size());
  if (CameoClass c = t_->NounClass(phrase); c.known() || t_->wn->Contains(phrase, WnPos::kNoun))
    return c;
  // A compound WordNet lacks: "ceasefire" as "cease-fire"; a phrase by its
  // head ("drone strike" -> "strike"); a closed compound by its longest
  // known ending ("airstrike" -> "strike").
  const std::string& last = w.back();
  std::vector<std::string> tries;
  for (size_t i = 2; w.size() == 1 && i + 2 < last.size(); ++i)
    tries.push_back(last.substr(0, i) + "-" + last.substr(i));
  if (w.size() > 1) tries.push_back(last);
  for (size_t i = 2; i + 3 < last.size(); ++i) tries.push_back(last.substr(i));
  for (const std::string& t : tries) {
    if (t_->wn->BaseForms(t, WnPos::kNoun).empty() && !t_->lexicon.count(t)) continue;
    CameoClass c = t_->NounClass(t);
    if (c.known()) c.via = t + ": " + c.via;
    return c;
  }
  return {};
}

CameoClass CameoClassifier::Verb(std::string_view phrase) const {
  std::vector<std::string> w = Words(phrase);
  if (w.empty()) return {};
  w[0] = t_->VerbBase(w[0]);
  size_t n = w.size();
  // 1. The phrase, then without its final prepositions.
  if (CameoClass c = t_->Lexicon(Join(w, 0, n)); c.known()) return c;
  while (n > 1 && IsIn(kPrepositions, w[n - 1])) {
    if (CameoClass c = t_->Lexicon(Join(w, 0, --n)); c.known()) return c;
  }
  // 2. A light verb names its event by its noun: "carry out strikes".
  if (size_t lv = t_->LightVerbLength(std::vector<std::string>(w.begin(), w.begin() + n))) {
    if (CameoClass c = Noun(Join(w, lv, n)); c.known()) {
      c.via = Join(w, 0, lv) + " + " + c.via;
      return c;
    }
  }
  // 3. The longest listed or WordNet prefix ("crack down on protesters");
  //    a light verb whose noun named no event counts as itself ("strike
  //    targets" is "strike").
  for (size_t k = n; k >= 1; --k) {
    std::string p = Join(w, 0, k);
    if (CameoClass c = t_->Lexicon(p); c.known()) return c;
    std::vector<std::string> forms = t_->wn->BaseForms(p, WnPos::kVerb);
    for (const std::string& form : forms) {
      if (CameoClass c = t_->FromVotes(t_->WordVotes(form, WnPos::kVerb)); c.known()) return c;
    }
    // A phrasal verb WordNet knows means something of its own: "strike down
    // a law" (cancel) is no strike.
    if (k >= 2 && !forms.empty()) return {};
  }
  return {};
}

VerbKind CameoClassifier::Kind(std::string_view verb) const {
  std::vector<std::string> w = Words(verb);
  if (w.empty()) return VerbKind::kUnknown;
  w[0] = t_->VerbBase(w[0]);
  std::string lemma = Join(w, 0, w.size());
  auto listed = [&](const std::string& v) {
    auto it = t_->kinds.find(v);
    return it == t_->kinds.end() ? VerbKind::kUnknown : it->second;
  };
  VerbKind k = listed(lemma);
  if (k == VerbKind::kUnknown) k = listed(w[0]);
  if (k != VerbKind::kUnknown && k != VerbKind::kLight) return k;
  if (w.size() > 1 && Verb(lemma).known()) return VerbKind::kEvent;  // "carry out strikes"
  if (k == VerbKind::kLight) return k;
  if (VerbKind wk = WordNetKind(w[0]); wk != VerbKind::kUnknown) return wk;
  return t_->lexicon.count(w[0]) ? VerbKind::kEvent : VerbKind::kUnknown;
}

// The kind of the family that wins the vote of a verb's senses: kEvent for
// a CAMEO root, else the verb kind; kUnknown for none.
VerbKind CameoClassifier::WordNetKind(const std::string& lemma) const {
  std::vector<std::pair<std::string, double>> sum;
  for (const Vote& v : t_->WordVotes(lemma, WnPos::kVerb)) {
    std::string f = Family(v.cls);
    auto it = std::find_if(sum.begin(), sum.end(), [&](auto& p) { return p.first == f; });
    if (it == sum.end())
      sum.emplace_back(f, v.score);
    else
      it->second += v.score;
  }
  if (sum.empty()) return VerbKind::kUnknown;
  auto best = std::max_element(sum.begin(), sum.end(),
                               [](auto& a, auto& b) { return a.second < b.second; });
  if (IsCode(best->first)) return VerbKind::kEvent;
  std::optional<VerbKind> k = KindFromName(best->first);
  return k ? *k : VerbKind::kUnknown;
}

}  // namespace detente
