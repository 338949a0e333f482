// The case: people, the roster, attendance and requests, as plain values. Ids are interned to
// dense indexes when an entity is added; strings are for input and output only.
#pragma once

#include <rulebook/calendar.hpp>
#include <rulebook/error.hpp>
#include <rulebook/time.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

namespace rulebook {

/// A dense index of a person, shift or request within one case.
using index_t = std::uint32_t;
/// "No one" / "no shift".
inline constexpr index_t no_index = std::numeric_limits<index_t>::max();

/// Where an entity was written in the case file (line and column from 1; 0 when built in code).
struct source_ref {
  int line = 0;
  int column = 0;
};

/// Anyone in the case: agents, shift leaders, directors.
struct person {
  std::string id{};
  std::string name{};
  std::string role{};              ///< a role the policy knows, e.g. `agent`, `shift_leader`
  std::string grade{};             ///< `junior`, `intermediate`, `senior`, or empty
  index_t leader = no_index;     ///< an agent's shift leader
  index_t reports_to = no_index; ///< a manager's superior
  std::string seat{};
  std::optional<date> grade_since{};  ///< since when the person holds `grade`, when known
  source_ref where{};
  /// The next person up the chain of command: the leader, else whom this person reports to.
  [[nodiscard]] auto superior() const -> index_t { return leader != no_index ? leader : reports_to; }
};

/// One rostered shift.
struct shift {
  std::string id{};
  index_t employee = no_index;  ///< who is rostered, before any swap
  time_point start{};
  time_point end{};
  std::string kind{};  ///< `day`, `night`, …; empty when the roster does not say
  std::string seat{};  ///< empty: the person's seat
  source_ref where{};
  /// CONTRACT §2: `night` by kind; with no kind, when it crosses midnight or starts at 20:00 or later.
  [[nodiscard]] auto is_night() const -> bool {
    if (!kind.empty()) return kind == "night";
    return end.date() > start.date() || start.time_of_day() >= boost::posix_time::hours(20);
  }
};

/// The punches of one shift; either may be missing.
struct punch {
  index_t shift = no_index;
  std::optional<time_point> in{};
  std::optional<time_point> out{};
  source_ref where{};
};

/// Time away from the post during a shift (脱岗).
struct away_period {
  index_t employee = no_index;
  time_point from{};
  time_point to{};
  source_ref where{};
};

/// An approval given on a request.
struct approval {
  index_t by = no_index;
  time_point at{};
  source_ref where{};
};

/// A medical certificate covering the days `from` to `to` inclusive.
struct certificate {
  date from{};
  date to{};
  std::optional<time_point> handed_in{};
  source_ref where{};
};

enum class request_type : std::uint8_t { leave, swap, promotion };

/// What a leave request asks for.
struct leave_details {
  std::string kind{};  ///< personal | personal_special | sick | sick_emergency | business
  index_t submitted_by = no_index;
  std::vector<index_t> shifts{};  ///< the shifts named; empty when given as a time range
  std::optional<time_point> from{};  ///< or a time range: the employee's shifts it overlaps
  std::optional<time_point> to{};
  std::vector<certificate> certificates{};
  std::optional<time_point> leader_notified_at{};  ///< sick_emergency
};

/// What a swap request asks for: `give` goes to the counterpart, `take` (optional) comes back.
struct swap_details {
  index_t counterpart = no_index;
  index_t give = no_index;
  index_t take = no_index;
  std::string reason{};
  bool form_filed = false;
};

/// What a promotion request asks for.
struct promotion_details {
  std::string to_grade{};
};

/// A request of any type; judged in `submitted_at` order, ties in input order.
struct request {
  std::string id{};
  index_t employee = no_index;
  time_point submitted_at{};
  std::vector<approval> approvals{};
  std::variant<leave_details, swap_details, promotion_details> details{};
  source_ref where{};

