#include "extract/dates.h"

#include <catch2/catch.hpp>

using namespace detente;

namespace {
std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}
std::optional<std::string> First(const std::string& sentence, const std::string& date,
                                 bool future) {
  auto found = FindTimeExpressions(Words(sentence));
  if (found.empty()) return "none";
  return ResolveTime(found[0], date, future);
}
}  // namespace

TEST_CASE("dates: civil day arithmetic round-trips", "[extract][dates]") {
  for (long z : {-1000L, 0L, 19000L, 20000L, 20500L}) {
    int y, m, d;
    CivilFromDays(z, &y, &m, &d);
    CHECK(DaysFromCivil(y, m, d) == z);
  }
  CHECK(DaysFromCivil(1970, 1, 1) == 0);
  CHECK(DaysFromCivil(2024, 3, 1) - DaysFromCivil(2024, 2, 28) == 2);  // leap year
}

TEST_CASE("dates: weekdays resolve by tense against the story date", "[extract][dates]") {
  // 2024-06-10 was a Monday.
  CHECK(First("met him on Monday", "2024-06-10", false) == "2024-06-10");
  CHECK(First("resigned Sunday from the cabinet", "2024-06-10", false) == "2024-06-09");
  CHECK(First("will travel on Wednesday", "2024-06-10", true) == "2024-06-12");
  // A future weekday equal to the story's weekday is a week later.
  CHECK(First("will meet on Monday", "2024-06-10", true) == "2024-06-17");
  CHECK(First("on Tuesday night", "2023-02-20", true) == "2023-02-21");
}

TEST_CASE("dates: month and day take the story's year, crossing years by tense",
          "[extract][dates]") {
  CHECK(First("ratified it on Feb. 26 .", "2024-03-08", false) == "2024-02-26");
  CHECK(First("is due to take office on Jan. 1 .", "2022-10-31", true) == "2023-01-01");
  CHECK(First("signed on 26 February 2021", "2024-03-08", false) == "2021-02-26");
  CHECK(First("signed it in July 2022", "2024-03-08", false) == std::nullopt);
}

TEST_CASE("dates: phrases without a single day stay phrases", "[extract][dates]") {
  auto t = FindTimeExpressions(Words("is due to travel to Israel this week ."));
  REQUIRE(t.size() == 1);
  CHECK(t[0].text == "this week");
  CHECK(ResolveTime(t[0], "2024-06-10", true) == std::nullopt);
  auto w = FindTimeExpressions(Words("to withdraw within 60 days"));
  REQUIRE(w.size() == 1);
  CHECK(w[0].text == "within 60 days");
  CHECK(FindTimeExpressions(Words("Kenya plans to send officers")).empty());
  // "may" is a modal unless a number follows.
  CHECK(FindTimeExpressions(Words("the raid may have emboldened Israel")).empty());
  CHECK(First("yesterday", "2024-01-01", false) == "2023-12-31");
  CHECK(First("no date here", "", false) == "none");
}

TEST_CASE("dates: days that do not exist and years out of range stay unresolved",
          "[extract][dates]") {
  // No shifting into the next month.
  CHECK(First("met on 30 February 2023", "2023-03-08", false) == std::nullopt);
  CHECK(First("met on 29 February 2023", "2023-03-08", false) == std::nullopt);
  CHECK(First("met on 29 February 2024", "2024-03-08", false) == "2024-02-29");
  CHECK(First("met on 31 April 2024", "2024-05-08", false) == std::nullopt);
  CHECK(First("met on 0 January 2024", "2024-05-08", false) == std::nullopt);
  CHECK(First("met on Feb. 30 .", "2024-03-08", false) == std::nullopt);
  CHECK(First("will meet on Feb. 29 .", "2025-01-10", true) == std::nullopt);  // 2025: none
  // Story dates that do not exist resolve nothing.
  CHECK(First("met him on Monday", "2024-02-30", false) == std::nullopt);
  CHECK(First("met him on Monday", "0000-01-01", false) == std::nullopt);
  CHECK(First("met him yesterday", "2024-13-01", false) == std::nullopt);
  // Years 0001-9999 only, at both ends.
  CHECK(First("met him on Sunday", "0001-01-01", false) == std::nullopt);  // 0000-12-31
  CHECK(First("met him on Monday", "0001-01-01", false) == "0001-01-01");
  CHECK(First("met him today", "0001-01-01", false) == "0001-01-01");
  CHECK(First("will meet him tomorrow", "9999-12-31", true) == std::nullopt);
  CHECK(First("will meet on Saturday", "9999-12-30", true) == std::nullopt);
  CHECK(First("will meet on Friday", "9999-12-30", true) == "9999-12-31");
  CHECK(First("met him yesterday", "9999-12-31", false) == "9999-12-30");
  int y, m, d;
  CHECK_FALSE(ParseIsoDate("2023-02-29", &y, &m, &d));
  CHECK_FALSE(ParseIsoDate("0000-01-01", &y, &m, &d));
  CHECK_FALSE(ParseIsoDate("2024-1-015", &y, &m, &d));
  CHECK(ParseIsoDate("2024-02-29", &y, &m, &d));
  CHECK(ParseIsoDate("2024-02-29T10:00:00Z", &y, &m, &d));
}
