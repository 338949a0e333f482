// The judge: a policy and a case in, a verdict out.
#pragma once

#include <rulebook/org_chart.hpp>
#include <rulebook/policy.hpp>
#include <rulebook/verdict.hpp>

#include <algorithm>
#include <numeric>
#include <vector>

namespace rulebook {

namespace detail {

/// Applies a judged request to the working roster (CONTRACT §2).
inline void apply(roster_state& state, const request_context& ctx, decision d) {
  if (d == decision::rejected) return;
  const auto& r = ctx.req();
  if (r.leave() != nullptr) {
    for (auto s : ctx.covered()) {
      state.leave[s] = ctx.index();
      if (d == decision::approved) state.effective_leave[s] = true;
    }
  } else if (const auto* sw = r.swap()) {
    state.owner[sw->give] = sw->counterpart;
    state.gained[sw->counterpart].push_back(sw->give);
    state.moved_by[sw->give] = ctx.index();
    if (sw->take != no_index) {
      state.owner[sw->take] = r.employee;
      state.gained[r.employee].push_back(sw->take);
      state.moved_by[sw->take] = ctx.index();
    }
  }
}

/// CONTRACT §3: findings by subject time, then employee, then clause (then policy order).
inline void sort_findings(std::vector<finding>& findings, const policy& p, const case_file& c) {
  std::stable_sort(findings.begin(), findings.end(), [&](const finding& a, const finding& b) {
    if (a.subject.at != b.subject.at) return a.subject.at < b.subject.at;
    if (a.subject.employee != b.subject.employee) {
      return c.people[a.subject.employee].id < c.people[b.subject.employee].id;
    }
    const auto& ca = p.rule_at(a.rule).header().clause;
    const auto& cb = p.rule_at(b.rule).header().clause;
    if (ca != cb) return ca < cb;
    return a.rule < b.rule;
  });
}

}  // namespace detail

/// Judges every request and conduct rule in `c` against `p`.
/// @par Complexity O(n log n) in the number of shifts and requests; requests in `submitted_at` order,
///      each against the roster as the earlier non-rejected requests left it.
/// @par Thread safety Safe to call concurrently with one `policy` and one `case_file`.
/// @throws case_error when the chain of command has a cycle (a loaded case never has one);
///         nothing for what the case contains: problems come back as findings.
[[nodiscard]] inline auto judge(const policy& p, const case_file& c) -> verdict {
  const org_chart chart(c);
  if (const auto p_on_cycle = chart.find_cycle()) {
    throw case_error("the chain of command above `" + c.people[*p_on_cycle].id + "` is a cycle");
  }
  calendar merged;
  const bool case_has_calendar = c.calendar.holiday_count() + c.calendar.workday_count() > 0;
  if (case_has_calendar) {
    merged = p.calendar();
    merged.merge(c.calendar);
  }
  const judge_scope scope{c, chart, case_has_calendar ? merged : p.calendar()};
  roster_state state(c);

  verdict v;
  v.policy = p;
  v.requests.resize(c.requests.size());

  // CONTRACT §2: requests in submitted_at order, ties in file order.
  std::vector<index_t> order(c.requests.size());
  std::iota(order.begin(), order.end(), index_t{0});
  std::stable_sort(order.begin(), order.end(), [&](index_t a, index_t b) {
    return c.requests[a].submitted_at < c.requests[b].submitted_at;
  });
  for (const auto i : order) {
    const auto& r = c.requests[i];
    request_context ctx(scope, state, r, i);
    for (const auto& rl : p.rules()) {
      if (rl->judges(r.type()) && rl->header().when.matches_request(r, c)) rl->judge_request(ctx);
    }
    auto& out = v.requests[i];
    out.request = i;
    out.decision = decide(ctx.findings);
    detail::apply(state, ctx, out.decision);
    out.findings = std::move(ctx.findings);
    out.criteria = std::move(ctx.criteria);
  }

  // Conduct over the final roster, employee by employee, then across the case.
  std::vector<const rule*> conduct;
  for (const auto& rl : p.rules()) {
    if (rl->judges_conduct()) conduct.push_back(rl.get());
  }
  if (!conduct.empty()) {
    std::vector<std::vector<index_t>> away_of(c.people.size());
    for (index_t a = 0; a < c.away.size(); ++a) away_of[c.away[a].employee].push_back(a);
    for (index_t e = 0; e < c.people.size(); ++e) {
      auto shifts = state.shifts_of(c, e);
      std::erase_if(shifts, [&](index_t s) { return !c.in_period(c.shifts[s]); });
      auto& away = away_of[e];
      std::sort(away.begin(), away.end(), [&](index_t a, index_t b) { return c.away[a].from < c.away[b].from; });
      if (shifts.empty() && away.empty()) continue;
      employee_context ctx(scope, state, e, std::move(shifts), std::move(away));
      for (const auto* rl : conduct) {
        if (rl->header().when.matches_person(c.people[e])) rl->judge_employee(ctx);
      }
      for (auto& f : ctx.findings) v.findings.push_back(std::move(f));
    }
  }
  case_context whole(scope, state);
  for (const auto& rl : p.rules()) {
    if (rl->judges_case()) rl->judge_case(whole);
  }
  for (auto& f : whole.findings) v.findings.push_back(std::move(f));
  detail::sort_findings(v.findings, p, c);
  return v;
}

}  // namespace rulebook
