// The extractor pipeline: text -> entities -> parse -> events, one document
// at a time.
#include <algorithm>
#include <cctype>
#include <exception>
#include <map>
#include <set>

#include "detente/entities.h"
#include "detente/extract.h"
#include "detente/parse.h"
#include "detente/text.h"
#include "entities/gazetteer.h"
#include "entities/leaders.h"
#include "entities/lemmatizer.h"
#include "entities/lexicon.h"
#include "entities/words.h"
#include "extract/cameo.h"
#include "extract/dates.h"
#include "extract/events.h"
#include "extract/sentence_graph.h"
#include "parse/clauses.h"
#include "parse/parser_word.h"

namespace detente {
namespace {

void AddOwnerCountry(const EntityRecognizer& rec, const std::vector<std::string>& tokens,
                     const std::vector<Mention>& mentions, Mention* m);

class EntityTable;

class ExtractorImpl : public Extractor {
 public:
  ExtractorImpl(ExtractOptions o, std::unique_ptr<EntityRecognizer> rec,
                std::unique_ptr<Parser> parser, Lemmatizer lem, Lexicon lex, Leaders leaders,
                CameoClassifier cameo)
      : options_(std::move(o)),
        rec_(std::move(rec)),
        parser_(std::move(parser)),
        lem_(std::move(lem)),
        lex_(std::move(lex)),
        leaders_(std::move(leaders)),
        cameo_(std::move(cameo)) {
    knowledge_.lexicon = &lex_;
    knowledge_.lemmas = &lem_;
  }

  Result<Extraction> Extract(const Document& doc) const override {
    try {
      return ExtractImpl(doc);
    } catch (const std::exception& e) {
      return Status::Internal(std::string("extractor: ") + e.what());
    }
  }

 private:
  Extraction ExtractImpl(const Document& doc) const;
  // Resolves the sentence's mentions and parses it.
  void Analyse(AnalysedSentence* s, DocumentEntities* de) const;
  // Fills `e` from `r` for `actor`: class, object and its state, place, time
  // and mood, registering what it names in `entities`.
  void Code(const RawEvent& r, const AnalysedSentence& a, const Mention& actor,
            const std::string& date, DocumentEntities* de, EntityTable* entities, Event* e) const;
  // "relations with Brussels": a city that acts or is acted on for the body
  // seated there is that body (IGO, no state); any other mention as it is.
  Mention BodyOrCity(Mention m) const {
    if (m.kind != EntityKind::kCity) return m;
    std::string body = rec_->BodyOfCity(m.name);
    if (body.empty()) return m;
    m.name = body;
    m.kind = EntityKind::kOrganization;
    m.country.clear();
    m.role = Role::kIgo;
    m.capital = false;
    return m;
  }

