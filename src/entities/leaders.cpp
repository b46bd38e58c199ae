#include "entities/leaders.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "detente/names.h"
#include "detente/text.h"

namespace detente {

namespace {

namespace fs = std::filesystem;

constexpr Role kLeaderRoles[] = {Role::kGov, Role::kMil, Role::kIgo, Role::kJud, Role::kOpp,
                                 Role::kReb, Role::kIns, Role::kSep, Role::kCrm, Role::kNgo};

constexpr std::string_view kOffices[] = {"head_of_state",
                                         "head_of_government",
                                         "foreign_minister",
                                         "defence_minister",
                                         "secretary_general",
                                         "president",
                                         "director_general",
                                         "managing_director",
                                         "high_commissioner",
                                         "high_representative",
                                         "executive_director",
                                         "prosecutor",
                                         "chair",
                                         "leader",
                                         "military_commander"};

template <size_t N>
bool IsIn(const std::string_view (&set)[N], std::string_view w) {
  return std::find(std::begin(set), std::end(set), w) != std::end(set);
}

// Parses yyyy, yyyy-mm or yyyy-mm-dd into the first and last day it may
// mean, as yyyymmdd. False for anything else.
bool ParseDate(std::string_view s, int* first, int* last) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  }
  auto num = [&](size_t at, size_t n) { return std::stoi(std::string(s.substr(at, n))); };
  int y = num(0, 4), m = s.size() >= 7 ? num(5, 2) : 0, d = s.size() == 10 ? num(8, 2) : 0;
  if (y < 1900 || y > 2100) return false;
  if (s.size() >= 7 && (m < 1 || m > 12)) return false;
  if (s.size() == 10) {
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d < 1 || d > kDays[m - 1] || (m == 2 && d == 29 && !leap)) return false;
  }
  *first = y * 10000 + (m ? m : 1) * 100 + (d ? d : 1);
  *last = y * 10000 + (m ? m : 12) * 100 + (d ? d : 31);
  return true;
}

bool Covers(const LeaderTerm& t, int lo, int hi) { return t.first_day <= hi && t.last_day >= lo; }

std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  while (true) {
    size_t e = s.find(sep, b);
    std::string_view f = s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
    while (!f.empty() && f.front() == ' ') f.remove_prefix(1);
    while (!f.empty() && (f.back() == ' ' || f.back() == '\r')) f.remove_suffix(1);
    out.emplace_back(f);
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return out;
}

Status LineError(const std::string& path, int line, const std::string& what) {
  return Status::IOError(path + ":" + std::to_string(line) + ": " + what);
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot read");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string content = ss.str();
  if (!IsValidUtf8(content)) return Status::IOError(path + ": not valid UTF-8");
  return content;
}

// Calls `row(line_no, fields)` for each line that is neither blank nor a
// '#' comment; stops at the first error it returns.
template <typename F>
Status ForEachRow(const std::string& content, F row) {
  int line_no = 0;
  size_t b = 0;
  while (b < content.size()) {
    size_t e = content.find('\n', b);
    if (e == std::string::npos) e = content.size();
    std::string_view line(content.data() + b, e - b);
    ++line_no;
    b = e + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    DETENTE_RETURN_IF_ERROR(row(line_no, SplitOn(line, '\t')));
  }
  return Status::OK();
}

}  // namespace

std::string Leaders::Fold(std::string_view name) { return FoldName(name); }

