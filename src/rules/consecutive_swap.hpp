// Kind `consecutive_swap`: no swapping a swapped shift, nor the shift right before or after one
// already swapped (clause swap.3: 不允许连续换班).
#pragma once

#include "common.hpp"

namespace rulebook::rules {

/// Reports a swap whose shifts the parties do not hold, whose given shift was itself obtained by an earlier
/// swap (a path of two moves in the ownership graph), or sits right before or after a shift that
/// a non-rejected swap already moved, in the swapper's own roster (shifts given away still count
/// as theirs).
class consecutive_swap final : public rule {
 public:
  using rule::rule;

  static auto make(rule_header h, field_reader&) -> std::unique_ptr<rule> {
    return std::make_unique<consecutive_swap>(std::move(h));
  }

  [[nodiscard]] auto judges(request_type t) const -> bool override { return t == request_type::swap; }

  void judge_request(request_context& ctx) const override {
    const auto& r = ctx.req();
    const auto& c = ctx.c();
    const auto give = r.swap()->give;
    auto f = make_finding(r.employee, give, r.submitted_at);
    f.evidence.push_back({"shift", shift_ref{give}});
    if (ctx.moved_by(give) != no_index) {
      // The shift has moved before: it came to the swapper by a swap, or left them already.
      f.variant = ctx.owner(give) == r.employee ? 0 : 1;
      f.evidence.push_back({"earlier_swap", c.requests[ctx.moved_by(give)].id});
      std::string chain;
      for (const auto p : ctx.holders(give)) chain += (chain.empty() ? "" : " → ") + c.people[p].id;
      f.evidence.push_back({"holders", chain});
      ctx.report(header(), std::move(f));
      return;
    }
    const auto take = r.swap()->take;
    for (const auto& [s, holder] : {std::pair{give, r.employee}, std::pair{take, r.swap()->counterpart}}) {
      if (s == no_index || ctx.owner(s) == holder) continue;
      // Never moved and not theirs: a loaded case cannot say so, a request built in code can.
      f.variant = 3;
      f.evidence.front().value = shift_ref{s};
      f.evidence.push_back({"holder", person_ref{ctx.owner(s)}});
      ctx.report(header(), std::move(f));
      return;
    }
    // The swapper's own roster, shifts given away still counting as theirs.
    const auto [before, after] = ctx.around(r.employee, give, true);
    for (const auto neighbour : {before, after}) {
      if (neighbour == no_index || ctx.moved_by(neighbour) == no_index) continue;
      f.variant = 2;
      f.evidence.push_back({"adjacent_shift", shift_ref{neighbour}});
      f.evidence.push_back({"earlier_swap", c.requests[ctx.moved_by(neighbour)].id});
      ctx.report(header(), std::move(f));
      return;
    }
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    (void)f;
    return m.pick("swap a shift that no swap has moved and that is not next to a swapped one",
                  "另选一个未被换过、也不紧邻已换班次的班次");
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto shift = m.shift_of(f);
    if (f.variant == 3) {
      const auto holder = m.person(std::get<person_ref>(*f.find("holder")).index);
      return m.pick(fmt::format("Shift {} is {}'s to work, not a party's to give.", shift, holder),
                    fmt::format("班次{}属于{}，不能由换班双方换出。", shift, holder));
    }
    const auto earlier = std::get<std::string>(*f.find("earlier_swap"));
    if (f.variant == 2) {
      const auto next = m.shift_of(f, "adjacent_shift");
      const auto day = [&](std::string_view key) {
        const auto* v = f.find(key);
        const auto s = v ? std::get<shift_ref>(*v).index : f.subject.shift;
        return s == no_index ? std::string("?") : m.day(m.c.shifts[s].start.date());
      };
      return m.pick(fmt::format("Shift {} ({}) comes right {} shift {} ({}) in the roster, and {} already swapped {}: "
                                "no consecutive swaps.",
                                shift, day("shift"), day("shift") < day("adjacent_shift") ? "before" : "after", next,
                                day("adjacent_shift"), earlier, next),
                    fmt::format("班次{}（{}）在排班中紧邻班次{}（{}），后者已由{}换出，不允许连续换班。", shift,
                                day("shift"), next, day("adjacent_shift"), earlier));
    }
    const auto chain = std::get<std::string>(*f.find("holders"));
    if (f.variant == 1) {
      return m.pick(fmt::format("Shift {} was already swapped away by {} ({}).", shift, earlier, chain),
                    fmt::format("班次{}已由{}换出（{}）。", shift, earlier, chain));
    }
    return m.pick(fmt::format("Shift {} was itself obtained by swap {} ({}): no swapping a swapped shift.", shift,
                              earlier, chain),
                  fmt::format("班次{}本身由换班{}换得（{}），不允许连续换班。", shift, earlier, chain));
  }

  [[nodiscard]] auto covers(const rule& other) const -> bool override { return other.header().kind == header().kind; }
};

}  // namespace rulebook::rules
