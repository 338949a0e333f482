// Builds a case in code, judges it under a policy given as text, and checks one finding.
#include <rulebook/rulebook.hpp>

#include <iostream>

auto main() -> int {
  std::vector<rulebook::load_issue> issues;
  const auto p = rulebook::parse_policy({{"inline.yaml", R"(
policy: {name: consumer}
rules:
  - {id: lateness, clause: leave.8, kind: duration_threshold, measure: late_arrival, threshold: 20min, effect: violation}
)"}},
                                        issues);
  if (!issues.empty()) return 2;
  rulebook::case_file c;
  const auto e = c.add_person({.id = "E001", .role = "agent"});
  const auto s = c.add_shift({.id = "S1",
                              .employee = e,
                              .start = *rulebook::parse_time_point("2026-03-02T08:00"),
                              .end = *rulebook::parse_time_point("2026-03-02T17:00")});
  c.add_punch({.shift = s, .in = rulebook::parse_time_point("2026-03-02T08:20")});
  const auto v = rulebook::judge(p, c);
  std::cout << v.findings.size() << " finding(s)\n";
  return v.findings.size() == 1 && v.findings[0].effect == rulebook::effect::violation ? 0 : 1;
}
