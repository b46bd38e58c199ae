// Entity recognition over the tokens of one sentence. See entities.h.
#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "detente/entities.h"
#include "entities/agents.h"
#include "entities/gazetteer.h"
#include "entities/lemmatizer.h"
#include "entities/lexicon.h"
#include "entities/words.h"

namespace detente {
namespace {

// Lower-case nouns after a name that make it an organisation; the noun is
// not part of the name ("his National Unity party" -> "National Unity").
const std::unordered_set<std::string> kOrgTrailers = {"party", "group", "movement", "faction",
                                                      "militia", "alliance", "bloc", "coalition"};
// Lower-case nouns that are part of the name ("Trump administration").
const std::unordered_set<std::string> kOrgTails = {"administration", "government", "cabinet"};

// Last words that make a capitalised sequence an organisation or institution.
const std::unordered_set<std::string> kOrgKeywords = {
    "Council",   "Court",      "Forces",      "Force",     "Party",     "Union",
    "Organization", "Organisation", "Ministry", "Assembly", "Parliament", "Front",
    "Group",     "Agency",     "Bank",        "Fund",      "Commission", "Committee",
    "Army",      "Guard",      "Rada",        "Cabinet",   "Congress",  "Senate",
    "Office",    "Department", "Service",     "Services",  "Police",    "Movement",
    "Alliance",  "League",     "Federation",  "Community", "Authority", "Government",
    "Administration", "Institute", "Foundation", "Association", "Coalition", "Brigade",
    "Brigades",  "Navy",       "Corps",       "Command",   "Secretariat", "Directorate",
    "Knesset",   "Duma",       "Bureau",      "Organisation", "Board",   "Tribunal",
    "Delegation", "Mission",   "Programme",   "Program",   "Council's", "Republic"};
// Last words that make it a named artefact rather than an actor.
const std::unordered_set<std::string> kArtefactKeywords = {
    "Initiative", "Accords", "Accord", "Agreement", "Treaty", "Plan", "Act", "Declaration",
    "Protocol",   "Deal",    "Resolution", "Pact", "Convention", "Framework", "Charter"};
// Last words that make it a venue (a place that is not in the gazetteer).
const std::unordered_set<std::string> kVenueKeywords = {
    "Palace", "Hall", "House", "Cosmodrome", "Airport", "Base", "Camp", "Square", "Castle",
    "Estate", "Center", "Centre", "Hotel", "Building", "Island", "Valley", "River", "Sea",
    "Mountains", "Peninsula", "Strait", "Gulf", "Bay", "Lake", "Highway", "Street", "Prison"};

// Lower-case words allowed inside a name: "Mohammed bin Abdulrahman Al Thani".
const std::unordered_set<std::string> kNameConnectors = {
    "bin", "bint", "ibn", "al", "el", "de", "da", "das", "do", "dos", "van", "von", "der",
    "den", "del", "della", "di", "la", "le", "du", "ter", "y", "abu"};

// How many name connectors start at j, at most two: "von der", "de la".
int ConnectorRun(const std::vector<std::string>& t, int j) {
  int c = 0;
  while (c < 2 && j + c < static_cast<int>(t.size()) && kNameConnectors.count(t[j + c])) ++c;
  return c;
}

// Adjectives that may stand between a country and a title: "former", "top".
const std::unordered_set<std::string> kTitleAdjectives = {
    "former", "then",   "top",    "chief",  "senior", "deputy", "acting", "new",
    "outgoing", "incoming", "military", "foreign", "interim", "current", "exiled",
    "jailed", "detained", "veteran", "longtime", "his", "her", "its", "their", "the"};

// Descriptions that refer back to an entity: "the group", "the court".
const std::unordered_set<std::string> kReferenceNouns = {
    "group",  "bloc",    "alliance", "court",   "council",  "kingdom", "country",
    "militants", "organisation", "organization", "president", "leader", "diplomat",
    "minister", "premier", "incumbent", "chancellor", "movement", "government",
    "junta", "emirate", "state", "republic", "body", "tribunal", "union", "parliament",
    "prime",  "mediator", "envoy", "monarch", "king", "emir", "spokesman",
    // plural: "the two leaders", "both sides"
    "leaders", "sides", "men", "countries", "nations", "neighbours", "neighbors",
    "governments", "parties", "rebels", "insurgents", "fighters", "separatists", "militia",
    "force", "army", "military", "enclave", "region", "territory", "province", "city",
    "capital", "strip", "island", "nation", "neighbour", "neighbor", "side"};

const std::string kNoWord;

const std::unordered_set<std::string> kPronouns = {"he", "she", "him", "her", "his",
                                                   "it", "its", "they", "them", "their"};

// The length of an Arabic article or particle joined to the name after it
// ("al-", "el-", "bin-"), else 0.
size_t NameParticle(std::string_view w) {
  size_t dash = w.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash > 3 || dash + 1 >= w.size()) return 0;
  static const std::unordered_set<std::string_view> kParticles = {
      "al", "el", "ad", "as", "ash", "ar", "az", "at", "ul", "ud", "an", "bin"};
  return kParticles.count(w.substr(0, dash)) ? dash + 1 : 0;
}

bool IsCapitalised(std::string_view t) {
  if (t.empty()) return false;
  // A particle before a capital starts a name: "al-Shabaab", "el-Sisi".
  if (size_t p = NameParticle(t)) return IsCapitalised(t.substr(p));
  unsigned char c = static_cast<unsigned char>(t[0]);
  if (c < 0x80) return std::isupper(c) != 0;
  // Latin-1 supplement capitals À..Þ (U+00C0-U+00DE) and Latin Extended-A
  // even code points (capitals), enough for Ö, É, Ş, Ł ...
  if (t.size() >= 2) {
    unsigned cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(t[1]) & 0x3F);
    if (c == 0xC3) return cp >= 0xC0 && cp <= 0xDE && cp != 0xD7;
    if (c == 0xC4 || c == 0xC5) return cp % 2 == 0;
  }
  return false;
}

