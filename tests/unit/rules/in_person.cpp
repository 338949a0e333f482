// Clause leave.4: personal leave in person; sick leave may be asked by anyone (kind in_person).
#include "rules/in_person.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;
using test::with_request;

namespace {
/// The in-person rule as the customer-service rulebook writes it, alone, with the vocabulary of
/// `test::org` and `test::roster`.
auto in_person_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: in-person}
)" + test::department_vocabulary + R"(rules:
  - id: leave-in-person
    clause: leave.4
    kind: in_person
    when: {leave_kind: [personal, personal_special]}
    effect: reject
)");
  return p;
}

auto leave_by(const std::string& kind, const std::string& by) -> std::string {
  return "{id: R1, type: leave, kind: " + kind + ", employee: E001, submitted_by: " + by +
         ", submitted_at: 2026-02-01T09:00, shifts: [S1]}";
}
}  // namespace

TEST_SUITE("rules/in_person") {
  TEST_CASE("leave.4: personal leave submitted by someone else is rejected") {
    for (const std::string kind : {"personal", "personal_special"}) {
      CAPTURE(kind);
      judged j(with_request(leave_by(kind, "E002")), in_person_policy());
      const auto f = j.findings_of("R1", "leave-in-person");
      REQUIRE(f.size() == 1);
      CHECK(f[0].effect == effect::reject);
      CHECK(j.decision_of("R1") == decision::rejected);
    }
  }
  TEST_CASE("leave.4: personal leave submitted by the employee is not rejected") {
    judged j(with_request(leave_by("personal", "E001")), in_person_policy());
    CHECK(j.findings_of("R1", "leave-in-person").empty());
  }
  TEST_CASE("leave.4: sick leave may be submitted by someone else") {
    judged j(with_request(leave_by("sick", "E002")), in_person_policy());
    CHECK(j.findings_of("R1", "leave-in-person").empty());
    CHECK(j.decision_of("R1") != decision::rejected);
  }
}
