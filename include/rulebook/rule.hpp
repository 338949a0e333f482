// A compiled rule, the `when:` condition that scopes it, and the views of the case it judges.
// Rule kinds (rules/*.hpp) derive from `rule`; a program can register kinds of its own.
#pragma once

#include <rulebook/calendar.hpp>
#include <rulebook/error.hpp>
#include <rulebook/finding.hpp>
#include <rulebook/model.hpp>
#include <rulebook/org_chart.hpp>
#include <rulebook/source.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace rulebook {

/// A shift changing hands through a swap: an edge of the ownership graph.
struct shift_move {
  index_t shift = no_index;
  index_t request = no_index;
  std::uint32_t step = 0;  ///< 0 for the shift's first move, 1 for its second, …
};

/// The roster as requests change it, judged in `submitted_at` order.
struct roster_state {
  /// People as vertices, each swap's moves as edges giver → receiver: a shift swapped twice is a
  /// path of length two (clause swap.3).
  using ownership_graph =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property, shift_move>;

  std::vector<index_t> owner;           ///< per shift: who works it now
  std::vector<index_t> leave;           ///< per shift: the last non-rejected leave covering it
  std::vector<bool> effective_leave;    ///< per shift: an approved leave covers it
  std::vector<index_t> moved_by;        ///< per shift: the last swap that moved it, or no_index
  std::vector<std::vector<index_t>> gained;  ///< per person: shifts received by swap
  std::vector<std::vector<index_t>> given;   ///< per person: shifts given away by swap
  std::unordered_map<std::uint64_t, int> swaps;  ///< per (person, month): non-rejected swaps
  ownership_graph moves;
  std::vector<std::uint32_t> moves_of;  ///< per shift: how many times it has moved

  explicit roster_state(const case_file& c)
      : owner(c.shifts.size()), leave(c.shifts.size(), no_index), effective_leave(c.shifts.size(), false),
        moved_by(c.shifts.size(), no_index), gained(c.people.size()), given(c.people.size()), moves(c.people.size()),
        moves_of(c.shifts.size(), 0) {
    for (index_t s = 0; s < c.shifts.size(); ++s) owner[s] = c.shifts[s].employee;
  }
  /// The shifts `p` works now, sorted by start.
  [[nodiscard]] auto shifts_of(const case_file& c, index_t p) const -> std::vector<index_t> {
    std::vector<index_t> out;
    for (auto s : c.rostered_shifts(p)) {
      if (owner[s] == p) out.push_back(s);
    }
    for (auto s : gained[p]) {
      if (owner[s] == p && c.shifts[s].employee != p) out.push_back(s);
    }
    if (!gained[p].empty()) {
      by_start(c, out);
      out.erase(std::unique(out.begin(), out.end()), out.end());  // a shift may come back twice
    }
    return out;
  }
  /// Clause swap.3: how many non-rejected swaps `p` is a party to in month `m`.
  [[nodiscard]] auto swaps_in(index_t p, month m) const -> int {
    auto it = swaps.find(key(p, m));
    return it == swaps.end() ? 0 : it->second;
  }
  /// Moves `s` to `to` by swap `request`.
  void move(index_t s, index_t to, index_t request) {
    const auto from = owner[s];
    boost::add_edge(from, to, shift_move{s, request, moves_of[s]++}, moves);
    given[from].push_back(s);
    gained[to].push_back(s);
    owner[s] = to;
    moved_by[s] = request;
  }
  void count_swap(index_t p, month m) { ++swaps[key(p, m)]; }
  /// Everyone who has held `s`, from its rostered employee to its owner now, found by following
  /// its moves, step by step, through the ownership graph.
  [[nodiscard]] auto holders(const case_file& c, index_t s) const -> std::vector<index_t> {
    std::vector<index_t> path{c.shifts[s].employee};
    for (std::uint32_t step = 0; step < moves_of[s]; ++step) {
      for (auto [e, end] = boost::out_edges(path.back(), moves); e != end; ++e) {
        if (moves[*e].shift == s && moves[*e].step == step) {
          path.push_back(static_cast<index_t>(boost::target(*e, moves)));
          break;
        }
      }
    }
    return path;
  }
  static void by_start(const case_file& c, std::vector<index_t>& shifts) {
    std::sort(shifts.begin(), shifts.end(), [&](index_t a, index_t b) {
      return c.shifts[a].start < c.shifts[b].start || (c.shifts[a].start == c.shifts[b].start && a < b);
    });
  }

 private:
  static auto key(index_t p, month m) -> std::uint64_t {
    return (std::uint64_t{p} << 32) | static_cast<std::uint32_t>(m.year * 12 + m.number);
  }
};