bool IsArticle(std::string_view w) { return w == "the" || w == "a" || w == "an"; }

bool HasDigit(std::string_view t) {
  return std::any_of(t.begin(), t.end(), [](char c) { return std::isdigit((unsigned char)c); });
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}


std::string Join(const std::vector<std::string>& t, int a, int b) {
  std::string out;
  for (int i = a; i <= b; ++i) {
    if (i > a && !IsPossessive(t[i])) out += ' ';
    out += t[i];
  }
  return out;
}

class RecognizerImpl : public EntityRecognizer {
 public:
  RecognizerImpl(Gazetteer g, Lexicon lex, Lemmatizer lem)
      : gaz_(std::move(g)), lex_(std::move(lex)), lem_(std::move(lem)) {
    for (const GazEntry& e : gaz_.entries())
      if (e.kind == EntityKind::kCountry && !e.country.empty())
        country_names_.emplace(e.country, e.name);
  }
  std::string CountryName(const std::string& iso3) const override {
    auto it = country_names_.find(iso3);
    return it == country_names_.end() ? std::string() : it->second;
  }

  std::string BodyOfCity(const std::string& city) const override {
    const GazEntry* e = gaz_.Find(city);
    return e && e->kind == EntityKind::kCity ? e->stands_for : std::string();
  }

  std::vector<Mention> Recognize(const std::vector<std::string>& t) const override;
  Mention Modifier(const std::string& token) const override;

 private:
  // Longest gazetteer phrase starting at i; its length, 0 if none.
  int MatchGazetteer(const std::vector<std::string>& t, int i, const GazEntry** e) const;
  // Longest title starting at i (case-insensitive); its length, 0 if none.
  int MatchTitle(const std::vector<std::string>& t, int i) const;
  // A capitalised name starting at i; its length, 0 if none.
  int MatchName(const std::vector<std::string>& t, int i) const;
  bool IsNameWord(const std::vector<std::string>& t, int i) const;
  // Longest demonym (1-3 tokens) at i: "North Korean"; its entry, or nullptr.
  const GazEntry* MatchDemonym(const std::vector<std::string>& t, int i, int* len) const {
    const int n = static_cast<int>(t.size());
    for (int k = std::min(3, n - i); k >= 1; --k) {
      if (const GazEntry* d = gaz_.Demonym(Join(t, i, i + k - 1))) {
        *len = k;
        return d;
      }
    }
    return nullptr;
  }
  bool TryTitledPerson(const std::vector<std::string>& t, int i, Mention* m) const;
  bool IsOnePerson(const std::string& word) const;
  // The country of "in [eastern] COUNTRY" at k (after an optional comma), or "".
  std::string CountryAfterIn(const std::vector<std::string>& t, int k) const;
  bool TryReference(const std::vector<std::string>& t, int i, Mention* m) const;
  // A word that starts a sentence with a capital only because it starts it:
  // "Hours later", "Hundreds of pagers", "Troops".
  bool OrdinaryWord(const std::string& lower) const {
    return IsCommonWord(lower) || lex_.Has(WordList::kNumber, lower) ||
           lex_.Has(WordList::kTimeNoun, lower) || lex_.Has(WordList::kPartitiveNoun, lower) ||
           lex_.Has(WordList::kAgentNoun, lower) || lex_.Has(WordList::kDeterminer, lower) ||
           lex_.Has(WordList::kPreposition, lower) ||
           (lower.size() > 2 && lower.back() == 's' &&
            lex_.Has(WordList::kTimeNoun, lower.substr(0, lower.size() - 1)));
  }
  void FillFromEntry(const GazEntry& e, Mention* m) const;
  // The state a country name in tokens (from, last] names, or empty.
  std::string CountryAfterOf(const std::vector<std::string>& t, int from, int last) const;

  // "Sudanese rebels", "Israel's army", "Hamas fighters": the agent noun
  // after an affiliation at tokens [i, j) (a country, demonym or named
  // organisation `e`), as one mention in `*m`; false when none follows.
  bool TryAgentsIn(const std::vector<std::string>& t, int i, Mention* m) const;
  // "Qatar's emir", "the Iranian president", "Britain's defence secretary":
  // a title written as a common noun, ending the phrase, read as an agent
  // noun in the title's role; length 0 when there is none.
  AgentNoun TitleAsNoun(const std::vector<std::string>& t, int i) const;
  // "Indian fishermen", "Ukrainian refugees": a plural noun whose first
  // WordNet sense is a person, ending the phrase, as civilians (CVL); with
  // `one` (after "a" or "an"), a singular too ("an Australian writer").
  AgentNoun PeopleNoun(const std::vector<std::string>& t, int i, bool one) const;
  // Whether token k is a lower-case noun that is no verb, function word or
  // preposition: what a word before it would qualify ("general election").
  bool PlainNounAt(const std::vector<std::string>& t, int k) const;
  bool TryLedForce(const std::vector<std::string>& t, int i, Mention* m) const;
  bool TryAffiliatedGroup(const std::vector<std::string>& t, int i, int j, const GazEntry& e,
                          Mention* m) const;

  Gazetteer gaz_;
  Lexicon lex_;
  Lemmatizer lem_;
  std::unordered_map<std::string, std::string> country_names_;
};

