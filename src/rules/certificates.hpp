// Kinds `certificate_coverage` and `certificate_hand_in`: sick leave paperwork (clause leave.5).
#pragma once

#include "common.hpp"

namespace rulebook::rules {

/// A leave of at least `min_days` days needs certificates whose union covers every day it covers.
class certificate_coverage final : public rule {
 public:
  certificate_coverage(rule_header h, std::int64_t min_days) : rule(std::move(h)), min_days_(min_days) {}

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    auto min = detail::duration_param(params, "min_length", boost::posix_time::hours(24));
    if (!min) return nullptr;
    if (min->total_seconds() % 86400 != 0) {
      auto& rd = params.reader();
      rd.error(*params.node().find("min_length"), rd.pick("`min_length` counts whole days, like `1d`",
                                                          params.what_of("min_length") + "须按整天计，如`1d`"));
      return nullptr;
    }
    return std::make_unique<certificate_coverage>(std::move(h), min->total_seconds() / 86400);
  }

  [[nodiscard]] auto judges(request_type t) const -> bool override { return t == request_type::leave; }

  void judge_request(request_context& ctx) const override {
    const auto& days = ctx.days();
    if (static_cast<std::int64_t>(days.size()) < min_days_ || days.empty()) return;
    const auto& certs = ctx.req().leave()->certificates;
    date_list uncovered;
    for (const auto& d : days) {
      const bool covered = std::any_of(certs.begin(), certs.end(),
                                       [&](const certificate& c) { return c.from <= d && d <= c.to; });
      if (!covered) uncovered.push_back(d);
    }
    if (uncovered.empty()) return;
    auto f = make_finding(ctx.req().employee, ctx.covered().front(), ctx.req().submitted_at);
    f.evidence.push_back({"days", static_cast<std::int64_t>(days.size())});
    f.evidence.push_back({"uncovered_days", std::move(uncovered)});
    ctx.report(header(), std::move(f));
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto& r = m.req(f.subject.request);
    std::string list;
    for (const auto& d : std::get<date_list>(*f.find("uncovered_days")))
      list += (list.empty() ? "" : m.pick(", ", "、")) + m.day(d);
    return m.pick(fmt::format("{} of {} day(s) needs medical certificates covering every day; not covered: {}.",
                              detail::request_name(header(), r, m.lang), f.number("days"), list),
                  fmt::format("{}{}天须持医疗单位证明且证明时间连续；未覆盖：{}。",
                              detail::request_name(header(), r, m.lang), f.number("days"), list));
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    std::string list;
    for (const auto& d : std::get<date_list>(*f.find("uncovered_days")))
      list += (list.empty() ? "" : m.pick(", ", "、")) + m.day(d);
    return m.pick(fmt::format("hand in a medical certificate covering {}", list),
                  fmt::format("补交覆盖{}的医疗单位证明", list));
  }

 private:
  std::int64_t min_days_;
};

/// Each certificate must be handed in by the end of the `within`-th calendar day after the
/// leave's last day (clause leave.5: "the first day after the sick leave ends").
class certificate_hand_in final : public rule {
 public:
  certificate_hand_in(rule_header h, std::int64_t within_days) : rule(std::move(h)), within_days_(within_days) {}

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    auto within = detail::duration_param(params, "within");
    if (!within) return nullptr;
    if (within->total_seconds() % 86400 != 0) {
      auto& rd = params.reader();
      rd.error(*params.node().find("within"),
               rd.pick("`within` counts whole days, like `1d`", params.what_of("within") + "须按整天计，如`1d`"));
      return nullptr;
    }
    return std::make_unique<certificate_hand_in>(std::move(h), within->total_seconds() / 86400);
  }

  [[nodiscard]] auto judges(request_type t) const -> bool override { return t == request_type::leave; }

  void judge_request(request_context& ctx) const override {
    if (ctx.days().empty()) return;
    const time_point due(ctx.days().back() + boost::gregorian::days(static_cast<long>(within_days_) + 1));
    for (const auto& c : ctx.req().leave()->certificates) {
      if (!c.handed_in || *c.handed_in < due) continue;
      auto f = make_finding(ctx.req().employee, no_index, *c.handed_in);
      f.evidence.push_back({"handed_in", *c.handed_in});
      f.evidence.push_back({"due_before", due});
      ctx.report(header(), std::move(f));
    }
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto in = m.time(std::get<time_point>(*f.find("handed_in")));
    const auto due = m.time(std::get<time_point>(*f.find("due_before")));
    return m.pick(fmt::format("A medical certificate was handed in at {}; it was due before {}.", in, due),
                  fmt::format("病假条于{}交给{}，应在{}之前交。", in,
                              detail::leader_word(header(), m, f.subject.employee), due));
  }

 private:
  std::int64_t within_days_;
};

}  // namespace rulebook::rules
