// What the duty kinds share (section 7 of the rulebook: meetings, reports, training): the periods a
// recurring duty falls in, the parameters that name them, and the words for them.
#pragma once

#include "common.hpp"

#include <array>
#include <map>

namespace rulebook::detail {

/// How often a duty recurs: every calendar day, every working day of the calendar, every calendar
/// week (Monday to Sunday), every calendar month.
enum class recurrence : std::uint8_t { day, working_day, week, month };

/// Reads `every:` (required).
inline auto recurrence_param(field_reader& params) -> std::optional<recurrence> {
  if (params.node().find("every") == nullptr) {
    auto& rd = params.reader();
    if (params.ok())
      rd.error(params.node(), rd.pick("missing key `every` in " + params.what(), params.what() + "缺少键`every`"));
    return std::nullopt;
  }
  const auto t = choice_param(params, "every", {"day", "working_day", "week", "month"});
  if (!t) return std::nullopt;
  if (*t == "day") return recurrence::day;
  if (*t == "working_day") return recurrence::working_day;
  if (*t == "week") return recurrence::week;
  return recurrence::month;
}

inline constexpr std::array<const char*, 7> weekday_names = {"sunday",   "monday", "tuesday", "wednesday",
                                                             "thursday", "friday", "saturday"};

/// Reads a day of the week (`friday`), 0 for Sunday as Boost counts; nothing when absent.
inline auto weekday_param(field_reader& params, std::string_view key, bool& ok) -> std::optional<int> {
  const auto* n = params.optional(key);
  if (n == nullptr) return std::nullopt;
  const std::vector<std::string> names(weekday_names.begin(), weekday_names.end());
  auto& rd = params.reader();
  auto t = rd.text(*n, params.what_of(key));
  if (t) {
    const auto it = std::find(names.begin(), names.end(), *t);
    if (it != names.end()) return static_cast<int>(it - names.begin());
    const auto hint = did_you_mean(*t, names, rd.language());
    rd.error(*n, rd.pick("`" + std::string(key) + "` of " + params.what() + " is a day of the week, `monday` to " +
                             "`sunday`, not `" + *t + "`" + hint,
                         params.what_of(key) + "须是星期几，`monday`到`sunday`之一，不能是`" + *t + "`" + hint));
  }
  ok = false;
  return std::nullopt;
}

/// Reads a name the policy's vocabulary list `known` must hold (any name when the list is empty).
inline auto name_param(field_reader& params, std::string_view key, const std::vector<std::string>& known, noun what,
                       bool& ok) -> std::string {
  const auto* n = params.required(key);
  if (n == nullptr) {
    ok = false;
    return {};
  }
  auto t = params.reader().text(*n, params.what_of(key));
  if (!t || !known_name(params, *n, *t, known, what)) {
    ok = false;
    return {};
  }
  return *t;
}

/// Reads a list of the policy's roles (absent: none).
inline auto roles_param(field_reader& params, std::string_view key, const rule_header& h, bool& ok)
    -> std::vector<std::string> {
  const auto* n = params.optional(key);
  if (n == nullptr) return {};
  auto roles = params.reader().text_list(*n, params.what_of(key));
  const auto& known = h.vocabulary ? h.vocabulary->roles : std::vector<std::string>{};
  for (std::size_t i = 0; i < roles.size(); ++i) {
    const auto& at = n->kind == source_node::type::sequence && roles.size() == n->items.size() ? n->items[i] : *n;
    ok = known_name(params, at, roles[i], known, {"role", "角色"}) && ok;
  }
  return roles;
}

/// What the department calls a meeting, report or training, in both languages: `title: {en: team
/// meeting, zh: 班务会}`. Without one, the type's name in words (`quality_analysis` → "quality
/// analysis report").
struct duty_title {
  std::string en, zh;
  [[nodiscard]] auto in(lang l) const -> const std::string& { return l == lang::zh ? zh : en; }
};

inline auto title_param(field_reader& params, const std::string& type, std::string_view noun, bool& ok) -> duty_title {
  std::string words = type;
  std::replace(words.begin(), words.end(), '_', ' ');
  if (words.size() < noun.size() || words.compare(words.size() - noun.size(), noun.size(), noun) != 0) {
    words += " " + std::string(noun);
  }
  duty_title t{words, words};
  const auto* n = params.optional("title");
  if (n == nullptr) return t;
  field_reader f(params.reader(), *n, params.what_of("title"));
  if (!f.ok()) {
    ok = false;
    return t;
  }
  for (auto [key, out] : {std::pair{"en", &t.en}, std::pair{"zh", &t.zh}}) {
    if (const auto* v = f.optional(key)) {
      const std::string k(key);
      if (auto text = params.reader().text(*v, params.reader().pick("`" + k + "` of the title", "标题的`" + k + "`"))) {
        *out = *text;
      } else {
        ok = false;
      }
    }
  }
  f.finish();
  ok = ok && f.ok();
  return t;
}

/// Clause section 7: a working day is not a holiday of the calendar and not a weekend, unless the
/// calendar moved work onto it (调休).
inline auto is_working_day(const calendar& cal, date d) -> bool {
  if (cal.is_workday_adjusted(d)) return true;
  if (cal.is_holiday(d)) return false;
  const auto wd = d.day_of_week().as_number();
  return wd != 0 && wd != 6;
}

/// One period a duty falls due in: a day, a week (Monday to Sunday) or a month.
struct duty_period {
  period_unit unit = period_unit::day;
  date first, last;  ///< both inclusive

