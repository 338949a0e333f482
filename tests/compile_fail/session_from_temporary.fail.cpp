// Must not compile: a session keeps a reference to its case, and a temporary case is gone at the
// end of the statement (issue 12: ASan saw stack-use-after-scope). engine.hpp deletes the overload.
// expected-error: deleted (function|constructor)[^)]*session
#include <rulebook/rulebook.hpp>

auto main() -> int {
  const auto p = rulebook::load_policy({"policies/customer-service.yaml"});
  const rulebook::session s(p, rulebook::load_case("examples/march-2026.yaml", p));
  return s.verdict().has_breach() ? 1 : 0;
}
