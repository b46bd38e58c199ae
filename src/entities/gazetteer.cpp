#include "entities/gazetteer.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "detente/text.h"
#include "entities/words.h"

namespace detente {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kOrgKinds[] = {"organization", "armed_group", "institution", "party",
                                          "company"};

constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";

// Words ignored in verb phrases: "pay a visit to" is "pay visit to".
constexpr std::string_view kDeterminers[] = {"a", "an", "the", "his", "her", "its", "their",
                                             "our", "my", "your"};
constexpr std::string_view kPrepositions[] = {
    "to",   "with",   "on",    "from",  "in",    "into", "at",      "for",  "against",
    "around", "over", "of",    "about", "by",    "as",   "towards", "toward", "across",
    "through", "between", "among", "after", "before", "under", "upon", "onto", "off", "out"};
constexpr std::string_view kLightVerbs[] = {"make", "hold", "pay", "give", "have", "take",
                                            "stage", "conduct", "carry", "launch", "issue",
                                            "lead", "deliver", "host", "seal", "strike", "reach",
                                            "do", "get", "put", "set", "offer"};
constexpr std::string_view kAspectVerbs[] = {"begin", "start", "continue", "try", "attempt",
                                             "move", "decide", "appear", "seem", "resume"};

template <size_t N>
bool IsIn(const std::string_view (&set)[N], std::string_view w) {
  return std::find(std::begin(set), std::end(set), w) != std::end(set);
}

// The lower-cased tokens of a verb phrase without determiners.
std::vector<std::string> CameoWords(std::string_view phrase) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(phrase)) {
    std::string w = Lower(t.text);
    if (!IsIn(kDeterminers, w)) out.push_back(std::move(w));
  }
  return out;
}

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

