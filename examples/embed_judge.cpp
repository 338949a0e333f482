// Embedding rulebook: build a case in code (no case file), judge it, walk the verdict.
//
//   embed_judge policies/customer-service.yaml
//
// An HR system would fill the case from its own database; here it is written out by hand.
#include <rulebook/rulebook.hpp>

#include <iostream>

namespace rb = rulebook;

auto main(int argc, char** argv) -> int {
  if (argc != 2) {
    std::cerr << "usage: embed_judge POLICY.yaml\n";
    return 2;
  }
  std::vector<rb::load_issue> issues;
  const rb::policy policy = rb::load_policy({argv[1]}, issues);
  if (!issues.empty()) {
    for (const auto& i : issues) std::cerr << rb::to_string(i) << '\n';
    return 2;
  }

  rb::case_file c;
  const auto t = [](const char* s) { return *rb::parse_time_point(s); };
  const auto director = c.add_person({.id = "D01", .role = "department_director"});
  const auto leader = c.add_person({.id = "L01", .role = "shift_leader", .reports_to = director});
  const auto agent = c.add_person({.id = "E001", .name = "张三", .role = "agent", .grade = "junior", .leader = leader});
  const auto monday = c.add_shift(
      {.id = "S1", .employee = agent, .start = t("2026-03-02T08:00"), .end = t("2026-03-02T17:00"), .kind = "day"});
  const auto tuesday = c.add_shift(
      {.id = "S2", .employee = agent, .start = t("2026-03-03T08:00"), .end = t("2026-03-03T17:00"), .kind = "day"});
  c.add_punch({.shift = monday, .in = t("2026-03-02T08:21"), .out = t("2026-03-02T17:00")});
  c.add_request({.id = "R1",
                 .employee = agent,
                 .submitted_at = t("2026-03-02T18:00"),  // 14 hours before Tuesday's shift
                 .approvals = {{.by = leader, .at = t("2026-03-02T18:30")}},
                 .details = rb::leave_details{.kind = "personal", .submitted_by = agent, .shifts = {tuesday}}});

  // A case built in code is checked against the policy's names, as a loaded one is.
  for (const auto& i : rb::validate_case(c, policy)) std::cerr << rb::to_string(i) << '\n';

  const rb::verdict v = rb::judge(policy, c);
  for (const auto& r : v.requests) {
    std::cout << c.requests[r.request].id << ": " << rb::to_string(r.decision) << '\n';
    for (const auto& f : r.findings) {
      std::cout << "  " << rb::to_string(f.effect) << " (" << v.header_of(f).clause << "): " << v.message(f, c) << '\n';
    }
  }
  for (const auto& f : v.findings) {
    std::cout << rb::to_string(f.effect) << " (" << v.header_of(f).clause << "): " << v.message(f, c) << '\n';
    std::cout << "  " << v.message(f, c, rb::lang::zh) << '\n';
  }
  return v.has_breach() ? 1 : 0;
}
