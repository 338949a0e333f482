// Policy test files: a case plus what its verdict must (and must not) contain, so a policy author
// knows what an edit does before it goes live.
#pragma once

#include <rulebook/policy.hpp>

#include <ostream>
#include <string>
#include <vector>

// Everything declared here is the library's API: exported from librulebook.so (src/ is built hidden).
#pragma GCC visibility push(default)
namespace rulebook {

/// One expectation of a test and how it came out.
struct test_check {
  std::string expected;  ///< e.g. "R1 is pending", "a finding {clause: leave.8, effect: violation}"
  std::string actual;    ///< what the verdict had instead; empty when the check passed
  bool passed = false;   ///< whether the verdict met the expectation
};

/// One test of a test file.
struct policy_test_result {
  std::string file;                ///< the test file it comes from
  std::string name;                ///< the test's `name`
  std::vector<load_issue> errors;  ///< the test file or its case could not be read: the test fails
  std::vector<test_check> checks;  ///< each expectation and how it came out, in file order
  /// Whether the test could be read and every expectation was met.
  [[nodiscard]] auto passed() const -> bool {
    if (!errors.empty()) return false;
    for (const auto& c : checks) {
      if (!c.passed) return false;
    }
    return true;
  }
};

/// Every test run, and which rules they exercised.
struct policy_test_report {
  std::vector<policy_test_result> tests;       ///< every test, in the order run
  std::vector<std::string> rules_fired;        ///< rule ids that made at least one finding
  std::vector<std::string> rules_never_fired;  ///< in policy order
  /// How many tests failed.
  [[nodiscard]] auto failures() const -> std::size_t {
    std::size_t n = 0;
    for (const auto& t : tests) n += t.passed() ? 0 : 1;
    return n;
  }
};

/// Runs the policy test files at `paths` against `p`.
///
/// A test file is one test, or a list of them under `tests:`; a test is
/// ```yaml
/// name: personal leave asked a day ahead is approved
/// case: cases/leave.yaml          # a case file, relative to the test file, or the case itself
/// expect:
///   decisions: {R1: approved}     # every request named must get that decision
///   findings:                     # each must match some finding (keys given must be equal)
///     - {request: R1, clause: leave.2, effect: needs_approval}
///     - {clause: leave.8, effect: violation, employee: E001, shift: S1}
///   absent:                       # none may match any finding
///     - {clause: leave.1, employee: E001}
///   criteria:                     # a promotion's criteria, each `met` or `unmet`
///     P1: {typing_cpm: unmet, exam_passed: met}
/// ```
/// A finding spec without `request` matches the conduct findings; with it, that request's.
/// Spec keys: `request`, `rule`, `clause`, `effect`, `employee`, `shift`, `month`, `approver_role`.
/// @par Errors A test file that cannot be read fails its tests with the errors; nothing throws
///      for what a test file holds.
/// @throws policy_error when `p` has no rules and a test's case is judged, as `judge` does.
/// With `only` (an ECMAScript regular expression), only the tests whose name it is found in are
/// run, and only they count for `rules_fired`.
/// @throws std::regex_error when `only` is not a regular expression.
/// Problems in the test files are written in language `l`.
auto run_policy_tests(const policy& p, const std::vector<std::string>& paths, const std::string& only = {},
                      lang l = lang::en) -> policy_test_report;

/// Writes `report` as JUnit XML, for a policy repository's CI.
void write_junit(std::ostream& out, const policy_test_report& report);

}  // namespace rulebook
#pragma GCC visibility pop