/// The names a policy knows; a case that uses another is an input error.
struct vocabulary {
  std::vector<std::string> roles;
  std::vector<std::string> grades;  ///< in order, lowest first
  std::vector<std::string> leave_kinds;
  std::vector<std::string> shift_kinds;
  std::vector<std::string> tiers;

  [[nodiscard]] static auto has(const std::vector<std::string>& names, const std::string& n) -> bool {
    return std::find(names.begin(), names.end(), n) != names.end();
  }
};

/// A rule's `when:`: which requests, employees and shifts it looks at. Empty lists match anything.
struct condition {
  std::vector<request_type> requests;
  std::vector<std::string> leave_kinds;
  std::vector<std::string> shift_kinds;  ///< `night` also matches a shift that is night by its times
  std::optional<bool> holiday;           ///< the shift starts on a holiday
  std::optional<bool> swapped;           ///< the shift came to its owner by a swap or return
  std::vector<std::string> roles;        ///< the employee's role
  std::vector<std::string> grades;       ///< the employee's grade
  std::vector<std::string> to_grades;    ///< the grade a promotion request asks for

  friend auto operator==(const condition&, const condition&) -> bool = default;

  [[nodiscard]] auto matches_request(const request& r, const case_file& c) const -> bool {
    if (!requests.empty() && std::find(requests.begin(), requests.end(), r.type()) == requests.end()) return false;
    if (!leave_kinds.empty()) {
      const auto* l = r.leave();
      if (l == nullptr || std::find(leave_kinds.begin(), leave_kinds.end(), l->kind) == leave_kinds.end()) {
        return false;
      }
    }
    if (!to_grades.empty()) {
      const auto* p = r.promotion();
      if (p == nullptr || std::find(to_grades.begin(), to_grades.end(), p->to_grade) == to_grades.end()) return false;
    }
    return matches_person(c.people[r.employee]);
  }
  [[nodiscard]] auto matches_person(const person& p) const -> bool {
    if (!roles.empty() && std::find(roles.begin(), roles.end(), p.role) == roles.end()) return false;
    return grades.empty() || std::find(grades.begin(), grades.end(), p.grade) != grades.end();
  }
  [[nodiscard]] auto filters_shifts() const -> bool {
    return !shift_kinds.empty() || holiday.has_value() || swapped.has_value();
  }
  /// Whether shift `i` of `c` is one `when:` selects, on the roster as `state` has it now.
  [[nodiscard]] auto matches_shift(index_t i, const case_file& c, const calendar& cal, const roster_state& state) const
      -> bool {
    const auto& s = c.shifts[i];
    if (holiday && cal.is_holiday(s.start.date()) != *holiday) return false;
    if (swapped && (state.moved_by[i] != no_index) != *swapped) return false;
    if (shift_kinds.empty()) return true;
    return std::any_of(shift_kinds.begin(), shift_kinds.end(),
                       [&](const std::string& k) { return k == "night" ? s.is_night() : s.kind == k; });
  }
};

/// What every rule has, whatever its kind.
struct rule_header {
  std::string id;
  std::string clause;
  std::string kind;
  rulebook::effect effect = effect::warning;
  std::vector<std::string> approvers;  ///< roles whose valid approval lifts a `needs_approval`
  condition when;
  std::string description;
  std::string message_en;  ///< the policy's own message template, if it gives one (`message: {en: …}`)
  std::string message_zh;
  /// The policy's names, for a kind that checks names among its parameters while it is built.
  const rulebook::vocabulary* vocabulary = nullptr;
  source_position where;
  std::uint32_t index = 0;  ///< position in the policy
};

/// A conduct finding as a later judgement sees it: a promotion's "no violation in the last 3 months".
struct conduct_entry {
  index_t employee = no_index;
  rulebook::effect effect = effect::warning;
  time_point at;
  std::uint32_t rule = 0;
};

/// What the rules share while one case is judged.
struct judge_scope {
  const case_file& c;
  const org_chart& chart;
  const calendar& holidays;  ///< the policy's calendars plus the case's
  const rulebook::vocabulary& names;
  /// The conduct findings over the final roster, by employee then time. Promotion requests, which
  /// never change the roster, are judged after conduct so their criteria can look at it.
  std::vector<conduct_entry> record{};
  /// Per person: their monthly assessments and the complaint tickets they received (indexes into
  /// the case's lists, in file order), so a promotion looks only at the employee's own records.
  std::vector<std::vector<index_t>> assessments_of{};
  std::vector<std::vector<index_t>> tickets_of{};

