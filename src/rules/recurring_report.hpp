// Kind `recurring_report`: a report of a type handed in by people of a role every day, working day,
// week or month, before a deadline set from the period's start (clauses duty.quality_report,
// duty.daily_report, duty.inspection_report, duty.callback_report).
#pragma once

#include "duty.hpp"

#include <map>

namespace rulebook::rules {

/// For every period of `every:` wholly inside the case's period (only days of the weekday `on:`,
/// with one), each person of role `by:` owes a report of type `report:` due `due:` after the
/// period's start. A report counts for a period when it was handed in within the period's window
/// — from `opens:` before the deadline (default: the period's start) up to the deadline, exclusive
/// — and names that period (`month:`, `week:` or `date:` of the period's unit), or none, or one
/// of another unit that overlaps the window. One naming the period handed in before the window opened does not count,
/// and is said. A report naming the period handed in at or after the deadline is late: reported with the days late (the
/// days begun since the deadline: 1 at the deadline and within a day of it). With `from: any`, one report by any of the
/// people responsible serves them all; with `on_duty:` (a shift kind, or `any`), only those who work such a shift in
/// the period, not on effective leave, are responsible, and a period with none is not judged. People hired after a
/// period are not responsible for it. A case with no `reports:` list does not report reports, and is not judged.
class recurring_report final : public rule {
 public:
  struct spec {
    std::string type;
    detail::recurrence every = detail::recurrence::month;
    std::string by;
    bool any = false;
    std::optional<std::string> on_duty;
    std::optional<int> weekday;
    duration due, opens;
    bool opens_given = false;
    detail::duty_title title;
  };

  recurring_report(rule_header h, spec s) : rule(std::move(h)), s_(std::move(s)) {}

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    bool ok = true;
    spec s;
    const auto& v = h.vocabulary;
    s.type = detail::name_param(params, "report", v ? v->report_types : std::vector<std::string>{}, "report type", ok);
    const auto every = detail::recurrence_param(params);
    s.by = detail::name_param(params, "by", v ? v->roles : std::vector<std::string>{}, "role", ok);
    const auto from = detail::choice_param(params, "from", {"each", "any"});
    s.any = from && *from == "any";
    if (const auto* n = params.optional("on_duty")) {
      auto kinds = v ? v->shift_kinds : std::vector<std::string>{};
      if (!kinds.empty()) kinds.push_back("any");
      auto t = params.reader().text(*n, "`on_duty` of " + params.what());
      ok = t && detail::known_name(params, *n, *t, kinds, "shift kind") && ok;
      s.on_duty = t;
    }
    s.weekday = detail::weekday_param(params, "on", ok);
    const auto due = detail::duration_param(params, "due");
    std::optional<duration> opens;
    if (params.node().find("opens") != nullptr) {
      opens = detail::duration_param(params, "opens");
      ok = ok && opens.has_value();
      s.opens_given = true;
    }
    s.title = detail::title_param(params, s.type, "report", ok);
    if (!every || !from || !due || !ok) return nullptr;
    s.every = *every;
    s.due = *due;
    s.opens = opens.value_or(*due);
    return std::make_unique<recurring_report>(std::move(h), std::move(s));
  }

  [[nodiscard]] auto judges_case() const -> bool override { return true; }

