// Private: what makes a case safe to judge. Its indexes point into its lists (what is in
// `people`, `shifts`, `punches` and `requests` went through `add_*`: nothing else can put it there).
#pragma once

#include <rulebook/engine.hpp>
#include <rulebook/error.hpp>
#include <rulebook/model.hpp>
#include <rulebook/policy.hpp>

#include <cstddef>
#include <vector>

namespace rulebook::detail {

/// Appends to `issues` every index of `c` that is out of range (a ticket's receiver, a request's
/// approver, …) or missing where one is needed, its message in language `l`. Linear in the size of the case.
/// @returns false when some index is out of range: nothing may then read through the case's indexes.
auto check_indexes(const case_file& c, std::vector<load_issue>& issues, lang l) -> bool;

/// What `judge` and `session` check before judging (a big case on two threads, when `o` allows).
/// @throws policy_error when `p` has no rules.
/// @throws case_error holding what `validate_case(c, p)` finds, when it finds anything.
void check_judgeable(const policy& p, const case_file& c, const judge_options& o);

/// How many shifts and requests make `validate_case` worth a second thread (a test lowers it).
inline std::size_t validate_parallel_from = 100'000;

/// `validate_case`, a big case on two threads when `threads` allows: the same problems, in the
/// same order.
auto validate_case(const case_file& c, const policy& p, lang language, unsigned threads) -> std::vector<load_issue>;

}  // namespace rulebook::detail
