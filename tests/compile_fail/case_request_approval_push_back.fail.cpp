// Must not compile: a request changed after `add_request`, here an approval slipped in. Give the
// approvals when adding it (case_lists_through_add.pass.cpp).
// expected-error: (const std::vector<rulebook::approval>. as .this.|no matching member function for call to .push_back)
#include <rulebook/rulebook.hpp>

auto main() -> int {
  rulebook::case_file c;
  const auto l = c.add_person({.id = "L01", .role = "shift_leader"});
  const auto e = c.add_person({.id = "E001", .role = "agent", .leader = l});
  const auto r = c.add_request({.id = "R1",
                                .employee = e,
                                .submitted_at = *rulebook::parse_time_point("2026-03-01T09:00"),
                                .details = rulebook::promotion_details{.to_grade = "intermediate"}});
  c.requests[r].approvals.push_back({.by = l, .at = *rulebook::parse_time_point("2026-03-01T10:00")});
  return 0;
}
