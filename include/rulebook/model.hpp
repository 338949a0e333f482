// The case: people, the roster, attendance and requests, as plain values. Ids are interned to
// dense indexes when an entity is added; strings are for input and output only.
#pragma once

#include <rulebook/calendar.hpp>
#include <rulebook/error.hpp>
#include <rulebook/symbol.hpp>
#include <rulebook/time.hpp>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

// Everything declared here is the library's API: exported from librulebook.so (src/ is built hidden).
#pragma GCC visibility push(default)
namespace rulebook {

/// "No one", "no shift", "no request": equal to the empty index of every kind.
struct no_index_t {
  /// Made once, as `no_index`.
  explicit constexpr no_index_t(int /*unused*/) {}
};
/// The empty index: `shift.employee == no_index` when nobody is rostered.
inline constexpr no_index_t no_index{0};

/// A dense index into one list of a case, typed by what it indexes: a person's index is not a
/// shift's, so mixing them up does not compile. Built from a number only explicitly.
template <typename Tag>
struct typed_index {
  std::uint32_t value = std::numeric_limits<std::uint32_t>::max();  ///< the position in its list

  constexpr typed_index() = default;
  /// The empty index.
  constexpr typed_index(no_index_t /*unused*/) {}  // NOLINT(google-explicit-constructor): `x = no_index`
  /// The index at position `v`.
  constexpr explicit typed_index(std::uint32_t v) : value(v) {}
  friend constexpr auto operator==(typed_index, typed_index) -> bool = default;
  friend constexpr auto operator<=>(typed_index, typed_index) = default;
};

/// A person's index in `case_file::people`.
using person_index = typed_index<struct person_tag>;
/// A shift's index in `case_file::shifts`.
using shift_index = typed_index<struct shift_tag>;
/// A request's index in `case_file::requests`.
using request_index = typed_index<struct request_tag>;

/// The indexes `0 … n-1` of a list, as typed indexes: `for (const auto s : c.shifts.indexes())`.
template <typename Index>
struct index_range {
  std::uint32_t size = 0;  ///< how many
  /// Steps through the indexes.
  struct iterator {
    std::uint32_t at = 0;  ///< the position reached
    /// The index at this position.
    constexpr auto operator*() const -> Index { return Index(at); }
    /// Steps to the next index.
    constexpr auto operator++() -> iterator& {
      ++at;
      return *this;
    }
    friend constexpr auto operator==(iterator, iterator) -> bool = default;
  };
  /// The first index.
  [[nodiscard]] constexpr auto begin() const -> iterator { return {0}; }
  /// One past the last index.
  [[nodiscard]] constexpr auto end() const -> iterator { return {size}; }
};

/// A list that only its own kind of index reaches: `c.people[p]` takes a `person_index`.
template <typename Index, typename T>
class indexed_vector : public std::vector<T> {
  using base = std::vector<T>;

