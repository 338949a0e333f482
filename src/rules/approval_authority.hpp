// Kind `approval_authority`: who must approve, by the length of the leave (clauses leave.3, leave.9).
#pragma once

#include "common.hpp"

namespace rulebook::rules {

/// A leave of n calendar days (clause leave.3: the days its shifts start on) needs a valid approval
/// from the first tier whose `up_to` is at least n days (a tier without `up_to` takes any length).
class approval_authority final : public rule {
 public:
  struct tier {
    std::optional<std::int64_t> up_to_days;
    std::string approver;
  };

  approval_authority(rule_header h, std::vector<tier> tiers) : rule(std::move(h)), tiers_(std::move(tiers)) {}

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    if (!detail::require_effect(params, h, {effect::needs_approval})) return nullptr;
    const auto* list = params.required("tiers");
    if (list == nullptr) return nullptr;
    auto& rd = params.reader();
    if (list->kind != source_node::type::sequence || list->items.empty()) {
      rd.error(*list, params.what_of("tiers") + rd.pick(" must be a list of `{up_to: 1d, approver: role}`",
                                                        "必须是`{up_to: 1d, approver: role}`的列表"));
      return nullptr;
    }
    std::vector<tier> tiers;
    bool ok = true;
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      const auto number = std::to_string(i + 1);
      field_reader t(rd, list->items[i],
                     rd.pick("tier " + number + " of " + params.what(), params.what() + "第" + number + "级审批"));
      tier out;
      if (const auto* n = t.optional("up_to")) {
        auto d = rd.duration_value(*n, rd.pick("`up_to`", t.what_of("up_to")));
        if (d && d->total_seconds() % 86400 != 0) {
          rd.error(*n, rd.pick("`up_to` counts whole days, like `1d`, not `" + n->text + "`",
                               t.what_of("up_to") + "须按整天计，如`1d`，不能是`" + n->text + "`"));
          d.reset();
        }
        if (d) out.up_to_days = d->total_seconds() / 86400;
        ok = ok && d.has_value();
      } else if (i + 1 != list->items.size()) {
        rd.error(list->items[i], rd.pick("only the last tier of " + params.what() + " may leave out `up_to`",
                                         params.what() + "只有最后一级审批可以不写`up_to`"));
        ok = false;
      }
      if (const auto* n = t.required("approver")) {
        if (auto a = rd.text(*n, rd.pick("`approver`", t.what_of("approver")))) out.approver = *a;
      }
      ok = ok && !out.approver.empty() && t.ok();
      t.finish();
      tiers.push_back(std::move(out));
    }
    if (!ok) return nullptr;
    h.approvers.clear();
    return std::make_unique<approval_authority>(std::move(h), std::move(tiers));
  }

  [[nodiscard]] auto chooses_approver() const -> bool override { return true; }
  [[nodiscard]] auto judges(request_type t) const -> bool override { return t == request_type::leave; }
  [[nodiscard]] auto tiers() const -> const std::vector<tier>& { return tiers_; }

  void judge_request(request_context& ctx) const override {
    const auto days = static_cast<std::int64_t>(ctx.days().size());
    const tier* need = &tiers_.back();
    for (const auto& t : tiers_) {
      if (!t.up_to_days || days <= *t.up_to_days) {
        need = &t;
        break;
      }
    }
    const auto first = ctx.covered().empty() ? shift_index(no_index) : ctx.covered().front();
    auto f = make_finding(ctx.req().employee, first, ctx.req().submitted_at);
    f.approver_role = need->approver;
    f.evidence.push_back({"days", days});
    if (need->up_to_days) f.evidence.push_back({"max_days", *need->up_to_days});
    ctx.report(header(), std::move(f));  // dropped when the approver has validly approved
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto& r = m.req(f.subject.request);
    const auto days = f.number("days");
    return m.pick(fmt::format("{} of {} day{} needs approval by the {} in {}'s chain of command.",
                              detail::request_name(header(), r, m.lang), days, days == 1 ? "" : "s",
                              detail::role_name(header(), f.approver_role, m.lang), m.person(r.employee)),
                  fmt::format("{}{}天，须经{}的{}批准。", detail::request_name(header(), r, m.lang), days,
                              m.person(r.employee), detail::role_name(header(), f.approver_role, m.lang)));
  }

 private:
  std::vector<tier> tiers_;
};

}  // namespace rulebook::rules
