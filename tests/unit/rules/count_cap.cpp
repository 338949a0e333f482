// Clause swap.3: at most 2 swaps per person per calendar month, counted for both parties (kind count_cap).
#include "rules/count_cap.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;

namespace {
/// The swap cap of the customer-service rulebook, with the rules that reject a swap with no reason
/// (swap.1) and leave one without its form pending (swap.2), so a test can have a swap rejected or
/// pending, and the vocabulary of `test::swap_org`.
auto cap_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: swap-cap}
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
  - id: swap-cap
    clause: swap.3
    kind: count_cap
    max: 2
    per: month
    effect: reject
)");
  return p;
}

// E001 works every day of 2-9 March and 1 April; E002, E003 and E004 work later in the month, far
// from any shift they might receive.
auto roster() -> std::string {
  std::string s = "shifts:\n";
  for (int d = 2; d <= 9; ++d) s += test::day_shift("A" + std::to_string(d), "E001", "2026-03-0" + std::to_string(d));
  s += test::day_shift("A32", "E001", "2026-04-01");
  s += test::day_shift("B1", "E002", "2026-03-25") + test::day_shift("B2", "E002", "2026-03-27");
  s += test::day_shift("C1", "E003", "2026-03-25");
  return test::swap_org + s + "requests:\n";
}
}  // namespace

TEST_SUITE("rules/count_cap") {
  TEST_CASE("swap.3: the second swap of a month is allowed, the third is rejected") {
    const auto base = roster() + test::swap("R1", "E001", "E002", "A2", "2026-02-20T09:00") +
                      test::swap("R2", "E001", "E003", "A4", "2026-02-21T09:00");
    SUBCASE("second: approved") {
      judged j(base, cap_policy());
      CHECK(j.decision_of("R2") == decision::approved);
      CHECK(j.findings_of("R2", "swap-cap").empty());
    }
    SUBCASE("third: rejected, citing swap.3, naming the month and the count") {
      judged j(base + test::swap("R3", "E001", "E002", "A6", "2026-02-22T09:00"), cap_policy());
      const auto f = j.findings_of("R3", "swap-cap");
      REQUIRE(f.size() == 1);
      CHECK(f[0].effect == effect::reject);
      CHECK(f[0].number("swaps_before") == 2);
      CHECK(f[0].number("max") == 2);
      CHECK(j.message(f[0]) == "E001 already has 2 swap(s) in 2026-03; at most 2 are allowed.");
      CHECK(j.decision_of("R3") == decision::rejected);
    }
  }
  TEST_CASE("swap.3: a swap counts for the counterpart too") {
    // E002 is party to two swaps with E001; a third, asked by E003 of E002, is rejected for E002.
    judged j(roster() + test::swap("R1", "E001", "E002", "A2", "2026-02-20T09:00") +
                 test::swap("R2", "E001", "E002", "A4", "2026-02-21T09:00") +
                 test::swap("R3", "E003", "E002", "C1", "2026-02-22T09:00"),
             cap_policy());
    const auto f = j.findings_of("R3", "swap-cap");
    REQUIRE(f.size() == 1);
    CHECK(std::get<person_ref>(*f[0].find("party")).index == j.c.find_person("E002"));
  }
  TEST_CASE("swap.3: swaps count in the month the given shift starts, so April starts afresh") {
    judged j(roster() + test::swap("R1", "E001", "E002", "A2", "2026-02-20T09:00") +
                 test::swap("R2", "E001", "E003", "A4", "2026-02-21T09:00") +
                 test::swap("R3", "E001", "E002", "A32", "2026-02-22T09:00"),
             cap_policy());
    CHECK(j.findings_of("R3", "swap-cap").empty());
  }
  // Judges swap.1 (swap-reason) with swap.3: R1 has no reason, so it is rejected.
  TEST_CASE("swap.3: a rejected swap does not count against the cap") {
    judged j(roster() + test::swap("R1", "E001", "E002", "A2", "2026-02-20T09:00", ", reason: \"\"") +
                 test::swap("R2", "E001", "E003", "A4", "2026-02-21T09:00") +
                 test::swap("R3", "E001", "E002", "A6", "2026-02-22T09:00"),
             cap_policy());
    REQUIRE(j.decision_of("R1") == decision::rejected);
    CHECK(j.findings_of("R3", "swap-cap").empty());
  }
  // Judges swap.2 (swap-form) with swap.3: R1 has no form, so it is pending.
  TEST_CASE("swap.3: a pending swap counts against the cap") {
    judged j(roster() + test::swap("R1", "E001", "E002", "A2", "2026-02-20T09:00", ", form_filed: false") +
                 test::swap("R2", "E001", "E003", "A4", "2026-02-21T09:00") +
                 test::swap("R3", "E001", "E002", "A6", "2026-02-22T09:00"),
             cap_policy());
    REQUIRE(j.decision_of("R1") == decision::pending);
    CHECK(j.findings_of("R3", "swap-cap").size() == 1);
  }
}
