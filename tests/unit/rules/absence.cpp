// Clause leave.1: a rostered shift with no punch and no effective leave is absenteeism (kind absence).
#include "rules/absence.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;

namespace {
/// The absence rule as the customer-service rulebook writes it, with the rule that decides who
/// approves a leave (leave.3), so a leave can be approved or left pending, and the vocabulary of
/// `test::org`.
auto absence_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: absence}
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
)");
  return p;
}

const std::string two_shifts = test::org + R"(
shifts:
  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00}
  - {id: S2, employee: E001, start: 2026-03-31T08:00, end: 2026-03-31T17:00}
)";
const std::string approvals = "approvals: [{by: L01, at: 2026-02-01T10:00}, {by: D01, at: 2026-02-01T11:00}]";
}  // namespace

TEST_SUITE("rules/absence") {
  TEST_CASE("leave.1: a shift nobody punched for and no leave covers is absenteeism") {
    judged j(two_shifts, absence_policy());
    const auto f = j.conduct("absence");
    REQUIRE(f.size() == 2);
    CHECK(f[0].effect == effect::absenteeism);
    CHECK(f[0].subject.shift == j.c.find_shift("S1"));
    CHECK(j.message(f[0]) == "E001 did not punch in for S1 and had no effective leave.");
    CHECK(j.message(f[0], lang::zh) == "张三（E001）未到岗（S1）且无生效的请假，按旷工处理。");
  }
  TEST_CASE("leave.1: any punch at all means the shift was not missed") {
    judged j(two_shifts + "punches:\n  - {shift: S1, out: 2026-03-02T17:00}\n  - {shift: S2, in: 2026-03-31T08:00}\n",
             absence_policy());
    CHECK(j.conduct("absence").empty());
  }
  // Judges leave.3 (leave-authority) with leave.1: approvals by L01 and D01 make the leave approved,
  // none leave it pending.
  TEST_CASE("leave.1: an approved leave excuses the shift; a pending one does not") {
    judged approved(two_shifts +
                        "requests:\n  - {id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, "
                        "submitted_at: 2026-02-01T09:00, shifts: [S1], " +
                        approvals + "}\n",
                    absence_policy());
    REQUIRE(approved.decision_of("R1") == decision::approved);
    REQUIRE(approved.conduct("absence").size() == 1);
    CHECK(approved.conduct("absence")[0].subject.shift == approved.c.find_shift("S2"));

    judged pending(two_shifts +
                       "requests:\n  - {id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, "
                       "submitted_at: 2026-02-01T09:00, shifts: [S1]}\n",
                   absence_policy());
    REQUIRE(pending.decision_of("R1") == decision::pending);
    REQUIRE(pending.conduct("absence").size() == 2);
    CHECK(pending.message(pending.conduct("absence")[0]) ==
          "E001 did not punch in for S1, and leave R1 covering it is not effective.");
  }
  // Judges leave.3 with leave.1, as above.
  TEST_CASE("a leave given as a time range covers the shifts it overlaps") {
    judged j(two_shifts +
                 "requests:\n  - {id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, "
                 "submitted_at: 2026-02-01T09:00, from: 2026-03-02T12:00, to: 2026-03-02T13:00, " +
                 approvals + "}\n",
             absence_policy());
    REQUIRE(j.decision_of("R1") == decision::approved);
    REQUIRE(j.conduct("absence").size() == 1);
    CHECK(j.conduct("absence")[0].subject.shift == j.c.find_shift("S2"));
  }
  TEST_CASE("roster checks look only at the case's period") {
    judged j("period: {from: 2026-03-01, to: 2026-03-30}\n" + two_shifts, absence_policy());
    REQUIRE(j.conduct("absence").size() == 1);
    CHECK(j.conduct("absence")[0].subject.shift == j.c.find_shift("S1"));
  }
}
