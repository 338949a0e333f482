// Clauses duty.team_meeting, duty.monthly_meeting and training.morning_briefing: a meeting of a type
// every week, month or working day, chaired by a role, on a set day, with set people present (kind
// recurring_meeting).
#include "rules/recurring_meeting.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;
using strings = std::vector<std::string>;

namespace {

// The customer-service people a meeting involves: two shift leaders, the department director
// and the center director.
const std::string people = R"(
people:
  - {id: E001, role: agent, grade: junior, leader: L01}
  - {id: L01, role: shift_leader, reports_to: D01}
  - {id: L02, role: shift_leader, reports_to: D01}
  - {id: D01, role: department_director, reports_to: C01}
  - {id: C01, role: center_director}
)";

/// A meeting as a YAML list item.
auto held(const std::string& id, const std::string& type, const std::string& start, const std::string& end,
          const std::string& chair, const std::string& attendees = "") -> std::string {
  return "  - {id: " + id + ", type: " + type + ", start: " + start + ", end: " + end + ", chair: " + chair +
         (attendees.empty() ? "" : ", attendees: [" + attendees + "]") + "}\n";
}

/// The findings of `rule`, each as `employee period variant`, where period is the subject's week,
/// day or month.
auto found(const judged& j, const std::string& rule) -> strings {
  strings out;
  for (const auto& f : j.conduct(rule)) {
    const auto period = test::period_of(f);
    out.push_back(j.c.people.at(f.subject.employee).id + " " + period + " " + std::to_string(f.variant));
  }
  return out;
}

/// The explanation of `f` (its remedy) in `l`.
auto remedy(const judged& j, const finding& f, lang l = lang::en) -> std::string {
  return j.v.rule_of(f).remedy(f, message_context{j.c, l});
}

const std::string march_week = "period: {from: 2026-03-02, to: 2026-03-08}\n";  // Monday to Sunday

}  // namespace

