// Kind `in_person`: the employee must submit the request personally (clause leave.4).
#pragma once

#include "common.hpp"

namespace rulebook::rules {

/// Reports a leave whose `submitted_by` is someone other than the employee.
class in_person final : public rule {
 public:
  using rule::rule;

  static auto make(rule_header h, field_reader&) -> std::unique_ptr<rule> {
    return std::make_unique<in_person>(std::move(h));
  }

  [[nodiscard]] auto judges(request_type t) const -> bool override { return t == request_type::leave; }

  void judge_request(request_context& ctx) const override {
    const auto by = ctx.req().leave()->submitted_by;
    if (by == ctx.req().employee) return;
    auto f = make_finding(ctx.req().employee, no_index, ctx.req().submitted_at);
    f.evidence.push_back({"submitted_by", person_ref{by}});
    ctx.report(header(), std::move(f));
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto& r = m.req(f.subject.request);
    const auto by = m.person(r.leave()->submitted_by);
    return m.pick(fmt::format("{} must be requested by {} in person; it was submitted by {}.",
                              detail::request_name(header(), r, m.lang), m.person(r.employee), by),
                  fmt::format("{}须由{}本人办理，不得由{}代请。", detail::request_name(header(), r, m.lang),
                              m.person(r.employee), by));
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    return m.pick(fmt::format("{} submits it in person", m.person(f.subject.employee)),
                  fmt::format("由{}本人办理", m.person(f.subject.employee)));
  }

  [[nodiscard]] auto covers(const rule& other) const -> bool override { return other.header().kind == header().kind; }
};

}  // namespace rulebook::rules
