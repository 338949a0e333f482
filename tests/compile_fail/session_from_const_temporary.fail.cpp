// Must not compile: a const temporary case dangles as a non-const one does, though it would bind
// to `const case_file&`; the deleted overload takes `const case_file&&`, which catches both.
// expected-error: deleted (function|constructor)[^)]*session
#include <rulebook/rulebook.hpp>

auto frozen_case() -> const rulebook::case_file;  // NOLINT(readability-const-return-type): the point

auto main() -> int {
  const auto p = rulebook::load_policy({"policies/customer-service.yaml"});
  const rulebook::session s(p, frozen_case());
  return s.verdict().has_breach() ? 1 : 0;
}
