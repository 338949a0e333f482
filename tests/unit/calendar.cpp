// The shipped holiday calendars (policies/calendars/cn-2025.yaml, cn-2026.yaml).
#include <rulebook/calendar.hpp>

#include "support.hpp"

using namespace rulebook;

namespace {
auto d(const char* s) -> date { return *parse_date(s); }
}  // namespace

TEST_SUITE("calendar") {
  TEST_CASE("2026: National Day runs from 1 to 7 October; 10 October is a working day") {
    const auto& cal = test::shipped_policy().calendar();
    CHECK_FALSE(cal.is_holiday(d("2026-09-30")));
    CHECK(cal.is_holiday(d("2026-10-01")));
    CHECK(cal.is_holiday(d("2026-10-07")));
    CHECK_FALSE(cal.is_holiday(d("2026-10-08")));
    CHECK(cal.is_workday_adjusted(d("2026-10-10")));
    CHECK(cal.holiday_name(d("2026-10-01")) == "国庆节 National Day");
  }
  TEST_CASE("2026: the Spring Festival break is nine days, from 15 to 23 February") {
    const auto& cal = test::shipped_policy().calendar();
    CHECK_FALSE(cal.is_holiday(d("2026-02-14")));
    CHECK(cal.is_workday_adjusted(d("2026-02-14")));
    for (date day = d("2026-02-15"); day <= d("2026-02-23"); day += boost::gregorian::days(1)) {
      CHECK(cal.is_holiday(day));
    }
    CHECK_FALSE(cal.is_holiday(d("2026-02-24")));
  }
  TEST_CASE("2025: New Year's Day is one day; National Day and Mid-Autumn run together to 8 October") {
    const auto& cal = test::shipped_policy().calendar();
    CHECK(cal.is_holiday(d("2025-01-01")));
    CHECK_FALSE(cal.is_holiday(d("2025-01-02")));
    CHECK(cal.is_holiday(d("2025-10-08")));
    CHECK(cal.is_workday_adjusted(d("2025-10-11")));
  }
  TEST_CASE("both years are complete: 2025 has 28 holiday days, 2026 has 33") {
    const auto& cal = test::shipped_policy().calendar();
    int y2025 = 0, y2026 = 0;
    for (date day = d("2025-01-01"); day <= d("2026-12-31"); day += boost::gregorian::days(1)) {
      if (cal.is_holiday(day)) ++(day.year() == 2025 ? y2025 : y2026);
    }
    CHECK(y2025 == 1 + 8 + 3 + 5 + 3 + 8);
    CHECK(y2026 == 3 + 9 + 3 + 5 + 3 + 3 + 7);
  }
}
