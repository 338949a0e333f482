// The judge: request order, the working roster, finding order, and judging a case built in code.
#include <rulebook/engine.hpp>

#include "support.hpp"

using namespace rulebook;
using test::judged;

TEST_SUITE("engine") {
  TEST_CASE("CONTRACT §2: requests are judged in submitted_at order and reported in input order") {
    // R2 comes first in time: it is approved and excuses S1; R1, later, covers the same shift.
    judged j(test::org + test::roster + R"(
requests:
  - {id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-02-05T09:00, shifts: [S1]}
  - {id: R2, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-02-01T09:00, shifts: [S1],
     approvals: [{by: L01, at: 2026-02-01T10:00}, {by: D01, at: 2026-02-01T11:00}]}
)");
    REQUIRE(j.v.requests.size() == 2);
    CHECK(j.c.requests[j.v.requests[0].request].id == "R1");
    CHECK(j.c.requests[j.v.requests[1].request].id == "R2");
    CHECK(j.decision_of("R2") == decision::approved);
    CHECK(j.decision_of("R1") == decision::pending);
    for (const auto& f : j.conduct("absence")) CHECK(f.subject.shift != j.c.find_shift("S1"));
  }
  TEST_CASE("CONTRACT §3: findings are ordered by subject time, then employee, then clause") {
    judged j(test::org + R"(
shifts:
  - {id: A, employee: E002, start: 2026-03-02T08:00, end: 2026-03-02T17:00}
  - {id: B, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00}
  - {id: C, employee: E001, start: 2026-03-01T08:00, end: 2026-03-01T17:00}
punches:
  - {shift: B, in: 2026-03-02T08:30, out: 2026-03-02T16:00}
)");
    std::vector<std::string> order;
    for (const auto& f : j.v.findings) {
      order.push_back(j.c.shifts[f.subject.shift].id + " " + j.c.people[f.subject.employee].id + " " +
                      j.v.rule_of(f).header().id);
    }
    CHECK(order == std::vector<std::string>{"C E001 absence", "B E001 lateness", "B E001 early-departure",
                                            "A E002 absence"});
  }
  TEST_CASE("the same case judged twice writes the same bytes") {
    const std::string yaml = test::org + test::roster + "punches:\n  - {shift: S1, in: 2026-03-02T08:25}\n";
    CHECK(judged(yaml).json() == judged(yaml).json());
  }
  TEST_CASE("a case built in code is judged like a loaded one") {
    case_file c;
    const auto l = c.add_person({.id = "L01", .role = "shift_leader"});
    const auto e = c.add_person({.id = "E001", .role = "agent", .leader = l});
    const auto s = c.add_shift({.id = "S1", .employee = e, .start = *parse_time_point("2026-03-02T08:00"),
                                .end = *parse_time_point("2026-03-02T17:00")});
    c.add_punch({.shift = s, .in = parse_time_point("2026-03-02T08:20")});
    CHECK(validate_case(c, test::shipped_policy()).empty());
    const auto v = judge(test::shipped_policy(), c);
    REQUIRE(v.findings.size() == 1);
    CHECK(v.findings[0].effect == effect::violation);
    CHECK(v.message(v.findings[0], c) == "E001 punched in 20 minutes late for S1 (limit 20).");
  }
  TEST_CASE("building a case in code refuses dangling references and duplicates") {
    case_file c;
    c.add_person({.id = "E001", .role = "agent"});
    CHECK_THROWS_AS(c.add_person({.id = "E001", .role = "agent"}), case_error);
    CHECK_THROWS_AS(c.add_shift({.id = "S1", .employee = 7}), case_error);
    CHECK_THROWS_AS(c.add_shift({.id = "S1", .employee = 0, .start = *parse_time_point("2026-03-02T08:00"),
                                 .end = *parse_time_point("2026-03-02T08:00")}),
                    case_error);
    CHECK_THROWS_AS((void)c.person_at("nobody"), case_error);
  }
  TEST_CASE("judging a code-built case whose chain of command is a cycle throws, it does not loop") {
    case_file c;
    const auto a = c.add_person({.id = "A", .role = "shift_leader"});
    const auto b = c.add_person({.id = "B", .role = "department_director", .reports_to = a});
    c.people[a].reports_to = b;
    CHECK_FALSE(validate_case(c, test::shipped_policy()).empty());
    CHECK_THROWS_AS((void)judge(test::shipped_policy(), c), case_error);
  }
}
