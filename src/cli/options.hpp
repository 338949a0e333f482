// What the subcommands share: parsing `--policy`, `--format`, `--lang`, and reporting input errors.
#pragma once

#include <rulebook/policy.hpp>
#include <rulebook/verdict.hpp>

#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace rulebook::cli {

/// How many problems the command prints at most; a file with thousands says how many more.
inline constexpr std::size_t max_printed_issues = 100;

/// Exit statuses of CONTRACT §4.
inline constexpr int exit_ok = 0;
inline constexpr int exit_breach = 1;
inline constexpr int exit_bad_input = 2;

/// What the command line says (src/cli/main.cpp describes it to CLI11, command by command).
struct options {
  std::vector<std::string> policies;
  std::vector<std::string> files;
  std::optional<std::string> format;  ///< check: json | text | html | csv; diff: json | text
  std::string lang_name = "en";       ///< `--lang` as given
  rulebook::lang lang = lang::en;
  std::vector<std::string> against;     ///< diff: the new policy files
  std::optional<std::string> junit;     ///< test: where to write JUnit XML
  bool explain = false;                 ///< check: every rule that applied, and what would satisfy it
  bool clauses = false;                 ///< check: the rulebook's text of each finding's clause
  bool strict = false;                  ///< check: a case running past the policy's calendars is an error
  bool quiet = false;                   ///< check: no progress on stderr, even on a terminal
  unsigned threads = 0;                 ///< check: threads that judge; 0 for every core
  std::vector<section_file> lists;      ///< check: lists given as `SECTION=FILE.csv`
  std::optional<std::string> encoding;  ///< check: the encoding of those files
  std::string run;                      ///< test: only the tests whose name matches this regex
  std::optional<int> threshold;         ///< test: the least % of rules that must make a finding
  std::string help_on;                  ///< help: the command asked about
};

/// Prints every issue as `file:line:column: message` on stderr: the first `max_printed_issues`,
/// then how many more there are.
void print_issues(const std::vector<load_issue>& issues, lang l = lang::en);

/// Loads the policies of `paths`, printing problems in language `l`; nothing when they hold errors
/// or no rules.
auto load_policies(const std::vector<std::string>& paths, lang l = lang::en) -> std::optional<policy>;
/// Whether `p` (loaded from `paths`) has rules; prints the problem when it has none. `judge`
/// throws `policy_error` for a policy without rules: an input error, never reached.
auto has_rules(const policy& p, const std::vector<std::string>& paths, lang l = lang::en) -> bool;

/// Whether to write a report for people rather than JSON: what `--format` says, else text on a
/// terminal and JSON anywhere else (CONTRACT §3).
auto writes_text(const options& o) -> bool;

auto run_check(const options& o) -> int;
auto run_lint(const options& o) -> int;
auto run_test(const options& o) -> int;
auto run_diff(const options& o) -> int;

}  // namespace rulebook::cli
