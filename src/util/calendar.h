// Calendar dates as detente stores them: ISO 8601, proleptic Gregorian,
// years 0001-9999. Pure functions; thread-safe.
#ifndef DETENTE_UTIL_CALENDAR_H_
#define DETENTE_UTIL_CALENDAR_H_

#include <string_view>

namespace detente {

inline constexpr int kMinYear = 1;
inline constexpr int kMaxYear = 9999;

// Days in month `m` (1-12) of year `y`; 0 for a month out of range.
int DaysInMonth(int y, int m);

// True for a date that exists: year 0001-9999, month 1-12, day 1 to the
// month's last (2023-02-29 and 2024-02-30 do not exist).
bool IsCalendarDate(int y, int m, int d);

// Parses exactly "yyyy-mm-dd" into a date that exists; false otherwise.
bool ParseCalendarDate(std::string_view s, int* y, int* m, int* d);

// True for "yyyy", "yyyy-mm" or "yyyy-mm-dd" naming a year, month or day that
// exists (the forms the graph filters take).
bool IsIsoDatePrefix(std::string_view s);

}  // namespace detente

#endif  // DETENTE_UTIL_CALENDAR_H_
