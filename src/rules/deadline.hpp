// Kind `deadline`: a request must come before a time of day on (or some days before) the day the
// touched shift starts (clause leave.6: night-shift leave before 12:00 that day).
#pragma once

#include "common.hpp"

namespace rulebook::rules {

/// Reports a request submitted at or after `time` on the day `days_before` days before the first
/// touched shift that `when:` selects starts.
class deadline final : public rule {
 public:
  deadline(rule_header h, duration time, std::int64_t days_before)
      : rule(std::move(h)), time_(time), days_before_(days_before) {}

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    const auto* t = params.required("time");
    auto time = t ? params.reader().time_of_day_value(*t, params.what_of("time")) : std::nullopt;
    std::optional<std::int64_t> days = 0;
    if (const auto* n = params.optional("days_before")) {
      days = params.reader().integer(*n, params.what_of("days_before"), 0,
                                     3650);  // date arithmetic stays in range
    }
    if (!time || !days) return nullptr;
    return std::make_unique<deadline>(std::move(h), *time, *days);
  }

  [[nodiscard]] auto judges(request_type t) const -> bool override { return t != request_type::promotion; }

  void judge_request(request_context& ctx) const override {
    const auto& shifts = ctx.selected();
    if (shifts.empty()) return;
    const auto first = shifts.front();  // the earliest shift has the earliest deadline
    const auto day = ctx.c().shifts[first].start.date() - boost::gregorian::days(static_cast<long>(days_before_));
    const time_point cutoff(day, time_);
    if (ctx.req().submitted_at < cutoff) return;
    auto f = make_finding(ctx.req().employee, first, ctx.req().submitted_at);
    f.evidence.push_back({"deadline", cutoff});
    f.evidence.push_back({"submitted_at", ctx.req().submitted_at});
    f.evidence.push_back({"shift", shift_ref{first}});
    ctx.report(header(), std::move(f));
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto& r = m.req(f.subject.request);
    const auto* cut = f.find("deadline");
    const auto cutoff = cut ? m.time(std::get<time_point>(*cut)) : std::string("?");
    return m.pick(fmt::format("{} touching shift {} had to be submitted before {}; it was submitted at {}.",
                              detail::request_name(header(), r, m.lang), m.shift_of(f), cutoff, m.time(r.submitted_at)),
                  fmt::format("涉及班次{}的{}须在{}之前提出；实际提出时间{}。", m.shift_of(f),
                              detail::request_name(header(), r, m.lang), cutoff, m.time(r.submitted_at)));
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto cutoff = m.time(std::get<time_point>(*f.find("deadline")));
    return m.pick(fmt::format("submit before {}", cutoff), fmt::format("在{}之前提出", cutoff));
  }

  [[nodiscard]] auto looks_at_shifts() const -> bool override { return true; }
 private:
  duration time_;
  std::int64_t days_before_;
};

}  // namespace rulebook::rules