 public:
  /// Built like any list: empty, with a count of items, or from items.
  using base::base;
  /// The item at `i`, which must be an index of this list.
  [[nodiscard]] auto operator[](Index i) -> typename base::reference { return base::operator[](i.value); }
  /// The item at `i`, read-only.
  [[nodiscard]] auto operator[](Index i) const -> typename base::const_reference { return base::operator[](i.value); }
  /// Checked access; throws `std::out_of_range`.
  [[nodiscard]] auto at(Index i) -> typename base::reference { return base::at(i.value); }
  /// Checked access, read-only; throws `std::out_of_range`.
  [[nodiscard]] auto at(Index i) const -> typename base::const_reference { return base::at(i.value); }
  /// Whether `i` is an index of this list.
  [[nodiscard]] auto has(Index i) const -> bool { return i.value < base::size(); }
  /// Every index of this list, in order.
  [[nodiscard]] auto indexes() const -> index_range<Index> { return {static_cast<std::uint32_t>(base::size())}; }
  /// The index the next `push_back` gets.
  [[nodiscard]] auto next_index() const -> Index { return Index(static_cast<std::uint32_t>(base::size())); }
};

class case_file;
namespace detail {
struct case_builder;  // src/case_builder.hpp: what the loaders may do that a program may not
/// What reaches an item of `List`: its own index for an `indexed_vector`, else a position.
template <typename List>
struct index_of {
  using type = typename List::size_type;  ///< a position
};
/// An `indexed_vector` is reached by its own kind of index.
template <typename Index, typename T>
struct index_of<indexed_vector<Index, T>> {
  using type = Index;  ///< `person_index`, …
};
}  // namespace detail

/// A list a `case_file` keeps with its id tables (`people`, `shifts`, `punches`, `requests`), read
/// as the list `List` it holds: `c.shifts[s]`, `c.shifts.size()`, `for (const auto& s : c.shifts)`,
/// `c.people.indexes()`. It has no `push_back` and hands out no item but read-only, so nothing can
/// be put in, taken out or changed behind the case's `add_*` and `set_superior`.
template <typename List>
class case_list {
 public:
  using value_type = typename List::value_type;                          ///< a person, a shift, …
  using size_type = typename List::size_type;                            ///< a count
  using difference_type = typename List::difference_type;                ///< a distance
  using reference = typename List::const_reference;                      ///< read-only
  using const_reference = typename List::const_reference;                ///< read-only
  using iterator = typename List::const_iterator;                        ///< read-only
  using const_iterator = typename List::const_iterator;                  ///< read-only
  using reverse_iterator = typename List::const_reverse_iterator;        ///< read-only
  using const_reverse_iterator = typename List::const_reverse_iterator;  ///< read-only
  /// What reaches an item: `person_index` for `people`, a position for `punches`.
  using index_type = typename detail::index_of<List>::type;

  /// An empty list.
  case_list() = default;
  /// A copy of the items, apart from any case (a read-only snapshot).
  case_list(const case_list&) = default;
  ~case_list() = default;

  /// The item at `i`, which must be an index of this list.
  [[nodiscard]] auto operator[](index_type i) const -> const_reference { return items_[i]; }
  /// Checked access; throws `std::out_of_range`.
  [[nodiscard]] auto at(index_type i) const -> const_reference { return items_.at(i); }
  // `has`, `indexes` and `next_index` are for the lists reached by a typed index, not `punches`.
  /// Whether `i` is an index of this list.
  [[nodiscard]] auto has(index_type i) const -> bool { return items_.has(i); }
  /// Every index of this list, in order.
  [[nodiscard]] auto indexes() const -> index_range<index_type> { return items_.indexes(); }
  /// The index the next item added gets.
  [[nodiscard]] auto next_index() const -> index_type { return items_.next_index(); }
  /// How many items.
  [[nodiscard]] auto size() const noexcept -> size_type { return items_.size(); }
  /// Whether there are none.
  [[nodiscard]] auto empty() const noexcept -> bool { return items_.empty(); }
  /// The first item.
  [[nodiscard]] auto begin() const noexcept -> const_iterator { return items_.begin(); }
  /// One past the last item.
  [[nodiscard]] auto end() const noexcept -> const_iterator { return items_.end(); }
  /// The first item.
  [[nodiscard]] auto cbegin() const noexcept -> const_iterator { return items_.cbegin(); }
  /// One past the last item.
  [[nodiscard]] auto cend() const noexcept -> const_iterator { return items_.cend(); }
  /// The last item, stepping backwards.
  [[nodiscard]] auto rbegin() const noexcept -> const_reverse_iterator { return items_.rbegin(); }
  /// One before the first item, stepping backwards.
  [[nodiscard]] auto rend() const noexcept -> const_reverse_iterator { return items_.rend(); }
  /// The first item; the list must not be empty.
  [[nodiscard]] auto front() const -> const_reference { return items_.front(); }
  /// The last item; the list must not be empty.
  [[nodiscard]] auto back() const -> const_reference { return items_.back(); }
  /// The list itself, read-only, for code that takes one.
  operator const List&() const noexcept { return items_; }  // NOLINT(google-explicit-constructor): a view

 private:
  friend class case_file;
  friend struct detail::case_builder;
  // Only the case moves or replaces its lists: `std::move(c.shifts)` would empty them behind the
  // id tables.
  case_list(case_list&&) noexcept = default;
  auto operator=(const case_list&) -> case_list& = default;
  auto operator=(case_list&&) noexcept -> case_list& = default;