TEST_SUITE("rules/recurring_meeting") {
  TEST_CASE("duty.team_meeting: a week with the director's meeting and both leaders present holds") {
    judged j(people + march_week + "meetings:\n" +
             held("MT1", "team", "2026-03-04T17:00", "2026-03-04T17:45", "D01", "L01, L02"));
    CHECK(found(j, "team-meeting").empty());
  }

  TEST_CASE("duty.team_meeting: a week without one is a warning for the department director, naming the week") {
    judged j(people + march_week + "meetings: []\n");
    CHECK(found(j, "team-meeting") == strings{"D01 week 2026-03-02 0"});
    const auto f = j.conduct("team-meeting").at(0);
    CHECK(f.effect == effect::warning);
    CHECK(j.v.rule_of(f).header().clause == "duty.team_meeting");
    CHECK(f.subject.at == time_point(date(2026, 3, 2)));
    CHECK(j.message(f) == "No team meeting was held in the week of 2026-03-02; D01 answers for it.");
    CHECK(j.message(f, lang::zh) == "2026年3月2日当周未召开班务会，由D01负责。");
    CHECK(remedy(j, f) ==
          "hold the team meeting of the week of 2026-03-02: chaired by a department director, every shift leader "
          "present");
  }

  TEST_CASE("duty.team_meeting: each leader missing from the week's meeting is a warning for that leader") {
    judged j(people + march_week + "meetings:\n" +
             held("MT1", "team", "2026-03-04T17:00", "2026-03-04T17:45", "D01", "L01"));
    CHECK(found(j, "team-meeting") == strings{"L02 week 2026-03-02 2"});
    const auto f = j.conduct("team-meeting").at(0);
    CHECK(j.message(f) == "L02 was not at the team meeting of the week of 2026-03-02 (MT1, 2026-03-04T17:00).");
    CHECK(j.message(f, lang::zh) == "L02未参加2026年3月2日当周的班务会（MT1，2026年3月4日 17:00）。");
    CHECK(remedy(j, f) == "hold the team meeting of the week of 2026-03-02 with L02 present");
    CHECK(remedy(j, f, lang::zh) == "2026年3月2日当周的班务会须有L02参加");
  }

  TEST_CASE("duty.team_meeting: attending any of the week's meetings that count is enough") {
    judged j(people + march_week + "meetings:\n" +
             held("MT1", "team", "2026-03-02T17:00", "2026-03-02T17:45", "D01", "L01") +
             held("MT2", "team", "2026-03-06T17:00", "2026-03-06T17:45", "D01", "L02"));
    CHECK(found(j, "team-meeting").empty());
  }

  TEST_CASE("duty.team_meeting: a meeting chaired by someone else does not count, and says who chaired it") {
    judged j(people + march_week + "meetings:\n" +
             held("MT1", "team", "2026-03-04T17:00", "2026-03-04T17:45", "L01", "L02"));
    CHECK(found(j, "team-meeting") == strings{"D01 week 2026-03-02 1"});
    const auto f = j.conduct("team-meeting").at(0);
    CHECK(j.message(f) ==
          "The team meeting of the week of 2026-03-02 (MT1, 2026-03-04T17:00) does not count: L01 chaired it, not "
          "a department director; D01 answers for it.");
  }

  TEST_CASE("duty.team_meeting: a week only partly inside the period is not judged") {
    // Wednesday to the next Tuesday: no whole Monday-to-Sunday week.
    judged j(people + "period: {from: 2026-03-04, to: 2026-03-10}\nmeetings: []\n");
    CHECK(found(j, "team-meeting").empty());
    judged whole(people + "period: {from: 2026-03-01, to: 2026-03-15}\nmeetings: []\n");
    CHECK(found(whole, "team-meeting") == strings{"D01 week 2026-03-02 0", "D01 week 2026-03-09 0"});
  }

  TEST_CASE("duty.team_meeting: a case with no meetings list reports no meetings, and is not judged") {
    judged j(people + march_week);
    CHECK(found(j, "team-meeting").empty());
    CHECK(found(j, "monthly-meeting").empty());
  }

  TEST_CASE("duty.team_meeting: a leader on effective leave for every shift of the week is not missing") {
    // L02 works two shifts that week; both are covered by an approved leave in the first case, one in
    // the second, and the leave is not approved in the third. L01 is away with no shifts at all.
    const auto roster = std::string("shifts:\n") + test::day_shift("S1", "L02", "2026-03-03") +
                        test::day_shift("S2", "L02", "2026-03-04");
    const auto leave = [](const std::string& shifts, bool approved) {
      return "requests:\n  - {id: R1, type: leave, kind: personal, employee: L02, submitted_by: L02, "
             "submitted_at: 2026-02-25T09:00, shifts: [" +
             shifts + "]" +
             (approved ? ", approvals: [{by: D01, at: 2026-02-25T10:00}, {by: C01, at: 2026-02-25T11:00}]" : "") +
             "}\n";
    };
    const auto meetings = "meetings:\n" + held("MT1", "team", "2026-03-04T17:00", "2026-03-04T17:45", "D01", "L01");
    judged away(people + march_week + roster + leave("S1, S2", true) + meetings);
    REQUIRE(away.decision_of("R1") == decision::approved);
    CHECK(found(away, "team-meeting").empty());
    judged half(people + march_week + roster + leave("S1", true) + meetings);
    CHECK(found(half, "team-meeting") == strings{"L02 week 2026-03-02 2"});
    judged pending(people + march_week + roster + leave("S1, S2", false) + meetings);
    REQUIRE(pending.decision_of("R1") != decision::approved);
    CHECK(found(pending, "team-meeting") == strings{"L02 week 2026-03-02 2"});
    // With no shifts at all that week, nothing shows the leader was away: still expected.
    judged none(people + march_week + "meetings:\n" +
                held("MT1", "team", "2026-03-04T17:00", "2026-03-04T17:45", "D01", "L01"));
    CHECK(found(none, "team-meeting") == strings{"L02 week 2026-03-02 2"});
  }

  TEST_CASE("duty.monthly_meeting: Friday the 24th holds; Friday the 25th and Thursday the 24th do not") {
    const auto april = std::string("period: {from: 2026-04-01, to: 2026-04-30}\n");  // Friday 2026-04-24
    const auto monthly = [&](const std::string& day) {
      return judged(people + april + "meetings:\n" +
                    held("MM1", "monthly", day + "T15:00", day + "T16:00", "D01", "C01, L01, L02"));
    };
    CHECK(found(monthly("2026-04-24"), "monthly-meeting").empty());
    CHECK(found(monthly("2026-04-03"), "monthly-meeting").empty());
    const auto december = std::string("period: {from: 2026-12-01, to: 2026-12-31}\n");  // Friday 2026-12-25
    judged friday_25th(people + december + "meetings:\n" +
                       held("MM1", "monthly", "2026-12-25T15:00", "2026-12-25T16:00", "D01", "C01"));
    CHECK(found(friday_25th, "monthly-meeting") == strings{"D01 2026-12 1"});
    const auto f = friday_25th.conduct("monthly-meeting").at(0);
    CHECK(friday_25th.message(f) ==
          "The all-agent meeting of 2026-12 (MM1, 2026-12-25T15:00) does not count: it was held on Friday the 25th, "
          "not a Friday dated the 24th or earlier; D01 answers for it.");
    CHECK(
        friday_25th.message(f, lang::zh) ==
        "2026年12月的业务代表会议（MM1，2026年12月25日 15:00）不符合要求：它在25日周五召开，应在24日或之前的周五召开；由D01负责。");
    CHECK(remedy(friday_25th, f) ==
          "hold the all-agent meeting of 2026-12: chaired by a department director, on a Friday dated the 24th or "
          "earlier, with a center director present");
    const auto september = std::string("period: {from: 2026-09-01, to: 2026-09-30}\n");  // Thursday 2026-09-24
    judged thursday_24th(people + september + "meetings:\n" +
                         held("MM1", "monthly", "2026-09-24T15:00", "2026-09-24T16:00", "D01", "C01"));
    CHECK(found(thursday_24th, "monthly-meeting") == strings{"D01 2026-09 1"});
    CHECK(thursday_24th.conduct("monthly-meeting").at(0).find("fault") != nullptr);
  }

  TEST_CASE("duty.monthly_meeting: without the center director it does not count; with him it does") {
    const auto april = std::string("period: {from: 2026-04-01, to: 2026-04-30}\n");
    judged without(people + april + "meetings:\n" +
                   held("MM1", "monthly", "2026-04-17T15:00", "2026-04-17T16:00", "D01", "L01, L02"));
    CHECK(found(without, "monthly-meeting") == strings{"D01 2026-04 1"});
    CHECK(without.message(without.conduct("monthly-meeting").at(0)) ==
          "The all-agent meeting of 2026-04 (MM1, 2026-04-17T15:00) does not count: no center director attended; D01 "
          "answers for it.");
    judged with(people + april + "meetings:\n" +
                held("MM1", "monthly", "2026-04-17T15:00", "2026-04-17T16:00", "D01", "C01"));
    CHECK(found(with, "monthly-meeting").empty());
  }

  TEST_CASE("duty.monthly_meeting: a month only partly inside the period is not judged") {
    judged j(people + "period: {from: 2026-03-02, to: 2026-04-30}\nmeetings: []\n");
    CHECK(found(j, "monthly-meeting") == strings{"D01 2026-04 0"});
  }

  TEST_CASE("duty: a director hired after the period does not answer for it") {
    judged j("people:\n  - {id: D01, role: department_director, hired: 2026-03-09}\n" + march_week + "meetings: []\n");
    CHECK(found(j, "team-meeting").empty());
  }
}

