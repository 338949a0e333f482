// Clause swap.3: no back-to-back shifts for either party after the swap and its return (kind rest_between_shifts).
#include "rules/rest_between_shifts.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;

namespace {
/// The rest rule of swaps as the customer-service rulebook writes it, alone, with the vocabulary of
/// `test::swap_org`.
auto rest_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: swap-rest}
)" + test::department_vocabulary + R"(rules:
  - id: swap-rest
    clause: swap.3
    kind: rest_between_shifts
    min_rest: 8h
    effect: reject
)");
  return p;
}

// E001 gives A1 (2 March 08:00-17:00) to E002, whose own shift B0 ends at `b0_end` the night before.
auto give_after(const std::string& b0_end) -> std::string {
  return test::swap_org + "shifts:\n" + test::day_shift("A1", "E001", "2026-03-02") +
         "  - {id: B0, employee: E002, start: 2026-03-01T16:00, end: " + b0_end + "}\n" + "requests:\n" +
         test::swap("R1", "E001", "E002", "A1", "2026-02-20T09:00");
}
}  // namespace

TEST_SUITE("rules/rest_between_shifts") {
  TEST_CASE("swap.3: 8 hours between the counterpart's shifts is enough, 7h59 is back-to-back") {
    SUBCASE("8h: approved") {
      judged j(give_after("2026-03-02T00:00"), rest_policy());
      CHECK(j.findings_of("R1", "swap-rest").empty());
      CHECK(j.decision_of("R1") == decision::approved);
    }
    SUBCASE("7h59: rejected, citing swap.3") {
      judged j(give_after("2026-03-02T00:01"), rest_policy());
      const auto f = j.findings_of("R1", "swap-rest");
      REQUIRE(f.size() == 1);
      CHECK(f[0].effect == effect::reject);
      CHECK(f[0].number("rest_minutes") == 7 * 60 + 59);
      CHECK(f[0].number("min_rest_minutes") == 480);
      CHECK(j.message(f[0]) ==
            "After the swap E002 would work B0 and A1 with 7h59min rest between them (at least 8h).");
    }
  }
  TEST_CASE("swap.3: the return is judged for the swapper") {
    // E001 takes back C1 from E002, which starts 7 hours after E001's own A0 ends.
    judged j(test::swap_org + "shifts:\n" + test::day_shift("A1", "E001", "2026-03-02") +
                 "  - {id: A0, employee: E001, start: 2026-03-05T08:00, end: 2026-03-05T17:00}\n" +
                 "  - {id: C1, employee: E002, start: 2026-03-06T00:00, end: 2026-03-06T06:00}\n" + "requests:\n" +
                 test::swap("R1", "E001", "E002", "A1", "2026-02-20T09:00", ", take: C1"),
             rest_policy());
    const auto f = j.findings_of("R1", "swap-rest");
    REQUIRE(f.size() == 1);
    CHECK(std::get<person_ref>(*f[0].find("party")).index == j.c.find_person("E001"));
    CHECK(f[0].number("rest_minutes") == 7 * 60);
  }
  TEST_CASE("pairs of shifts no swap moved are not judged") {
    // E002 already works two shifts 4 hours apart; the swap moves neither of them next to the other.
    judged j(test::swap_org + "shifts:\n" + test::day_shift("A1", "E001", "2026-03-10") +
                 "  - {id: B1, employee: E002, start: 2026-03-02T08:00, end: 2026-03-02T12:00}\n" +
                 "  - {id: B2, employee: E002, start: 2026-03-02T16:00, end: 2026-03-02T20:00}\n" + "requests:\n" +
                 test::swap("R1", "E001", "E002", "A1", "2026-02-20T09:00"),
             rest_policy());
    CHECK(j.findings_of("R1", "swap-rest").empty());
  }
}
