// The extractor pipeline: text -> entities -> parse -> events.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <exception>
#include <map>
#include <set>

#include "detente/entities.h"
#include "detente/extract.h"
#include "detente/parse.h"
#include "detente/text.h"
#include "entities/words.h"
#include "extract/dates.h"
#include "extract/events.h"
#include "extract/lemmatizer.h"
#include "extract/parser_word.h"

namespace detente {
namespace {


// Words after which "it" is a subject: "the United States said it rejected".
const std::set<std::string> kSpeechWords = {"said", "says", "announced", "added", "warned",
                                            "stated", "insisted", "claimed", "that", "argued",
                                            "noted", "confirmed", "signalled", "signaled"};

class ExtractorImpl : public Extractor {
 public:
  ExtractorImpl(ExtractOptions o, std::unique_ptr<EntityRecognizer> rec,
                std::unique_ptr<Parser> parser, Lemmatizer lem)
      : options_(std::move(o)),
        rec_(std::move(rec)),
        parser_(std::move(parser)),
        lem_(std::move(lem)) {}

  Result<Extraction> Extract(const Document& doc) const override {
    try {
      return ExtractImpl(doc);
    } catch (const std::exception& e) {
      return Status::Internal(std::string("extractor: ") + e.what());
    }
  }

 private:
  Extraction ExtractImpl(const Document& doc) const;
  void Analyse(AnalysedSentence* s, DocumentEntities* de) const;
  std::optional<Parse> ParseClauses(const std::vector<std::string>& words,
                                   const std::vector<int>& word_mention) const;
  std::vector<std::vector<int>> SplitClauses(std::vector<int> piece,
                                             const std::vector<std::string>& words,
                                             const std::vector<int>& word_mention) const;

