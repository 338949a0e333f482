// Clause handover.4: the outgoing agent may not leave the seat before the incoming one arrives.
#include "rules/seat_handover.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;

namespace {
/// The seat-handover rule as the customer-service rulebook writes it, alone, with the vocabulary
/// of `test::org`.
auto handover_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: seat-handover}
)" + test::department_vocabulary + R"(rules:
  - id: seat-handover
    clause: handover.4
    kind: seat_handover
    effect: violation
)");
  return p;
}

// E001 (seat A12) works 08:00-17:00; E002 works 17:00-22:00 on seat A12 by the shift's own seat.
auto handover(const std::string& out, const std::string& in, const std::string& requests = "",
              const policy& p = handover_policy()) -> judged {
  std::string punches = "punches:\n";
  if (!out.empty()) punches += "  - {shift: S1, in: 2026-03-02T07:45, out: 2026-03-02T" + out + "}\n";
  if (!in.empty()) punches += "  - {shift: S2, in: 2026-03-02T" + in + ", out: 2026-03-02T22:00}\n";
  return judged(test::org + "shifts:\n" + test::day_shift("S1", "E001", "2026-03-02") +
                    "  - {id: S2, employee: E002, start: 2026-03-02T17:00, end: 2026-03-02T22:00, seat: A12}\n" +
                    punches + requests,
                p);
}
}  // namespace

TEST_SUITE("rules/seat_handover") {
  TEST_CASE("handover.4: leaving before the incoming agent punches in is a violation for the outgoing agent") {
    const auto j = handover("17:00", "17:05");
    const auto f = j.conduct("seat-handover");
    REQUIRE(f.size() == 1);
    CHECK(f[0].effect == effect::violation);
    CHECK(f[0].subject.employee == j.c.find_person("E001"));
    CHECK(f[0].number("minutes_unattended") == 5);
    CHECK(j.message(f[0]) ==
          "E001 left seat A12 at 2026-03-02T17:00, 5 minute(s) before the incoming agent of S2 arrived.");
  }
  TEST_CASE("handover.4: staying until the incoming agent arrives is no finding") {
    CHECK(handover("17:05", "17:05").conduct("seat-handover").empty());
    CHECK(handover("17:06", "17:05").conduct("seat-handover").empty());
  }
  TEST_CASE("handover.4: with either punch missing there is nothing to judge") {
    CHECK(handover("17:00", "").conduct("seat-handover").empty());
    CHECK(handover("", "17:05").conduct("seat-handover").empty());
  }
  TEST_CASE(
      "handover.4: a pair where either shift is on effective leave is not judged; pending leave excuses nothing") {
    // A policy with no leave rules approves every leave: effective.
    const auto leave_of = [](const std::string& who, const std::string& shift) {
      return "requests:\n  - {id: R1, type: leave, kind: personal, employee: " + who + ", submitted_by: " + who +
             ", submitted_at: 2026-02-20T09:00, shifts: [" + shift + "]}\n";
    };
    CHECK(handover("17:00", "17:05", leave_of("E001", "S1")).conduct("seat-handover").empty());
    CHECK(handover("17:00", "17:05", leave_of("E002", "S2")).conduct("seat-handover").empty());
    // Under the department's rules, a day's personal leave needs the department director: pending.
    const auto pending = handover("17:00", "17:05", leave_of("E001", "S1"), test::shipped_policy());
    REQUIRE(pending.decision_of("R1") == decision::pending);
    CHECK(pending.conduct("seat-handover").size() == 1);
  }
}
