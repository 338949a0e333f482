// The case model: typed indexes, and what keeps an entity out of a case.
#include "support.hpp"

#include <sstream>
#include <type_traits>
#include <unordered_set>

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

// The lists `add_*` keeps are read-only: nothing goes in, comes out or changes behind it (what
// does not compile is in tests/compile_fail). They cost nothing over the lists they hold.
template <typename List>
concept growable = requires(List& l, typename List::value_type v) {
  l.push_back(v);
};
static_assert(!growable<decltype(case_file::people)> && !growable<decltype(case_file::shifts)> &&
              !growable<decltype(case_file::punches)> && !growable<decltype(case_file::requests)>);
static_assert(growable<decltype(case_file::tickets)>, "the other lists are plain");
static_assert(std::is_same_v<decltype(std::declval<case_file&>().people[person_index(0)]), const person&>);
static_assert(std::is_same_v<decltype(*std::declval<case_file&>().shifts.begin()), const shift&>);
static_assert(!std::is_move_constructible_v<decltype(case_file::people)>, "std::move(c.people) would empty it");
static_assert(!std::is_copy_assignable_v<decltype(case_file::people)>);
static_assert(sizeof(decltype(case_file::shifts)) == sizeof(indexed_vector<shift_index, shift>));
static_assert(std::is_nothrow_move_constructible_v<case_file> && std::is_nothrow_move_assignable_v<case_file>);

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
  TEST_CASE("the lists read as the lists they hold") {
    case_file c;
    const auto a = c.add_person({.id = "A", .role = "agent"});
    const auto t0 = *parse_time_point("2026-03-02T08:00"), t1 = *parse_time_point("2026-03-02T17:00");
    const auto s = c.add_shift({.id = "S1", .employee = a, .start = t0, .end = t1});
    c.add_punch({.shift = s, .in = t0});
    CHECK(c.people.front().id == "A");
    CHECK(c.shifts.back().id == "S1");
    CHECK(c.shifts.at(s).employee == a);
    CHECK_THROWS_AS((void)c.shifts.at(shift_index(1)), std::out_of_range);
    CHECK(c.shifts.next_index() == shift_index(1));
    CHECK(c.punches[0].shift == s);
    CHECK(c.requests.empty());
    const std::vector<punch>& punches = c.punches;  // for code that takes the list itself
    CHECK(punches.size() == 1);
    std::size_t n = 0;
    for (const auto& q : c.people) n += q.id.size();
    CHECK(n == 1);
    const auto snapshot = c.shifts;  // a read-only copy, apart from the case
    c.add_shift({.id = "S2", .employee = a, .start = t1, .end = *parse_time_point("2026-03-02T18:00")});
    CHECK(snapshot.size() == 1);
    CHECK(c.shifts.size() == 2);
  }
  TEST_CASE("set_superior sets a leader or whom one reports to, and refuses what add_* would") {
    case_file c;
    const auto d = c.add_person({.id = "D01", .role = "department_director"});
    const auto l = c.add_person({.id = "L01", .role = "shift_leader"});
    const auto e = c.add_person({.id = "E001", .role = "agent"});
    c.set_superior(e, superior_link::leader, l);
    c.set_superior(l, superior_link::reports_to, d);
    CHECK(c.people[e].leader == l);
    CHECK(c.people[e].superior() == l);
    CHECK(c.people[l].reports_to == d);
    CHECK(c.people[l].leader == no_index);
    CHECK_THROWS_WITH_AS(c.set_superior(e, superior_link::leader, e), "person `E001` cannot be their own `leader`",
                         case_error);
    CHECK_THROWS_WITH_AS(c.set_superior(e, superior_link::reports_to, person_index(3)),
                         "`reports_to` of person `E001` would be person index 3, but the case has 3 people",
                         case_error);
    CHECK_THROWS_WITH_AS(c.set_superior(person_index(7), superior_link::leader, l),
                         "set_superior names person index 7, but the case has 3 people", case_error);
    CHECK_THROWS_WITH_AS(c.set_superior(no_index, superior_link::leader, l),
                         "set_superior names no person: no person index is set", case_error);
    CHECK(c.people[e].leader == l);  // what was refused changed nothing
    c.set_superior(e, superior_link::leader, no_index);
    CHECK(c.people[e].leader == no_index);
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

TEST_SUITE("model") {
  TEST_CASE("a symbol reads and compares like its text, and its copies share the text") {
    const symbol night = "night";
    CHECK(night == "night");
    CHECK(night == std::string("night"));
    CHECK(night == std::string_view("night"));
    CHECK(night != "day");
    CHECK(std::string_view(night) == "night");
    CHECK(night.str() == "night");
    CHECK(night.size() == 5);
    CHECK(symbol("day") < night);
    CHECK(symbol("night") == night);  // equal text, its own copy
    CHECK_FALSE(symbol("night").shares(night));
    symbol copy = night;
    CHECK(copy.shares(night));
    symbol moved = std::move(copy);
    CHECK(moved.shares(night));
    CHECK(copy.empty());  // NOLINT(bugprone-use-after-move,hicpp-invalid-access-moved): moved from is empty
    moved = symbol("evening");
    CHECK(moved == "evening");
    CHECK(night == "night");  // untouched by the copy's reassignment
    const symbol none;
    CHECK(none.empty());
    CHECK(none == "");
    CHECK(symbol("").empty());
    CHECK(sizeof(symbol) == sizeof(void*));
    // Ordered against text of every kind, written and hashed as its text.
    CHECK(night > "day");
    CHECK(night < std::string("o"));
    CHECK(night <= std::string_view("night"));
    std::ostringstream out;
    out << night << '/' << none << '/';
    CHECK(out.str() == "night//");
    CHECK(std::hash<symbol>{}(night) == std::hash<std::string_view>{}("night"));
    CHECK(std::unordered_set<symbol>{night, symbol("night"), symbol("day")}.size() == 2);
  }
  TEST_CASE("loaded shifts of one kind share one symbol, so a year of shifts holds each kind once") {
    const auto c = test::case_of(R"(
people:
  - {id: E001, role: agent}
  - {id: E002, role: agent}
shifts:
  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00, kind: day, seat: A-01}
  - {id: S2, employee: E002, start: 2026-03-02T08:00, end: 2026-03-02T17:00, kind: night, seat: A-02}
  - {id: S3, employee: E001, start: 2026-03-03T08:00, end: 2026-03-03T17:00, kind: day, seat: A-02}
  - {id: S4, employee: E002, start: 2026-03-03T08:00, end: 2026-03-03T17:00}
)");
    const auto& s = c.shifts;
    const auto at = [&](const char* id) -> const shift& { return s[c.find_shift(id)]; };
    CHECK(at("S1").kind == "day");
    CHECK(at("S1").kind.shares(at("S3").kind));  // not only the one before
    CHECK(at("S2").seat.shares(at("S3").seat));
    CHECK(at("S2").kind == "night");
    CHECK(at("S4").kind.empty());
    CHECK(at("S4").seat.empty());
  }
}