  /// Fills `assessments_of` and `tickets_of`; once per judgement.
  void index_records() {
    assessments_of.assign(c.people.size(), {});
    tickets_of.assign(c.people.size(), {});
    for (index_t i = 0; i < c.assessments.size(); ++i) assessments_of.at(c.assessments[i].employee).push_back(i);
    for (index_t i = 0; i < c.tickets.size(); ++i) tickets_of.at(c.tickets[i].receiver).push_back(i);
  }

  /// The entries of `employee` with `from < at <= to`.
  [[nodiscard]] auto record_of(index_t employee, time_point from, time_point to) const
      -> std::span<const conduct_entry> {
    const auto lo = std::partition_point(record.begin(), record.end(), [&](const conduct_entry& e) {
      return e.employee < employee || (e.employee == employee && e.at <= from);
    });
    const auto hi = std::partition_point(lo, record.end(), [&](const conduct_entry& e) {
      return e.employee == employee && e.at <= to;
    });
    return {lo, hi};
  }
};

/// Which levels of an employee's chain of command have validly approved a request (clause leave.3).
struct approval_check {
  std::vector<bool> valid;       ///< per chain level: an approval that counts
  std::vector<index_t> outside;  ///< approvals (by index) from people outside the chain

  /// An approval counts when its approver is in the chain and every lower level approved at or
  /// before it; otherwise a level was skipped.
  static auto of(const judge_scope& scope, index_t employee, const std::vector<approval>& approvals)
      -> approval_check {
    approval_check out;
    const auto& chain = scope.chart.chain(employee);
    out.valid.assign(chain.size(), false);
    std::vector<std::optional<time_point>> earliest(chain.size());
    for (index_t i = 0; i < approvals.size(); ++i) {
      const auto level = scope.chart.level(employee, approvals[i].by);
      if (!level) {
        out.outside.push_back(i);
        continue;
      }
      auto& e = earliest[*level];
      if (!e || approvals[i].at < *e) e = approvals[i].at;
    }
    for (const auto& a : approvals) {
      const auto level = scope.chart.level(employee, a.by);
      if (!level) continue;
      bool lower_first = true;
      for (std::size_t j = 0; j < *level && lower_first; ++j) lower_first = earliest[j] && *earliest[j] <= a.at;
      if (lower_first) out.valid[*level] = true;
    }
    return out;
  }
};

class rule;

/// One request being judged: its covered shifts, its approvals, and where findings go.
class request_context {
 public:
  request_context(const judge_scope& scope, const roster_state& state, const request& r, index_t index)
      : scope_(&scope), state_(&state), request_(&r), index_(index) {
    if (const auto* l = r.leave()) {
      if (!l->shifts.empty()) {
        covered_ = l->shifts;
      } else if (l->from && l->to) {
        for (auto s : state.shifts_of(scope.c, r.employee)) {
          const auto& sh = scope.c.shifts[s];
          if (sh.start < *l->to && sh.end > *l->from) covered_.push_back(s);
        }
      }
      std::sort(covered_.begin(), covered_.end(),
                [&](index_t a, index_t b) { return scope.c.shifts[a].start < scope.c.shifts[b].start; });
      covered_.erase(std::unique(covered_.begin(), covered_.end()), covered_.end());
      for (auto s : covered_) {
        const auto d = scope.c.shifts[s].start.date();  // clause leave.3: a shift counts as the day it starts
        if (days_.empty() || days_.back() != d) days_.push_back(d);
      }
    } else if (const auto* sw = r.swap()) {
      covered_.push_back(sw->give);  // a swap touches the shift it gives and the one it takes back
      if (sw->take != no_index) covered_.push_back(sw->take);
    }
  }

  [[nodiscard]] auto scope() const -> const judge_scope& { return *scope_; }
  [[nodiscard]] auto c() const -> const case_file& { return scope_->c; }
  [[nodiscard]] auto state() const -> const roster_state& { return *state_; }
  [[nodiscard]] auto req() const -> const request& { return *request_; }
  [[nodiscard]] auto index() const -> index_t { return index_; }
  /// The shifts a request touches: a leave's covered shifts sorted by start; a swap's given and
  /// returned shift.
  [[nodiscard]] auto covered() const -> const std::vector<index_t>& { return covered_; }
  /// The calendar days a leave's shifts start on, ascending (its length, clause leave.3).
  [[nodiscard]] auto days() const -> const std::vector<date>& { return days_; }
  /// The covered shifts that `when` selects.
  [[nodiscard]] auto covered_matching(const condition& when) const -> std::vector<index_t> {
    if (!when.filters_shifts()) return covered_;
    std::vector<index_t> out;
    for (auto s : covered_) {
      if (when.matches_shift(s, c(), scope_->holidays, *state_)) out.push_back(s);
    }
    return out;
  }
  [[nodiscard]] auto approvals() const -> const approval_check& {
    if (!approvals_) approvals_ = approval_check::of(*scope_, request_->employee, request_->approvals);
    return *approvals_;
  }
  /// Whether someone in the employee's chain with one of `roles` has validly approved.
  [[nodiscard]] auto approved_by_role(const std::vector<std::string>& roles) const -> bool {
    const auto& chain = scope_->chart.chain(request_->employee);
    const auto& check = approvals();
    for (std::size_t level = 0; level < chain.size(); ++level) {
      if (check.valid[level] &&
          std::find(roles.begin(), roles.end(), c().people[chain[level]].role) != roles.end()) {
        return true;
      }
    }
    return false;
  }

