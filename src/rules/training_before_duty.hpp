// Kind `training_before_duty`: training completed (and passed) before a person's duty
// (clause training.pre_job: new employees are trained and assessed before they go on duty).
#pragma once

#include "duty.hpp"

namespace rulebook::rules {

/// For every person who carries a `hired` date, each shift they work (in the final roster, inside
/// the period, selected by `when:`, not covered by effective leave) that starts before their
/// first training record of type `training:` completed (and, unless `passed: false`, passed) is
/// reported; a shift that starts at that moment or later is not. People with no `hired` date are
/// not judged (the case does not report their hiring), nor is a case with no `trainings:` list.
class training_before_duty final : public rule {
 public:
  training_before_duty(rule_header h, std::string type, bool passed, detail::duty_title title)
      : rule(std::move(h)), type_(std::move(type)), passed_(passed), title_(std::move(title)) {}

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    bool ok = true;
    const auto& v = h.vocabulary;
    auto type = detail::name_param(params, "training", v ? v->training_types : std::vector<std::string>{},
                                   {"training type", "培训类型"}, ok);
    const auto passed = detail::bool_param(params, "passed", true);
    auto title = detail::title_param(params, type, "training", ok);
    if (!passed || !ok) return nullptr;
    return std::make_unique<training_before_duty>(std::move(h), std::move(type), *passed, std::move(title));
  }

  [[nodiscard]] auto judges_conduct() const -> bool override { return true; }
  [[nodiscard]] auto looks_at_shifts() const -> bool override { return true; }

  void judge_employee(employee_context& ctx) const override {
    const auto& c = ctx.c();
    const auto p = ctx.employee();
    if (!c.people[p].hired || (c.trainings.empty() && !c.has_section("trainings"))) return;
    std::optional<time_point> trained;  // the first training that counts
    for (const auto& t : c.trainings) {
      if (t.employee != p || t.type != type_ || (passed_ && !t.passed)) continue;
      if (!trained || t.completed_at < *trained) trained = t.completed_at;
    }
    for (const auto s : ctx.shifts()) {
      const auto& sh = c.shifts[s];
      if (ctx.on_leave(s) || (trained && sh.start >= *trained)) continue;
      auto f = make_finding(p, s, sh.start);
      f.evidence.push_back({"shift_start", sh.start});
      if (trained) {
        f.variant = 1;
        f.evidence.push_back({"trained_at", *trained});
        f.evidence.push_back({"minutes_before_training", whole_minutes(*trained - sh.start)});
      }
      ctx.report(header(), std::move(f));
    }
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto who = m.person(f.subject.employee);
    const auto shift = m.shift_id(f.subject.shift);
    const auto start = detail::evidence_time(f, "shift_start", m.lang);
    const auto* done = passed_ ? "passed" : "completed";
    if (f.variant == 1) {
      const auto gap = m.length(duration(0, f.number("minutes_before_training"), 0));
      return m.pick(fmt::format("{} worked shift {} ({}) before the {}: {} it at {}, {} later.", who, shift, start,
                                title_.en, done, detail::evidence_time(f, "trained_at", m.lang), gap),
                    fmt::format("{}在{}前上岗（班次{}，{}开始）：{}于{}才{}，晚{}。", who, title_.zh, shift, start,
                                title_.zh, detail::evidence_time(f, "trained_at", m.lang),
                                passed_ ? "考核合格" : "完成", gap));
    }
    return m.pick(fmt::format("{} worked shift {} ({}) with no {} {} on record.", who, shift, start, done, title_.en),
                  fmt::format("{}未{}{}即上岗（班次{}，{}开始）。", who, passed_ ? "通过" : "完成", title_.zh, shift,
                              start));
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto who = m.person(f.subject.employee);
    const auto start = detail::evidence_time(f, "shift_start", m.lang);
    return m.pick(fmt::format("{} must {} the {} before {}, or be taken off shift {}", who,
                              passed_ ? "pass" : "complete", title_.en, start, m.shift_id(f.subject.shift)),
                  fmt::format("{}须在{}之前{}{}，否则不得上{}班次", who, start, passed_ ? "通过" : "完成", title_.zh,
                              m.shift_id(f.subject.shift)));
  }

 private:
  std::string type_;
  bool passed_;
  detail::duty_title title_;
};

}  // namespace rulebook::rules
