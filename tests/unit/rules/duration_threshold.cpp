// Clause leave.8: 20 minutes or more late, early or away is a violation; less is a late record.
#include "rules/duration_threshold.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;

namespace {
/// The three leave.8 rules of the customer-service rulebook, with the absence rule (leave.1), so a
/// test can show a punch-in alone is no absence, and the rule that decides who approves a leave
/// (leave.3), so a leave can be approved or left pending; with the vocabulary of `test::org`.
auto attendance_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: attendance}
)" + test::department_vocabulary + R"(rules:
  - id: leave-authority
    clause: leave.3
    kind: approval_authority
    when: {leave_kind: [personal, personal_special, sick, sick_emergency]}
    tiers:
      - {up_to: 1d, approver: department_director}
      - {approver: center_director}
    effect: needs_approval
  - id: absence
    clause: leave.1
    kind: absence
    effect: absenteeism
  - id: lateness
    clause: leave.8
    kind: duration_threshold
    measure: late_arrival
    threshold: 20min
    effect: violation
    lesser: {threshold: 1min, effect: late}
  - id: early-departure
    clause: leave.8
    kind: duration_threshold
    measure: early_departure
    threshold: 20min
    effect: violation
    lesser: {threshold: 1min, effect: late}
  - id: away-from-post
    clause: leave.8
    kind: duration_threshold
    measure: away
    threshold: 20min
    effect: violation
    lesser: {threshold: 1min, effect: late}
)");
  return p;
}

// S1 runs 08:00-17:00; `punch` and `extra` complete the case.
auto day(const std::string& punch, const std::string& extra = "") -> std::string {
  return test::org + R"(
shifts:
  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00, kind: day}
punches:
  - )" + punch +
         "\n" + extra;
}
}  // namespace

