// Kind `recurring_report`: a report of a type handed in by people of a role every day, working day,
// week or month, before a deadline set from the period's start (clauses duty.quality_report,
// duty.daily_report, duty.inspection_report, duty.callback_report).
#pragma once

#include "duty.hpp"

#include <map>
#include <tuple>

namespace rulebook::rules {

/// For every period of `every:` wholly inside the case's period (only days of the weekday `on:`,
/// with one), each person of role `by:` owes a report of type `report:` due `due:` after the
/// period's start: before that moment, or at it with `deadline: by`.
///
/// Which report is a period's (`match: period`, the default): one that names the period
/// (`month:`, `week:` or `date:` of its unit) — on time before the deadline, late after it, and,
/// with `opens:`, too early (not counted) before the deadline less `opens`. A report that names
/// none (or a period of another unit, overlapping the window) counts when handed in within the
/// window: from the period's start (or the deadline less `opens`) and after the previous
/// period's deadline, up to the deadline; handed in after the deadline but before the next
/// period's window, it is this period's, late. With `match: submitted`, only the window decides,
/// whatever a report names (clause duty.callback_report).
///
/// Days late are the days begun since the deadline (1 at the deadline and within a day of it).
/// With `from: any`, one report by any of the people responsible serves them all; with
/// `on_duty:` (a shift kind, or `any`), only those who work such a shift in the period, not on
/// effective leave, are responsible, and a period with none is not judged. People hired on or
/// after a period's deadline do not owe its report. A case with no `reports:` list does not report
/// reports, and is not judged.
class recurring_report final : public rule {
 public:
  struct spec {
    std::string type;
    detail::recurrence every = detail::recurrence::month;
    std::string by;
    bool any = false;
    bool inclusive = false;      // `deadline: by`: the deadline itself is in time
    bool by_submission = false;  // `match: submitted`
    std::optional<std::string> on_duty;
    std::optional<int> weekday;
    duration due;
    std::optional<duration> opens;
    detail::duty_title title;
  };

  recurring_report(rule_header h, spec s) : rule(std::move(h)), s_(std::move(s)) {}

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    bool ok = true;
    spec s;
    const auto& v = h.vocabulary;
    s.type = detail::name_param(params, "report", v ? v->report_types : std::vector<std::string>{},
                                {"report type", "报告类型"}, ok);
    const auto every = detail::recurrence_param(params);
    s.by = detail::name_param(params, "by", v ? v->roles : std::vector<std::string>{}, {"role", "角色"}, ok);
    const auto from = detail::choice_param(params, "from", {"each", "any"});
    s.any = from && *from == "any";
    const auto deadline = detail::choice_param(params, "deadline", {"before", "by"});
    s.inclusive = deadline && *deadline == "by";
    const auto match = detail::choice_param(params, "match", {"period", "submitted"});
    s.by_submission = match && *match == "submitted";
    if (const auto* n = params.optional("on_duty")) {
      auto kinds = v ? v->shift_kinds : std::vector<std::string>{};
      if (!kinds.empty()) kinds.push_back("any");
      auto t = params.reader().text(*n, params.what_of("on_duty"));
      ok = t && detail::known_name(params, *n, *t, kinds, {"shift kind", "班次类型"}) && ok;
      s.on_duty = t;
    }
    s.weekday = detail::weekday_param(params, "on", ok);
    const auto due = detail::duration_param(params, "due");
    if (due && due->total_seconds() <= 0) {
      auto& rd = params.reader();
      rd.error(*params.node().find("due"),
               params.what_of("due") + rd.pick(" must be after the period's start", "必须晚于期间的开始"));
      ok = false;
    }
    if (params.node().find("opens") != nullptr) {
      s.opens = detail::duration_param(params, "opens");
      ok = ok && s.opens.has_value();
    }
    s.title = detail::title_param(params, s.type, "report", ok);
    if (!every || !from || !deadline || !match || !due || !ok) return nullptr;
    s.every = *every;
    s.due = *due;
    if (!detail::weekday_fits(params, s.weekday, s.every)) return nullptr;
    return std::make_unique<recurring_report>(std::move(h), std::move(s));
  }

  [[nodiscard]] auto judges_case() const -> bool override { return true; }