  [[nodiscard]] auto type() const -> request_type { return static_cast<request_type>(details.index()); }
  [[nodiscard]] auto leave() const -> const leave_details* { return std::get_if<leave_details>(&details); }
  [[nodiscard]] auto swap() const -> const swap_details* { return std::get_if<swap_details>(&details); }
  [[nodiscard]] auto promotion() const -> const promotion_details* {
    return std::get_if<promotion_details>(&details);
  }
};

/// `leave`, `swap`, `promotion`.
[[nodiscard]] inline auto to_string(request_type t) -> const char* {
  switch (t) {
    case request_type::leave: return "leave";
    case request_type::swap: return "swap";
    case request_type::promotion: return "promotion";
  }
  return "?";
}

/// A monthly assessment (每月考核).
struct assessment {
  index_t employee = no_index;
  rulebook::month month{};
  std::int64_t typing_cpm = 0;
  bool exam_passed = false;
  source_ref where{};
};

/// A complaint ticket.
struct ticket {
  std::string id{};
  index_t receiver = no_index;
  time_point received_at{};
  std::optional<time_point> dispatched_at{};
  source_ref where{};
};

/// One attempt to call a customer back.
struct callback_attempt {
  time_point at{};
  bool reached = false;
};

/// A resolved case that needs a callback.
struct callback_case {
  std::string id{};
  index_t agent = no_index;
  time_point resolved_at{};
  std::vector<callback_attempt> attempts{};
  std::string closed{};  ///< empty, `wrong_contact` or `unreachable`
  source_ref where{};
};

/// A quality-monitoring session.
struct monitoring_session {
  index_t agent = no_index;
  index_t inspector = no_index;
  time_point at{};
  source_ref where{};
};

/// A VIP account manager's book of customers in one tier.
struct account_book {
  index_t manager = no_index;
  std::string tier{};
  std::int64_t customers = 0;
  source_ref where{};
};

/// The window roster checks look at, both days inclusive.
struct period {
  date from{};
  date to{};
  [[nodiscard]] auto contains(date d) const -> bool { return d >= from && d <= to; }
};

/// Everything a judgement looks at. Build it with the `add_*` functions (or `load_case`), which
/// keep the id tables and the per-employee roster index up to date.
class case_file {
 public:
  std::string file{};  ///< the file it was loaded from, for positions; empty when built in code
  std::optional<rulebook::period> period{};
  rulebook::calendar calendar;  ///< holidays the case adds to the policy's calendars

  std::vector<person> people{};
  std::vector<shift> shifts{};
  std::vector<punch> punches{};
  std::vector<away_period> away{};
  std::vector<request> requests{};
  std::vector<assessment> assessments{};
  std::vector<ticket> tickets{};
  std::vector<callback_case> callbacks{};
  std::vector<monitoring_session> monitoring{};
  std::vector<account_book> accounts{};
  /// The lists the case file has (`monitoring`, `tickets`, …), even empty ones. A rule over records
  /// of a list the case does not report has nothing to judge: a roster sent by a scheduler draws no
  /// "never monitored" warnings, while `monitoring: []` says that nobody was.
  std::vector<std::string> sections{};

  /// Whether the case file has the list `section`.
  [[nodiscard]] auto has_section(std::string_view section) const -> bool {
    return std::find(sections.begin(), sections.end(), section) != sections.end();
  }