  void judge_case(case_context& ctx) const override {
    const auto& c = ctx.c();
    if (c.reports.empty() && !c.has_section("reports")) return;
    const auto window = detail::duty_window(c);
    if (!window) return;
    std::vector<const report*> ours;
    for (const auto& r : c.reports) {
      if (r.type == s_.type) ours.push_back(&r);
    }
    // By author, then time: a person's reports are one range.
    std::sort(ours.begin(), ours.end(), [](const report* a, const report* b) {
      return std::pair(a->by, a->submitted_at) < std::pair(b->by, b->submitted_at);
    });
    const auto by = [&](person_index p) { return std::equal_range(ours.begin(), ours.end(), p, order_by_author{}); };
    std::map<person_index, std::vector<shift_index>> rosters;  // for `on_duty:`, each person's once
    std::vector<person_index> role;
    for (const auto p : c.people.indexes()) {
      if (c.people[p].role == s_.by) role.push_back(p);
    }
    for (const auto& d : detail::duty_periods(*window, s_.every, ctx.holidays(), s_.weekday)) {
      const auto due = d.start() + s_.due;
      const auto opens = s_.opens_given ? due - s_.opens : d.start();
      // A report that names no period counts for one only: handed in before the previous period's
      // deadline (an inspection report on Monday 10:00), it is the previous period's.
      const auto unnamed_from = std::max(
          opens, detail::previous_period(d, s_.every, ctx.holidays(), s_.weekday).start() + s_.due);
      std::vector<person_index> owing;
      for (const auto p : role) {
        if (!detail::employed_during(c.people[p], d)) continue;
        if (s_.on_duty) {
          auto it = rosters.find(p);
          if (it == rosters.end()) it = rosters.emplace(p, ctx.shifts_of(p)).first;
          if (!on_duty(ctx, it->second, d)) continue;
        }
        owing.push_back(p);
      }
      if (owing.empty()) continue;
      // The report that counts for `d` from the people `from`: on time first, else the first late one.
      // What the people `from` handed in for `d`: a report on time, else the first one naming `d`
      // that came late, else one naming it that came before its window opened.
      const auto find = [&](const std::vector<person_index>& from) -> std::pair<const report*, timing> {
        const report *late = nullptr, *early = nullptr;
        for (const auto p : from) {
          const auto [begin, end] = by(p);
          for (auto it = begin; it != end; ++it) {
            const auto* r = *it;
            const bool names_it = r->covers && r->covers->first == d.unit;
            if (names_it && r->covers->second != d.first) continue;
            // One naming a period of another unit (a week, for a Monday's report) must name one
            // that overlaps the window: a daily report for July is not the one for 2 March.
            if (r->covers && !names_it && !overlaps(*r->covers, unnamed_from, due)) continue;
            if (r->submitted_at >= (names_it ? opens : unnamed_from) && r->submitted_at < due) {
              return {r, timing::on_time};
            }
            if (!names_it) continue;
            auto& kept = r->submitted_at < opens ? early : late;
            if (kept == nullptr || r->submitted_at < kept->submitted_at) kept = r;
          }
        }
        return late ? std::pair{late, timing::late} : std::pair{early, timing::early};
      };
      const auto judge = [&](person_index p, std::pair<const report*, timing> found) {
        const auto [r, when] = found;
        if (when == timing::on_time) return;
        auto f = make_finding(p, no_index, d.start());
        d.mark(f);
        f.evidence.push_back({"due", due});
        if (r != nullptr && when == timing::late) {
          f.variant = 1;
          f.evidence.push_back({"report", r->id});
          f.evidence.push_back({"by", person_ref{r->by}});
          f.evidence.push_back({"submitted_at", r->submitted_at});
          // Days begun since the deadline: at the deadline or within a day of it, 1.
          f.evidence.push_back({"days_late", std::int64_t{(r->submitted_at - due).total_seconds() / 86400 + 1}});
        } else if (r != nullptr) {
          f.variant = 2;
          f.evidence.push_back({"report", r->id});
          f.evidence.push_back({"by", person_ref{r->by}});
          f.evidence.push_back({"submitted_at", r->submitted_at});
          f.evidence.push_back({"opens", opens});
        } else if (s_.opens_given) {
          f.evidence.push_back({"opens", opens});
        }
        if (s_.any && owing.size() > 1)
          f.evidence.push_back({"shared_with", static_cast<std::int64_t>(owing.size() - 1)});
        ctx.report(header(), std::move(f));
      };
      if (s_.any) {
        const auto found = find(owing);  // one report serves them all: looked for once
        for (const auto p : owing) judge(p, found);
      } else {
        for (const auto p : owing) judge(p, find({p}));
      }
    }
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto d = detail::duty_period::of(f);
    const auto who = m.person_id(f.subject.employee);
    // Whose report came late or early: with `from: any`, maybe another's than the subject's.
    const auto* by = f.find("by");
    const auto author = by ? m.person_id(std::get<person_ref>(*by).index) : who;
    const auto due = detail::evidence_time(f, "due");
    if (f.variant == 1) {
      const auto id = detail::evidence_string(f, "report");
      const auto at = detail::evidence_time(f, "submitted_at");
      const auto late = f.number("days_late");
      return m.pick(fmt::format("{}'s {} for {} ({}) came in at {}, {} day{} late: it was due before {}.", author,
                                s_.title.en, d.words(lang::en), id, at, late, late == 1 ? "" : "s", due),
                    fmt::format("{}的{}{}({})于{}提交,迟交{}天,应在{}之前提交。", author, d.words(lang::zh),
                                s_.title.zh, id, at, late, due));
    }
    if (f.variant == 2) {
      const auto id = detail::evidence_string(f, "report");
      const auto at = detail::evidence_time(f, "submitted_at");
      const auto opens = detail::evidence_time(f, "opens");
      return m.pick(fmt::format("{}'s {} for {} ({}) came in at {}, before {}, when it could first be handed in: it "
                                "does not count.",
                                author, s_.title.en, d.words(lang::en), id, at, opens),
                    fmt::format("{}的{}{}({})于{}提交,早于可提交的{},不计入。", author, d.words(lang::zh), s_.title.zh,
                                id, at, opens));
    }
    const bool shared = f.find("shared_with") != nullptr;
    const auto from = s_.opens_given ? detail::evidence_time(f, "opens") : std::string();
    std::string en = fmt::format("{} handed in no {} for {}", who, s_.title.en, d.words(lang::en));
    std::string zh = fmt::format("{}未提交{}的{}", who, d.words(lang::zh), s_.title.zh);
    if (shared) {
      en = fmt::format("No {} for {} came from {} or any other {}{}", s_.title.en, d.words(lang::en), who,
                       detail::role_words(s_.by, lang::en), s_.on_duty ? " on duty" : "");
      zh = fmt::format("{}及其他{}{}均未提交{}的{}", who, s_.on_duty ? "当班" : "", detail::role_words(s_.by, lang::zh),
                       d.words(lang::zh), s_.title.zh);
    }
    if (!from.empty()) {
      return m.pick(en + fmt::format(" between {} and {}.", from, due), zh + fmt::format("({}至{}之间)。", from, due));
    }
    return m.pick(en + fmt::format("; it was due before {}.", due), zh + fmt::format(",应在{}之前提交。", due));
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto d = detail::duty_period::of(f);
    if (f.variant == 1) {
      return m.pick(fmt::format("hand in the {} before its deadline, {} (it came {} day{} late)", s_.title.en,
                                detail::evidence_time(f, "due"), f.number("days_late"),
                                f.number("days_late") == 1 ? "" : "s"),
                    fmt::format("按时在{}之前提交{}(本次迟交{}天)", detail::evidence_time(f, "due"), s_.title.zh,
                                f.number("days_late")));
    }
    if (f.variant == 2) {
      return m.pick(fmt::format("hand in the {} for {} between {} and {}", s_.title.en, d.words(lang::en),
                                detail::evidence_time(f, "opens"), detail::evidence_time(f, "due")),
                    fmt::format("在{}至{}之间提交{}的{}", detail::evidence_time(f, "opens"),
                                detail::evidence_time(f, "due"), d.words(lang::zh), s_.title.zh));
    }
    return m.pick(fmt::format("hand in the {} for {}", s_.title.en, d.words(lang::en)),
                  fmt::format("提交{}的{}", d.words(lang::zh), s_.title.zh));
  }

 private:
  enum class timing : std::uint8_t { on_time, late, early };

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
      if (*s_.on_duty == "any" || sh.kind == *s_.on_duty || (*s_.on_duty == "night" && sh.is_night())) return true;
    }
    return false;
  }

  spec s_;
};

}  // namespace rulebook::rules
