#include "entities/roles.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

#include "entities/words.h"
#include "entities/lemmatizer.h"
#include "entities/tsv.h"

namespace detente {

namespace {

constexpr RoleInfo kVocabulary[] = {
    {Role::kGov, "government: executive, ministers, officials, diplomats, spokesmen", true},
    {Role::kMil, "military: armed forces, soldiers, officers, peacekeepers", true},
    {Role::kCop, "police and internal security forces", true},
    {Role::kJud, "judiciary: courts, judges, prosecutors, lawyers", true},
    {Role::kLeg, "legislature: parliaments, lawmakers, senators", true},
    {Role::kSpy, "state intelligence: agencies, agents, spies", true},
    {Role::kOpp, "political opposition: opposition, dissidents, protesters, activists", false},
    {Role::kReb, "rebels: armed rebellion, guerrillas", false},
    {Role::kIns, "insurgents", false},
    {Role::kSep, "separatists", false},
    {Role::kUaf, "unaligned armed forces: militants, militias, gunmen, fighters", false},
    {Role::kRad, "radicals and extremists", false},
    {Role::kIgo, "intergovernmental organisations", false},
    {Role::kNgo, "non-governmental organisations: charities, aid groups", false},
    {Role::kBus, "business: companies, firms, executives", false},
    {Role::kMed, "media: journalists, reporters, news agencies", false},
    {Role::kCvl, "civilians: residents, villagers, citizens, settlers", false},
    {Role::kRef, "refugees and displaced people", false},
    {Role::kLab, "labour: workers, trade unions", false},
    {Role::kAgr, "agriculture: farmers, farm workers", false},
    {Role::kEdu, "education: students, teachers, schools, universities", false},
    {Role::kHlh, "health: doctors, nurses, hospitals", false},
    {Role::kCrm, "criminals: gangs, smugglers, pirates, kidnappers", false},
};

// Heads that take the role of their modifier: "rebel commander" is REB,
// "police chief" is COP.
constexpr std::string_view kPositionNouns[] = {
    "leader", "chief", "commander",      "spokesman",  "spokeswoman", "spokesperson", "official",
    "member", "head",  "representative", "delegation", "delegate",    "negotiator",   "envoy"};
// Modifier roles that win over any head: "rebel soldiers" are rebels,
// "opposition lawmakers" the opposition.
constexpr Role kGroupRoles[] = {Role::kOpp, Role::kReb, Role::kIns, Role::kSep,
                                Role::kUaf, Role::kRad, Role::kCrm};

constexpr int kMaxSenses = 3;
constexpr std::array<double, kMaxSenses> kSenseWeights = {1.0, 0.55, 0.35};
constexpr double kStepDecay = 0.9;  // person hierarchies are deep: decay slowly
constexpr int kMaxDepth = 10;       // person hierarchies are deep

template <typename T, size_t N, typename U>
bool IsIn(const T (&set)[N], const U& w) {
  return std::find(std::begin(set), std::end(set), w) != std::end(set);
}

std::vector<std::string> Words(std::string_view phrase) {
  std::vector<std::string> out;
  std::string w;
  for (char c : Lower(phrase) + " ") {
    if (c != ' ' && c != '\t' && c != '_') {
      w.push_back(c);
    } else if (!w.empty()) {
      if (w != "the" && w != "a" && w != "an") out.push_back(w);
      w.clear();
    }
  }
  return out;
}

std::string Join(const std::vector<std::string>& w, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) out += (out.empty() ? "" : " ") + w[i];
  return out;
}

}  // namespace

std::span<const RoleInfo> RoleVocabulary() { return kVocabulary; }

const RoleInfo* FindRole(Role role) {
  for (const RoleInfo& r : kVocabulary)
    if (r.role == role) return &r;
  return nullptr;
}

bool IsStateRole(Role role) {
  const RoleInfo* r = FindRole(role);
  return r && r->state_agent;
}

struct RoleClassifier::Tables {
  std::shared_ptr<const WordNet> wn;
  // kNone: an agent with no role ("none" in the file), which stops the walk.
  std::unordered_map<std::string, Role> phrases;  // phrase -> role
  std::unordered_map<uint64_t, Role> seeds;       // synset -> role
};

namespace {

Status AddEntry(const std::string& path, const TsvRow& r, RoleClassifier::Tables* t) {
  const std::optional<Role> parsed = ParseRole(r.fields[2]);
  if (r.fields[2] != "none" && !(parsed && FindRole(*parsed)))
    return TsvError(path, r.line, "unknown role " + r.fields[2]);
  const Role role = parsed.value_or(Role::kNone);
  if (r.fields[1] == "-") {
    std::string key = Join(Words(r.fields[0]), 0, Words(r.fields[0]).size());
    if (key.empty() || !t->phrases.emplace(key, role).second)
      return TsvError(path, r.line, "empty or repeated phrase");
    return Status::OK();
  }
  std::optional<SynsetId> id = t->wn->FindSense(r.fields[0]);
  if (!id || id->pos != WnPos::kNoun)
    return TsvError(path, r.line, "no such WordNet noun sense: " + r.fields[0]);
  std::optional<Synset> s = t->wn->Get(*id);
  if (!s || WordNet::LexName(s->lexfile) != r.fields[1]) {
    return TsvError(path, r.line,
                    r.fields[0] + " is in " + std::string(s ? WordNet::LexName(s->lexfile) : "?") +
                        ", not " + r.fields[1]);
  }
  if (!t->seeds.emplace(id->key(), role).second)
    return TsvError(path, r.line, "synset seeded twice: " + r.fields[0]);
  return Status::OK();
}

}  // namespace

