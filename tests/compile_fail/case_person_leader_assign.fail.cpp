// Must not compile: an entity of the case changed behind `add_*`, here a person's leader, which
// `set_superior` sets after checking it (case_lists_through_add.pass.cpp). `c.people[p]` is a
// `const person&`; GCC names the index's assignment, clang the `=`.
// expected-error: (passing .const rulebook::person_index.* discards qualifiers|no viable overloaded .=.)
#include <rulebook/rulebook.hpp>

auto main() -> int {
  rulebook::case_file c;
  const auto l = c.add_person({.id = "L01", .role = "shift_leader"});
  const auto e = c.add_person({.id = "E001", .role = "agent"});
  c.people[e].leader = l;
  return 0;
}
