// Time expressions in news sentences and their resolution against the
// story's date. Pure functions; thread-safe.
#ifndef DETENTE_EXTRACT_DATES_H_
#define DETENTE_EXTRACT_DATES_H_

#include <optional>
#include <string>
#include <vector>

namespace detente {

struct TimeExpr {
  int first = 0;  // token range [first, last] in the sentence
  int last = 0;
  std::string text;  // the phrase as written, without a leading "on"/"in"
  // What it means; resolved by ResolveTime.
  enum class Kind { kWeekday, kMonthDay, kMonthYear, kMonth, kYear, kRelativeDay, kOther };
  Kind kind = Kind::kOther;
  int weekday = -1;  // 0 = Monday
  int month = 0;     // 1-12
  int day = 0;
  int year = 0;
  int day_offset = 0;  // kRelativeDay: -1 yesterday, 0 today, +1 tomorrow
};

// Finds the time expressions among `tokens` (the words of one sentence).
std::vector<TimeExpr> FindTimeExpressions(const std::vector<std::string>& tokens);

// An ISO yyyy-mm-dd date for `t`, given the story date (ISO, may be empty)
// and whether the event lies in the future ("will meet on Tuesday" -> the
// next Tuesday after the story date; "met on Tuesday" -> the last Tuesday on
// or before it). nullopt when no single day can be named, when the day does
// not exist ("30 February 2023", "31 April"), when the story date does not
// exist, and when the answer would fall outside years 0001-9999: a time left
// unresolved rather than shifted to a wrong day.
std::optional<std::string> ResolveTime(const TimeExpr& t, const std::string& story_date,
                                       bool future);

// Days since 1970-01-01 for a civil date, and back. Exposed for tests.
long DaysFromCivil(int y, int m, int d);
void CivilFromDays(long z, int* y, int* m, int* d);
// Parses "yyyy-mm-dd" (anything after the tenth character is ignored);
// false unless it names a day that exists in years 0001-9999.
bool ParseIsoDate(const std::string& s, int* y, int* m, int* d);

}  // namespace detente

#endif  // DETENTE_EXTRACT_DATES_H_
