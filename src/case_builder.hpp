// Private: what a loader may do to a case that a program may not. A program builds a case with
// `add_*` and `set_superior`; the loaders too, and besides make room for a list before reading it.
#pragma once

#include <rulebook/model.hpp>

#include <cstddef>
#include <string_view>

namespace rulebook::detail {

/// Reaches into the read-only lists of a case (a friend of `case_list`). Nothing here adds,
/// removes or changes an entity: that is `add_*`'s alone.
struct case_builder {
  /// Room for `count` items of the list `name` (`people`, `shifts`, `punches` or `requests`), so
  /// that a big list is not copied as it grows. Any other name does nothing.
  static void reserve(case_file& c, std::string_view name, std::size_t count) {
    if (name == "people") c.people.items_.reserve(count);
    if (name == "shifts") c.shifts.items_.reserve(count);
    if (name == "punches") c.punches.items_.reserve(count);
    if (name == "requests") c.requests.items_.reserve(count);
  }
};

}  // namespace rulebook::detail
