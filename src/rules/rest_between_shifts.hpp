// Kind `rest_between_shifts`: after a swap and its return, neither party works two shifts with
// less than `min_rest` between them (clause swap.3: 换班者、还班者不允许连班).
#pragma once

#include "common.hpp"

namespace rulebook::rules {

/// Applies the swap to both parties' rosters and reports every pair of neighbouring shifts that
/// involves a moved shift and leaves less than `min_rest` from the end of one to the start of the next.
class rest_between_shifts final : public rule {
 public:
  rest_between_shifts(rule_header h, duration min_rest) : rule(std::move(h)), min_rest_(min_rest) {}

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    auto rest = detail::duration_param(params, "min_rest");
    if (!rest) return nullptr;
    return std::make_unique<rest_between_shifts>(std::move(h), *rest);
  }

  [[nodiscard]] auto judges(request_type t) const -> bool override { return t == request_type::swap; }

  void judge_request(request_context& ctx) const override {
    const auto& r = ctx.req();
    const auto& sw = *r.swap();
    struct move {
      shift_index shift;
      person_index from, to;
    };
    std::vector<move> moves{{sw.give, r.employee, sw.counterpart}};
    if (sw.take != no_index) moves.push_back({sw.take, sw.counterpart, r.employee});
    for (const auto party : {r.employee, sw.counterpart}) {
      // The party's roster after the swap: what they give goes, what they receive comes.
      std::vector<shift_index> gets, gives;
      for (const auto& mv : moves) (mv.to == party ? gets : gives).push_back(mv.shift);
      for (const auto shift : gets) {
        const auto [before, after] = ctx.around(party, shift, false, gets, gives);
        if (before != no_index) check(ctx, party, before, shift);
        if (after != no_index) check(ctx, party, shift, after);
      }
    }
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto party = m.person(std::get<person_ref>(*f.find("party")).index);
    const auto rest = m.length(boost::posix_time::minutes(f.number("rest_minutes")));
    return m.pick(fmt::format("After the swap {} would work {} and {} with {} rest between them (at least {}).", party,
                              m.shift_of(f, "first"), m.shift_of(f, "second"),
                              f.number("rest_minutes") < 0 ? "overlap, no" : rest, m.length(min_rest_)),
                  fmt::format("换班后{}的班次{}与{}之间仅休息{}（至少{}），不允许连班。", party, m.shift_of(f, "first"),
                              m.shift_of(f, "second"), rest, m.length(min_rest_)));
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto party = m.person(std::get<person_ref>(*f.find("party")).index);
    return m.pick(fmt::format("choose shifts that leave {} at least {} between shifts", party, m.length(min_rest_)),
                  fmt::format("所换班次须使{}两班之间至少休息{}", party, m.length(min_rest_)));
  }

 private:
  void check(request_context& ctx, person_index party, shift_index first, shift_index second) const {
    const auto& c = ctx.c();
    const duration rest = c.shifts[second].start - c.shifts[first].end;
    if (rest >= min_rest_) return;
    auto f = make_finding(ctx.req().employee, ctx.req().swap()->give, ctx.req().submitted_at);
    f.evidence.push_back({"party", person_ref{party}});
    f.evidence.push_back({"first", shift_ref{first}});
    f.evidence.push_back({"second", shift_ref{second}});
    f.evidence.push_back({"rest_minutes", whole_minutes(rest)});
    f.evidence.push_back({"min_rest_minutes", whole_minutes(min_rest_)});
    ctx.report(header(), std::move(f));
  }

  duration min_rest_;
};

}  // namespace rulebook::rules
