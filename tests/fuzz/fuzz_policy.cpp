// libFuzzer target: any bytes as a policy file, compiled, linted and (when it compiles) used to
// judge a small case. Never a crash, a hang or an exception.
#include <rulebook/rulebook.hpp>

#include <cstdint>
#include <string>

extern "C" auto LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) -> int {
  std::vector<rulebook::load_issue> issues;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto p = rulebook::parse_policy({{"fuzz.yaml", text}}, issues);
  if (!issues.empty()) return 0;
  (void)rulebook::lint_policy(p);
  static const std::string small = R"(
people:
  - {id: E1, role: agent, leader: L1}
  - {id: L1, role: shift_leader}
shifts:
  - {id: S1, employee: E1, start: 2026-03-02T08:00, end: 2026-03-02T17:00}
punches:
  - {shift: S1, in: 2026-03-02T08:25}
requests:
  - {id: R1, type: leave, kind: personal, employee: E1, submitted_by: E1, submitted_at: 2026-03-01T09:00, shifts: [S1]}
)";
  std::vector<rulebook::load_issue> case_issues;
  const auto c = rulebook::parse_case("small.yaml", small, p, case_issues);
  // A policy without rules is refused by `judge` (policy_error): there is nothing to judge by.
  if (case_issues.empty() && !p.rules().empty()) (void)rulebook::judge(p, c, {.threads = 1});
  return 0;
}
