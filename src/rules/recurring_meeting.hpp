// Kind `recurring_meeting`: a meeting of a type held every day, working day, week or month, chaired
// by someone of a role, on a set day, with set people present (clauses duty.team_meeting,
// duty.monthly_meeting, training.morning_briefing).
#pragma once

#include "duty.hpp"

#include <map>

namespace rulebook::rules {

/// For every period of `every:` wholly inside the case's period, looks for a meeting of type
/// `meeting:` that starts in the period and meets every condition: chaired by a person of role
/// `chair:`; on the weekday `on:`; on a day of the month no later than `day_at_most:`; starting no
/// later than `starts_by:`; lasting at least `lasts_at_least:`; with someone of each role of `with:`
/// among its attendees. Without one, each person of role `chair:` is reported (the meeting held
/// that misses a condition, if any, is named with the condition). With one, each person of a role
/// of `attendees:` at none of the period's meetings that count is reported, unless every shift
/// they work in the period (at least one) is covered by effective leave. A case with no
/// `meetings:` list does not report meetings, and is not judged.
class recurring_meeting final : public rule {
 public:
  struct spec {
    std::string type;
    detail::recurrence every = detail::recurrence::week;
    std::string chair;
    std::vector<std::string> attendees, with;
    std::optional<int> weekday;
    std::optional<std::int64_t> day_at_most;
    std::optional<duration> starts_by, lasts_at_least;
    detail::duty_title title;
  };

  recurring_meeting(rule_header h, spec s) : rule(std::move(h)), s_(std::move(s)) {}

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    bool ok = true;
    spec s;
    const auto& v = h.vocabulary;
    s.type = detail::name_param(params, "meeting", v ? v->meeting_types : std::vector<std::string>{},
                                {"meeting type", "会议类型"}, ok);
    const auto every = detail::recurrence_param(params);
    s.chair = detail::name_param(params, "chair", v ? v->roles : std::vector<std::string>{}, {"role", "角色"}, ok);
    s.attendees = detail::roles_param(params, "attendees", h, ok);
    s.with = detail::roles_param(params, "with", h, ok);
    s.weekday = detail::weekday_param(params, "on", ok);
    if (params.node().find("day_at_most") != nullptr) {
      s.day_at_most = detail::count_param(params, "day_at_most", 1, std::nullopt, 31);
      ok = ok && s.day_at_most.has_value();
    }
    if (const auto* n = params.optional("starts_by")) {
      s.starts_by = params.reader().time_of_day_value(*n, params.what_of("starts_by"));
      ok = ok && s.starts_by.has_value();
    }
    if (params.node().find("lasts_at_least") != nullptr) {
      s.lasts_at_least = detail::duration_param(params, "lasts_at_least");
      ok = ok && s.lasts_at_least.has_value();
    }
    s.title = detail::title_param(params, s.type, "meeting", ok);
    if (!every || !ok) return nullptr;
    s.every = *every;
    if (s.day_at_most && s.every != detail::recurrence::month) {
      auto& rd = params.reader();
      rd.error(*params.node().find("day_at_most"),
               params.what_of("day_at_most") + rd.pick(" needs `every: month`", "只能配合`every: month`使用"));
      return nullptr;
    }
    return std::make_unique<recurring_meeting>(std::move(h), std::move(s));
  }

  [[nodiscard]] auto judges_case() const -> bool override { return true; }

  /// Why a meeting does not count, or nothing when it does; `missing` is the `with:` role absent.
  [[nodiscard]] auto fault(const case_file& c, const meeting& m, std::string* missing = nullptr) const
      -> std::optional<std::string_view> {
    if (c.people[m.chair].role != s_.chair) return "chair";
    if (s_.weekday && m.start.date().day_of_week().as_number() != *s_.weekday) return "weekday";
    if (s_.day_at_most && m.start.date().day() > *s_.day_at_most) return "day_of_month";
    if (s_.starts_by && m.start.time_of_day() > *s_.starts_by) return "starts_late";
    if (s_.lasts_at_least && m.end - m.start < *s_.lasts_at_least) return "too_short";
    for (const auto& role : s_.with) {
      // The chair is there too: a `with:` role is present when the chair or an attendee has it.
      if (c.people[m.chair].role == role) continue;
      if (std::none_of(m.attendees.begin(), m.attendees.end(),
                       [&](person_index p) { return c.people[p].role == role; })) {
        if (missing != nullptr) *missing = role;
        return "without";
      }
    }
    return std::nullopt;
  }

