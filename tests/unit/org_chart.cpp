// The chain of command as a graph (clause leave.3): chains, levels, cycles.
#include <rulebook/org_chart.hpp>

#include "support.hpp"

using namespace rulebook;

TEST_SUITE("org_chart") {
  TEST_CASE("an agent's chain runs shift leader, department director, center director") {
    const auto c = test::case_of(test::org);
    const org_chart chart(c);
    const auto e = c.find_person("E001");
    REQUIRE(chart.chain(e).size() == 3);
    CHECK(c.people[chart.chain(e)[0]].id == "L01");
    CHECK(c.people[chart.chain(e)[1]].id == "D01");
    CHECK(c.people[chart.chain(e)[2]].id == "C01");
    CHECK(chart.level(e, c.find_person("D01")) == std::optional<std::size_t>(1));
    CHECK_FALSE(chart.level(e, c.find_person("L02")));
    CHECK_FALSE(chart.find_cycle());
  }
  TEST_CASE("a cycle in reports_to is found") {
    case_file c;
    const auto a = c.add_person({.id = "L01", .role = "shift_leader"});
    const auto b = c.add_person({.id = "D01", .role = "department_director", .reports_to = a});
    c.people[a].reports_to = b;
    CHECK(org_chart(c).find_cycle().has_value());
  }
}
