// Dates, times and durations as the policy and case files write them.
#pragma once

// Only the types: a file that does arithmetic with `hours()` or `months()` includes
// <boost/date_time/posix_time/posix_time_types.hpp> itself.
#include <boost/date_time/posix_time/ptime.hpp>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

// Everything declared here is the library's API: exported from librulebook.so (src/ is built hidden).
#pragma GCC visibility push(default)
namespace rulebook {

using date = boost::gregorian::date;                ///< a calendar day, as in `2026-03-02`
using time_point = boost::posix_time::ptime;        ///< local wall-clock time of the department
using duration = boost::posix_time::time_duration;  ///< a length of time, e.g. a notice period

/// The first year a date, time or month may have: far inside what the arithmetic holds (1400 to
/// 9999), so that a time plus the longest duration, or a date plus some months, never leaves it.
inline constexpr int min_year = 1900;
/// The last year a date, time or month may have (see `min_year`).
inline constexpr int max_year = 2200;
/// The longest duration a file may give, in days (ten years).
inline constexpr std::int64_t max_duration_days = 3650;

/// A calendar month, as in `2026-03`.
struct month {
  int year = 0;    ///< e.g. 2026
  int number = 0;  ///< 1..12
  friend auto operator<=>(const month&, const month&) = default;
};

/// Whole minutes in `d`, rounded toward negative infinity (lateness is counted in whole minutes).
[[nodiscard]] inline auto whole_minutes(const duration& d) -> std::int64_t {
  const std::int64_t secs = d.total_seconds();
  return secs >= 0 ? secs / 60 : -((-secs + 59) / 60);
}

namespace detail {

inline auto digits(std::string_view s, std::size_t pos, std::size_t n, int& out) -> bool {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

inline auto valid_ymd(int y, int m, int d) -> bool {
  if (y < min_year || y > max_year || m < 1 || m > 12 || d < 1) return false;
  return d <= boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y),
                                                                     static_cast<unsigned short>(m));
}

}  // namespace detail

/// Parses `2026-03-02`; nothing for a malformed or impossible date (`2026-02-30`), or one outside
/// the years `min_year` to `max_year`.
[[nodiscard]] inline auto parse_date(std::string_view s) -> std::optional<date> {
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !detail::digits(s, 0, 4, y) || !detail::digits(s, 5, 2, m) ||
      !detail::digits(s, 8, 2, d) || !detail::valid_ymd(y, m, d)) {
    return std::nullopt;
  }
  return date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
}

/// Parses `HH:MM` or `HH:MM:SS` as a time of day (00:00 to 23:59:59).
[[nodiscard]] inline auto parse_time_of_day(std::string_view s) -> std::optional<duration> {
  int h = 0, mi = 0, sec = 0;
  if ((s.size() != 5 && s.size() != 8) || s[2] != ':' || !detail::digits(s, 0, 2, h) || !detail::digits(s, 3, 2, mi) ||
      h > 23 || mi > 59) {
    return std::nullopt;
  }
  if (s.size() == 8 && (s[5] != ':' || !detail::digits(s, 6, 2, sec) || sec > 59)) return std::nullopt;
  return duration(h, mi, sec);
}

/// Parses `2026-03-02T08:00` (seconds allowed; a space may stand for `T`).
[[nodiscard]] inline auto parse_time_point(std::string_view s) -> std::optional<time_point> {
  if (s.size() < 16 || (s[10] != 'T' && s[10] != ' ')) return std::nullopt;
  auto d = parse_date(s.substr(0, 10));
  auto t = parse_time_of_day(s.substr(11));
  if (!d || !t) return std::nullopt;
  return time_point(*d, *t);
}

/// Parses `2026-03`.
[[nodiscard]] inline auto parse_month(std::string_view s) -> std::optional<month> {
  int y = 0, m = 0;
  if (s.size() != 7 || s[4] != '-' || !detail::digits(s, 0, 4, y) || !detail::digits(s, 5, 2, m) ||
      !detail::valid_ymd(y, m, 1)) {
    return std::nullopt;
  }
  return month{y, m};
}