  ExtractOptions options_;
  std::unique_ptr<EntityRecognizer> rec_;
  std::unique_ptr<Parser> parser_;
  Lemmatizer lem_;
  Lexicon lex_;
  Leaders leaders_;
  CameoClassifier cameo_;
  WordKnowledge knowledge_;
};

void ExtractorImpl::Analyse(AnalysedSentence* s, DocumentEntities* de) const {
  de->ResolveSentence(s->tokens, *rec_, &s->mentions, &s->partners);
  for (Mention& m : s->mentions) AddOwnerCountry(*rec_, s->tokens, s->mentions, &m);
  // "a U.S.-brokered deal": the tokenizer splits "U.S." off; the name only
  // modifies, so it is no mention of its own (the compound agent rule reads it).
  std::vector<Mention> compound_names;
  for (size_t mi = 0; mi < s->mentions.size();) {
    const Mention& m = s->mentions[mi];
    int k = m.last + 1;
    bool compound = k + 1 < static_cast<int>(s->tokens.size()) && s->tokens[k] == "-" &&
                    !s->tokens[k + 1].empty() &&
                    std::islower(static_cast<unsigned char>(s->tokens[k + 1][0]));
    if (compound) {
      compound_names.push_back(m);
      s->mentions.erase(s->mentions.begin() + mi);
    } else {
      ++mi;
    }
  }
  // One word per mention for the parser.
  size_t mi = 0;
  for (int i = 0; i < static_cast<int>(s->tokens.size());) {
    s->word_first.push_back(i);
    auto name = std::find_if(compound_names.begin(), compound_names.end(),
                             [&](const Mention& c) { return c.first == i; });
    if (name != compound_names.end()) {
      // One word: "U.S.-brokered".
      std::string w;
      for (int k = name->first; k <= name->last + 2; ++k) w += s->tokens[k];
      s->words.push_back(w);
      s->word_mention.push_back(-1);
      i = name->last + 3;
      continue;
    }
    if (mi < s->mentions.size() && s->mentions[mi].first == i) {
      s->words.push_back(ParserWord(s->mentions[mi], s->tokens));
      s->word_mention.push_back(static_cast<int>(mi));
      i = s->mentions[mi].last + 1;
      ++mi;
    } else {
      // The parser's dictionary knows the straight apostrophe only.
      s->words.push_back(IsPossessive(s->tokens[i]) && s->tokens[i].size() > 1 ? std::string("'s")
                                                                               : s->tokens[i]);
      s->word_mention.push_back(-1);
      ++i;
    }
  }
  for (const std::string& t : s->tokens) {
    s->token_modifier.push_back(rec_->Modifier(t));
    // "U.S.-Russian": a compound of two entities.
    Mention partner;
    size_t dash = t.find('-');
    if (dash != std::string::npos && dash == t.rfind('-') && !s->token_modifier.back().kind.empty())
      partner = rec_->Modifier(t.substr(dash + 1));
    s->token_partner.push_back(partner);
  }
  for (const Mention& c : compound_names) s->token_modifier[c.first] = c;
  // "is due to travel": Link Grammar reads "due to" as a preposition and the
  // verb as a noun; "expected to" means the same and parses as a verb.
  for (size_t i = 1; i + 2 < s->words.size(); ++i) {
    if (Lower(s->words[i]) == "due" && s->words[i + 1] == "to" &&
        std::islower(static_cast<unsigned char>(s->words[i + 2][0])) &&
        lem_.IsVerb(s->words[i + 2])) {
      s->words[i] = "expected";
    }
  }
  s->times = FindTimeExpressions(s->words);
  if (!s->words.empty() && static_cast<int>(s->words.size()) <= options_.max_parse_tokens) {
    std::vector<bool> is_name(s->words.size());
    for (size_t i = 0; i < is_name.size(); ++i) is_name[i] = s->word_mention[i] >= 0;
    PiecesParse p = ParseInPieces(*parser_, s->words, is_name, options_.split_min_words);
    s->parse = std::move(p.parse);
    if (!s->parse) {
      s->coverage = p.timed_out ? ParseCoverage::kTimeout : ParseCoverage::kNoLinkage;
    } else if (p.failed > 0 || s->parse->null_count > 0) {
      s->coverage = ParseCoverage::kPartial;
    } else {
      s->coverage = ParseCoverage::kFull;
    }
  }
}

// A person the leaders gazetteer knows gets the state and role of the term
// the story's date falls in, where the text gave none: "Barack Obama met
// Vladimir Putin" -> USA, RUS. An unknown person gets nothing.
void AddLeader(const Leaders& leaders, const std::string& date, Mention* m) {
  if (m->kind != EntityKind::kPerson || m->name.empty()) return;
  LeaderMatch match = leaders.Find(m->name, date);
  // "Pope Francis", "King Charles": a leader known by title and name.
  for (size_t sp = m->text.find(' '); !match && sp != std::string::npos &&
                                      m->text.size() - sp - 1 > m->name.size();
       sp = m->text.find(' ', sp + 1))
    match = leaders.Find(std::string_view(m->text).substr(sp + 1), date);
  if (!match && m->text != m->name) match = leaders.Find(m->text, date);
  if (!match) return;
  if (m->country.empty()) m->country = match.term->country;
  // Between terms, or after one at the head of a body of states, a person
  // is still of their state; while at that body's head, of none.
  if (m->country.empty() && !match.in_office) m->country = match.leader->Nationality();
  if (m->role == Role::kNone) m->role = match.term->role;
  if (match.in_office) m->office = match.term->office;
}

// "President Nicolás Maduro's government", "Morawiecki's nationalist
// government": a leader's government acts as a body of its own, of the
// leader's state, named by the leader's name.
void MergeLeadersGovernments(const Lexicon& lex, const std::vector<std::string>& tokens,
                             std::vector<Mention>* mentions) {
  const int n = static_cast<int>(tokens.size());
  for (size_t i = 0; i < mentions->size(); ++i) {
    Mention& m = (*mentions)[i];
    if (m.kind != EntityKind::kPerson || m.name.empty()) continue;
    // "the government of President Javier Milei": the same body, named after.
    int of = m.first - 1;
    if (of >= 1 && tokens[of] == "of" && lex.Has(WordList::kGovernmentNoun, tokens[of - 1]) &&
        (i == 0 || (*mentions)[i - 1].last < of - 1)) {
      m.name = tokens[of - 1] + " of " + m.name;
      m.text = m.name;
      m.first = of - 1;
      m.kind = EntityKind::kInstitution;
      m.role = Role::kGov;
      m.office.clear();
      continue;
    }
    int k = m.last + 1;
    if (k >= n || !IsPossessive(tokens[k])) continue;
    int head = k + 1;
    while (head < n && head <= k + 3 && !lex.Has(WordList::kGovernmentNoun, tokens[head]) &&
           !tokens[head].empty() && std::islower(static_cast<unsigned char>(tokens[head][0])))
      ++head;
    if (head >= n || !lex.Has(WordList::kGovernmentNoun, tokens[head])) continue;
    if (i + 1 < mentions->size() && (*mentions)[i + 1].first <= head) continue;
    std::string name = m.name + tokens[k];
    for (int w = k + 1; w <= head; ++w) name += " " + tokens[w];
    m.last = head;
    m.text = name;
    m.name = name;
    m.kind = EntityKind::kInstitution;
    m.role = Role::kGov;
    m.office.clear();
  }
}

// "France's National Assembly", "Nepali Congress leader Deuba", "the Mexican
// Embassy": a state named right before a body or person is its state,
// whatever the gazetteer says of the body's name alone.
void AddOwnerCountry(const EntityRecognizer& rec, const std::vector<std::string>& tokens,
                     const std::vector<Mention>& mentions, Mention* m) {
  if (m->kind == EntityKind::kCountry || m->kind == EntityKind::kCity ||
      m->kind == EntityKind::kRegion || m->first == 0)
    return;
  int k = m->first - 1;
  std::string country;
  // "France's National Assembly", "his People's Party" (his: a resolved person).
  int owner = IsPossessive(tokens[k]) ? k - 1 : k;
  // "his Chinese counterpart Wang Yi": a person the recognizer placed by a
  // demonym keeps it; "his" gives only what has no state.
  bool placed = m->kind == EntityKind::kPerson && !m->country.empty();
  for (const Mention& o : mentions)
    if (o.last == owner && &o != m && !o.name.empty() &&
        (o.kind == EntityKind::kCountry ||
         (o.kind == EntityKind::kPerson && owner == k && o.description && !placed)))
      country = o.country;
  // Not a compound: "Rwandan-backed M23" is Rwanda's act, not its body.
  size_t dash = tokens[k].rfind('-');
  bool compound = dash != std::string::npos && dash + 1 < tokens[k].size() &&
                  std::islower(static_cast<unsigned char>(tokens[k][dash + 1]));
  if (country.empty() && !IsPossessive(tokens[k]) && !compound) {
    if (Mention d = rec.Modifier(tokens[k]); d.kind == EntityKind::kCountry) country = d.country;
  }
  if (!country.empty()) m->country = country;
}

// The state a story is about, when one dominates it: named at least twice
// and at least twice as often as any other, by its name, capital, demonym or
// people. Empty when the story is about several, or about bodies of states
// (counted together, under "").
std::string FocalCountry(const std::vector<AnalysedSentence>& analysed) {
  std::map<std::string, int> count;
  for (const AnalysedSentence& a : analysed)
    for (const Mention& m : a.mentions)
      if (!m.kind.is_reference() &&
          (!m.country.empty() || (m.known && m.kind == EntityKind::kOrganization)))
        ++count[m.country];
  std::string top;
  int first = 0, second = 0;
  for (const auto& [country, n] : count) {
    if (n > first) {
      second = first;
      first = n;
      top = country;
    } else if (n > second) {
      second = n;
    }
  }
  return first >= 2 && first >= 2 * second ? top : "";  // "" when bodies dominate
}

// "Gantz resigned" in a story about Israel: a person, party or national body
// the gazetteers do not place is of the story's state, as a reader takes it.
// A lone unknown word with no title that no fuller name ends with ("Gondor
// rejected") may be no person at all, and is placed nowhere. `surnames`
// holds the last words of the document's longer names.
void AddFocalCountry(const std::string& focal, const std::set<std::string>& surnames,
                     Mention* m) {
  if (focal.empty() || !m->country.empty() || m->name.empty()) return;
  if (m->kind == EntityKind::kPerson && !m->known && m->role == Role::kNone &&
      m->name.find(' ') == std::string::npos && !surnames.count(m->name))
    return;
  // A known person without a state holds an office of no one state.
  bool national = (m->kind == EntityKind::kPerson && m->office.empty()) ||
                  m->kind == EntityKind::kParty || m->kind == EntityKind::kInstitution ||
                  (m->kind == EntityKind::kOrganization && !m->known);
  if (national) m->country = focal;
}

std::string FirstWord(const std::string& s) { return s.substr(0, s.find(' ')); }

// The artefact named last; else "The pact" opening a sentence after "signed
// a reciprocal access agreement": the agreement of some kind an earlier
// sentence acted on last (`earlier`), when it is the fuller description.
// In its own sentence, "the truce" after "a ceasefire" may be another; after
// a bare "a deal", "the agreement" says no less.
std::string Antecedent(const DocumentEntities& de, const Lexicon& lex, const std::string& text,
                       const std::string& earlier) {
  if (!de.last_named_artefact().empty()) return de.last_named_artefact();
  size_t space = earlier.rfind(' ');
  if (space == std::string::npos) return text;
  return lex.Has(WordList::kAnaphoricNoun, earlier.substr(space + 1)) ? earlier : text;
}

// Organisations are named as the document names them, at their fullest
// ("Association of Southeast Asian Nations" where the gazetteer says
// "ASEAN"; "Social Democrats" where it says "Social Democratic Party"); the
// canonical name stays an alias. People, places and states keep their names.
void UseFullestNames(const std::vector<AnalysedSentence>& analysed, Extraction* x) {
  std::map<std::string, std::string> fullest;  // canonical -> as written
  for (const AnalysedSentence& a : analysed) {
    for (const Mention& m : a.mentions) {
      bool org = m.kind == EntityKind::kOrganization || m.kind == EntityKind::kArmedGroup ||
                 m.kind == EntityKind::kParty || m.kind == EntityKind::kInstitution ||
                 m.kind == EntityKind::kCompany;
      if (!org || m.description || m.name.empty() || m.text.empty()) continue;
      std::string text = m.text;
      if (text.rfind("the ", 0) == 0 || text.rfind("The ", 0) == 0) text = text.substr(4);
      // "Hamas fighters": the organisation with its people; keep the name.
      if (text.size() > m.name.size() && text.compare(0, m.name.size(), m.name) == 0) continue;
      if (!std::isupper(static_cast<unsigned char>(text[0]))) continue;
      std::string& best = fullest[m.name];
      if (text.size() > best.size()) best = text;
    }
  }
  auto rename = [&](std::string* name) {
    auto it = fullest.find(*name);
    if (it != fullest.end() && !it->second.empty()) *name = it->second;
  };
  for (Event& e : x->events) {
    rename(&e.actor);
    if (e.object) rename(&*e.object);
    if (e.place) rename(&*e.place);
  }
  for (Entity& e : x->entities) {
    std::string canonical = e.name;
    rename(&e.name);
    if (std::find(e.aliases.begin(), e.aliases.end(), canonical) == e.aliases.end())
      e.aliases.push_back(canonical);
  }
}

// An entity of the document, built from its mentions.
class EntityTable {
 public:
  Entity* Of(const Mention& m) {
    Entity& e = entities_[m.name];
    if (e.name.empty()) {
      e.name = m.name;
      e.kind = m.kind.entity();  // a reference: unknown
      e.country = m.country;
    }
    if (e.country.empty()) e.country = m.country;
    // A state's role is its own; "Turkish police" gives Turkey no role.
    if (e.role == Role::kNone && e.kind != EntityKind::kCountry) e.role = m.role;
    // Names only: pronouns and descriptions ("he", "the group") resolved to
    // this entity are not aliases of it.
    bool is_name = !m.text.empty() && !std::islower(static_cast<unsigned char>(m.text[0])) &&
                   m.text.rfind("The ", 0) != 0 && m.text != "He" && m.text != "She" &&
                   m.text != "It" && m.text != "They" && m.text != "His" && m.text != "Its";
    if (is_name && !m.group_of_state &&
        std::find(e.aliases.begin(), e.aliases.end(), m.text) == e.aliases.end())
      e.aliases.push_back(m.text);
    if (std::find(e.aliases.begin(), e.aliases.end(), m.name) == e.aliases.end())
      e.aliases.push_back(m.name);
    return &e;
  }
  // The entity named `name`, or nullptr.
  const Entity* Find(const std::string& name) const {
    auto it = entities_.find(name);
    return it == entities_.end() ? nullptr : &it->second;
  }
  std::vector<Entity> Take() {
    std::vector<Entity> out;
    for (auto& [name, e] : entities_) out.push_back(std::move(e));
    return out;
  }

