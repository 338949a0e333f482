// Kind `count_cap`: at most `max` swaps per person per calendar month (clause swap.3).
#pragma once

#include "common.hpp"

namespace rulebook::rules {

/// A swap counts once for each of its two parties, in the month its given shift starts; a swap
/// that would take either party past `max` non-rejected swaps in that month is reported.
class count_cap final : public rule {
 public:
  count_cap(rule_header h, std::int64_t max) : rule(std::move(h)), max_(max) {}

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    const auto* n = params.required("max");
    auto max = n ? params.reader().integer(*n, params.what_of("max")) : std::nullopt;
    auto per = detail::choice_param(params, "per", {"month"});
    if (!max || !per) return nullptr;
    return std::make_unique<count_cap>(std::move(h), *max);
  }

  [[nodiscard]] auto judges(request_type t) const -> bool override { return t == request_type::swap; }
  [[nodiscard]] auto max() const -> std::int64_t { return max_; }

  void judge_request(request_context& ctx) const override {
    const auto& r = ctx.req();
    const auto day = ctx.c().shifts[r.swap()->give].start.date();
    const month m{day.year(), day.month()};
    for (const auto party : {r.employee, r.swap()->counterpart}) {
      const auto before = ctx.swaps_in(party, m);
      if (before + 1 <= max_) continue;
      auto f = make_finding(party, r.swap()->give, r.submitted_at);  // about the party over the cap
      f.evidence.push_back({"party", person_ref{party}});
      f.evidence.push_back({"month", m});
      f.evidence.push_back({"swaps_before", std::int64_t{before}});
      f.evidence.push_back({"max", max_});
      ctx.report(header(), std::move(f));
    }
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto party = m.person(std::get<person_ref>(*f.find("party")).index);
    const auto mon = m.month_words(std::get<month>(*f.find("month")));
    return m.pick(fmt::format("{} already has {} swap(s) in {}; at most {} are allowed.", party,
                              f.number("swaps_before"), mon, max_),
                  fmt::format("{}在{}已换班{}次，每月不得超过{}次。", party, mon, f.number("swaps_before"), max_));
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto party = m.person(std::get<person_ref>(*f.find("party")).index);
    return m.pick(fmt::format("choose a colleague with fewer than {} swaps that month, or a shift in another month",
                              max_),
                  fmt::format("{}本月换班已满，另选同事或其他月份的班次", party));
  }

 private:
  std::int64_t max_;
};

}  // namespace rulebook::rules
