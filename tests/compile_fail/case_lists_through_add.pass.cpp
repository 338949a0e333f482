// Must compile: the case_*.fail.cpp files done rightly, through `add_*` and `set_superior`, and
// the lists read every way the library's own code reads them. It proves the harness reaches the
// headers, so the .fail files fail for the reason they name.
#include <rulebook/rulebook.hpp>

#include <utility>
#include <vector>

auto main() -> int {
  namespace rb = rulebook;
  rb::case_file c;
  const auto l = c.add_person({.id = "L01", .role = "shift_leader"});
  const auto e = c.add_person({.id = "E001", .role = "agent"});
  c.set_superior(e, rb::superior_link::leader, l);
  const auto s = c.add_shift({.id = "S1",
                              .employee = e,
                              .start = *rb::parse_time_point("2026-03-02T08:00"),
                              .end = *rb::parse_time_point("2026-03-02T17:00")});
  c.add_punch({.shift = s, .in = rb::parse_time_point("2026-03-02T08:05")});
  const auto r = c.add_request({.id = "R1",
                                .employee = e,
                                .submitted_at = *rb::parse_time_point("2026-03-01T09:00"),
                                .approvals = {{.by = l, .at = *rb::parse_time_point("2026-03-01T10:00")}},
                                .details = rb::promotion_details{.to_grade = "intermediate"}});
  std::size_t n = c.people[e].leader == l ? 1 : 0;
  n += c.shifts.size() + c.punches.size() + c.requests[r].approvals.size();
  for (const auto& q : c.people) n += q.id.size();
  for (const auto i : c.people.indexes()) n += c.people.at(i).role.size();
  n += c.people.has(l) && !c.shifts.empty() ? 1 : 0;
  n += c.punches[0].in ? 1 : 0;
  const std::vector<rb::punch>& punches = c.punches;  // the list itself, read-only
  auto roster = c.shifts;                             // a copy leaves the case as it is
  n += punches.size() + roster.size();
  auto moved = std::move(c);  // the whole case moves, its tables with it
  return moved.find_shift("S1") == s && n > 0 ? 0 : 1;
}
