#include "extract/arguments.h"

#include <algorithm>
#include <cctype>

#include "entities/lemmatizer.h"
#include "entities/lexicon.h"
#include "entities/wordnet.h"
#include "entities/words.h"
#include "extract/rules/rules.h"

namespace detente {
namespace {

bool IsListWord(const SentenceGraph& g, int k) {
  const std::string& l = g.lower(k);
  return l == "," || l == "and" || l == "or";
}

bool IsPersonMention(const SentenceGraph& g, int k) {
  return g.IsMention(k) && g.mention(k).kind == EntityKind::kPerson;
}

// "his former defence minister Yoav Gallant": the person named after a
// short lower-case description; else `k`.
int DescribedName(const SentenceGraph& g, int k) {
  const int n = g.size();
  int d = k;
  // Describing words only: "while Foreign Secretary X said" starts a clause.
  auto describes = [&](int w) {
    Pos p = g.pos(w);
    return p == Pos::kNoun || p == Pos::kAdj || p == Pos::kDet || p == Pos::kPoss ||
           p == Pos::kNum || p == Pos::kOther;
  };
  while (d < n && d < k + 4 && !g.IsMention(d) && describes(d) && !g.lower(d).empty() &&
         std::islower(static_cast<unsigned char>(g.lower(d)[0])) && g.lower(d) != ",")
    ++d;
  if (d > k && d < n && IsPersonMention(g, d)) return d;
  // "the East African bloc IGAD", "the Hamas leader Yahya Sinwar": a name,
  // a describing noun, then the name it describes.
  if (g.IsMention(k) && k + 2 < n && g.pos(k + 1) == Pos::kNoun && !g.IsMention(k + 1) &&
      g.IsNamed(k + 2) && g.mention(k + 2).kind != EntityKind::kCity &&
      g.mention(k + 2).kind != EntityKind::kCountry)
    return k + 2;
  if (g.IsMention(k) && (g.lexicon().Has(WordList::kPossessive, g.lower(k)) ||
                         (k + 1 < n && IsPossessive(g.lower(k + 1))))) {
    int p = SkipPossessor(g, k);
    if (p != k) return p;
  }
  return k;
}

}  // namespace

std::vector<int> Conjuncts(const SentenceGraph& g, int w) {
  std::vector<int> out;
  std::vector<int> todo{w};
  for (int guard = 0; !todo.empty() && guard < 16; ++guard) {
    int c = todo.back();
    todo.pop_back();
    bool linked = false;
    for (const GraphLink& l : g.links(c)) {
      if (l.label.rfind("SJ", 0) != 0 && l.label.rfind("MJ", 0) != 0) continue;
      linked = true;
      if (g.pos(l.other) == Pos::kConj || g.lower(l.other) == ",") {
        if (l.other > c) todo.push_back(l.other);  // nested lists go right
      } else {
        out.push_back(l.other);
      }
    }
    if (!linked && c == w) {
      if (w > 0) out.push_back(w - 1);
      if (w + 1 < g.size()) out.push_back(w + 1);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool IsObjectLink(const std::string& label) {
  if (label.empty() || label[0] != 'O') return false;
  return label.size() == 1 || std::islower(static_cast<unsigned char>(label[1])) ||
         label[1] == '*';
}

int SkipAdverbs(const SentenceGraph& g, int w) {
  while (w < g.size() && g.lexicon().Has(WordList::kVerbAdverb, g.lower(w))) ++w;
  return w;
}

std::vector<int> CoordinatedNames(const SentenceGraph& g, int w) {
  if (!g.IsMention(w)) return {};
  const int n = g.size();
  std::vector<int> out{w};
  const std::string prep_before = w > 0 && g.pos(w - 1) == Pos::kPrep ? g.lower(w - 1) : "";
  // "Col. Assimi Goita of Mali and Capt. Ibrahim Traore of Burkina Faso".
  auto skip_of_state = [&](int k, int j) {
    if (j + 1 < n && g.lower(j) == "of" && g.IsMention(j + 1) && IsPersonMention(g, k) &&
        j + 2 < n && IsListWord(g, j + 2))
      return j + 2;
    return j;
  };
  int j = skip_of_state(w, w + 1);
  while (j + 1 < n && IsListWord(g, j)) {
    int k = j + 1;
    if (g.lower(j) == "," && k < n && (g.lower(k) == "and" || g.lower(k) == "or")) ++k;
    // "with Qin Gang and with Wang Yi": the preposition repeated.
    if (k < n && !prep_before.empty() && g.lower(k) == prep_before) ++k;
    while (k < n && (g.lower(k) == "the" || g.lexicon().Has(WordList::kPreName, g.lower(k)))) ++k;
    if (k >= n) break;
    k = DescribedName(g, k);
    if (!g.IsMention(k) || g.mention(k).kind.is_reference()) break;
    out.push_back(k);
    j = skip_of_state(k, k + 1);
  }
  // "... to Ukraine, and Rubio said": after ", and", a conjunct followed by
  // a verb starts a new clause ("Putin and Kim signed" is one subject).
  int last = out.back();
  int conj = last - 1;
  while (conj > 0 && !g.IsMention(conj) && g.lower(conj) != "and" && g.lower(conj) != "or") --conj;
  bool comma_and = conj > 0 && g.lower(conj - 1) == ",";
  if (out.size() > 1 && last + 1 < n && comma_and) {
    int after = SkipAdverbs(g, out.back() + 1);
    if (after < n && (g.pos(after) == Pos::kVerb || g.pos(after) == Pos::kAux ||
                      g.pos(after) == Pos::kModal || g.lower(after) == ","))
      out.pop_back();
  }
  j = w - 1;
  if (j >= 1 && g.lower(j) == "the") --j;  // "Canada and the Netherlands"
  while (j - 1 >= 0 && (g.lower(j) == "," || g.lower(j) == "and")) {
    int k = j - 1;
    if (k >= 0 && g.lower(k) == "the") --k;
    if (k < 0 || !g.IsMention(k) || g.mention(k).kind.is_reference()) break;
    out.insert(out.begin(), k);
    j = k - 1;
  }
  bool joined = false;
  for (int k = out.front(); k <= out.back(); ++k)
    if (g.lower(k) == "and" || g.lower(k) == "or") joined = true;
  if (!joined) return {w};
  return out;
}

std::vector<int> ActorsOfPhrase(const SentenceGraph& g, int head) {
  std::vector<int> out;
  if (head < 0 || head >= g.size()) return out;
  if (g.IsMention(head)) {
    for (int x : CoordinatedNames(g, head))
      if (g.IsNamed(x)) out.push_back(x);
    return out;
  }
  if (g.pos(head) != Pos::kNoun) return out;
  const Lexicon& lex = g.lexicon();
  const GraphWord& w = g.word(head);
  if (!lex.Has(WordList::kAgentNoun, w.lower) && !lex.Has(WordList::kAgentNoun, w.noun))
    return out;
  // "leaders of ECOWAS", "negotiators from the army and the RSF", "forces
  // loyal to Debretsion".
  int k = head + 1;
  if (k + 1 < g.size() && g.lower(k) == "loyal" && g.lower(k + 1) == "to") ++k;
  if (k + 1 < g.size() && (g.lower(k) == "of" || g.lower(k) == "from" || g.lower(k) == "to")) {
    int m = PhraseHeadAt(g, k + 1);
    if (m >= 0 && g.IsNamed(m) && (g.lower(k) != "to" || g.lower(k - 1) == "loyal"))
      return ActorsOfPhrase(g, m);
  }
  int np = g.PhraseOf(head);
  // "Peru, whose government has not recognised": the state the relative names.
  if (np >= 0 && g.phrases()[np].first > 0 && g.lower(g.phrases()[np].first - 1) == "whose") {
    int k = g.phrases()[np].first - 2;
    if (k >= 0 && g.lower(k) == ",") --k;
    if (k >= 0 && g.IsNamed(k)) out.push_back(k);
    return out;
  }
  // "Japan's parliament" is the parliament, not Japan: institutions keep
  // their own description.
  bool institution = lex.Has(WordList::kInstitutionNoun, w.noun);
  if (np >= 0 && !institution) {
    int p = g.phrases()[np].possessor;
    if (p >= 0 && g.IsNamed(p)) out.push_back(p);
    // "the ECOWAS leaders": a name modifying the people noun.
    for (int m = g.phrases()[np].first; out.empty() && m < head; ++m)
      if (g.IsNamed(m) && g.mention(m).kind != EntityKind::kPerson) out.push_back(m);
  }
  return out;
}

bool IsObjectNoun(const SentenceGraph& g, int head) {
  if (head < 0 || head >= g.size()) return false;
  // "quit the government": a description of an institution is a thing acted on.
  if (g.IsMention(head)) {
    const std::string& text = g.mention(head).text;
    if (text.size() < 5 || (text.compare(0, 4, "the ") != 0 && text.compare(0, 4, "The ") != 0))
      return false;
    return g.lexicon().Has(WordList::kGovernmentNoun, Lower(text.substr(text.rfind(' ') + 1)));
  }
  if (g.pos(head) != Pos::kNoun || IsCalendarWord(g.lower(head))) return false;
  const Lexicon& lex = g.lexicon();
  const GraphWord& w = g.word(head);
  if (lex.Has(WordList::kArtefactNoun, w.lower) || lex.Has(WordList::kArtefactNoun, w.noun))
    return true;
  bool institution =
      lex.Has(WordList::kInstitutionNoun, w.lower) || lex.Has(WordList::kInstitutionNoun, w.noun);
  if (lex.Has(WordList::kNonObjectNoun, w.lower)) return false;  // "terms" are not a "term"
  for (const std::string* s : {&w.lower, &w.noun}) {
    if (lex.Has(WordList::kTimeNoun, *s) || lex.Has(WordList::kPronoun, *s) ||
        lex.Has(WordList::kNumber, *s))
      return false;
    // People with no name ("protesters", "officials") are not targets;
    // institutions ("the cabinet", "an emergency government") are.
    if (lex.Has(WordList::kAgentNoun, *s) && !institution) return false;
  }
  // Nor other people by their kind ("freed political prisoners").
  if (const Lemmatizer* lem = g.knowledge().lemmas; lem && !institution && lem->NamesPerson(w.noun))
    return false;
  return std::isalpha(static_cast<unsigned char>(w.lower[0])) != 0;
}

bool IsRecordNoun(const SentenceGraph& g, int head) {
  if (!IsObjectNoun(g, head)) return false;
  const Lexicon& lex = g.lexicon();
  const GraphWord& w = g.word(head);
  for (WordList list : {WordList::kArtefactNoun, WordList::kInstitutionNoun, WordList::kGovernmentNoun})
    if (lex.Has(list, w.lower) || lex.Has(list, w.noun)) return true;
  const WordNet& wn = *g.knowledge().lemmas->wordnet();
  std::vector<SynsetId> records;
  for (const char* name : {"document.n.1", "message.n.2", "plan.n.1"})
    if (std::optional<SynsetId> id = wn.FindSense(name)) records.push_back(*id);
  std::vector<SynsetId> senses = wn.Senses(w.noun, WnPos::kNoun);
  if (senses.size() > 2) senses.resize(2);
  for (SynsetId sense : senses) {
    auto is_record = [&](SynsetId s) {
      return std::find(records.begin(), records.end(), s) != records.end();
    };
    if (!wn.PathUp(sense, 10, is_record).empty()) return true;
  }
  return false;
}

std::string PhraseText(const SentenceGraph& g, int head) {
  int first = head;
  int np = g.PhraseOf(head);
  if (np >= 0) first = g.phrases()[np].first;
  const Lexicon& lex = g.lexicon();
  std::string out;
  for (int k = first; k <= head; ++k) {
    const std::string& l = g.lower(k);
    if (g.pos(k) == Pos::kDet || (lex.Has(WordList::kPossessive, l) && !g.IsNamed(k))) continue;
    if (lex.Has(WordList::kPossessive, l)) continue;
    std::string text = g.IsMention(k) ? g.mention(k).text : g.word(k).text;
    if (text.rfind("the ", 0) == 0 || text.rfind("The ", 0) == 0) text = text.substr(4);
    if (!out.empty() && !IsPossessive(text)) out += ' ';
    out += text;
  }
  return out;
}

int PhraseHeadAt(const SentenceGraph& g, int w) {
  const int n = g.size();
  // "more than four hours", "at least nine people": over the quantity words.
  int q = w;
  while (q < n && g.lexicon().Has(WordList::kQuantityWord, g.lower(q))) ++q;
  if (q > w && q < n && (g.pos(q) == Pos::kNum || g.pos(q) == Pos::kDet)) w = q;
  while (w < n && (g.lower(w) == "the" || g.lexicon().Has(WordList::kPreName, g.lower(w)))) ++w;
  if (w >= n) return -1;
  // "dozens of Russian officials", "two of the soldiers": a count the parser
  // left outside any noun phrase counts what follows its "of".
  if (w + 2 < n && g.lower(w + 1) == "of" && g.PhraseOf(w) < 0 &&
      (g.pos(w) == Pos::kNum || g.lexicon().Has(WordList::kPartitiveNoun, g.lower(w))))
    return PhraseHeadAt(g, w + 2);
  int np = g.PhraseOf(w);
  if (np < 0) return g.IsMention(w) ? w : -1;
  const NounPhrase& p = g.phrases()[np];
  // "Argentina's embassy": the possessed head; "his counterpart Wang Yi": the name.
  int head = p.head;
  // "four hours of talks", "dozens of Palestinians": the talks, the Palestinians.
  const Lexicon& lex = g.lexicon();
  if (!g.IsMention(head) && head + 2 < n && g.lower(head + 1) == "of" &&
      (lex.Has(WordList::kPartitiveNoun, g.lower(head)) ||
       lex.Has(WordList::kPartitiveNoun, g.word(head).noun))) {
    int inner = PhraseHeadAt(g, head + 2);
    if (inner >= 0) return inner;
  }
  if (g.IsMention(head)) return head;
  // "Iran's top security official, Ali Shamkhani": the apposition after the
  // head names it ("Sweden's NATO membership bid" is the bid, not NATO).
  if (p.possessor >= 0 && p.possessor >= w) {
    int named = SkipPossessor(g, p.possessor);
    if (named != p.possessor && named > head) return named;
  }
  return head;
}

int SkipPossessor(const SentenceGraph& g, int m) {
  const int n = g.size();
  if (m < 0 || m + 2 >= n || !g.IsMention(m)) return m;
  if (g.lexicon().Has(WordList::kPossessive, g.lower(m))) {
    for (int k = m + 1; k < n && k <= m + 5; ++k) {
      if (g.IsMention(k)) return IsPersonMention(g, k) ? k : m;
      // "his Chinese counterpart, Qin Gang": the apposition.
      if (g.lower(k) == "," && k > m + 1 && k + 1 < n && IsPersonMention(g, k + 1)) return k + 1;
      if (g.pos(k) == Pos::kVerb || g.lower(k) == "," || g.pos(k) == Pos::kPrep) break;
    }
    return m;
  }
  if (!IsPossessive(g.lower(m + 1))) return m;
  for (int k = m + 2; k < n && k <= m + 5; ++k) {
    if (g.IsMention(k)) return k;
    // "Iran's top security official, Ali Shamkhani,": the apposition.
    if (g.lower(k) == "," && k > m + 2 && k + 1 < n && IsPersonMention(g, k + 1)) return k + 1;
    // "Poland's expulsion of Russian diplomats": a name after a preposition
    // is not what the possessor owns.
    if (g.pos(k) == Pos::kVerb || g.lower(k) == "," || g.pos(k) == Pos::kPrep) break;
  }
  return m;
}

bool IsEachOfPair(const SentenceGraph& g, int w) {
  return g.IsMention(w) && Lower(g.mention(w).text).rfind("each ", 0) == 0;
}

bool IsPlace(const SentenceGraph& g, int w) {
  if (!g.IsMention(w)) return false;
  const MentionKind k = g.mention(w).kind;
  return k == EntityKind::kCity || k == EntityKind::kRegion || k == EntityKind::kCountry ||
         k == EntityKind::kVenue;
}

namespace {

// Whether a place preposition opens a phrase: "in", "at", "across", "near".
bool PlacePrep(const std::string& w) {
  return w == "in" || w == "at" || w == "across" || w == "near" || w == "outside" || w == "inside";
}

int PlaceAfterPrep(const SentenceGraph& g, int k, int exclude) {
  const int n = g.size();
  bool at = g.lower(k) == "at";
  for (int m = k + 1; m < n && m <= k + 8; ++m) {
    if (g.pos(m) == Pos::kVerb) break;
    if (g.lexicon().Has(WordList::kSubordinator, g.lower(m))) break;  // "at X after ..."
    // "in the Nigerian capital, Abuja": the name in apposition.
    if (g.lower(m) == ",") {
      if (m + 1 < n && IsPlace(g, m + 1) && m + 1 != exclude) return m + 1;
      break;
    }
    if (m == exclude || !g.IsMention(m)) continue;
    const Mention& x = g.mention(m);
    // "in Lashio": a one-word name no gazetteer or title made a person.
    bool unknown_name = x.kind == EntityKind::kPerson && x.country.empty() &&
                        x.role == Role::kNone && x.first == x.last && !x.description && !at;
    if (IsPlace(g, m) || unknown_name ||
        (at && x.kind != EntityKind::kPerson && x.kind != EntityKind::kArtefact &&
         !x.kind.is_reference()))
      return m;
  }
  return -1;
}

}  // namespace

int PlaceOf(const SentenceGraph& g, int from, int exclude) {
  const int n = g.size();
  for (int k = from + 1; k < n && k <= from + tuning::kPlaceWindow; ++k) {
    if (g.lower(k) == ";" || g.pos(k) == Pos::kRel) break;
    // "sealed off Gaza after a bombing in Jerusalem killed": a clause opened
    // by a subordinator, whose finite verb comes later, has its own places.
    if (g.lexicon().Has(WordList::kSubordinator, g.lower(k)) && g.GroupOf(k) < 0) {
      bool clause = false;
      for (int w = k + 1; w < n && g.lower(w) != "," && !clause; ++w)
        clause = g.GroupOf(w) >= 0 && g.groups()[g.GroupOf(w)].form == VerbForm::kFinite;
      if (clause) break;
    }
    // A new clause ends the search.
    if (g.GroupOf(k) >= 0 && (g.HasLink(k, "S", -1) ||
                              g.groups()[g.GroupOf(k)].form == VerbForm::kFinite))
      break;
    if (!PlacePrep(g.lower(k))) continue;
    int m = PlaceAfterPrep(g, k, exclude);
    if (m >= 0) return m;
  }
  // A fronted phrase: "At a summit in Johannesburg on Thursday, the bloc ...".
  for (int k = 0; k < from; ++k) {
    if (g.lower(k) == ",") break;
    if (g.lower(k) != "in" && g.lower(k) != "at") continue;
    int m = PlaceAfterPrep(g, k, exclude);
    if (m >= 0 && m < from) return m;
  }
  return -1;
}

int TimeOf(const SentenceGraph& g, int w) {
  const auto& times = g.sentence().times;
  int best = -1, best_d = 1 << 30;
  for (size_t i = 0; i < times.size(); ++i) {
    const TimeExpr& t = times[i];
    int d = t.first > w ? t.first - w : (w - t.last) + 2;  // prefer after the verb
    if (d < best_d) {
      best_d = d;
      best = static_cast<int>(i);
    }
  }
  return best;
}

// Named examples after a group: "seven countries, among them Argentina and
// Chile", "five Americans, including Siamak Namazi"; empty when none.
std::vector<int> ExamplesAfter(const SentenceGraph& g, int head) {
  const int n = g.size();
  int k = head + 1;
  // "detained an American journalist, Evan Gershkovich,": the one person a
  // description of a person names.
  const Lemmatizer* lem = g.knowledge().lemmas;
  bool listed = k + 2 < n && (g.lower(k + 2) == "and" || g.lower(k + 2) == "or");
  if (k + 1 < n && g.lower(k) == "," && IsPersonMention(g, k + 1) && !listed && lem &&
      lem->NamesPerson(g.word(head).noun))
    return {k + 1};
  // "three nuclear sites — Fordow, Natanz and Isfahan —".
  bool dash = k < n && (g.lower(k) == "\u2014" || g.lower(k) == "--" || g.lower(k) == "\u2013");
  if (dash && k + 1 < n && g.IsNamed(k + 1)) {
    std::vector<int> out;
    for (int x : CoordinatedNames(g, k + 1))
      if (g.IsNamed(x)) out.push_back(x);
    return out.size() > 1 ? out : std::vector<int>{};
  }
  if (k < n && g.lower(k) == ",") ++k;
  if (k >= n || !g.lexicon().Has(WordList::kExampleWord, g.lower(k))) return {};
  ++k;
  if (k < n && (g.lower(k) == "them" || g.lower(k) == "as")) ++k;  // "among them", "such as"
  int m = PhraseHeadAt(g, k);
  if (m < 0) return {};
  m = SkipPossessor(g, m);
  if (!g.IsNamed(m)) {
    // "among them businessman Siamak Namazi": a description before the name.
    for (int d = k; d < n && d < k + 3 && !g.IsNamed(d); ++d) m = d + 1;
    if (m >= n || !g.IsNamed(m)) return {};
  }
  std::vector<int> out;
  for (int x : CoordinatedNames(g, m))
    if (g.IsNamed(x)) out.push_back(x);
  return out;
}

const Mention* ModifierOf(const SentenceGraph& g, int w) {
  const AnalysedSentence& s = g.sentence();
  if (w < 0 || w >= g.size() || g.IsMention(w)) return nullptr;
  int t = s.word_first[w];
  if (t < 0 || t >= static_cast<int>(s.token_modifier.size())) return nullptr;
  return s.token_modifier[t].kind.empty() ? nullptr : &s.token_modifier[t];
}

}  // namespace detente
