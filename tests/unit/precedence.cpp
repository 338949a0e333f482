// Precedence between rules: `overrides:` (an exception replaces a general rule wherever it applies)
// and `instead_of:` (either/or: a rule's findings give way to another's, subject by subject).
#include "support.hpp"

using namespace rulebook;
using test::judged;
using strings = std::vector<std::string>;

namespace {

const std::string head = "policy: {name: p}\n" + test::department_vocabulary + "rules:\n";

// Lateness over 20 minutes is a violation; for seniors, over 30 (an exception).
const std::string lateness = R"(
  - {id: lateness, clause: leave.8, kind: duration_threshold, measure: late_arrival, threshold: 20min, effect: violation}
  - {id: senior-lateness, clause: leave.8, kind: duration_threshold, measure: late_arrival, threshold: 30min,
     when: {grade: senior}, effect: violation, overrides: [lateness]}
)";

/// `who` (of `grade`) works a day shift on 2026-03-02 and punches in `late` minutes late.
auto late_by(const std::string& grade, int late) -> std::string {
  return "people:\n  - {id: E001, role: agent, grade: " + grade +
         "}\nshifts:\n  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00}\n"
         "punches:\n  - {shift: S1, in: 2026-03-02T08:" +
         (late < 10 ? "0" : "") + std::to_string(late) + ", out: 2026-03-02T17:00}\n";
}

/// The rule ids of every conduct finding.
auto rules_found(const judged& j) -> strings {
  strings out;
  for (const auto& f : j.v.findings) out.push_back(j.v.rule_of(f).header().id);
  return out;
}

}  // namespace

