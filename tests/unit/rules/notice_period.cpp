// Clauses leave.2, leave.5 (emergency call) and leave.7 (holiday notice): kind notice_period.
#include "rules/notice_period.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;
using test::with_request;

namespace {

/// The notice-period rules as the customer-service rulebook writes them (leave.2, leave.5, leave.7),
/// with what the tests also judge: the certificate rule of sick leave (leave.5), which an emergency
/// does not draw, and the approval a holiday leave needs (leave.7). Labour Day 2026 is a holiday,
/// as in policies/calendars/cn-2026.yaml, for shift SH of `test::roster`.
auto notice_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: notice-period}
calendar:
  holidays:
    - {from: 2026-05-01, to: 2026-05-05, name: 劳动节 Labour Day}
)" + test::department_vocabulary + R"(rules:
  - id: leave-notice-personal
    clause: leave.2
    kind: notice_period
    when: {leave_kind: personal}
    notice: 24h
    effect: needs_approval
    approver: [department_director, center_director]
  - id: leave-notice-special
    clause: leave.2
    kind: notice_period
    when: {leave_kind: personal_special}
    notice: 1h
    effect: needs_approval
    approver: [department_director, center_director]
  - id: leave-notice-sick
    clause: leave.2
    kind: notice_period
    when: {leave_kind: sick}
    notice: 0min
    strict: true
    effect: needs_approval
    approver: [department_director, center_director]
  - id: sick-certificate
    clause: leave.5
    kind: certificate_coverage
    when: {leave_kind: sick}
    min_length: 1d
    effect: incomplete
  - id: sick-emergency-call
    clause: leave.5
    kind: notice_period
    when: {leave_kind: sick_emergency}
    measured_from: leader_notified_at
    notice: 0min
    strict: true
    effect: needs_approval
    approver: [department_director, center_director]
  - id: holiday-leave-notice
    clause: leave.7
    kind: notice_period
    when: {request: leave, holiday: true}
    notice: 48h
    effect: reject
  - id: holiday-leave-approval
    clause: leave.7
    kind: blackout
    when: {request: leave, holiday: true}
    effect: needs_approval
    approver: [department_director, center_director]
)");
  return p;
}

/// A case of `test::org`, `test::roster` and `request_yaml`, judged under `notice_policy()`.
auto judged_leave(const std::string& request_yaml) -> judged {
  return judged(with_request(request_yaml), notice_policy());
}

auto leave(const std::string& kind, const std::string& submitted_at, const std::string& shifts,
           const std::string& extra = "") -> std::string {
  return "{id: R1, type: leave, kind: " + kind + ", employee: E001, submitted_by: E001, submitted_at: " + submitted_at +
         ", shifts: [" + shifts + "]" + extra + "}";
}
const std::string director_approved = ", approvals: [{by: L01, at: 2026-02-20T09:00}, {by: D01, at: 2026-02-20T10:00}]";

}  // namespace