  List items_{};
};

/// Where an entity was written in the case file (line and column from 1; 0 when built in code).
struct source_ref {
  int line = 0;    ///< from 1; 0 when built in code
  int column = 0;  ///< from 1; 0 when built in code
};

/// Anyone in the case: agents, shift leaders, directors.
struct person {
  /// The id the case file names the person by; not changed once the person is added.
  std::string id{};
  /// The name shown in reports.
  std::string name{};
  std::string role{};                  ///< a role the policy knows, e.g. `agent`, `shift_leader`
  std::string grade{};                 ///< `junior`, `intermediate`, `senior`, or empty
  person_index leader = no_index;      ///< an agent's shift leader
  person_index reports_to = no_index;  ///< a manager's superior
  /// Where the person usually sits; a shift may name another.
  std::string seat{};
  std::optional<date> grade_since{};  ///< since when the person holds `grade`, when known
  /// The day the person joined, when the case reports hiring (training before first duty is
  /// judged only for people who carry it).
  std::optional<date> hired{};
  source_ref where{};  ///< where the person is written in the case file
  /// The next person up the chain of command: the leader, else whom this person reports to.
  [[nodiscard]] auto superior() const -> person_index { return leader != no_index ? leader : reports_to; }
};

/// One rostered shift.
struct shift {
  std::string id{};                  ///< the id the case file names the shift by; fixed once added
  person_index employee = no_index;  ///< who is rostered, before any swap
  time_point start{};                ///< when the shift starts
  /// When the shift ends, after `start`.
  time_point end{};
  symbol kind{};       ///< `day`, `night`, …; empty when the roster does not say
  symbol seat{};       ///< empty: the person's seat
  source_ref where{};  ///< where the shift is written in the case file
  /// CONTRACT §2: `night` by kind; with no kind, when it crosses midnight or starts at 20:00 or later.
  [[nodiscard]] auto is_night() const -> bool {
    if (!kind.empty()) return kind == "night";
    return end.date() > start.date() || start.time_of_day() >= duration(20, 0, 0);
  }
  /// Whether the shift is of kind `k`; `night` also by its times (see `is_night`).
  [[nodiscard]] auto is_kind(std::string_view k) const -> bool { return k == "night" ? is_night() : kind == k; }
};

/// The punches of one shift; either may be missing.
struct punch {
  shift_index shift = no_index;     ///< the shift punched for
  std::optional<time_point> in{};   ///< the punch-in, if any
  std::optional<time_point> out{};  ///< the punch-out, if any
  source_ref where{};               ///< where the record is written in the case file
};

/// Time away from the post during a shift (脱岗).
struct away_period {
  person_index employee = no_index;  ///< who left the post
  time_point from{};                 ///< when they left
  time_point to{};                   ///< when they came back
  source_ref where{};                ///< where the period is written in the case file
};

/// An approval given on a request.
struct approval {
  person_index by = no_index;  ///< who approved
  time_point at{};             ///< when they approved
  source_ref where{};          ///< where the approval is written in the case file
};

/// A medical certificate covering the days `from` to `to` inclusive.
struct certificate {
  date from{};                            ///< the first day covered
  date to{};                              ///< the last day covered
  std::optional<time_point> handed_in{};  ///< when it was handed in, if known
  source_ref where{};                     ///< where the certificate is written in the case file
};

/// The types of request an employee may submit.
enum class request_type : std::uint8_t { leave, swap, promotion };

/// What a leave request asks for.
struct leave_details {
  std::string kind{};  ///< personal | personal_special | sick | sick_emergency | business
  /// Who handed the leave in; usually the employee.
  person_index submitted_by = no_index;
  std::vector<shift_index> shifts{};  ///< the shifts named; empty when given as a time range
  std::optional<time_point> from{};   ///< or a time range: the employee's shifts it overlaps
  /// The end of that time range.
  std::optional<time_point> to{};
  std::vector<certificate> certificates{};         ///< the medical certificates handed in for it
  std::optional<time_point> leader_notified_at{};  ///< sick_emergency
};

/// What a swap request asks for: `give` goes to the counterpart, `take` (optional) comes back.
struct swap_details {
  person_index counterpart = no_index;  ///< the colleague the employee swaps with
  shift_index give = no_index;          ///< the shift the employee hands over
  shift_index take = no_index;          ///< the shift taken back in return, or `no_index`
  std::string reason{};                 ///< why the swap is asked for (clause swap.1)
  bool form_filed = false;              ///< whether the swap form was filled in
};

/// What a promotion request asks for.
struct promotion_details {
  std::string to_grade{};  ///< the grade asked for
};

/// A request of any type; judged in `submitted_at` order, ties in input order.
struct request {
  std::string id{};                   ///< the id the case file names the request by
  person_index employee = no_index;   ///< whose request it is
  time_point submitted_at{};          ///< when it was submitted
  std::vector<approval> approvals{};  ///< the approvals given, in file order
  std::variant<leave_details, swap_details, promotion_details> details{};  ///< what it asks for, by type
  source_ref where{};  ///< where the request is written in the case file

