// libFuzzer target: any bytes as a case file named RULEBOOK_FUZZ_FILE (read as JSON when the name
// ends in `.json`, else as YAML), loaded against the department's policy and, when it loads, judged
// and written. Whatever the bytes, the loader returns issues or a case: never a crash, a hang or an
// exception.
#include <rulebook/rulebook.hpp>

#include <cstdint>
#include <sstream>
#include <string>

namespace {

auto department() -> const rulebook::policy& {
  static const auto p = rulebook::load_policy({RULEBOOK_SOURCE_DIR "/policies/customer-service.yaml"});
  return p;
}

}  // namespace

extern "C" auto LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) -> int {
  std::vector<rulebook::load_issue> issues;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto c = rulebook::parse_case(RULEBOOK_FUZZ_FILE, text, department(), issues);
  if (!issues.empty()) return 0;
  const auto v = rulebook::judge(department(), c, {.threads = 1});
  std::ostringstream out;
  rulebook::write_json(out, v, c);
  rulebook::write_text(out, v, c);
  return 0;
}
