// Clause leave.3: no asking another team's chain (kind approval_chain).
#include "rules/approval_chain.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;
using test::with_request;

namespace {
/// The approval-chain rule of the customer-service rulebook with the rule that decides who approves
/// a leave (leave.3), since an approval from outside the chain matters by not counting towards it,
/// and the vocabulary of `test::org` and `test::roster`.
auto chain_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: approval-chain}
)" + test::department_vocabulary + R"(rules:
  - id: leave-authority
    clause: leave.3
    kind: approval_authority
    when: {leave_kind: [personal, personal_special, sick, sick_emergency]}
    tiers:
      - {up_to: 1d, approver: department_director}
      - {approver: center_director}
    effect: needs_approval
  - id: leave-chain
    clause: leave.3
    kind: approval_chain
    effect: warning
)");
  return p;
}
}  // namespace

// Every test judges leave-chain and leave-authority together: the decision is theirs.
TEST_SUITE("rules/approval_chain") {
  TEST_CASE("leave.3: an approval from another team's leader is a warning and does not count") {
    judged j(
        with_request(
            "{id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-02-01T09:00, "
            "shifts: [S1], approvals: [{by: L02, at: 2026-02-01T10:00}, {by: D01, at: 2026-02-01T11:00}]}"),
        chain_policy());
    const auto f = j.findings_of("R1", "leave-chain");
    REQUIRE(f.size() == 1);
    CHECK(f[0].effect == effect::warning);
    CHECK(j.v.rule_of(f[0]).header().clause == "leave.3");
    CHECK(j.message(f[0]) == "The approval by L02 does not count: L02 is not in E001's chain of command.");
    // L02 does not stand in for L01, so D01's approval skipped a level.
    CHECK(j.findings_of("R1", "leave-authority").size() == 1);
    CHECK(j.decision_of("R1") == decision::pending);
  }
  TEST_CASE("leave.3: approvals from the employee's own chain give no warning") {
    judged j(
        with_request(
            "{id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-02-01T09:00, "
            "shifts: [S1], approvals: [{by: L01, at: 2026-02-01T10:00}, {by: D01, at: 2026-02-01T11:00}]}"),
        chain_policy());
    CHECK(j.findings_of("R1", "leave-chain").empty());
    CHECK(j.decision_of("R1") == decision::approved);
  }
  TEST_CASE("a warning alone leaves the decision approved") {
    judged j(
        with_request(
            "{id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-02-01T09:00, "
            "shifts: [S1], approvals: [{by: L01, at: 2026-02-01T10:00}, {by: D01, at: 2026-02-01T11:00}, "
            "{by: L02, at: 2026-02-01T12:00}]}"),
        chain_policy());
    CHECK(j.findings_of("R1", "leave-chain").size() == 1);
    CHECK(j.decision_of("R1") == decision::approved);
  }
}
