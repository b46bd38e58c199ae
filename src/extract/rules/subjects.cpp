// Who acts: the subject of each verb group, from Link Grammar's S links,
// relative pronouns, word positions, and subjects shared with a governing,
// coordinated or main-clause verb.
#include <algorithm>

#include "entities/lemmatizer.h"
#include "entities/lexicon.h"
#include "entities/words.h"
#include "extract/arguments.h"
#include "extract/rules/rules.h"

namespace detente {
namespace {

// The noun or name a relative pronoun stands for: "China, which brokered
// ..." -> China.
// "Milei, a libertarian economist who ...": the name the phrase of noun `k`
// stands in apposition to, else `k`.
int NameOfApposition(const SentenceGraph& g, int k) {
  int np = g.PhraseOf(k);
  if (g.IsMention(k) || np < 0) return k;
  int before = g.phrases()[np].first - 1;
  if (before >= 1 && g.lower(before) == "," && g.IsNamed(before - 1)) return before - 1;
  return k;
}

int Antecedent(const SentenceGraph& g, int rel) {
  for (const GraphLink& l : g.links(rel)) {
    if (l.to_right) continue;
    if (l.label.rfind("MX", 0) == 0 || l.label.rfind("R", 0) == 0 || l.label.rfind("Mr", 0) == 0)
      return NameOfApposition(g, l.other);
  }
  int k = rel - 1;
  bool comma = k >= 0 && g.lower(k) == ",";
  if (comma) --k;
  if (k < 0 || !(g.IsMention(k) || g.pos(k) == Pos::kNoun)) return -1;
  // "a deal between Israel and Hamas that would halt": a restrictive "that"
  // after a prepositional phrase belongs to the noun before it.
  if (!comma && g.lower(rel) == "that" && g.IsMention(k)) {
    std::vector<int> list = CoordinatedNames(g, k);
    int start = list.front();
    if (g.PhraseOf(start) >= 0) start = g.phrases()[g.PhraseOf(start)].first;
    int prep = start - 1;
    if (prep >= 1 && g.pos(prep) == Pos::kPrep && g.pos(prep - 1) == Pos::kNoun) return prep - 1;
  }
  return NameOfApposition(g, k);
}

// The subject when the phrase starting at `start` follows "of": "the BRICS
// group of emerging economies agreed" is the named group, "leaders of ECOWAS"
// the organisation; "the resignation of Truss stunned" has no named subject
// (its head noun). Empty when no "of" and noun come before.
std::vector<int> BeforeOf(const SentenceGraph& g, int start) {
  int prep = start - 1;
  // "of emerging economies": a participle the parser took for a verb.
  if (prep >= 2 && g.lower(prep).ends_with("ing") && g.lower(prep - 1) == "of") --prep;
  if (prep < 1 || g.lower(prep) != "of" || g.PhraseOf(prep - 1) < 0 || g.pos(prep - 1) != Pos::kNoun)
    return {};
  const NounPhrase& np = g.phrases()[g.PhraseOf(prep - 1)];
  for (int m = np.first; m <= np.head; ++m)
    if (g.IsNamed(m) && g.mention(m).kind != EntityKind::kPerson) return CoordinatedNames(g, m);
  std::vector<int> named = ActorsOfPhrase(g, np.head);
  return named.empty() ? std::vector<int>{np.head} : named;
}

// "The head of the IAEA, Rafael Grossi, will travel": the person a common
// noun's phrase (with its "of" phrase) stands in apposition to, between
// commas or before the verb; else -1.
int PersonInApposition(const SentenceGraph& g, int head) {
  int k = head + 1;
  if (k + 1 < g.size() && g.lower(k) == "of") {
    int inner = g.PhraseOf(k + 1);
    if (inner < 0) return -1;
    k = g.phrases()[inner].head + 1;
  }
  if (k + 2 >= g.size() || g.lower(k) != "," || !g.IsNamed(k + 1) ||
      g.mention(k + 1).kind != EntityKind::kPerson)
    return -1;
  return g.lower(k + 2) == "," || g.GroupAt(k + 2) >= 0 ? k + 1 : -1;
}

// "Macron, alongside Scholz, met": the names a companion phrase set off by
// commas adds after the name at `last`.
std::vector<int> Companions(const SentenceGraph& g, int last) {
  const int n = g.size();
  int k = last + 1;
  if (k + 2 >= n || g.lower(k) != ",") return {};
  ++k;
  const Lexicon& lex = g.lexicon();
  int words = 0;
  if (lex.Has(WordList::kCompanionPhrase, g.lower(k))) {
    words = 1;
  } else if (lex.Has(WordList::kCompanionPhrase, g.lower(k) + " " + g.lower(k + 1))) {
    words = 2;
  } else {
    return {};
  }
  int name = PhraseHeadAt(g, k + words);
  if (name < 0 || !g.IsNamed(name)) return {};
  std::vector<int> out = CoordinatedNames(g, name);
  int end = out.back() + 1;
  if (end >= n || g.lower(end) != ",") return {};  // "met X alongside Y" is no apposition
  return out;
}

// The subjects a subject word stands for: the antecedent of a relative
// pronoun, a list of names, the entity behind a noun of people. A common
// noun with no entity behind it is kept as it is: the verb has a subject,
// but not a named one.
std::vector<int> SubjectsFromWord(const SentenceGraph& g, int w, int depth = 0) {
  if (w < 0 || depth > 4) return {};
  if (g.pos(w) == Pos::kRel) w = Antecedent(g, w);
  if (w < 0) return {};
  // "Putin and Kim signed": the parser links the subject to the "and".
  if (g.pos(w) == Pos::kConj) {
    std::vector<int> out;
    for (int x : Conjuncts(g, w)) {
      std::vector<int> part = SubjectsFromWord(g, x, depth + 1);
      // The parser may link only the last two of "A, B and C".
      if (!part.empty() && g.IsMention(part.front())) part = CoordinatedNames(g, part.front());
      for (int y : part)
        if (std::find(out.begin(), out.end(), y) == out.end()) out.push_back(y);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  if (g.IsMention(w)) {
    std::vector<int> out = CoordinatedNames(g, w);
    for (int x : Companions(g, out.back())) out.push_back(x);
    return out;
  }
  int np = g.PhraseOf(w);
  int head = np >= 0 ? g.phrases()[np].head : w;
  if (int named = PersonInApposition(g, head); named >= 0) return {named};
  if (std::vector<int> owner = BeforeOf(g, np >= 0 ? g.phrases()[np].first : w); !owner.empty())
    return owner;
  std::vector<int> named = ActorsOfPhrase(g, head);
  if (!named.empty()) return named;
  return {head};
}

// The subject whose phrase ends at word k, right before a verb group. "A
// truce between Israel and Hamas took hold", "Negotiators from the army
// returned": a name inside a prepositional phrase is not the subject; the
// noun the phrase hangs from is.
std::vector<int> SubjectEndingAt(const SentenceGraph& g, int k) {
  std::vector<int> list = g.IsMention(k) ? CoordinatedNames(g, k) : std::vector<int>{k};
  int start = g.PhraseOf(list.front()) >= 0 ? g.phrases()[g.PhraseOf(list.front())].first
                                            : list.front();
  int prep = start - 1;
  // "a year after Henry appealed": "after" opens a clause here.
  bool clause = prep >= 0 && g.lexicon().Has(WordList::kSubordinator, g.lower(prep));
  if (prep >= 1 && g.pos(prep) == Pos::kPrep && g.lower(prep) != "of" && !clause &&
      (g.pos(prep - 1) == Pos::kNoun || g.IsMention(prep - 1))) {
    int head = prep - 1;
    std::vector<int> named = ActorsOfPhrase(g, head);
    return named.empty() ? std::vector<int>{head} : named;
  }
  if (std::vector<int> owner = BeforeOf(g, start); !owner.empty()) return owner;
  return SubjectsFromWord(g, k);
}

bool Finite(const VerbGroup& v) { return v.form == VerbForm::kFinite; }

// The nearest group with subjects before (dir < 0) or after word `w`.
const Predicate* NearestWithSubject(const RuleContext& c, int w, int dir, bool finite_only) {
  const Predicate* best = nullptr;
  int best_d = 1 << 30;
  for (const Predicate& p : c.preds) {
    const VerbGroup& v = c.g.groups()[p.group];
    if (p.subjects.empty() || (finite_only && !Finite(v))) continue;
    int d = dir < 0 ? w - v.head : v.head - w;
    if (d > 0 && d < best_d) {
      best_d = d;
      best = &p;
    }
  }
  return best;
}

// Whether words [a, b] hold a clause or an apposition that a subject search
// may step over: "Tinubu, the bloc's chairman, said"; "X, who ..., said".
bool Parenthetical(const SentenceGraph& g, int a, int b) {
  if (a > b) return false;
  if (g.pos(a) == Pos::kRel) return true;
  if (g.GroupOf(a) >= 0 && g.groups()[g.GroupOf(a)].form != VerbForm::kFinite) return true;
  // An apposition: one noun phrase.
  int np = g.PhraseOf(a);
  if (np >= 0 && g.phrases()[np].head == b) return true;
  // "known as Timochenko", "a former rebel commander": a short phrase with no finite verb.
  for (int k = a; k <= b; ++k)
    if (g.GroupOf(k) >= 0 && g.groups()[g.GroupOf(k)].form == VerbForm::kFinite) return false;
  return b - a < 6;
}

// Whether a link whose label starts with `type` joins words a and b.
bool LinkedBy(const SentenceGraph& g, int a, int b, char type) {
  for (const GraphLink& l : g.links(a))
    if (l.other == b && !l.label.empty() && l.label[0] == type) return true;
  return false;
}

// Whether the infinitive after the governor's object is the object's act:
// a directive ("urged", "called on") or a verb WordNet frames with
// "somebody to INFINITIVE" ("asked", "forced", "allowed").
bool ControlsObject(const SentenceGraph& g, const VerbGroup& gov) {
  const Lexicon& lex = g.lexicon();
  const std::string& verb = g.word(gov.head).verb;
  if (lex.Has(WordList::kDirectiveVerb, verb) || lex.Has(WordList::kDirectiveVerb, gov.lemma))
    return true;
  const Lemmatizer* lem = g.knowledge().lemmas;
  // A word WordNet has no verb for ("far-right" misread) says nothing.
  return lem == nullptr || !lem->wordnet()->Contains(verb, WnPos::kVerb) ||
         lem->TakesObjectInfinitive(verb) || lem->TakesObjectInfinitive(gov.lemma);
}

}  // namespace

void SubjectsByLink(RuleContext& c) {
  const SentenceGraph& g = c.g;
  for (Predicate& p : c.preds) {
    const VerbGroup& v = g.groups()[p.group];
    if (!Finite(v)) continue;
    int subject = -1;
    for (int w = v.first; w <= v.head && subject < 0; ++w) {
      for (const GraphLink& l : g.links(w)) {
        const std::string& lb = l.label;
        if (lb.empty() || lb[0] != 'S' || lb.rfind("SJ", 0) == 0) continue;
        bool inverted = lb.rfind("SI", 0) == 0;
        // Inverted subjects come after reporting verbs ("..., said Blinken");
        // elsewhere an SI link is a misparse ("held four hours of talks").
        if (inverted && !g.lexicon().Has(WordList::kSpeechVerb, g.word(v.head).verb)) continue;
        // Not when a name stands right before the verb: "Trudeau told
        // Canada's parliament" is in plain order.
        if (inverted && v.first >= 1 && g.IsNamed(v.first - 1)) continue;
        if (inverted == l.to_right) {
          subject = l.other;
          break;
        }
      }
    }
    if (subject < 0) continue;
    // "Somali forces backed by AU troops recaptured": the agent of a reduced
    // passive right before the verb is not its subject; what it modifies is.
    bool over_agent = false;  // the subject was chosen over a misparse
    if (int o = g.AgentPhraseBefore(v.first); o >= 0 && subject > g.groups()[o].head) {
      int owner = g.groups()[o].first - 1;
      if (owner >= 0 && (g.IsMention(owner) || g.pos(owner) == Pos::kNoun)) {
        subject = owner;
        over_agent = true;
      }
    }
    // "vowed to retaliate ..., after a drone strike killed": a link from
    // before "after|while|as" to a verb that has a noun phrase of its own
    // right before it is a misparse; that phrase is the subject.
    int before = g.BeforeTime(v.first - 1);
    std::vector<int> own = before > subject ? SubjectEndingAt(g, before) : std::vector<int>{};
    if (!over_agent && own.size() == 1 && own[0] > subject && g.pos(own[0]) == Pos::kNoun &&
        !g.IsMention(own[0])) {
      for (int w = subject + 1; w < own[0]; ++w)
        if (g.lexicon().Has(WordList::kSubordinator, g.lower(w)) && g.GroupOf(w) < 0) {
          subject = own[0];
          over_agent = true;  // and no name elsewhere replaces it
          break;
        }
    }
    p.subjects = SubjectsFromWord(g, subject);
    p.subject_rule = "subject.link";
    // A misparse may hand the verb an unnamed subject ("two days after India
    // announced"): a name right before the verb group wins.
    bool named = false;
    for (int x : p.subjects) named = named || g.IsNamed(x);
    int k = g.BeforeTime(v.first - 1);
    // In English the subject stands right before its verb: a name there beats
    // a link to a name further away ("hours after Trump announced").
    bool far = !p.subjects.empty() && p.subjects.back() < k && !g.IsMention(k - 1);
    // "hours after Trump threatened": "after" opens a clause when a verb
    // follows the name directly.
    bool adjacent = k == v.first - 1;
    bool after_prep = k >= 1 && g.pos(k - 1) == Pos::kPrep && !adjacent;
    // "President X of Egypt met": the name before the verb is inside the
    // linked subject's own phrase.
    bool inside = !p.subjects.empty() && k >= 1 && g.lower(k - 1) == "of" &&
                  LinkedBy(g, p.subjects.back(), k - 1, 'M') && LinkedBy(g, k - 1, k, 'J');
    // "forces backed by Eritrean troops seized": "by" opens no clause.
    int start = k >= 0 && g.PhraseOf(k) >= 0 ? g.phrases()[g.PhraseOf(k)].first : k;
    if (start >= 1 && g.lower(start - 1) == "by") over_agent = true;
    if (!over_agent && !inside && (!named || (far && !after_prep)) && k >= 0 && g.IsNamed(k) &&
        k != subject && std::find(p.subjects.begin(), p.subjects.end(), k) == p.subjects.end()) {
      std::vector<int> by_position = SubjectEndingAt(g, k);
      bool better = false;
      for (int x : by_position) better = better || g.IsNamed(x);
      if (better) {
        p.subjects = by_position;
        p.subject_rule = "subject.position";
      }
    }
  }
}

void SubjectsOfRelatives(RuleContext& c) {
  const SentenceGraph& g = c.g;
  for (Predicate& p : c.preds) {
    const VerbGroup& v = g.groups()[p.group];
    if (!p.subjects.empty() || !Finite(v)) continue;
    int k = v.first - 1;
    if (k < 0 || g.pos(k) != Pos::kRel || g.lower(k) == "whose") continue;
    p.subjects = SubjectsFromWord(g, k);
    p.subject_rule = "subject.relative";
  }
}

void SubjectsByPosition(RuleContext& c) {
  const SentenceGraph& g = c.g;
  const auto& times = g.sentence().times;
  for (Predicate& p : c.preds) {
    const VerbGroup& v = g.groups()[p.group];
    bool orphan_infinitive = v.form == VerbForm::kInfinitive && v.governor < 0;
    if (!p.subjects.empty() || !(Finite(v) || orphan_infinitive)) continue;
    int k = v.first - 1;
    // "Israel is to withdraw", "he was willing to speak": over the copula and
    // its adjective to the subject.
    if (orphan_infinitive) {
      // "Iran is about to resume": "about" before the infinitive, too.
      if (k >= 0 && k == v.first - 1 && g.lower(k) == "about") --k;
      while (k >= 0 && (g.pos(k) == Pos::kAdj || g.pos(k) == Pos::kAux || g.pos(k) == Pos::kNeg ||
                        g.pos(k) == Pos::kModal || g.pos(k) == Pos::kAdv))
        --k;
      // "Blinken to visit Cairo": a headline's subject stands right before.
      if (k == v.first - 1 && !(g.headline() && k >= 0 && g.IsNamed(k))) continue;
    }
    // "Turkish troops backed by tanks pushed": what the participle modifies.
    if (int o = g.AgentPhraseBefore(v.first); o >= 0 && g.groups()[o].first >= 1) {
      int owner = g.groups()[o].first - 1;
      if (g.IsMention(owner) || g.pos(owner) == Pos::kNoun) {
        p.subjects = SubjectEndingAt(g, owner);
        p.subject_rule = "subject.position";
        continue;
      }
    }
    for (int steps = 0; k >= 0 && steps < tuning::kSubjectWindow; ++steps) {
      // "Venezuela on Monday expelled": step over a time expression.
      bool in_time = false;
      for (const TimeExpr& t : times) {
        if (k >= t.first && k <= t.last) {
          k = t.first - 1;
          if (k >= 0 && g.pos(k) == Pos::kPrep) --k;
          in_time = true;
          break;
        }
      }
      if (in_time) continue;
      if (k < 0) break;
      if (g.lexicon().Has(WordList::kVerbAdverb, g.lower(k))) {
        --k;
        continue;
      }
      if (g.lower(k) == ",") {
        int open = k - 1;
        while (open >= 0 && k - open < tuning::kParentheticalWindow && g.lower(open) != ",")
          --open;
        if (open > 0 && g.lower(open) == "," && Parenthetical(g, open + 1, k - 1)) {
          k = open - 1;
          continue;
        }
        // "Niger's junta leader, General Tiani, has proposed": the apposition
        // is inside the mention before the comma.
        if (k >= 1 && g.IsNamed(k - 1) && (open < 0 || g.lower(open) != ",")) {
          p.subjects = SubjectEndingAt(g, k - 1);
          p.subject_rule = "subject.position";
        }
        break;
      }
      if (g.IsMention(k) || g.pos(k) == Pos::kNoun) {
        p.subjects = SubjectEndingAt(g, k);
        p.subject_rule = "subject.position";
      }
      break;
    }
  }
}

void SubjectsOfThey(RuleContext& c) {
  const SentenceGraph& g = c.g;
  for (Predicate& p : c.preds) {
    if (p.subjects.size() != 1 || g.IsNamed(p.subjects[0]) || !g.IsMention(p.subjects[0])) continue;
    const std::string& l = g.lower(p.subjects[0]);
    if (l != "they" && l != "them") continue;
    // "Xi and Biden ..., since they met": the latest named pair.
    const VerbGroup& v = g.groups()[p.group];
    for (int q = p.group - 1; q >= 0; --q) {
      std::vector<int> named;
      for (int x : c.preds[q].subjects)
        if (g.IsNamed(x)) named.push_back(x);
      if (named.size() >= 2 && g.groups()[q].head < v.head) {
        p.subjects = named;
        p.subject_rule = "subject.they";
        break;
      }
    }
  }
}

void SharedSubjects(RuleContext& c) {
  const SentenceGraph& g = c.g;
  for (int round = 0; round < 3; ++round) {
    bool changed = false;
    for (Predicate& p : c.preds) {
      if (!p.subjects.empty()) continue;
      const VerbGroup& v = g.groups()[p.group];
      const std::string* rule = nullptr;
      if (v.form == VerbForm::kInfinitive && v.governor >= 0) {
        const VerbGroup& gov = g.groups()[v.governor];
        // "urged Beijing to lift": the noun phrase between them controls.
        int to = v.first;
        int k = g.BeforeTime(to - 1);
        // "became the first leader to set foot": a predicate noun, not a controller.
        bool copula = g.lexicon().Has(WordList::kStativeVerb, g.word(gov.head).verb);
        // "met Hochstein to discuss a truce": only a verb that takes a person
        // and an infinitive hands the infinitive to a named object.
        if (k > gov.head && !copula &&
            ((g.IsMention(k) && ControlsObject(g, gov)) ||
             (!g.IsMention(k) && g.pos(k) == Pos::kNoun))) {
          p.subjects = SubjectsFromWord(g, k);
        } else {
          p.subjects = c.preds[v.governor].subjects;
        }
        static const std::string kControl = "subject.control";
        rule = &kControl;
      } else if (v.form == VerbForm::kPresentPart) {
        int before = v.first - 1;
        // "accused Belgrade of sponsoring": the object of the accusation acts.
        if (before >= 1 && g.pos(before) == Pos::kPrep) {
          int obj_end = before - 1;
          int np = g.PhraseOf(obj_end);
          int start = np >= 0 ? g.phrases()[np].first : obj_end;
          if (g.IsMention(obj_end)) start = CoordinatedNames(g, obj_end).front();
          int verb = start - 1;
          if (verb >= 0 && g.GroupOf(verb) >= 0 &&
              g.lexicon().Value(WordList::kAttributionVerb, g.word(verb).verb) == g.lower(before)) {
            p.subjects = SubjectsFromWord(g, obj_end);
            static const std::string kAttribution = "subject.attribution";
            rule = &kAttribution;
            if (!p.subjects.empty()) {
              p.subject_rule = *rule;
              changed = true;
            }
            continue;
          }
        }
        // "convicted of murdering": the -ing word belongs to a noun or an
        // adjective, not to the main clause.
        if (before >= 0 && g.pos(before) == Pos::kPrep &&
            !g.lexicon().Has(WordList::kTemporalPreposition, g.lower(before)))
          continue;
        // "talks on joining the bloc": after a common noun's preposition too,
        // unless that noun is a time ("on Monday after meeting") or the
        // clause says how ("breached the constitution by appointing").
        if (before >= 1 && g.pos(before) == Pos::kPrep && g.lower(before) != "by" &&
            g.pos(before - 1) == Pos::kNoun &&
            !g.IsMention(before - 1) && !g.InTime(before - 1) &&
            !IsCalendarWord(g.lower(before - 1)))
          continue;
        // "filed a case at the ICJ accusing Germany", "talks in Cairo aimed
        // at": a place or venue after "at|in" is where, not who.
        bool venue = false;
        if (before >= 0 && g.IsMention(before)) {
          int np = g.PhraseOf(before);
          int start = np >= 0 ? g.phrases()[np].first : before;
          const MentionKind kind = g.mention(before).kind;
          const std::string prep = start >= 1 ? g.lower(start - 1) : "";
          venue = (prep == "at" || prep == "in") &&
                  (kind == EntityKind::kCity || kind == EntityKind::kCountry ||
                   kind == EntityKind::kRegion || kind == EntityKind::kVenue ||
                   (prep == "at" &&
                    (kind == EntityKind::kOrganization || kind == EntityKind::kInstitution)));
        }
        // "a resolution demanding a ceasefire": the noun is the participle's subject.
        if (!venue && before >= 0 && (g.pos(before) == Pos::kNoun || g.IsMention(before))) {
          p.subjects = SubjectsFromWord(g, before);
        } else {
          // "..., meeting with X", "after meeting X": the main clause's subject;
          // "of facilitating genocide by supplying arms": the means belongs
          // to the verb right before, finite or not.
          bool means = before >= 0 && g.lower(before) == "by";
          const Predicate* main = NearestWithSubject(c, v.head, -1, !means);
          if (!main) main = NearestWithSubject(c, v.head, +1, true);
          if (main) {
            p.subjects = main->subjects;
            p.modality_from = main->group;
            // "is scheduled to address X before flying to Y": the mood of the
            // verb the participle follows, finite or not.
            const Predicate* near = NearestWithSubject(c, v.head, -1, false);
            if (near && near->group > main->group) p.modality_from = near->group;
          }
        }
        static const std::string kParticiple = "subject.participle";
        rule = &kParticiple;
      } else if (v.form == VerbForm::kInfinitive && v.governor < 0) {
        // "travelled to Paris to meet Macron": a purpose shares the clause's subject.
        const Predicate* main = NearestWithSubject(c, v.head, -1, true);
        if (main) {
          p.subjects = main->subjects;
          // "is due to travel to Paris to meet Macron": the mood of the verb it serves.
          const Predicate* served = NearestWithSubject(c, v.head, -1, false);
          p.modality_from = served ? served->group : main->group;
        }
        static const std::string kPurpose = "subject.purpose";
        rule = &kPurpose;
      } else if (Finite(v)) {
        // "resigned and fled", "met X, then travelled to Y".
        int k = v.first - 1;
        while (k >= 0 && g.lexicon().Has(WordList::kVerbAdverb, g.lower(k))) --k;
        bool joined = k >= 0 && (g.pos(k) == Pos::kConj || g.lower(k) == ",");
        if (!joined) continue;
        const Predicate* prev = NearestWithSubject(c, v.head, -1, true);
        if (prev) {
          p.subjects = prev->subjects;
          if (v.aux.empty()) p.modality_from = prev->group;
        }
        static const std::string kCoordinated = "subject.coordination";
        rule = &kCoordinated;
      }
      if (!p.subjects.empty()) {
        p.subject_rule = *rule;
        changed = true;
      }
    }
    if (!changed) break;
  }
}

}  // namespace detente
