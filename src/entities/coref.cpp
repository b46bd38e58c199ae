// Coreference within one document: short names and references.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "detente/entities.h"
#include "entities/words.h"

namespace detente {
namespace {

std::string LastWord(const std::string& s) {
  size_t sp = s.rfind(' ');
  return sp == std::string::npos ? s : s.substr(sp + 1);
}
// "al-Assad" -> "Assad", so that the short form finds the full name.
std::string Bare(const std::string& w) {
  size_t dash = w.find('-');
  if (dash != std::string::npos && dash <= 3 && dash + 1 < w.size() &&
      std::islower(static_cast<unsigned char>(w[0])))
    return w.substr(dash + 1);
  return w;
}

bool IsActorKind(MentionKind k) {
  return k == EntityKind::kCountry || k == EntityKind::kOrganization ||
         k == EntityKind::kArmedGroup || k == EntityKind::kInstitution || k == EntityKind::kParty;
}

}  // namespace

void DocumentEntities::AddNames(const std::vector<Mention>& mentions) {
  for (const Mention& m : mentions) {
    if (m.kind == EntityKind::kPerson && m.name.find(' ') != std::string::npos) {
      auto same = [&](const Mention& o) { return o.name == m.name; };
      auto it = std::find_if(full_names_.begin(), full_names_.end(), same);
      if (it == full_names_.end()) {
        full_names_.push_back(m);
      } else if (it->country.empty()) {
        it->country = m.country;
      }
    }
  }
}

void DocumentEntities::Canonicalize(Mention* m) const {
  if (m->kind != EntityKind::kPerson && m->kind != EntityKind::kOrganization) return;
  if (m->name.empty() || m->name.find(' ') != std::string::npos) {
    // A full name may still learn its country from another mention.
    for (const Mention& f : full_names_)
      if (f.name == m->name && m->country.empty()) m->country = f.country;
    return;
  }
  // The fullest registered name containing this word: "Assad", "Kim" and
  // "Lula" (for "Luiz Inacio Lula da Silva").
  // "Al-Sharaa" opening a sentence is "Ahmed al-Sharaa": case aside.
  const std::string word = Lower(m->name);
  const Mention* best = nullptr;
  for (const Mention& f : full_names_) {
    bool contains = false;
    for (size_t b = 0; b < f.name.size() && !contains;) {
      size_t e = f.name.find(' ', b);
      if (e == std::string::npos) e = f.name.size();
      std::string w = f.name.substr(b, e - b);
      contains = w == m->name || Bare(w) == m->name || Lower(w) == word ||
                 Lower(Bare(w)) == word;
      b = e + 1;
    }
    if (contains && (!best || f.name.size() > best->name.size())) best = &f;
  }
  if (best) {
    m->name = best->name;
    m->kind = EntityKind::kPerson;
    if (m->country.empty()) m->country = best->country;
  }
}

namespace {

// The office a description names by its last word or two ("the top
// diplomat": a foreign minister), as data/leaders.tsv spells offices; empty
// for other words.
std::string OfficeOf(const std::string& text) {
  static const std::map<std::string, std::string> kOffices = {
      {"diplomat", "foreign_minister"},           {"foreign minister", "foreign_minister"},
      {"secretary of state", "foreign_minister"}, {"defence minister", "defence_minister"},
      {"defense minister", "defence_minister"},   {"defense secretary", "defence_minister"},
      {"president", "head_of_state"},             {"monarch", "head_of_state"},
      {"king", "head_of_state"},                  {"premier", "head_of_government"},
      {"chancellor", "head_of_government"},       {"prime minister", "head_of_government"},
  };
  for (const auto& [words, office] : kOffices) {
    bool tail = text.size() >= words.size() &&
                text.compare(text.size() - words.size(), words.size(), words) == 0 &&
                (text.size() == words.size() || text[text.size() - words.size() - 1] == ' ');
    if (tail) return office;
  }
  return "";
}

}  // namespace

bool DocumentEntities::ResolveReference(Mention* m, const std::vector<Mention>& prefer,
                                         const std::string& exclude) const {
  std::string text = Lower(m->text);
  std::string head = LastWord(text);
  auto pick = [&](auto fits) -> bool {
    auto pred = [&](const Mention& r) { return (exclude.empty() || r.name != exclude) && fits(r); };
    for (const Mention& p : prefer) {
      if (p.name.empty() || p.kind.is_reference() || p.description || !pred(p)) continue;
      std::string text_kept = m->text;
      int first = m->first, last = m->last;
      *m = p;
      m->text = text_kept;
      m->first = first;
      m->last = last;
      return true;
    }
    for (auto it = recent_.rbegin(); it != recent_.rend(); ++it) {
      if (pred(*it)) {
        std::string text_kept = m->text;
        int first = m->first, last = m->last;
        *m = *it;
        m->text = text_kept;
        m->first = first;
        m->last = last;
        return true;
      }
    }
    return false;
  };
  auto name_has = [](const Mention& r, const char* w) {
    return r.name.find(w) != std::string::npos;
  };
  if (text == "he" || text == "she" || text == "him" || text == "his" || text == "her") {
    if (last_actor_.kind == EntityKind::kPerson && !last_actor_.name.empty()) {
      return pick([&](const Mention& r) { return r.name == last_actor_.name; });
    }
    return pick([](const Mention& r) { return r.kind == EntityKind::kPerson; });
  }
  if (text == "it" || text == "its") {
    if (IsActorKind(last_actor_.kind) && !last_actor_.name.empty()) {
      return pick([&](const Mention& r) { return r.name == last_actor_.name; });
    }
    return pick([](const Mention& r) { return IsActorKind(r.kind); });
  }
  if (text == "they" || text == "them" || text == "their") return false;
  // Plural descriptions ("the leaders") name no single entity; see ResolvePair.
  static const std::set<std::string> kPlural = {"leaders", "sides", "men", "countries",
                                                "nations", "neighbours", "neighbors",
                                                "governments", "parties"};
  if (kPlural.count(head)) return false;
  std::string country = m->country;
  if (head == "group" || head == "militants" || head == "movement" || head == "rebels" ||
      head == "insurgents" || head == "fighters" || head == "separatists" || head == "militia" ||
      head == "force") {
    return pick([](const Mention& r) {
      return r.kind == EntityKind::kArmedGroup || r.kind == EntityKind::kOrganization ||
             r.kind == EntityKind::kParty ||
             (r.kind == EntityKind::kGroup &&
              (r.role == Role::kReb || r.role == Role::kIns || r.role == Role::kSep));
    });
  }
  if (head == "army" || head == "military" || head == "forces") {
    // "the U.S. military" is no other state's army named before.
    return pick([&](const Mention& r) {
      return r.role == Role::kMil && (country.empty() || r.country == country);
    });
  }
  if (head == "enclave" || head == "region" || head == "territory" || head == "province" ||
      head == "strip" || head == "peninsula" || head == "island") {
    return pick([](const Mention& r) { return r.kind == EntityKind::kRegion; });
  }
  if (head == "city" || head == "capital" || head == "town") {
    return pick([&](const Mention& r) {
      return r.kind == EntityKind::kCity && (country.empty() || r.country == country);
    });
  }
  if (head == "bloc" || head == "alliance" || head == "union" || head == "organisation" ||
      head == "organization" || head == "body") {
    if (pick([](const Mention& r) { return r.kind == EntityKind::kOrganization; })) return true;
    // "The EU's foreign policy chief, Kaja Kallas, said the bloc would": the
    // body a person named since serves.
    for (auto it = recent_.rbegin(); it != recent_.rend(); ++it) {
      if (it->kind != EntityKind::kPerson || it->office.empty() || it->office.find(' ') == std::string::npos)
        continue;
      m->name = it->office;
      m->kind = EntityKind::kOrganization;
      m->country.clear();
      m->role = Role::kIgo;
      return true;
    }
    return false;
  }
  if (head == "court" || head == "tribunal") {
    return pick([&](const Mention& r) { return name_has(r, "Court") || name_has(r, "Tribunal"); });
  }
  if (head == "council") {
    return pick([&](const Mention& r) { return name_has(r, "Council"); });
  }
  if (head == "parliament") {
    return pick([&](const Mention& r) {
      return r.kind == EntityKind::kInstitution || name_has(r, "Assembly") ||
             name_has(r, "parliament");
    });
  }
  if (head == "country" || head == "kingdom" || head == "state" || head == "republic" ||
      head == "emirate" || head == "nation" || head == "neighbour" || head == "neighbor") {
    return pick([&](const Mention& r) {
      return r.kind == EntityKind::kCountry && (country.empty() || r.country == country);
    });
  }
  if (head == "government" || head == "junta") {
    return pick([&](const Mention& r) {
      return r.kind == EntityKind::kCountry && (country.empty() || r.country == country);
    });
  }
  // A person described by role, maybe with a country: "the top U.S. diplomat"
  // is the Secretary of State named before, not the President named since.
  auto person = [&](const Mention& r) {
    return r.kind == EntityKind::kPerson && (country.empty() || r.country == country);
  };
  std::string office = OfficeOf(text);
  if (!office.empty() && pick([&](const Mention& r) { return person(r) && r.office == office; }))
    return true;
  return pick(person);
}

bool DocumentEntities::ResolvePair(const Mention& m, const std::vector<std::string>& exclude,
                                   Mention* a, Mention* b) const {
  std::string text = Lower(m.text);
  bool pair = text.rfind("the two", 0) == 0 || text.rfind("both ", 0) == 0 ||
              text.rfind("neither ", 0) == 0 || text.rfind("either ", 0) == 0 ||
              text.rfind("each ", 0) == 0;
  if (!pair) return false;
  std::string head = LastWord(text);
  // "the two" alone, "neither side": any two actors; "neither leader": people.
  if (head == "two" || head == "side") head = "sides";
  if (head == "leader" || head == "man") head = "leaders";
  if (head == "country" || head == "government") head = "countries";
  auto fits = [&](const Mention& r) {
    if (head == "leaders" || head == "men" || head == "presidents" || head == "ministers")
      return r.kind == EntityKind::kPerson;
    if (head == "countries" || head == "nations" || head == "neighbours" ||
        head == "neighbors" || head == "governments" || head == "states")
      return r.kind == EntityKind::kCountry;
    return head == "sides" || head == "parties"
               ? r.kind == EntityKind::kPerson || IsActorKind(r.kind)
               : false;
  };
  const Mention* found[2] = {nullptr, nullptr};
  for (auto it = recent_.rbegin(); it != recent_.rend() && !found[1]; ++it) {
    if (!fits(*it) || it->name.empty()) continue;
    if (std::find(exclude.begin(), exclude.end(), it->name) != exclude.end()) continue;
    if (found[0] && found[0]->name == it->name) continue;
    found[found[0] ? 1 : 0] = &*it;
  }
  if (!found[1]) return false;
  // Keep reading order: the earlier-mentioned entity first.
  Mention* out[2] = {a, b};
  for (int i = 0; i < 2; ++i) {
    *out[i] = *found[1 - i];
    out[i]->text = m.text;
    out[i]->first = m.first;
    out[i]->last = m.last;
  }
  return true;
}

void DocumentEntities::Touch(const Mention& m) {
  if (m.name.empty() || m.kind.is_reference()) return;
  recent_.push_back(m);
  if (recent_.size() > 64) recent_.erase(recent_.begin());
}

}  // namespace detente

