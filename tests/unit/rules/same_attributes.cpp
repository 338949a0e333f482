// Clause swap.4: the same job type and skill level (kind same_attributes).
#include "rules/same_attributes.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;

namespace {
/// The same-job rule as the customer-service rulebook writes it, alone, with the vocabulary of
/// `test::swap_org`.
auto same_job_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: swap-same-job}
)" + test::department_vocabulary + R"(rules:
  - id: swap-same-job
    clause: swap.4
    kind: same_attributes
    attributes: [role, grade]
    effect: reject
)");
  return p;
}

auto swap_with(const std::string& other) -> std::string {
  return test::swap_org + "shifts:\n" + test::day_shift("A1", "E001", "2026-03-02") +
         test::day_shift("X1", other, "2026-03-20") + "requests:\n" +
         test::swap("R1", "E001", other, "A1", "2026-02-20T09:00");
}
}  // namespace

TEST_SUITE("rules/same_attributes") {
  TEST_CASE("swap.4: a swap between grades is rejected") {
    judged j(swap_with("E004"), same_job_policy());
    const auto f = j.findings_of("R1", "swap-same-job");
    REQUIRE(f.size() == 1);
    CHECK(std::get<std::string>(*f[0].find("attribute")) == "grade");
    CHECK(j.message(f[0]) ==
          "E001 (grade junior) and E004 (grade intermediate) differ: swaps are between the same skill level.");
    CHECK(j.decision_of("R1") == decision::rejected);
  }
  TEST_CASE("swap.4: a swap between job types is rejected") {
    judged j(swap_with("Q01"), same_job_policy());
    const auto f = j.findings_of("R1", "swap-same-job");
    REQUIRE(f.size() == 1);
    CHECK(std::get<std::string>(*f[0].find("attribute")) == "role");
  }
  TEST_CASE("swap.4: same role and grade pass") {
    judged j(swap_with("E002"), same_job_policy());
    CHECK(j.findings_of("R1", "swap-same-job").empty());
  }
}
