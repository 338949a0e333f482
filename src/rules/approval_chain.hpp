// Kind `approval_chain`: approvals from outside the employee's chain of command do not count
// (clause leave.3: no asking another team's chain).
#pragma once

#include "common.hpp"

namespace rulebook::rules {

/// Reports each approval given by someone outside the employee's chain of command.
class approval_chain final : public rule {
 public:
  using rule::rule;

  static auto make(rule_header h, field_reader&) -> std::unique_ptr<rule> {
    return std::make_unique<approval_chain>(std::move(h));
  }

  [[nodiscard]] auto judges(request_type t) const -> bool override { return t == request_type::leave; }

  void judge_request(request_context& ctx) const override {
    for (const auto a : ctx.approvals().outside) {
      const auto& ap = ctx.req().approvals[a];
      auto f = make_finding(ctx.req().employee, no_index, ap.at);
      f.evidence.push_back({"approver", person_ref{ap.by}});
      f.evidence.push_back({"approved_at", ap.at});
      ctx.report(header(), std::move(f));
    }
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto who = m.person(f.subject.employee);
    const auto* a = f.find("approver");
    const auto approver = a ? m.person(std::get<person_ref>(*a).index) : "?";
    return m.pick(fmt::format("have {}'s own chain of command approve, level by level ({}'s approval does not count)",
                              who, approver),
                  fmt::format("须由{}的上级逐级审批（{}的审批不算）", who, approver));
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto* a = f.find("approver");
    const auto by = a ? m.person(std::get<person_ref>(*a).index) : std::string("?");
    const auto emp = m.person(f.subject.employee);
    return m.pick(fmt::format("The approval by {} does not count: {} is not in {}'s chain of command.", by, by, emp),
                  fmt::format("{}的审批无效：{}不在{}的逐级审批链中，不允许交叉请假。", by, by, emp));
  }

  [[nodiscard]] auto covers(const rule& other) const -> bool override { return other.header().kind == header().kind; }
};

}  // namespace rulebook::rules