  /// Leave, swap or promotion.
  [[nodiscard]] auto type() const -> request_type { return static_cast<request_type>(details.index()); }
  /// What a leave request asks for, or nullptr for another type.
  [[nodiscard]] auto leave() const -> const leave_details* { return std::get_if<leave_details>(&details); }
  /// What a swap request asks for, or nullptr for another type.
  [[nodiscard]] auto swap() const -> const swap_details* { return std::get_if<swap_details>(&details); }
  /// What a promotion request asks for, or nullptr for another type.
  [[nodiscard]] auto promotion() const -> const promotion_details* { return std::get_if<promotion_details>(&details); }
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
  person_index employee = no_index;  ///< who was assessed
  rulebook::month month{};           ///< the month assessed
  std::int64_t typing_cpm = 0;       ///< typing speed, in characters per minute
  bool exam_passed = false;          ///< whether the month's exam was passed
  source_ref where{};                ///< where the assessment is written in the case file
};

/// A complaint ticket.
struct ticket {
  std::string id{};                           ///< the id the case file names the ticket by
  person_index receiver = no_index;           ///< who received it
  time_point received_at{};                   ///< when it came in
  std::optional<time_point> dispatched_at{};  ///< when it was passed on, if it was
  source_ref where{};                         ///< where the ticket is written in the case file
};

/// One attempt to call a customer back.
struct callback_attempt {
  time_point at{};       ///< when the call was made
  bool reached = false;  ///< whether the customer answered
};

/// A resolved case that needs a callback.
struct callback_case {
  std::string id{};               ///< the id the case file names it by
  person_index agent = no_index;  ///< who must call back
  time_point resolved_at{};       ///< when the case was resolved
  /// The calls made, in file order.
  std::vector<callback_attempt> attempts{};
  std::string closed{};  ///< empty, `wrong_contact` or `unreachable`
  /// Where the callback case is written in the case file.
  source_ref where{};
};

/// A quality-monitoring session.
struct monitoring_session {
  person_index agent = no_index;      ///< the agent listened to
  person_index inspector = no_index;  ///< who did the monitoring
  time_point at{};                    ///< when the session took place
  source_ref where{};                 ///< where the session is written in the case file
};

/// A VIP account manager's book of customers in one tier.
struct account_book {
  person_index manager = no_index;  ///< the account manager who holds the book
  std::string tier{};               ///< the customers' tier, e.g. `diamond`
  std::int64_t customers = 0;       ///< how many customers of that tier
  source_ref where{};               ///< where the book is written in the case file
};

/// A meeting held (班务会, 业务代表会议, 晨会).
struct meeting {
  std::string id{};                       ///< the id the case file names it by
  std::string type{};                     ///< what meeting it was, e.g. `team`, `monthly`, `briefing`
  time_point start{};                     ///< when it began
  time_point end{};                       ///< when it ended, after `start`
  person_index chair = no_index;          ///< who chaired it
  std::vector<person_index> attendees{};  ///< who attended (the chair need not be listed)
  source_ref where{};                     ///< where the meeting is written in the case file
};

/// What stretch of time a report covers: a day, a week (by its Monday) or a month.
enum class period_unit : std::uint8_t { day, week, month };

/// A report handed in (质量分析报告, 日报, 质检报告, 满意度).
struct report {
  std::string id{};            ///< the id the case file names it by
  std::string type{};          ///< what report it is, e.g. `quality_analysis`, `daily`
  person_index by = no_index;  ///< who handed it in
  /// What it covers, when it names a period: `unit` and the period's first day (a month's 1st,
  /// a week's Monday). A report that names none is matched by when it was handed in.
  std::optional<std::pair<period_unit, date>> covers{};
  time_point submitted_at{};  ///< when it was handed in
  source_ref where{};         ///< where the report is written in the case file
};

/// A training record (岗前培训).
struct training {
  person_index employee = no_index;  ///< who was trained
  std::string type{};                ///< what training, e.g. `pre_job`
  time_point completed_at{};         ///< when it was completed
  bool passed = false;               ///< whether its assessment was passed
  source_ref where{};                ///< where the record is written in the case file
};

/// The window roster checks look at, both days inclusive.
struct period {
  date from{};  ///< the first day
  date to{};    ///< the last day
  /// Whether day `d` falls in the window.
  [[nodiscard]] auto contains(date d) const -> bool { return d >= from && d <= to; }
};

namespace detail {
struct case_ids;  // src/id_table.hpp: the id tables
}  // namespace detail

/// What keeps an entity out of a case: `add_*` throws `case_error` for it, and the loaders report
/// it at its line and column. The one place these rules are kept.
enum class add_problem : std::uint8_t {
  none,               ///< nothing keeps it out
  unknown_person,     ///< the employee (or a shift's, a request's) is not among the people
  unknown_shift,      ///< a punch for a shift that does not exist
  duplicate_id,       ///< the id is taken
  ends_before_start,  ///< a shift whose end is not after its start
  punched_twice,      ///< a second punch record for one shift
  out_before_in,      ///< a punch-out before the punch-in
};

/// How `set_superior` links a person to the one above them.
enum class superior_link : std::uint8_t {
  leader,      ///< an agent's shift leader (`person::leader`)
  reports_to,  ///< a manager's superior (`person::reports_to`)
};

/// Everything a judgement looks at. Build it with the `add_*` functions (or `load_case`), which
/// keep the id tables and the per-employee roster index up to date. `people`, `shifts`, `punches`
/// and `requests` are read-only `case_list`s: nothing can be put into them, taken out or changed
/// but through `add_*` (and `set_superior`), so they always agree with those tables (any other
/// change does not compile: tests/compile_fail). The other lists are plain: `judge` and `session`
/// refuse a case with an index out of range in any list (a ticket's receiver, an away period's
/// employee, a request's approver, …) with a `case_error`.
class case_file {
 public:
  std::string file{};  ///< the file it was loaded from, for positions; empty when built in code
  /// The window roster checks look at; without one, every shift counts.
  std::optional<rulebook::period> period{};
  rulebook::calendar calendar;  ///< holidays the case adds to the policy's calendars

