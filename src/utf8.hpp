// Private: the one UTF-8 check of the loaders (YAML, JSON and CSV), which says where text stops
// being UTF-8.
#pragma once

#include <rulebook/lang.hpp>

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace rulebook::detail {

/// The first byte of `bytes` that is not part of valid UTF-8 (overlong forms, surrogates and cut
/// sequences included) or, when `nul_is_bad`, is a NUL, which no text holds; or npos. Counted
/// forward: a prefix of valid text may end inside a character.
inline auto invalid_utf8_at(std::string_view bytes, bool nul_is_bad = true) -> std::size_t {
  const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned c = b[i];
    if (c == 0 && nul_is_bad) return i;
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // overlong
      if (c == 0xED) hi = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // overlong
      if (c == 0xF4) hi = 0x8F;  // past U+10FFFF
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (b[i + 1] < lo || b[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k) {
      if (b[i + k] < 0x80 || b[i + k] > 0xBF) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

/// One byte as a message shows it: `x` when it is printable ASCII, else `byte 0xC3` (字节0xC3), so
/// no message holds a broken character or a control code.
inline auto shown_byte(char c, lang l) -> std::string {
  if (c > ' ' && c <= '~' && c != '`') return std::string("`") + c + "`";
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
  return (l == lang::zh ? std::string("字节") : std::string("byte ")) + hex;
}

}  // namespace rulebook::detail