  void judge_case(case_context& ctx) const override {
    const auto& c = ctx.c();
    if (c.reports.empty() && !c.has_section("reports")) return;
    std::vector<const report*> ours;
    for (const auto& r : c.reports) {
      if (r.type == s_.type) ours.push_back(&r);
    }
    const auto window = detail::duty_window(c, [&](const auto& see) {
      for (const auto* r : ours) see(r->covers ? r->covers->second : r->submitted_at.date());
    });
    if (!window) return;
    // Each person's reports by time (file order on ties), and those naming a period by that period.
    std::stable_sort(ours.begin(), ours.end(), [](const report* a, const report* b) {
      return std::pair(a->by, a->submitted_at) < std::pair(b->by, b->submitted_at);
    });
    std::map<std::tuple<std::uint32_t, period_unit, std::uint32_t>, std::vector<const report*>> naming;
    for (const auto* r : ours) {
      if (r->covers) naming[{r->by.value, r->covers->first, r->covers->second.day_number()}].push_back(r);
    }
    std::vector<person_index> role;
    for (const auto p : c.people.indexes()) {
      if (c.people[p].role == s_.by) role.push_back(p);
    }
    detail::roster_cache rosters(ctx);
    const auto& cal = ctx.holidays();
    for (const auto& d : detail::duty_periods(*window, s_.every, cal, s_.weekday)) {
      const auto times = window_of(d, cal);
      std::vector<person_index> owing;
      for (const auto p : role) {
        const auto& hired = c.people[p].hired;
        if (hired && time_point(*hired) >= times.due) continue;
        if (s_.on_duty && !on_duty(ctx, rosters.of(p), d)) continue;
        owing.push_back(p);
      }
      if (owing.empty()) continue;
      const auto find = [&](const std::vector<person_index>& from) {
        found best;
        for (const auto p : from) best.take(look(p, d, times, ours, naming));
        return best;
      };
      const auto judge = [&](person_index p, const found& f) {
        if (f.when == timing::on_time) return;
        report_finding(ctx, p, d, times, f, owing.size());
      };
      if (s_.any) {
        const auto f = find(owing);  // one report serves them all: looked for once
        for (const auto p : owing) judge(p, f);
      } else {
        for (const auto p : owing) judge(p, find({p}));
      }
    }
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto d = detail::duty_period::of(f);
    const auto who = m.person(f.subject.employee);
    const auto due = detail::evidence_time(f, "due", m.lang);
    // Whose report came late or early: with `from: any`, maybe another's than the subject's.
    const auto* by = f.find("by");
    const auto author = by ? m.person(std::get<person_ref>(*by).index) : who;
    const auto id = detail::evidence_string(f, "report");
    const auto at = detail::evidence_time(f, "submitted_at", m.lang);
    const auto before_en = s_.inclusive ? "by" : "before";
    // 应在…之前 (before the deadline) or 应不晚于… (by it, the deadline included).
    const auto due_zh = s_.inclusive ? "不晚于" + due : "在" + due + "之前";
    if (f.variant == 1) {
      const auto late_en = late_words(f, lang::en);
      const auto late_zh = late_words(f, lang::zh);
      return m.pick(fmt::format("{}'s {} for {} ({}) came in at {}, {}: it was due {} {}.", author, s_.title.en,
                                d.words(lang::en), id, at, late_en, before_en, due),
                    fmt::format("{}的{}{}（{}）于{}提交，{}，应{}提交。", author, d.words(lang::zh), s_.title.zh, id,
                                at, late_zh, due_zh));
    }
    if (f.variant == 2) {
      const auto opens = detail::evidence_time(f, "opens", m.lang);
      return m.pick(fmt::format("{}'s {} for {} ({}) came in at {}, before {}, when it could first be handed in: it "
                                "does not count.",
                                author, s_.title.en, d.words(lang::en), id, at, opens),
                    fmt::format("{}的{}{}（{}）于{}提交，早于可提交的{}，不计入。", author, d.words(lang::zh),
                                s_.title.zh, id, at, opens));
    }
    std::string en = fmt::format("{} handed in no {} for {}", who, s_.title.en, d.words(lang::en));
    std::string zh = fmt::format("{}未提交{}的{}", who, d.words(lang::zh), s_.title.zh);
    if (f.find("shared_with") != nullptr) {
      en = fmt::format("No {} for {} came from {} or any other {}{}", s_.title.en, d.words(lang::en), who,
                       detail::role_words(header().labels, s_.by, lang::en), s_.on_duty ? " on duty" : "");
      zh = fmt::format("{}及其他{}{}均未提交{}的{}", who, s_.on_duty ? "当班" : "",
                       detail::role_words(header().labels, s_.by, lang::zh), d.words(lang::zh), s_.title.zh);
    }
    if (s_.by_submission) {
      const auto from = detail::evidence_time(f, "opens", m.lang);
      return m.pick(en + fmt::format(" between {} and {}{}.", from, due, s_.inclusive ? " (inclusive)" : ""),
                    zh + fmt::format("（应在{}至{}{}之间提交）。", from, due, s_.inclusive ? "（含）" : ""));
    }
    return m.pick(en + fmt::format("; it was due {} {}.", before_en, due), zh + fmt::format("，应{}提交。", due_zh));
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto d = detail::duty_period::of(f);
    const auto due = detail::evidence_time(f, "due", m.lang);
    const auto before_en = s_.inclusive ? "by" : "before";
    if (f.variant == 1) {
      return m.pick(fmt::format("hand in the {} {} its deadline, {} (it came {})", s_.title.en, before_en, due,
                                late_words(f, lang::en)),
                    fmt::format("按时{}提交{}（本次{}）", s_.inclusive ? "不晚于" + due : "在" + due + "之前",
                                s_.title.zh, late_words(f, lang::zh)));
    }
    if (f.variant == 2) {
      return m.pick(fmt::format("hand in the {} for {} between {} and {}", s_.title.en, d.words(lang::en),
                                detail::evidence_time(f, "opens", m.lang), due),
                    fmt::format("在{}至{}之间提交{}的{}", detail::evidence_time(f, "opens", m.lang), due,
                                d.words(lang::zh), s_.title.zh));
    }
    return m.pick(fmt::format("hand in the {} for {}", s_.title.en, d.words(lang::en)),
                  fmt::format("提交{}的{}", d.words(lang::zh), s_.title.zh));
  }

