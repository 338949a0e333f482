// Dates, times and durations as policy and case files write them.
#include <rulebook/time.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <doctest/doctest.h>

using namespace rulebook;

TEST_SUITE("time") {
  TEST_CASE("durations need a unit and are never negative") {
    CHECK(parse_duration("24h")->total_seconds() == 24 * 3600);
    CHECK(parse_duration("20min")->total_seconds() == 20 * 60);
    CHECK(parse_duration("2d")->total_seconds() == 2 * 86400);
    CHECK(parse_duration("1h30min")->total_seconds() == 90 * 60);
    CHECK_FALSE(parse_duration("24"));
    CHECK_FALSE(parse_duration("-5min"));
    CHECK_FALSE(parse_duration("5 min"));
    CHECK_FALSE(parse_duration("5mins"));
    CHECK_FALSE(parse_duration(""));
  }
  TEST_CASE("impossible dates are refused, leap days are not") {
    CHECK(parse_date("2024-02-29"));
    CHECK_FALSE(parse_date("2026-02-29"));
    CHECK_FALSE(parse_date("2026-02-30"));
    CHECK_FALSE(parse_date("2026-13-01"));
    CHECK_FALSE(parse_date("2026-3-1"));
  }
  TEST_CASE("times are to the minute, seconds allowed") {
    CHECK(format_time_point(*parse_time_point("2026-03-02T08:00")) == "2026-03-02T08:00");
    CHECK(format_time_point(*parse_time_point("2026-03-02T08:00:30")) == "2026-03-02T08:00:30");
    CHECK_FALSE(parse_time_point("2026-03-02T24:00"));
    CHECK_FALSE(parse_time_point("2026-03-02T08:60"));
    CHECK_FALSE(parse_time_point("2026-03-02"));
  }
  TEST_CASE("lateness counts whole minutes, rounded down") {
    CHECK(whole_minutes(boost::posix_time::seconds(19 * 60 + 59)) == 19);
    CHECK(whole_minutes(boost::posix_time::minutes(20)) == 20);
    CHECK(whole_minutes(boost::posix_time::seconds(-30)) == -1);
  }
  TEST_CASE("durations print as people write them") {
    CHECK(format_duration(boost::posix_time::hours(24)) == "24h");
    CHECK(format_duration(boost::posix_time::hours(48)) == "48h");
    CHECK(format_duration(boost::posix_time::hours(24 * 7)) == "7d");
    CHECK(format_duration(boost::posix_time::minutes(65)) == "1h5min");
  }
  TEST_CASE("durations are at most 3650 days, however many digits they are written with") {
    CHECK(parse_duration("3650d")->total_seconds() == 3650LL * 86400);
    CHECK(parse_duration("3649d23h59min60s")->total_seconds() == 3650LL * 86400);
    CHECK_FALSE(parse_duration("3651d"));
    CHECK_FALSE(parse_duration("3650d1s"));
    CHECK_FALSE(parse_duration("100000000d100000000d"));
    CHECK_FALSE(parse_duration("99999999999999999999999999min"));
    std::int64_t seconds = 0;
    CHECK(detail::parse_duration_seconds("3651d", seconds) == detail::duration_problem::too_long);
    CHECK(detail::parse_duration_seconds("99999999999999999999x", seconds) == detail::duration_problem::malformed);
  }
  TEST_CASE("dates, times and months run from 1900 to 2200, far inside what the arithmetic holds") {
    CHECK(parse_date("1900-01-01"));
    CHECK(parse_date("2200-12-31"));
    CHECK_FALSE(parse_date("1899-12-31"));
    CHECK_FALSE(parse_date("2201-01-01"));
    CHECK_FALSE(parse_time_point("9999-12-29T00:00"));
    CHECK_FALSE(parse_month("9999-12"));
    CHECK(parse_month("2200-12"));
    // The latest time plus the longest duration, and a date plus months, stay representable.
    const auto latest = *parse_time_point("2200-12-31T23:59:59") + *parse_duration("3650d");
    CHECK_FALSE(latest.is_special());
    CHECK(format_date(*parse_date("2200-12-31") + boost::gregorian::months(1200)) == "2300-12-31");
  }
}