  /// Adds a finding of `r`. A `needs_approval` that a valid approval from one of the rule's
  /// approver roles in the employee's chain already lifts is dropped, unless `liftable` is false
  /// (the rule judged the approvals itself).
  void report(const rule_header& r, finding f, bool liftable = true) {
    f.rule = r.index;
    if (f.effect == effect::needs_approval && liftable) {
      if (f.approver_role.empty() && !r.approvers.empty()) f.approver_role = r.approvers.front();
      const auto& roles = r.approvers.empty() ? std::vector<std::string>{f.approver_role} : r.approvers;
      if (approved_by_role(roles)) return;
    }
    if (f.effect == effect::needs_approval && f.approver_role.empty() && !r.approvers.empty()) {
      f.approver_role = r.approvers.front();
    }
    if (f.subject.employee == no_index) f.subject.employee = request_->employee;
    f.subject.request = index_;
    findings.push_back(std::move(f));
  }

  std::vector<finding> findings;
  std::vector<criterion> criteria;  ///< what criteria-judging rules measured, in rule order

 private:
  const judge_scope* scope_;
  const roster_state* state_;
  const request* request_;
  index_t index_;
  std::vector<index_t> covered_;
  std::vector<date> days_;
  mutable std::optional<approval_check> approvals_;
};

/// One employee's final roster, for conduct rules. Employees are independent of each other.
class employee_context {
 public:
  employee_context(const judge_scope& scope, const roster_state& state, index_t employee,
                   std::vector<index_t> shifts, std::vector<index_t> away)
      : scope_(&scope), state_(&state), employee_(employee), shifts_(std::move(shifts)), away_(std::move(away)) {}

  [[nodiscard]] auto scope() const -> const judge_scope& { return *scope_; }
  [[nodiscard]] auto c() const -> const case_file& { return scope_->c; }
  [[nodiscard]] auto state() const -> const roster_state& { return *state_; }
  [[nodiscard]] auto employee() const -> index_t { return employee_; }
  /// The shifts this employee works in the final roster, inside the period, sorted by start.
  [[nodiscard]] auto shifts() const -> const std::vector<index_t>& { return shifts_; }
  /// This employee's away periods (indexes into `case_file::away`), sorted by start.
  [[nodiscard]] auto away() const -> const std::vector<index_t>& { return away_; }
  /// Clauses leave.1/leave.8: an effective leave excuses the shift.
  [[nodiscard]] auto on_leave(index_t shift) const -> bool { return state_->effective_leave[shift]; }

  /// Adds a finding of `r`.
  void report(const rule_header& r, finding f) {
    f.rule = r.index;
    if (f.subject.employee == no_index) f.subject.employee = employee_;
    findings.push_back(std::move(f));
  }

  std::vector<finding> findings;

 private:
  const judge_scope* scope_;
  const roster_state* state_;
  index_t employee_;
  std::vector<index_t> shifts_;
  std::vector<index_t> away_;
};

/// The whole final roster and case, for conduct rules that look across employees (handover on a
/// seat, a team leader's span) or at records not tied to one employee's shifts.
class case_context {
 public:
  case_context(const judge_scope& scope, const roster_state& state) : scope_(&scope), state_(&state) {}

  [[nodiscard]] auto scope() const -> const judge_scope& { return *scope_; }
  [[nodiscard]] auto c() const -> const case_file& { return scope_->c; }
  [[nodiscard]] auto state() const -> const roster_state& { return *state_; }
  /// Whether an effective leave covers `shift`.
  [[nodiscard]] auto on_leave(index_t shift) const -> bool { return state_->effective_leave[shift]; }

  /// Adds a finding of `r`; its subject must name an employee.
  void report(const rule_header& r, finding f) {
    f.rule = r.index;
    findings.push_back(std::move(f));
  }

