// libFuzzer target: any bytes as a what-if request (what `rulebook serve`, the C API and the
// Python module read from callers) against the shipped example, answered and written when it reads.
// Never a crash, a hang or an exception.
#include <rulebook/engine.hpp>
#include <rulebook/rulebook.hpp>

#include <cstdint>
#include <sstream>
#include <string>

namespace {
struct example {
  rulebook::policy p;
  rulebook::case_file c;
  std::unique_ptr<rulebook::session> s;
  example() {
    std::vector<rulebook::load_issue> issues;
    p = rulebook::load_policy({RULEBOOK_SOURCE_DIR "/policies/customer-service.yaml"}, issues);
    c = rulebook::load_case(RULEBOOK_SOURCE_DIR "/examples/march-2026.yaml", p, issues);
    if (!issues.empty()) __builtin_trap();
    s = std::make_unique<rulebook::session>(p, c, rulebook::judge_options{.threads = 1});
  }
};
}  // namespace

extern "C" auto LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) -> int {
  static const example e;
  std::vector<rulebook::load_issue> issues;
  const auto r = rulebook::parse_request("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size), e.c, e.p,
                                         issues);
  if (!r) return 0;
  const auto answer = e.s->what_if(*r);
  std::ostringstream out;
  rulebook::write_json(out, answer, *r, e.p, e.c, {.lang = rulebook::lang::zh});
  return 0;
}