  void judge_case(case_context& ctx) const override {
    const auto& c = ctx.c();
    if (c.meetings.empty() && !c.has_section("meetings")) return;
    std::vector<const meeting*> ours;
    for (const auto& m : c.meetings) {
      if (m.type == s_.type) ours.push_back(&m);
    }
    const auto window = detail::duty_window(c, [&](const auto& see) {
      for (const auto* m : ours) see(m->start.date());
    });
    if (!window) return;
    // By start, file order on ties: the meeting a finding names is the first written.
    std::stable_sort(ours.begin(), ours.end(), [](const meeting* a, const meeting* b) { return a->start < b->start; });
    std::vector<person_index> chairs, expected;
    for (const auto p : c.people.indexes()) {
      if (c.people[p].role == s_.chair) chairs.push_back(p);
      if (vocabulary::has(s_.attendees, c.people[p].role)) expected.push_back(p);
    }
    detail::roster_cache rosters(ctx);
    for (const auto& d : detail::duty_periods(*window, s_.every, ctx.holidays(), s_.weekday)) {
      const meeting* missed = nullptr;  // the first meeting of the period that does not count
      std::optional<std::string_view> why;
      std::string missing_role;
      std::vector<const meeting*> held;
      const auto first = std::partition_point(ours.begin(), ours.end(),
                                              [&](const meeting* m) { return m->start < d.start(); });
      for (auto it = first; it != ours.end() && (*it)->start < d.end(); ++it) {
        const auto* m = *it;
        std::string absent;
        if (const auto f = fault(c, *m, &absent)) {
          if (missed == nullptr) missed = m, why = f, missing_role = absent;
        } else {
          held.push_back(m);
        }
      }
      if (held.empty()) {
        for (const auto p : chairs) {
          if (!detail::employed_during(c.people[p], d)) continue;
          auto f = make_finding(p, no_index, d.start());
          d.mark(f);
          if (missed != nullptr) {
            f.variant = 1;
            f.evidence.push_back({"meeting", missed->id});
            f.evidence.push_back({"held_at", missed->start});
            f.evidence.push_back({"fault", std::string(*why)});
            if (*why == "chair") f.evidence.push_back({"chair", person_ref{missed->chair}});
            if (*why == "too_short") f.evidence.push_back({"minutes", whole_minutes(missed->end - missed->start)});
            if (*why == "without") f.evidence.push_back({"missing_role", missing_role});
          } else {
            f.evidence.push_back({"meetings", std::int64_t{0}});
          }
          ctx.report(header(), std::move(f));
        }
        continue;
      }
      for (const auto p : expected) {
        // Someone hired in the period is expected at a meeting held from their first day on.
        const auto& hired = c.people[p].hired;
        const auto since = [&](const meeting* m) { return !hired || m->start.date() >= *hired; };
        const auto first_since = std::find_if(held.begin(), held.end(), since);
        if (first_since == held.end()) continue;
        const auto at = [&](const meeting* m) {
          return since(m) &&
                 (m->chair == p || std::find(m->attendees.begin(), m->attendees.end(), p) != m->attendees.end());
        };
        if (std::any_of(held.begin(), held.end(), at)) continue;
        // Away the whole period: every shift worked in it (at least one) is on effective leave.
        const auto shifts = detail::shifts_in(c, rosters.of(p), d);
        if (!shifts.empty() &&
            std::all_of(shifts.begin(), shifts.end(), [&](shift_index s) { return ctx.on_leave(s); }))
          continue;
        auto f = make_finding(p, no_index, d.start());
        d.mark(f);
        f.variant = 2;
        f.evidence.push_back({"meeting", (*first_since)->id});
        f.evidence.push_back({"held_at", (*first_since)->start});
        ctx.report(header(), std::move(f));
      }
    }
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto d = detail::duty_period::of(f);
    const auto& title_en = s_.title.en;
    const auto& title_zh = s_.title.zh;
    const auto who = m.person(f.subject.employee);
    const auto meeting_id = detail::evidence_string(f, "meeting");
    const auto held = detail::evidence_time(f, "held_at", m.lang);
    if (f.variant == 2) {
      return m.pick(fmt::format("{} was not at the {} of {} ({}, {}).", who, title_en, d.words(lang::en), meeting_id,
                                held),
                    fmt::format("{}未参加{}的{}（{}，{}）。", who, d.words(lang::zh), title_zh, meeting_id, held));
    }
    if (f.variant == 1) {
      return m.pick(fmt::format("The {} of {} ({}, {}) does not count: {}; {} answers for it.", title_en,
                                d.words(lang::en), meeting_id, held, fault_words(f, m, lang::en), who),
                    fmt::format("{}的{}（{}，{}）不符合要求：{}；由{}负责。", d.words(lang::zh), title_zh, meeting_id,
                                held, fault_words(f, m, lang::zh), who));
    }
    return m.pick(fmt::format("No {} was held {}; {} answers for it.", title_en, d.when(lang::en), who),
                  fmt::format("{}未召开{}，由{}负责。", d.words(lang::zh), title_zh, who));
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto d = detail::duty_period::of(f);
    if (f.variant == 2) {
      const auto who = m.person(f.subject.employee);
      return m.pick(fmt::format("hold the {} of {} with {} present", s_.title.en, d.words(lang::en), who),
                    fmt::format("{}的{}须有{}参加", d.words(lang::zh), s_.title.zh, who));
    }
    return m.pick(fmt::format("hold the {} of {}: {}", s_.title.en, d.words(lang::en), requirements(lang::en)),
                  fmt::format("召开{}的{}：{}", d.words(lang::zh), s_.title.zh, requirements(lang::zh)));
  }

