// Kind `required_field`: paperwork a request must carry (clause swap.1: a reason; swap.2: the
// registration form).
#pragma once

#include "common.hpp"

namespace rulebook::rules {

/// Reports a swap whose `field` is missing: `reason` empty, or `form_filed` not true.
class required_field final : public rule {
 public:
  enum class field { reason, form_filed };

  required_field(rule_header h, field f) : rule(std::move(h)), field_(f) {}

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    auto f = detail::choice_param(params, "field", {"reason", "form_filed"});
    if (!f || params.node().find("field") == nullptr) {
      if (f) params.required("field");
      return nullptr;
    }
    return std::make_unique<required_field>(std::move(h), *f == "reason" ? field::reason : field::form_filed);
  }

  [[nodiscard]] auto judges(request_type t) const -> bool override { return t == request_type::swap; }

  void judge_request(request_context& ctx) const override {
    const auto& sw = *ctx.req().swap();
    const bool present = field_ == field::reason ? sw.reason.find_first_not_of(" \t\r\n") != std::string::npos
                                                 : sw.form_filed;
    if (present) return;
    auto f = make_finding(ctx.req().employee, sw.give, ctx.req().submitted_at);
    f.evidence.push_back({"field", std::string(field_ == field::reason ? "reason" : "form_filed")});
    ctx.report(header(), std::move(f));
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto& r = m.req(f.subject.request);
    if (field_ == field::reason) {
      return m.pick(fmt::format("Swap {} gives no reason; a swap is for something the employee must attend to.", r.id),
                    fmt::format("换班{}未说明事由。", r.id));
    }
    return m.pick(fmt::format("Swap {} has no registration form filed.", r.id),
                  fmt::format("换班{}未填写换班登记表。", r.id));
  }

  [[nodiscard]] auto remedy(const finding&, const message_context& m) const -> std::string override {
    return field_ == field::reason ? m.pick("give the reason for the swap", "填写换班事由")
                                   : m.pick("file the swap registration form", "填写换班登记表");
  }

 private:
  field field_;
};

}  // namespace rulebook::rules
