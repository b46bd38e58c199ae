#include "entities/gazetteer.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "detente/text.h"
#include "entities/tsv.h"
#include "entities/words.h"

namespace detente {

namespace {

namespace fs = std::filesystem;

// The kinds organizations.tsv may give.
constexpr EntityKind kOrgKinds[] = {EntityKind::kOrganization, EntityKind::kArmedGroup,
                                    EntityKind::kInstitution, EntityKind::kParty,
                                    EntityKind::kCompany};

constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";

// The lookup key of a phrase: its tokens joined by single spaces.
std::string TokenKey(std::string_view phrase, int* n_tokens = nullptr) {
  std::vector<Token> toks = Tokenize(phrase);
  if (n_tokens) *n_tokens = static_cast<int>(toks.size());
  std::string key;
  for (const Token& t : toks) {
    if (!key.empty()) key.push_back(' ');
    key += t.text;
  }
  // The curly apostrophe (U+2019) counts as a straight one: "Côte d’Ivoire".
  for (size_t p = key.find(kCurlyApostrophe); p != std::string::npos;
       p = key.find(kCurlyApostrophe, p)) {
    key.replace(p, kCurlyApostrophe.size(), "'");
  }
  return key;
}

// A phrase is already in key form when it is made of ASCII letters, digits,
// single inner spaces and non-ASCII bytes only (the common case; saves a
// Tokenize call per lookup).
bool IsSimpleKey(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return false;
  if (s.find(kCurlyApostrophe) != std::string_view::npos) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool ok = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || (c == ' ' && s[i - 1] != ' ');
    if (!ok) return false;
  }
  return true;
}

bool HasUpper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}
bool HasLower(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool IsAlpha3(std::string_view s) {
  return s.size() == 3 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::vector<std::string> Aliases(const TsvRow& row, size_t col) {
  std::vector<std::string> out;
  if (row.fields.size() <= col || row.fields[col].empty()) return out;
  for (const std::string& a : SplitOn(row.fields[col], '|')) {
    std::string t = Trim(a);
    if (!t.empty()) out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

void Gazetteer::Add(Index* index, std::string_view phrase, int value) {
  int n = 0;
  std::string key = TokenKey(phrase, &n);
  if (key.empty()) return;
  max_tokens_ = std::max(max_tokens_, n);
  index->exact.emplace(key, value);
  // Acronyms in capitals ("US", "WHO") are matched only as written.
  if (HasLower(key)) index->folded.emplace(Lower(key), value);
}

int Gazetteer::Lookup(const Index& index, std::string_view phrase, bool fold_always) const {
  std::string key = IsSimpleKey(phrase) ? std::string(phrase) : TokenKey(phrase);
  if (key.empty()) return -1;
  auto it = index.exact.find(key);
  if (it != index.exact.end()) return it->second;
  if (key.size() < 2 || (!fold_always && !HasUpper(key))) return -1;
  it = index.folded.find(Lower(key));
  return it == index.folded.end() ? -1 : it->second;
}

Result<Gazetteer> Gazetteer::Load(const std::string& dir) {
  try {
    Gazetteer g;
    auto path = [&](const char* file) { return (fs::path(dir) / file).string(); };
    std::unordered_map<std::string, int> country_index;  // alpha3 -> entries_

    auto check_country = [&](const std::string& p, const TsvRow& row,
                             const std::string& code) -> Status {
      if (code.empty()) return Status::OK();
      if (!IsAlpha3(code)) return TsvLineError(p, row.line, "bad ISO alpha-3 code '" + code + "'");
      if (!country_index.count(code)) {
        return TsvLineError(p, row.line, "unknown country code '" + code + "'");
      }
      return Status::OK();
    };

    // countries.tsv: alpha3, name, aliases.
    std::string p = path("countries.tsv");
    Result<std::vector<TsvRow>> rows = ReadTsv(p);
    if (!rows.ok()) return rows.status();
    for (const TsvRow& row : *rows) {
      DETENTE_RETURN_IF_ERROR(CheckTsvRow(p, row, 2, 3));
      const std::string& code = row.fields[0];
      if (!IsAlpha3(code)) return TsvLineError(p, row.line, "bad ISO alpha-3 code '" + code + "'");
      if (row.fields[1].empty()) return TsvLineError(p, row.line, "empty name");
      if (country_index.count(code)) return TsvLineError(p, row.line, "duplicate code " + code);
      country_index[code] = static_cast<int>(g.entries_.size());
      g.entries_.push_back({row.fields[1], EntityKind::kCountry, code, false, ""});
    }
    // Names first, then aliases, so that a country's own name always wins.
    for (const TsvRow& row : *rows) g.Add(&g.names_, row.fields[1], country_index[row.fields[0]]);
    for (const TsvRow& row : *rows) {
      for (const std::string& a : Aliases(row, 2)) {
        g.Add(&g.names_, a, country_index[row.fields[0]]);
      }
    }

    // organizations.tsv: name, kind, country, aliases.
    p = path("organizations.tsv");
    rows = ReadTsv(p);
    if (!rows.ok()) return rows.status();
    for (const TsvRow& row : *rows) {
      DETENTE_RETURN_IF_ERROR(CheckTsvRow(p, row, 3, 4));
      const std::optional<EntityKind> kind = ParseEntityKind(row.fields[1]);
      if (!kind ||
          std::find(std::begin(kOrgKinds), std::end(kOrgKinds), *kind) == std::end(kOrgKinds)) {
        return TsvLineError(p, row.line, "unknown kind '" + row.fields[1] + "'");
      }
      DETENTE_RETURN_IF_ERROR(check_country(p, row, row.fields[2]));
      int idx = static_cast<int>(g.entries_.size());
      g.entries_.push_back({row.fields[0], *kind, row.fields[2], false, ""});
      g.Add(&g.names_, row.fields[0], idx);
      for (const std::string& a : Aliases(row, 3)) g.Add(&g.names_, a, idx);
    }

    // cities.tsv: city, alpha3, capital (1/0), aliases, latitude, longitude
    // (the coordinates are read by detente::Geography, not here), and the
    // body the city stands for, if any.
    p = path("cities.tsv");
    rows = ReadTsv(p);
    if (!rows.ok()) return rows.status();
    for (const TsvRow& row : *rows) {
      DETENTE_RETURN_IF_ERROR(CheckTsvRow(p, row, 3, 7));
      if (row.fields[1].empty()) return TsvLineError(p, row.line, "empty country code");
      DETENTE_RETURN_IF_ERROR(check_country(p, row, row.fields[1]));
      if (row.fields[2] != "0" && row.fields[2] != "1") {
        return TsvLineError(p, row.line, "capital must be 0 or 1");
      }
      int idx = static_cast<int>(g.entries_.size());
      g.entries_.push_back({row.fields[0], EntityKind::kCity, row.fields[1], row.fields[2] == "1",
                            row.fields.size() > 6 ? row.fields[6] : ""});
      g.Add(&g.names_, row.fields[0], idx);
      for (const std::string& a : Aliases(row, 3)) g.Add(&g.names_, a, idx);
    }

    // regions.tsv: region, alpha3 or empty, aliases.
    p = path("regions.tsv");
    rows = ReadTsv(p);
    if (!rows.ok()) return rows.status();
    for (const TsvRow& row : *rows) {
      DETENTE_RETURN_IF_ERROR(CheckTsvRow(p, row, 1, 3));
      std::string code = row.fields.size() > 1 ? row.fields[1] : "";
      DETENTE_RETURN_IF_ERROR(check_country(p, row, code));
      int idx = static_cast<int>(g.entries_.size());
      g.entries_.push_back({row.fields[0], EntityKind::kRegion, code, false, ""});
      g.Add(&g.names_, row.fields[0], idx);
      for (const std::string& a : Aliases(row, 2)) g.Add(&g.names_, a, idx);
    }

    // demonyms.tsv: demonym, alpha3.
    p = path("demonyms.tsv");
    rows = ReadTsv(p);
    if (!rows.ok()) return rows.status();
    for (const TsvRow& row : *rows) {
      DETENTE_RETURN_IF_ERROR(CheckTsvRow(p, row, 2, 2));
      if (row.fields[1].empty()) return TsvLineError(p, row.line, "empty country code");
      DETENTE_RETURN_IF_ERROR(check_country(p, row, row.fields[1]));
      g.Add(&g.demonyms_, row.fields[0], country_index[row.fields[1]]);
    }

    // titles.tsv: title, role (optional).
    p = path("titles.tsv");
    rows = ReadTsv(p);
    if (!rows.ok()) return rows.status();
    for (const TsvRow& row : *rows) {
      DETENTE_RETURN_IF_ERROR(CheckTsvRow(p, row, 1, 2));
      g.Add(&g.titles_, row.fields[0], static_cast<int>(g.title_roles_.size()));
      g.title_roles_.push_back(row.fields.size() > 1 ? row.fields[1] : "");
    }

    return g;
  } catch (const std::exception& e) {
    return Status::Internal(std::string("loading gazetteer: ") + e.what());
  }
}

Result<std::string> Gazetteer::FindDataDir(const std::string& override_dir) {
  std::error_code ec;
  auto has_countries = [&](const std::string& d) {
    return fs::is_regular_file(fs::path(d) / "countries.tsv", ec);
  };
  std::string dir;
  if (!override_dir.empty()) {
    dir = override_dir;
  } else if (const char* env = std::getenv("DETENTE_DATA"); env && *env) {
    dir = env;
  } else if (has_countries(std::string(DETENTE_SOURCE_DIR) + "/data")) {
    dir = std::string(DETENTE_SOURCE_DIR) + "/data";
  } else {
    dir = std::string(DETENTE_DATA_INSTALL_DIR) + "/data";
  }
  if (!has_countries(dir)) {
    return Status::IOError("no gazetteer data in " + dir + " (countries.tsv missing)");
  }
  return dir;
}

const GazEntry* Gazetteer::Find(std::string_view phrase) const {
  int i = Lookup(names_, phrase, false);
  return i < 0 ? nullptr : &entries_[i];
}

const GazEntry* Gazetteer::Demonym(std::string_view word) const {
  int i = Lookup(demonyms_, word, false);
  return i < 0 ? nullptr : &entries_[i];
}

bool Gazetteer::IsTitle(std::string_view phrase) const {
  return Lookup(titles_, phrase, true) >= 0;
}

std::string Gazetteer::TitleRole(std::string_view phrase) const {
  int i = Lookup(titles_, phrase, true);
  return i < 0 ? std::string() : title_roles_[i];
}

}  // namespace detente
