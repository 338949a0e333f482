// A case built in code, checked before it is judged: every index in range, and every index a
// record needs set. What `add_*` checks (a shift's employee, a punch's shift, a request's employee)
// needs no second look: `people`, `shifts`, `punches` and `requests` change only through `add_*`
// and `set_superior`, so nothing in them was put there, taken out or changed behind those checks.
// A loaded case always passes; these checks are for programs.
#include "check_case.hpp"

#include <string>
#include <string_view>
#include <thread>
#include <utility>

namespace rulebook {
namespace detail {

/// Checks every index of a case, each list in turn.
struct case_check {
  const case_file& c;
  std::vector<load_issue>& out;
  lang language;         // of the messages
  bool in_range = true;  // every index points into its list

  void bad(std::string_view list, const source_ref& where, std::string message) {
    out.push_back({{c.file_of(list), where.line, where.column}, {}, std::move(message)});
  }
  // `en` or `zh`, whichever messages are written in.
  [[nodiscard]] auto pick(std::string en, std::string zh) const -> std::string {
    return language == lang::zh ? std::move(zh) : std::move(en);
  }
  // `tickets[3] (`T1`)` (in Chinese `tickets[3]`（`T1`）): the list and position a program put it
  // at, and its id when it has one.
  static auto name(std::string_view list, std::size_t i, lang l, const std::string& id = {}) -> std::string {
    const auto at = std::string(list) + '[' + std::to_string(i) + ']';
    if (l == lang::zh) return "`" + at + "`" + (id.empty() ? "" : "（`" + id + "`）");
    return id.empty() ? at : at + " (`" + id + "`)";
  }
  // `3 people` (3名人员): `one` and `many` in English, `unit` after the number in Chinese.
  [[nodiscard]] auto count(std::size_t n, const char* one, const char* many, const char* unit) const -> std::string {
    return language == lang::zh ? std::to_string(n) + unit : std::to_string(n) + ' ' + (n == 1 ? one : many);
  }

  // `field` of the entity `who()` (at `where` in list `list`) is person `p`. The names are
  // callables, made into text only for a problem: a whole center's year costs no string each.
  template <typename Who, typename Field>
  void person(std::string_view list, const source_ref& where, const Who& who, const Field& field, person_index p,
              bool required) {
    if (p == no_index) {
      if (required) {
        bad(list, where,
            who() + pick(" has no `" + std::string(field()) + "`: no person index is set",
                         "没有`" + std::string(field()) + "`：未设置人员索引"));
      }
    } else if (!c.people.has(p)) {
      in_range = false;
      const auto has = count(c.people.size(), "person", "people", "名人员");
      bad(list, where,
          who() +
              pick("'s `" + std::string(field()) + "` is person index " + std::to_string(p.value) +
                       ", but the case has " + has,
                   "的`" + std::string(field()) + "`是人员索引" + std::to_string(p.value) + "，但案例中只有" + has));
    }
  }
  // `field` of the entity `who()` is shift `s`.
  template <typename Who, typename Field>
  void shift(std::string_view list, const source_ref& where, const Who& who, const Field& field, shift_index s,
             bool required) {
    if (s == no_index) {
      if (required) {
        bad(list, where,
            who() + pick(" has no `" + std::string(field()) + "`: no shift index is set",
                         "没有`" + std::string(field()) + "`：未设置班次索引"));
      }
    } else if (!c.shifts.has(s)) {
      in_range = false;
      const auto has = count(c.shifts.size(), "shift", "shifts", "个班次");
      bad(list, where,
          who() +
              pick("'s `" + std::string(field()) + "` is shift index " + std::to_string(s.value) +
                       ", but the case has " + has,
                   "的`" + std::string(field()) + "`是班次索引" + std::to_string(s.value) + "，但案例中只有" + has));
    }
  }
  // A field's name, as a callable.
  static auto field(const char* name) {
    return [name] { return std::string(name); };
  }
  // `name[k]` or `name[k].sub`, as a callable.
  static auto field(const char* name, std::size_t k, const char* sub = "") {
    return [=] { return std::string(name) + '[' + std::to_string(k) + ']' + sub; };
  }
  // An entity's name, as a callable.
  [[nodiscard]] auto entity(const char* list, std::size_t i, const std::string* id = nullptr) const {
    return [=, l = language] { return name(list, i, l, id != nullptr ? *id : std::string()); };
  }