namespace detente {
namespace {

// Words after which "it" is a subject, not an object: "the United States
// said it rejected".
bool BeforeSubjectIt(const std::string& w) {
  static const std::set<std::string> kWords = {"said", "says", "announced", "added", "warned",
                                               "stated", "insisted", "claimed", "that", "argued",
                                               "noted", "confirmed", "signalled", "signaled",
                                               "and"};
  return kWords.count(w) > 0;
}

}  // namespace

namespace {

// Replaces `m` by `by`, keeping the words and span it was written with.
void Become(Mention* m, const Mention& by) {
  std::string text = m->text;
  int first = m->first, last = m->last;
  *m = by;
  m->text = text;
  m->first = first;
  m->last = last;
  m->description = true;
}

// "Washington said it", "Ruto said he would": the named mention right before
// the reporting word that precedes token `at` (over "that" and adverbs).
const Mention* Speaker(const std::vector<std::string>& tokens, const std::vector<Mention>& ms,
                       size_t mi, int at) {
  int k = at - 1;
  if (k >= 0 && Lower(tokens[k]) == "that") --k;
  // "said on Saturday that it": over a day.
  if (k >= 1 && IsCalendarWord(tokens[k]) && Lower(tokens[k - 1]) == "on") k -= 2;
  if (k < 0 || !BeforeSubjectIt(Lower(tokens[k])) || Lower(tokens[k]) == "that" ||
      tokens[k] == "and")
    return nullptr;
  --k;
  // "NATO, which leads KFOR, said it": over the relative clause.
  if (k >= 2 && tokens[k] == ",") {
    for (int c = k - 1; c >= 1 && c >= k - 14; --c) {
      if (tokens[c] != ",") continue;
      std::string w = Lower(tokens[c + 1]);
      if (w == "which" || w == "who") k = c - 1;
      break;
    }
  }
  while (k >= 0 && (Lower(tokens[k]) == "also" || Lower(tokens[k]) == "later" ||
                    Lower(tokens[k]) == "has" || Lower(tokens[k]) == "had"))
    --k;
  for (size_t o = 0; o < mi; ++o)
    if (ms[o].last == k && !ms[o].name.empty()) return &ms[o];
  return nullptr;
}

}  // namespace

void DocumentEntities::ResolveSentence(const std::vector<std::string>& tokens,
                                       const EntityRecognizer& rec,
                                       std::vector<Mention>* mentions,
                                       std::vector<std::pair<int, Mention>>* partners) {
  for (size_t mi = 0; mi < mentions->size(); ++mi) {
    Mention& m = (*mentions)[mi];
    if (!m.kind.is_reference()) {
      Canonicalize(&m);
      // A state stands behind its demonym group as actor.
      if (m.group_of_state && !m.country.empty()) {
        std::string n = rec.CountryName(m.country);
        if (!n.empty()) m.name = n;
        m.kind = EntityKind::kCountry;
      }
      if (!m.name.empty()) Touch(m);
      continue;
    }
    m.description = true;
    std::string l = Lower(m.text);
    bool object_it = l == "it" && m.first > 0 && !last_artefact_.empty() &&
                     std::islower(static_cast<unsigned char>(tokens[m.first - 1][0])) &&
                     !BeforeSubjectIt(tokens[m.first - 1]);
    if (object_it) {
      // "has not responded to it": a pronoun object is usually the thing
      // under discussion, not an actor.
      m.name = last_artefact_;
      m.kind = EntityKind::kArtefact;
      continue;
    }
    const std::vector<Mention>& ms = *mentions;
    bool personal = l == "he" || l == "his" || l == "she";
    bool neuter = l == "it" || l == "its";
    auto fits = [&](const Mention& x) {
      return personal ? x.kind == EntityKind::kPerson : IsActorKind(x.kind) || x.capital;
    };
    // "said he would", "said it had": the speaker.
    const Mention* subject = nullptr;
    if (personal || neuter) {
      const Mention* speaker = Speaker(tokens, ms, mi, m.first);
      if (speaker && fits(*speaker)) subject = speaker;
    }
    // "The Sudanese Armed Forces said that they had": a body speaking of
    // itself (not "Biden and Xi said they", a pair).
    if (l == "they") {
      const Mention* speaker = Speaker(tokens, ms, mi, m.first);
      bool paired = speaker && speaker->first > 0 && Lower(tokens[speaker->first - 1]) == "and";
      if (speaker && !paired && speaker->kind != EntityKind::kPerson && IsActorKind(speaker->kind))
        subject = speaker;
    }
    // "urged Ethiopia to withdraw its troops": the infinitive's own subject.
    bool possessive = l == "its" || l == "his" || l == "her" || l == "their";
    if (!subject && possessive && m.first >= 3 && Lower(tokens[m.first - 2]) == "to") {
      for (size_t o = 0; o < mi && !subject; ++o)
        if (ms[o].last == m.first - 3 && !ms[o].name.empty() && fits(ms[o])) subject = &ms[o];
    }
    // "Kuleba held talks ... during his visit", "Iran launched drones ... in
    // its first attack": the sentence's first named actor of a fitting kind.
    if (!subject && (personal || l == "its")) {
      for (size_t o = 0; o < mi && !subject; ++o)
        if (fits(ms[o]) && !ms[o].name.empty() && Lower(ms[o].text) != l) subject = &ms[o];
    }
    Mention a, b;
    std::vector<std::string> before;  // named earlier in this sentence
    // "X met Y, and the two agreed": after a conjunction, the two are this
    // sentence's; elsewhere ("Macron called the two leaders"), earlier ones.
    // Only for people ("the two", "both leaders"); sides and states may be
    // the ones an earlier sentence set against each other.
    std::string head = LastWord(l);
    bool people = head == "two" || head == "leaders" || head == "men" || head == "leader";
    bool new_clause = people && m.first > 0 &&
                      (Lower(tokens[m.first - 1]) == "and" || Lower(tokens[m.first - 1]) == "but");
    // "A and B signed a truce, but each side accused the other": any two.
    bool each = l.rfind("each ", 0) == 0;
    for (size_t o = 0; o < mi && !new_clause && !each; ++o)
      if (!ms[o].name.empty()) before.push_back(ms[o].name);
    // "each side accused the other": the states of the last two people of
    // different states, when there are such, before any two actors.
    bool paired = each ? ResolveCountryPair(m, rec, &a, &b) || ResolvePair(m, before, &a, &b)
                       : ResolvePair(m, before, &a, &b) || ResolveCountryPair(m, rec, &a, &b);
    if (paired) {
      Become(&m, a);  // "the two leaders": the first; its partner goes to partners
      partners->emplace_back(static_cast<int>(mi), b);
      m.description = true;
      continue;
    }
    if (subject) {
      Become(&m, *subject);
    } else if (l == "him" || l == "her") {
      // An object pronoun is not its sentence's subject ("Sharif is expected
      // to succeed him"): the latest person but that one.
      // Its clause's subject: the person right before its verb ("after the
      // Russian leader hosted him"), else the person who opens the sentence
      // ("Modi met X ... and urged him").
      std::string subject_name;
      int k = m.first - 2;
      while (k >= 0 && (Lower(tokens[k]) == "also" || Lower(tokens[k]) == "later")) --k;
      // "by Abiy Ahmed, who later hosted him": the relative's antecedent.
      if (k >= 1 && Lower(tokens[k]) == "who") k -= tokens[k - 1] == "," ? 2 : 1;
      for (size_t o = 0; o < mi; ++o)
        if (ms[o].last == k && ms[o].kind == EntityKind::kPerson) subject_name = ms[o].name;
      if (subject_name.empty() && mi > 0 && ms[0].kind == EntityKind::kPerson && ms[0].first <= 2)
        subject_name = ms[0].name;
      bool found = false;
      for (auto it = recent_.rbegin(); it != recent_.rend() && !found; ++it) {
        if (it->kind != EntityKind::kPerson || it->name == subject_name) continue;
        Become(&m, *it);
        found = true;
      }
      if (!found && !ResolveReference(&m)) m.name.clear();
    } else {
      // A description of a body: the first fitting entity of this sentence
      // ("the bloc" after "leaders of ECOWAS"); others: the latest one.
      std::string head = LastWord(l);
      bool body = head == "bloc" || head == "alliance" || head == "group" || head == "union" ||
                  head == "organisation" || head == "organization" || head == "body";
      std::vector<Mention> earlier;
      if (body) earlier.assign(ms.begin(), ms.begin() + mi);
      // "Sudan ..., accusing the Gulf state": a description a verb acts on is
      // not that clause's subject, which would have been "itself".
      std::string subject_name;
      const std::string& before = m.first > 0 ? tokens[m.first - 1] : std::string();
      bool object = !before.empty() && std::islower(static_cast<unsigned char>(before[0])) &&
                    (before.ends_with("ing") || before.ends_with("ed"));
      for (size_t o = 0; object && o < mi && subject_name.empty(); ++o)
        if (IsActorKind(ms[o].kind) && !ms[o].name.empty()) subject_name = ms[o].name;
      if (!ResolveReference(&m, earlier, subject_name)) {
        m.name.clear();
        // "The Israeli military said", with no army named: the state's own
        // agents stand for it, as "Israeli troops" do.
        bool agents = head == "military" || head == "army" || head == "force" ||
                      head == "forces" || head == "government" || head == "junta";
        std::string state = agents && !m.country.empty() ? rec.CountryName(m.country) : "";
        if (!state.empty()) {
          m.name = state;
          m.kind = EntityKind::kCountry;
          m.group_of_state = true;
          m.role = head == "government" || head == "junta" ? Role::kGov : Role::kMil;
        }
      }
    }
    m.description = true;
    if (!m.name.empty()) Touch(m);
  }
}

bool DocumentEntities::ResolveCountryPair(const Mention& m, const EntityRecognizer& rec,
                                          Mention* a, Mention* b) const {
  std::string text = Lower(m.text);
  std::string head = LastWord(text);
  bool countries = head == "countries" || head == "governments" || head == "nations" ||
                   head == "states" || head == "sides" || head == "side";
  if ((text.rfind("the two ", 0) != 0 && text.rfind("each ", 0) != 0) || !countries) return false;
  // "Lula held talks with Xi, and the two governments signed": the states of
  // the last two people of different countries.
  std::vector<std::string> codes;
  for (auto it = recent_.rbegin(); it != recent_.rend() && codes.size() < 2; ++it) {
    if (it->kind != EntityKind::kPerson || it->country.empty()) continue;
    if (std::find(codes.begin(), codes.end(), it->country) == codes.end())
      codes.push_back(it->country);
  }
  if (codes.size() < 2) return false;
  Mention* out[2] = {b, a};  // reading order: the earlier one first
  for (int i = 0; i < 2; ++i) {
    *out[i] = m;
    out[i]->name = rec.CountryName(codes[i]);
    out[i]->kind = EntityKind::kCountry;
    out[i]->country = codes[i];
    if (out[i]->name.empty()) return false;
  }
  return true;
}

}  // namespace detente
