// Private: what a loader may do to a case that a program may not. A program builds a case with
// `add_*` and `set_superior`; the loaders too, and besides make room for a list before reading it.
#pragma once

#include <rulebook/model.hpp>

#include "id_table.hpp"

#include <cstddef>
#include <string_view>

namespace rulebook::detail {

/// Reaches into the read-only lists of a case (a friend of `case_list`). Nothing here adds,
/// removes or changes an entity: that is `add_*`'s alone.
struct case_builder {
  /// Room for `count` items of the list `name` (`people`, `shifts`, `punches` or `requests`), so
  /// that a big list is not copied as it grows. Any other name does nothing.
  static void reserve(case_file& c, std::string_view name, std::size_t count) {
    if (!c.ids_) return;  // a moved-from case: its `add_*` start it again
    if (name == "people") {
      c.people.items_.reserve(c.people.size() + count);
      c.shifts_of_.reserve(c.people.size() + count);
      c.ids_->people.reserve(c.people.size() + count);
    }
    if (name == "shifts") {
      c.shifts.items_.reserve(c.shifts.size() + count);
      c.punch_of_.reserve(c.shifts.size() + count);
      c.ids_->shifts.reserve(c.shifts.size() + count);
    }
    if (name == "punches") c.punches.items_.reserve(c.punches.size() + count);
    if (name == "requests") {
      c.requests.items_.reserve(c.requests.size() + count);
      c.ids_->requests.reserve(c.requests.size() + count);
    }
  }
  /// Starts bringing in the slot where the look for a shift id of hash `h` (`id_table::hash`)
  /// starts: a loader adding shifts calls it a few shifts ahead.
  static void prefetch_shift_id(const case_file& c, std::size_t h) {
    if (c.ids_) c.ids_->shifts.prefetch(h);
  }
};

}  // namespace rulebook::detail
