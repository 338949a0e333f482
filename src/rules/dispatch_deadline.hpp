// Kind `dispatch_deadline`: complaint tickets are dispatched within a time of being received
// (clause service.complaint: 60 minutes).
#pragma once

#include "common.hpp"

namespace rulebook::rules {

/// A ticket received inside the period (any ticket, with no period) is reported for its receiver
/// when it was dispatched more than `within` after it was received, or not dispatched at all.
class dispatch_deadline final : public rule {
 public:
  dispatch_deadline(rule_header h, duration within) : rule(std::move(h)), within_(within) {}

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    const auto within = detail::duration_param(params, "within");
    if (!within) return nullptr;
    return std::make_unique<dispatch_deadline>(std::move(h), *within);
  }

  [[nodiscard]] auto judges_case() const -> bool override { return true; }

  void judge_case(case_context& ctx) const override {
    const auto& c = ctx.c();
    for (const auto& t : c.tickets) {
      if (!c.in_period(t.received_at.date())) continue;
      if (t.dispatched_at && *t.dispatched_at - t.received_at <= within_) continue;
      auto f = make_finding(t.receiver, no_index, t.received_at);
      f.variant = t.dispatched_at ? 0 : 1;
      f.evidence.push_back({"ticket", t.id});
      f.evidence.push_back({"received_at", t.received_at});
      if (t.dispatched_at) {
        f.evidence.push_back({"dispatched_at", *t.dispatched_at});
        const auto took = *t.dispatched_at - t.received_at;
        f.evidence.push_back({"dispatch_minutes", whole_minutes(took)});
        // 60 minutes 30 seconds is over 60 minutes: the seconds say so where the minutes cannot.
        if (took.seconds() != 0) f.evidence.push_back({"dispatch_seconds", std::int64_t{took.total_seconds()}});
      }
      f.evidence.push_back({"limit_minutes", whole_minutes(within_)});
      ctx.report(header(), std::move(f));
    }
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto id = std::get<std::string>(*f.find("ticket"));
    const auto limit = f.number("limit_minutes");
    if (f.variant == 1) {
      return m.pick(fmt::format("dispatch ticket {} now; tickets go out within {} minutes", id, limit),
                    fmt::format("立即派发投诉单{}；投诉单须在{}分钟内派发", id, limit));
    }
    return m.pick(fmt::format("dispatch tickets within {} minutes of receiving them", limit),
                  fmt::format("投诉单须在受理后{}分钟内派发", limit));
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto who = m.person(f.subject.employee);
    const auto id = std::get<std::string>(*f.find("ticket"));
    const auto limit = whole_minutes(within_);
    if (f.variant == 1) {
      return m.pick(fmt::format("{} received complaint ticket {} at {} and never dispatched it (limit {} minutes).",
                                who, id, m.time(f.subject.at), limit),
                    fmt::format("{}于{}受理的投诉单{}未派发（须在{}分钟内派发）。", who, m.time(f.subject.at), id,
                                limit));
    }
    const auto minutes = f.number("dispatch_minutes");
    const auto* secs = f.find("dispatch_seconds");
    const auto seconds = secs ? std::get<std::int64_t>(*secs) % 60 : 0;
    return m.pick(fmt::format("{} dispatched complaint ticket {} {} minutes{} after receiving it (limit {} minutes).",
                              who, id, minutes, seconds ? fmt::format(" {} seconds", seconds) : "", limit),
                  fmt::format("{}受理的投诉单{}在{}分钟{}后才派发（须在{}分钟内派发）。", who, id, minutes,
                              seconds ? fmt::format("{}秒", seconds) : "", limit));
  }

 private:
  duration within_;
};

}  // namespace rulebook::rules