  // Every index in range, and set where a record needs one. People's superiors may be unset and
  // are not checked by `add_person`; a shift's employee, a punch's shift and a request's employee
  // are, by `add_*`.
  void indexes() {
    for (const auto i : c.people.indexes()) {
      const auto& q = c.people[i];
      person("people", q.where, entity("people", i.value, &q.id), field("leader"), q.leader, false);
      person("people", q.where, entity("people", i.value, &q.id), field("reports_to"), q.reports_to, false);
    }
    for (std::size_t i = 0; i < c.away.size(); ++i) {
      person("away", c.away[i].where, entity("away", i), field("employee"), c.away[i].employee, true);
    }
    for (const auto i : c.requests.indexes()) requests(i);
    for (std::size_t i = 0; i < c.assessments.size(); ++i) {
      const auto& a = c.assessments[i];
      person("assessments", a.where, entity("assessments", i), field("employee"), a.employee, true);
    }
    for (std::size_t i = 0; i < c.tickets.size(); ++i) {
      const auto& t = c.tickets[i];
      person("tickets", t.where, entity("tickets", i, &t.id), field("receiver"), t.receiver, true);
    }
    for (std::size_t i = 0; i < c.callbacks.size(); ++i) {
      const auto& b = c.callbacks[i];
      person("callbacks", b.where, entity("callbacks", i, &b.id), field("agent"), b.agent, true);
    }
    for (std::size_t i = 0; i < c.monitoring.size(); ++i) {
      const auto& m = c.monitoring[i];
      person("monitoring", m.where, entity("monitoring", i), field("agent"), m.agent, true);
      person("monitoring", m.where, entity("monitoring", i), field("inspector"), m.inspector, true);
    }
    for (std::size_t i = 0; i < c.accounts.size(); ++i) {
      const auto& a = c.accounts[i];
      person("accounts", a.where, entity("accounts", i), field("manager"), a.manager, true);
    }
    for (std::size_t i = 0; i < c.meetings.size(); ++i) {
      const auto& m = c.meetings[i];
      person("meetings", m.where, entity("meetings", i, &m.id), field("chair"), m.chair, true);
      for (std::size_t k = 0; k < m.attendees.size(); ++k) {
        person("meetings", m.where, entity("meetings", i, &m.id), field("attendees", k), m.attendees[k], true);
      }
    }
    for (std::size_t i = 0; i < c.reports.size(); ++i) {
      const auto& r = c.reports[i];
      person("reports", r.where, entity("reports", i, &r.id), field("by"), r.by, true);
    }
    for (std::size_t i = 0; i < c.trainings.size(); ++i) {
      const auto& t = c.trainings[i];
      person("trainings", t.where, entity("trainings", i), field("employee"), t.employee, true);
    }
  }

  void requests(request_index i) {
    const auto& r = c.requests[i];
    const auto who = entity("requests", i.value, &r.id);
    for (std::size_t k = 0; k < r.approvals.size(); ++k) {
      person("requests", r.where, who, field("approvals", k, ".by"), r.approvals[k].by, true);
    }
    if (const auto* l = r.leave()) {
      person("requests", r.where, who, field("submitted_by"), l->submitted_by, true);
      for (std::size_t k = 0; k < l->shifts.size(); ++k) {
        shift("requests", r.where, who, field("shifts", k), l->shifts[k], true);
      }
      if (l->shifts.empty() && !(l->from && l->to)) {
        bad("requests", r.where,
            who() + pick(" is a leave that names neither `shifts` nor both `from` and `to`",
                         "是请假申请，但既没有列出`shifts`，也没有同时给出`from`和`to`"));
      }
    } else if (const auto* sw = r.swap()) {
      person("requests", r.where, who, field("counterpart"), sw->counterpart, true);
      shift("requests", r.where, who, field("give"), sw->give, true);
      shift("requests", r.where, who, field("take"), sw->take, false);
    }
  }
};

auto check_indexes(const case_file& c, std::vector<load_issue>& issues, lang l) -> bool {
  case_check check{c, issues, l};
  check.indexes();
  return check.in_range;
}

void check_judgeable(const policy& p, const case_file& c, const judge_options& o) {
  if (p.rules().empty()) {
    if (p.digest().empty()) {
      throw policy_error("judging with an empty policy: it has no rules (a default-constructed `policy`, or what "
                         "`load_policy(paths, issues)` returns when loading fails: check `issues` before judging)");
    }
    throw policy_error("the policy `" + p.name() +
                       "` has no rules: judging with it would approve every request and find nothing");
  }
  auto issues = validate_case(c, p, lang::en, o.threads == 0 ? std::thread::hardware_concurrency() : o.threads);
  if (!issues.empty()) throw case_error(std::move(issues));
}

}  // namespace detail
}  // namespace rulebook
