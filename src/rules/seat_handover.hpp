// Kind `seat_handover`: the outgoing agent stays until the incoming one arrives (clause handover.4).
#pragma once

#include "common.hpp"

#include <map>

namespace rulebook::rules {

/// Two shifts on one seat (the shift's `seat`, else its owner's) hand over when the incoming one
/// starts at or before the outgoing one ends. Reports the outgoing owner when their punch-out is
/// earlier than the incoming owner's punch-in; with either punch missing there is nothing to judge,
/// nor with either shift on effective leave (CONTRACT §2: conduct runs on the final roster, with
/// effective leave excusing a shift — a shift nobody had to work hands nothing over).
class seat_handover final : public rule {
 public:
  using rule::rule;

  static auto make(rule_header h, field_reader&) -> std::unique_ptr<rule> {
    return std::make_unique<seat_handover>(std::move(h));
  }

  [[nodiscard]] auto judges_case() const -> bool override { return true; }

  void judge_case(case_context& ctx) const override {
    const auto& c = ctx.c();
    std::map<std::string, std::vector<shift_index>, std::less<>> by_seat;
    for (const auto s : c.shifts.indexes()) {
      if (!c.in_period(c.shifts[s])) continue;
      const auto seat = c.shifts[s].seat.empty() ? std::string_view(c.people[ctx.owner(s)].seat)
                                                 : c.shifts[s].seat.view();
      if (seat.empty()) continue;
      auto at = by_seat.find(seat);
      if (at == by_seat.end()) at = by_seat.emplace(std::string(seat), std::vector<shift_index>{}).first;
      at->second.push_back(s);
    }
    for (auto& [seat, shifts] : by_seat) {
      ctx.by_start(shifts);
      for (std::size_t i = 0; i < shifts.size(); ++i) {
        const auto& out = c.shifts[shifts[i]];
        const auto* out_punch = c.punch_of(shifts[i]);
        if (out_punch == nullptr || !out_punch->out || ctx.on_leave(shifts[i])) continue;
        for (std::size_t j = i + 1; j < shifts.size() && c.shifts[shifts[j]].start <= out.end; ++j) {
          const auto& in = c.shifts[shifts[j]];
          if (in.end < out.end || ctx.owner(shifts[j]) == ctx.owner(shifts[i]) || ctx.on_leave(shifts[j])) continue;
          const auto* in_punch = c.punch_of(shifts[j]);
          if (in_punch == nullptr || !in_punch->in || *out_punch->out >= *in_punch->in) continue;
          auto f = make_finding(ctx.owner(shifts[i]), shifts[i], out.start);
          f.evidence.push_back({"seat", seat});
          f.evidence.push_back({"incoming_shift", shift_ref{shifts[j]}});
          f.evidence.push_back({"punched_out", *out_punch->out});
          f.evidence.push_back({"incoming_punched_in", *in_punch->in});
          f.evidence.push_back({"minutes_unattended", whole_minutes(*in_punch->in - *out_punch->out)});
          ctx.report(header(), std::move(f));
        }
      }
    }
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto who = m.person(f.subject.employee);
    const auto seat = std::get<std::string>(*f.find("seat"));
    const auto next = m.shift_of(f, "incoming_shift");
    return m.pick(fmt::format("{} stays at seat {} until the incoming agent of {} arrives", who, seat, next),
                  fmt::format("{}须等{}的接班人到岗后再离开机台{}", who, next, seat));
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto who = m.person(f.subject.employee);
    const auto seat = std::get<std::string>(*f.find("seat"));
    const auto next = m.shift_of(f, "incoming_shift");
    return m.pick(
        fmt::format("{} left seat {} at {}, {} minute(s) before the incoming agent of {} arrived.", who, seat,
                    m.time(std::get<time_point>(*f.find("punched_out"))), f.number("minutes_unattended"), next),
        fmt::format("{}于{}离开机台{}，接班人（{}）{}分钟后才到，接班人未到不得离台。", who,
                    m.time(std::get<time_point>(*f.find("punched_out"))), seat, next, f.number("minutes_unattended")));
  }

  [[nodiscard]] auto covers(const rule& other) const -> bool override { return other.header().kind == header().kind; }
};

}  // namespace rulebook::rules
