// Clause grade.order: grades are ordered junior < intermediate < senior, and a promotion goes one
// step up at a time (kind grade_order).
#include "rules/grade_order.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;

namespace {

/// The vocabulary of `test::grades_org`, grades in order, lowest first.
const std::string vocabulary = R"(
vocabulary:
  roles: [agent, quality, callback, editorial, shift_leader, department_director, center_director]
  grades: [junior, intermediate, senior]
)";

/// The grade-order rule as the customer-service rulebook writes it, alone.
auto order_policy() -> const policy& {
  static const policy p = test::policy_of("policy: {name: grade-order}\n" + vocabulary + R"(
rules:
  - id: promotion-order
    clause: grade.order
    kind: grade_order
    effect: reject
)");
  return p;
}

/// The grade-order rule, then (as in the customer-service rulebook) the criteria of promotion to
/// intermediate, whose clause sorts before it.
auto order_and_criteria_policy() -> const policy& {
  static const policy p = test::policy_of("policy: {name: grade-order-and-criteria}\n" + vocabulary + R"(
rules:
  - id: promotion-order
    clause: grade.order
    kind: grade_order
    effect: reject
  - id: promotion-intermediate
    clause: grade.intermediate
    kind: criteria
    when: {to_grade: intermediate}
    criteria:
      - {measure: typing_cpm, at_least: 50}
      - {measure: exam_passed}
    effect: reject
)");
  return p;
}

/// `who` asks to be promoted to `to`, under `p` (by default the grade-order rule alone).
auto judged_promotion(const std::string& who, const std::string& to, const policy& p = order_policy()) -> judged {
  return judged(test::promotion_case(who, to), p);
}

}  // namespace

TEST_SUITE("rules/grade_order") {
  TEST_CASE("grade.order: one step up is in order") {
    SUBCASE("junior to intermediate") {
      CHECK(judged_promotion("E001", "intermediate").findings_of("R1", "promotion-order").empty());
    }
    SUBCASE("intermediate to senior") {
      CHECK(judged_promotion("E004", "senior").findings_of("R1", "promotion-order").empty());
    }
  }

  TEST_CASE("grade.order: junior straight to senior skips a grade and is rejected") {
    const auto j = judged_promotion("E001", "senior");
    const auto f = j.findings_of("R1", "promotion-order");
    REQUIRE(f.size() == 1);
    CHECK(f[0].effect == effect::reject);
    CHECK(j.v.rule_of(f[0]).header().clause == "grade.order");
    CHECK(std::get<std::string>(*f[0].find("grade")) == "junior");
    CHECK(std::get<std::string>(*f[0].find("to_grade")) == "senior");
    CHECK(std::get<std::string>(*f[0].find("next_grade")) == "intermediate");
    CHECK(j.decision_of("R1") == decision::rejected);
    CHECK(j.message(f[0]) ==
          "E001 is junior and may be promoted only to intermediate, not straight to senior: grades are not skipped.");
    CHECK(j.message(f[0], lang::zh) == "E001现为junior，只能晋级为intermediate，不能越级晋级为senior。");
  }

  TEST_CASE("grade.order: intermediate to junior is not a step up and is rejected") {
    const auto j = judged_promotion("E004", "junior");
    const auto f = j.findings_of("R1", "promotion-order");
    REQUIRE(f.size() == 1);
    CHECK(f[0].effect == effect::reject);
    CHECK(j.decision_of("R1") == decision::rejected);
    CHECK(j.message(f[0]) == "E004 is intermediate; a promotion to junior is not a step up.");
    CHECK(j.message(f[0], lang::zh) == "E004现为intermediate，申请junior不是晋级。");
  }

  TEST_CASE("grade.order: asking for the grade one already holds is not a step up") {
    const auto j = judged_promotion("E004", "intermediate");
    const auto f = j.findings_of("R1", "promotion-order");
    REQUIRE(f.size() == 1);
    CHECK(j.message(f[0]) == "E004 is intermediate; a promotion to intermediate is not a step up.");
  }

  TEST_CASE("grade.order: someone with no grade may ask only for junior") {
    SUBCASE("junior: in order") {
      CHECK(judged_promotion("E009", "junior").findings_of("R1", "promotion-order").empty());
    }
    SUBCASE("intermediate: skips junior, rejected") {
      const auto j = judged_promotion("E009", "intermediate");
      const auto f = j.findings_of("R1", "promotion-order");
      REQUIRE(f.size() == 1);
      CHECK(std::get<std::string>(*f[0].find("grade")).empty());
      CHECK(std::get<std::string>(*f[0].find("next_grade")) == "junior");
      CHECK(j.decision_of("R1") == decision::rejected);
      CHECK(j.message(f[0]) ==
            "E009 has no grade yet and may be promoted only to junior, not straight to intermediate: grades are not "
            "skipped.");
    }
    SUBCASE("senior: skips two grades, rejected") {
      const auto j = judged_promotion("E009", "senior");
      const auto f = j.findings_of("R1", "promotion-order");
      REQUIRE(f.size() == 1);
      CHECK(std::get<std::string>(*f[0].find("next_grade")) == "junior");
    }
  }

  TEST_CASE("CONTRACT §3: a request's findings are ordered by clause, whatever the policy's order") {
    // Judges two rules together: promotion-order (grade.order) comes first in the policy;
    // grade.intermediate sorts before it. No assessments: both criteria of intermediate are unmet.
    const auto j = judged_promotion("E009", "intermediate", order_and_criteria_policy());
    std::vector<std::string> clauses;
    for (const auto& f : j.request("R1").findings) clauses.push_back(j.v.rule_of(f).header().clause);
    CHECK(clauses == std::vector<std::string>{"grade.intermediate", "grade.intermediate", "grade.order"});
  }
}
