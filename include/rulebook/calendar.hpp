// Public holidays and adjusted working days (调休).
#pragma once

#include <rulebook/time.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

// Everything declared here is the library's API: exported from librulebook.so (src/ is built hidden).
#pragma GCC visibility push(default)
namespace rulebook {

/// A holiday calendar: named holiday dates and adjusted working days. Lookups are O(log n).
class calendar {
 public:
  /// Marks every day from `from` to `to` (inclusive) as the holiday `name`.
  void add_holiday(date from, date to, const std::string& name) {
    for (auto d = from.day_number(); d <= to.day_number(); ++d) set(holidays_, d, name);
  }
  /// Marks the single day `day` as the holiday `name`.
  void add_holiday(date day, const std::string& name) { add_holiday(day, day, name); }
  /// Marks `day` as an adjusted working day (a weekend day worked in exchange for a holiday).
  void add_workday(date day, const std::string& name = {}) { set(workdays_, day.day_number(), name); }
  /// Adds every entry of `other` to this calendar.
  void merge(const calendar& other) {
    for (const auto& [d, n] : other.holidays_) set(holidays_, d, n);
    for (const auto& [d, n] : other.workdays_) set(workdays_, d, n);
  }

  /// Whether `day` is a public holiday.
  [[nodiscard]] auto is_holiday(date day) const -> bool { return find(holidays_, day.day_number()) != nullptr; }
  /// Whether `day` is an adjusted working day (调休).
  [[nodiscard]] auto is_workday_adjusted(date day) const -> bool {
    return find(workdays_, day.day_number()) != nullptr;
  }
  /// The holiday's name, or an empty string.
  [[nodiscard]] auto holiday_name(date day) const -> std::string {
    const auto* name = find(holidays_, day.day_number());
    return name == nullptr ? std::string() : *name;
  }
  /// How many holiday days the calendar has.
  [[nodiscard]] auto holiday_count() const -> std::size_t { return holidays_.size(); }
  /// How many adjusted working days the calendar has.
  [[nodiscard]] auto workday_count() const -> std::size_t { return workdays_.size(); }

 private:
  using days = std::vector<std::pair<std::uint32_t, std::string>>;  // by day number, ascending

  static auto lower(const days& list, std::uint32_t day) -> std::size_t {
    std::size_t lo = 0, hi = list.size();
    while (lo < hi) {
      const auto mid = lo + (hi - lo) / 2;
      if (list[mid].first < day)
        lo = mid + 1;
      else
        hi = mid;
    }
    return lo;
  }
  static auto find(const days& list, std::uint32_t day) -> const std::string* {
    const auto i = lower(list, day);
    return i < list.size() && list[i].first == day ? &list[i].second : nullptr;
  }
  static void set(days& list, std::uint32_t day, const std::string& name) {
    const auto i = lower(list, day);
    if (i < list.size() && list[i].first == day) {
      list[i].second = name;
    } else {
      list.insert(list.begin() + static_cast<std::ptrdiff_t>(i), {day, name});
    }
  }

  days holidays_;
  days workdays_;
};

}  // namespace rulebook
#pragma GCC visibility pop
