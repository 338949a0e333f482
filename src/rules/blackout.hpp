// Kind `blackout`: a request touching a shift that `when:` selects (a night shift, a holiday) gets
// the rule's effect (clauses leave.6 and leave.7: needs a manager; swap.9: rejected).
#pragma once

#include "common.hpp"

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
    const auto& shifts = ctx.selected();
    if (shifts.empty()) return;
    const auto first = shifts.front();
    auto f = make_finding(ctx.req().employee, first, ctx.req().submitted_at);
    f.evidence.push_back({"shift", shift_ref{first}});
    const auto day = ctx.c().shifts[first].start.date();
    if (ctx.holidays().is_holiday(day)) {
      f.evidence.push_back({"holiday", ctx.holidays().holiday_name(day)});
    }
    ctx.report(header(), std::move(f));
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    if (f.effect == effect::needs_approval) return rule::remedy(f, m);
    const auto shift = m.shift_of(f);
    return m.pick(fmt::format("withdraw it: no such request may touch shift {}", shift),
                  fmt::format("撤回申请：班次{}不得办理此类申请", shift));
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto& r = m.req(f.subject.request);
    const auto what = detail::request_name(header(), r, m.lang);
    const auto shift = m.shift_of(f);
    std::string where_en = "shift " + shift, where_zh = "班次" + shift;
    if (const auto* h = f.find("holiday")) {
      where_en += fmt::format(" on a public holiday ({})", std::get<std::string>(*h));
      where_zh += fmt::format("（节假日：{}）", std::get<std::string>(*h));
    } else if (m.c.shifts.at(std::get<shift_ref>(*f.find("shift")).index).is_night()) {
      where_en = "night " + where_en;
      where_zh = "夜班" + where_zh;
    }
    if (f.effect == effect::needs_approval) {
      return m.pick(fmt::format("{} touching {} needs approval by a {}.", what, where_en,
                                detail::role_name(header(), f.approver_role, m.lang)),
                    fmt::format("涉及{}的{}须经{}批准。", where_zh, what,
                                detail::role_name(header(), f.approver_role, m.lang)));
    }
    return m.pick(fmt::format("{} touching {} is not allowed.", what, where_en),
                  fmt::format("涉及{}的{}不被允许。", where_zh, what));
  }

  [[nodiscard]] auto looks_at_shifts() const -> bool override { return true; }
  [[nodiscard]] auto covers(const rule& other) const -> bool override { return other.header().kind == header().kind; }
};

}  // namespace rulebook::rules