void RecognizerImpl::FillFromEntry(const GazEntry& e, Mention* m) const {
  m->name = e.name;
  m->kind = e.kind;
  m->country = e.country;
  m->capital = e.capital;
  m->known = true;
  m->role = RoleOfOrganization(e.kind, !e.country.empty(), e.name);
  if (e.kind == EntityKind::kCountry || e.kind == EntityKind::kCity ||
      e.kind == EntityKind::kRegion)
    m->role = Role::kNone;
}

std::string RecognizerImpl::CountryAfterOf(const std::vector<std::string>& t, int from,
                                           int last) const {
  for (int k = from + 1; k <= last; ++k) {
    const GazEntry* e = nullptr;
    if (MatchGazetteer(t, k, &e) > 0 && e->kind == EntityKind::kCountry) return e->country;
  }
  return "";
}

bool RecognizerImpl::PlainNounAt(const std::vector<std::string>& t, int k) const {
  if (t[k].empty() || !std::islower(static_cast<unsigned char>(t[k][0]))) return false;
  std::string l = Lower(t[k]);
  return lem_.IsNoun(lem_.Noun(l)) && !lem_.IsVerb(lem_.Verb(l)) && !IsCommonWord(l) &&
         !lex_.Has(WordList::kPreposition, l);
}

AgentNoun RecognizerImpl::TitleAsNoun(const std::vector<std::string>& t, int i) const {
  const int n = static_cast<int>(t.size());
  AgentNoun out;
  if (i >= n || IsCapitalised(t[i])) return out;  // "President Biden": a titled name
  int len = MatchTitle(t, i);
  if (len == 0) return out;
  Role role = RoleOfTitleClass(gaz_.TitleRole(Join(t, i, i + len - 1)));
  if (role == Role::kNone) return out;
  // The title ends the noun phrase: not before a name ("president Biden")
  // nor before a noun it qualifies ("general election").
  if (i + len < n && (IsCapitalised(t[i + len]) || PlainNounAt(t, i + len))) return out;
  out.length = len;
  out.role = role;
  return out;
}

AgentNoun RecognizerImpl::PeopleNoun(const std::vector<std::string>& t, int i, bool one) const {
  const int n = static_cast<int>(t.size());
  AgentNoun out;
  if (i >= n || IsCapitalised(t[i])) return out;
  std::string l = Lower(t[i]);
  std::string base = lem_.Noun(l);
  if ((base == l && !one) || !lem_.NamesPerson(base)) return out;
  // Not before a noun it qualifies: "Indian workers unions" is no group of
  // workers.
  if (i + 1 < n && PlainNounAt(t, i + 1)) return out;
  out.length = 1;
  out.role = Role::kCvl;
  return out;
}

bool RecognizerImpl::TryAffiliatedGroup(const std::vector<std::string>& t, int i, int j,
                                        const GazEntry& e, Mention* m) const {
  const int n = static_cast<int>(t.size());
  bool state = e.kind == EntityKind::kCountry;
  int k = j;
  if (k < n && IsPossessive(t[k])) ++k;  // "Israel's army"
  // Up to two plain words may qualify the noun: "Turkish riot police",
  // "Sudanese paramilitary forces".
  AgentNoun a;
  int at = k;
  bool within_state = false;  // a people inside the state: a group, not the state
  for (int skip = 0; skip <= 2 && at < n; ++skip, ++at) {
    a = MatchAgentNoun(lex_, t, at);
    // "an Australian writer": one person of a state, named by kind only.
    bool one = i >= 1 && (Lower(t[i - 1]) == "a" || Lower(t[i - 1]) == "an");
    if (a.length > 0 || (a = TitleAsNoun(t, at)).length > 0 ||
        (a = PeopleNoun(t, at, one)).length > 0)
      break;
    const std::string& w = t[at];
    // An adjective or noun, never a verb form: "Kenya would send police"
    // and "Israel sent troops" are acts, not groups.
    std::string l = Lower(w);
    std::string verb = lem_.Verb(l);
    bool verb_form = lem_.IsVerb(verb) && (verb != l || !lem_.IsNoun(lem_.Noun(l)));
    // After a possessive, a participle qualifies the noun: "Niger's ruling junta".
    bool participle = verb_form || EndsWith(w, "ed") || EndsWith(w, "ing");
    bool plain = !w.empty() && std::islower(static_cast<unsigned char>(w[0])) &&
                 !IsCommonWord(l) && !lex_.Has(WordList::kPreposition, l) &&
                 !lex_.Has(WordList::kModal, l) && !lex_.Has(WordList::kAuxiliary, verb) &&
                 (!participle || k > j);
    // "Iraqi Kurdish authorities", "Sri Lankan Tamil rebels": a people of
    // the state that is no state of its own.
    const GazEntry* g = nullptr;
    int dl = 0;
    bool people = state && at == j && IsCapitalised(w) && !IsCalendarWord(w) &&
                  !gaz_.IsTitle(w) && MatchGazetteer(t, at, &g) == 0 &&
                  !MatchDemonym(t, at, &dl) && at + 1 < n && !IsCapitalised(t[at + 1]);
    if (people) {
      within_state = true;
      continue;
    }
    if (!plain) break;
  }
  if (a.length == 0) return false;
  int last = at + a.length - 1;
  // "Iran's top security official, Ali Shamkhani", "Ukraine's parliament, the
  // Verkhovna Rada": a description the name after it makes precise.
  int after = last + 1;
  if (after < n && t[after] == ",") ++after;
  if (after < n && t[after] == "the") ++after;
  if (after < n && after > last + 1 && IsCapitalised(t[after]) && !IsCalendarWord(t[after]))
    return false;
  // "U.S. military planes": a run of agent nouns is one phrase.
  while (last + 1 < n) {
    AgentNoun more = MatchAgentNoun(lex_, t, last + 1);
    if (more.length == 0) break;
    // "opposition leaders", "rebel commanders": a non-state group's leaders
    // are of the group, not the state.
    if (a.role == Role::kNone || IsStateRole(a.role)) a.role = more.role;
    a.institution = more.institution;
    last += more.length;
  }
  m->first = i;
  m->last = last;
  m->country = e.country;
  m->role = a.role;
  if (!state) {
    // "Hamas fighters", "NATO leaders": the organisation acts.
    FillFromEntry(e, m);
    if (m->role == Role::kNone) m->role = a.role;
  } else if (a.institution) {
    // "the Hungarian parliament", "Japan's parliament": a body of its own.
    m->name = Join(t, i, last);
    m->kind = EntityKind::kInstitution;
  } else if (IsStateRole(a.role) && !within_state) {
    // "Turkish police", "a U.S. delegation": the state acts (named by the
    // resolver from the country code).
    m->name = e.name;
    m->kind = EntityKind::kCountry;
    m->group_of_state = true;
  } else {
    // "Sudanese rebels", "Palestinian militants": the group, by its phrase.
    m->name = Join(t, i, last);
    m->kind = EntityKind::kGroup;
  }
  return true;
}

