// The chain of command (clause leave.3): chains, levels, cycles.
#include "engine/chain_of_command.hpp"

#include "support.hpp"

using namespace rulebook;

TEST_SUITE("chain_of_command") {
  TEST_CASE("an agent's chain runs shift leader, department director, center director") {
    const auto c = test::case_of(test::org);
    const detail::chain_of_command chart(c);
    const auto e = c.find_person("E001");
    REQUIRE(chart.chain(e).size() == 3);
    CHECK(c.people[chart.chain(e)[0]].id == "L01");
    CHECK(c.people[chart.chain(e)[1]].id == "D01");
    CHECK(c.people[chart.chain(e)[2]].id == "C01");
    CHECK(chart.level(e, c.find_person("D01")) == std::optional<std::size_t>(1));
    CHECK_FALSE(chart.level(e, c.find_person("L02")));
    CHECK_FALSE(detail::find_cycle(c));
  }
  TEST_CASE("a cycle in reports_to is found, naming the person whose superior closes it") {
    case_file c;
    const auto a = c.add_person({.id = "L01", .role = "shift_leader"});
    const auto b = c.add_person({.id = "D01", .role = "department_director", .reports_to = a});
    c.set_superior(a, superior_link::reports_to, b);
    REQUIRE(detail::find_cycle(c).has_value());
    CHECK(*detail::find_cycle(c) == b);
  }
  TEST_CASE("a chain that ends is no cycle, however long") {
    case_file c;
    auto up = c.add_person({.id = "P0", .role = "center_director"});
    for (int i = 1; i < 200; ++i) up = c.add_person({.id = "P" + std::to_string(i), .role = "agent", .reports_to = up});
    CHECK_FALSE(detail::find_cycle(c));
    CHECK(detail::chain_of_command(c).chain(up).size() == 199);
  }
}