TEST_SUITE("rules/recurring_meeting: who and which") {
  TEST_CASE("duty.team_meeting: a leader hired after the week's meeting is not missing from it") {
    const auto hired = [&](const std::string& day) {
      return judged(people + "  - {id: L03, role: shift_leader, reports_to: D01, hired: " + day + "}\n" + march_week +
                    "meetings:\n" + held("MT1", "team", "2026-03-04T17:00", "2026-03-04T17:45", "D01", "L01, L02"));
    };
    CHECK(found(hired("2026-03-05"), "team-meeting").empty());
    CHECK(found(hired("2026-03-04"), "team-meeting") == strings{"L03 week 2026-03-02 2"});
  }

  TEST_CASE("duty.monthly_meeting: the missing with-role alone is named; the chair counts as present") {
    const auto p = test::policy_of("policy: {name: p}\n" + test::department_vocabulary + R"(  meeting_types: [monthly]
rules:
  - {id: m, clause: c, kind: recurring_meeting, meeting: monthly, every: month, chair: department_director,
     with: [shift_leader, department_director], effect: warning}
)");
    judged j(people + "period: {from: 2026-04-01, to: 2026-04-30}\nmeetings:\n" +
                 held("MM1", "monthly", "2026-04-17T15:00", "2026-04-17T16:00", "D01", "C01"),
             p);
    REQUIRE(j.v.findings.size() == 1);
    CHECK(j.v.findings[0].find("missing_role") != nullptr);
    CHECK(j.message(j.v.findings[0]) ==
          "The monthly meeting of 2026-04 (MM1, 2026-04-17T15:00) does not count: no shift leader attended; D01 "
          "answers for it.");
  }

  TEST_CASE("duty.team_meeting: of meetings at the same moment, the first written is the one named") {
    std::string meetings = "meetings:\n";
    for (int i = 1; i <= 20; ++i) {
      meetings += held("M" + std::to_string(100 + i), "team", "2026-03-04T17:00", "2026-03-04T17:45", "L01");
    }
    judged j(people + march_week + meetings);
    REQUIRE(j.conduct("team-meeting").size() == 1);
    CHECK(j.message(j.conduct("team-meeting").at(0)).find("(M101, ") != std::string::npos);
  }
}

