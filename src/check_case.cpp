// A case built in code, checked before it is judged: every index in range, and nothing put into
// its lists behind `add_*` (a shift pushed straight into `case_file::shifts` is on no one's roster,
// so it would never be judged). A loaded case always passes; these checks are for programs.
#include "check_case.hpp"

#include "id_table.hpp"

#include <string>
#include <string_view>
#include <utility>

namespace rulebook {
namespace detail {

/// Reads what `add_*` keeps (a friend of `case_file`).
struct case_check {
  const case_file& c;
  std::vector<load_issue>& out;
  bool in_range = true;  // every index points into its list

  std::vector<std::uint32_t> roster_count{};  // per person: the shifts that name them
  std::vector<std::uint64_t> roster_hash{};   // and the sum of `mix` of their indexes

  // A shift index scattered over 64 bits (splitmix64's finaliser): sums of these over two
  // different sets of shifts differ but by a chance of one in 2^64.
  static auto mix(std::uint64_t x) -> std::uint64_t {
    x = (x ^ (x >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27U)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31U);
  }

  void bad(std::string_view list, const source_ref& where, std::string message) {
    out.push_back({{c.file_of(list), where.line, where.column}, {}, std::move(message)});
  }
  // `tickets[3] (`T1`)`: the list and position a program put it at, and its id when it has one.
  static auto name(std::string_view list, std::size_t i, const std::string& id = {}) -> std::string {
    auto out = std::string(list) + '[' + std::to_string(i) + ']';
    if (!id.empty()) out += " (`" + id + "`)";
    return out;
  }
  static auto count(std::size_t n, const char* one, const char* many) -> std::string {
    return std::to_string(n) + ' ' + (n == 1 ? one : many);
  }

