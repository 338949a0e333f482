// Kind `monthly_minimum`: at least so many records per person per calendar month (clause
// quality.monitoring: each agent is monitored at least once a month).
#pragma once

#include "common.hpp"

#include <map>

namespace rulebook::rules {

/// For every person `when:` selects (everyone, with no `when:`) and every calendar month of the
/// period, counts the person's `records` (`monitoring`: quality-monitoring sessions, by agent) in
/// that month and reports fewer than `min`; the subject names the month. With no period, the months
/// are those from the case's first shift or record to its last. A case with no `monitoring:` list
/// (and no sessions built in code) does not report monitoring, and is not judged.
class monthly_minimum final : public rule {
 public:
  monthly_minimum(rule_header h, std::int64_t min) : rule(std::move(h)), min_(min) {}

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    const auto records = detail::choice_param(params, "records", {"monitoring"});
    if (params.node().find("records") == nullptr && params.ok()) {
      auto& rd = params.reader();
      rd.error(params.node(), rd.pick("missing key `records` in " + params.what(), params.what() + "缺少键`records`"));
      return nullptr;
    }
    const auto min = detail::count_param(params, "min", 1);
    if (!records || !min) return nullptr;
    return std::make_unique<monthly_minimum>(std::move(h), *min);
  }

  [[nodiscard]] auto judges_case() const -> bool override { return true; }

  void judge_case(case_context& ctx) const override {
    const auto& c = ctx.c();
    if (c.monitoring.empty() && !c.has_section("monitoring")) return;
    std::optional<date> first, last;
    const auto see = [&](date d) {
      if (!first || d < *first) first = d;
      if (!last || d > *last) last = d;
    };
    if (c.period) {
      see(c.period->from);
      see(c.period->to);
    } else {
      for (const auto& s : c.shifts) see(s.start.date());
      for (const auto& m : c.monitoring) see(m.at.date());
    }
    if (!first) return;
    std::map<std::pair<person_index, int>, std::int64_t> count;  // (person, year * 12 + month - 1)
    for (const auto& m : c.monitoring) {
      const auto d = m.at.date();
      ++count[{m.agent, d.year() * 12 + d.month() - 1}];
    }
    const int from = first->year() * 12 + first->month() - 1, to = last->year() * 12 + last->month() - 1;
    for (const auto p : c.people.indexes()) {
      for (int k = from; k <= to; ++k) {
        const auto it = count.find({p, k});
        const auto n = it == count.end() ? 0 : it->second;
        if (n >= min_) continue;
        const month mon{k / 12, k % 12 + 1};
        auto f = make_finding(p, no_index,
                              time_point(date(static_cast<unsigned short>(mon.year),
                                              static_cast<unsigned short>(mon.number), 1)));
        f.subject.month = mon;
        f.evidence.push_back({"month", mon});
        f.evidence.push_back({"sessions", n});
        f.evidence.push_back({"min", min_});
        ctx.report(header(), std::move(f));
      }
    }
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto who = m.person(f.subject.employee);
    const auto mon = m.month_words(*f.subject.month);
    return m.pick(fmt::format("monitor {} at least {} time(s) in {}", who, min_, mon),
                  fmt::format("{}内对{}监听不少于{}次", mon, who, min_));
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto who = m.person(f.subject.employee);
    const auto mon = m.month_words(*f.subject.month);
    return m.pick(fmt::format("{} had {} quality-monitoring session(s) in {}; the minimum is {} a month.", who,
                              f.number("sessions"), mon, min_),
                  fmt::format("{}在{}被监听{}次，每月每人不少于{}次。", who, mon, f.number("sessions"), min_));
  }

 private:
  std::int64_t min_;
};

}  // namespace rulebook::rules
