// Clauses swap.1 (a reason) and swap.2 (the registration form): kind required_field.
#include "rules/required_field.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;

namespace {
/// The two required-field rules of swaps as the customer-service rulebook writes them (swap.1, the
/// reason; swap.2, the registration form), with the vocabulary of `test::swap_org`.
auto fields_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: swap-fields}
)" + test::department_vocabulary + R"(rules:
  - id: swap-reason
    clause: swap.1
    kind: required_field
    field: reason
    effect: reject
  - id: swap-form
    clause: swap.2
    kind: required_field
    field: form_filed
    effect: incomplete
)");
  return p;
}

auto one_swap(const std::string& extra) -> std::string {
  return test::swap_org + "shifts:\n" + test::day_shift("A1", "E001", "2026-03-02") +
         test::day_shift("B1", "E002", "2026-03-20") + "requests:\n" +
         test::swap("R1", "E001", "E002", "A1", "2026-02-20T09:00", extra);
}
}  // namespace

TEST_SUITE("rules/required_field") {
  TEST_CASE("swap.1: a swap with an empty reason is rejected") {
    for (const std::string reason : {", reason: \"\"", ", reason: \"  \"", ", reason: null"}) {
      CAPTURE(reason);
      judged j(one_swap(reason), fields_policy());
      const auto f = j.findings_of("R1", "swap-reason");
      REQUIRE(f.size() == 1);
      CHECK(f[0].effect == effect::reject);
      CHECK(j.decision_of("R1") == decision::rejected);
    }
  }
  TEST_CASE("swap.1: a swap with a reason is not rejected for it") {
    judged j(one_swap(", reason: hospital appointment"), fields_policy());
    CHECK(j.findings_of("R1", "swap-reason").empty());
    CHECK(j.decision_of("R1") == decision::approved);
  }
  TEST_CASE("swap.2: a swap without the registration form is incomplete, so pending") {
    judged j(one_swap(", form_filed: false"), fields_policy());
    const auto f = j.findings_of("R1", "swap-form");
    REQUIRE(f.size() == 1);
    CHECK(f[0].effect == effect::incomplete);
    CHECK(j.decision_of("R1") == decision::pending);
    CHECK(j.message(f[0]) == "Swap R1 has no registration form filed.");
  }
}