  // `field` of the entity `who()` (at `where` in list `list`) is person `p`. The names are
  // callables, made into text only for a problem: a whole center's year costs no string each.
  template <typename Who, typename Field>
  void person(std::string_view list, const source_ref& where, const Who& who, const Field& field, person_index p,
              bool required) {
    if (p == no_index) {
      if (required) bad(list, where, who() + " has no `" + std::string(field()) + "`: no person index is set");
    } else if (!c.people.has(p)) {
      in_range = false;
      bad(list, where,
          who() + "'s `" + std::string(field()) + "` is person index " + std::to_string(p.value) +
              ", but the case has " + count(c.people.size(), "person", "people"));
    }
  }
  // `field` of the entity `who()` is shift `s`.
  template <typename Who, typename Field>
  void shift(std::string_view list, const source_ref& where, const Who& who, const Field& field, shift_index s,
             bool required) {
    if (s == no_index) {
      if (required) bad(list, where, who() + " has no `" + std::string(field()) + "`: no shift index is set");
    } else if (!c.shifts.has(s)) {
      in_range = false;
      bad(list, where,
          who() + "'s `" + std::string(field()) + "` is shift index " + std::to_string(s.value) +
              ", but the case has " + count(c.shifts.size(), "shift", "shifts"));
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
  static auto entity(const char* list, std::size_t i, const std::string* id = nullptr) {
    return [=] { return name(list, i, id != nullptr ? *id : std::string()); };
  }

  // Every index in range; people, shifts and requests name who and what they need.
  void indexes() {
    for (const auto i : c.people.indexes()) {
      const auto& q = c.people[i];
      person("people", q.where, entity("people", i.value, &q.id), field("leader"), q.leader, false);
      person("people", q.where, entity("people", i.value, &q.id), field("reports_to"), q.reports_to, false);
    }
    // Per person, how many shifts name them and a hash of which: set against the roster index
    // in `bookkeeping` without reading a shift a second time.
    roster_count.assign(c.people.size(), 0);
    roster_hash.assign(c.people.size(), 0);
    for (const auto i : c.shifts.indexes()) {
      const auto& s = c.shifts[i];
      person("shifts", s.where, entity("shifts", i.value, &s.id), field("employee"), s.employee, true);
      if (c.people.has(s.employee)) {
        ++roster_count[s.employee.value];
        roster_hash[s.employee.value] += mix(i.value);
      }
    }
    // Each punch is the record `add_punch` made for its shift (read here, while the punch is).
    const auto& punch_of = c.punch_of_;
    for (std::uint32_t i = 0; i < c.punches.size(); ++i) {
      const auto& p = c.punches[i];
      shift("punches", p.where, entity("punches", i), field("shift"), p.shift, true);
      if (!c.shifts.has(p.shift) || p.shift.value >= punch_of.size()) continue;  // said, or its shift is
      if (punch_of[p.shift] != i) {
        bad("punches", p.where,
            name("punches", i) + ", for `" + c.shifts[p.shift].id +
                "`, is not the record `add_punch` made for that shift: it was put straight into "
                "`case_file::punches` (or its shift changed since); add punches with `add_punch`");
      }
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
    person("requests", r.where, who, field("employee"), r.employee, true);
    for (std::size_t k = 0; k < r.approvals.size(); ++k) {
      person("requests", r.where, who, field("approvals", k, ".by"), r.approvals[k].by, true);
    }
    if (const auto* l = r.leave()) {
      person("requests", r.where, who, field("submitted_by"), l->submitted_by, true);
      for (std::size_t k = 0; k < l->shifts.size(); ++k) {
        shift("requests", r.where, who, field("shifts", k), l->shifts[k], true);
      }
      if (l->shifts.empty() && !(l->from && l->to)) {
        bad("requests", r.where, who() + " is a leave that names neither `shifts` nor both `from` and `to`");
      }
    } else if (const auto* sw = r.swap()) {
      person("requests", r.where, who, field("counterpart"), sw->counterpart, true);
      shift("requests", r.where, who, field("give"), sw->give, true);
      shift("requests", r.where, who, field("take"), sw->take, false);
    }
  }

  // What `add_*` recorded agrees with the lists: the roster index has every shift under its
  // employee, each punch is the one recorded for its shift, every request's id is in the table.
  // Reads only through indexes already known to be in range.
  void bookkeeping() {
    const auto& shifts_of = c.shifts_of_;
    const auto& punch_of = c.punch_of_;
    for (std::size_t i = shifts_of.size(); i < c.people.size(); ++i) {
      const auto& q = c.people[person_index(static_cast<std::uint32_t>(i))];
      bad("people", q.where,
          name("people", i, q.id) +
              " was put straight into `case_file::people`: add people with `add_person`, which starts their roster");
    }
    if (c.people.size() < shifts_of.size()) {
      bad("people", {}, "people were taken out of `case_file::people` after `add_person`: a case's lists only grow");
    }
    for (std::size_t i = punch_of.size(); i < c.shifts.size(); ++i) {
      const auto& s = c.shifts[shift_index(static_cast<std::uint32_t>(i))];
      bad("shifts", s.where,
          name("shifts", i, s.id) +
              " was put straight into `case_file::shifts`: it is on no one's roster and would never be judged; "
              "add shifts with `add_shift`");
    }
    if (c.shifts.size() < punch_of.size()) {
      bad("shifts", {}, "shifts were taken out of `case_file::shifts` after `add_shift`: a case's lists only grow");
    }
    // Each shift `add_shift` recorded sits on its employee's roster, once. When every person's
    // roster holds the shifts that name them (by count and hash), nothing more is read; else the
    // rosters are walked to name what changed.
    const auto people = std::min<std::size_t>(c.people.size(), shifts_of.size());
    bool agree = c.shifts.size() == punch_of.size();
    for (std::uint32_t p = 0; p < people && agree; ++p) {
      const auto& own = shifts_of[person_index(p)];
      std::uint64_t hash = 0;
      for (const auto s : own) hash += mix(s.value);
      agree = own.size() == roster_count[p] && hash == roster_hash[p];
    }
    for (std::size_t p = people; p < c.people.size() && agree; ++p) agree = roster_count[p] == 0;
    if (!agree) walk_rosters();
    punches_and_requests();
  }

  // The slow way, for a case whose rosters disagree with its shifts: which shift, and how.
  void walk_rosters() {
    const auto& shifts_of = c.shifts_of_;
    const auto& punch_of = c.punch_of_;
    std::vector<bool> rostered(c.shifts.size(), false);
    const auto people = std::min<std::size_t>(c.people.size(), shifts_of.size());
    for (std::uint32_t p = 0; p < people; ++p) {
      for (const auto s : shifts_of[person_index(p)]) {
        if (!c.shifts.has(s)) continue;  // taken out: said above
        const auto& sh = c.shifts[s];
        rostered[s.value] = true;
        if (sh.employee != person_index(p)) {
          bad("shifts", sh.where,
              "the employee of " + name("shifts", s.value, sh.id) + " was changed after `add_shift` put it on `" +
                  c.people[person_index(p)].id + "`'s roster: add a shift with the employee it has");
        }
      }
    }
    const auto recorded = std::min<std::size_t>(c.shifts.size(), punch_of.size());
    for (std::uint32_t i = 0; i < recorded; ++i) {
      if (!rostered[i] && c.people.has(c.shifts[shift_index(i)].employee)) {
        bad("shifts", c.shifts[shift_index(i)].where,
            name("shifts", i, c.shifts[shift_index(i)].id) + " is on no one's roster: add shifts with `add_shift`");
      }
    }
  }

  // No punch taken out from under the records of `add_punch`; each request's id is in the table.
  void punches_and_requests() {
    const auto& punch_of = c.punch_of_;
    const auto recorded = std::min<std::size_t>(c.shifts.size(), punch_of.size());
    bool punches_taken_out = false;
    for (std::uint32_t i = 0; i < recorded; ++i) {
      const auto p = punch_of[shift_index(i)];
      punches_taken_out = punches_taken_out || (p != case_file::no_punch && p >= c.punches.size());
    }
    if (punches_taken_out) {
      bad("punches", {}, "punches were taken out of `case_file::punches` after `add_punch`: a case's lists only grow");
    }
    // A request put straight into the list is judged, but its id is in no table: nothing finds it,
    // and nothing checked that the id is new.
    const auto ids = c.ids_ ? c.ids_->requests.size() : 0;
    if (ids < c.requests.size()) {
      for (const auto i : c.requests.indexes()) {
        if (c.find_request(c.requests[i].id) == i) continue;
        bad("requests", c.requests[i].where,
            name("requests", i.value, c.requests[i].id) +
                " was put straight into `case_file::requests`: add requests with `add_request`, which checks that "
                "its id is new");
      }
    } else if (ids > c.requests.size()) {
      bad("requests", {},
          "requests were taken out of `case_file::requests` after `add_request`: a case's lists only grow");
    }
  }
};

auto check_indexes(const case_file& c, std::vector<load_issue>& issues) -> bool {
  case_check check{c, issues};
  check.indexes();
  check.bookkeeping();
  return check.in_range;
}

void check_judgeable(const policy& p, const case_file& c) {
  if (p.rules().empty()) {
    if (p.digest().empty()) {
      throw policy_error("judging with an empty policy: it has no rules (a default-constructed `policy`, or what "
                         "`load_policy(paths, issues)` returns when loading fails: check `issues` before judging)");
    }
    throw policy_error("the policy `" + p.name() +
                       "` has no rules: judging with it would approve every request and find nothing");
  }
  auto issues = validate_case(c, p);
  if (!issues.empty()) throw case_error(std::move(issues));
}

}  // namespace detail
}  // namespace rulebook
