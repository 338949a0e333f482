// Public holidays and adjusted working days (调休).
#pragma once

#include <rulebook/time.hpp>

#include <map>
#include <string>

namespace rulebook {

/// A holiday calendar: named holiday dates and adjusted working days. Lookups are O(log n).
class calendar {
 public:
  /// Marks every day from `from` to `to` (inclusive) as the holiday `name`.
  void add_holiday(date from, date to, const std::string& name) {
    for (date d = from; d <= to; d += boost::gregorian::days(1)) holidays_[d.day_number()] = name;
  }
  void add_holiday(date day, const std::string& name) { add_holiday(day, day, name); }
  /// Marks `day` as an adjusted working day (a weekend day worked in exchange for a holiday).
  void add_workday(date day, const std::string& name = {}) { workdays_[day.day_number()] = name; }
  /// Adds every entry of `other` to this calendar.
  void merge(const calendar& other) {
    for (const auto& [d, n] : other.holidays_) holidays_[d] = n;
    for (const auto& [d, n] : other.workdays_) workdays_[d] = n;
  }

  [[nodiscard]] auto is_holiday(date day) const -> bool { return holidays_.count(day.day_number()) != 0; }
  [[nodiscard]] auto is_workday_adjusted(date day) const -> bool { return workdays_.count(day.day_number()) != 0; }
  /// The holiday's name, or an empty string.
  [[nodiscard]] auto holiday_name(date day) const -> std::string {
    auto it = holidays_.find(day.day_number());
    return it == holidays_.end() ? std::string() : it->second;
  }
  [[nodiscard]] auto holiday_count() const -> std::size_t { return holidays_.size(); }
  [[nodiscard]] auto workday_count() const -> std::size_t { return workdays_.size(); }

 private:
  std::map<std::uint32_t, std::string> holidays_;  // by day number
  std::map<std::uint32_t, std::string> workdays_;
};

}  // namespace rulebook
