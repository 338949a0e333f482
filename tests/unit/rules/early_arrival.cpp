// Clause handover.1: arrive 10 minutes early for roll call (kind early_arrival).
#include "rules/early_arrival.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;

namespace {
/// The roll-call rule as the customer-service rulebook writes it, with the lateness rule (leave.8)
/// so a test can show a late arrival is lateness rather than a roll-call warning, and the
/// vocabulary of `test::org`.
auto roll_call_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: roll-call}
)" + test::department_vocabulary + R"(rules:
  - id: lateness
    clause: leave.8
    kind: duration_threshold
    measure: late_arrival
    threshold: 20min
    effect: violation
    lesser: {threshold: 1min, effect: late}
  - id: roll-call
    clause: handover.1
    kind: early_arrival
    lead: 10min
    effect: warning
)");
  return p;
}

auto punched_in(const std::string& in) -> judged {
  return judged(test::org + "shifts:\n" + test::day_shift("S1", "E001", "2026-03-02") +
                    "punches:\n  - {shift: S1, in: 2026-03-02T" + in + ", out: 2026-03-02T17:00}\n",
                roll_call_policy());
}
}  // namespace

TEST_SUITE("rules/early_arrival") {
  TEST_CASE("handover.1: 10 minutes early is on time for roll call, 9 minutes is a warning") {
    CHECK(punched_in("07:50").conduct("roll-call").empty());
    const auto j = punched_in("07:51");
    const auto f = j.conduct("roll-call");
    REQUIRE(f.size() == 1);
    CHECK(f[0].effect == effect::warning);
    CHECK(f[0].number("minutes_before_start") == 9);
    CHECK(j.message(f[0]) == "E001 punched in 9 minute(s) before S1; arrive 10 minutes early for roll call.");
  }
  // Judges roll-call and lateness together: a late arrival is one finding or the other.
  TEST_CASE("handover.1: punching in at the start is a warning; a minute late is lateness instead") {
    CHECK(punched_in("08:00").conduct("roll-call").size() == 1);
    const auto late = punched_in("08:01");
    CHECK(late.conduct("roll-call").empty());
    CHECK(late.conduct("lateness").size() == 1);
  }
}