 private:
  enum class timing : std::uint8_t { missing, early, late, on_time };

  // How late a late report came: in days, as the Readings count them; under a day, the time.
  static auto late_words(const finding& f, lang l) -> std::string {
    const auto days = f.number("days_late");
    const auto minutes = f.number("minutes_late");
    const auto gap = rulebook::words::length(duration(0, minutes, 0), l);
    if (l == lang::zh)
      return minutes == 0 ? "恰在截止时间" : minutes < 1440 ? "迟交" + gap : fmt::format("迟交{}天", days);
    return minutes == 0     ? std::string("at the deadline itself")
           : minutes < 1440 ? gap + " late"
                            : fmt::format("{} day{} late", days, days == 1 ? "" : "s");
  }

  // What was handed in for a period: the best of what was found (on time, else the earliest late
  // one, else the earliest early one).
  struct found {
    const report* r = nullptr;
    timing when = timing::missing;
    void take(const found& other) {
      if (other.when > when || (other.when == when && other.r != nullptr && other.r->submitted_at < r->submitted_at)) {
        *this = other;
      }
    }
  };

  // The moments that decide a period: the deadline, the end of being in time (exclusive), when a
  // report naming no period starts to count, and when one stops counting as this period's late one.
  struct moments {
    time_point due, cutoff, from, opens, late_until;
  };

  [[nodiscard]] auto cutoff_of(time_point due) const -> time_point {
    return s_.inclusive ? due + boost::posix_time::seconds(1) : due;  // times are whole seconds
  }

  [[nodiscard]] auto window_of(const detail::duty_period& d, const calendar& cal) const -> moments {
    moments t;
    t.due = d.start() + s_.due;
    t.cutoff = cutoff_of(t.due);
    t.opens = s_.opens ? t.due - *s_.opens : d.start();
    // A report that names no period is one period's only: after the previous deadline.
    const auto previous = detail::previous_period(d, s_.every, cal, s_.weekday);
    t.from = std::max(t.opens, cutoff_of(previous.start() + s_.due));
    const auto next = detail::next_period(d, s_.every, cal, s_.weekday);
    const auto next_due = next.start() + s_.due;
    t.late_until = std::max(s_.opens ? next_due - *s_.opens : next.start(), t.cutoff);
    return t;
  }

