// What every case fuzz target does with its input once it is a case file: load it against the
// department's policy and, when it loads, judge it and write the verdict both ways.
#pragma once

#include <rulebook/rulebook.hpp>

#include <sstream>
#include <string>

namespace rulebook::fuzz {

inline auto department() -> const policy& {
  static const auto p = load_policy({RULEBOOK_SOURCE_DIR "/policies/customer-service.yaml"});
  return p;
}

inline void load_and_judge(const std::string& file, const std::string& text) {
  std::vector<load_issue> issues;
  const auto c = parse_case(file, text, department(), issues);
  if (!issues.empty()) return;
  const auto v = judge(department(), c, {.threads = 1});
  std::ostringstream out;
  write_json(out, v, c);
  write_text(out, v, c);
}

}  // namespace rulebook::fuzz
