// A month of a 1,000-agent call center as case-file text: deterministic, and realistic enough to
// exercise every leave and attendance rule (late and missing punches, away periods, leave of every
// kind with approvals in and out of order, swaps), the service duties and promotions.
#pragma once

#include <rulebook/time.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <cstdint>
#include <random>
#include <string>

namespace rulebook::bench {

struct month_size {
  int agents = 1000;
  int days = 31;               ///< March 2026
  int leave_every = 8;         ///< one leave request per this many agent-weeks, roughly
  int tickets_per_agent = 10;  ///< complaint tickets a month; the callback desk (one agent in four) as many cases
};

inline auto generate_month(const month_size& size = {}) -> std::string {
  std::mt19937 rng(20260301);
  auto chance = [&](int percent) { return static_cast<int>(rng() % 100) < percent; };
  auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  const time_point march(date(2026, 3, 1));
  auto at = [&](int day, int minutes) {  // 2026-03-<day> plus `minutes` from its midnight, either sign
    return format_time_point(march + boost::gregorian::days(day - 1) + boost::posix_time::minutes(minutes));
  };
  std::string out;
  out.reserve(static_cast<std::size_t>(size.agents) * size.days * 260);
  out += "period: {from: 2026-03-01, to: 2026-03-31}\npeople:\n  - {id: C01, role: center_director}\n";
  const int leaders = (size.agents + 11) / 12;
  for (int d = 0; d < 3; ++d)
    out += "  - {id: D0" + std::to_string(d) + ", role: department_director, reports_to: C01}\n";
  for (int l = 0; l < leaders; ++l) {
    out += "  - {id: L" + std::to_string(l) + ", role: shift_leader, reports_to: D0" + std::to_string(l % 3) + "}\n";
  }
  for (int a = 0; a < size.agents; ++a) {
    out += "  - {id: E" + std::to_string(a) + ", role: agent, grade: " + (a % 5 == 0 ? "intermediate" : "junior") +
           ", leader: L" + std::to_string(a / 12) + ", seat: S" + std::to_string(a % 400) + "}\n";
  }
  std::string shifts = "shifts:\n", punches = "punches:\n", away = "away:\n", requests = "requests:\n";
  int request_id = 0;
  for (int a = 0; a < size.agents; ++a) {
    const auto who = "E" + std::to_string(a);
    const auto leader = "L" + std::to_string(a / 12);
    const auto director = "D0" + std::to_string((a / 12) % 3);
    const int pattern = a % 3;  // 0 day 08-17, 1 evening 13-22, 2 night 22-06
    const int start_min = pattern == 0 ? 480 : pattern == 1 ? 780 : 1320;
    const int length = pattern == 2 ? 480 : 540;
    const char* kind = pattern == 0 ? "day" : pattern == 1 ? "evening" : "night";
    for (int day = 1; day <= size.days; ++day) {
      if ((day + a) % 7 >= 5) continue;  // two days off a week
      const auto id = who + "-" + std::to_string(day);
      shifts += "  - {id: " + id + ", employee: " + who + ", start: " + at(day, start_min) +
                ", end: " + at(day, start_min + length) + ", kind: " + kind + "}\n";
      if (chance(2)) continue;  // no punch at all
      int late = chance(85)   ? -static_cast<int>(rng() % 15) - 1
                 : chance(70) ? static_cast<int>(rng() % 19) + 1
                              : 20 + static_cast<int>(rng() % 40);
      punches += "  - {shift: " + id + ", in: " + at(day, start_min + late);
      if (!chance(3))
        punches += ", out: " + at(day, start_min + length - (chance(95) ? 0 : static_cast<int>(rng() % 40)));
      punches += "}\n";
      if (chance(3)) {
        const int from = start_min + 60 + static_cast<int>(rng() % 240);
        away += "  - {employee: " + who + ", from: " + at(day, from) +
                ", to: " + at(day, from + 5 + static_cast<int>(rng() % 40)) + "}\n";
      }
      if (chance(100 / size.leave_every)) {
        static const char* kinds[] = {"personal", "personal", "personal_special", "sick", "sick_emergency", "business"};
        const std::string lk = kinds[rng() % 6];
        const int notice = lk == "personal" ? (chance(80) ? 1440 * 3 : 600) : lk == "personal_special" ? 90 : 120;
        const auto submitted = at(day, start_min - notice);
        requests += "  - {id: R" + std::to_string(request_id++) + ", type: leave, kind: " + lk + ", employee: " + who +
                    ", submitted_by: " +
                    (lk.rfind("sick", 0) == 0 && chance(30) ? "E" + std::to_string((a + 1) % size.agents) : who) +
                    ", submitted_at: " + submitted + ", shifts: [" + id + "]";
        if (lk == "sick") {
          const auto d = "2026-03-" + two(day);
          requests += ", certificates: [{from: " + d + ", to: " + d + ", handed_in: " + at(day + 1, 600) + "}]";
        }
        if (lk == "sick_emergency") requests += ", leader_notified_at: " + at(day, start_min - 30);
        requests += ", approvals: [";
        if (chance(90)) requests += "{by: " + leader + ", at: " + at(day, start_min - notice + 30) + "}";
        if (chance(85)) requests += ", {by: " + director + ", at: " + at(day, start_min - notice + 60) + "}";
        if (lk == "business" && chance(70)) requests += ", {by: C01, at: " + at(day, start_min - notice + 90) + "}";
        if (chance(5)) requests += ", {by: L" + std::to_string((a / 12 + 1) % leaders) + ", at: " + submitted + "}";
        requests += "]}\n";
      }
    }
  }
  // Service duties and promotions: February's assessment of everyone, complaint tickets (a few
  // late or never dispatched), callbacks (some closed, some late), monitoring (some agents missed),
  // and a promotion request from one agent in twenty.
  std::string assessments = "assessments:\n", tickets = "tickets:\n", callbacks = "callbacks:\n",
              monitoring = "monitoring:\n";
  int ticket_id = 0, case_id = 0;
  for (int a = 0; a < size.agents; ++a) {
    const auto who = "E" + std::to_string(a);
    assessments += "  - {employee: " + who + ", month: 2026-02, typing_cpm: " + std::to_string(25 + rng() % 40) +
                   ", exam_passed: " + (chance(90) ? "true" : "false") + "}\n";
    for (int k = 0; k < size.tickets_per_agent; ++k) {
      const int day = 1 + static_cast<int>(rng() % static_cast<unsigned>(size.days));
      const int received = 480 + static_cast<int>(rng() % 600);
      tickets += "  - {id: T" + std::to_string(ticket_id++) + ", receiver: " + who +
                 ", received_at: " + at(day, received);
      if (!chance(1))
        tickets += ", dispatched_at: " + at(day, received + (chance(95) ? 5 + static_cast<int>(rng() % 55)
                                                                        : 61 + static_cast<int>(rng() % 60)));
      tickets += "}\n";
    }
    if (a % 4 == 0) {  // the callback desk
      for (int k = 0; k < size.tickets_per_agent; ++k) {
        const int day = 1 + static_cast<int>(rng() % static_cast<unsigned>(size.days));
        const int resolved = 480 + static_cast<int>(rng() % 600);
        callbacks += "  - {case: C" + std::to_string(case_id++) + ", agent: " + who +
                     ", resolved_at: " + at(day, resolved) + ", attempts: [{at: " + at(day, resolved + 120) +
                     ", reached: false}, {at: " + at(day + 1, resolved + (chance(95) ? 60 : 4000)) +
                     ", reached: " + (chance(80) ? "true" : "false") + "}]" +
                     (chance(10) ? ", closed: unreachable" : "") + "}\n";
      }
    }
    if (!chance(3))
      monitoring += "  - {agent: " + who + ", inspector: L" + std::to_string(a / 12) + ", at: " + at(10, 600) + "}\n";
    if (a % 20 == 0) {
      requests += "  - {id: P" + std::to_string(a) + ", type: promotion, employee: " + who +
                  ", to_grade: " + (a % 5 == 0 ? "senior" : "intermediate") + ", submitted_at: " + at(15, 600) + "}\n";
    }
  }
  // A leading comma in an approvals list is not valid YAML: tidy the generated lists.
  for (std::size_t p = requests.find("[, "); p != std::string::npos; p = requests.find("[, ", p))
    requests.erase(p + 1, 2);
  return out + shifts + punches + away + requests + assessments + tickets + callbacks + monitoring;
}

}  // namespace rulebook::bench