TEST_SUITE("rules/recurring_meeting: the morning briefing") {
  // training.morning_briefing, in the VIP policy: every working day, by 08:30, at least 15 minutes,
  // held by a team leader; a missing one is a warning for each team leader.
  const std::string team = R"(
people:
  - {id: T01, role: team_leader}
  - {id: T02, role: team_leader}
  - {id: M01, role: account_manager, leader: T01}
)";

  TEST_CASE("training.morning_briefing: 08:30 for 15 minutes holds; 08:31, or 14 minutes, does not") {
    const auto day = [&](const std::string& start, const std::string& end) {
      return judged(team + "period: {from: 2026-03-02, to: 2026-03-02}\nmeetings:\n" +
                        held("B1", "briefing", "2026-03-02T" + start, "2026-03-02T" + end, "T01"),
                    test::vip_policy());
    };
    CHECK(found(day("08:30", "08:45"), "morning-briefing").empty());
    CHECK(found(day("08:00", "09:00"), "morning-briefing").empty());
    const auto late = day("08:31", "08:46");
    CHECK(found(late, "morning-briefing") == strings{"T01 2026-03-02 1", "T02 2026-03-02 1"});
    CHECK(late.message(late.conduct("morning-briefing").at(0)) ==
          "The morning briefing of 2026-03-02 (B1, 2026-03-02T08:31) does not count: it started at 08:31, after "
          "08:30; T01 answers for it.");
    const auto short_one = day("08:30", "08:44");
    CHECK(found(short_one, "morning-briefing") == strings{"T01 2026-03-02 1", "T02 2026-03-02 1"});
    CHECK(short_one.message(short_one.conduct("morning-briefing").at(0), lang::zh) ==
          "2026年3月2日的晨会（B1，2026年3月2日 08:30）不符合要求：只开了14分钟，不足15分钟；由T01负责。");
  }

  TEST_CASE("training.morning_briefing: weekends and holidays are not judged; a working day moved by 调休 is") {
    // 2026-02-23 (Monday) is still the Spring Festival; 2026-02-28 (Saturday) is a working day;
    // 2026-03-01 is a Sunday.
    judged j(team + "period: {from: 2026-02-23, to: 2026-03-01}\nmeetings:\n" +
                 held("B1", "briefing", "2026-02-24T08:30", "2026-02-24T08:45", "T01") +
                 held("B2", "briefing", "2026-02-25T08:30", "2026-02-25T08:45", "T01") +
                 held("B3", "briefing", "2026-02-26T08:30", "2026-02-26T08:45", "T02") +
                 held("B4", "briefing", "2026-02-27T08:30", "2026-02-27T08:45", "T02"),
             test::vip_policy());
    CHECK(found(j, "morning-briefing") == strings{"T01 2026-02-28 0", "T02 2026-02-28 0"});
    CHECK(j.message(j.conduct("morning-briefing").at(0)) ==
          "No morning briefing was held on 2026-02-28; T01 answers for it.");
  }

  TEST_CASE("training.morning_briefing: a briefing held by an account manager does not count") {
    judged j(team + "period: {from: 2026-03-02, to: 2026-03-02}\nmeetings:\n" +
                 held("B1", "briefing", "2026-03-02T08:30", "2026-03-02T08:45", "M01"),
             test::vip_policy());
    CHECK(found(j, "morning-briefing") == strings{"T01 2026-03-02 1", "T02 2026-03-02 1"});
  }
}

