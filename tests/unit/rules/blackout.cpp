// Clauses leave.6 and leave.7: leave touching a night shift or a holiday needs a manager (kind blackout).
#include <rulebook/rules/blackout.hpp>

#include "support.hpp"

using namespace rulebook;
using test::judged;
using test::with_request;

TEST_SUITE("rules/blackout") {
  TEST_CASE("leave.7: leave touching a holiday shift needs a manager, and names the holiday") {
    judged j(with_request(
        "{id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-04-01T09:00, shifts: [SH]}"));
    const auto f = j.findings_of("R1", "holiday-leave-approval");
    REQUIRE(f.size() == 1);
    CHECK(f[0].approver_role == "department_director");
    CHECK(j.message(f[0]) ==
          "Personal leave touching shift SH on a public holiday (劳动节 Labour Day) needs approval by a department director.");
  }
  TEST_CASE("leave.7: an approval by the center director alone does not count: the levels below were skipped") {
    judged j(with_request(
        "{id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-04-01T09:00, "
        "shifts: [SH], approvals: [{by: C01, at: 2026-04-02T09:00}]}"));
    CHECK(j.findings_of("R1", "holiday-leave-approval").size() == 1);
    CHECK(j.decision_of("R1") == decision::pending);
  }
  TEST_CASE("leave.6: leave touching a night shift needs a manager") {
    judged j(with_request(
        "{id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-03-01T09:00, shifts: [SN]}"));
    const auto f = j.findings_of("R1", "night-leave-approval");
    REQUIRE(f.size() == 1);
    CHECK(j.message(f[0]) == "Personal leave touching night shift SN needs approval by a department director.");
  }
  TEST_CASE("a leave touching no night shift and no holiday is not blacked out") {
    judged j(with_request(
        "{id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-02-01T09:00, shifts: [S1, S2]}"));
    CHECK(j.findings_of("R1", "holiday-leave-approval").empty());
    CHECK(j.findings_of("R1", "night-leave-approval").empty());
  }
}
