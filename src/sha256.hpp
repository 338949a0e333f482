// SHA-256 for the policy digest (FIPS 180-4). Private to the compiled library.
#pragma once

#include <string>
#include <string_view>

namespace rulebook::detail {

/// The lowercase hex SHA-256 of `data`.
auto sha256_hex(std::string_view data) -> std::string;

}  // namespace rulebook::detail
