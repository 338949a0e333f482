// `rulebook check --policy P.yaml CASE.yaml [SECTION=FILE.csv…]`: judge a case, print the verdict.
#include "options.hpp"

#include "../read_calendar.hpp"

#include <rulebook/engine.hpp>

#include <unistd.h>

namespace rulebook::cli {

auto run_check(const options& o) -> int {
  if (o.files.size() > 1 || (o.files.empty() && o.lists.empty())) {
    std::cerr << "rulebook check: give exactly one case file, or lists as SECTION=FILE.csv\n";
    return exit_bad_input;
  }
  std::vector<load_issue> issues;
  const auto p = load_policy(o.policies, issues);
  if (!issues.empty()) {
    print_issues(issues);
    return exit_bad_input;
  }
  // Lists given as `shifts=roster.csv` replace the case's own, or make the case without a case file.
  const auto c = load_case(o.files.empty() ? std::string() : o.files.front(), o.lists, p, issues);
  if (!issues.empty()) {
    print_issues(issues);
    return exit_bad_input;
  }
  // Days past the policy's calendars would be judged as if they had no holidays: say so, and
  // with --strict, judge nothing. The verdict's format (CONTRACT §3) has no place for it.
  if (auto gap = detail::uncovered_calendar_years(p, c)) {
    if (!o.strict) gap->message = "warning: " + gap->message;
    print_issues({*gap});
    if (o.strict) return exit_bad_input;
  }
  const auto v = judge(p, c, {.threads = o.threads});
  const bool text = o.format ? *o.format == "text" : isatty(STDOUT_FILENO) != 0;
  const write_options how{.lang = o.lang, .clauses = o.clauses, .explain = o.explain};
  if (text) {
    write_text(std::cout, v, c, how);
  } else {
    write_json(std::cout, v, c, how);
  }
  std::cout.flush();
  return v.has_breach() ? exit_breach : exit_ok;
}

auto run_lint(const options& o) -> int {
  if (!o.files.empty()) {
    std::cerr << "rulebook lint: takes no case file, only --policy\n";
    return exit_bad_input;
  }
  std::vector<load_issue> issues;
  const auto p = load_policy(o.policies, issues);
  if (!issues.empty()) {
    print_issues(issues);
    return exit_bad_input;
  }
  const auto warnings = lint_policy(p);
  print_issues(warnings);
  std::cout << p.name() << ": " << p.rules().size() << " rules, " << p.calendar().holiday_count()
            << " holiday days, valid" << (warnings.empty() ? "" : ", with warnings") << "\n";
  return exit_ok;
}

}  // namespace rulebook::cli