Result<RoleClassifier> RoleClassifier::Load(std::shared_ptr<const WordNet> wordnet,
                                            const std::string& data_dir) {
  auto t = std::make_shared<Tables>();
  t->wn = std::move(wordnet);
  std::string path = data_dir + "/agent_roles.tsv";
  Result<std::vector<TsvRow>> rows = ReadTsvFile(path, 3, 4);
  if (!rows.ok()) return rows.status();
  for (const TsvRow& r : *rows) DETENTE_RETURN_IF_ERROR(AddEntry(path, r, t.get()));
  return RoleClassifier(std::move(t));
}

// The role of a phrase WordNet or the phrase list may know as a whole.
RoleResult RoleClassifier::Single(const std::string& phrase) const {
  const Tables& t = *t_;
  Lemmatizer lem(t.wn);
  // The phrase as written, then with its last word singular.
  std::string singular = phrase;
  size_t sp = phrase.rfind(' ');
  singular = (sp == std::string::npos ? "" : phrase.substr(0, sp + 1)) +
             lem.Noun(sp == std::string::npos ? phrase : phrase.substr(sp + 1));
  for (const std::string& p : {phrase, singular}) {
    if (auto it = t.phrases.find(p); it != t.phrases.end() && it->second != Role::kNone)
      return {it->second, "phrase: " + p};
  }
  // The first base form with a role counts ("leaders" is a printing term).
  for (const std::string& base : t.wn->BaseForms(phrase, WnPos::kNoun)) {
    if (RoleResult r = Vote(base); r.known()) return r;
  }
  return {};
}

// The senses of `lemma` vote for the role of their nearest seed.
RoleResult RoleClassifier::Vote(const std::string& lemma) const {
  const Tables& t = *t_;
  struct Ballot {
    Role role;
    double score;
    std::vector<SynsetId> path;  // of the first sense voting for the role
  };
  std::vector<Ballot> votes;
  std::vector<SynsetId> senses = t.wn->Senses(lemma, WnPos::kNoun);
  for (int i = 0; i < kMaxSenses && i < static_cast<int>(senses.size()); ++i) {
    std::vector<SynsetId> path =
        t.wn->PathUp(senses[i], kMaxDepth, [&](SynsetId s) { return t.seeds.count(s.key()) > 0; });
    if (path.empty()) continue;
    const Role role = t.seeds.at(path.back().key());
    double score = kSenseWeights[i] * std::pow(kStepDecay, path.size() - 1);
    auto it = std::find_if(votes.begin(), votes.end(), [&](auto& v) { return v.role == role; });
    if (it == votes.end())
      votes.push_back({role, score, std::move(path)});
    else
      it->score += score;
  }
  if (votes.empty()) return {};
  auto best = std::max_element(votes.begin(), votes.end(),
                               [](auto& a, auto& b) { return a.score < b.score; });
  if (best->role == Role::kNone) return {};
  std::string via = "wordnet: ";
  for (size_t k = 0; k < best->path.size(); ++k)
    via += (k ? " > " : "") + t.wn->SenseName(best->path[k]);
  return {best->role, via + " (" + RoleName(best->role) + ")"};
}

RoleResult RoleClassifier::RoleOfNoun(std::string_view noun) const {
  std::vector<std::string> w = Words(noun);
  if (w.empty()) return {};
  if (RoleResult r = Single(Join(w, 0, w.size())); r.known()) return r;
  if (w.size() == 1) return {};
  // A compound: its head (the last word), unless the modifier before it
  // names a group or the head is a position ("rebel leader"). A modifier
  // that only says where people are from ("Israeli", "villager") never wins.
  RoleResult head = Single(w.back());
  RoleResult mod = Single(Join(w, 0, w.size() - 1));
  if (!mod.known()) mod = Single(w[w.size() - 2]);
  std::vector<std::string> heads = t_->wn->BaseForms(w.back(), WnPos::kNoun);
  heads.push_back(w.back());
  bool position = std::any_of(heads.begin(), heads.end(),
                              [](const std::string& h) { return IsIn(kPositionNouns, h); });
  if (mod.known() && mod.role != Role::kCvl &&
      (position || !head.known() || IsIn(kGroupRoles, mod.role))) {
    mod.via = "modifier: " + mod.via;
    return mod;
  }
  if (head.known()) head.via = "head: " + head.via;
  return head;
}

}  // namespace detente
