// A call center of any size over any number of days from 2026-01-01, written as a JSON case file
// straight to a stream: deterministic (seeded per agent), so a 700 MB year is never held in memory.
// The same mix as generate.hpp's month: late and missing punches, away periods, leave of every
// kind with approvals, complaint tickets, callbacks, monitoring and promotions.
#pragma once

#include <rulebook/time.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <algorithm>
#include <cstdint>
#include <ostream>
#include <random>
#include <string>

namespace rulebook::bench {

struct center_size {
  int agents = 1000;
  int days = 30;
};

namespace scale_detail {

/// One agent's day, decided by a generator seeded with (agent, day), so every pass agrees.
struct agent_day {
  bool works = false;
  std::string shift;  ///< id
  int start = 0, length = 0;
  const char* kind = "day";
  bool punched = false;
  int late = 0;  ///< minutes; negative is early
  bool out = false;
  int early = 0;
  bool away = false;
  int away_from = 0, away_minutes = 0;
  bool leave = false;
  int leave_kind = 0;
  std::uint32_t extra = 0;  ///< more randomness for the leave's details
};

inline auto day_of(int a, int day) -> agent_day {
  std::mt19937 rng(static_cast<std::uint32_t>(a) * 7919U + static_cast<std::uint32_t>(day) * 104729U + 1U);
  auto chance = [&](int percent) { return static_cast<int>(rng() % 100) < percent; };
  agent_day d;
  if ((day + a) % 7 >= 5) return d;  // two days off a week
  d.works = true;
  d.shift = "E" + std::to_string(a) + "-" + std::to_string(day);
  const int pattern = a % 3;  // day 08-17, evening 13-22, night 22-06
  d.start = pattern == 0 ? 480 : pattern == 1 ? 780 : 1320;
  d.length = pattern == 2 ? 480 : 540;
  d.kind = pattern == 0 ? "day" : pattern == 1 ? "evening" : "night";
  d.punched = !chance(2);
  d.late = chance(85)   ? -static_cast<int>(rng() % 15) - 1
           : chance(70) ? static_cast<int>(rng() % 19) + 1
                        : 20 + static_cast<int>(rng() % 40);
  d.out = !chance(3);
  d.early = chance(95) ? 0 : static_cast<int>(rng() % 40);
  d.away = chance(3);
  d.away_from = d.start + 60 + static_cast<int>(rng() % 240);
  d.away_minutes = 5 + static_cast<int>(rng() % 40);
  d.leave = chance(12);
  d.leave_kind = static_cast<int>(rng() % 6);
  d.extra = static_cast<std::uint32_t>(rng());
  return d;
}

}  // namespace scale_detail

/// Writes the case as JSON to `out`.
inline void write_center_json(std::ostream& out, const center_size& size) {
  using scale_detail::day_of;
  const time_point first(date(2026, 1, 1));
  const auto at = [&](int day, int minutes) {
    return '"' + format_time_point(first + boost::gregorian::days(day - 1) + boost::posix_time::minutes(minutes)) + '"';
  };
  const auto day_text = [&](int day) {
    return '"' + format_date(date(2026, 1, 1) + boost::gregorian::days(day - 1)) + '"';
  };
  const int leaders = (size.agents + 11) / 12;
  bool first_item = true;
  const auto item = [&] {
    out << (first_item ? "\n  " : ",\n  ");
    first_item = false;
  };
  const auto section = [&](const char* name) {
    out << "],\n\"" << name << "\": [";
    first_item = true;
  };
  out << "{\"period\": {\"from\": " << day_text(1) << ", \"to\": " << day_text(size.days) << "},\n\"people\": [";
  item();
  out << R"({"id": "C01", "role": "center_director"})";
  for (int d = 0; d < 3; ++d) {
    item();
    out << R"({"id": "D0)" << d << R"(", "role": "department_director", "reports_to": "C01"})";
  }
  for (int l = 0; l < leaders; ++l) {
    item();
    out << R"({"id": "L)" << l << R"(", "role": "shift_leader", "reports_to": "D0)" << l % 3 << "\"}";
  }
  // A seat is a workstation that two or three agents share on different shifts (400 seats for
  // 1,000 agents): a bigger center has more seats, not more agents on each.
  const int seats = std::max(1, size.agents * 2 / 5);
  for (int a = 0; a < size.agents; ++a) {
    item();
    out << R"({"id": "E)" << a << R"(", "role": "agent", "grade": ")" << (a % 5 == 0 ? "intermediate" : "junior")
        << R"(", "leader": "L)" << a / 12 << R"(", "seat": "S)" << a % seats << "\"}";
  }
  section("shifts");
  for (int a = 0; a < size.agents; ++a) {
    for (int day = 1; day <= size.days; ++day) {
      const auto d = day_of(a, day);
      if (!d.works) continue;
      item();
      out << R"({"id": ")" << d.shift << R"(", "employee": "E)" << a << R"(", "start": )" << at(day, d.start)
          << R"(, "end": )" << at(day, d.start + d.length) << R"(, "kind": ")" << d.kind << "\"}";
    }
  }
  section("punches");
  for (int a = 0; a < size.agents; ++a) {
    for (int day = 1; day <= size.days; ++day) {
      const auto d = day_of(a, day);
      if (!d.works || !d.punched) continue;
      item();
      out << R"({"shift": ")" << d.shift << R"(", "in": )" << at(day, d.start + d.late);
      if (d.out) out << R"(, "out": )" << at(day, d.start + d.length - d.early);
      out << "}";
    }
  }
  section("away");
  for (int a = 0; a < size.agents; ++a) {
    for (int day = 1; day <= size.days; ++day) {
      const auto d = day_of(a, day);
      if (!d.works || !d.away) continue;
      item();
      out << R"({"employee": "E)" << a << R"(", "from": )" << at(day, d.away_from) << R"(, "to": )"
          << at(day, d.away_from + d.away_minutes) << "}";
    }
  }
  section("requests");
  static const char* kinds[] = {"personal", "personal", "personal_special", "sick", "sick_emergency", "business"};
  int request_id = 0;
  for (int a = 0; a < size.agents; ++a) {
    const auto leader = "L" + std::to_string(a / 12);
    const auto director = "D0" + std::to_string((a / 12) % 3);
    for (int day = 1; day <= size.days; ++day) {
      const auto d = day_of(a, day);
      if (!d.works || !d.leave) continue;
      const std::string lk = kinds[d.leave_kind];
      const auto r = d.extra;
      const int notice = lk == "personal" ? (r % 10 < 8 ? 1440 * 3 : 600) : lk == "personal_special" ? 90 : 120;
      item();
      out << R"({"id": "R)" << request_id++ << R"(", "type": "leave", "kind": ")" << lk << R"(", "employee": "E)" << a
          << R"(", "submitted_by": "E)" << a << R"(", "submitted_at": )" << at(day, d.start - notice)
          << R"(, "shifts": [")" << d.shift << "\"]";
      if (lk == "sick") {
        out << R"(, "certificates": [{"from": )" << day_text(day) << R"(, "to": )" << day_text(day)
            << R"(, "handed_in": )" << at(day + 1, 600) << "}]";
      }
      if (lk == "sick_emergency") out << R"(, "leader_notified_at": )" << at(day, d.start - 30);
      out << R"(, "approvals": [)";
      bool any = false;
      if ((r >> 4) % 10 != 0) {
        out << R"({"by": ")" << leader << R"(", "at": )" << at(day, d.start - notice + 30) << "}";
        any = true;
      }
      if ((r >> 8) % 100 < 85) {
        out << (any ? ", " : "") << R"({"by": ")" << director << R"(", "at": )" << at(day, d.start - notice + 60)
            << "}";
        any = true;
      }
      if (lk == "business" && (r >> 12) % 10 < 7) {
        out << (any ? ", " : "") << R"({"by": "C01", "at": )" << at(day, d.start - notice + 90) << "}";
      }
      out << "]}";
    }
  }
  for (int a = 0; a < size.agents; a += 20) {
    item();
    out << R"({"id": "P)" << a << R"(", "type": "promotion", "employee": "E)" << a << R"(", "to_grade": ")"
        << (a % 5 == 0 ? "senior" : "intermediate") << R"(", "submitted_at": )" << at(std::min(size.days, 15), 600)
        << "}";
  }
  // Service duties: an assessment of everyone in each month before the last, ten complaint tickets
  // per agent and month, the callback desk's cases, monitoring once a month.
  std::mt19937 rng(20260101);
  const auto chance = [&](int percent) { return static_cast<int>(rng() % 100) < percent; };
  const int months = (size.days + 29) / 30;
  section("assessments");
  for (int a = 0; a < size.agents; ++a) {
    item();
    out << R"({"employee": "E)" << a << R"(", "month": "2025-12", "typing_cpm": )" << 25 + rng() % 40
        << R"(, "exam_passed": )" << (chance(90) ? "true" : "false") << "}";
  }
  section("tickets");
  int ticket_id = 0;
  for (int m = 0; m < months; ++m) {
    for (int a = 0; a < size.agents; ++a) {
      for (int k = 0; k < 10; ++k) {
        const int day = std::min(size.days, m * 30 + 1 + static_cast<int>(rng() % 30));
        const int received = 480 + static_cast<int>(rng() % 600);
        item();
        out << R"({"id": "T)" << ticket_id++ << R"(", "receiver": "E)" << a << R"(", "received_at": )"
            << at(day, received);
        if (!chance(1)) {
          out << R"(, "dispatched_at": )"
              << at(day,
                    received + (chance(95) ? 5 + static_cast<int>(rng() % 55) : 61 + static_cast<int>(rng() % 60)));
        }
        out << "}";
      }
    }
  }
  section("callbacks");
  int case_id = 0;
  for (int m = 0; m < months; ++m) {
    for (int a = 0; a < size.agents; a += 4) {
      for (int k = 0; k < 10; ++k) {
        const int day = std::min(size.days, m * 30 + 1 + static_cast<int>(rng() % 30));
        const int resolved = 480 + static_cast<int>(rng() % 600);
        item();
        out << R"({"case": "C)" << case_id++ << R"(", "agent": "E)" << a << R"(", "resolved_at": )" << at(day, resolved)
            << R"(, "attempts": [{"at": )" << at(day, resolved + 120) << R"(, "reached": false}, {"at": )"
            << at(day + 1, resolved + (chance(95) ? 60 : 4000)) << R"(, "reached": )" << (chance(80) ? "true" : "false")
            << "}]" << (chance(10) ? R"(, "closed": "unreachable")" : "") << "}";
      }
    }
  }
  section("monitoring");
  for (int m = 0; m < months; ++m) {
    for (int a = 0; a < size.agents; ++a) {
      if (chance(3)) continue;
      item();
      out << R"({"agent": "E)" << a << R"(", "inspector": "L)" << a / 12 << R"(", "at": )"
          << at(std::min(size.days, m * 30 + 10), 600) << "}";
    }
  }
  out << "]}\n";
}

}  // namespace rulebook::bench