Result<Leaders> Leaders::Load(const std::string& dir) {
  try {
    std::string countries_path = (fs::path(dir) / "countries.tsv").string();
    Result<std::string> countries = ReadFile(countries_path);
    if (!countries.ok()) return countries.status();
    std::unordered_set<std::string> codes;
    DETENTE_RETURN_IF_ERROR(ForEachRow(*countries, [&](int, const std::vector<std::string>& f) {
      codes.insert(f[0]);
      return Status::OK();
    }));

    std::string path = (fs::path(dir) / "leaders.tsv").string();
    Result<std::string> content = ReadFile(path);
    if (!content.ok()) return content.status();
    Leaders l;
    std::unordered_map<std::string, int> by_name;
    std::unordered_set<std::string> rows_seen;
    DETENTE_RETURN_IF_ERROR(ForEachRow(*content, [&](int line, const std::vector<std::string>& f) {
      auto error = [&](const std::string& what) { return LineError(path, line, what); };
      if (f.size() != 8) {
        return error("expected 8 tab-separated columns, found " + std::to_string(f.size()));
      }
      LeaderTerm t{f[2], ParseRole(f[3]).value_or(Role::kNone), f[4], f[5], f[6], f[7], 0, 0};
      if (Fold(f[0]).empty()) return error("empty name");
      if (!t.country.empty() && !codes.count(t.country)) {
        return error("unknown country code '" + t.country + "'");
      }
      if (t.country.empty() && t.organization.empty()) {
        return error("a term needs a country or an organization");
      }
      if (std::find(std::begin(kLeaderRoles), std::end(kLeaderRoles), t.role) ==
          std::end(kLeaderRoles)) {
        return error("unknown role '" + f[3] + "'");
      }
      if (!IsIn(kOffices, t.office)) return error("unknown office '" + t.office + "'");
      int ignored = 0;
      if (!ParseDate(t.from, &t.first_day, &ignored)) {
        return error("bad from date '" + t.from + "'");
      }
      t.last_day = 99991231;
      if (!t.to.empty() && !ParseDate(t.to, &ignored, &t.last_day)) {
        return error("bad to date '" + t.to + "'");
      }
      if (t.first_day > t.last_day) return error("from " + t.from + " is after to " + t.to);
      std::string row_key =
          f[0] + '\t' + t.country + '\t' + t.office + '\t' + t.organization + '\t' + t.from;
      if (!rows_seen.insert(row_key).second) return error("duplicate term for " + f[0]);

      // "Andris Bērziņš (born 1951)": a namesake told apart by a qualifier.
      std::string name = f[0], qualifier;
      if (size_t open = name.rfind(" ("); open != std::string::npos && name.back() == ')') {
        qualifier = name.substr(open + 2, name.size() - open - 3);
        name.resize(open);
      }
      auto [it, added] = by_name.emplace(f[0], static_cast<int>(l.leaders_.size()));
      if (added) l.leaders_.push_back({name, qualifier, {}, {}});
      Leader& p = l.leaders_[it->second];
      if (!f[1].empty()) {
        // A person's later rows usually repeat the aliases: check new ones only.
        for (std::string& a : SplitOn(f[1], '|')) {
          if (a == p.name || std::find(p.aliases.begin(), p.aliases.end(), a) != p.aliases.end()) {
            continue;
          }
          if (Fold(a).empty()) return error("empty alias");
          p.aliases.push_back(std::move(a));
        }
      }
      p.terms.push_back(std::move(t));
      return Status::OK();
    }));

    for (int i = 0; i < static_cast<int>(l.leaders_.size()); ++i) {
      const Leader& p = l.leaders_[i];
      auto add = [&](std::string_view n) {
        std::vector<int>& ids = l.keys_[Fold(n)];
        if (ids.empty() || ids.back() != i) ids.push_back(i);
      };
      add(p.name);
      for (const std::string& a : p.aliases) add(a);
    }
    return l;
  } catch (const std::exception& e) {
    return Status::Internal(std::string("loading leaders: ") + e.what());
  }
}

const LeaderTerm* Leaders::TermFor(const Leader& leader, int lo, int hi) {
  const LeaderTerm* best = nullptr;
  if (lo == 0) {
    for (const LeaderTerm& t : leader.terms) {
      if (!best || t.first_day > best->first_day) best = &t;
    }
    return best;
  }
  for (const LeaderTerm& t : leader.terms) {
    if (Covers(t, lo, hi) && (!best || t.first_day > best->first_day)) best = &t;
  }
  if (best) return best;
  // A former leader: the last office held before the date.
  for (const LeaderTerm& t : leader.terms) {
    if (t.last_day < lo && (!best || t.last_day > best->last_day)) best = &t;
  }
  if (best) return best;
  // A leader to be: the first office after it.
  for (const LeaderTerm& t : leader.terms) {
    if (!best || t.first_day < best->first_day) best = &t;
  }
  return best;
}

std::string Leader::Nationality() const {
  std::string country;
  for (const LeaderTerm& t : terms) {
    if (t.country.empty()) continue;
    if (!country.empty() && country != t.country) return {};
    country = t.country;
  }
  return country;
}

LeaderMatch Leaders::Find(std::string_view name, std::string_view date) const {
  auto it = keys_.find(Fold(name));
  if (it == keys_.end()) return {};
  int lo = 0, hi = 0;
  if (date.size() > 10 && (date[10] == 'T' || date[10] == ' ')) date = date.substr(0, 10);
  if (!ParseDate(date, &lo, &hi)) lo = hi = 0;
  const std::vector<int>& ids = it->second;
  int pick = ids.size() == 1 ? ids[0] : -1;
  if (pick < 0 && lo != 0) {
    // A shared name: the date must single out one holder.
    for (int id : ids) {
      const std::vector<LeaderTerm>& terms = leaders_[id].terms;
      if (std::any_of(terms.begin(), terms.end(),
                      [&](const LeaderTerm& t) { return Covers(t, lo, hi); })) {
        if (pick >= 0) return {};
        pick = id;
      }
    }
  }
  if (pick < 0) return {};
  const Leader& p = leaders_[pick];
  const LeaderTerm* term = TermFor(p, lo, hi);
  return {&p, term, lo == 0 || Covers(*term, lo, hi)};
}

}  // namespace detente
