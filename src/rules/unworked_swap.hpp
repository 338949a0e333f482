// Kind `unworked_swap`: a swapped shift nobody worked is held against both parties (clause swap.5).
#pragma once

#include "common.hpp"

namespace rulebook::rules {

/// For every shift a swap moved that has no punch and no effective leave, reports each of the
/// swap's two parties.
class unworked_swap final : public rule {
 public:
  using rule::rule;

  static auto make(rule_header h, field_reader&) -> std::unique_ptr<rule> {
    return std::make_unique<unworked_swap>(std::move(h));
  }

  [[nodiscard]] auto judges_case() const -> bool override { return true; }

  void judge_case(case_context& ctx) const override {
    const auto& c = ctx.c();
    for (const auto s : c.shifts.indexes()) {
      const auto by = ctx.moved_by(s);
      if (by == no_index || ctx.on_leave(s) || !c.in_period(c.shifts[s])) continue;
      if (const auto* p = c.punch_of(s); p != nullptr && (p->in || p->out)) continue;
      const auto& swap = c.requests[by];
      for (const auto party : {swap.employee, swap.swap()->counterpart}) {
        auto f = make_finding(party, s, c.shifts[s].start);
        f.evidence.push_back({"shift", shift_ref{s}});
        f.evidence.push_back({"swap", swap.id});
        f.evidence.push_back({"owner", person_ref{ctx.owner(s)}});
        ctx.report(header(), std::move(f));
      }
    }
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto shift = m.shift_of(f);
    const auto swap = std::get<std::string>(*f.find("swap"));
    return m.pick(fmt::format("both parties of swap {} see that {} is worked, or undo the swap with both leaders", swap,
                              shift),
                  fmt::format("换班{}双方须确保{}有人上岗，或经双方{}同意撤销换班", swap, shift,
                              detail::leader_word(header(), m, f.subject.employee)));
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto owner = m.person(std::get<person_ref>(*f.find("owner")).index);
    const auto swap = std::get<std::string>(*f.find("swap"));
    return m.pick(fmt::format("Nobody worked {}, moved to {} by swap {}: absenteeism for both parties.",
                              m.shift_id(f.subject.shift), owner, swap),
                  fmt::format("换班{}后班次{}应由{}上岗，但无人上岗，双方按{}处理。", swap, m.shift_id(f.subject.shift),
                              owner, rulebook::words::effect_word(header().labels, header().effect, lang::zh)));
  }

  [[nodiscard]] auto covers(const rule& other) const -> bool override { return other.header().kind == header().kind; }
};

}  // namespace rulebook::rules
