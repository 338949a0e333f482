// Clause leave.5: sick leave certificates cover every day and are handed in the day after.
#include "rules/certificates.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;
using test::with_request;

namespace {
/// The two certificate rules of the customer-service rulebook (leave.5), with the vocabulary of
/// `test::org` and `test::roster`.
auto certificate_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: certificates}
)" + test::department_vocabulary + R"(rules:
  - id: sick-certificate
    clause: leave.5
    kind: certificate_coverage
    when: {leave_kind: sick}
    min_length: 1d
    effect: incomplete
  - id: sick-certificate-hand-in
    clause: leave.5
    kind: certificate_hand_in
    when: {leave_kind: sick}
    within: 1d
    effect: warning
)");
  return p;
}

auto sick(const std::string& shifts, const std::string& certificates) -> std::string {
  return "{id: R1, type: leave, kind: sick, employee: E001, submitted_by: E002, submitted_at: 2026-03-01T20:00, "
         "shifts: [" +
         shifts + "], certificates: [" + certificates +
         "], approvals: [{by: L01, at: 2026-03-01T21:00}, {by: D01, at: 2026-03-01T22:00}, {by: C01, at: 2026-03-01T23:00}]}";
}
}  // namespace

TEST_SUITE("rules/certificates") {
  TEST_CASE("leave.5: sick leave needs certificates whose union covers every day, or it is incomplete") {
    SUBCASE("no certificate for a one-day leave: incomplete, pending") {
      judged j(with_request(sick("S1", "")), certificate_policy());
      const auto f = j.findings_of("R1", "sick-certificate");
      REQUIRE(f.size() == 1);
      CHECK(f[0].effect == effect::incomplete);
      CHECK(j.decision_of("R1") == decision::pending);
    }
    SUBCASE("a gap on the second day: incomplete, naming the day") {
      judged j(with_request(sick("S1, S2", "{from: 2026-03-02, to: 2026-03-02, handed_in: 2026-03-04T09:00}")),
               certificate_policy());
      const auto f = j.findings_of("R1", "sick-certificate");
      REQUIRE(f.size() == 1);
      CHECK(j.message(f[0]) ==
            "Sick leave of 2 day(s) needs medical certificates covering every day; not covered: 2026-03-03.");
    }
    SUBCASE("two certificates that meet cover both days: complete, approved") {
      judged j(with_request(sick("S1, S2", "{from: 2026-03-02, to: 2026-03-02, handed_in: 2026-03-04T09:00}, "
                                           "{from: 2026-03-03, to: 2026-03-03, handed_in: 2026-03-04T09:00}")),
               certificate_policy());
      CHECK(j.findings_of("R1", "sick-certificate").empty());
      CHECK(j.decision_of("R1") == decision::approved);
    }
  }
  TEST_CASE("leave.5: a certificate is handed in by the end of the first day after the leave") {
    SUBCASE("23:59 on the day after: no warning") {
      judged j(with_request(sick("S1", "{from: 2026-03-02, to: 2026-03-02, handed_in: 2026-03-03T23:59}")),
               certificate_policy());
      CHECK(j.findings_of("R1", "sick-certificate-hand-in").empty());
    }
    SUBCASE("00:00 two days after: a warning, and the leave still stands") {
      judged j(with_request(sick("S1", "{from: 2026-03-02, to: 2026-03-02, handed_in: 2026-03-04T00:00}")),
               certificate_policy());
      const auto f = j.findings_of("R1", "sick-certificate-hand-in");
      REQUIRE(f.size() == 1);
      CHECK(f[0].effect == effect::warning);
      CHECK(j.decision_of("R1") == decision::approved);
    }
  }
  TEST_CASE("leave.5: an emergency needs no certificate") {
    judged j(
        with_request(
            "{id: R1, type: leave, kind: sick_emergency, employee: E001, submitted_by: E002, submitted_at: 2026-03-02T09:00, "
            "shifts: [S1], leader_notified_at: 2026-03-02T07:00}"),
        certificate_policy());
    CHECK(j.findings_of("R1", "sick-certificate").empty());
  }
}
