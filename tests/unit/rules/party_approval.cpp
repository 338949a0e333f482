// Clauses swap.2 and swap.7: each party's own shift leader agrees (kind party_approval).
#include "rules/party_approval.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;

namespace {
/// The swap-leaders rule as the customer-service rulebook writes it, alone, with the vocabulary of
/// `test::swap_org`.
auto leaders_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: swap-leaders}
)" + test::department_vocabulary + R"(rules:
  - id: swap-leaders
    clause: swap.2
    kind: party_approval
    approver: [shift_leader]
    effect: needs_approval
)");
  return p;
}

auto swap_with(const std::string& other, const std::string& approvals) -> std::string {
  return test::swap_org + "shifts:\n" + test::day_shift("A1", "E001", "2026-03-02") +
         test::day_shift("B1", other, "2026-03-20") + "requests:\n" +
         test::swap("R1", "E001", other, "A1", "2026-02-20T09:00", ", approvals: [" + approvals + "]");
}
}  // namespace

TEST_SUITE("rules/party_approval") {
  TEST_CASE("swap.2: parties who share a leader need that one approval") {
    judged j(swap_with("E002", "{by: L01, at: 2026-02-20T10:00}"), leaders_policy());
    CHECK(j.findings_of("R1", "swap-leaders").empty());
    CHECK(j.decision_of("R1") == decision::approved);
  }
  TEST_CASE("swap.2: parties with two leaders need both") {
    SUBCASE("only the swapper's leader: needs the counterpart's, citing swap.2") {
      judged j(swap_with("E003", "{by: L01, at: 2026-02-20T10:00}"), leaders_policy());
      const auto f = j.findings_of("R1", "swap-leaders");
      REQUIRE(f.size() == 1);
      CHECK(f[0].effect == effect::needs_approval);
      CHECK(f[0].approver_role == "shift_leader");
      CHECK(j.message(f[0]) == "The swap needs approval by L02, the shift leader of E003.");
      CHECK(j.decision_of("R1") == decision::pending);
    }
    SUBCASE("neither: two findings") {
      judged j(swap_with("E003", ""), leaders_policy());
      CHECK(j.findings_of("R1", "swap-leaders").size() == 2);
    }
    SUBCASE("both: approved") {
      judged j(swap_with("E003", "{by: L01, at: 2026-02-20T10:00}, {by: L02, at: 2026-02-20T11:00}"), leaders_policy());
      CHECK(j.decision_of("R1") == decision::approved);
    }
  }
  TEST_CASE("swap.7: an approval by someone other than a party's own leader does not count") {
    judged j(swap_with("E002", "{by: D01, at: 2026-02-20T10:00}, {by: L02, at: 2026-02-20T10:00}"), leaders_policy());
    CHECK(j.findings_of("R1", "swap-leaders").size() == 1);
    CHECK(j.decision_of("R1") == decision::pending);
  }
}