TEST_SUITE("rules/notice_period") {
  TEST_CASE("leave.2: personal leave counts 24 hours back from the first shift it covers") {
    SUBCASE("asked 23h59 before: needs a manager's approval, citing leave.2") {
      const auto j = judged_leave(leave("personal", "2026-03-01T08:01", "S1"));
      const auto f = j.findings_of("R1", "leave-notice-personal");
      REQUIRE(f.size() == 1);
      CHECK(f[0].effect == effect::needs_approval);
      CHECK(f[0].approver_role == "department_director");
      CHECK(f[0].number("required_notice_minutes") == 1440);
      CHECK(f[0].number("actual_notice_minutes") == 1439);
      CHECK(j.v.rule_of(f[0]).header().clause == "leave.2");
      CHECK(j.decision_of("R1") == decision::pending);
      CHECK(j.message(f[0]) == "Personal leave needs 24h notice; it was submitted 23h59min before shift S1.");
    }
    SUBCASE("asked exactly 24h before: notice is met") {
      const auto j = judged_leave(leave("personal", "2026-03-01T08:00", "S1"));
      CHECK(j.findings_of("R1", "leave-notice-personal").empty());
    }
    SUBCASE("notice counts from the first covered shift, not the last") {
      const auto j = judged_leave(leave("personal", "2026-03-01T09:00", "S2, S1"));
      const auto f = j.findings_of("R1", "leave-notice-personal");
      REQUIRE(f.size() == 1);
      CHECK(j.message(f[0]).find("shift S1") != std::string::npos);
    }
    SUBCASE("a late request that the department director validly approved is approved") {
      const auto j = judged_leave(leave("personal", "2026-03-02T07:00", "S1", director_approved));
      CHECK(j.decision_of("R1") == decision::approved);
      CHECK(j.request("R1").findings.empty());
    }
  }

  TEST_CASE("leave.2: special personal leave needs one hour") {
    SUBCASE("59 minutes before: needs approval") {
      const auto j = judged_leave(leave("personal_special", "2026-03-02T07:01", "S1"));
      const auto f = j.findings_of("R1", "leave-notice-special");
      REQUIRE(f.size() == 1);
      CHECK(f[0].number("actual_notice_minutes") == 59);
    }
    SUBCASE("60 minutes before: notice is met") {
      const auto j = judged_leave(leave("personal_special", "2026-03-02T07:00", "S1"));
      CHECK(j.findings_of("R1", "leave-notice-special").empty());
    }
  }

  TEST_CASE("leave.2: sick leave is asked for strictly before the shift starts") {
    SUBCASE("at the start: needs approval") {
      const auto j = judged_leave(leave("sick", "2026-03-02T08:00", "S1"));
      REQUIRE(j.findings_of("R1", "leave-notice-sick").size() == 1);
    }
    SUBCASE("after the start: needs approval, and the message says how late") {
      const auto j = judged_leave(leave("sick", "2026-03-02T08:10", "S1"));
      const auto f = j.findings_of("R1", "leave-notice-sick");
      REQUIRE(f.size() == 1);
      CHECK(f[0].number("actual_notice_minutes") == -10);
      CHECK(j.message(f[0]) ==
            "Sick leave must come before shift S1 starts; it was submitted 10min after shift S1 started.");
    }
    SUBCASE("one minute before: notice is met") {
      const auto j = judged_leave(leave("sick", "2026-03-02T07:59", "S1"));
      CHECK(j.findings_of("R1", "leave-notice-sick").empty());
    }
  }

  TEST_CASE("leave.5: an emergency needs the shift leader phoned before the shift, not a leave.2 notice") {
    SUBCASE("leader phoned a minute before: nothing missing but the approval") {
      const auto j = judged_leave(leave("sick_emergency", "2026-03-02T10:00", "S1",
                                        ", leader_notified_at: 2026-03-02T07:59"));
      CHECK(j.findings_of("R1", "sick-emergency-call").empty());
      CHECK(j.findings_of("R1", "leave-notice-sick").empty());
      CHECK(j.findings_of("R1", "sick-certificate").empty());
    }
    SUBCASE("leader phoned at the start: needs a manager's approval, citing leave.5") {
      const auto j = judged_leave(leave("sick_emergency", "2026-03-02T10:00", "S1",
                                        ", leader_notified_at: 2026-03-02T08:00"));
      const auto f = j.findings_of("R1", "sick-emergency-call");
      REQUIRE(f.size() == 1);
      CHECK(j.v.rule_of(f[0]).header().clause == "leave.5");
      CHECK(f[0].effect == effect::needs_approval);
    }
    SUBCASE("nobody phoned: needs a manager's approval") {
      const auto j = judged_leave(leave("sick_emergency", "2026-03-02T10:00", "S1"));
      const auto f = j.findings_of("R1", "sick-emergency-call");
      REQUIRE(f.size() == 1);
      CHECK(f[0].find("actual_notice_minutes") == nullptr);
    }
  }

  TEST_CASE("leave.7: leave on a public holiday is asked for 48 hours ahead, or rejected") {
    SUBCASE("47 hours before: rejected") {
      const auto j = judged_leave(leave("personal", "2026-04-29T09:00", "SH"));
      const auto f = j.findings_of("R1", "holiday-leave-notice");
      REQUIRE(f.size() == 1);
      CHECK(f[0].effect == effect::reject);
      CHECK(f[0].number("actual_notice_minutes") == 47 * 60);
      CHECK(j.decision_of("R1") == decision::rejected);
    }
    SUBCASE("48 hours before: not rejected, but needs a manager's approval") {
      const auto j = judged_leave(leave("personal", "2026-04-29T08:00", "SH"));
      CHECK(j.findings_of("R1", "holiday-leave-notice").empty());
      const auto f = j.findings_of("R1", "holiday-leave-approval");
      REQUIRE(f.size() == 1);
      CHECK(f[0].effect == effect::needs_approval);
      CHECK(j.decision_of("R1") == decision::pending);
    }
    SUBCASE("48 hours before and approved by the department director: approved") {
      const auto j = judged_leave(leave("personal", "2026-04-20T08:00", "SH", director_approved));
      CHECK(j.decision_of("R1") == decision::approved);
    }
    SUBCASE("a holiday the case adds counts like the policy's") {
      judged j(test::org + test::roster + R"(
calendar:
  holidays: [{date: 2026-03-03, name: Company Day}]
requests:
  - {id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-03-02T09:00, shifts: [S2]}
)",
               notice_policy());
      CHECK(j.findings_of("R1", "holiday-leave-notice").size() == 1);
    }
  }
  TEST_CASE("--explain says what would satisfy an unmet notice: how much earlier, or who must approve") {
    const auto j = judged_leave(leave("personal", "2026-03-01T09:05", "S1"));
    const auto outcomes = explain(j.v, j.c, j.c.find_request("R1"));
    bool notice_unmet = false;
    for (const auto& o : outcomes) {
      if (j.v.policy.rule_at(o.rule).header().id != "leave-notice-personal") continue;
      notice_unmet = !o.held;
      REQUIRE(o.findings.size() == 1);
      CHECK(j.v.rule_of(*o.findings[0]).remedy(*o.findings[0], message_context{j.c}) ==
            "submit at least 1h5min earlier, or it needs approval by L01, shift leader, then D01, department director");
    }
    CHECK(notice_unmet);
  }
}