  case_list<indexed_vector<person_index, person>> people{};      ///< everyone in the case (`add_person`)
  case_list<indexed_vector<shift_index, shift>> shifts{};        ///< the roster, before any swap (`add_shift`)
  case_list<std::vector<punch>> punches{};                       ///< the punch records (`add_punch`)
  std::vector<away_period> away{};                               ///< time away from the post
  case_list<indexed_vector<request_index, request>> requests{};  ///< the requests, in file order (`add_request`)
  std::vector<assessment> assessments{};                         ///< the monthly assessments
  std::vector<ticket> tickets{};                                 ///< the complaint tickets
  std::vector<callback_case> callbacks{};                        ///< the resolved cases that need a callback
  std::vector<monitoring_session> monitoring{};                  ///< the quality-monitoring sessions
  std::vector<account_book> accounts{};                          ///< the VIP account managers' books
  std::vector<rulebook::meeting> meetings{};                     ///< the meetings held
  std::vector<rulebook::report> reports{};                       ///< the reports handed in
  std::vector<rulebook::training> trainings{};                   ///< the training records
  /// The lists the case file has (`monitoring`, `tickets`, …), even empty ones. A rule over records
  /// of a list the case does not report has nothing to judge: a roster sent by a scheduler draws no
  /// "never monitored" warnings, while `monitoring: []` says that nobody was.
  std::vector<std::string> sections{};
  /// The lists read from files of their own (a CSV roster): (list, file). Where their entities
  /// are written is a line and column of that file.
  std::vector<std::pair<std::string, std::string>> list_files{};

