// The SDK for writing a rule kind: derive from `rule`, read parameters in a factory, judge through
// a context's narrow queries, and register the factory in a `kind_registry`.
//
// The engine owns everything else: which requests, people and shifts a rule's `when:` selects (a
// kind never looks at `when:` itself), the roster as requests change it, the chain of command.
#pragma once

#include <rulebook/finding.hpp>
#include <rulebook/policy.hpp>
#include <rulebook/source.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

// Everything declared here is the library's API: exported from librulebook.so (src/ is built hidden).
#pragma GCC visibility push(default)
namespace rulebook {

namespace detail {
struct judge_scope;   // the case, its indexes, calendar and chain of command, while one case is judged
struct roster_state;  // the roster as the requests judged so far left it
}  // namespace detail

/// A conduct finding as a later judgement sees it: a promotion's "no violation in the last 3 months".
struct conduct_entry {
  person_index employee = no_index;  ///< whom it is about
  /// The finding's effect, e.g. `violation`.
  rulebook::effect effect = effect::warning;
  time_point at;           ///< the finding's subject time
  std::uint32_t rule = 0;  ///< the rule that found it
};

/// What every context answers about the case and the roster at the moment a rule judges.
/// @par Thread safety A context is used by one rule at a time; the queries do not change anything.
class roster_view {
 public:
  /// Built by the engine.
  roster_view(const detail::judge_scope& scope, const detail::roster_state& state) : scope_(&scope), state_(&state) {}

  /// The case being judged.
  [[nodiscard]] auto c() const -> const case_file&;
  /// The policy's calendars plus the case's own.
  [[nodiscard]] auto holidays() const -> const rulebook::calendar&;
  /// The policy's names (grades lowest first).
  [[nodiscard]] auto names() const -> const rulebook::vocabulary&;
  /// Who works shift `s` now.
  [[nodiscard]] auto owner(shift_index s) const -> person_index;
  /// The swap that last moved shift `s`, or `no_index`.
  [[nodiscard]] auto moved_by(shift_index s) const -> request_index;
  /// The last non-rejected leave covering `s`, or `no_index`.
  [[nodiscard]] auto leave_of(shift_index s) const -> request_index;
  /// Clauses leave.1/leave.8: an approved leave covers `s` and excuses it.
  [[nodiscard]] auto on_leave(shift_index s) const -> bool;
  /// Everyone who has held `s`, from its rostered employee to its owner now (clause swap.3).
  [[nodiscard]] auto holders(shift_index s) const -> std::vector<person_index>;
  /// The shifts `p` works now, sorted by start (then index).
  [[nodiscard]] auto shifts_of(person_index p) const -> std::vector<shift_index>;
  /// The shifts `p` has given away by swap, in the order given.
  [[nodiscard]] auto given_by(person_index p) const -> std::span<const shift_index>;
  /// Clause swap.3: how many non-rejected swaps `p` is a party to in month `m`.
  [[nodiscard]] auto swaps_in(person_index p, month m) const -> int;
  /// Everyone above `p` in the chain of command, nearest first.
  [[nodiscard]] auto chain(person_index p) const -> std::span<const person_index>;
  /// `p`'s monthly assessments (indexes into `case_file::assessments`), in file order.
  [[nodiscard]] auto assessments_of(person_index p) const -> std::span<const std::uint32_t>;
  /// The complaint tickets `p` received (indexes into `case_file::tickets`), in file order.
  [[nodiscard]] auto tickets_of(person_index p) const -> std::span<const std::uint32_t>;
  /// `p`'s conduct findings with `from < at <= to` (filled once conduct is judged, for promotions).
  [[nodiscard]] auto record_of(person_index p, time_point from, time_point to) const -> std::span<const conduct_entry>;
  /// The shifts right before and right after `s` (by start, then index) in `p`'s roster now,
  /// with `extra` added and `without` taken out; with `given`, shifts `p` has given away by swap
  /// still count as theirs. `no_index` where there is none. O(log n + the shifts that moved).
  [[nodiscard]] auto around(person_index p, shift_index s, bool given = false, std::span<const shift_index> extra = {},
                            std::span<const shift_index> without = {}) const -> std::pair<shift_index, shift_index>;
  /// Sorts `shifts` by start, then index.
  void by_start(std::vector<shift_index>& shifts) const;

