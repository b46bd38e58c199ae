#include "entities/lexicon.h"

#include "detente/types.h"
#include "entities/tsv.h"

namespace detente {
namespace {

constexpr std::string_view kNames[] = {
    "determiner",   "possessive",      "pronoun",        "preposition",
    "conjunction",  "subordinator",    "relative",       "auxiliary",
    "modal",        "negation",        "verb_adverb",    "particle",
    "pre_name",     "time_noun",       "speech_verb",    "opinion_verb",
    "stative_verb", "phrasal_verb",    "future_matrix",  "meaning_matrix",
    "aspect_verb",  "directive_verb",  "motion_verb",    "intransitive_event",
    "light_verb",   "meeting_noun",    "artefact_noun",  "non_object_noun",
    "reaction_noun", "event_noun",     "agent_noun",     "institution_noun", "number",
    "reciprocal_verb", "compound_participle", "reaction_verb", "partitive_noun",
    "object_preposition", "purpose_word", "temporal_preposition", "anaphoric_noun",
    "measure_noun", "standing_verb", "attribution_verb", "example_word",
    "convene_noun", "negating_matrix", "government_noun", "quantity_word", "owned_noun", "implicative_verb",
    "domestic_verb", "transfer_verb", "claim_verb", "place_kind_noun",
    "owner_participle", "companion_phrase"};
static_assert(std::size(kNames) == static_cast<size_t>(WordList::kCount));

int ListIndex(std::string_view name) {
  for (size_t i = 0; i < std::size(kNames); ++i)
    if (kNames[i] == name) return static_cast<int>(i);
  return -1;
}

}  // namespace

std::string_view WordListName(WordList list) { return kNames[static_cast<size_t>(list)]; }

const std::string& Lexicon::Value(WordList list, std::string_view word) const {
  static const std::string kEmpty;
  const auto& m = lists_[static_cast<size_t>(list)];
  auto it = m.find(std::string(word));
  return it == m.end() ? kEmpty : it->second;
}

Result<Lexicon> Lexicon::Load(const std::string& dir) {
  const std::string path = dir + "/lexicon.tsv";
  Result<std::vector<TsvRow>> rows = ReadTsv(path);
  if (!rows.ok()) return rows.status();
  Lexicon lex;
  for (const TsvRow& row : *rows) {
    DETENTE_RETURN_IF_ERROR(CheckTsvRow(path, row, 2, 3));
    int list = ListIndex(row.fields[0]);
    if (list < 0) return TsvLineError(path, row.line, "unknown list '" + row.fields[0] + "'");
    if (row.fields[1].empty()) return TsvLineError(path, row.line, "empty word");
    std::string value = row.fields.size() > 2 ? row.fields[2] : "";
    if (list == static_cast<int>(WordList::kAgentNoun) && !ParseRole(value)) {
      return TsvLineError(path, row.line, "unknown role '" + value + "'");
    }
    if (list == static_cast<int>(WordList::kPlaceKindNoun) && value != "city" && value != "region")
      return TsvLineError(path, row.line, "a place kind is city or region, not '" + value + "'");
    if (!lex.lists_[list].emplace(row.fields[1], std::move(value)).second) {
      return TsvLineError(path, row.line,
                          "'" + row.fields[1] + "' is listed twice in " + row.fields[0]);
    }
  }
  return lex;
}

Result<Lexicon> Lexicon::FromRows(const std::vector<std::array<std::string, 3>>& rows) {
  Lexicon lex;
  for (const auto& r : rows) {
    int list = ListIndex(r[0]);
    if (list < 0) return Status::InvalidArgument("unknown list '" + r[0] + "'");
    lex.lists_[list].emplace(r[1], r[2]);
  }
  return lex;
}

}  // namespace detente
