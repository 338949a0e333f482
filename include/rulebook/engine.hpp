// The judge: a policy and a case in, a verdict out; and a session that keeps the judged roster so
// a scheduler can ask "would this request be approved now?" without judging the case again.
#pragma once

#include <rulebook/org_chart.hpp>
#include <rulebook/policy.hpp>
#include <rulebook/verdict.hpp>

#include <algorithm>
#include <memory>
#include <numeric>
#include <vector>

namespace rulebook {

namespace detail {

/// Applies a judged request to the working roster (CONTRACT §2).
inline void apply(roster_state& state, const case_file& c, const request& r, const request_context& ctx, decision d) {
  if (d == decision::rejected) return;
  if (r.leave() != nullptr) {
    for (auto s : ctx.covered()) {
      state.leave[s] = ctx.index();
      if (d == decision::approved) state.effective_leave[s] = true;
    }
  } else if (const auto* sw = r.swap()) {
    // Clause swap.3: a swap counts once for each party, in the month its given shift starts.
    const auto day = c.shifts[sw->give].start.date();
    const month m{day.year(), day.month()};
    state.count_swap(r.employee, m);
    state.count_swap(sw->counterpart, m);
    state.move(sw->give, sw->counterpart, ctx.index());
    if (sw->take != no_index) state.move(sw->take, r.employee, ctx.index());
  }
}

/// A request's findings are all about the request: by clause, then policy order (CONTRACT §3's
/// order, with one subject), so a request reads the same whatever order the policy lists rules in.
inline void sort_request_findings(std::vector<finding>& findings, const policy& p) {
  std::stable_sort(findings.begin(), findings.end(), [&](const finding& a, const finding& b) {
    const auto& ca = p.rule_at(a.rule).header().clause;
    const auto& cb = p.rule_at(b.rule).header().clause;
    return ca != cb ? ca < cb : a.rule < b.rule;
  });
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

/// A judged case held in memory. Built once (a full judgement), then answers what-if questions
/// from its indexes. The case must outlive the session and not change while it lives.
class session {
 public:
  /// Judges every request and conduct rule in `c` against `p`.
  /// @throws case_error when the chain of command has a cycle (a loaded case never has one).
  session(policy p, const case_file& c) : policy_(std::move(p)), c_(&c), chart_(c), state_(c) {
    if (const auto on_cycle = chart_.find_cycle()) {
      throw case_error("the chain of command above `" + c.people[*on_cycle].id + "` is a cycle");
    }
    if (c.calendar.holiday_count() + c.calendar.workday_count() > 0) {
      merged_ = std::make_unique<calendar>(policy_.calendar());
      merged_->merge(c.calendar);
    }
    scope_ = std::make_unique<judge_scope>(
        judge_scope{c, chart_, merged_ ? *merged_ : policy_.calendar(), policy_.vocabulary()});
    scope_->index_records();
    order_.resize(c.requests.size());
    std::iota(order_.begin(), order_.end(), index_t{0});
    // CONTRACT §2: requests in submitted_at order, ties in file order.
    std::stable_sort(order_.begin(), order_.end(), [&](index_t a, index_t b) {
      return c.requests[a].submitted_at < c.requests[b].submitted_at;
    });
    verdict_.policy = policy_;
    verdict_.requests.resize(c.requests.size());
    const auto promotion = [&](index_t i) { return c.requests[i].type() == request_type::promotion; };
    for (const auto i : order_) {
      if (!promotion(i)) verdict_.requests[i] = judge_and_apply(c.requests[i], i, state_);
    }
    judge_conduct();
    // Promotions change nothing on the roster, so judging them last keeps CONTRACT §2 and lets
    // their criteria see the conduct record (grade.order: "no violation in the last 3 months").
    auto& record = scope_->record;
    record.reserve(verdict_.findings.size());
    for (const auto& f : verdict_.findings) {
      if (f.subject.employee != no_index) record.push_back({f.subject.employee, f.effect, f.subject.at, f.rule});
    }
    std::stable_sort(record.begin(), record.end(), [](const conduct_entry& a, const conduct_entry& b) {
      return a.employee < b.employee || (a.employee == b.employee && a.at < b.at);
    });
    for (const auto i : order_) {
      if (promotion(i)) verdict_.requests[i] = judge_and_apply(c.requests[i], i, state_);
    }
  }
  session(const session&) = delete;
  auto operator=(const session&) -> session& = delete;

  [[nodiscard]] auto verdict() const -> const rulebook::verdict& { return verdict_; }
  /// Hands the verdict over (the session keeps answering what-if questions).
  [[nodiscard]] auto take_verdict() -> rulebook::verdict { return std::move(verdict_); }
  /// The roster after every request.
  [[nodiscard]] auto roster() const -> const roster_state& { return state_; }

  /// How request `r` would be judged if it were appended to the case: the same decision and
  /// findings a full judgement of the case plus `r` gives for it. Nothing changes.
  /// @par Complexity With `r.submitted_at` at or after every request's in the case (a scheduler
  ///      asking "now"), only the rules that judge `r` run, on the kept roster. An earlier
  ///      `submitted_at` replays the requests before it.
  /// @par Thread safety Safe to call concurrently.
  /// @throws case_error when `r` refers to people or shifts the case does not have.
  [[nodiscard]] auto what_if(const request& r) const -> request_verdict {
    check(r);
    const auto index = static_cast<index_t>(c_->requests.size());
    if (order_.empty() || c_->requests[order_.back()].submitted_at <= r.submitted_at) {
      return judge(r, index, state_);
    }
    roster_state replay(*c_);
    for (const auto i : order_) {
      if (c_->requests[i].submitted_at > r.submitted_at) break;
      (void)judge_and_apply(c_->requests[i], i, replay);
    }
    return judge(r, index, replay);
  }
  /// `f`'s message, where `f` may come from `what_if(r)`.
  [[nodiscard]] auto message(const finding& f, const request& r, lang l = lang::en) const -> std::string {
    return render_message(policy_.rule_at(f.rule), f, message_context{*c_, l, &r});
  }

 private:
  void check(const request& r) const {
    const auto people = c_->people.size(), shifts = c_->shifts.size();
    bool ok = r.employee < people;
    for (const auto& a : r.approvals) ok = ok && a.by < people;
    if (const auto* l = r.leave()) {
      ok = ok && l->submitted_by < people && (!l->shifts.empty() || (l->from && l->to));
      for (const auto s : l->shifts) ok = ok && s < shifts;
    } else if (const auto* sw = r.swap()) {
      ok = ok && sw->counterpart < people && sw->give < shifts && (sw->take == no_index || sw->take < shifts);
    }
    if (!ok) throw case_error("request `" + r.id + "` refers to a person or shift the case does not have");
    const auto& grades = policy_.vocabulary().grades;
    if (const auto* p = r.promotion(); p && !grades.empty() && !vocabulary::has(grades, p->to_grade)) {
      throw case_error("request `" + r.id + "` asks for the grade `" + p->to_grade + "`, which the policy `" +
                       policy_.name() + "` does not know");
    }
  }

  auto judge(const request& r, index_t index, const roster_state& state) const -> request_verdict {
    request_context ctx(*scope_, state, r, index);
    return finish(r, index, ctx);
  }
  auto judge_and_apply(const request& r, index_t index, roster_state& state) const -> request_verdict {
    request_context ctx(*scope_, state, r, index);
    auto out = finish(r, index, ctx);
    detail::apply(state, *c_, r, ctx, out.decision);
    return out;
  }
  auto finish(const request& r, index_t index, request_context& ctx) const -> request_verdict {
    for (const auto& rl : policy_.rules()) {
      if (rl->judges(r.type()) && rl->header().when.matches_request(r, *c_)) rl->judge_request(ctx);
    }
    request_verdict out;
    out.request = index;
    out.decision = decide(ctx.findings);
    detail::sort_request_findings(ctx.findings, policy_);
    out.findings = std::move(ctx.findings);
    out.criteria = std::move(ctx.criteria);
    return out;
  }

  // Conduct over the final roster, employee by employee, then across the case.
  void judge_conduct() {
    const auto& c = *c_;
    std::vector<const rule*> conduct;
    for (const auto& rl : policy_.rules()) {
      if (rl->judges_conduct()) conduct.push_back(rl.get());
    }
    if (!conduct.empty()) {
      std::vector<std::vector<index_t>> away_of(c.people.size());
      for (index_t a = 0; a < c.away.size(); ++a) away_of[c.away[a].employee].push_back(a);
      for (index_t e = 0; e < c.people.size(); ++e) {
        auto shifts = state_.shifts_of(c, e);
        std::erase_if(shifts, [&](index_t s) { return !c.in_period(c.shifts[s]); });
        auto& away = away_of[e];
        std::sort(away.begin(), away.end(), [&](index_t a, index_t b) { return c.away[a].from < c.away[b].from; });
        if (shifts.empty() && away.empty()) continue;
        employee_context ctx(*scope_, state_, e, std::move(shifts), std::move(away));
        for (const auto* rl : conduct) {
          if (rl->header().when.matches_person(c.people[e])) rl->judge_employee(ctx);
        }
        for (auto& f : ctx.findings) verdict_.findings.push_back(std::move(f));
      }
    }
    case_context whole(*scope_, state_);
    for (const auto& rl : policy_.rules()) {
      if (rl->judges_case()) rl->judge_case(whole);
    }
    for (auto& f : whole.findings) verdict_.findings.push_back(std::move(f));
    detail::sort_findings(verdict_.findings, policy_, c);
  }

  policy policy_;
  const case_file* c_;
  org_chart chart_;
  std::unique_ptr<calendar> merged_;
  std::unique_ptr<judge_scope> scope_;
  roster_state state_;
  std::vector<index_t> order_;
  rulebook::verdict verdict_;
};

/// Judges every request and conduct rule in `c` against `p`.
/// @par Complexity O(n log n) in the number of shifts and requests; requests in `submitted_at` order,
///      each against the roster as the earlier non-rejected requests left it.
/// @par Thread safety Safe to call concurrently with one `policy` and one `case_file`.
/// @throws case_error when the chain of command has a cycle (a loaded case never has one);
///         nothing for what the case contains: problems come back as findings.
[[nodiscard]] inline auto judge(const policy& p, const case_file& c) -> verdict { return session(p, c).take_verdict(); }

}  // namespace rulebook