  /// Adds a person; a duplicate id throws `case_error`. References to leaders may be set later.
  auto add_person(person p) -> index_t {
    const auto i = static_cast<index_t>(people.size());
    if (!person_ids_.emplace(p.id, i).second) throw case_error("duplicate person id `" + p.id + "`");
    people.push_back(std::move(p));
    shifts_of_.emplace_back();
    return i;
  }
  /// Adds a shift to the roster; its employee must exist and its end must follow its start.
  auto add_shift(shift s) -> index_t {
    check_person(s.employee, "shift `" + s.id + "`");
    if (s.end <= s.start) throw case_error("shift `" + s.id + "` ends before it starts");
    const auto i = static_cast<index_t>(shifts.size());
    if (!shift_ids_.emplace(s.id, i).second) throw case_error("duplicate shift id `" + s.id + "`");
    auto& own = shifts_of_[s.employee];
    const auto pos = std::upper_bound(own.begin(), own.end(), s.start,
                                      [&](const time_point& t, index_t j) { return t < shifts[j].start; });
    own.insert(pos, i);
    shifts.push_back(std::move(s));
    punch_of_.push_back(no_index);
    return i;
  }
  /// Records the punches of a shift; a second record for the same shift throws `case_error`.
  auto add_punch(punch p) -> index_t {
    if (p.shift >= shifts.size()) throw case_error("punch for a shift that does not exist");
    if (punch_of_[p.shift] != no_index) {
      throw case_error("shift `" + shifts[p.shift].id + "` has punches recorded twice");
    }
    if (p.in && p.out && *p.out < *p.in) throw case_error("punch-out before punch-in for `" + shifts[p.shift].id + "`");
    const auto i = static_cast<index_t>(punches.size());
    punch_of_[p.shift] = i;
    punches.push_back(p);
    return i;
  }
  /// Adds a request; duplicate ids throw `case_error`.
  auto add_request(request r) -> index_t {
    check_person(r.employee, "request `" + r.id + "`");
    const auto i = static_cast<index_t>(requests.size());
    if (!request_ids_.emplace(r.id, i).second) throw case_error("duplicate request id `" + r.id + "`");
    requests.push_back(std::move(r));
    return i;
  }

  /// The index of person `id`, or `no_index`.
  [[nodiscard]] auto find_person(std::string_view id) const -> index_t { return find(person_ids_, id); }
  /// The index of shift `id`, or `no_index`.
  [[nodiscard]] auto find_shift(std::string_view id) const -> index_t { return find(shift_ids_, id); }
  /// The index of request `id`, or `no_index`.
  [[nodiscard]] auto find_request(std::string_view id) const -> index_t { return find(request_ids_, id); }
  /// The index of person `id`; throws `case_error` when there is none.
  [[nodiscard]] auto person_at(std::string_view id) const -> index_t {
    const auto i = find_person(id);
    if (i == no_index) throw case_error("no person `" + std::string(id) + "`");
    return i;
  }
  /// The index of shift `id`; throws `case_error` when there is none.
  [[nodiscard]] auto shift_at(std::string_view id) const -> index_t {
    const auto i = find_shift(id);
    if (i == no_index) throw case_error("no shift `" + std::string(id) + "`");
    return i;
  }

  /// The shifts rostered to `employee` (before swaps), sorted by start.
  [[nodiscard]] auto rostered_shifts(index_t employee) const -> const std::vector<index_t>& {
    return shifts_of_.at(employee);
  }
  /// The punch record of `shift`, or nullptr.
  [[nodiscard]] auto punch_of(index_t shift) const -> const punch* {
    const auto p = punch_of_.at(shift);
    return p == no_index ? nullptr : &punches[p];
  }
  /// Whether `s` falls in the case's period (every shift does when there is no period).
  [[nodiscard]] auto in_period(const shift& s) const -> bool { return in_period(s.start.date()); }
  /// Whether day `d` falls in the case's period (every day does when there is no period).
  [[nodiscard]] auto in_period(date d) const -> bool { return !period || period->contains(d); }

 private:
  struct string_hash {
    using is_transparent = void;
    auto operator()(std::string_view s) const noexcept -> std::size_t { return std::hash<std::string_view>{}(s); }
  };
  using id_table = std::unordered_map<std::string, index_t, string_hash, std::equal_to<>>;
  static auto find(const id_table& t, std::string_view id) -> index_t {
    auto it = t.find(id);
    return it == t.end() ? no_index : it->second;
  }
  void check_person(index_t p, const std::string& what) const {
    if (p >= people.size()) throw case_error(what + " refers to a person who does not exist");
  }

  id_table person_ids_, shift_ids_, request_ids_;
  std::vector<std::vector<index_t>> shifts_of_{};
  std::vector<index_t> punch_of_{};
};

}  // namespace rulebook