// "Army officers in Gabon seized power", "Officials in Beijing said": state
// agents placed in a state or its capital, opening the sentence, stand for
// that state as "Gabonese officers" would. Not later in a sentence, where
// "deployed troops in Syria" are not Syria's.
bool RecognizerImpl::TryAgentsIn(const std::vector<std::string>& t, int i, Mention* m) const {
  const int n = static_cast<int>(t.size());
  if (i > 1 || (i == 1 && !IsArticle(Lower(t[0])))) return false;
  // The sentence's capital is no name: "Army officers", "Officials".
  std::vector<std::string> words(t.begin() + i, t.begin() + std::min(n, i + 6));
  words[0] = Lower(words[0]);
  AgentNoun a = MatchAgentNoun(lex_, words, 0);
  int p = a.length;
  // "army officers", "security officials": a run of agent nouns is one phrase.
  for (AgentNoun more; p < static_cast<int>(words.size()) &&
                       (more = MatchAgentNoun(lex_, words, p)).length > 0;
       p += more.length)
    a = more;
  if (p == 0 || a.institution || !IsStateRole(a.role)) return false;
  p += i;
  if (p + 1 >= n || (t[p] != "in" && t[p] != "from")) return false;
  const GazEntry* e = nullptr;
  int len = MatchGazetteer(t, p + 1, &e);
  if (len == 0 ||
      !(e->kind == EntityKind::kCountry || (e->kind == EntityKind::kCity && e->capital)))
    return false;
  m->first = i;
  m->last = p + len;
  m->role = a.role;
  m->country = e->country;
  m->name = e->name;
  m->kind = EntityKind::kCountry;
  m->group_of_state = true;
  return true;
}

// "the Saudi-led coalition", "U.S.-led forces": armed forces a state leads
// act for it, as its own troops would ("Saudi Arabia", role MIL).
bool RecognizerImpl::TryLedForce(const std::vector<std::string>& t, int i, Mention* m) const {
  const int n = static_cast<int>(t.size());
  // One token ("Saudi-led") or three ("U.S." "-" "led").
  int noun = EndsWith(t[i], "-led") ? i + 1 : i + 3;
  if (noun >= n || (noun == i + 3 && (t[i + 1] != "-" || Lower(t[i + 2]) != "led"))) return false;
  Mention leader = Modifier(noun == i + 1 ? t[i] : t[i] + "-led");
  if (leader.kind != EntityKind::kCountry) return false;
  AgentNoun a = MatchAgentNoun(lex_, t, noun);
  bool force = Lower(t[noun]) == "coalition" || (a.length > 0 && a.role == Role::kMil);
  if (!force) return false;
  m->first = i;
  m->last = noun + std::max(a.length, 1) - 1;
  m->name = leader.name;
  m->kind = EntityKind::kCountry;
  m->country = leader.country;
  m->role = Role::kMil;
  m->group_of_state = true;
  return true;
}

int RecognizerImpl::MatchGazetteer(const std::vector<std::string>& t, int i,
                                   const GazEntry** e) const {
  const int n = static_cast<int>(t.size());
  for (int len = std::min(gaz_.max_tokens(), n - i); len >= 1; --len) {
    // A phrase never ends on a function word or starts lower-case.
    if (!IsCapitalised(t[i]) && !HasDigit(t[i])) return 0;
    const GazEntry* found = gaz_.Find(Join(t, i, i + len - 1));
    if (found) {
      *e = found;
      return len;
    }
  }
  return 0;
}

int RecognizerImpl::MatchTitle(const std::vector<std::string>& t, int i) const {
  const int n = static_cast<int>(t.size());
  for (int len = std::min(4, n - i); len >= 1; --len) {
    if (gaz_.IsTitle(Join(t, i, i + len - 1))) return len;
  }
  return 0;
}

// "el-Sissi", "al-Assad": an Arabic article joined to a capitalised name.
bool IsPrefixedName(std::string_view w) { return NameParticle(w) > 0 && IsCapitalised(w); }

bool RecognizerImpl::IsNameWord(const std::vector<std::string>& t, int i) const {
  const std::string& w = t[i];
  if (IsPrefixedName(w)) return i > 0 && IsCapitalised(t[i - 1]);
  // "Russian-backed", "U.S.-brokered": compounds, not names.
  // "Jae-in" (in "Moon Jae-in") is a name part.
  size_t dash = w.rfind('-');
  if (dash != std::string::npos && dash + 1 < w.size() &&
      std::islower(static_cast<unsigned char>(w[dash + 1]))) {
    std::string_view tail = std::string_view(w).substr(dash + 1);
    auto ends = [&](std::string_view suf) {
      return tail.size() >= suf.size() && tail.substr(tail.size() - suf.size()) == suf;
    };
    std::string head = w.substr(0, dash);
    // "Ying-jeou", "Ching-te", "Jae-myung": short syllables of a name.
    if (ends("ed") || ends("ing") || ends("ly") || tail.size() > 5 || gaz_.Demonym(head) ||
        gaz_.Find(head))
      return false;
  }
  if (!IsCapitalised(w) || IsCalendarWord(w)) return false;
  if (w.size() == 1) return false;
  return !gaz_.IsTitle(w);
}