  [[nodiscard]] auto start() const -> time_point { return time_point(first); }
  [[nodiscard]] auto end() const -> time_point { return time_point(last + boost::gregorian::days(1)); }
  [[nodiscard]] auto as_month() const -> month { return {first.year(), first.month()}; }

  /// Names the period in a finding's subject (`month`, `week` or `date`), at its start.
  void mark(finding& f) const {
    f.subject.at = start();
    if (unit == period_unit::month) f.subject.month = as_month();
    if (unit == period_unit::week) f.subject.week = first;
    if (unit == period_unit::day) f.subject.day = first;
  }
  /// The period of a finding that `mark` named.
  static auto of(const finding& f) -> duty_period {
    if (f.subject.month) {
      const date d(static_cast<unsigned short>(f.subject.month->year),
                   static_cast<unsigned short>(f.subject.month->number), 1);
      return {period_unit::month, d, d.end_of_month()};
    }
    if (f.subject.week) return {period_unit::week, *f.subject.week, *f.subject.week + boost::gregorian::days(6)};
    const auto d = f.subject.day.value_or(f.subject.at.date());
    return {period_unit::day, d, d};
  }
  /// "in the week of 2026-03-02", "in 2026-03", "on 2026-03-02": the period after a verb.
  [[nodiscard]] auto when(lang l) const -> std::string {
    if (l == lang::zh) return words(l);
    return (unit == period_unit::day ? "on " : "in ") + words(l);
  }
  /// "the week of 2026-03-02", "2026-03", "2026-03-02"; 2026-03-02当周, 2026-03, 2026-03-02.
  [[nodiscard]] auto words(lang l) const -> std::string {
    switch (unit) {
      case period_unit::month: return rulebook::words::month(as_month(), l);
      case period_unit::week:
        return l == lang::zh ? rulebook::words::day(first, l) + "当周" : "the week of " + format_date(first);
      case period_unit::day: return rulebook::words::day(first, l);
    }
    return {};
  }
};

/// The days a case's duties are judged over: its `period`; without one, the days from its first
/// shift to its last, or with no shifts, from the first to the last day of the records the rule
/// judges (`records(see)` calls `see(day)` for each). A record's date alone never widens a roster.
template <typename Records>
auto duty_window(const case_file& c, const Records& records) -> std::optional<period> {
  if (c.period) return c.period;
  std::optional<period> w;
  const auto see = [&](date d) {
    if (!w) {
      w = period{d, d};
    } else {
      w->from = std::min(w->from, d);
      w->to = std::max(w->to, d);
    }
  };
  for (const auto& s : c.shifts) see(s.start.date());
  if (!w) records(see);
  return w;
}

/// The periods of recurrence `every` that lie wholly inside `window` (a period only partly inside
/// is not judged), in order; with `weekday`, only days of that day of the week.
inline auto duty_periods(const period& window, recurrence every, const calendar& cal, std::optional<int> weekday)
    -> std::vector<duty_period> {
  using boost::gregorian::days;
  std::vector<duty_period> out;
  switch (every) {
    case recurrence::day:
    case recurrence::working_day:
      for (auto d = window.from; d <= window.to; d += days(1)) {
        if (weekday && d.day_of_week().as_number() != *weekday) continue;
        if (every == recurrence::working_day && !is_working_day(cal, d)) continue;
        out.push_back({period_unit::day, d, d});
      }
      break;
    case recurrence::week: {
      // The first Monday on or after the window's first day.
      auto monday = window.from + days((8 - window.from.day_of_week().as_number()) % 7);
      for (; monday + days(6) <= window.to; monday += days(7))
        out.push_back({period_unit::week, monday, monday + days(6)});
      break;
    }
    case recurrence::month: {
      auto first = date(window.from.year(), window.from.month(), 1);
      if (first < window.from) first = first.end_of_month() + days(1);
      for (; first.end_of_month() <= window.to; first = first.end_of_month() + days(1)) {
        out.push_back({period_unit::month, first, first.end_of_month()});
      }
      break;
    }
  }
  return out;
}

/// The occurrence of `every` (on `weekday`, with one) just before `d` (`step` -1) or just after
/// it (`step` 1): the week or month before or after, the same weekday a week away, the working day
/// before or after.
inline auto adjacent_period(const duty_period& d, recurrence every, const calendar& cal, std::optional<int> weekday,
                            int step) -> duty_period {
  using boost::gregorian::days;
  switch (every) {
    case recurrence::month: {
      const auto day = step < 0 ? d.first - days(1) : d.last + days(1);
      const date first(day.year(), day.month(), 1);
      return {d.unit, first, first.end_of_month()};
    }
    case recurrence::week: return {d.unit, d.first + days(7 * step), d.last + days(7 * step)};
    case recurrence::day:
    case recurrence::working_day: {
      auto day = d.first + days(step);
      // A year holds no stretch of 20 days without a working day; the walk is bounded all the same.
      for (int i = 0; i < 366; ++i, day += days(step)) {
        if (weekday && day.day_of_week().as_number() != *weekday) continue;
        if (every == recurrence::working_day && !is_working_day(cal, day)) continue;
        break;
      }
      return {d.unit, day, day};
    }
  }
  return d;
}
inline auto previous_period(const duty_period& d, recurrence every, const calendar& cal, std::optional<int> weekday)
    -> duty_period {
  return adjacent_period(d, every, cal, weekday, -1);
}
inline auto next_period(const duty_period& d, recurrence every, const calendar& cal, std::optional<int> weekday)
    -> duty_period {
  return adjacent_period(d, every, cal, weekday, 1);
}

/// A report's `on:` picks days of a daily duty only (a weekly or monthly one has no day to pick).
inline auto weekday_fits(field_reader& params, std::optional<int> weekday, recurrence every) -> bool {
  if (!weekday || every == recurrence::day || every == recurrence::working_day) return true;
  auto& rd = params.reader();
  rd.error(*params.node().find("on"),
           params.what_of("on") + rd.pick(" picks the days of `every: day` or `every: working_day`",
                                          "用来挑选`every: day`或`every: working_day`的日子，不能用于其他周期"));
  return false;
}

/// Whether `p` could have been responsible in `d`: hired by its last day, when the case says when.
inline auto employed_during(const person& p, const duty_period& d) -> bool { return !p.hired || *p.hired <= d.last; }

/// The shifts of `sorted` (one person's, sorted by start, as `roster_view::shifts_of` gives them)
/// that start in `d`: a shift belongs to the day it starts on. O(log n) to find them.
inline auto shifts_in(const case_file& c, const std::vector<shift_index>& sorted, const duty_period& d)
    -> std::span<const shift_index> {
  const auto from = std::partition_point(sorted.begin(), sorted.end(),
                                         [&](shift_index s) { return c.shifts[s].start < d.start(); });
  const auto to = std::partition_point(from, sorted.end(), [&](shift_index s) { return c.shifts[s].start < d.end(); });
  return {from, to};
}

/// Each person's shifts in the final roster, by start, fetched once when first asked for.
class roster_cache {
 public:
  explicit roster_cache(const roster_view& ctx) : ctx_(&ctx) {}
  auto of(person_index p) -> const std::vector<shift_index>& {
    auto it = shifts_.find(p);
    if (it == shifts_.end()) it = shifts_.emplace(p, ctx_->shifts_of(p)).first;
    return it->second;
  }

 private:
  const roster_view* ctx_;
  std::map<person_index, std::vector<shift_index>> shifts_;
};

/// `08:30` for a time of day.
inline auto format_time_of_day(const duration& t) -> std::string {
  return format_time_point(time_point(date(2000, 1, 1), t)).substr(11);
}

/// `2026-03-02T08:00` as evidence shows it, for a message.
inline auto evidence_time(const finding& f, std::string_view key, lang l = lang::en) -> std::string {
  const auto* v = f.find(key);
  const auto* t = v ? std::get_if<time_point>(v) : nullptr;
  return t ? rulebook::words::time(*t, l) : "?";
}

/// The text evidence under `key`.
inline auto evidence_string(const finding& f, std::string_view key) -> std::string {
  const auto* v = f.find(key);
  const auto* t = v ? std::get_if<std::string>(v) : nullptr;
  return t ? *t : std::string();
}

}  // namespace rulebook::detail