TEST_SUITE("rules/recurring_meeting: parameters") {
  const std::string head = "policy: {name: p}\n" + test::department_vocabulary +
                           "  meeting_types: [team, monthly]\nrules:\n  - id: m\n    clause: c\n    kind: "
                           "recurring_meeting\n    effect: warning\n";

  TEST_CASE("a safety drill every quarter is not a recurrence; the list of those there is said") {
    CHECK(test::policy_errors(head + "    meeting: team\n    every: quarter\n    chair: shift_leader\n") ==
          strings{"p.yaml:14:12: `every` of rule `m` must be one of `day`, `working_day`, `week`, `month`, not "
                  "`quarter`"});
  }

  TEST_CASE("a meeting type, a role and a weekday the policy does not know are errors with a did-you-mean") {
    CHECK(test::policy_errors(head + "    meeting: teem\n    every: week\n    chair: shift_leadr\n    on: fryday\n") ==
          strings{"p.yaml:13:14: unknown meeting type `teem` in rule `m`: did you mean `team`?",
                  "p.yaml:15:12: unknown role `shift_leadr` in rule `m`: did you mean `shift_leader`?",
                  "p.yaml:16:9: `on` of rule `m` is a day of the week, `monday` to `sunday`, not `fryday`: did you "
                  "mean `friday`?"});
  }

  TEST_CASE("day_at_most is a day of the month, and only for a monthly meeting") {
    CHECK(test::policy_errors(head +
                              "    meeting: team\n    every: month\n    chair: shift_leader\n    day_at_most: 32\n")
              .size() == 1);
    CHECK(test::policy_errors(head +
                              "    meeting: team\n    every: week\n    chair: shift_leader\n    day_at_most: 24\n") ==
          strings{"p.yaml:16:18: `day_at_most` of rule `m` needs `every: month`"});
  }

  TEST_CASE("every, meeting and chair are required") {
    CHECK(test::policy_errors(head) == strings{"p.yaml:9:5: missing key `meeting` in rule `m`",
                                               "p.yaml:9:5: missing key `every` in rule `m`",
                                               "p.yaml:9:5: missing key `chair` in rule `m`"});
  }
}
