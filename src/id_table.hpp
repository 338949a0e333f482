// Private: an id → index table over entities that hold their own ids.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <string_view>
#include <vector>

namespace rulebook::detail {

/// An id → index table that keeps no copy of the ids: each slot holds an index and the id's hash,
/// and the id itself is read from the entity the index names. Open addressing with linear
/// probing, at most three quarters full: 8 bytes a slot, 11–21 bytes an entity, rather than a
/// node of ~80 bytes. (Half full cost a center's year 32 MB more for its 2.6 million shifts, and
/// linear probing at 3/4 still finds an id in about two probes.)
class id_table {
 public:
  static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

  /// The index whose id (as `id_of(index)` gives it) is `id`, or `none`.
  template <typename IdOf>
  [[nodiscard]] auto find(std::string_view id, IdOf&& id_of) const -> std::uint32_t {
    if (slots_.empty()) return none;
    return slots_[slot_of(id, hash(id), id_of)].index;
  }
  /// Adds `index` under `id` unless an index has that id already: `none` when added, else that
  /// index (and nothing changes). One look for both.
  template <typename IdOf>
  auto add_unless_there(std::string_view id, std::uint32_t index, IdOf&& id_of) -> std::uint32_t {
    room_for_one();
    const auto h = hash(id);
    const auto i = slot_of(id, h, id_of);
    if (slots_[i].index != none) return slots_[i].index;
    slots_[i] = {index, static_cast<std::uint32_t>(h)};
    ++count_;
    return none;
  }
  /// Takes back the last `add` or `add_unless_there` (of `index` under `id`), when what was to
  /// follow it failed. Only the last: with linear probing, no id added before it can have needed
  /// its slot to be taken.
  void undo_last(std::string_view id, std::uint32_t index) {
    const auto h = hash(id);
    for (std::size_t i = h & mask(); slots_[i].index != none; i = (i + 1) & mask()) {
      if (slots_[i].index == index) {
        slots_[i] = slot{};
        --count_;
        return;
      }
    }
  }
  /// How many ids the table holds.
  [[nodiscard]] auto size() const -> std::size_t { return count_; }
  /// Room for `count` ids in all, so that adding them never grows the table (a list whose length
  /// is known before it is read).
  void reserve(std::size_t count) {
    std::size_t slots = std::max<std::size_t>(16, slots_.size());
    while (count * 4 > slots * 3) slots *= 2;
    if (slots != slots_.size()) rehash(slots);
  }
  /// The hash `add_unless_there` and `find` use for `id`: worked out ahead (on another thread,
  /// maybe), it lets `prefetch` bring in the slot where the look for `id` starts.
  [[nodiscard]] static auto hash(std::string_view id) -> std::size_t { return std::hash<std::string_view>{}(id); }
  /// Starts bringing the slot of hash `h` into the cache, so that a look a few ids later does
  /// not wait for memory.
  void prefetch(std::size_t h) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[h & mask()]);
  }
  /// Adds `index` under `id`, which must not be there yet.
  void add(std::string_view id, std::uint32_t index) {
    room_for_one();
    place(hash(id), index);
    ++count_;
  }

 private:
  struct slot {
    std::uint32_t index = none;
    std::uint32_t hash = 0;
  };
  [[nodiscard]] auto mask() const -> std::size_t { return slots_.size() - 1; }
  // The slot holding `id` (hash `h`), or the free one that ends its probe.
  template <typename IdOf>
  [[nodiscard]] auto slot_of(std::string_view id, std::size_t h, IdOf& id_of) const -> std::size_t {
    std::size_t i = h & mask();
    while (slots_[i].index != none &&
           !(slots_[i].hash == static_cast<std::uint32_t>(h) && id_of(slots_[i].index) == id)) {
      i = (i + 1) & mask();
    }
    return i;
  }
  void place(std::size_t h, std::uint32_t index) {
    std::size_t i = h & mask();
    while (slots_[i].index != none) i = (i + 1) & mask();
    slots_[i] = {index, static_cast<std::uint32_t>(h)};
  }
  // Doubles the table when one more id would fill it beyond three quarters.
  void room_for_one() {
    if ((count_ + 1) * 4 > slots_.size() * 3) rehash(std::max<std::size_t>(16, slots_.size() * 2));
  }
  // Moves every id to a table of `slots` slots. Each slot keeps its id's hash (the low 32 bits,
  // all a table of fewer than 2^32 slots masks), so no id is read again.
  void rehash(std::size_t slots) {
    std::vector<slot> old(slots);
    old.swap(slots_);
    for (const auto& s : old) {
      if (s.index != none) place(s.hash, s.index);
    }
  }

  std::vector<slot> slots_;
  std::size_t count_ = 0;
};

/// The id → index tables of a case (`case_file::ids_`).
struct case_ids {
  id_table people, shifts, requests;
};

}  // namespace rulebook::detail