int RecognizerImpl::MatchName(const std::vector<std::string>& t, int i) const {
  const int n = static_cast<int>(t.size());
  if (!IsNameWord(t, i)) return 0;
  int j = i + 1;
  while (j < n) {
    // A title word inside a name: "Hassan Sheikh Mohamud".
    if (j > i && j + 1 < n && IsCapitalised(t[j]) && gaz_.TitleRole(t[j]) == "royal" &&
        IsNameWord(t, j + 1)) {
      j += 2;
      continue;
    }
    if (IsNameWord(t, j)) {
      const GazEntry* e = nullptr;
      // A country or city after a person's name starts a new mention; a
      // city after a lone first word is a surname ("Lloyd Austin").
      if (MatchGazetteer(t, j, &e) > 0 &&
          (e->kind == EntityKind::kCountry || e->kind == EntityKind::kCity ||
           e->kind == EntityKind::kRegion) &&
          j > i && !(e->kind == EntityKind::kCity && j == i + 1 && !gaz_.Find(t[i]))) {
        std::string lower_prev = Lower(t[j - 1]);
        if (!kNameConnectors.count(lower_prev)) break;
      }
      ++j;
    } else if (int c = ConnectorRun(t, j); c > 0 && j + c < n && IsNameWord(t, j + c)) {
      j += c + 1;  // "Ursula von der Leyen", "Luis de la Fuente"
    } else if ((t[j] == "of" || t[j] == "for") && j + 1 < n &&
               kOrgKeywords.count(t[j - 1]) + kVenueKeywords.count(t[j - 1]) +
                       kArtefactKeywords.count(t[j - 1]) > 0) {
      // "Court of Justice", "Hall of the People"
      int k = j + 1;
      if (k < n && t[k] == "the") ++k;
      if (k < n && IsNameWord(t, k)) {
        j = k + 1;
      } else {
        break;
      }
    } else if (IsPossessive(t[j]) && j + 1 < n && IsNameWord(t, j + 1) &&
               Lower(t[j - 1]) == "people") {
      j += 2;  // "Donetsk People's Republic"
    } else {
      break;
    }
  }
  return j - i;
}

bool RecognizerImpl::TryTitledPerson(const std::vector<std::string>& t, int i,
                                     Mention* m) const {
  const int n = static_cast<int>(t.size());
  int j = i;
  std::string country;
  const GazEntry* e = nullptr;
  // "Former Taiwanese President Ma": adjectives may come first.
  // Not a verb form: "detained Istanbul Mayor X" is an act, not a title.
  while (j < n && kTitleAdjectives.count(Lower(t[j])) && t[j] != "the" && Lower(t[j]) != "his" &&
         Lower(t[j]) != "her" && Lower(t[j]) != "its" && Lower(t[j]) != "their" &&
         !EndsWith(t[j], "ed"))
    ++j;
  // Optional modifier: a country, organisation or demonym, maybe possessive.
  std::string body;  // "EU envoy X": a body of no one state the person serves
  if (int len = MatchGazetteer(t, j, &e); len > 0) {
    country = e->country;
    if (e->kind == EntityKind::kOrganization && e->country.empty()) body = e->name;
    j += len;
    if (j < n && IsPossessive(t[j])) ++j;
  } else if (int dl = 0; const GazEntry* d = MatchDemonym(t, j, &dl)) {
    country = d->country;
    j += dl;
  }
  // "who seized power and detained President Bazoum": after a name, a
  // conjunction, a relative or an auxiliary, "detained" is the act.
  static const std::unordered_set<std::string> kBeforeVerb = {
      "and", "or", "who", "which", "that", "has", "have", "had", "was", "were"};
  bool verb_context = i > 0 && (kBeforeVerb.count(Lower(t[i - 1])) || IsCapitalised(t[i - 1]));
  while (j < n && kTitleAdjectives.count(Lower(t[j])) && t[j] != "the" &&
         !(j == i && verb_context && EndsWith(t[j], "ed")))
    ++j;
  // "top security official", "national security adviser": up to two
  // lower-case words may qualify the title; a verb's past ("Egypt met King
  // Abdullah") may not.
  for (int skip = 1; skip <= 2 && j > i && MatchTitle(t, j) == 0; ++skip) {
    if (j + skip >= n) break;
    bool plain = true;
    for (int k = j; k < j + skip; ++k)
      plain = plain && !t[k].empty() && std::islower(static_cast<unsigned char>(t[k][0])) &&
              !IsCommonWord(t[k]) && !EndsWith(t[k], "ing") && !EndsWith(t[k], "ed") &&
              lem_.Verb(t[k]) == t[k];
    if (plain && MatchTitle(t, j + skip) > 0) j += skip;
  }
  int titles = 0;
  Role role = Role::kNone;
  while (j < n) {
    int len = MatchTitle(t, j);
    if (len > 0) {
      Role title_role = RoleOfTitleClass(gaz_.TitleRole(Join(t, j, j + len - 1)));
      if (title_role != Role::kNone) role = title_role;
    } else if (titles == 0 && j > i && j + 1 < n && !IsCapitalised(t[j]) &&
               (IsCapitalised(t[j + 1]) ||
                (t[j + 1] == "," && j + 2 < n && IsCapitalised(t[j + 2])))) {
      // "American journalist Evan Gershkovich": after a state, one person's
      // agent noun describes the name as a title would, and gives the role
      // (a capital starts a name instead: "Venezuela's National Assembly");
      // so it does before a comma ("an American journalist, Evan Gershkovich,").
      // The lexicon may list the plural only ("activists").
      std::string noun = Lower(t[j]);
      AgentNoun a = MatchAgentNoun(lex_, {noun}, 0);
      if (a.length == 0) a = MatchAgentNoun(lex_, {noun + "s"}, 0);
      if (a.length == 1 && IsOnePerson(noun)) {
        len = 1;
        role = a.role;
      }
    }
    if (len == 0) break;
    j += len;
    ++titles;
    while (j < n && kTitleAdjectives.count(Lower(t[j])) && t[j] != "the") ++j;
  }
  if (titles == 0) return false;
  // "the Qatari prime minister, Mohammed bin Abdulrahman Al Thani,"
  int name_start = j;
  if (j < n && t[j] == ",") name_start = j + 1;
  // "Niger's junta leader, General Abdourahamane Tiani": more titles.
  while (name_start < n && MatchTitle(t, name_start) > 0 && name_start + 1 < n &&
         IsCapitalised(t[name_start + MatchTitle(t, name_start)]))
    name_start += MatchTitle(t, name_start);
  if (name_start >= n) return false;
  const GazEntry* g = nullptr;
  if (MatchGazetteer(t, name_start, &g) > 0) return false;
  int len = MatchName(t, name_start);
  if (len == 0) return false;
  m->first = i;
  m->last = name_start + len - 1;
  m->name = Join(t, name_start, m->last);
  m->kind = EntityKind::kPerson;
  // "Prime Minister Tarek Olumbo of Egypt": the state after "of" is theirs.
  if (int k = m->last + 1; country.empty() && body.empty() && k + 1 < n && t[k] == "of") {
    if (t[k + 1] == "the") ++k;
    if (MatchGazetteer(t, k + 1, &e) > 0 && e->kind == EntityKind::kCountry) country = e->country;
  }
  m->country = country;
  // "Opposition leader Ousmane Sonko", "rebel commander X": the group's role.
  for (int k = i; k < name_start; ++k)
    if (AgentNoun a = MatchAgentNoun(lex_, {Lower(t[k])}, 0);
        a.length > 0 && a.role != Role::kNone && !IsStateRole(a.role))
      role = a.role;
  m->role = role;
  if (!body.empty()) {
    m->office = body;  // of no one state: the story's state does not place them
    if (m->role == Role::kNone || m->role == Role::kGov) m->role = Role::kIgo;
  }
  return true;
}

