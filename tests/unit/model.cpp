// The case model: typed indexes, and what keeps an entity out of a case.
#include "support.hpp"

#include <type_traits>

using namespace rulebook;

// A person's index is not a shift's: mixing them up does not compile.
static_assert(!std::is_convertible_v<person_index, shift_index>);
static_assert(!std::is_convertible_v<shift_index, person_index>);
static_assert(!std::is_constructible_v<shift_index, person_index>);
static_assert(!std::is_convertible_v<std::uint32_t, person_index>, "a number becomes an index only explicitly");
static_assert(std::is_convertible_v<no_index_t, person_index> && std::is_convertible_v<no_index_t, request_index>);

template <typename List, typename Index>
concept indexable_by = requires(const List& l, Index i) {
  l[i];
};
static_assert(indexable_by<decltype(case_file::people), person_index>);
static_assert(!indexable_by<decltype(case_file::people), shift_index>);
static_assert(!indexable_by<decltype(case_file::shifts), person_index>);
static_assert(!indexable_by<decltype(case_file::shifts), std::size_t>);

TEST_SUITE("model") {
  TEST_CASE("an empty index equals no_index, a real one does not") {
    CHECK(person_index() == no_index);
    CHECK(person_index(0) != no_index);
    CHECK(shift_index(3) < shift_index(4));
  }
  TEST_CASE("a list's indexes run in order, typed") {
    case_file c;
    const auto a = c.add_person({.id = "A", .role = "agent"});
    const auto b = c.add_person({.id = "B", .role = "agent"});
    std::vector<person_index> seen;
    for (const auto p : c.people.indexes()) seen.push_back(p);
    CHECK(seen == std::vector<person_index>{a, b});
    CHECK(c.people.has(b));
    CHECK_FALSE(c.people.has(person_index(2)));
  }
  TEST_CASE("problem_adding names what keeps an entity out, and add_* refuses it") {
    case_file c;
    const auto a = c.add_person({.id = "A", .role = "agent"});
    CHECK(c.problem_adding(person{.id = "A"}) == add_problem::duplicate_id);
    const auto t0 = *parse_time_point("2026-03-02T08:00"), t1 = *parse_time_point("2026-03-02T17:00");
    CHECK(c.problem_adding(shift{.id = "S1", .employee = person_index(5), .start = t0, .end = t1}) ==
          add_problem::unknown_person);
    CHECK(c.problem_adding(shift{.id = "S1", .employee = a, .start = t1, .end = t0}) == add_problem::ends_before_start);
    const auto s = c.add_shift({.id = "S1", .employee = a, .start = t0, .end = t1});
    CHECK(c.problem_adding(shift{.id = "S1", .employee = a, .start = t0, .end = t1}) == add_problem::duplicate_id);
    CHECK(c.problem_adding(punch{.shift = s, .in = t1, .out = t0}) == add_problem::out_before_in);
    c.add_punch({.shift = s, .in = t0});
    CHECK(c.problem_adding(punch{.shift = s, .in = t0}) == add_problem::punched_twice);
    CHECK_THROWS_AS(c.add_punch({.shift = s, .in = t0}), case_error);
    CHECK(c.problem_adding(punch{.shift = shift_index(9)}) == add_problem::unknown_shift);
  }
  TEST_CASE("a copied case keeps its own id tables") {
    case_file c;
    c.add_person({.id = "A", .role = "agent"});
    case_file d = c;
    d.add_person({.id = "B", .role = "agent"});
    CHECK(d.find_person("B") != no_index);
    CHECK(c.find_person("B") == no_index);
    case_file moved = std::move(d);
    CHECK(moved.find_person("A") == person_index(0));
  }
}
