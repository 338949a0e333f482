// Clause swap.5: a swapped shift nobody worked is absenteeism for both parties (kind unworked_swap);
// clause swap.6: no leave on a swapped or returned shift (kind blackout with `swapped: true`).
#include "rules/unworked_swap.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;

namespace {
/// The two rules of clauses swap.5 and swap.6 as the customer-service rulebook writes them, with
/// the absence rule (leave.1) whose absenteeism the tests look at too, and the vocabulary of
/// `test::swap_org`.
auto swap_attendance_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: unworked-swap}
)" + test::department_vocabulary + R"(rules:
  - id: swapped-shift-leave
    clause: swap.6
    kind: blackout
    when: {request: leave, swapped: true}
    effect: reject
  - id: absence
    clause: leave.1
    kind: absence
    effect: absenteeism
  - id: swap-unworked
    clause: swap.5
    kind: unworked_swap
    effect: absenteeism
)");
  return p;
}

const std::string roster = test::swap_org + "shifts:\n" + test::day_shift("A1", "E001", "2026-03-02") +
                           test::day_shift("B1", "E002", "2026-03-20");
auto swapped(const std::string& more) -> std::string {
  return roster + more + "requests:\n" + test::swap("R1", "E001", "E002", "A1", "2026-02-20T09:00", ", take: B1");
}
}  // namespace

TEST_SUITE("rules/unworked_swap") {
  // Judges swap-unworked and absence together: the shift nobody worked is also leave.1 absenteeism.
  TEST_CASE("swap.5: a swapped shift nobody worked is absenteeism for the new owner and for both parties") {
    judged j(swapped("punches:\n  - {shift: B1, in: 2026-03-20T07:45, out: 2026-03-20T17:00}\n"),
             swap_attendance_policy());
    REQUIRE(j.decision_of("R1") == decision::approved);
    const auto absence = j.conduct("absence");
    REQUIRE(absence.size() == 1);
    CHECK(absence[0].subject.employee == j.c.find_person("E002"));  // leave.1, for the new owner
    const auto both = j.conduct("swap-unworked");
    REQUIRE(both.size() == 2);
    CHECK(both[0].effect == effect::absenteeism);
    CHECK(j.v.rule_of(both[0]).header().clause == "swap.5");
    CHECK(j.message(both[0]) == "Nobody worked A1, moved to E002 by swap R1: absenteeism for both parties.");
    std::vector<std::string> who{j.c.people[both[0].subject.employee].id, j.c.people[both[1].subject.employee].id};
    CHECK(who == std::vector<std::string>{"E001", "E002"});
  }
  // Judges swap-unworked and absence together: neither finds anything.
  TEST_CASE("swap.5: a swapped shift its new owner worked is no finding") {
    judged j(swapped("punches:\n  - {shift: A1, in: 2026-03-02T07:45, out: 2026-03-02T17:00}\n"
                     "  - {shift: B1, in: 2026-03-20T07:45, out: 2026-03-20T17:00}\n"),
             swap_attendance_policy());
    CHECK(j.conduct("swap-unworked").empty());
    CHECK(j.v.findings.empty());
  }
  // Judges swapped-shift-leave and absence together: the rejected leave leaves B1 unexcused.
  TEST_CASE("swap.6: leave on a returned shift is rejected, and the shift not worked is absenteeism") {
    judged j(
        roster + "requests:\n" + test::swap("R1", "E001", "E002", "A1", "2026-02-20T09:00", ", take: B1") +
            "  - {id: R2, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-03-01T09:00,\n"
            "     shifts: [B1], approvals: [{by: L01, at: 2026-03-01T10:00}, {by: D01, at: 2026-03-01T11:00}]}\n",
        swap_attendance_policy());
    const auto f = j.findings_of("R2", "swapped-shift-leave");
    REQUIRE(f.size() == 1);
    CHECK(f[0].effect == effect::reject);
    CHECK(j.v.rule_of(f[0]).header().clause == "swap.6");
    CHECK(j.decision_of("R2") == decision::rejected);
    bool b1_absent = false;
    for (const auto& a : j.conduct("absence")) b1_absent = b1_absent || a.subject.shift == j.c.find_shift("B1");
    CHECK(b1_absent);
  }
  TEST_CASE("swap.6: leave on a shift of one's own, not swapped, is not rejected for it") {
    judged j(roster + "requests:\n  - {id: R2, type: leave, kind: personal, employee: E002, submitted_by: E002, "
                      "submitted_at: 2026-03-01T09:00, shifts: [B1]}\n",
             swap_attendance_policy());
    CHECK(j.findings_of("R2", "swapped-shift-leave").empty());
  }
}