  std::vector<finding> findings;

 private:
  const judge_scope* scope_;
  const roster_state* state_;
};

/// What a message may name: people, shifts and requests by id.
struct message_context {
  const case_file& c;
  rulebook::lang lang = lang::en;
  const request* extra = nullptr;  ///< a what-if request, indexed just past the case's requests

  /// The request a finding is about (`subject.request`).
  [[nodiscard]] auto req(index_t i) const -> const request& {
    return i < c.requests.size() || extra == nullptr ? c.requests.at(i) : *extra;
  }

  [[nodiscard]] auto person_id(index_t p) const -> std::string { return p == no_index ? "?" : c.people[p].id; }
  [[nodiscard]] auto shift_id(index_t s) const -> std::string { return s == no_index ? "?" : c.shifts[s].id; }
  [[nodiscard]] auto shift_of(const finding& f, std::string_view key = "shift") const -> std::string {
    const auto* v = f.find(key);
    const auto* s = v ? std::get_if<shift_ref>(v) : nullptr;
    return s ? shift_id(s->index) : shift_id(f.subject.shift);
  }
  /// `en` or `zh` text, whichever was asked for.
  [[nodiscard]] auto pick(std::string en, std::string zh) const -> std::string {
    return lang == lang::zh ? std::move(zh) : std::move(en);
  }
};

/// A compiled rule of some kind. Immutable once loaded; judged concurrently.
class rule {
 public:
  explicit rule(rule_header h) : header_(std::move(h)) {}
  virtual ~rule() = default;
  rule(const rule&) = delete;
  auto operator=(const rule&) -> rule& = delete;

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
  /// Whether the kind narrows what it judges by the shift conditions of `when:` (for lint).
  [[nodiscard]] virtual auto looks_at_shifts() const -> bool { return false; }
  /// Whether this rule reports whenever `other`, a rule of the same kind, `when:` and effect,
  /// would (for lint: `other` is then shadowed). Kinds with no parameters cover each other.
  [[nodiscard]] virtual auto covers(const rule& other) const -> bool { (void)other; return false; }
  /// The finding's message in the language asked for.
  [[nodiscard]] virtual auto message(const finding& f, const message_context& m) const -> std::string = 0;
  /// What would satisfy the rule, for `--explain` ("submit at least 1h5min earlier"). By default,
  /// for `needs_approval`, who in the employee's chain of command would have to approve.
  [[nodiscard]] virtual auto remedy(const finding& f, const message_context& m) const -> std::string {
    if (f.effect != effect::needs_approval || f.subject.employee == no_index) return {};
    const auto& people = m.c.people;
    index_t up = people[f.subject.employee].superior();
    for (std::size_t hops = 0; up != no_index && hops < people.size(); ++hops, up = people[up].superior()) {
      if (people[up].role == f.approver_role) {
        return m.pick(fmt::format("needs approval by {}, {}", people[up].id, role_words(f.approver_role, lang::en)),
                      fmt::format("须经{}({})批准", people[up].id, role_words(f.approver_role, lang::zh)));
      }
    }
    return m.pick(fmt::format("needs approval by a {}, and there is none in {}'s chain of command",
                              role_words(f.approver_role, lang::en), people[f.subject.employee].id),
                  fmt::format("须经{}批准,但{}的审批链中没有", role_words(f.approver_role, lang::zh),
                              people[f.subject.employee].id));
  }

  /// A role as words: "department director", 客服部主任.
  static auto role_words(std::string role, lang l) -> std::string {
    if (l == lang::zh) {
      if (role == "shift_leader") return "班长";
      if (role == "department_director") return "客服部主任";
      if (role == "center_director") return "客服中心主任";
      return role;
    }
    std::replace(role.begin(), role.end(), '_', ' ');
    return role;
  }

  /// Called by the loader after the header is set; re-indexes the rule in a merged policy.
  void set_index(std::uint32_t i) { header_.index = i; }

 protected:
  /// A finding of this rule's effect about `employee`/`shift`, to fill with evidence.
  [[nodiscard]] auto make_finding(index_t employee, index_t shift, time_point at) const -> finding {
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
  [[nodiscard]] auto names() const -> std::vector<std::string> {
    std::vector<std::string> out;
    for (const auto& [n, f] : kinds_) out.push_back(n);
    return out;
  }
  /// The kinds rulebook ships (rules/*.hpp); see builtin_kinds() in rulebook/kinds.hpp.
  static auto builtin() -> const kind_registry&;

 private:
  std::map<std::string, rule_factory> kinds_;
};

}  // namespace rulebook