 private:
  std::map<std::string, Entity> entities_;
};

void ExtractorImpl::Code(const RawEvent& r, const AnalysedSentence& a, const Mention& actor,
                         const std::string& date, DocumentEntities* de, EntityTable* entities,
                         Event* e) const {
  e->actor = actor.name;
  e->actor_kind = entities->Of(actor)->kind;
  e->actor_country = entities->Of(actor)->country;
  e->action = r.action;
  e->rule = r.rule;
  // The class of the action, else of the verb it is classed by
  // ("hold talks with" -> "talk"), by meaning where no list has it.
  CameoClass cc;
  if (!r.class_verb.empty()) cc = cameo_.Verb(r.class_verb);
  if (!cc.known() && !r.class_verb.empty()) cc = cameo_.Noun(r.class_verb);
  if (!cc.known()) cc = cameo_.Verb(r.action);
  e->action_class = cc.ClassName();
  e->cameo_code = cc.code;
  e->goldstein = cc.goldstein;
  e->actor_role = actor.role;
  if (r.object >= 0 || r.object_modifier) {
    const Mention o = BodyOrCity(r.object >= 0 ? a.mentions[r.object] : *r.object_modifier);
    e->object = o.name;
    e->object_kind = entities->Of(o)->kind;
    e->object_country = entities->Of(o)->country;
    e->object_role = o.role;
    // "Scholz fired Finance Minister Lindner": his own state's.
    if (e->object_country.empty() && o.kind == EntityKind::kPerson &&
        lex_.Has(WordList::kDomesticVerb, FirstWord(e->action)))
      e->object_country = e->actor_country;
  } else if (r.object_text.empty() && e->action == "abstain" && !de->last_artefact().empty()) {
    // "Russia abstained": on the measure just named.
    e->action = "abstain on";
    e->object = de->last_artefact();
    e->object_kind = EntityKind::kArtefact;
  } else if (!r.object_text.empty()) {
    e->object = r.object_text;
    if (r.object_anaphoric) e->object = Antecedent(*de, lex_, r.object_text, de->earlier_artefact());
    e->object_kind = EntityKind::kArtefact;
    // Whose it is: the state its phrase names; else, for the actor's own
    // measures and institutions ("lifted export curbs", "dismissed the
    // cabinet"), the actor's state; an agreement belongs to no one state.
    e->object_country = r.object_owner;
    if (e->object_country.empty() && r.object_owned) e->object_country = e->actor_country;
    // "The plan was welcomed": the plan named before, and its state.
    if (e->object_country.empty() && r.object_anaphoric) {
      if (const Entity* earlier = entities->Find(*e->object)) e->object_country = earlier->country;
    }
    Mention art;
    art.name = art.text = r.object_text;
    art.kind = EntityKind::kArtefact;
    art.country = e->object_country;
    entities->Of(art);
  }
  if (r.place >= 0) {
    e->place = a.mentions[r.place].name;
    entities->Of(a.mentions[r.place]);
  }
  if (r.time >= 0) {
    const TimeExpr& t = a.times[r.time];
    e->time_text = t.text;
    auto iso = ResolveTime(t, date, r.modality == Modality::kFuture);
    e->time = iso ? *iso : t.text;
  }
  e->negated = r.negated;
  e->modality = r.modality;
  e->confidence = r.confidence;
}

// "Somalia condemned the move", "India dismissed the claims": an act named
// by "the" and a noun, which the actor rejects, condemns or praises, is the
// latest act of another party in the document, and belongs to its state.
void OwnAnsweredAct(const std::vector<Event>& earlier, const Lemmatizer& lem, Event* e) {
  const std::optional<CameoCode>& code = e->cameo_code;
  const bool answers =
      code && (code->root() == 11 || code->root() == 12 || code->str().rfind("051", 0) == 0);
  if (!answers || e->object_kind != EntityKind::kArtefact || !e->object_country.empty() ||
      !e->object || e->object->find(' ') != std::string::npos ||
      !lem.NamesAct(lem.Noun(*e->object)))
    return;
  for (auto it = earlier.rbegin(); it != earlier.rend(); ++it) {
    if (it->actor == e->actor) continue;
    e->object_country = it->actor_country;
    return;
  }
}

Extraction ExtractorImpl::ExtractImpl(const Document& doc) const {
  Extraction x;
  std::vector<AnalysedSentence> analysed;
  auto add = [&](const std::string& text, bool in_title) {
    for (const SentenceSpan& sp : SplitSentences(text)) {
      Sentence out;
      out.index = static_cast<int>(x.sentences.size());
      out.in_title = in_title;
      out.begin = sp.begin;
      out.end = sp.end;
      out.text = std::string(sp.text(text));
      AnalysedSentence a;
      for (const Token& t : Tokenize(out.text)) a.tokens.push_back(t.text);
      a.mentions = rec_->Recognize(a.tokens);
      for (Mention& m : a.mentions) AddLeader(leaders_, doc.date, &m);
      MergeLeadersGovernments(lex_, a.tokens, &a.mentions);
      x.sentences.push_back(std::move(out));
      analysed.push_back(std::move(a));
    }
  };
  add(doc.title, true);
  add(doc.text, false);
  std::string focal = FocalCountry(analysed);
  std::set<std::string> surnames;
  for (const AnalysedSentence& a : analysed)
    for (const Mention& m : a.mentions)
      if (size_t space = m.name.rfind(' '); space != std::string::npos)
        surnames.insert(m.name.substr(space + 1));
  for (AnalysedSentence& a : analysed)
    for (Mention& m : a.mentions) AddFocalCountry(focal, surnames, &m);

  // Full names first, so that "Blinken" in a headline finds "Antony Blinken".
  DocumentEntities de;
  for (const AnalysedSentence& a : analysed) de.AddNames(a.mentions);

  EntityTable entities;
  for (size_t si = 0; si < analysed.size(); ++si) {
    AnalysedSentence& a = analysed[si];
    de.StartSentence();
    Analyse(&a, &de);
    x.sentences[si].parse = a.coverage;
    for (const Mention& m : a.mentions)
      if (m.kind == EntityKind::kArtefact && !m.name.empty()) de.SetLastNamedArtefact(m.name);
    TraceFn trace;
    if (options_.trace) {
      options_.trace("sentence " + std::to_string(si) + ": " + x.sentences[si].text);
      trace = [&](std::string_view line) { options_.trace(line); };
    }
    std::vector<RawEvent> raw = ExtractEvents(a, knowledge_, trace);
    // "The two leaders signed": each of the pair did.
    for (const auto& [idx, partner] : a.partners) {
      int added = static_cast<int>(a.mentions.size());
      a.mentions.push_back(partner);
      for (size_t r = 0, end = raw.size(); r < end; ++r) {
        if (raw[r].actor != idx && raw[r].object != idx) continue;
        if (raw[r].on_partner) {
          raw[r].object = added;
          RawEvent back = raw[r];
          back.actor = added;
          back.object = idx;
          raw.push_back(back);
          continue;
        }
        RawEvent copy = raw[r];
        if (copy.actor == idx) copy.actor = added;
        if (copy.object == idx) copy.object = added;
        raw.push_back(copy);
      }
    }
    std::set<std::string> seen;
    bool first_event = true;
    for (const RawEvent& r : raw) {
      Mention actor = BodyOrCity(r.actor >= 0 ? a.mentions[r.actor] : *r.actor_modifier);
      // A capital standing for its state: "Tokyo said" -> Japan.
      if (actor.kind == EntityKind::kCity && actor.capital && !actor.country.empty()) {
        std::string n = rec_->CountryName(actor.country);
        if (!n.empty()) {
          actor.name = n;
          actor.kind = EntityKind::kCountry;
        }
      }
      // "It", "he" in the next sentence: the actor of this one's first event.
      if (first_event) de.NoteActor(actor);
      first_event = false;
      Event e;
      e.sentence = static_cast<int>(si);
      Code(r, a, actor, doc.date, &de, &entities, &e);
      if (r.object_bare_definite) OwnAnsweredAct(x.events, lem_, &e);
      if (e.object_kind == EntityKind::kArtefact && e.object) de.SetLastArtefact(*e.object);
      if (e.object == e.actor) continue;  // "the two leaders" may pair a name with itself
      std::string key = e.actor + "|" + e.action + "|" + e.object.value_or("");
      if (!seen.insert(key).second) continue;
      x.events.push_back(std::move(e));
    }
  }
  x.entities = entities.Take();
  UseFullestNames(analysed, &x);
  return x;
}

}  // namespace

Result<std::unique_ptr<Extractor>> Extractor::Create(const ExtractOptions& options) {
  auto rec = EntityRecognizer::Create(options.data_dir);
  if (!rec.ok()) return rec.status();
  Result<std::string> dir = Gazetteer::FindDataDir(options.data_dir);
  if (!dir.ok()) return dir.status();
  auto lex = Lexicon::Load(*dir);
  if (!lex.ok()) return lex.status();
  ParserOptions po;
  po.linkage_limit = options.linkage_limit;
  po.short_length = options.short_length;
  po.max_parse_time_s = options.parse_timeout_s;
  auto parser = Parser::Create(po);
  if (!parser.ok()) return parser.status();
  auto wordnet = WordNet::Load();
  if (!wordnet.ok()) return wordnet.status();
  Lemmatizer lem(*wordnet);
  auto cameo = CameoClassifier::Load(*wordnet, *dir);
  if (!cameo.ok()) return cameo.status();
  auto leaders = Leaders::Load(*dir);
  if (!leaders.ok()) return leaders.status();
  return std::unique_ptr<Extractor>(new ExtractorImpl(
      options, std::move(rec.value()), std::move(parser.value()), std::move(lem),
      std::move(lex.value()), std::move(leaders.value()), std::move(cameo.value())));
}

const char* ParseCoverageName(ParseCoverage c) {
  switch (c) {
    case ParseCoverage::kFull:
      return "full";
    case ParseCoverage::kPartial:
      return "partial";
    case ParseCoverage::kNoLinkage:
      return "no linkage";
    case ParseCoverage::kTimeout:
      return "timed out";
    case ParseCoverage::kNotParsed:
      return "not parsed";
  }
  return "not parsed";
}

std::string Extractor::Version() { return std::string("detente-") + DETENTE_VERSION + "/2"; }

}  // namespace detente
