// Kind `duration_threshold`: lateness, early departure and time away from the post, measured in
// whole minutes and compared with thresholds (clause leave.8: 20 minutes or more is a violation).
#pragma once

#include "common.hpp"

namespace rulebook::rules {

/// Measures, for each shift of the final roster that no effective leave excuses:
/// - `late_arrival`: punch-in after the shift's start;
/// - `early_departure`: punch-out before the shift's end (no punch-out: nothing to judge);
/// - `away`: each away period that overlaps the shift.
/// `threshold` or more gives the rule's effect; with `lesser: {threshold, effect}`, a measure at or
/// above that lesser threshold but below `threshold` gives the lesser effect.
class duration_threshold final : public rule {
 public:
  enum class measure { late_arrival, early_departure, away };
  struct band {
    std::int64_t minutes = 0;
    rulebook::effect effect = effect::late;
  };

  duration_threshold(rule_header h, measure m, std::int64_t threshold, std::optional<band> lesser)
      : rule(std::move(h)), measure_(m), threshold_(threshold), lesser_(lesser) {}

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    auto m = detail::choice_param(params, "measure", {"late_arrival", "early_departure", "away"});
    auto threshold = detail::duration_param(params, "threshold");
    std::optional<band> lesser;
    bool ok = m && threshold;
    if (const auto* n = params.optional("lesser")) {
      auto& rd = params.reader();
      field_reader l(rd, *n, params.what_of("lesser"));
      auto t = detail::duration_param(l, "threshold");
      const auto* e = l.required("effect");
      std::optional<effect> eff;
      if (e != nullptr) {
        eff = parse_effect(e->text);
        if (!eff) rd.error(*e, rd.pick("unknown effect `" + e->text + "`", "未知的效力`" + e->text + "`"));
      }
      l.finish();
      if (t && eff && threshold && *t >= *threshold) {
        rd.error(*n, rd.pick("the `lesser` threshold of " + params.what() + " must be below `threshold`",
                             params.what() + "中`lesser`的阈值必须低于`threshold`"));
        ok = false;
      }
      ok = ok && t && eff && l.ok();
      if (ok) lesser = band{whole_minutes(*t), *eff};
    }
    if (!ok) return nullptr;
    const auto kind = *m == "late_arrival"      ? measure::late_arrival
                      : *m == "early_departure" ? measure::early_departure
                                                : measure::away;
    return std::make_unique<duration_threshold>(std::move(h), kind, whole_minutes(*threshold), lesser);
  }

  [[nodiscard]] auto judges_conduct() const -> bool override { return true; }

