// Private: a text as a JSON string, for the verdict (write_json.cpp) and the diff report.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace rulebook::detail {

/// Appends `s` to `out` as a JSON string: quotes, backslashes and control characters escaped,
/// UTF-8 passed through.
inline void json_quote(std::string& out, std::string_view s) {
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out += ch;  // UTF-8 passes through
        }
    }
  }
  out += '"';
}

}  // namespace rulebook::detail
