// Private: what a compiled policy holds.
#pragma once

#include <rulebook/kind.hpp>
#include <rulebook/policy.hpp>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace rulebook::detail {

/// A compiled policy's immutable data, shared by every copy of the `policy`.
struct policy_data {
  std::string name;
  std::string version;
  std::string title_en;  ///< `title:` of the policy header, `{en: …, zh: …}` or one text for both
  std::string title_zh;
  std::string digest;  ///< `sha256:` of every file the policy was read from, in order
  std::vector<std::unique_ptr<const rule>> rules;
  rulebook::calendar calendar;
  rulebook::vocabulary vocabulary;
  rulebook::labels labels;  ///< `labels:`: the policy's words for its names
  std::map<std::string, std::pair<std::string, std::string>> clause_texts;  ///< clause id → {en, zh}
};

}  // namespace rulebook::detail
