// The languages rulebook writes in.
#pragma once

#include <cstdint>

// Everything declared here is the library's API: exported from librulebook.so (src/ is built hidden).
#pragma GCC visibility push(default)
namespace rulebook {

/// The language of messages: findings, remedies, reports, lint warnings and load errors.
enum class lang : std::uint8_t { en, zh };

}  // namespace rulebook
#pragma GCC visibility pop
