#include "options.hpp"

#include <unistd.h>

#include <algorithm>
#include <string_view>

namespace rulebook::cli {

auto parse_options(int argc, char** argv, int first) -> std::optional<options> {
  options o;
  for (int i = first; i < argc; ++i) {
    const std::string_view a = argv[i];
    auto value = [&](std::string_view flag) -> std::optional<std::string> {
      if (a.size() > flag.size() && a.substr(0, flag.size()) == flag && a[flag.size()] == '=') {
        return std::string(a.substr(flag.size() + 1));
      }
      if (a == flag) {
        if (i + 1 < argc) return std::string(argv[++i]);
        std::cerr << "rulebook: " << flag << " needs a value\n";
      }
      return std::nullopt;
    };
    if (a.rfind("--policy", 0) == 0) {
      auto v = value("--policy");
      if (!v) return std::nullopt;
      o.policies.push_back(*v);
    } else if (a.rfind("--format", 0) == 0) {
      o.format = value("--format");
      if (!o.format) return std::nullopt;
      if (*o.format != "json" && *o.format != "text") {
        std::cerr << "rulebook: --format is `json` or `text`, not `" << *o.format << "`\n";
        return std::nullopt;
      }
    } else if (a.rfind("--against", 0) == 0) {
      auto v = value("--against");
      if (!v) return std::nullopt;
      o.against.push_back(*v);
    } else if (a.rfind("--junit", 0) == 0) {
      o.junit = value("--junit");
      if (!o.junit) return std::nullopt;
    } else if (a == "--quiet" || a == "-q") {
      o.quiet = true;
    } else if (a == "--explain") {
      o.explain = true;
    } else if (a == "--clauses") {
      o.clauses = true;
    } else if (a == "--strict") {
      o.strict = true;
    } else if (a.rfind("--threads", 0) == 0) {
      auto v = value("--threads");
      if (!v) return std::nullopt;
      const bool digits = !v->empty() && v->size() <= 3 &&
                          std::all_of(v->begin(), v->end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      if (!digits || std::stoi(*v) < 1) {
        std::cerr << "rulebook: --threads is a number of threads from 1 to 999, not `" << *v << "`\n";
        return std::nullopt;
      }
      o.threads = static_cast<unsigned>(std::stoi(*v));
    } else if (a.rfind("--lang", 0) == 0) {
      auto v = value("--lang");
      if (!v) return std::nullopt;
      if (*v != "en" && *v != "zh") {
        std::cerr << "rulebook: --lang is `en` or `zh`, not `" << *v << "`\n";
        return std::nullopt;
      }
      o.lang = *v == "zh" ? lang::zh : lang::en;
    } else if (a.rfind("--encoding", 0) == 0) {
      o.encoding = value("--encoding");
      if (!o.encoding) return std::nullopt;
    } else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "rulebook: unknown option `" << a << "`\n";
      return std::nullopt;
    } else if (const auto eq = a.find('=');
               eq != std::string_view::npos && eq > 0 &&
               std::all_of(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(eq),
                           [](char ch) { return (ch >= 'a' && ch <= 'z') || ch == '_'; })) {
      // `shifts=roster.csv`: a list of the case in a CSV file (a case file named so is `./shifts=…`).
      o.lists.push_back({std::string(a.substr(0, eq)), std::string(a.substr(eq + 1))});
    } else {
      o.files.emplace_back(a);
    }
  }
  if (o.encoding) {
    if (o.lists.empty()) {
      std::cerr << "rulebook: --encoding is the encoding of the lists given as SECTION=FILE.csv, and there are none\n";
      return std::nullopt;
    }
    for (auto& l : o.lists) l.encoding = *o.encoding;
  }
  if (o.policies.empty()) {
    std::cerr << "rulebook: give the policy with --policy FILE\n";
    return std::nullopt;
  }
  return o;
}

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
