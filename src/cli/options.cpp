#include "options.hpp"

#include <unistd.h>

#include <algorithm>
#include <string_view>

namespace rulebook::cli {

void print_issues(const std::vector<load_issue>& issues) {
  const auto shown = std::min(issues.size(), max_printed_issues);
  for (std::size_t i = 0; i < shown; ++i) std::cerr << to_string(issues[i]) << '\n';
  if (issues.size() > shown) {
    std::cerr << "rulebook: " << issues.size() - shown << " more problem(s) not shown; the first " << shown
              << " are above\n";
  }
}

auto load_policies(const std::vector<std::string>& paths) -> std::optional<policy> {
  std::vector<load_issue> issues;
  auto p = load_policy(paths, issues);
  if (!issues.empty()) {
    print_issues(issues);
    return std::nullopt;
  }
  if (!has_rules(p, paths)) return std::nullopt;
  return p;
}

auto has_rules(const policy& p, const std::vector<std::string>& paths) -> bool {
  if (!p.rules().empty()) return true;
  print_issues({{{paths.empty() ? std::string() : paths.front(), 0, 0},
                 {},
                 "the policy `" + p.name() + "` has no rules: there is nothing to judge by"}});
  return false;
}

auto writes_text(const options& o) -> bool { return o.format ? *o.format == "text" : isatty(STDOUT_FILENO) != 0; }

}  // namespace rulebook::cli
