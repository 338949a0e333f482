// Kind `same_attributes`: the two parties of a swap share a job type and skill level (clause swap.4).
#pragma once

#include "common.hpp"

namespace rulebook::rules {

/// Reports each of `attributes` (`role`, `grade`) on which the two parties differ.
class same_attributes final : public rule {
 public:
  same_attributes(rule_header h, std::vector<std::string> attributes)
      : rule(std::move(h)), attributes_(std::move(attributes)) {}

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    const auto* n = params.required("attributes");
    if (n == nullptr) return nullptr;
    auto list = params.reader().text_list(*n, params.what_of("attributes"));
    for (const auto& a : list) {
      if (a != "role" && a != "grade") {
        auto& rd = params.reader();
        rd.error(*n, rd.pick("unknown attribute `" + a + "` in " + params.what() + ": `role` or `grade`",
                             params.what() + "中有未知的属性`" + a + "`：只能是`role`或`grade`"));
        return nullptr;
      }
    }
    return std::make_unique<same_attributes>(std::move(h), std::move(list));
  }

  [[nodiscard]] auto judges(request_type t) const -> bool override { return t == request_type::swap; }

  void judge_request(request_context& ctx) const override {
    const auto& r = ctx.req();
    const auto& a = ctx.c().people[r.employee];
    const auto& b = ctx.c().people[r.swap()->counterpart];
    for (const auto& attr : attributes_) {
      const auto& x = attr == "role" ? a.role : a.grade;
      const auto& y = attr == "role" ? b.role : b.grade;
      if (x == y) continue;
      auto f = make_finding(r.employee, r.swap()->give, r.submitted_at);
      f.evidence.push_back({"attribute", attr});
      f.evidence.push_back({"employee_value", x});
      f.evidence.push_back({"counterpart_value", y});
      ctx.report(header(), std::move(f));
    }
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto& r = m.req(f.subject.request);
    const auto attr = std::get<std::string>(*f.find("attribute"));
    const auto x = std::get<std::string>(*f.find("employee_value"));
    const auto y = std::get<std::string>(*f.find("counterpart_value"));
    const auto other = m.person(r.swap()->counterpart);
    return m.pick(fmt::format("{} ({} {}) and {} ({} {}) differ: swaps are between the same {}.", m.person(r.employee),
                              attr, x, other, attr, y, attr == "role" ? "job type" : "skill level"),
                  fmt::format("{}为{}，{}为{}，{}不同；换班须同工种、技术业务水平相当。", m.person(r.employee),
                              detail::label(header(), attr + "s", x, m.lang), other,
                              detail::label(header(), attr + "s", y, m.lang), attr == "role" ? "工种" : "级别"));
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto attr = std::get<std::string>(*f.find("attribute"));
    return m.pick(fmt::format("swap with a colleague of the same {}", attr), "与同工种、同级别的同事换班");
  }

 private:
  std::vector<std::string> attributes_;
};

}  // namespace rulebook::rules
