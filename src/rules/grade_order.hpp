// Kind `grade_order`: a promotion goes one grade up the ladder at a time (clause grade.order).
#pragma once

#include "common.hpp"

namespace rulebook::rules {

/// The ladder is the policy's `vocabulary.grades`, lowest first. A promotion request that asks for
/// more than the next grade (a skip), or for a grade not above the one held, is reported. Someone
/// with no grade yet may ask only for the lowest.
class grade_order final : public rule {
 public:
  using rule::rule;

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    if (h.vocabulary != nullptr && h.vocabulary->grades.size() < 2) {
      auto& rd = params.reader();
      rd.error(params.node(), rd.pick(params.what() + " needs at least two grades in `vocabulary.grades`, lowest first",
                                      params.what() + "要求`vocabulary.grades`中至少有两个级别，从低到高排列"));
      return nullptr;
    }
    return std::make_unique<grade_order>(std::move(h));
  }

  [[nodiscard]] auto judges(request_type t) const -> bool override { return t == request_type::promotion; }

  void judge_request(request_context& ctx) const override {
    const auto& ladder = ctx.names().grades;
    const auto& r = ctx.req();
    const auto& held = ctx.c().people[r.employee].grade;
    const auto& to = r.promotion()->to_grade;
    const auto at = [&](const std::string& g) -> std::ptrdiff_t {
      const auto it = std::find(ladder.begin(), ladder.end(), g);
      return it == ladder.end() ? -1 : it - ladder.begin();
    };
    const auto from = held.empty() ? std::ptrdiff_t{-1} : at(held);
    const auto target = at(to);
    if (target < 0 || (!held.empty() && from < 0) || target == from + 1) return;
    auto f = make_finding(r.employee, no_index, r.submitted_at);
    f.variant = target <= from ? 1 : 0;  // 0: skips a grade; 1: not a step up
    f.evidence.push_back({"grade", held});
    f.evidence.push_back({"to_grade", to});
    if (from + 1 < static_cast<std::ptrdiff_t>(ladder.size())) {
      f.evidence.push_back({"next_grade", ladder[static_cast<std::size_t>(from + 1)]});
    }
    ctx.report(header(), std::move(f));
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    if (const auto* next = f.find("next_grade")) {
      const auto& g = std::get<std::string>(*next);
      return m.pick(fmt::format("ask for {} first", detail::grade_name(header(), g, lang::en)),
                    fmt::format("先申请晋升{}", detail::grade_name(header(), g, lang::zh)));
    }
    const auto held = std::get<std::string>(*f.find("grade"));
    return m.pick(fmt::format("ask for a grade above {}", detail::grade_name(header(), held, lang::en)),
                  fmt::format("申请高于{}的级别", detail::grade_name(header(), held, lang::zh)));
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto who = m.person(f.subject.employee);
    const auto held = std::get<std::string>(*f.find("grade"));
    const auto to = std::get<std::string>(*f.find("to_grade"));
    const auto* next = f.find("next_grade");
    const auto next_grade = next ? std::get<std::string>(*next) : std::string();
    const auto held_en = held.empty() ? fmt::format("{} has no grade yet", who) : fmt::format("{} is {}", who, held);
    const auto held_zh = held.empty() ? std::string("无级别") : detail::grade_name(header(), held, lang::zh);
    if (f.variant == 1) {
      return m.pick(fmt::format("{}; a promotion to {} is not a step up.", held_en, to),
                    fmt::format("{}现为{}，申请{}不是晋级。", who, held_zh,
                                detail::grade_name(header(), to, lang::zh)));
    }
    return m.pick(fmt::format("{} and may be promoted only to {}, not straight to {}: grades are not skipped.", held_en,
                              next_grade, to),
                  fmt::format("{}现为{}，只能晋级为{}，不能越级晋级为{}。", who, held_zh,
                              detail::grade_name(header(), next_grade, lang::zh),
                              detail::grade_name(header(), to, lang::zh)));
  }

  [[nodiscard]] auto covers(const rule& other) const -> bool override { return other.header().kind == header().kind; }
};

}  // namespace rulebook::rules
