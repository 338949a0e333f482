// The judge: a policy and a case in, a verdict out; and a session that keeps the judged roster so
// a scheduler can ask "would this request be approved now?" without judging the case again.
#pragma once

#include <rulebook/model.hpp>
#include <rulebook/policy.hpp>
#include <rulebook/verdict.hpp>

#include <memory>

namespace rulebook {

namespace detail {
struct session_state;  // src/engine: the roster, indexes and chain of command of one judgement
}  // namespace detail

/// How a case is judged.
struct judge_options {
  /// Threads that judge conduct (employees, case-wide rules) in parallel: 0 for every core. The
  /// verdict is the same for any number.
  unsigned threads = 0;
};

/// A judged case held in memory. Built once (a full judgement), then answers what-if questions
/// from its indexes. The case must outlive the session and not change while it lives.
class session {
 public:
  /// Judges every request and conduct rule in `c` against `p`.
  /// @throws case_error when the chain of command has a cycle (a loaded case never has one).
  session(policy p, const case_file& c, const judge_options& o = {});
  /// A session over a temporary case would read freed memory: it does not compile.
  session(policy p, case_file&& c, const judge_options& o = {}) = delete;
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
/// @par Complexity O(n log n) in the number of shifts and requests; requests in `submitted_at` order,
///      each against the roster as the earlier non-rejected requests left it.
/// @par Thread safety Safe to call concurrently with one `policy` and one `case_file`; conduct
///      is judged on `o.threads` threads.
/// @throws case_error when the chain of command has a cycle (a loaded case never has one);
///         nothing for what the case contains: problems come back as findings.
[[nodiscard]] auto judge(const policy& p, const case_file& c, const judge_options& o = {}) -> verdict;

}  // namespace rulebook