namespace detail {

/// How a duration's text failed to parse, if it did.
enum class duration_problem : std::uint8_t { none, malformed, too_long };

/// Parses a duration with units into seconds; `too_long` past `max_duration_days`, whatever the
/// numbers (never overflows).
inline auto parse_duration_seconds(std::string_view s, std::int64_t& seconds) -> duration_problem {
  constexpr std::int64_t max_seconds = max_duration_days * 86400;
  if (s.empty()) return duration_problem::malformed;
  std::int64_t total = 0;
  bool too_long = false;
  std::size_t i = 0;
  while (i < s.size()) {
    std::int64_t n = 0;
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      if (n <= max_seconds) n = n * 10 + (s[i] - '0');  // past the limit, only the syntax matters
      ++i;
    }
    if (i == start) return duration_problem::malformed;
    std::int64_t unit = 0;
    if (s.substr(i, 3) == "min") {
      unit = 60, i += 3;
    } else if (s.substr(i, 1) == "d") {
      unit = 86400, i += 1;
    } else if (s.substr(i, 1) == "h") {
      unit = 3600, i += 1;
    } else if (s.substr(i, 1) == "s") {
      unit = 1, i += 1;
    } else {
      return duration_problem::malformed;
    }
    if (too_long || n > max_seconds / unit || total + n * unit > max_seconds) {
      too_long = true;
    } else {
      total += n * unit;
    }
  }
  if (too_long) return duration_problem::too_long;
  seconds = total;
  return duration_problem::none;
}

}  // namespace detail

/// Parses a duration with units: `24h`, `20min`, `2d`, `90s`, `1h30min`. Never negative, and at
/// most `max_duration_days` days.
[[nodiscard]] inline auto parse_duration(std::string_view s) -> std::optional<duration> {
  std::int64_t seconds = 0;
  if (detail::parse_duration_seconds(s, seconds) != detail::duration_problem::none) return std::nullopt;
  return duration(0, 0, static_cast<duration::sec_type>(seconds));
}

/// `2026-03-02`.
[[nodiscard]] inline auto format_date(const date& d) -> std::string {
  char buf[32];
  const auto ymd = d.year_month_day();
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                static_cast<int>(ymd.day));
  return buf;
}

/// `2026-03-02T08:00`, with `:SS` only when the seconds are not zero; a special value (no moment)
/// is `-infinity`, `+infinity` or `not-a-date-time`.
[[nodiscard]] inline auto format_time_point(const time_point& t) -> std::string {
  if (t.is_special()) return t.is_neg_infinity() ? "-infinity" : t.is_pos_infinity() ? "+infinity" : "not-a-date-time";
  const auto tod = t.time_of_day();
  char buf[32];
  if (tod.seconds() != 0) {
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", static_cast<int>(tod.hours()), static_cast<int>(tod.minutes()),
                  static_cast<int>(tod.seconds()));
  } else {
    std::snprintf(buf, sizeof buf, "T%02d:%02d", static_cast<int>(tod.hours()), static_cast<int>(tod.minutes()));
  }
  return format_date(t.date()) + buf;
}

/// `2026-03`.
[[nodiscard]] inline auto format_month(const month& m) -> std::string {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", m.year, m.number);
  return buf;
}

/// A duration as people write it: `24h`, `48h`, `20min`, `1h30min`, `7d` (days only from a week on).
[[nodiscard]] inline auto format_duration(const duration& d) -> std::string {
  std::int64_t s = d.total_seconds();
  if (s == 0) return "0min";
  std::string out = s < 0 ? "-" : "";
  if (s < 0) s = -s;
  const std::int64_t days = s >= 7 * 86400 ? s / 86400 : 0;
  const std::int64_t hours = (s - days * 86400) / 3600, mins = s % 3600 / 60, secs = s % 60;
  if (days) out += std::to_string(days) + "d";
  if (hours) out += std::to_string(hours) + "h";
  if (mins) out += std::to_string(mins) + "min";
  if (secs) out += std::to_string(secs) + "s";
  return out;
}

}  // namespace rulebook
#pragma GCC visibility pop
