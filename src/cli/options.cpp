#include "options.hpp"

#include <unistd.h>

#include <algorithm>
#include <string_view>

namespace rulebook::cli {

void print_issues(const std::vector<load_issue>& issues, lang l) {
  const auto shown = std::min(issues.size(), max_printed_issues);
  for (std::size_t i = 0; i < shown; ++i) std::cerr << to_string(issues[i]) << '\n';
  if (issues.size() > shown) {
    if (l == lang::zh) {
      std::cerr << "rulebook：另有" << issues.size() - shown << "个问题未列出，以上是前" << shown << "个\n";
    } else {
      std::cerr << "rulebook: " << issues.size() - shown << " more problem(s) not shown; the first " << shown
                << " are above\n";
    }
  }
}

auto load_policies(const std::vector<std::string>& paths, lang l) -> std::optional<policy> {
  std::vector<load_issue> issues;
  auto p = load_policy(paths, issues, l);
  if (!issues.empty()) {
    print_issues(issues, l);
    return std::nullopt;
  }
  if (!has_rules(p, paths, l)) return std::nullopt;
  return p;
}

auto has_rules(const policy& p, const std::vector<std::string>& paths, lang l) -> bool {
  if (!p.rules().empty()) return true;
  print_issues({{{paths.empty() ? std::string() : paths.front(), 0, 0},
                 {},
                 l == lang::zh ? "政策`" + p.name() + "`没有规则：无从审查"
                               : "the policy `" + p.name() + "` has no rules: there is nothing to judge by"}},
               l);
  return false;
}

auto writes_text(const options& o) -> bool { return o.format ? *o.format == "text" : isatty(STDOUT_FILENO) != 0; }

}  // namespace rulebook::cli
