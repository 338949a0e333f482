// The judge: a policy and a case in, a verdict out; and a session that keeps the judged roster so
// a scheduler can ask "would this request be approved now?" without judging the case again.
#pragma once

#include <rulebook/model.hpp>
#include <rulebook/policy.hpp>
#include <rulebook/verdict.hpp>

#include <memory>

// Everything declared here is the library's API: exported from librulebook.so (src/ is built hidden).
#pragma GCC visibility push(default)
namespace rulebook {

namespace detail {
struct session_state;  // src/engine: the roster, indexes and chain of command of one judgement
}  // namespace detail

/// How a case is judged.
struct judge_options {
  /// Threads that judge in parallel: requests of people no request links (each group in
  /// `submitted_at` order on a roster of its own), then conduct (employees, case-wide rules) and
  /// the sort of the findings. 0 for every core. The verdict is the same for any number: a rule
  /// that reads someone of another group's roster (a kind of one's own may) makes the requests be
  /// judged again on one thread. A kind's `judge_request` is called from several threads at once.
  unsigned threads = 0;
};

/// A judged case held in memory. Built once (a full judgement), then answers what-if questions
/// from its indexes. The case must outlive the session and not change while it lives.
class session {
 public:
  /// Judges every request and conduct rule in `c` against `p`, after the checks `judge` makes.
  /// @throws policy_error when `p` has no rules (`policy{}`, or a failed `load_policy`).
  /// @throws case_error holding every problem `validate_case(c, p)` finds: an index out of range,
  ///         a name `p` does not know, a cycle in the chain of command (a loaded case has none of
  ///         these).
  session(policy p, const case_file& c, const judge_options& o = {});
  /// A session over a temporary case, const or not, would read freed memory: it does not compile
  /// (tests/compile_fail). Keep the case in a variable that outlives the session.
  session(policy p, const case_file&& c, const judge_options& o = {}) = delete;
  ~session();
  session(const session&) = delete;
  auto operator=(const session&) -> session& = delete;

  /// The verdict of the full judgement.
  [[nodiscard]] auto verdict() const -> const rulebook::verdict&;
  /// Hands the verdict over (the session keeps answering what-if questions).
  [[nodiscard]] auto take_verdict() -> rulebook::verdict;

  /// How request `r` would be judged if it were appended to the case: the same decision and
  /// findings a full judgement of the case plus `r` gives for it. Nothing changes.
  /// @par Complexity With `r.submitted_at` at or after every request's in the case (a scheduler
  ///      asking "now"), only the rules that judge `r` run, on the kept roster. An earlier
  ///      `submitted_at` replays the requests before it.
  /// @par Thread safety Safe to call concurrently.
  /// @throws case_error when `r` refers to people or shifts the case does not have.
  [[nodiscard]] auto what_if(const request& r) const -> request_verdict;
  /// `f`'s message, where `f` may come from `what_if(r)`.
  [[nodiscard]] auto message(const finding& f, const request& r, lang l = lang::en) const -> std::string;

 private:
  std::unique_ptr<detail::session_state> state_;
};

/// Judges every request and conduct rule in `c` against `p`.
/// @par Checks first Judging never reads through a bad index or judges a case the policy cannot
///      read: `c` is checked with `validate_case(c, p)`, linear, about 8 ms for a quarter of a
///      million shifts. A loaded case passes (the loader ran the same check); it is checked again
///      all the same, as its plain lists (`tickets`, `away`, …) are public and may have changed since.
/// @par Complexity O(n log n) in the number of shifts and requests; requests in `submitted_at` order,
///      each against the roster as the earlier non-rejected requests left it.
/// @par Thread safety Safe to call concurrently with one `policy` and one `case_file`; requests
///      and conduct are judged on `o.threads` threads (see `judge_options`).
/// @throws policy_error when `p` has no rules: a default-constructed `policy`, what
///         `load_policy(paths, issues)` returns when it fails, or a policy file without rules.
/// @throws case_error holding every problem `validate_case(c, p)` finds (see `session`): a case
///         built in code is checked against the policy's vocabulary and its own indexes. What a
///         valid case contains is never an error: breaches come back as findings.
[[nodiscard]] auto judge(const policy& p, const case_file& c, const judge_options& o = {}) -> verdict;

}  // namespace rulebook
#pragma GCC visibility pop
