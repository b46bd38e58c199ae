// Predicates and frames to events: a named actor and a named object, an
// artefact or an event that needs none; place, time, negation, modality and
// a confidence that says how the roles were found.
#include <algorithm>
#include <set>
#include <tuple>

#include "entities/lemmatizer.h"
#include "entities/lexicon.h"
#include "entities/words.h"
#include "extract/arguments.h"
#include "extract/rules/rules.h"

namespace detente {
namespace {

double Confidence(const SentenceGraph& g, const Predicate& p) {
  if (!g.parsed()) return tuning::kConfidencePosition;
  if (p.subject_rule == "subject.link" && g.null_count() == 0) return tuning::kConfidenceLinked;
  return tuning::kConfidencePartial;
}

// "the arrangement", "the deal": "the" and a noun of agreement alone.
// "the move", "the claims": the noun and its article only.
bool IsBareDefinite(const SentenceGraph& g, int noun) {
  int np = g.PhraseOf(noun);
  if (np < 0) return false;
  const NounPhrase& p = g.phrases()[np];
  return p.first + 1 == noun && g.lower(p.first) == "the";
}

bool IsAnaphoric(const SentenceGraph& g, int noun) {
  return IsBareDefinite(g, noun) && g.lexicon().Has(WordList::kAnaphoricNoun, g.lower(noun));
}

// The state an artefact's phrase names: a possessor, a name or a demonym
// before the head ("Sweden's bid", "the U.S. election", "an Egyptian plan").
std::string OwnerOf(const SentenceGraph& g, int head) {
  int np = g.PhraseOf(head);
  if (np < 0) return "";
  const NounPhrase& p = g.phrases()[np];
  const AnalysedSentence& s = g.sentence();
  if (p.possessor >= 0 && g.IsNamed(p.possessor) && !g.mention(p.possessor).country.empty())
    return g.mention(p.possessor).country;
  // "a proposal by Turkey", "an attack by Hamas": its author's, as "Turkey's
  // proposal" would be.
  if (head + 2 < g.size() && g.lower(head + 1) == "by" && g.IsNamed(head + 2) &&
      g.mention(head + 2).kind != EntityKind::kArtefact && !g.mention(head + 2).country.empty())
    return g.mention(head + 2).country;
  // A state or a people named as a modifier ("the U.S. election", "an
  // Egyptian plan"), not a place in it ("a Gaza ceasefire plan") nor a
  // compound ("a U.S.-brokered deal").
  for (int k = p.first; k < head; ++k) {
    if (g.IsNamed(k) && g.mention(k).kind == EntityKind::kCountry) return g.mention(k).country;
    // "Houthi positions", "a Hamas proposal": a body's own, of its home state.
    static constexpr EntityKind kBodies[] = {EntityKind::kOrganization, EntityKind::kArmedGroup,
                                             EntityKind::kInstitution, EntityKind::kParty,
                                             EntityKind::kGroup};
    if (g.IsNamed(k) && std::count(std::begin(kBodies), std::end(kBodies), g.mention(k).kind) &&
        !g.mention(k).country.empty())
      return g.mention(k).country;
    int t = s.word_first[k];
    // "a Greek-owned tanker" is Greece's; "a U.S.-brokered deal" no one's.
    const std::string& text = g.word(k).text;
    size_t dash = text.rfind('-');
    bool owner = dash == std::string::npos ||
                 g.lexicon().Has(WordList::kOwnerParticiple, Lower(text.substr(dash + 1)));
    if (!g.IsMention(k) && t >= 0 && t < static_cast<int>(s.token_modifier.size()) &&
        s.token_modifier[t].kind == EntityKind::kCountry && owner)
      return s.token_modifier[t].country;
  }
  // "struck targets in Syria", "across the Gaza Strip": a thing is of the
  // state it is in; "imports of Japanese seafood": of the state of what it
  // is made of.
  const Lexicon& lex = g.lexicon();
  const GraphWord& w = g.word(head);
  bool physical = g.knowledge().lemmas && g.knowledge().lemmas->NamesPhysical(w.noun) &&
                  !lex.Has(WordList::kInstitutionNoun, w.noun) &&
                  !lex.Has(WordList::kAgentNoun, w.lower);
  const std::string& prep = head + 1 < g.size() ? g.lower(head + 1) : std::string();
  if (physical && head + 2 < g.size() &&
      (prep == "in" || prep == "inside" || prep == "across" || prep == "of")) {
    int inner = g.PhraseOf(head + 2);
    if (prep != "of") {
      int place = head + 2 + (g.lower(head + 2) == "the" && head + 3 < g.size() ? 1 : 0);
      if (IsPlace(g, place) && g.mention(place).kind != EntityKind::kVenue)
        return g.mention(place).country;
    } else if (inner >= 0 && g.phrases()[inner].head != head) {
      return OwnerOf(g, g.phrases()[inner].head);
    }
  }
  return "";
}

bool CanAct(const SentenceGraph& g, int w) {
  return g.IsNamed(w) && g.mention(w).kind != EntityKind::kArtefact;
}

}  // namespace

namespace {

// "travelled to Paris to meet Macron": the places a purpose's trip went to.
std::vector<int> TripPlaces(const RuleContext& c, const Predicate& p) {
  const SentenceGraph& g = c.g;
  if (p.subject_rule != "subject.purpose" || p.modality_from < 0) return {};
  const Predicate& trip = c.preds[p.modality_from];
  if (!g.lexicon().Has(WordList::kMotionVerb, g.groups()[trip.group].lemma)) return {};
  std::vector<int> out;
  for (int o : trip.objects) {
    const MentionKind kind = g.mention(o).kind;
    if (kind == EntityKind::kCity || kind == EntityKind::kCountry || kind == EntityKind::kRegion)
      out.push_back(o);
  }
  return out;
}

}  // namespace

Modality MoodOf(const RuleContext& c, int group) {
  Modality m = c.g.groups()[group].modality;
  for (int up = c.preds[group].modality_from, hops = 0;
       up >= 0 && hops < 4 && m == Modality::kAsserted; up = c.preds[up].modality_from, ++hops)
    m = c.g.groups()[up].modality;
  return m;
}

void EmitEvents(RuleContext& c) {
  const SentenceGraph& g = c.g;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  auto add = [&](RawEvent e, const std::string& actor_key) {
    std::string object_key = e.object >= 0          ? g.sentence().mentions[e.object].name
                             : e.object_modifier ? e.object_modifier->name
                                                 : e.object_text;
    if (!seen.emplace(actor_key, e.action, object_key).second) return;
    c.events.push_back(std::move(e));
  };
  for (const Predicate& p : c.preds) {
    if (p.not_event) continue;
    const VerbGroup& v = g.groups()[p.group];
    RawEvent proto;
    proto.action = p.action;
    proto.class_verb = p.class_verb;
    proto.negated = v.negated || p.negated_by_matrix;
    // "Neither leader signed": a subject that denies.
    for (int a : p.subjects)
      if (g.IsMention(a) && (g.mention(a).text.rfind("Neither", 0) == 0 ||
                             g.mention(a).text.rfind("neither", 0) == 0))
        proto.negated = true;
    proto.modality = MoodOf(c, p.group);
    proto.time = TimeOf(g, v.head);
    proto.confidence = Confidence(g, p);
    proto.rule = p.subject_rule + "+" + p.rule;
    int first_object = p.objects.empty() ? -1 : p.objects[0];
    int place = PlaceOf(g, v.head, first_object);
    std::string artefact = p.noun >= 0 ? PhraseText(g, p.noun) : "";
    proto.object_anaphoric = p.noun >= 0 && IsAnaphoric(g, p.noun);
    proto.object_bare_definite = p.noun >= 0 && IsBareDefinite(g, p.noun);
    if (p.noun >= 0) {
      proto.object_owner = OwnerOf(g, p.noun);
      // "the government" may reach the parser as a pronoun: its head as written.
      std::string head = artefact.substr(artefact.rfind(' ') + 1);
      proto.object_owned = g.lexicon().Has(WordList::kOwnedNoun, g.word(p.noun).noun) ||
                           g.lexicon().Has(WordList::kOwnedNoun, g.lower(p.noun)) ||
                           g.lexicon().Has(WordList::kOwnedNoun, head);
    }
    std::vector<int> objects = p.objects;
    if (p.reciprocal) {
      for (int a : p.subjects)
        if (CanAct(g, a)) objects.push_back(a);
    }
    // "Senior Republicans, including Paul Ryan, rebuked him": the named
    // examples of a subject act too.
    std::vector<int> subjects = p.subjects;
    for (int a : p.subjects)
      if (a < v.first)
        for (int x : ExamplesAfter(g, a))
          if (x < v.first && std::find(subjects.begin(), subjects.end(), x) == subjects.end())
            subjects.push_back(x);
    for (int a : subjects) {
      if (!CanAct(g, a)) continue;
      RawEvent e = proto;
      e.actor = g.word(a).mention;
      const std::string& actor_name = g.mention(a).name;
      if (place >= 0 && g.mention(place).name != actor_name) e.place = g.word(place).mention;
      if (objects.size() == 1 && objects[0] == a && p.reciprocal && IsEachOfPair(g, a)) {
        e.on_partner = true;  // "each side accused the other"
        add(e, actor_name);
        continue;
      }
      if (objects.empty()) {
        if (p.reciprocal) continue;
        e.object_text = artefact;
        add(e, actor_name);
        continue;
      }
      std::vector<int> trip = place < 0 ? TripPlaces(c, p) : std::vector<int>{};
      for (size_t i = 0; i < objects.size(); ++i) {
        int o = objects[i];
        if (!g.IsNamed(o) || g.mention(o).name == actor_name) continue;
        RawEvent eo = e;
        eo.object = g.word(o).mention;
        if (eo.place >= 0 && g.word(place).mention == eo.object) eo.place = -1;
        // One place for all, or one for each: "to Paris and Warsaw to meet Macron and Tusk".
        if (trip.size() == 1 || trip.size() == objects.size())
          eo.place = g.word(trip[trip.size() == 1 ? 0 : i]).mention;
        add(eo, actor_name);
      }
    }
  }
  for (const Frame& f : c.frames) {
    RawEvent e;
    e.actor = f.actor >= 0 ? g.word(f.actor).mention : -1;
    e.actor_modifier = f.actor_modifier;
    e.object = f.object >= 0 ? g.word(f.object).mention : -1;
    e.object_modifier = f.object_modifier;
    e.object_text = f.object_text;
    e.action = f.action;
    e.class_verb = f.class_verb;
    e.negated = f.negated;
    e.modality = f.modality;
    e.confidence = f.confidence;
    e.time = TimeOf(g, f.trigger);
    if (f.place >= 0) e.place = g.word(f.place).mention;
    e.rule = f.rule;
    std::string actor_key = f.actor >= 0 ? g.mention(f.actor).name
                            : f.actor_modifier ? f.actor_modifier->name
                                               : "";
    if (actor_key.empty()) continue;
    if (e.object >= 0 && g.sentence().mentions[e.object].name == actor_key) continue;
    if (e.object_modifier && e.object_modifier->name == actor_key) continue;
    add(e, actor_key);
  }
}

}  // namespace detente