  // What `p` handed in for `d`.
  template <typename Naming>
  [[nodiscard]] auto look(person_index p, const detail::duty_period& d, const moments& t,
                          const std::vector<const report*>& ours, const Naming& naming) const -> found {
    found best;
    if (!s_.by_submission) {
      if (const auto it = naming.find({p.value, d.unit, d.first.day_number()}); it != naming.end()) {
        for (const auto* r : it->second) {
          const auto when = r->submitted_at < (s_.opens ? t.opens : time_point(boost::posix_time::neg_infin))
                                ? timing::early
                            : r->submitted_at < t.cutoff ? timing::on_time
                                                         : timing::late;
          best.take({r, when});
        }
        if (best.when == timing::on_time) return best;
      }
    }
    // The window and the stretch after it, in `p`'s reports by time.
    const auto [first, last] = std::equal_range(ours.begin(), ours.end(), p, order_by_author{});
    const auto begin = std::partition_point(first, last, [&](const report* r) { return r->submitted_at < t.from; });
    for (auto it = begin; it != last && (*it)->submitted_at < t.late_until; ++it) {
      const auto* r = *it;
      if (!s_.by_submission && r->covers) {
        // Naming this period: judged above. Naming a period of another unit: it must overlap.
        if (r->covers->first == d.unit || !overlaps(*r->covers, t.from, t.cutoff)) continue;
      }
      if (r->submitted_at < t.cutoff) return {r, timing::on_time};
      if (!s_.by_submission) best.take({r, timing::late});
    }
    return best;
  }

  void report_finding(case_context& ctx, person_index p, const detail::duty_period& d, const moments& t, const found& f,
                      std::size_t owing) const {
    auto out = make_finding(p, no_index, d.start());
    d.mark(out);
    out.evidence.push_back({"due", t.due});
    if (f.when == timing::late) {
      out.variant = 1;
      out.evidence.push_back({"report", f.r->id});
      out.evidence.push_back({"by", person_ref{f.r->by}});
      out.evidence.push_back({"submitted_at", f.r->submitted_at});
      const auto late = f.r->submitted_at - t.due;
      out.evidence.push_back({"minutes_late", whole_minutes(late)});
      // Days begun since the deadline: at the deadline or within a day of it, 1.
      out.evidence.push_back({"days_late", std::int64_t{late.total_seconds() / 86400 + 1}});
    } else if (f.when == timing::early) {
      out.variant = 2;
      out.evidence.push_back({"report", f.r->id});
      out.evidence.push_back({"by", person_ref{f.r->by}});
      out.evidence.push_back({"submitted_at", f.r->submitted_at});
      out.evidence.push_back({"opens", t.opens});
    } else if (s_.by_submission) {
      out.evidence.push_back({"opens", t.from});
    }
    if (s_.any && owing > 1) out.evidence.push_back({"shared_with", static_cast<std::int64_t>(owing - 1)});
    ctx.report(header(), std::move(out));
  }

  // Whether the period a report names, (unit, first day), overlaps the times [from, to).
  static auto overlaps(const std::pair<period_unit, date>& named, time_point from, time_point to) -> bool {
    using boost::gregorian::days;
    const auto first = named.second;
    const auto last = named.first == period_unit::month  ? first.end_of_month()
                      : named.first == period_unit::week ? first + days(6)
                                                         : first;
    return time_point(first) < to && from < time_point(last + days(1));
  }

  // Orders reports by author, to find one person's.
  struct order_by_author {
    auto operator()(const report* r, person_index p) const -> bool { return r->by < p; }
    auto operator()(person_index p, const report* r) const -> bool { return p < r->by; }
  };

  // Whether someone working `worked` (their shifts, by start) works a shift of the `on_duty:` kind
  // in `d`, not on effective leave.
  [[nodiscard]] auto on_duty(const case_context& ctx, const std::vector<shift_index>& worked,
                             const detail::duty_period& d) const -> bool {
    for (const auto s : detail::shifts_in(ctx.c(), worked, d)) {
      if (ctx.on_leave(s)) continue;
      const auto& sh = ctx.c().shifts[s];
      if (*s_.on_duty == "any" || sh.is_kind(*s_.on_duty)) return true;
    }
    return false;
  }

  spec s_;
};

}  // namespace rulebook::rules
