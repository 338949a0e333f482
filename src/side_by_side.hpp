// Private: two pieces of work at once, on this thread and one other.
#pragma once

#include <exception>
#include <system_error>
#include <thread>

namespace rulebook::detail {

/// Runs `first` on another thread while this one runs `second`; both here, one after the other,
/// when no thread is to be had. What either throws is thrown here once both are done (the first's
/// first).
template <typename First, typename Second>
void side_by_side(const First& first, const Second& second) {
  std::exception_ptr failed;
  std::thread other;
  try {
    other = std::thread([&] {
      try {
        first();
      } catch (...) {
        failed = std::current_exception();
      }
    });
  } catch (const std::system_error&) {
    first();
    second();
    return;
  }
  try {
    second();
  } catch (...) {
    other.join();
    if (failed) std::rethrow_exception(failed);
    throw;
  }
  other.join();
  if (failed) std::rethrow_exception(failed);
}

}  // namespace rulebook::detail
