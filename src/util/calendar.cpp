#include "util/calendar.h"

namespace detente {
namespace {

// The value of the decimal digits s[at, at + n), or -1 when one is not a digit.
int Digits(std::string_view s, size_t at, size_t n) {
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

bool IsCalendarDate(int y, int m, int d) {
  return y >= kMinYear && y <= kMaxYear && d >= 1 && d <= DaysInMonth(y, m);
}

bool ParseCalendarDate(std::string_view s, int* y, int* m, int* d) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  *y = Digits(s, 0, 4);
  *m = Digits(s, 5, 2);
  *d = Digits(s, 8, 2);
  return IsCalendarDate(*y, *m, *d);
}

bool IsIsoDatePrefix(std::string_view s) {
  if (s.size() == 4) {
    const int y = Digits(s, 0, 4);
    return y >= kMinYear && y <= kMaxYear;
  }
  if (s.size() == 7) {
    if (s[4] != '-') return false;
    const int y = Digits(s, 0, 4), m = Digits(s, 5, 2);
    return y >= kMinYear && y <= kMaxYear && m >= 1 && m <= 12;
  }
  int y, m, d;
  return ParseCalendarDate(s, &y, &m, &d);
}

}  // namespace detente