 protected:
  const detail::judge_scope* scope_;
  const detail::roster_state* state_;
};

/// Which levels of an employee's chain of command have validly approved a request (clause leave.3).
struct approval_check {
  std::vector<bool> valid;             ///< per chain level: an approval that counts
  std::vector<std::uint32_t> outside;  ///< approvals (by index) from people outside the chain
};

/// One request being judged: its covered shifts, its approvals, and where findings go.
class request_context : public roster_view {
 public:
  /// Built by the engine.
  request_context(const detail::judge_scope& scope, const detail::roster_state& state, const request& r,
                  request_index index);

  /// The request.
  [[nodiscard]] auto req() const -> const request& { return *request_; }
  /// Its index in the case (one past the case's requests for a what-if question).
  [[nodiscard]] auto index() const -> request_index { return index_; }
  /// The shifts a request touches: a leave's covered shifts sorted by start; a swap's given and
  /// returned shift.
  [[nodiscard]] auto covered() const -> const std::vector<shift_index>& { return covered_; }
  /// The calendar days a leave's shifts start on, ascending (its length, clause leave.3).
  [[nodiscard]] auto days() const -> const std::vector<date>& { return days_; }
  /// The covered shifts that the judging rule's `when:` selects (all of them when it names no
  /// shift condition, or the kind does not look at shifts).
  [[nodiscard]] auto selected() const -> const std::vector<shift_index>& { return selected_ ? *selected_ : covered_; }
  /// Which levels of the chain of command validly approved.
  [[nodiscard]] auto approvals() const -> const approval_check&;
  /// Whether someone in the employee's chain with one of `roles` has validly approved.
  [[nodiscard]] auto approved_by_role(const std::vector<std::string>& roles) const -> bool;

  /// Adds a finding of `r`. A `needs_approval` that a valid approval from one of the rule's
  /// approver roles in the employee's chain already lifts is dropped, unless `liftable` is false
  /// (the rule judged the approvals itself).
  void report(const rule_header& r, finding f, bool liftable = true);

  std::vector<finding> findings;    ///< what the rules found, in the order found
  std::vector<criterion> criteria;  ///< what criteria-judging rules measured, in rule order

  /// Called by the engine before each rule judges.
  void begin(const rule& r);

 private:
  const request* request_;
  request_index index_;
  std::vector<shift_index> covered_;
  std::vector<date> days_;
  std::optional<std::vector<shift_index>> selected_;
  mutable std::optional<approval_check> approvals_;
};

/// One employee's final roster, for conduct rules. Employees are independent of each other.
class employee_context : public roster_view {
 public:
  /// Built by the engine.
  employee_context(const detail::judge_scope& scope, const detail::roster_state& state, person_index employee,
                   std::vector<shift_index> shifts, std::vector<std::uint32_t> away);

  /// Whose conduct is judged.
  [[nodiscard]] auto employee() const -> person_index { return employee_; }
  /// The shifts this employee works in the final roster, inside the period, sorted by start, that
  /// the judging rule's `when:` selects.
  [[nodiscard]] auto shifts() const -> const std::vector<shift_index>& { return selected_ ? *selected_ : shifts_; }
  /// This employee's away periods (indexes into `case_file::away`), sorted by start.
  [[nodiscard]] auto away() const -> const std::vector<std::uint32_t>& { return away_; }

  /// Adds a finding of `r`.
  void report(const rule_header& r, finding f);

  std::vector<finding> findings;  ///< what the rules found

  /// Called by the engine before each rule judges.
  void begin(const rule& r);

 private:
  person_index employee_;
  std::vector<shift_index> shifts_;
  std::vector<std::uint32_t> away_;
  std::optional<std::vector<shift_index>> selected_;
};

/// The whole final roster and case, for conduct rules that look across employees (handover on a
/// seat, a team leader's span) or at records not tied to one employee's shifts. The engine drops
/// a finding whose subject the judging rule's `when:` does not select.
class case_context : public roster_view {
 public:
  /// Built by the engine.
  using roster_view::roster_view;