std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  while (true) {
    size_t e = s.find(sep, b);
    out.emplace_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return out;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

bool IsAlpha3(std::string_view s) {
  return s.size() == 3 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// One data file, read as rows of trimmed tab-separated fields; '#' lines
// and blank lines are skipped.
struct Row {
  int line = 0;
  std::vector<std::string> fields;
};

Result<std::vector<Row>> ReadTsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot read");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string content = ss.str();
  if (!IsValidUtf8(content)) return Status::IOError(path + ": not valid UTF-8");
  std::vector<Row> rows;
  int line_no = 0;
  std::istringstream lines(content);
  std::string line;
  while (std::getline(lines, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    Row row;
    row.line = line_no;
    for (const std::string& f : SplitOn(line, '\t')) row.fields.push_back(Trim(f));
    rows.push_back(std::move(row));
  }
  return rows;
}

Status LineError(const std::string& path, int line, const std::string& what) {
  return Status::IOError(path + ":" + std::to_string(line) + ": " + what);
}

// Checks the column count and that column 0 is not empty.
Status CheckRow(const std::string& path, const Row& row, size_t min_cols, size_t max_cols) {
  if (row.fields.size() < min_cols || row.fields.size() > max_cols) {
    std::string want = min_cols == max_cols ? std::to_string(min_cols)
                                            : std::to_string(min_cols) + "-" +
                                                  std::to_string(max_cols);
    return LineError(path, row.line, "expected " + want + " tab-separated columns, found " +
                                         std::to_string(row.fields.size()));
  }
  if (row.fields[0].empty()) return LineError(path, row.line, "empty first column");
  return Status::OK();
}

std::vector<std::string> Aliases(const Row& row, size_t col) {
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

    auto check_country = [&](const std::string& p, const Row& row,
                             const std::string& code) -> Status {
      if (code.empty()) return Status::OK();
      if (!IsAlpha3(code)) return LineError(p, row.line, "bad ISO alpha-3 code '" + code + "'");
      if (!country_index.count(code)) {
        return LineError(p, row.line, "unknown country code '" + code + "'");
      }
      return Status::OK();
    };

    // countries.tsv: alpha3, name, aliases.
    std::string p = path("countries.tsv");
    Result<std::vector<Row>> rows = ReadTsv(p);
    if (!rows.ok()) return rows.status();
    for (const Row& row : *rows) {
      DETENTE_RETURN_IF_ERROR(CheckRow(p, row, 2, 3));
      const std::string& code = row.fields[0];
      if (!IsAlpha3(code)) return LineError(p, row.line, "bad ISO alpha-3 code '" + code + "'");
      if (row.fields[1].empty()) return LineError(p, row.line, "empty name");
      if (country_index.count(code)) return LineError(p, row.line, "duplicate code " + code);
      country_index[code] = static_cast<int>(g.entries_.size());
      g.entries_.push_back({row.fields[1], "country", code, false});
    }
    // Names first, then aliases, so that a country's own name always wins.
    for (const Row& row : *rows) g.Add(&g.names_, row.fields[1], country_index[row.fields[0]]);
    for (const Row& row : *rows) {
      for (const std::string& a : Aliases(row, 2)) {
        g.Add(&g.names_, a, country_index[row.fields[0]]);
      }
    }

    // organizations.tsv: name, kind, country, aliases.
    p = path("organizations.tsv");
    rows = ReadTsv(p);
    if (!rows.ok()) return rows.status();
    for (const Row& row : *rows) {
      DETENTE_RETURN_IF_ERROR(CheckRow(p, row, 3, 4));
      const std::string& kind = row.fields[1];
      if (std::find(std::begin(kOrgKinds), std::end(kOrgKinds), kind) == std::end(kOrgKinds)) {
        return LineError(p, row.line, "unknown kind '" + kind + "'");
      }
      DETENTE_RETURN_IF_ERROR(check_country(p, row, row.fields[2]));
      int idx = static_cast<int>(g.entries_.size());
      g.entries_.push_back({row.fields[0], kind, row.fields[2], false});
      g.Add(&g.names_, row.fields[0], idx);
      for (const std::string& a : Aliases(row, 3)) g.Add(&g.names_, a, idx);
    }

    // cities.tsv: city, alpha3, capital (1/0), aliases, latitude, longitude
    // (the coordinates are read by detente::Geography, not here).
    p = path("cities.tsv");
    rows = ReadTsv(p);
    if (!rows.ok()) return rows.status();
    for (const Row& row : *rows) {
      DETENTE_RETURN_IF_ERROR(CheckRow(p, row, 3, 6));
      if (row.fields[1].empty()) return LineError(p, row.line, "empty country code");
      DETENTE_RETURN_IF_ERROR(check_country(p, row, row.fields[1]));
      if (row.fields[2] != "0" && row.fields[2] != "1") {
        return LineError(p, row.line, "capital must be 0 or 1");
      }
      int idx = static_cast<int>(g.entries_.size());
      g.entries_.push_back({row.fields[0], "city", row.fields[1], row.fields[2] == "1"});
      g.Add(&g.names_, row.fields[0], idx);
      for (const std::string& a : Aliases(row, 3)) g.Add(&g.names_, a, idx);
    }

    // regions.tsv: region, alpha3 or empty, aliases.
    p = path("regions.tsv");
    rows = ReadTsv(p);
    if (!rows.ok()) return rows.status();
    for (const Row& row : *rows) {
      DETENTE_RETURN_IF_ERROR(CheckRow(p, row, 1, 3));
      std::string code = row.fields.size() > 1 ? row.fields[1] : "";
      DETENTE_RETURN_IF_ERROR(check_country(p, row, code));
      int idx = static_cast<int>(g.entries_.size());
      g.entries_.push_back({row.fields[0], "region", code, false});
      g.Add(&g.names_, row.fields[0], idx);
      for (const std::string& a : Aliases(row, 2)) g.Add(&g.names_, a, idx);
    }

    // demonyms.tsv: demonym, alpha3.
    p = path("demonyms.tsv");
    rows = ReadTsv(p);
    if (!rows.ok()) return rows.status();
    for (const Row& row : *rows) {
      DETENTE_RETURN_IF_ERROR(CheckRow(p, row, 2, 2));
      if (row.fields[1].empty()) return LineError(p, row.line, "empty country code");
      DETENTE_RETURN_IF_ERROR(check_country(p, row, row.fields[1]));
      g.Add(&g.demonyms_, row.fields[0], country_index[row.fields[1]]);
    }

    // titles.tsv: title, role (optional).
    p = path("titles.tsv");
    rows = ReadTsv(p);
    if (!rows.ok()) return rows.status();
    for (const Row& row : *rows) {
      DETENTE_RETURN_IF_ERROR(CheckRow(p, row, 1, 2));
      g.Add(&g.titles_, row.fields[0], static_cast<int>(g.title_roles_.size()));
      g.title_roles_.push_back(row.fields.size() > 1 ? row.fields[1] : "");
    }

    // cameo.tsv: lemma, code (01-20, optionally with sub-code digits), name.
    p = path("cameo.tsv");
    rows = ReadTsv(p);
    if (!rows.ok()) return rows.status();
    for (const Row& row : *rows) {
      DETENTE_RETURN_IF_ERROR(CheckRow(p, row, 3, 3));
      const std::string& code = row.fields[1];
      bool digits = code.size() >= 2 && std::all_of(code.begin(), code.end(),
                                                     [](char c) { return c >= '0' && c <= '9'; });
      int root = digits ? std::stoi(code.substr(0, 2)) : 0;
      if (root < 1 || root > 20) return LineError(p, row.line, "bad CAMEO code '" + code + "'");
      if (row.fields[2].empty()) return LineError(p, row.line, "empty CAMEO class name");
      std::string key;
      for (const std::string& w : CameoWords(row.fields[0])) key += (key.empty() ? "" : " ") + w;
      if (key.empty()) return LineError(p, row.line, "empty lemma");
      g.cameo_.exact.emplace(key, static_cast<int>(g.cameo_classes_.size()));
      g.max_tokens_ = std::max(g.max_tokens_, static_cast<int>(Tokenize(row.fields[0]).size()));
      g.cameo_classes_.push_back(code.substr(0, 2) + " " + row.fields[2]);
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

std::string Gazetteer::CameoClass(std::string_view lemma) const {
  std::vector<std::string> words = CameoWords(lemma);
  auto find = [&](size_t from, size_t to) -> int {
    if (from >= to) return -1;
    std::string key;
    for (size_t k = from; k < to; ++k) {
      if (!key.empty()) key.push_back(' ');
      key += words[k];
    }
    auto it = cameo_.exact.find(key);
    return it == cameo_.exact.end() ? -1 : it->second;
  };
  size_t from = 0, to = words.size();
  // "begin to breach" is classed as "breach".
  while (to - from > 2 && words[from + 1] == "to" && IsIn(kAspectVerbs, words[from])) from += 2;
  int i = find(from, to);
  // "break relations with" -> "break relations".
  if (i < 0 && to - from > 1 && IsIn(kPrepositions, words[to - 1])) i = find(from, --to);
  // "hold summit" -> "summit", "make visit" -> "visit".
  if (i < 0 && to - from > 1 && IsIn(kLightVerbs, words[from])) i = find(from + 1, to);
  // "scale back operations" -> "scale back", but never a bare light verb:
  // "strike agreement" is not "strike".
  while (i < 0 && to - from > 1) {
    if (--to - from == 1 && IsIn(kLightVerbs, words[from])) break;
    i = find(from, to);
  }
  return i < 0 ? std::string() : cameo_classes_[i];
}

}  // namespace detente
