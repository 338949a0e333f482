// Kind `early_arrival`: arrive `lead` before the shift for the leader's roll call (clause handover.1).
#pragma once

#include "common.hpp"

namespace rulebook::rules {

/// Reports a punch-in later than `lead` before the shift starts that is not late (late punches
/// are lateness, clause leave.8).
class early_arrival final : public rule {
 public:
  early_arrival(rule_header h, duration lead) : rule(std::move(h)), lead_(lead) {}

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    auto lead = detail::duration_param(params, "lead");
    if (!lead) return nullptr;
    return std::make_unique<early_arrival>(std::move(h), *lead);
  }

  [[nodiscard]] auto judges_conduct() const -> bool override { return true; }

  void judge_employee(employee_context& ctx) const override {
    const auto& c = ctx.c();
    for (const auto s : ctx.shifts()) {
      const auto& sh = c.shifts[s];
      if (ctx.on_leave(s)) continue;
      const auto* p = c.punch_of(s);
      if (p == nullptr || !p->in) continue;
      const auto margin = sh.start - *p->in;  // how long before the start they punched in
      if (margin >= lead_ || whole_minutes(*p->in - sh.start) > 0) continue;
      auto f = make_finding(ctx.employee(), s, sh.start);
      f.evidence.push_back({"minutes_before_start", whole_minutes(margin)});
      f.evidence.push_back({"required_minutes", whole_minutes(lead_)});
      ctx.report(header(), std::move(f));
    }
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto shift = m.shift_id(f.subject.shift);
    return m.pick(fmt::format("arrive {} minutes before {} for roll call", f.number("required_minutes"), shift),
                  fmt::format("提前{}分钟到岗参加点名（{}）", f.number("required_minutes"), shift));
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto who = m.person(f.subject.employee);
    const auto shift = m.shift_id(f.subject.shift);
    return m.pick(fmt::format("{} punched in {} minute(s) before {}; arrive {} minutes early for roll call.", who,
                              f.number("minutes_before_start"), shift, f.number("required_minutes")),
                  fmt::format("{}在{}开始前{}分钟到岗，应提前{}分钟到岗参加点名。", who, shift,
                              f.number("minutes_before_start"), f.number("required_minutes")));
  }

  [[nodiscard]] auto looks_at_shifts() const -> bool override { return true; }
 private:
  duration lead_;
};

}  // namespace rulebook::rules
