// `rulebook test --policy P.yaml TESTS... [--junit FILE]`: run policy test files.
#include "options.hpp"

#include <rulebook/policy_test.hpp>

#include <fstream>
#include <regex>

namespace rulebook::cli {

auto run_test(const options& o) -> int {
  if (o.files.empty()) {
    std::cerr << "rulebook test: give one or more test files\n";
    return exit_bad_input;
  }
  try {
    (void)std::regex(o.run, std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    std::cerr << "rulebook test: --run `" << o.run << "` is not a regular expression: " << e.what() << '\n';
    return exit_bad_input;
  }
  const auto p = load_policies(o.policies, o.lang);
  if (!p) return exit_bad_input;
  const auto report = run_policy_tests(*p, o.files, o.run, o.lang);
  if (report.tests.empty()) {
    if (o.run.empty()) {
      std::cerr << "rulebook test: the files hold no tests\n";
    } else {
      std::cerr << "rulebook test: no test's name matches `" << o.run << "`\n";
    }
    return exit_bad_input;
  }
  for (const auto& t : report.tests) {
    std::cout << (t.passed() ? "ok   " : "FAIL ") << t.file << ": " << t.name << '\n';
    for (const auto& e : t.errors) std::cout << "  " << to_string(e) << '\n';
    for (const auto& c : t.checks) {
      if (c.passed) continue;
      std::cout << "  expected " << c.expected << "\n    actual " << c.actual << '\n';
    }
  }
  std::cout << "\ncoverage: " << report.rules_fired.size() << " of " << p->rules().size()
            << " rules made a finding in these tests";
  if (!report.rules_never_fired.empty()) {
    std::cout << "; never fired:";
    for (const auto& id : report.rules_never_fired) std::cout << ' ' << id;
  }
  std::cout << "\n" << report.tests.size() - report.failures() << " passed, " << report.failures() << " failed\n";
  // The coverage gate: a policy repository's CI fails when too few rules are exercised.
  bool covered = true;
  if (o.threshold) {
    const auto total = p->rules().size();
    const auto percent = total == 0
                             ? 100.0
                             : 100.0 * static_cast<double>(report.rules_fired.size()) / static_cast<double>(total);
    covered = percent + 1e-9 >= *o.threshold;
    std::cout << "coverage " << static_cast<int>(percent) << " % of rules fired; the threshold is " << *o.threshold
              << " %" << (covered ? "" : ": too few") << "\n";
  }
  if (o.junit) {
    std::ofstream out(*o.junit);
    if (!out) {
      std::cerr << "rulebook test: cannot write `" << *o.junit << "`\n";
      return exit_bad_input;
    }
    write_junit(out, report);
  }
  return report.failures() == 0 && covered ? exit_ok : exit_breach;
}

}  // namespace rulebook::cli
