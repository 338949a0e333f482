// Kind `callback_deadline`: a resolved case is called back within a time of its resolution, unless
// it is closed for a reason the policy accepts (clause service.callback: 72 hours; closed as wrong
// contact, or as unreachable after at least 3 failed attempts).
#pragma once

#include "common.hpp"

#include <map>

namespace rulebook::rules {

/// A case resolved inside the period (any case, with no period) with no successful attempt at or
/// before `within` after its resolution is reported for its agent, unless it was closed as one of
/// the reasons in `closable`, each with the failed attempts it needs first:
///
///     closable: {wrong_contact: 0, unreachable: 3}
class callback_deadline final : public rule {
 public:
  callback_deadline(rule_header h, duration within, std::map<std::string, std::int64_t> closable)
      : rule(std::move(h)), within_(within), closable_(std::move(closable)) {}

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    const auto within = detail::duration_param(params, "within");
    std::map<std::string, std::int64_t> closable;
    bool ok = within.has_value();
    if (const auto* n = params.optional("closable")) {
      auto& rd = params.reader();
      if (n->kind != source_node::type::map) {
        rd.error(*n,
                 params.what_of("closable") +
                     rd.pick(" must map close reasons to failed attempts, like `{wrong_contact: 0, unreachable: 3}`, "
                             "not ",
                             "必须把关闭原因对应到未接通次数，如`{wrong_contact: 0, unreachable: 3}`，不能是") +
                     rd.describe_node(*n));
        return nullptr;
      }
      static const std::vector<std::string> reasons{"wrong_contact", "unreachable"};
      for (std::size_t i = 0; i < n->keys.size(); ++i) {
        const auto& reason = n->keys[i].text;
        if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end()) {
          const auto hint = did_you_mean(reason, reasons, rd.language());
          rd.error(n->keys[i], rd.pick("unknown close reason `" + reason + "` in " + params.what() + hint,
                                       params.what() + "中有未知的关闭原因`" + reason + "`" + hint));
          ok = false;
          continue;
        }
        const auto attempts = rd.integer(n->items[i], rd.pick("failed attempts before closing as `" + reason + "`",
                                                              "以`" + reason + "`关闭前的未接通次数"));
        ok = ok && attempts.has_value();
        if (attempts) closable[reason] = *attempts;
      }
    }
    if (!ok) return nullptr;
    return std::make_unique<callback_deadline>(std::move(h), *within, std::move(closable));
  }

  [[nodiscard]] auto judges_case() const -> bool override { return true; }

  void judge_case(case_context& ctx) const override {
    const auto& c = ctx.c();
    for (const auto& cb : c.callbacks) {
      if (!c.in_period(cb.resolved_at.date())) continue;
      const auto deadline = cb.resolved_at + within_;
      std::int64_t failed = 0;
      bool reached = false;
      std::optional<time_point> late;  // the first success after the deadline
      for (const auto& a : cb.attempts) {
        if (a.at < cb.resolved_at) continue;  // not a callback: the case was not resolved yet
        if (!a.reached) ++failed;
        reached = reached || (a.reached && a.at <= deadline);
        if (a.reached && a.at > deadline && (!late || a.at < *late)) late = a.at;
      }
      if (reached) continue;
      std::optional<std::int64_t> needed;
      if (!cb.closed.empty()) {
        if (auto it = closable_.find(cb.closed); it != closable_.end()) {
          if (failed >= it->second) continue;
          needed = it->second;
        }
      }
      auto f = make_finding(cb.agent, no_index, cb.resolved_at);
      f.variant = needed ? 1 : late ? 2 : 0;  // 1: closed too soon; 2: reached too late
      f.evidence.push_back({"case", cb.id});
      f.evidence.push_back({"resolved_at", cb.resolved_at});
      f.evidence.push_back({"deadline", deadline});
      f.evidence.push_back({"failed_attempts", failed});
      if (!cb.closed.empty()) f.evidence.push_back({"closed", cb.closed});
      if (needed) f.evidence.push_back({"failed_attempts_needed", *needed});
      if (late) {
        f.evidence.push_back({"reached_at", *late});
        f.evidence.push_back({"callback_minutes", whole_minutes(*late - cb.resolved_at)});
      }
      ctx.report(header(), std::move(f));
    }
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto id = std::get<std::string>(*f.find("case"));
    if (f.variant == 1) {
      return m.pick(fmt::format("keep calling the customer of case {}: {} failed attempts are needed before closing it",
                                id, f.number("failed_attempts_needed")),
                    fmt::format("继续回访{}：至少{}次联系不上方可结案", id, f.number("failed_attempts_needed")));
    }
    const auto deadline = m.time(std::get<time_point>(*f.find("deadline")));
    return m.pick(fmt::format("reach the customer of case {} by {}", id, deadline),
                  fmt::format("在{}之前回访到{}的客户", deadline, id));
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto who = m.person(f.subject.employee);
    const auto id = std::get<std::string>(*f.find("case"));
    const auto failed = f.number("failed_attempts");
    if (f.variant == 1) {
      const auto reason = std::get<std::string>(*f.find("closed"));
      return m.pick(fmt::format("{} closed case {} as {} after {} failed attempt(s); at least {} are needed.", who, id,
                                reason, failed, f.number("failed_attempts_needed")),
                    fmt::format("{}在{}次联系不上后即将回访单{}以{}结案，须至少联系{}次。", who, failed, id,
                                reason == "unreachable"     ? "联系不上"
                                : reason == "wrong_contact" ? "联系信息有误"
                                                            : reason,
                                f.number("failed_attempts_needed")));
    }
    const auto deadline = m.time(std::get<time_point>(*f.find("deadline")));
    if (f.variant == 2) {
      const auto at = m.time(std::get<time_point>(*f.find("reached_at")));
      return m.pick(fmt::format("{} reached the customer of case {} at {}, after the {} deadline of {}.", who, id, at,
                                m.length(within_), deadline),
                    fmt::format("{}于{}才回访到回访单{}的用户，超过了{}的期限（{}）。", who, at, id, m.length(within_),
                                deadline));
    }
    return m.pick(fmt::format("{} did not reach the customer of case {} within {} of its resolution (by {}); {} failed "
                              "attempt(s).",
                              who, id, m.length(within_), deadline, failed),
                  fmt::format("{}未在处理结果{}内（即{}前）回访到回访单{}的用户；联系失败{}次。", who,
                              m.length(within_), deadline, id, failed));
  }

 private:
  duration within_;
  std::map<std::string, std::int64_t> closable_;
};

}  // namespace rulebook::rules
