// libFuzzer target: any bytes as a case file named RULEBOOK_FUZZ_FILE (read as JSON when the name
// ends in `.json`, else as YAML), loaded against the department's policy and, when it loads, judged
// and written. Whatever the bytes, the loader returns issues or a case: never a crash, a hang or an
// exception.
#include "load_and_judge.hpp"

#include <cstdint>
#include <string>

extern "C" auto LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) -> int {
  rulebook::fuzz::load_and_judge(RULEBOOK_FUZZ_FILE, std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