// A singular noun WordNet knows whose first sense is not a body: a person
// ("journalist", "counterpart"), not "army" or "police".
std::string RecognizerImpl::CountryAfterIn(const std::vector<std::string>& t, int k) const {
  const int n = static_cast<int>(t.size());
  if (k < n && t[k] == ",") ++k;
  if (k >= n || t[k] != "in") return "";
  ++k;
  // "in eastern Ukraine", "in the far north of Mali" is not read.
  if (k < n && (EndsWith(t[k], "ern") || t[k] == "central")) ++k;
  const GazEntry* e = nullptr;
  if (k < n && MatchGazetteer(t, k, &e) > 0 && e->kind == EntityKind::kCountry) return e->country;
  return "";
}

bool RecognizerImpl::IsOnePerson(const std::string& word) const {
  return lem_.Noun(word) == word && lem_.IsNoun(word) && !lem_.NamesGroup(word);
}

bool RecognizerImpl::TryReference(const std::vector<std::string>& t, int i, Mention* m) const {
  const int n = static_cast<int>(t.size());
  std::string l = Lower(t[i]);
  if (kPronouns.count(l)) {
    m->first = m->last = i;
    m->kind = MentionKind::Reference();
    return true;
  }
  if (l == "both" && i + 1 < n && kReferenceNouns.count(Lower(t[i + 1])) &&
      Lower(t[i + 1]).back() == 's') {
    m->first = i;  // "both sides", "both leaders"
    m->last = i + 1;
    m->kind = MentionKind::Reference();
    return true;
  }
  if ((l == "neither" || l == "either" || l == "each") && i + 1 < n &&
      kReferenceNouns.count(Lower(t[i + 1]))) {
    m->first = i;  // "Neither leader signed": each of the two, negated; "each side"
    m->last = i + 1;
    m->kind = MentionKind::Reference();
    return true;
  }
  // "the two agreed": the latest two actors.
  if (l == "the" && i + 2 < n && Lower(t[i + 1]) == "two") {
    const std::string& next = t[i + 2];
    bool verb = EndsWith(next, "ed") || next == "have" || next == "had" || next == "will" ||
                next == "would" || next == "are" || next == "were" || next == "also" ||
                next == "met" || next == "signed" || next == "held";
    if (verb) {
      m->first = i;
      m->last = i + 1;
      m->kind = MentionKind::Reference();
      return true;
    }
  }
  if (l != "the" || i + 1 >= n) return false;
  // the [U.S.|Russian|top|militant ...]* NOUN
  int j = i + 1;
  std::string country;
  for (int k = 0; k < 4 && j < n; ++k) {
    std::string w = Lower(t[j]);
    // "the Sri Lankan parliament" names an institution, not a reference.
    if (!country.empty() && (w == "parliament" || w == "court" || w == "government")) return false;
    if (kReferenceNouns.count(w) && !(w == "prime" && j + 1 < n && Lower(t[j + 1]) != "minister")) {
      int last = (w == "prime") ? j + 1 : j;
      if (last + 1 < n && IsCapitalised(t[last + 1])) return false;  // a title, not a reference
      // "the Qatari prime minister, Mohammed bin Abdulrahman Al Thani,": an apposition.
      if (last + 2 < n && t[last + 1] == "," && IsCapitalised(t[last + 2])) return false;
      // "the president of X" is a title; "the bloc of straying" a reference.
      if (last + 2 < n && t[last + 1] == "of" &&
          (IsCapitalised(t[last + 2]) || Lower(t[last + 2]) == "the"))
        return false;
      m->first = i;
      m->last = last;
      m->kind = MentionKind::Reference();
      m->country = country;
      return true;
    }
    const GazEntry* e = nullptr;
    if (int len = MatchGazetteer(t, j, &e); len > 0 && e->kind == EntityKind::kCountry) {
      country = e->country;
      j += len;
      continue;
    }
    if (int dl = 0; const GazEntry* d = MatchDemonym(t, j, &dl)) {
      country = d->country;
      j += dl;
      continue;
    }
    // "the Gulf state", "the Balkan country": a region may qualify it.
    if (int len = MatchGazetteer(t, j, &e); len > 0 && e->kind == EntityKind::kRegion) {
      j += len;
      continue;
    }
    // "the Iran-backed group": a compound modifier, not a name.
    size_t dash = t[j].rfind('-');
    bool compound = dash != std::string::npos && dash + 1 < t[j].size() &&
                    std::islower(static_cast<unsigned char>(t[j][dash + 1]));
    if (IsCapitalised(t[j]) && !compound) return false;
    // Only modifiers stand between: "the Maldives aboard a military" is no description.
    if (lex_.Has(WordList::kPreposition, w) || lex_.Has(WordList::kDeterminer, w) ||
        lex_.Has(WordList::kConjunction, w) || w == "," ||
        (IsCommonWord(w) && !lex_.Has(WordList::kNumber, w)))
      return false;
    ++j;  // an adjective: "top", "militant", "far-right"
  }
  return false;
}

