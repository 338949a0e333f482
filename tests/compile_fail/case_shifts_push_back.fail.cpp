// Must not compile: a shift put straight into the roster list would be on no one's roster (the
// per-employee index `add_shift` keeps) and never judged, and its id in no table (issue 12).
// `case_file::shifts` is read-only; `add_shift` is the way in (case_lists_through_add.pass.cpp).
// expected-error: no member named .push_back.
#include <rulebook/rulebook.hpp>

auto main() -> int {
  rulebook::case_file c;
  const auto e = c.add_person({.id = "E001", .role = "agent"});
  c.shifts.push_back({.id = "S1",
                      .employee = e,
                      .start = *rulebook::parse_time_point("2026-03-02T08:00"),
                      .end = *rulebook::parse_time_point("2026-03-02T17:00")});
  return 0;
}