TEST_SUITE("rules/duration_threshold") {
  TEST_CASE("leave.8: punching in 19 minutes late is a late record, 20 minutes a violation") {
    SUBCASE("19 minutes") {
      judged j(day("{shift: S1, in: 2026-03-02T08:19, out: 2026-03-02T17:00}"), attendance_policy());
      const auto f = j.conduct("lateness");
      REQUIRE(f.size() == 1);
      CHECK(f[0].effect == effect::late);
      CHECK(f[0].number("late_minutes") == 19);
    }
    SUBCASE("19 minutes 59 seconds rounds down to 19") {
      judged j(day("{shift: S1, in: 2026-03-02T08:19:59, out: 2026-03-02T17:00}"), attendance_policy());
      REQUIRE(j.conduct("lateness").size() == 1);
      const auto f = j.conduct("lateness")[0];
      CHECK(f.effect == effect::late);
      // The message says the bounds its evidence holds: a late record from 1, a violation from 20.
      CHECK(f.number("threshold_minutes") == 1);
      CHECK(f.number("limit_minutes") == 20);
      CHECK(j.message(f) == "E001 punched in 19 minutes late for S1 (late from 1 min; 20 or more is a violation).");
    }
    SUBCASE("20 minutes: a violation, citing leave.8") {
      judged j(day("{shift: S1, in: 2026-03-02T08:20, out: 2026-03-02T17:00}"), attendance_policy());
      const auto f = j.conduct("lateness");
      REQUIRE(f.size() == 1);
      CHECK(f[0].effect == effect::violation);
      CHECK(f[0].number("late_minutes") == 20);
      CHECK(f[0].number("threshold_minutes") == 20);
      CHECK(j.v.rule_of(f[0]).header().clause == "leave.8");
      CHECK(j.message(f[0]) == "E001 punched in 20 minutes late for S1 (limit 20).");
    }
    SUBCASE("on time or under a minute late: nothing") {
      judged j(day("{shift: S1, in: 2026-03-02T08:00:59, out: 2026-03-02T17:00}"), attendance_policy());
      CHECK(j.conduct("lateness").empty());
    }
  }
  TEST_CASE("leave.8: leaving 19 minutes early is a late record, 20 minutes a violation") {
    SUBCASE("19 minutes") {
      judged j(day("{shift: S1, in: 2026-03-02T07:45, out: 2026-03-02T16:41}"), attendance_policy());
      REQUIRE(j.conduct("early-departure").size() == 1);
      CHECK(j.conduct("early-departure")[0].effect == effect::late);
    }
    SUBCASE("20 minutes") {
      judged j(day("{shift: S1, in: 2026-03-02T07:45, out: 2026-03-02T16:40}"), attendance_policy());
      REQUIRE(j.conduct("early-departure").size() == 1);
      CHECK(j.conduct("early-departure")[0].effect == effect::violation);
      CHECK(j.conduct("early-departure")[0].number("early_minutes") == 20);
    }
    // Judges leave.8 with leave.1: a punch-in alone is no absence either.
    SUBCASE("a punch-in with no punch-out is judged on the punch-in alone") {
      judged j(day("{shift: S1, in: 2026-03-02T07:45}"), attendance_policy());
      CHECK(j.conduct("early-departure").empty());
      CHECK(j.conduct("absence").empty());
      CHECK(j.v.findings.empty());  // no rule of the policy finds anything
    }
  }
  TEST_CASE("leave.8: 19 minutes away from the post is a late record, 20 minutes a violation") {
    const std::string punch = "{shift: S1, in: 2026-03-02T07:45, out: 2026-03-02T17:00}";
    SUBCASE("19 minutes") {
      judged j(day(punch, "away:\n  - {employee: E001, from: 2026-03-02T10:00, to: 2026-03-02T10:19}\n"),
               attendance_policy());
      REQUIRE(j.conduct("away-from-post").size() == 1);
      CHECK(j.conduct("away-from-post")[0].effect == effect::late);
    }
    SUBCASE("20 minutes") {
      judged j(day(punch, "away:\n  - {employee: E001, from: 2026-03-02T10:00, to: 2026-03-02T10:20}\n"),
               attendance_policy());
      const auto f = j.conduct("away-from-post");
      REQUIRE(f.size() == 1);
      CHECK(f[0].effect == effect::violation);
      CHECK(f[0].subject.shift == j.c.find_shift("S1"));
    }
    SUBCASE("away outside any shift is not judged") {
      judged j(day(punch, "away:\n  - {employee: E001, from: 2026-03-02T18:00, to: 2026-03-02T19:00}\n"),
               attendance_policy());
      CHECK(j.conduct("away-from-post").empty());
    }
  }
  // This test and the next judge leave.3 with leave.8: leave-authority decides the leave.
  TEST_CASE("leave.8: an effective leave covering the shift suppresses lateness, early departure and away") {
    const std::string leave = R"(
away:
  - {employee: E001, from: 2026-03-02T10:00, to: 2026-03-02T11:00}
requests:
  - {id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-02-01T09:00,
     shifts: [S1], approvals: [{by: L01, at: 2026-02-01T10:00}, {by: D01, at: 2026-02-01T11:00}]}
)";
    judged j(day("{shift: S1, in: 2026-03-02T09:00, out: 2026-03-02T12:00}", leave), attendance_policy());
    REQUIRE(j.decision_of("R1") == decision::approved);
    CHECK(j.v.findings.empty());  // no rule of the policy finds anything
  }
  TEST_CASE("a pending leave does not excuse lateness") {
    const std::string leave = R"(
requests:
  - {id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-02-01T09:00, shifts: [S1]}
)";
    judged j(day("{shift: S1, in: 2026-03-02T09:00, out: 2026-03-02T17:00}", leave), attendance_policy());
    REQUIRE(j.decision_of("R1") == decision::pending);
    CHECK(j.conduct("lateness").size() == 1);
  }
  TEST_CASE("the threshold is the policy's: 15 minutes when the policy says so") {
    std::vector<load_issue> issues;
    const auto p = parse_policy({{"strict.yaml", R"(
policy: {name: strict}
rules:
  - {id: lateness, clause: leave.8, kind: duration_threshold, measure: late_arrival, threshold: 15min, effect: violation}
)"}},
                                issues);
    REQUIRE(issues.empty());
    judged j(day("{shift: S1, in: 2026-03-02T08:15, out: 2026-03-02T17:00}"), p);
    REQUIRE(j.conduct("lateness").size() == 1);
    CHECK(j.conduct("lateness")[0].effect == effect::violation);
    judged k(day("{shift: S1, in: 2026-03-02T08:14, out: 2026-03-02T17:00}"), p);
    CHECK(k.conduct("lateness").empty());
  }
}
