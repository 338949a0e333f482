// Must not compile: moving a list out of the case would empty it behind the id tables (every id
// still found, at an index that is gone). Only the case moves its lists: move the whole case
// (case_lists_through_add.pass.cpp), or copy the list, which leaves the case as it is.
// expected-error: (case_list<List>&&.* is private|calling a private constructor of class .rulebook::case_list)
#include <rulebook/rulebook.hpp>

#include <utility>

auto main() -> int {
  rulebook::case_file c;
  c.add_person({.id = "E001", .role = "agent"});
  auto taken = std::move(c.people);
  return taken.empty() ? 1 : 0;
}