  /// Adds a finding of `r`; its subject names an employee (and a shift, where it has one).
  void report(const rule_header& r, finding f);

  std::vector<finding> findings;  ///< what the rules found

  /// Called by the engine before each rule judges.
  void begin(const rule& r) { rule_ = &r; }

 private:
  const rule* rule_ = nullptr;
};

/// What a message may name: people, shifts and requests by id.
struct message_context {
  const case_file& c;              ///< the judged case
  rulebook::lang lang = lang::en;  ///< the language asked for
  const request* extra = nullptr;  ///< a what-if request, indexed just past the case's requests

  /// The request a finding is about (`subject.request`).
  [[nodiscard]] auto req(request_index i) const -> const request& {
    return i.value < c.requests.size() || extra == nullptr ? c.requests.at(i) : *extra;
  }
  /// Person `p`'s id, or `?`.
  [[nodiscard]] auto person_id(person_index p) const -> std::string { return p == no_index ? "?" : c.people[p].id; }
  /// Shift `s`'s id, or `?`.
  [[nodiscard]] auto shift_id(shift_index s) const -> std::string { return s == no_index ? "?" : c.shifts[s].id; }
  /// The id of the shift in evidence `key`, else of the subject's shift.
  [[nodiscard]] auto shift_of(const finding& f, std::string_view key = "shift") const -> std::string {
    const auto* v = f.find(key);
    const auto* s = v ? std::get_if<shift_ref>(v) : nullptr;
    return s ? shift_id(s->index) : shift_id(f.subject.shift);
  }
  /// `en` or `zh` text, whichever was asked for.
  [[nodiscard]] auto pick(std::string en, std::string zh) const -> std::string {
    return lang == lang::zh ? std::move(zh) : std::move(en);
  }
  // People, times and lengths written for people, in the language asked for (one reading of each:
  // src/words.cpp). In English they are as the case writes them (`E001`, `2026-03-04T12:00`, `24h`).
  /// Person `p`: `E001`; in Chinese 张三（E001） when the case gives a name.
  [[nodiscard]] auto person(person_index p) const -> std::string;
  /// A moment: `2026-03-04T12:00`, 2026年3月4日 12:00.
  [[nodiscard]] auto time(const time_point& t) const -> std::string;
  /// A day: `2026-03-04`, 2026年3月4日.
  [[nodiscard]] auto day(const date& d) const -> std::string;
  /// A month: `2026-03`, 2026年3月.
  [[nodiscard]] auto month_words(const rulebook::month& mo) const -> std::string;
  /// A length of time, its sign dropped: `24h`, `1h05min`; 24小时, 1小时5分钟.
  [[nodiscard]] auto length(const duration& d) const -> std::string;
};

/// A compiled rule of some kind. Immutable once loaded; judged concurrently.
class rule {
 public:
  /// A rule with its common keys read.
  explicit rule(rule_header h) : header_(std::move(h)) {}
  virtual ~rule() = default;
  rule(const rule&) = delete;
  auto operator=(const rule&) -> rule& = delete;

