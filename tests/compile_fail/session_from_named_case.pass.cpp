// Must compile: session_from_temporary.fail.cpp with the case in a variable that outlives the
// session. It proves the harness compiles against the headers, so the .fail files fail for the
// reason they name.
#include <rulebook/rulebook.hpp>

auto main() -> int {
  const auto p = rulebook::load_policy({"policies/customer-service.yaml"});
  const auto c = rulebook::load_case("examples/march-2026.yaml", p);
  const rulebook::session s(p, c);
  return s.verdict().has_breach() ? 1 : 0;
}
