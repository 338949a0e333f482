// Clause quality.monitoring: each agent is monitored at least once a calendar month; fewer is a
// warning whose subject is the agent and the month (kind monthly_minimum).
#include "rules/monthly_minimum.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;
using strings = std::vector<std::string>;

namespace {

/// The quality-monitoring rule as the customer-service rulebook writes it, alone, with the
/// rulebook's roles.
auto monitoring_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: quality-monitoring}
)" + test::department_vocabulary + R"(rules:
  - id: quality-monitoring
    clause: quality.monitoring
    kind: monthly_minimum
    records: monitoring
    min: 1
    when: {role: agent}
    effect: warning
)");
  return p;
}

// Two agents, their shift leader and the quality inspector who monitors them.
const std::string people = R"(
people:
  - {id: E001, role: agent, grade: junior, leader: L01}
  - {id: E002, role: agent, grade: junior, leader: L01}
  - {id: L01, role: shift_leader}
  - {id: Q01, role: quality, leader: L01}
)";

/// A session of `agent` at `at`, as a YAML list item.
auto monitored(const std::string& agent, const std::string& at) -> std::string {
  return "  - {agent: " + agent + ", inspector: Q01, at: " + at + "}\n";
}

/// The warnings, each as `employee month sessions`.
auto warnings(const judged& j) -> strings {
  strings out;
  for (const auto& f : j.conduct("quality-monitoring")) {
    out.push_back(j.c.people.at(f.subject.employee).id + " " +
                  (f.subject.month ? format_month(*f.subject.month) : "-") + " " +
                  std::to_string(f.number("sessions")));
  }
  return out;
}

}  // namespace

TEST_SUITE("rules/monthly_minimum") {
  TEST_CASE("quality.monitoring: an agent with no session in a month of the period is warned, naming the month") {
    judged j(people + "period: {from: 2026-03-01, to: 2026-03-31}\nmonitoring:\n" +
                 monitored("E001", "2026-03-10T14:00"),
             monitoring_policy());
    CHECK(warnings(j) == strings{"E002 2026-03 0"});
    const auto f = j.conduct("quality-monitoring");
    REQUIRE(f.size() == 1);
    CHECK(f[0].effect == effect::warning);
    CHECK(j.v.rule_of(f[0]).header().clause == "quality.monitoring");
    REQUIRE(f[0].subject.month.has_value());
    CHECK(f[0].subject.month->year == 2026);
    CHECK(f[0].subject.month->number == 3);
    CHECK(f[0].number("min") == 1);
    CHECK(j.message(f[0]) == "E002 had 0 quality-monitoring session(s) in 2026-03; the minimum is 1 a month.");
    CHECK(j.message(f[0], lang::zh) == "E002在2026年3月被监听0次，每月每人不少于1次。");
  }

  TEST_CASE("quality.monitoring: one session a month is enough") {
    judged j(people + "period: {from: 2026-03-01, to: 2026-03-31}\nmonitoring:\n" +
                 monitored("E001", "2026-03-01T08:00") + monitored("E002", "2026-03-31T23:59"),
             monitoring_policy());
    CHECK(warnings(j).empty());
  }

  TEST_CASE("quality.monitoring: sessions count for their own agent only") {
    judged j(people + "period: {from: 2026-03-01, to: 2026-03-31}\nmonitoring:\n" +
                 monitored("E001", "2026-03-10T14:00") + monitored("E001", "2026-03-11T14:00") +
                 monitored("L01", "2026-03-12T14:00"),
             monitoring_policy());
    CHECK(warnings(j) == strings{"E002 2026-03 0"});
  }

  TEST_CASE("quality.monitoring: a period spanning two months judges each month") {
    // E001 is monitored in March only, E002 in April only; a session outside the period's months
    // (February) counts for nothing.
    judged j(people + "period: {from: 2026-03-15, to: 2026-04-10}\nmonitoring:\n" +
                 monitored("E001", "2026-03-20T10:00") + monitored("E002", "2026-04-02T10:00") +
                 monitored("E001", "2026-02-20T10:00"),
             monitoring_policy());
    CHECK(warnings(j) == strings{"E002 2026-03 0", "E001 2026-04 0"});
  }

  TEST_CASE("quality.monitoring: only agents are judged, not shift leaders or inspectors") {
    // Nobody is monitored: the two agents are warned; L01 (shift_leader) and Q01 (quality) are not.
    judged j(people + "period: {from: 2026-03-01, to: 2026-03-31}\nmonitoring: []\n", monitoring_policy());
    CHECK(warnings(j) == strings{"E001 2026-03 0", "E002 2026-03 0"});
    for (const auto& f : j.conduct("quality-monitoring")) {
      CHECK(j.c.people.at(f.subject.employee).role == "agent");
    }
  }

  TEST_CASE("quality.monitoring: a case with no monitoring list does not report monitoring and is not judged") {
    // A roster sent by a scheduler says nothing about monitoring; `monitoring: []` says nobody was.
    const std::string roster = people + "period: {from: 2026-03-01, to: 2026-03-31}\nshifts:\n" +
                               test::day_shift("S1", "E001", "2026-03-02");
    CHECK(warnings(judged(roster, monitoring_policy())).empty());
    CHECK(warnings(judged(roster + "monitoring: []\n", monitoring_policy())) ==
          strings{"E001 2026-03 0", "E002 2026-03 0"});
  }
}