  /// An empty case.
  case_file();
  ~case_file();
  /// A copy of `other`, with its own id tables.
  case_file(const case_file& other);
  /// Takes over the contents of `other`.
  case_file(case_file&& other) noexcept;
  /// Replaces this case with a copy of `other`.
  auto operator=(const case_file& other) -> case_file&;
  /// Replaces this case with the contents of `other`.
  auto operator=(case_file&& other) noexcept -> case_file&;

  /// Whether the case file has the list `section`.
  [[nodiscard]] auto has_section(std::string_view section) const -> bool;
  /// The file the entities of list `section` are written in: its own file, or the case's.
  [[nodiscard]] auto file_of(std::string_view section) const -> const std::string&;

  /// What would keep `p` out of this case (`add_problem::none` when nothing would).
  [[nodiscard]] auto problem_adding(const person& p) const -> add_problem;
  /// What would keep `s` out of this case.
  [[nodiscard]] auto problem_adding(const shift& s) const -> add_problem;
  /// What would keep `p` out of this case.
  [[nodiscard]] auto problem_adding(const punch& p) const -> add_problem;
  /// What would keep `r` out of this case.
  [[nodiscard]] auto problem_adding(const request& r) const -> add_problem;

  /// Adds a person; a duplicate id throws `case_error`. Their `leader` or `reports_to` may be
  /// given here or, for someone added later, set with `set_superior` once they are.
  auto add_person(person p) -> person_index;
  /// Sets who is above `who`: their shift leader (`link == superior_link::leader`) or whom they
  /// report to, `superior`, which must be another person of this case (`no_index` clears it).
  /// An unknown index, or `who` as their own superior, throws `case_error` and changes nothing.
  /// A chain of command that loops is refused when the case is judged (`validate_case`).
  void set_superior(person_index who, superior_link link, person_index superior);
  /// Adds a shift to the roster; its employee must exist, its id be new, and its end follow its start.
  auto add_shift(shift s) -> shift_index;
  /// Records the punches of a shift; a second record for the same shift, or a punch-out before
  /// the punch-in, throws `case_error`.
  auto add_punch(punch p) -> std::uint32_t;
  /// Adds a request; its employee must exist and its id be new.
  auto add_request(request r) -> request_index;

  /// The index of person `id`, or `no_index`.
  [[nodiscard]] auto find_person(std::string_view id) const -> person_index;
  /// The index of shift `id`, or `no_index`.
  [[nodiscard]] auto find_shift(std::string_view id) const -> shift_index;
  /// The index of request `id`, or `no_index`.
  [[nodiscard]] auto find_request(std::string_view id) const -> request_index;
  /// The index of person `id`; throws `case_error` when there is none.
  [[nodiscard]] auto person_at(std::string_view id) const -> person_index;
  /// The index of shift `id`; throws `case_error` when there is none.
  [[nodiscard]] auto shift_at(std::string_view id) const -> shift_index;

  /// The shifts rostered to `employee` (before swaps), sorted by start.
  [[nodiscard]] auto rostered_shifts(person_index employee) const -> const std::vector<shift_index>& {
    return shifts_of_.at(employee);
  }
  /// The punch record of `shift`, or nullptr.
  [[nodiscard]] auto punch_of(shift_index shift) const -> const punch* {
    const auto p = punch_of_.at(shift);
    return p == no_punch ? nullptr : &punches[p];
  }
  /// Whether `s` falls in the case's period (every shift does when there is no period).
  [[nodiscard]] auto in_period(const shift& s) const -> bool { return in_period(s.start.date()); }
  /// Whether day `d` falls in the case's period (every day does when there is no period).
  [[nodiscard]] auto in_period(date d) const -> bool { return !period || period->contains(d); }

 private:
  friend struct detail::case_builder;  // makes room for a list of known length before it is read
  static constexpr std::uint32_t no_punch = std::numeric_limits<std::uint32_t>::max();

  std::unique_ptr<detail::case_ids> ids_;  // id → index of people, shifts and requests
  indexed_vector<person_index, std::vector<shift_index>> shifts_of_{};
  indexed_vector<shift_index, std::uint32_t> punch_of_{};
};

}  // namespace rulebook
#pragma GCC visibility pop