  /// Its id, clause, effect, `when:` and place.
  [[nodiscard]] auto header() const -> const rule_header& { return header_; }
  /// Whether this rule judges requests of type `t` (before `when:` narrows it).
  [[nodiscard]] virtual auto judges(request_type t) const -> bool {
    (void)t;
    return false;
  }
  /// Judges one request; reports through `ctx`.
  virtual void judge_request(request_context& ctx) const { (void)ctx; }
  /// Whether this rule judges conduct over the final roster.
  [[nodiscard]] virtual auto judges_conduct() const -> bool { return false; }
  /// Judges one employee's conduct; reports through `ctx`.
  virtual void judge_employee(employee_context& ctx) const { (void)ctx; }
  /// Whether this rule judges the final roster as a whole (once per case).
  [[nodiscard]] virtual auto judges_case() const -> bool { return false; }
  /// Judges the whole case after every request; reports through `ctx`.
  virtual void judge_case(case_context& ctx) const { (void)ctx; }
  /// Whether the engine narrows this kind's shifts by the shift conditions of `when:` (a kind
  /// that does not look at shifts ignores them, and lint says so).
  [[nodiscard]] virtual auto looks_at_shifts() const -> bool { return false; }
  /// Whether the kind names who must approve itself (so a `needs_approval` rule of it needs no
  /// `approver:` in the policy).
  [[nodiscard]] virtual auto chooses_approver() const -> bool { return false; }
  /// Whether this rule reports whenever `other`, a rule of the same kind, `when:` and effect,
  /// would (for lint: `other` is then shadowed). Kinds with no parameters cover each other.
  [[nodiscard]] virtual auto covers(const rule& other) const -> bool {
    (void)other;
    return false;
  }
  /// The finding's message in the language asked for.
  [[nodiscard]] virtual auto message(const finding& f, const message_context& m) const -> std::string = 0;
  /// What would satisfy the rule, for `--explain` ("submit at least 1h5min earlier"). By default,
  /// for `needs_approval`, who in the employee's chain of command would have to approve.
  [[nodiscard]] virtual auto remedy(const finding& f, const message_context& m) const -> std::string;

  /// Called by the loader after the header is set; re-indexes the rule in a merged policy.
  void set_index(std::uint32_t i) { header_.index = i; }
  /// Called by the loader once every rule is read: the rules that override this one, and those
  /// its findings give way to.
  void set_precedence(std::vector<std::uint32_t> overridden_by, std::vector<std::uint32_t> replaced_by) {
    header_.overridden_by = std::move(overridden_by);
    header_.replaced_by = std::move(replaced_by);
  }

 protected:
  /// A finding of this rule's effect about `employee`/`shift`, to fill with evidence.
  [[nodiscard]] auto make_finding(person_index employee, shift_index shift, time_point at) const -> finding {
    finding f;
    f.effect = header_.effect;
    f.subject.employee = employee;
    f.subject.shift = shift;
    f.subject.at = at;
    return f;
  }

 private:
  rule_header header_;
};

/// Builds a rule of one kind from the rule's YAML keys (the common ones already read into `h`).
/// Reads its own keys from `params`, reports problems through it, and returns nullptr on error.
using rule_factory = std::function<std::unique_ptr<rule>(rule_header h, field_reader& params)>;

/// The rule kinds a policy may use, by name.
class kind_registry {
 public:
  /// Registers (or replaces) the kind `name`.
  void add(std::string name, rule_factory make) { kinds_[std::move(name)] = std::move(make); }
  /// The factory of `name`, or nullptr.
  [[nodiscard]] auto find(const std::string& name) const -> const rule_factory* {
    auto it = kinds_.find(name);
    return it == kinds_.end() ? nullptr : &it->second;
  }
  /// Every registered name, sorted.
  [[nodiscard]] auto names() const -> std::vector<std::string> {
    std::vector<std::string> out;
    for (const auto& [n, f] : kinds_) out.push_back(n);
    return out;
  }
  /// The kinds rulebook ships (one list: src/rules/builtin.cpp).
  static auto builtin() -> const kind_registry&;

 private:
  std::map<std::string, rule_factory> kinds_;
};

/// Loads and merges the policies in `paths` with the kinds of `kinds` (built-in ones and a
/// program's own); see `load_policy(paths, issues)`.
auto load_policy(const std::vector<std::string>& paths, std::vector<load_issue>& issues, const kind_registry& kinds,
                 lang l = lang::en) -> policy;
/// As above; throws `load_error` holding every problem.
auto load_policy(const std::vector<std::string>& paths, const kind_registry& kinds, lang l = lang::en) -> policy;
/// Compiles policies given as text with the kinds of `kinds`.
auto parse_policy(const std::vector<policy_text>& texts, std::vector<load_issue>& issues, const kind_registry& kinds,
                  lang l = lang::en) -> policy;

}  // namespace rulebook
#pragma GCC visibility pop
