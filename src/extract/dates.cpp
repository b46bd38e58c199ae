#include "extract/dates.h"

#include <cctype>
#include <cstdio>
#include <string_view>

#include "entities/words.h"
#include "util/calendar.h"

namespace detente {
namespace {

const char* const kWeekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                 "friday", "saturday", "sunday"};

struct MonthName {
  const char* name;
  int month;
};
const MonthName kMonths[] = {
    {"january", 1}, {"jan.", 1},     {"jan", 1},      {"february", 2}, {"feb.", 2},
    {"feb", 2},     {"march", 3},    {"mar.", 3},     {"april", 4},    {"apr.", 4},
    {"may", 5},     {"june", 6},     {"july", 7},     {"august", 8},   {"aug.", 8},
    {"september", 9}, {"sept.", 9},  {"sep.", 9},     {"october", 10}, {"oct.", 10},
    {"november", 11}, {"nov.", 11},  {"december", 12}, {"dec.", 12}};

int Weekday(const std::string& lower) {
  for (int i = 0; i < 7; ++i)
    if (lower == kWeekdays[i]) return i;
  return -1;
}

int Month(const std::string& tok) {
  std::string l = Lower(tok);
  for (const MonthName& m : kMonths)
    if (l == m.name) return m.month;
  return 0;
}

bool AllDigits(const std::string& s, size_t min_len, size_t max_len) {
  if (s.size() < min_len || s.size() > max_len) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Words that make "this/last/next <unit>" and "a <unit> earlier" phrases.
bool IsUnit(const std::string& l) {
  return l == "week" || l == "month" || l == "year" || l == "weekend" || l == "day" ||
         l == "days" || l == "weeks" || l == "months" || l == "years" || l == "hours";
}

bool IsNumberWord(const std::string& l) {
  static const char* const kNums[] = {"a", "an", "one", "two", "three", "four", "five", "six",
                                      "seven", "eight", "nine", "ten", "several", "few"};
  for (const char* n : kNums)
    if (l == n) return true;
  return AllDigits(l, 1, 4);
}

std::string Join(const std::vector<std::string>& t, int a, int b) {
  std::string out;
  for (int i = a; i <= b; ++i) {
    if (i > a && t[i] != "," && !IsPossessive(t[i])) out += ' ';
    out += t[i];
  }
  return out;
}

}  // namespace

long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

void CivilFromDays(long z, int* y, int* m, int* d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

bool ParseIsoDate(const std::string& s, int* y, int* m, int* d) {
  if (s.size() < 10) return false;
  return ParseCalendarDate(std::string_view(s).substr(0, 10), y, m, d);
}

std::vector<TimeExpr> FindTimeExpressions(const std::vector<std::string>& t) {
  std::vector<TimeExpr> out;
  const int n = static_cast<int>(t.size());
  for (int i = 0; i < n; ++i) {
    std::string l = Lower(t[i]);
    TimeExpr e;
    e.first = e.last = i;
    if (int wd = Weekday(l); wd >= 0) {
      e.kind = TimeExpr::Kind::kWeekday;
      e.weekday = wd;
      // "Monday morning", "Tuesday night"
      if (i + 1 < n) {
        std::string nx = Lower(t[i + 1]);
        if (nx == "morning" || nx == "night" || nx == "evening" || nx == "afternoon") e.last++;
      }
    } else if (int mo = Month(t[i]); mo > 0 && (l != "may" || (i + 1 < n && AllDigits(t[i + 1], 1, 4)))) {
      e.month = mo;
      e.kind = TimeExpr::Kind::kMonth;
      if (i + 1 < n && AllDigits(t[i + 1], 1, 2)) {  // Feb. 26 [, 2024]
        e.kind = TimeExpr::Kind::kMonthDay;
        e.day = std::stoi(t[i + 1]);
        e.last = i + 1;
        if (i + 3 < n && t[i + 2] == "," && AllDigits(t[i + 3], 4, 4)) {
          e.year = std::stoi(t[i + 3]);
          e.last = i + 3;
        } else if (i + 2 < n && AllDigits(t[i + 2], 4, 4)) {
          e.year = std::stoi(t[i + 2]);
          e.last = i + 2;
        }
      } else if (i > 0 && AllDigits(t[i - 1], 1, 2)) {  // 26 February
        e.kind = TimeExpr::Kind::kMonthDay;
        e.day = std::stoi(t[i - 1]);
        e.first = i - 1;
        if (i + 1 < n && AllDigits(t[i + 1], 4, 4)) {
          e.year = std::stoi(t[i + 1]);
          e.last = i + 1;
        }
      } else if (i + 1 < n && AllDigits(t[i + 1], 4, 4)) {  // July 2022
        e.kind = TimeExpr::Kind::kMonthYear;
        e.year = std::stoi(t[i + 1]);
        e.last = i + 1;
      } else if (l == "march" && (i == 0 || Lower(t[i - 1]) != "in")) {
        continue;  // the verb "march"
      }
    } else if (l == "same" && i + 1 < n && Lower(t[i + 1]) == "day") {
      e.kind = TimeExpr::Kind::kRelativeDay;  // "on the same day": the story's day
      e.last = i + 1;
    } else if (l == "today" || l == "yesterday" || l == "tomorrow" || l == "tonight") {
      e.kind = TimeExpr::Kind::kRelativeDay;
      e.day_offset = l == "yesterday" ? -1 : l == "tomorrow" ? 1 : 0;
    } else if ((l == "this" || l == "last" || l == "next" || l == "earlier" || l == "later") &&
               i + 1 < n && IsUnit(Lower(t[i + 1]))) {
      e.last = i + 1;  // this week, last month, later this year
    } else if (l == "within" && i + 2 < n && IsNumberWord(Lower(t[i + 1])) &&
               IsUnit(Lower(t[i + 2]))) {
      e.last = i + 2;
    } else if (l == "within" && i + 1 < n && IsUnit(Lower(t[i + 1]))) {
      e.last = i + 1;  // within days
    } else if (IsNumberWord(l) && l != "a" && l != "an" && i + 2 < n && IsUnit(Lower(t[i + 1])) &&
               (Lower(t[i + 2]) == "earlier" || Lower(t[i + 2]) == "later" ||
                Lower(t[i + 2]) == "ago")) {
      e.last = i + 2;
    } else if ((l == "a" || l == "an") && i + 2 < n && IsUnit(Lower(t[i + 1])) &&
               (Lower(t[i + 2]) == "earlier" || Lower(t[i + 2]) == "later" ||
                Lower(t[i + 2]) == "ago")) {
      e.last = i + 2;
    } else if (AllDigits(l, 4, 4) && i > 0 && Lower(t[i - 1]) == "in" &&
               (l[0] == '1' || l[0] == '2')) {
      e.kind = TimeExpr::Kind::kYear;
      e.year = std::stoi(l);
    } else {
      continue;
    }
    // "by the end of February": keep the whole phrase as written.
    if (e.kind == TimeExpr::Kind::kMonth && i >= 3 && Lower(t[i - 1]) == "of" &&
        Lower(t[i - 2]) == "end" && Lower(t[i - 3]) == "the") {
      e.first = i - 3;
      if (i >= 4 && Lower(t[i - 4]) == "by") e.first = i - 4;
      e.kind = TimeExpr::Kind::kOther;
    }
    e.text = Join(t, e.first, e.last);
    out.push_back(e);
    i = e.last;
  }
  return out;
}

std::optional<std::string> ResolveTime(const TimeExpr& t, const std::string& story_date,
                                       bool future) {
  // A day that exists, within years 0001-9999, or nothing: a time left
  // unresolved is better than a wrong one.
  auto fmt = [](long days) -> std::optional<std::string> {
    int yy, mm, dd;
    CivilFromDays(days, &yy, &mm, &dd);
    if (!IsCalendarDate(yy, mm, dd)) return std::nullopt;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", yy, mm, dd);
    return std::string(buf);
  };
  // The day `month`/`day` of `year`, when that day exists.
  auto day_of = [&](int year) -> std::optional<long> {
    if (!IsCalendarDate(year, t.month, t.day)) return std::nullopt;
    return DaysFromCivil(year, t.month, t.day);
  };
  if (t.kind == TimeExpr::Kind::kMonthDay && t.year > 0) {
    std::optional<long> day = day_of(t.year);
    return day ? fmt(*day) : std::nullopt;
  }
  int y, m, d;
  if (!ParseIsoDate(story_date, &y, &m, &d)) return std::nullopt;
  long base = DaysFromCivil(y, m, d);
  switch (t.kind) {
    case TimeExpr::Kind::kWeekday: {
      // 1970-01-01 was a Thursday (weekday 3).
      int base_wd = static_cast<int>(((base % 7) + 7 + 3) % 7);
      int diff = (t.weekday - base_wd + 7) % 7;
      if (future) return fmt(base + (diff == 0 ? 7 : diff));
      return fmt(base - ((base_wd - t.weekday + 7) % 7));
    }
    case TimeExpr::Kind::kMonthDay: {
      // In the story's year; a past event dated well after the story belongs
      // to the year before, a future one dated before it to the year after.
      // "29 February" in a year without one, or "31 April", stays unresolved.
      std::optional<long> cand = day_of(y);
      if (!cand) return std::nullopt;
      if (!future && *cand > base + 7) cand = day_of(y - 1);
      if (future && cand && *cand < base - 7) cand = day_of(y + 1);
      return cand ? fmt(*cand) : std::nullopt;
    }
    case TimeExpr::Kind::kRelativeDay:
      return fmt(base + t.day_offset);
    default:
      return std::nullopt;
  }
}

}  // namespace detente
