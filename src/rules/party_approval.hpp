// Kind `party_approval`: both parties' own shift leaders agree to a swap (clauses swap.2, swap.7).
#pragma once

#include "common.hpp"

namespace rulebook::rules {

/// Needs an approval from the direct leader of each party (one approval when they share a
/// leader). Approvals from anyone else do not count (swap.7: only the party's own leader).
class party_approval final : public rule {
 public:
  using rule::rule;

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    if (!detail::require_effect(params, h, {effect::needs_approval})) return nullptr;
    if (h.approvers.empty()) h.approvers = {"shift_leader"};
    return std::make_unique<party_approval>(std::move(h));
  }

  [[nodiscard]] auto judges(request_type t) const -> bool override { return t == request_type::swap; }

  void judge_request(request_context& ctx) const override {
    const auto& r = ctx.req();
    const auto& c = ctx.c();
    const person_index parties[] = {r.employee, r.swap()->counterpart};
    person_index asked[2] = {no_index, no_index};
    for (int i = 0; i < 2; ++i) {
      const auto leader = c.people[parties[i]].superior();
      if (i == 1 && leader == asked[0] && leader != no_index) break;  // a shared leader approves once
      asked[i] = leader;
      const bool approved = leader != no_index && std::any_of(r.approvals.begin(), r.approvals.end(),
                                                              [&](const approval& a) { return a.by == leader; });
      if (approved) continue;
      auto f = make_finding(parties[i], r.swap()->give, r.submitted_at);  // about the party whose leader approves
      f.approver_role = header().approvers.front();
      f.evidence.push_back({"party", person_ref{parties[i]}});
      if (leader != no_index) f.evidence.push_back({"leader", person_ref{leader}});
      ctx.report(header(), std::move(f), /*liftable=*/false);
    }
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto party = m.person(std::get<person_ref>(*f.find("party")).index);
    const auto* l = f.find("leader");
    if (l == nullptr) {
      return m.pick(fmt::format("give {} a shift leader, who approves the swap", party),
                    fmt::format("为{}指定{}并由其审批换班", party, detail::leader_word(header(), m, no_index)));
    }
    const auto leader_at = std::get<person_ref>(*l).index;
    const auto leader = m.person(leader_at);
    return m.pick(fmt::format("needs approval by {}, the {} of {}", leader,
                              detail::role_name(header(), m.c.people[leader_at].role, lang::en), party),
                  fmt::format("须经{}的{}{}同意", party,
                              detail::role_name(header(), m.c.people[leader_at].role, m.lang), leader));
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto party = m.person(std::get<person_ref>(*f.find("party")).index);
    const auto* l = f.find("leader");
    if (l == nullptr) {
      return m.pick(fmt::format("{} has no shift leader to approve the swap.", party),
                    fmt::format("{}没有{}，无人审批换班。", party, detail::leader_word(header(), m, no_index)));
    }
    const auto leader_at = std::get<person_ref>(*l).index;
    const auto leader = m.person(leader_at);
    return m.pick(fmt::format("The swap needs approval by {}, the {} of {}.", leader,
                              detail::role_name(header(), m.c.people[leader_at].role, lang::en), party),
                  fmt::format("换班须经{}的{}{}同意。", party,
                              detail::role_name(header(), m.c.people[leader_at].role, m.lang), leader));
  }
};

}  // namespace rulebook::rules