 private:
  // Everything a meeting that counts must be: "chaired by a department director, on a Friday
  // dated the 24th or earlier, with a center director present"; 由客服部主任主持,在24日或之前的周五召开,….
  [[nodiscard]] auto requirements(lang l) const -> std::string {
    const bool zh = l == lang::zh;
    std::vector<std::string> parts;
    parts.push_back(zh ? "由" + detail::role_words(header().labels, s_.chair, l) + "主持"
                       : "chaired by a " + detail::role_words(header().labels, s_.chair, l));
    if (s_.weekday || s_.day_at_most) parts.push_back(zh ? requirements_on(l) + "召开" : "on " + requirements_on(l));
    if (s_.starts_by) {
      const auto t = detail::format_time_of_day(*s_.starts_by);
      parts.push_back(zh ? "不晚于" + t + "开始" : "starting by " + t);
    }
    if (s_.lasts_at_least) {
      parts.push_back(zh ? "不少于" + rulebook::words::length(*s_.lasts_at_least, l)
                         : "lasting at least " + rulebook::words::length(*s_.lasts_at_least, l));
    }
    for (const auto& r : s_.with) {
      parts.push_back(zh ? detail::role_words(header().labels, r, l) + "参加"
                         : "with a " + detail::role_words(header().labels, r, l) + " present");
    }
    for (const auto& r : s_.attendees) {
      parts.push_back(zh ? "全体" + detail::role_words(header().labels, r, l) + "参加"
                         : "every " + detail::role_words(header().labels, r, l) + " present");
    }
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? (zh ? "，" : ", ") : "") + parts[i];
    return out;
  }

  [[nodiscard]] auto fault_words(const finding& f, const message_context& m, lang l) const -> std::string {
    const bool zh = l == lang::zh;
    const auto fault = detail::evidence_string(f, "fault");
    const auto* at = f.find("held_at");
    const auto held = at ? std::get<time_point>(*at) : time_point();
    if (fault == "chair") {
      const auto* c = f.find("chair");
      const auto chair = c ? m.person(std::get<person_ref>(*c).index) : "?";
      return zh ? fmt::format("主持人{}不是{}", chair, detail::role_words(header().labels, s_.chair, l))
                : fmt::format("{} chaired it, not a {}", chair, detail::role_words(header().labels, s_.chair, l));
    }
    if (fault == "weekday" || fault == "day_of_month") {
      const auto wd = held.date().day_of_week().as_number();
      return zh ? fmt::format("它在{}日{}召开，应{}召开", static_cast<int>(held.date().day()), weekday_zh(wd),
                              requirements_on(l))
                : fmt::format("it was held on {} the {}, not {}", weekday_en(wd),
                              ordinal(static_cast<int>(held.date().day())), requirements_on(l));
    }
    if (fault == "starts_late") {
      const auto by = detail::format_time_of_day(*s_.starts_by);
      const auto started = detail::format_time_of_day(held.time_of_day());
      return zh ? fmt::format("开始时间{}晚于{}", started, by) : fmt::format("it started at {}, after {}", started, by);
    }
    if (fault == "too_short") {
      return zh ? fmt::format("只开了{}分钟，不足{}", f.number("minutes"), m.length(*s_.lasts_at_least))
                : fmt::format("it lasted {} min, less than {}", f.number("minutes"), m.length(*s_.lasts_at_least));
    }
    const auto role = detail::role_words(header().labels, detail::evidence_string(f, "missing_role"), l);
    return zh ? fmt::format("没有{}参加", role) : fmt::format("no {} attended", role);
  }

  // The day a meeting must be held on: "a Friday dated the 24th or earlier", 在24日或之前的周五.
  [[nodiscard]] auto requirements_on(lang l) const -> std::string {
    if (l == lang::zh) {
      return (s_.day_at_most ? fmt::format("在{}日或之前的", *s_.day_at_most) : std::string()) +
             (s_.weekday ? weekday_zh(*s_.weekday) : std::string("某日"));
    }
    return (s_.weekday ? std::string("a ") + weekday_en(*s_.weekday) : std::string("a day")) +
           (s_.day_at_most ? fmt::format(" dated the {} or earlier", ordinal(*s_.day_at_most)) : std::string());
  }

  static auto weekday_en(int wd) -> std::string {
    std::string w = detail::weekday_names[static_cast<std::size_t>(wd)];
    w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    return w;
  }
  static auto weekday_zh(int wd) -> std::string {
    static constexpr std::array<const char*, 7> names = {"周日", "周一", "周二", "周三", "周四", "周五", "周六"};
    return names[static_cast<std::size_t>(wd)];
  }
  static auto ordinal(std::int64_t n) -> std::string {
    const char* suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                         : n % 10 == 1                    ? "st"
                         : n % 10 == 2                    ? "nd"
                         : n % 10 == 3                    ? "rd"
                                                          : "th";
    return std::to_string(n) + suffix;
  }

  spec s_;
};

}  // namespace rulebook::rules
