// Clauses leave.3 and leave.9: who approves, by length, level by level (kind approval_authority).
#include "rules/approval_authority.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;
using test::with_request;

namespace {
/// The two approval-authority rules of the customer-service rulebook (leave.3 by length, leave.9
/// for business trips), alone, with the vocabulary of `test::org` and `test::roster`.
auto authority_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: approval-authority}
)" + test::department_vocabulary + R"(rules:
  - id: leave-authority
    clause: leave.3
    kind: approval_authority
    when: {leave_kind: [personal, personal_special, sick, sick_emergency]}
    tiers:
      - {up_to: 1d, approver: department_director}
      - {approver: center_director}
    effect: needs_approval
  - id: business-authority
    clause: leave.9
    kind: approval_authority
    when: {leave_kind: business}
    tiers:
      - {approver: center_director}
    effect: needs_approval
)");
  return p;
}

auto leave(const std::string& kind, const std::string& shifts, const std::string& approvals) -> std::string {
  return "{id: R1, type: leave, kind: " + kind +
         ", employee: E001, submitted_by: E001, submitted_at: 2026-02-01T09:00, shifts: [" + shifts +
         "], approvals: [" + approvals + "]}";
}
const std::string l01 = "{by: L01, at: 2026-02-01T10:00}";
const std::string d01 = "{by: D01, at: 2026-02-01T11:00}";
const std::string c01 = "{by: C01, at: 2026-02-01T12:00}";
}  // namespace

TEST_SUITE("rules/approval_authority") {
  TEST_CASE("leave.3: exactly one day is approved by the department director") {
    SUBCASE("with no approval: needs the department director") {
      judged j(with_request(leave("personal", "S1", "")), authority_policy());
      const auto f = j.findings_of("R1", "leave-authority");
      REQUIRE(f.size() == 1);
      CHECK(f[0].approver_role == "department_director");
      CHECK(f[0].number("days") == 1);
      CHECK(j.decision_of("R1") == decision::pending);
    }
    SUBCASE("leader then department director: approved") {
      judged j(with_request(leave("personal", "S1", l01 + ", " + d01)), authority_policy());
      CHECK(j.decision_of("R1") == decision::approved);
    }
    SUBCASE("the leader alone is not enough") {
      judged j(with_request(leave("personal", "S1", l01)), authority_policy());
      CHECK(j.decision_of("R1") == decision::pending);
    }
  }
  TEST_CASE("leave.3: two days need the center director") {
    SUBCASE("leader and department director only: still needs the center director") {
      judged j(with_request(leave("personal", "S1, S2", l01 + ", " + d01)), authority_policy());
      const auto f = j.findings_of("R1", "leave-authority");
      REQUIRE(f.size() == 1);
      CHECK(f[0].approver_role == "center_director");
      CHECK(f[0].number("days") == 2);
      CHECK(j.message(f[0]) ==
            "Personal leave of 2 days needs approval by the center director in E001's chain of command.");
    }
    SUBCASE("all three levels in order: approved") {
      judged j(with_request(leave("personal", "S1, S2", l01 + ", " + d01 + ", " + c01)), authority_policy());
      CHECK(j.decision_of("R1") == decision::approved);
    }
  }
  TEST_CASE("leave.3: a night shift counts as the one day it starts") {
    judged j(with_request(leave("personal", "SN", l01 + ", " + d01)), authority_policy());
    CHECK(j.findings_of("R1", "leave-authority").empty());
  }
  TEST_CASE("leave.3: an approval counts only if every lower level approved at or before it") {
    SUBCASE("the department director without the leader: skipped level, does not count") {
      judged j(with_request(leave("personal", "S1", d01)), authority_policy());
      CHECK(j.findings_of("R1", "leave-authority").size() == 1);
    }
    SUBCASE("the leader approving after the director: the director's approval does not count") {
      judged j(with_request(leave("personal", "S1",
                                  "{by: D01, at: 2026-02-01T10:00}, {by: L01, at: 2026-02-01T11:00}")),
               authority_policy());
      CHECK(j.findings_of("R1", "leave-authority").size() == 1);
    }
    SUBCASE("the leader approving at the same minute as the director: counts") {
      judged j(with_request(leave("personal", "S1",
                                  "{by: L01, at: 2026-02-01T10:00}, {by: D01, at: 2026-02-01T10:00}")),
               authority_policy());
      CHECK(j.findings_of("R1", "leave-authority").empty());
    }
  }
  // Judges leave.9 and leave.3 together: the leave.3 rule does not apply to a business trip.
  TEST_CASE("leave.9: a business trip needs the center director whatever its length") {
    SUBCASE("one day, department director only: needs the center director") {
      judged j(with_request(leave("business", "S1", l01 + ", " + d01)), authority_policy());
      const auto f = j.findings_of("R1", "business-authority");
      REQUIRE(f.size() == 1);
      CHECK(f[0].approver_role == "center_director");
      CHECK(j.findings_of("R1", "leave-authority").empty());
    }
    SUBCASE("all three levels: approved") {
      judged j(with_request(leave("business", "S1", l01 + ", " + d01 + ", " + c01)), authority_policy());
      CHECK(j.decision_of("R1") == decision::approved);
    }
  }
}
