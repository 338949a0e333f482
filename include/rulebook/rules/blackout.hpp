// Kind `blackout`: a request touching a shift that `when:` selects (a night shift, a holiday) gets
// the rule's effect (clauses leave.6 and leave.7: needs a manager; swap.9: rejected).
#pragma once

#include <rulebook/rules/common.hpp>

namespace rulebook::rules {

/// Reports the first touched shift that `when:` selects. Without a shift condition in `when:` it
/// applies to every request `when:` selects.
class blackout final : public rule {
 public:
  using rule::rule;

  static auto make(rule_header h, field_reader&) -> std::unique_ptr<rule> {
    return std::make_unique<blackout>(std::move(h));
  }

  [[nodiscard]] auto judges(request_type t) const -> bool override { return t != request_type::promotion; }

  void judge_request(request_context& ctx) const override {
    const auto shifts = ctx.covered_matching(header().when);
    if (shifts.empty()) return;
    const auto first = shifts.front();
    auto f = make_finding(ctx.req().employee, first, ctx.req().submitted_at);
    f.evidence.push_back({"shift", shift_ref{first}});
    const auto day = ctx.c().shifts[first].start.date();
    if (ctx.scope().holidays.is_holiday(day)) {
      f.evidence.push_back({"holiday", ctx.scope().holidays.holiday_name(day)});
    }
    ctx.report(header(), std::move(f));
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto& r = m.c.requests.at(f.subject.request);
    const auto what = detail::request_name(r, m.lang);
    const auto shift = m.shift_of(f);
    std::string why_en, why_zh;
    if (const auto* h = f.find("holiday")) {
      why_en = fmt::format(", which starts on a public holiday ({})", std::get<std::string>(*h));
      why_zh = fmt::format("(节假日:{})", std::get<std::string>(*h));
    } else if (m.c.shifts[static_cast<std::size_t>(std::get<shift_ref>(*f.find("shift")).index)].is_night()) {
      why_en = ", a night shift";
      why_zh = "(夜班)";
    }
    if (f.effect == effect::needs_approval) {
      return m.pick(fmt::format("{} touching shift {}{} needs approval by a {}.", what, shift, why_en,
                                detail::role_name(f.approver_role, m.lang)),
                    fmt::format("涉及班次{}{}的{}须经{}批准。", shift, why_zh, what,
                                detail::role_name(f.approver_role, m.lang)));
    }
    return m.pick(fmt::format("{} touching shift {}{} is not allowed.", what, shift, why_en),
                  fmt::format("涉及班次{}{}的{}不被允许。", shift, why_zh, what));
  }
};

}  // namespace rulebook::rules