  ExtractOptions options_;
  std::unique_ptr<EntityRecognizer> rec_;
  std::unique_ptr<Parser> parser_;
  Lemmatizer lem_;
};

void ExtractorImpl::Analyse(AnalysedSentence* s, DocumentEntities* de) const {
  // Resolve names and references in reading order.
  for (Mention& m : s->mentions) {
    bool object_it = m.kind == "reference" && Lower(m.text) == "it" && m.first > 0 &&
                     !de->last_artefact().empty() &&
                     std::islower(static_cast<unsigned char>(s->tokens[m.first - 1][0])) &&
                     s->tokens[m.first - 1] != "and" && !kSpeechWords.count(s->tokens[m.first - 1]);
    if (object_it) {
      // "has not responded to it": a pronoun object is usually the thing
      // under discussion, not an actor.
      m.name = de->last_artefact();
      m.kind = "artefact";
    } else if (m.kind == "reference") {
      // "Kuleba held talks with Wang Yi during his visit": "he" and "his"
      // usually refer to the sentence's first person, its subject.
      std::string l = Lower(m.text);
      const Mention* subject = nullptr;
      if (l == "he" || l == "his" || l == "she") {
        for (const Mention& o : s->mentions) {
          if (&o == &m) break;
          if (o.kind == "person" && !o.name.empty() && Lower(o.text) != l) {
            subject = &o;
            break;
          }
        }
      }
      Mention a, b;
      std::vector<std::string> before;  // named earlier in this sentence
      for (const Mention& o : s->mentions) {
        if (&o == &m) break;
        if (!o.name.empty()) before.push_back(o.name);
      }
      if (de->ResolvePair(m, before, &a, &b)) {
        m = a;  // "the two leaders": the first; its partner is added below
        s->partners.emplace_back(static_cast<int>(&m - s->mentions.data()), b);
      } else if (subject) {
        std::string text = m.text;
        int first = m.first, last = m.last;
        m = *subject;
        m.text = text;
        m.first = first;
        m.last = last;
      } else if (!de->ResolveReference(&m)) {
        m.name.clear();
      }
    } else {
      de->Canonicalize(&m);
      // A state stands behind its demonym group and its capital as actor.
      if (m.group_of_state && !m.country.empty()) {
        std::string n = rec_->CountryName(m.country);
        if (!n.empty()) m.name = n;
        m.kind = "country";
      }
    }
    if (!m.name.empty()) de->Touch(m);
  }
  // One word per mention for the parser.
  size_t mi = 0;
  for (int i = 0; i < static_cast<int>(s->tokens.size());) {
    s->word_first.push_back(i);
    if (mi < s->mentions.size() && s->mentions[mi].first == i) {
      s->words.push_back(ParserWord(s->mentions[mi], s->tokens));
      s->word_mention.push_back(static_cast<int>(mi));
      i = s->mentions[mi].last + 1;
      ++mi;
    } else {
      s->words.push_back(s->tokens[i]);
      s->word_mention.push_back(-1);
      ++i;
    }
  }
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
    s->parse = ParseClauses(s->words, s->word_mention);
  }
}

// Parsing costs grow with the cube of the length, and long sentences are
// where Link Grammar goes wrong, so a long sentence is parsed in pieces whose
// linkages are put side by side, each word keeping its place. A piece is a
// list of indices into the sentence's words; -1 is a "." added to end it.
// `word_mention[i]` is the mention words[i] stands for, or -1.
std::vector<std::vector<int>> ExtractorImpl::SplitClauses(
    std::vector<int> piece, const std::vector<std::string>& words,
    const std::vector<int>& word_mention) const {
  const int n = static_cast<int>(piece.size());
  if (n < options_.split_min_words) return {std::move(piece)};
  static const std::string kStop = ".";
  auto word = [&](int k) -> const std::string& { return piece[k] < 0 ? kStop : words[piece[k]]; };
  auto lower = [&](int k) { return k < n ? Lower(word(k)) : std::string(); };
  auto mention = [&](int k) { return piece[k] >= 0 && word_mention[piece[k]] >= 0; };
  auto range = [&](int from, int to, bool stop) {
    std::vector<int> out(piece.begin() + from, piece.begin() + to);
    if (stop) out.push_back(-1);
    return out;
  };
  // Each piece may split again.
  auto then = [&](std::vector<int> first, std::vector<int> rest) {
    std::vector<std::vector<int>> out = SplitClauses(std::move(first), words, word_mention);
    for (auto& p : SplitClauses(std::move(rest), words, word_mention)) out.push_back(std::move(p));
    return out;
  };
  // "X, who|which VERB ..., ...": the clause on its own with X as subject
  // ("X was greeted by Y ."), then the rest without it. X is a name or "the
  // NOUN"; "which Putin signed" (X the object) stays whole.
  static const std::set<std::string> kNotSubjectRelative = {
      "the", "a", "an", "he", "she", "it", "they", "we", "his", "her", "its", "their", "this",
      "these", "those"};
  static const std::set<std::string> kDeterminers = {"the", "a", "an", "this", "these"};
  for (int k = 1; k + 2 < n; ++k) {
    std::string next = lower(k + 1);
    if (word(k) != "," || (next != "who" && next != "which")) continue;
    if (mention(k + 2) || kNotSubjectRelative.count(lower(k + 2))) continue;
    int subject = -1;  // first word of X
    if (mention(k - 1)) {
      subject = k - 1;
    } else if (k >= 2 && kDeterminers.count(lower(k - 2)) && !mention(k - 2) &&
               std::islower(static_cast<unsigned char>(word(k - 1)[0]))) {
      subject = k - 2;
    }
    if (subject < 0) continue;
    int close = k + 2;
    while (close < n && word(close) != "," && word(close) != ";") ++close;
    // Three words or more in the clause, and a sentence after it.
    if (close - (k + 2) < 3 || close + 3 >= n || word(close) != ",") continue;
    std::vector<int> clause = range(subject, k, false);
    for (int i = k + 2; i < close; ++i) clause.push_back(piece[i]);
    clause.push_back(-1);
    std::vector<int> rest = range(0, k, false);
    for (int i = close + 1; i < n; ++i) rest.push_back(piece[i]);
    return then(std::move(clause), std::move(rest));
  }
  // Two clauses joined by ";" or ", and|but|while|whereas|although|though",
  // with 8 words on either side; the conjunction after a comma stays unlinked.
  for (int k = 8; k + 7 < n; ++k) {
    std::string next = lower(k + 1);
    if (word(k) == ";" ||
        (word(k) == "," && (next == "and" || next == "but" || next == "while" ||
                            next == "whereas" || next == "although" || next == "though"))) {
      return then(range(0, k, true), range(k + (word(k) == "," ? 2 : 1), n, false));
    }
  }
  // "X said (that) CLAUSE" and "..., saying CLAUSE": "X said ." and the
  // clause, where a clause plainly starts: "that", a name, a pronoun or a
  // determiner. Speech is not an event; what was said may hold some.
  static const std::set<std::string> kClauseStarts = {"that", "he",  "she", "it",  "they",
                                                      "we",   "the", "a",   "an",  "his",
                                                      "her",  "its", "their"};
  for (int k = 1; k + 5 < n; ++k) {
    std::string w = lower(k);
    bool said = w == "said" || w == "says";
    bool saying = (w == "saying" || w == "adding") && word(k - 1) == ",";
    if (!said && !saying) continue;
    int next = k + 1;
    if (!mention(next) && !kClauseStarts.count(lower(next))) continue;
    std::vector<int> first = said ? range(0, k + 1, true) : range(0, k - 1, true);
    return then(std::move(first), range(lower(next) == "that" ? next + 1 : next, n, false));
  }
  return {std::move(piece)};
}

std::optional<Parse> ExtractorImpl::ParseClauses(const std::vector<std::string>& words,
                                                 const std::vector<int>& word_mention) const {
  std::vector<int> all(words.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  std::vector<std::vector<int>> pieces = SplitClauses(std::move(all), words, word_mention);
  if (pieces.size() > 1) {
    Parse out;
    bool ok = true;
    for (const std::vector<int>& piece : pieces) {
      std::vector<std::string> piece_words;
      for (int i : piece) piece_words.push_back(i < 0 ? "." : words[i]);
      Result<Parse> p = parser_->ParseWords(piece_words);
      if (!p.ok()) {
        ok = false;
        break;
      }
      const int offset = static_cast<int>(out.words.size());
      for (ParseWord w : p.value().words) {
        if (w.token >= 0) w.token = piece[w.token];
        out.words.push_back(std::move(w));
      }
      for (ParseLink l : p.value().links) {
        l.left += offset;
        l.right += offset;
        out.links.push_back(std::move(l));
      }
      out.null_count += p.value().null_count;
    }
    if (ok) return out;
  }
  Result<Parse> p = parser_->ParseWords(words);
  if (!p.ok()) return std::nullopt;
  return std::move(p.value());
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
      x.sentences.push_back(std::move(out));
      analysed.push_back(std::move(a));
    }
  };
  add(doc.title, true);
  add(doc.text, false);

