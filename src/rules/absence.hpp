// Kind `absence`: a rostered shift with no punch at all and no effective leave (clause leave.1, 旷工).
#pragma once

#include "common.hpp"

namespace rulebook::rules {

/// Reports every shift of the final roster (inside the period) that nobody punched for and no
/// effective leave excuses.
class absence final : public rule {
 public:
  using rule::rule;

  static auto make(rule_header h, field_reader&) -> std::unique_ptr<rule> {
    return std::make_unique<absence>(std::move(h));
  }

  [[nodiscard]] auto judges_conduct() const -> bool override { return true; }

  void judge_employee(employee_context& ctx) const override {
    for (const auto s : ctx.shifts()) {
      const auto& sh = ctx.c().shifts[s];
      if (ctx.on_leave(s)) continue;
      const auto* p = ctx.c().punch_of(s);
      if (p != nullptr && (p->in || p->out)) continue;
      auto f = make_finding(ctx.employee(), s, sh.start);
      f.evidence.push_back({"shift", shift_ref{s}});
      f.evidence.push_back({"start", sh.start});
      if (const auto leave = ctx.leave_of(s); leave != no_index) {
        f.evidence.push_back({"pending_leave", ctx.c().requests[leave].id});
      }
      ctx.report(header(), std::move(f));
    }
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto shift = m.shift_id(f.subject.shift);
    if (const auto* leave = f.find("pending_leave")) {
      const auto& id = std::get<std::string>(*leave);
      return m.pick(fmt::format("have leave {} approved before {}, or work it", id, shift),
                    fmt::format("请假{}须在{}之前获批，否则须到岗", id, shift));
    }
    return m.pick(fmt::format("work {}, or ask for leave for it and have it approved beforehand", shift),
                  fmt::format("按时到岗（{}），或事先请假并获批准", shift));
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto who = m.person(f.subject.employee);
    const auto shift = m.shift_id(f.subject.shift);
    if (const auto* leave = f.find("pending_leave")) {
      const auto& id = std::get<std::string>(*leave);
      return m.pick(fmt::format("{} did not punch in for {}, and leave {} covering it is not effective.", who, shift,
                                id),
                    fmt::format("{}未到岗（{}），请假{}未生效，按{}处理。", who, shift, id,
                                rulebook::words::effect_word(header().labels, header().effect, lang::zh)));
    }
    return m.pick(fmt::format("{} did not punch in for {} and had no effective leave.", who, shift),
                  fmt::format("{}未到岗（{}）且无生效的请假，按{}处理。", who, shift,
                              rulebook::words::effect_word(header().labels, header().effect, lang::zh)));
  }

  [[nodiscard]] auto looks_at_shifts() const -> bool override { return true; }
  [[nodiscard]] auto covers(const rule& other) const -> bool override { return other.header().kind == header().kind; }
};

}  // namespace rulebook::rules