TEST_SUITE("precedence") {
  TEST_CASE("overrides: where the exception applies, the general rule does not judge; elsewhere it does") {
    const auto p = test::policy_of(head + lateness);
    CHECK(rules_found(judged(late_by("senior", 25), p)).empty());
    CHECK(rules_found(judged(late_by("senior", 30), p)) == strings{"senior-lateness"});
    CHECK(rules_found(judged(late_by("junior", 25), p)) == strings{"lateness"});
    CHECK(rules_found(judged(late_by("junior", 19), p)).empty());
  }

  TEST_CASE("without overrides, a narrower rule beside a broader one cannot relax it, and lint says so") {
    auto text = head + lateness;
    text.erase(text.find(", overrides: [lateness]"), std::string(", overrides: [lateness]").size());
    const auto p = test::policy_of(text);
    CHECK(rules_found(judged(late_by("senior", 25), p)) == strings{"lateness"});
    const auto warnings = lint_policy(p);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].message.find("`senior-lateness` cannot relax `lateness`; if it is an exception, give it "
                                   "`overrides: [lateness]`") != std::string::npos);
  }

  TEST_CASE("overrides for requests: the senior swap cap replaces the general cap for seniors' requests only") {
    const auto p = test::policy_of(head + R"(
  - {id: swap-cap, clause: swap.3, kind: count_cap, max: 2, per: month, effect: reject}
  - {id: senior-swap-cap, clause: swap.3, kind: count_cap, max: 4, per: month, when: {grade: senior},
     effect: reject, overrides: [swap-cap]}
)");
    const auto three_swaps = [&](const std::string& grade) {
      std::string y = "people:\n  - {id: E001, role: agent, grade: " + grade + "}\n";
      std::string shifts = "shifts:\n", requests = "requests:\n";
      for (int k = 1; k <= 3; ++k) {
        const auto n = std::to_string(k);
        y += "  - {id: P" + n + ", role: agent, grade: " + grade + "}\n";
        shifts += test::day_shift("A" + n, "E001", "2026-03-0" + std::to_string(2 * k));
        requests += "  - {id: W" + n + ", type: swap, employee: E001, counterpart: P" + n + ", give: A" + n +
                    ", submitted_at: 2026-02-1" + n + "T09:00}\n";
      }
      return judged(y + shifts + requests, p);
    };
    CHECK(three_swaps("senior").decision_of("W3") == decision::approved);
    CHECK(three_swaps("junior").decision_of("W3") == decision::rejected);
  }

  TEST_CASE("instead_of: too late is rejected and needs no approval; in time, the approval is asked") {
    // leave.6 as the Reading has it: either/or.
    const auto yaml = [](const std::string& submitted) {
      return test::with_request("{id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, "
                                "submitted_at: " +
                                submitted + ", shifts: [SN]}");
    };
    const judged late(yaml("2026-03-04T13:00"));
    const auto& f = late.request("R1").findings;
    CHECK(std::count_if(f.begin(), f.end(), [&](const finding& x) {
            return late.v.rule_of(x).header().id == "night-leave-deadline";
          }) == 1);
    CHECK(late.findings_of("R1", "night-leave-approval").empty());
    const judged in_time(yaml("2026-03-04T11:00"));
    CHECK(in_time.findings_of("R1", "night-leave-deadline").empty());
    CHECK(in_time.findings_of("R1", "night-leave-approval").size() == 1);
  }

  TEST_CASE("instead_of for conduct: a late arrival's record replaces the roll-call warning of the same shift") {
    const auto p = test::policy_of(head + R"(
  - {id: roll-call, clause: handover.1, kind: early_arrival, lead: 10min, effect: warning}
  - {id: lateness, clause: leave.8, kind: duration_threshold, measure: late_arrival, threshold: 1min, effect: late,
     instead_of: [roll-call]}
)");
    CHECK(rules_found(judged(late_by("junior", 5), p)) == strings{"lateness"});
    CHECK(rules_found(judged(late_by("junior", 0), p)) == strings{"roll-call"});
  }

  TEST_CASE("a rule overridden wherever it applies can never fire: lint says so") {
    const auto p = test::policy_of(head + R"(
  - {id: lateness, clause: leave.8, kind: duration_threshold, measure: late_arrival, threshold: 20min,
     when: {grade: senior}, effect: violation}
  - {id: any-lateness, clause: leave.8, kind: duration_threshold, measure: late_arrival, threshold: 30min,
     effect: violation, overrides: [lateness]}
)");
    const auto warnings = lint_policy(p);
    REQUIRE_FALSE(warnings.empty());
    CHECK(warnings[0].message ==
          "warning: rule `lateness` can never fire: `any-lateness` overrides it wherever it applies (its `when` is as "
          "broad)");
  }

  TEST_CASE("overrides and instead_of name rules of the policy, other than itself, judging the same things") {
    CHECK(test::policy_errors(head + R"(
  - {id: a, clause: c, kind: absence, effect: absenteeism, overrides: [absense]}
  - {id: absence, clause: c, kind: absence, effect: absenteeism}
)") == strings{"p.yaml:9:72: `overrides` of rule `a` names `absense`, which is not a rule of the policy: did you "
               "mean `absence`?"});
    CHECK(test::policy_errors(head + R"(
  - {id: a, clause: c, kind: absence, effect: absenteeism, instead_of: [a]}
)") == strings{"p.yaml:9:73: rule `a` names itself in `instead_of`"});
    CHECK(test::policy_errors(head + R"(
  - {id: a, clause: c, kind: absence, effect: absenteeism, overrides: [b]}
  - {id: b, clause: c, kind: in_person, effect: reject}
)") == strings{"p.yaml:9:72: rule `a` judges conduct and `b` requests: `overrides` ties rules that judge the "
               "same things"});
    CHECK(test::policy_errors(head + R"(
  - {id: a, clause: c, kind: absence, effect: absenteeism, overrides: [b]}
  - {id: b, clause: c, kind: absence, effect: absenteeism, overrides: [a]}
)") == strings{"p.yaml:9:5: rule `a` overrides itself through the rules that override it: `overrides:` must not go "
               "round in a circle"});
  }
}
