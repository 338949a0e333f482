// Clauses leave.6 and leave.7: leave touching a night shift or a holiday needs a manager (kind blackout).
#include "rules/blackout.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;
using test::with_request;

namespace {
/// The three blackout rules of the customer-service rulebook (leave.6, leave.7, swap.9), with the
/// vocabulary of `test::org`, `test::roster` and `test::swap_org`. Its one holiday, Labour Day
/// 2026, is written inline as policies/calendars/cn-2026.yaml has it, so the tests read no file.
auto blackout_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: blackout}
calendar:
  holidays:
    - {from: 2026-05-01, to: 2026-05-05, name: 劳动节 Labour Day}
)" + test::department_vocabulary + R"(rules:
  - id: night-leave-approval
    clause: leave.6
    kind: blackout
    when: {request: leave, shift_kind: night}
    effect: needs_approval
    approver: [department_director, center_director]
  - id: holiday-leave-approval
    clause: leave.7
    kind: blackout
    when: {request: leave, holiday: true}
    effect: needs_approval
    approver: [department_director, center_director]
  - id: swap-holiday
    clause: swap.9
    kind: blackout
    when: {request: swap, holiday: true}
    effect: reject
)");
  return p;
}
}  // namespace

TEST_SUITE("rules/blackout") {
  TEST_CASE("leave.7: leave touching a holiday shift needs a manager, and names the holiday") {
    judged j(
        with_request(
            "{id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-04-01T09:00, shifts: [SH]}"),
        blackout_policy());
    const auto f = j.findings_of("R1", "holiday-leave-approval");
    REQUIRE(f.size() == 1);
    CHECK(f[0].approver_role == "department_director");
    CHECK(
        j.message(f[0]) ==
        "Personal leave touching shift SH on a public holiday (劳动节 Labour Day) needs approval by a department director.");
  }
  TEST_CASE("leave.7: an approval by the center director alone does not count: the levels below were skipped") {
    judged j(
        with_request(
            "{id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-04-01T09:00, "
            "shifts: [SH], approvals: [{by: C01, at: 2026-04-02T09:00}]}"),
        blackout_policy());
    CHECK(j.findings_of("R1", "holiday-leave-approval").size() == 1);
    CHECK(j.decision_of("R1") == decision::pending);
  }
  TEST_CASE("leave.6: leave touching a night shift needs a manager") {
    judged j(
        with_request(
            "{id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-03-01T09:00, shifts: [SN]}"),
        blackout_policy());
    const auto f = j.findings_of("R1", "night-leave-approval");
    REQUIRE(f.size() == 1);
    CHECK(j.message(f[0]) == "Personal leave touching night shift SN needs approval by a department director.");
  }
  TEST_CASE("a leave touching no night shift and no holiday is not blacked out") {
    judged j(
        with_request(
            "{id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-02-01T09:00, shifts: [S1, S2]}"),
        blackout_policy());
    CHECK(j.findings_of("R1", "holiday-leave-approval").empty());
    CHECK(j.findings_of("R1", "night-leave-approval").empty());
  }
  TEST_CASE("swap.9: a swap whose given shift starts on a holiday is rejected") {
    judged j(test::swap_org + "shifts:\n" + test::day_shift("AH", "E001", "2026-05-01") +
                 test::day_shift("B1", "E002", "2026-05-20") + "requests:\n" +
                 test::swap("R1", "E001", "E002", "AH", "2026-04-01T09:00"),
             blackout_policy());
    const auto f = j.findings_of("R1", "swap-holiday");
    REQUIRE(f.size() == 1);
    CHECK(f[0].effect == effect::reject);
    CHECK(j.message(f[0]) == "Swap touching shift AH on a public holiday (劳动节 Labour Day) is not allowed.");
  }
  TEST_CASE("swap.9: a swap whose returned shift starts on a holiday is rejected, whatever approvals it has") {
    judged j(test::swap_org + "shifts:\n" + test::day_shift("A1", "E001", "2026-04-20") +
                 test::day_shift("BH", "E002", "2026-05-02") + "requests:\n" +
                 test::swap("R1", "E001", "E002", "A1", "2026-04-01T09:00", ", take: BH"),
             blackout_policy());
    CHECK(j.findings_of("R1", "swap-holiday").size() == 1);
    CHECK(j.decision_of("R1") == decision::rejected);
  }
  TEST_CASE("swap.9: a swap of shifts on working days is not blacked out") {
    judged j(test::swap_org + "shifts:\n" + test::day_shift("A1", "E001", "2026-04-20") +
                 test::day_shift("B1", "E002", "2026-05-07") + "requests:\n" +
                 test::swap("R1", "E001", "E002", "A1", "2026-04-01T09:00", ", take: B1"),
             blackout_policy());
    CHECK(j.findings_of("R1", "swap-holiday").empty());
  }
}