  // Full names first, so that "Blinken" in a headline finds "Antony Blinken".
  DocumentEntities de;
  for (const AnalysedSentence& a : analysed) de.AddNames(a.mentions);

  std::map<std::string, Entity> entities;
  auto entity_of = [&](const Mention& m) {
    Entity& e = entities[m.name];
    if (e.name.empty()) {
      e.name = m.name;
      e.kind = m.kind == "reference" ? "unknown" : m.kind;
      e.country = m.country;
    }
    if (e.country.empty()) e.country = m.country;
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
  };

  for (size_t si = 0; si < analysed.size(); ++si) {
    AnalysedSentence& a = analysed[si];
    Analyse(&a, &de);
    for (const Mention& m : a.mentions)
      if (m.kind == "artefact" && !m.name.empty()) de.SetLastNamedArtefact(m.name);
    std::vector<RawEvent> raw = ExtractEvents(a, lem_);
    // "The two leaders signed": each of the pair did.
    for (const auto& [index, partner] : a.partners) {
      int added = static_cast<int>(a.mentions.size());
      a.mentions.push_back(partner);
      for (size_t r = 0, end = raw.size(); r < end; ++r) {
        if (raw[r].actor != index && raw[r].object != index) continue;
        RawEvent copy = raw[r];
        if (copy.actor == index) copy.actor = added;
        if (copy.object == index) copy.object = added;
        raw.push_back(copy);
      }
    }
    std::set<std::string> seen;
    for (const RawEvent& r : raw) {
      Mention actor = a.mentions[r.actor];
      // A capital standing for its state: "Tokyo said" -> Japan.
      if (actor.kind == "city" && actor.capital && !actor.country.empty()) {
        std::string n = rec_->CountryName(actor.country);
        if (!n.empty()) {
          actor.name = n;
          actor.kind = "country";
        }
      }
      de.NoteActor(actor);
      Event e;
      e.sentence = static_cast<int>(si);
      e.actor = actor.name;
      e.actor_kind = entity_of(actor)->kind;
      e.actor_country = entity_of(actor)->country;
      e.action = r.action;
      e.action_class = rec_->ActionClass(r.action);
      if (e.action_class.empty()) {
        e.action_class = rec_->ActionClass(r.action.substr(0, r.action.find(' ')));
      }
      if (r.object >= 0) {
        const Mention& o = a.mentions[r.object];
        e.object = o.name;
        e.object_kind = entity_of(o)->kind;
        e.object_country = entity_of(o)->country;
      } else if (r.object_text.empty() && e.action == "abstain" &&
                 !de.last_artefact().empty()) {
        // "Russia abstained": on the measure just named.
        e.action = "abstain on";
        e.object = de.last_artefact();
        e.object_kind = "artefact";
      } else if (!r.object_text.empty()) {
        e.object = r.object_text;
        // "the arrangement" after "the Black Sea Grain Initiative": the named one.
        static const std::set<std::string> kGeneric = {"arrangement", "accord", "agreement",
                                                       "pact", "treaty", "accords"};
        const std::string& named = de.last_named_artefact();
        if (kGeneric.count(Lower(r.object_text)) && !named.empty() &&
            std::isupper(static_cast<unsigned char>(named[0])))
          e.object = named;
        e.object_kind = "artefact";
        Mention art;
        art.name = art.text = r.object_text;
        art.kind = "artefact";
        entity_of(art);
      }
      if (r.place >= 0) {
        e.place = a.mentions[r.place].name;
        entity_of(a.mentions[r.place]);
      }
      if (r.time >= 0) {
        const TimeExpr& t = a.times[r.time];
        e.time_text = t.text;
        auto iso = ResolveTime(t, doc.date, r.modality == "future");
        e.time = iso ? *iso : t.text;
      }
      e.negated = r.negated;
      e.modality = r.modality;
      e.confidence = r.confidence;
      if (e.object_kind == "artefact" && e.object) de.SetLastArtefact(*e.object);
      if (e.object == e.actor) continue;  // "the two leaders" may pair a name with itself
      std::string key = e.actor + "|" + e.action + "|" + e.object.value_or("");
      if (!seen.insert(key).second) continue;
      x.events.push_back(std::move(e));
    }
  }
  for (auto& [name, e] : entities) x.entities.push_back(std::move(e));
  return x;
}

}  // namespace

Result<std::unique_ptr<Extractor>> Extractor::Create(const ExtractOptions& options) {
  auto rec = EntityRecognizer::Create(options.data_dir);
  if (!rec.ok()) return rec.status();
  ParserOptions po;
  po.linkage_limit = options.linkage_limit;
  po.short_length = options.short_length;
  po.max_parse_time_s = options.parse_timeout_s;
  auto parser = Parser::Create(po);
  if (!parser.ok()) return parser.status();
  auto lem = Lemmatizer::Load();
  if (!lem.ok()) return lem.status();
  return std::unique_ptr<Extractor>(new ExtractorImpl(
      options, std::move(rec.value()), std::move(parser.value()), std::move(lem.value())));
}

std::string Extractor::Version() { return std::string("detente-") + DETENTE_VERSION + "/1"; }

}  // namespace detente
