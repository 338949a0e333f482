// Where input problems are, and how they are reported.
#pragma once

#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

// Everything declared here is the library's API: exported from librulebook.so (src/ is built hidden).
#pragma GCC visibility push(default)
namespace rulebook {

/// A place in an input file; line and column count from 1 (0 = unknown).
struct source_position {
  std::string file;  ///< the input file, as named to the loader
  int line = 0;      ///< from 1; 0 when unknown
  int column = 0;    ///< from 1; 0 when unknown
};

/// One problem found while loading; `path` is the YAML path of the node, e.g. `/rules/3/notice`.
struct load_issue {
  source_position where;  ///< where in the input the problem is
  std::string path;       ///< the YAML path of the node, e.g. `/rules/3/notice`
  std::string message;    ///< what is wrong, as shown to whoever edits the policy
};

/// `file:line:column: message`, the form every input error is shown in. Control characters that
/// came from the input (a line break or an escape code in an id) are shown escaped, `\n`, `\x1B`:
/// each issue stays one line, and no file can write to a terminal through a message.
inline auto to_string(const load_issue& issue) -> std::string {
  std::string line = issue.where.file.empty() ? std::string("<input>") : issue.where.file;
  if (issue.where.line > 0) {
    line += ':' + std::to_string(issue.where.line) + ':' + std::to_string(issue.where.column);
  }
  line += ": ";
  line += issue.message;
  std::string out;
  out.reserve(line.size());
  for (const char c : line) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u != 0x7f) {
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += "\\x";
      out += "0123456789ABCDEF"[u >> 4];
      out += "0123456789ABCDEF"[u & 15];
    }
  }
  return out;
}

/// Thrown by the loaders when the input holds one or more errors; holds all of them.
class load_error : public std::runtime_error {
 public:
  /// Collects the problems found; the first one becomes the headline message.
  explicit load_error(std::vector<load_issue> issues)
      : std::runtime_error(issues.empty() ? std::string("invalid input") : to_string(issues.front())),
        issues_(std::move(issues)) {}
  /// Every problem found, in file order.
  [[nodiscard]] auto issues() const noexcept -> std::span<const load_issue> { return issues_; }

 private:
  std::vector<load_issue> issues_;
};

/// Thrown when a case built in code is not one a judgement can trust: it refers to something that
/// does not exist (an index out of range), or it uses a name the policy does not know (see
/// `validate_case`); and by `add_*` and `set_superior` for what they refuse. Holds every problem
/// found.
class case_error : public std::invalid_argument {
 public:
  /// One problem, named by `message`.
  explicit case_error(const std::string& message) : std::invalid_argument(message), issues_{{{}, {}, message}} {}
  /// One problem, named by `message`.
  explicit case_error(const char* message) : case_error(std::string(message)) {}
  /// Every problem found (what `validate_case` returns); the first one becomes the headline
  /// message, with how many more there are.
  explicit case_error(std::vector<load_issue> issues)
      : std::invalid_argument(headline(issues)), issues_(std::move(issues)) {}
  /// Every problem found, in the order they were found; never empty.
  [[nodiscard]] auto issues() const noexcept -> std::span<const load_issue> { return issues_; }

 private:
  static auto headline(const std::vector<load_issue>& issues) -> std::string {
    if (issues.empty()) return "invalid case";
    const auto& first = issues.front();
    // A case built in code has no file: its problem is said without a place.
    auto out = first.where.file.empty() && first.where.line == 0 ? first.message : to_string(first);
    if (issues.size() > 1) out += " (and " + std::to_string(issues.size() - 1) + " more)";
    return out;
  }
  std::vector<load_issue> issues_;
};

/// Thrown by `judge` and `session` when the policy has no rules: a default-constructed `policy`,
/// what `load_policy(paths, issues)` returns when loading failed, or a policy file without rules.
/// Judging with it would approve every request and find nothing.
class policy_error : public std::invalid_argument {
 public:
  /// Takes a message naming what is wrong with the policy.
  using std::invalid_argument::invalid_argument;
};

}  // namespace rulebook
#pragma GCC visibility pop