Mention RecognizerImpl::Modifier(const std::string& token) const {
  Mention m;
  std::string name = token;
  size_t dash = token.rfind('-');
  if (dash != std::string::npos && dash > 0) name = token.substr(0, dash);
  const GazEntry* e = gaz_.Demonym(name);
  if (!e && dash != std::string::npos && dash > 0) e = gaz_.Find(name);
  if (!e || (e->kind != EntityKind::kCountry && e->kind != EntityKind::kOrganization &&
             e->kind != EntityKind::kArmedGroup && e->kind != EntityKind::kInstitution &&
             e->kind != EntityKind::kParty))
    return m;
  FillFromEntry(*e, &m);
  m.text = token;
  return m;
}

std::vector<Mention> RecognizerImpl::Recognize(const std::vector<std::string>& t) const {
  std::vector<Mention> out;
  const int n = static_cast<int>(t.size());
  int i = 0;
  while (i < n) {
    Mention m;
    m.first = m.last = i;
    const GazEntry* e = nullptr;
    // Sentence-initial capitals that are ordinary words are not names.
    bool initial = (i == 0 || t[i - 1] == "\"" || t[i - 1] == "\u201c" || t[i - 1] == ":");
    if (TryAgentsIn(t, i, &m)) {
      m.text = Join(t, m.first, m.last);
      out.push_back(m);
      i = m.last + 1;
      continue;
    }
    if (IsCommonWord(Lower(t[i]))) {
      // "The", "However": never the start of a name, maybe of a reference.
      if (TryReference(t, i, &m)) {
        m.text = Join(t, m.first, m.last);
        out.push_back(m);
        i = m.last + 1;
      } else {
        ++i;
      }
      continue;
    }
    if (TryTitledPerson(t, i, &m) || TryLedForce(t, i, &m)) {
      // done
    } else if (int len = MatchGazetteer(t, i, &e); len > 0) {
      FillFromEntry(*e, &m);
      m.last = i + len - 1;
      // A longer capitalised name that merely starts with a gazetteer
      // phrase: "Israel Defense Forces", "Chinese Foreign Ministry".
      int name_len = MatchName(t, i);
      bool via_of = name_len > len && i + len < n && t[i + len] == "of" &&
                    e->kind != EntityKind::kCountry && e->kind != EntityKind::kCity;
      if (name_len > len && (kOrgKeywords.count(t[i + name_len - 1]) || via_of)) {
        m.last = i + name_len - 1;
        m.name = Join(t, i, m.last);
        m.kind = EntityKind::kOrganization;
        m.known = false;
        // "Congress of Deputies" is not the U.S. Congress; "Communist Party
        // of Nepal" is of Nepal.
        if (via_of && e->kind != EntityKind::kCountry)
          m.country = CountryAfterOf(t, i + len, m.last);
      } else if (e->kind != EntityKind::kCity && e->kind != EntityKind::kRegion &&
                 TryAffiliatedGroup(t, i, i + len, *e, &m)) {
        // done: "Israel's army", "Hamas fighters"
      }
    } else if (int dl = 0; const GazEntry* d = MatchDemonym(t, i, &dl)) {
      // "Egyptian and Qatari leaders": each demonym stands for its state.
      int j = i + dl;
      // "Israeli and Hamas negotiators": a named body may join the list.
      auto joins = [&](int k) {
        const GazEntry* o = nullptr;
        return gaz_.Demonym(t[k]) ||
               (MatchGazetteer(t, k, &o) == 1 && o->kind != EntityKind::kCountry && o->kind != EntityKind::kCity &&
                o->kind != EntityKind::kRegion);
      };
      while (j + 1 < n && (t[j] == "and" || t[j] == ",") && joins(j + 1)) j += 2;
      int name_len = MatchName(t, i);
      if (name_len > 1 && (kOrgKeywords.count(t[i + name_len - 1]) ||
                           kArtefactKeywords.count(t[i + name_len - 1]))) {
        m.last = i + name_len - 1;  // "Chinese Foreign Ministry"
        m.name = Join(t, i, m.last);
        m.kind = kOrgKeywords.count(t[m.last]) ? EntityKind::kInstitution : EntityKind::kArtefact;
        m.country = d->country;
      } else if (TryAffiliatedGroup(t, i, j, *d, &m)) {
        // "Egyptian and Qatari leaders": each demonym stands for its state,
        // in the group's role; the next one is read on its own.
        if (j != i + dl) {
          m.last = i + dl - 1;
          if (m.kind == EntityKind::kInstitution || m.kind == EntityKind::kGroup)
            m.name = Join(t, i, m.last);
        }
      } else if (dl == 1 && EndsWith(t[i], "s") && !EndsWith(t[i], "ss") &&
                 (i + 1 >= n || !std::islower(static_cast<unsigned char>(t[i + 1][0])) ||
                  lex_.Has(WordList::kPreposition, Lower(t[i + 1])) ||
                  lex_.Has(WordList::kConjunction, Lower(t[i + 1])) ||
                  lex_.Has(WordList::kAuxiliary, lem_.Verb(Lower(t[i + 1]))) ||
                  lex_.Has(WordList::kModal, Lower(t[i + 1])) ||
                  lem_.Verb(Lower(t[i + 1])) != Lower(t[i + 1]))) {
        // "Palestinians", "five detained Americans", "Three Palestinians
        // were shot", "Hundreds of Palestinians clashed": a people, not the
        // state.
        m.last = i;
        m.name = t[i];
        m.kind = EntityKind::kGroup;
        m.country = d->country;
        m.role = Role::kCvl;
      } else {
        ++i;
        continue;
      }
    } else if (TryReference(t, i, &m)) {
      // done
    } else if (int len = MatchName(t, i); len > 0 &&
               !(initial && len == 1 && OrdinaryWord(Lower(t[i])))) {
      m.last = i + len - 1;
      if (initial && IsCommonWord(Lower(t[i]))) {
        // "However Blinken": drop the ordinary first word.
        m.first = i + 1;
        if (m.first > m.last) {
          ++i;
          continue;
        }
      }
      const std::string& tail = t[m.last];
      m.name = Join(t, m.first, m.last);
      std::string next = m.last + 1 < n ? Lower(t[m.last + 1]) : "";
      bool numbered = !next.empty() && std::all_of(next.begin(), next.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      });
      if (kArtefactKeywords.count(tail)) {
        m.kind = EntityKind::kArtefact;
      } else if (numbered && len > 1) {
        m.last += 1;  // "Nord Stream 2", "Patriot 3": things, not people
        m.name = Join(t, m.first, m.last);
        m.kind = EntityKind::kArtefact;
      } else if (kOrgKeywords.count(tail)) {
        m.kind = EntityKind::kOrganization;
        // "Supreme Court", "Defence Ministry": a state's body by its last word.
        m.role = RoleOfOrganization(EntityKind::kInstitution, true, m.name);
      } else if (kVenueKeywords.count(tail)) {
        m.kind = EntityKind::kVenue;
      } else if (kOrgTails.count(next)) {
        m.last += 1;
        m.name = Join(t, m.first, m.last);
        m.kind = EntityKind::kInstitution;
      } else if (kOrgTrailers.count(next)) {
        m.kind = EntityKind::kOrganization;
      } else if (len == 1 && tail.size() > 1 &&
                 std::all_of(tail.begin(), tail.end(),
                             [](char c) { return std::isupper((unsigned char)c) || c == '.'; })) {
        m.kind = EntityKind::kOrganization;  // an acronym: FARC
      } else if (AgentNoun a = MatchAgentNoun(lex_, t, m.last + 1);
                 a.length > 0 && !a.institution && !IsStateRole(a.role) && len == 1 &&
                 lem_.Noun(Lower(t[m.last + a.length])) != Lower(t[m.last + a.length])) {
        // "Tuareg rebels", "Fulani herders": an unknown people's group, by
        // its phrase and with no state.
        m.last += a.length;
        m.name = Join(t, m.first, m.last);
        m.kind = EntityKind::kGroup;
        m.role = a.role;
      } else if (const std::string& place = m.first >= 2 && t[m.first - 1] == "of"
                                                ? lex_.Value(WordList::kPlaceKindNoun,
                                                             Lower(t[m.first - 2]))
                                                : kNoWord;
                 !place.empty()) {
        // "the town of Bunagana": a place, whatever it is called.
        m.kind = place == "city" ? EntityKind::kCity : EntityKind::kRegion;
        m.country = CountryAfterIn(t, m.last + 1);
      } else {
        m.kind = EntityKind::kPerson;
      }
    } else {
      ++i;
      continue;
    }
    m.text = Join(t, m.first, m.last);
    out.push_back(m);
    i = m.last + 1;
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<EntityRecognizer>> EntityRecognizer::Create(const std::string& data_dir) {
  Result<std::string> dir = Gazetteer::FindDataDir(data_dir);
  if (!dir.ok()) return dir.status();
  Result<Gazetteer> g = Gazetteer::Load(*dir);
  if (!g.ok()) return g.status();
  Result<Lexicon> lex = Lexicon::Load(*dir);
  if (!lex.ok()) return lex.status();
  Result<Lemmatizer> lem = Lemmatizer::Load();
  if (!lem.ok()) return lem.status();
  return std::unique_ptr<EntityRecognizer>(
      new RecognizerImpl(std::move(g.value()), std::move(lex.value()), std::move(lem.value())));
}

}  // namespace detente