  void judge_employee(employee_context& ctx) const override {
    const auto& c = ctx.c();
    if (measure_ == measure::away) {
      // Both lists are sorted by start: walk them together.
      const auto& shifts = ctx.shifts();
      std::size_t s = 0;
      for (const auto a : ctx.away()) {
        const auto& ap = c.away[a];
        while (s < shifts.size() && c.shifts[shifts[s]].end <= ap.from) ++s;
        if (s == shifts.size()) break;
        const auto sh = shifts[s];
        if (c.shifts[sh].start >= ap.to || ctx.on_leave(sh)) {
          continue;
        }
        emit(ctx, sh, whole_minutes(ap.to - ap.from), &ap);
      }
      return;
    }
    for (const auto s : ctx.shifts()) {
      const auto& sh = c.shifts[s];
      if (ctx.on_leave(s)) continue;
      const auto* p = c.punch_of(s);
      if (p == nullptr) continue;
      if (measure_ == measure::late_arrival && p->in && *p->in > sh.start) {
        emit(ctx, s, whole_minutes(*p->in - sh.start), nullptr);
      } else if (measure_ == measure::early_departure && p->out && *p->out < sh.end) {
        emit(ctx, s, whole_minutes(sh.end - *p->out), nullptr);
      }
    }
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto shift = m.shift_id(f.subject.shift);
    switch (measure_) {
      case measure::late_arrival:
        return m.pick(fmt::format("be at the post when {} starts", shift), fmt::format("班次{}开始前到岗", shift));
      case measure::early_departure:
        return m.pick(fmt::format("stay until {} ends, or ask for leave first", shift),
                      fmt::format("{}结束前不得离岗，如需离开须先请假", shift));
      case measure::away:
        return m.pick(fmt::format("stay at the post during {}, or ask for leave first", shift),
                      fmt::format("{}期间不得擅离岗位，如需离开须先请假", shift));
    }
    return {};
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto who = m.person(f.subject.employee);
    const auto shift = m.shift_id(f.subject.shift);
    const auto limit = threshold_;
    // A lesser record says where it starts and where the rule's own effect does, as its evidence.
    const bool lesser = f.find("limit_minutes") != nullptr;
    const auto bounds_en = lesser ? fmt::format("{} from {} min; {} or more is a {}", to_string(f.effect),
                                                f.number("threshold_minutes"), limit, to_string(header().effect))
                                  : fmt::format("limit {}", limit);
    // 违纪 (or the policy's own word for the rule's effect), and the minutes as a length: 20分钟.
    const auto effect_zh = rulebook::words::effect_word(header().labels, header().effect, lang::zh);
    const auto limit_zh = rulebook::words::minutes(limit, lang::zh);
    switch (measure_) {
      case measure::late_arrival: {
        const auto n = f.number("late_minutes");
        return m.pick(fmt::format("{} punched in {} minute{} late for {} ({}).", who, n, n == 1 ? "" : "s", shift,
                                  bounds_en),
                      fmt::format("{}迟到{}（{}，{}及以上按{}处理）。", who, rulebook::words::minutes(n, lang::zh),
                                  shift, limit_zh, effect_zh));
      }
      case measure::early_departure: {
        const auto n = f.number("early_minutes");
        return m.pick(fmt::format("{} punched out {} minute{} early from {} ({}).", who, n, n == 1 ? "" : "s", shift,
                                  bounds_en),
                      fmt::format("{}早退{}（{}，{}及以上按{}处理）。", who, rulebook::words::minutes(n, lang::zh),
                                  shift, limit_zh, effect_zh));
      }
      case measure::away: {
        const auto n = f.number("away_minutes");
        return m.pick(fmt::format("{} was away from the post for {} minute{} during {} ({}).", who, n,
                                  n == 1 ? "" : "s", shift, bounds_en),
                      fmt::format("{}在{}期间脱岗{}（{}及以上按{}处理）。", who, shift,
                                  rulebook::words::minutes(n, lang::zh), limit_zh, effect_zh));
      }
    }
    return {};
  }

  [[nodiscard]] auto looks_at_shifts() const -> bool override { return true; }
  [[nodiscard]] auto covers(const rule& other) const -> bool override {
    const auto* o = dynamic_cast<const duration_threshold*>(&other);
    // Whenever the other's higher (or equal) threshold is reached, this lower one is too.
    return o != nullptr && o->measure_ == measure_ && !lesser_ && !o->lesser_ && threshold_ <= o->threshold_;
  }

 private:
  void emit(employee_context& ctx, shift_index s, std::int64_t minutes, const away_period* ap) const {
    rulebook::effect e;
    std::int64_t threshold = threshold_;
    if (minutes >= threshold_) {
      e = header().effect;
    } else if (lesser_ && minutes >= lesser_->minutes) {
      e = lesser_->effect;
      threshold = lesser_->minutes;
    } else {
      return;
    }
    auto f = make_finding(ctx.employee(), s, ctx.c().shifts[s].start);
    f.effect = e;
    static constexpr std::string_view keys[] = {"late_minutes", "early_minutes", "away_minutes"};
    f.evidence.push_back({keys[static_cast<int>(measure_)], minutes});
    f.evidence.push_back({"threshold_minutes", threshold});
    if (threshold != threshold_) f.evidence.push_back({"limit_minutes", threshold_});  // a lesser record
    if (ap != nullptr) {
      f.evidence.push_back({"from", ap->from});
      f.evidence.push_back({"to", ap->to});
    }
    ctx.report(header(), std::move(f));
  }

  measure measure_;
  std::int64_t threshold_;
  std::optional<band> lesser_;
};

}  // namespace rulebook::rules
