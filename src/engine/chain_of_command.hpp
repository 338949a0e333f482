// Private: the chain of command. A reports-to chain is a list: walking it needs a loop, and a
// cycle is found by walking no further than there are people.
#pragma once

#include <rulebook/model.hpp>

#include <optional>
#include <span>
#include <vector>

namespace rulebook::detail {

/// A person on a cycle of `leader` / `reports_to`, if there is one (a load error). O(people).
inline auto find_cycle(const case_file& c) -> std::optional<person_index> {
  // 0 unvisited, 1 on the current walk, 2 known to end without a cycle.
  indexed_vector<person_index, std::uint8_t> mark(c.people.size(), 0);
  std::vector<person_index> walk;
  for (const auto start : c.people.indexes()) {
    walk.clear();
    auto p = start;
    while (p != no_index && mark[p] == 0) {
      mark[p] = 1;
      walk.push_back(p);
      p = c.people[p].superior();
    }
    if (p != no_index && mark[p] == 1) return walk.back();  // the one whose superior closes the loop
    for (const auto q : walk) mark[q] = 2;
  }
  return std::nullopt;
}

/// Everyone above `p`, nearest first; stops short of repeating anyone on a cycle. The one walk up
/// the chain of command: the chain below, the loader and the default remedy all use it.
inline auto superiors(const case_file& c, person_index p) -> std::vector<person_index> {
  std::vector<person_index> out;
  for (auto up = c.people[p].superior(); up != no_index && out.size() < c.people.size(); up = c.people[up].superior()) {
    out.push_back(up);
  }
  return out;
}

/// Who is above whom. Built once per judgement; answers "is X in Y's chain, and at which level?"
/// in O(chain length).
class chain_of_command {
 public:
  /// Builds every chain; the case must have no cycle (see `find_cycle`).
  explicit chain_of_command(const case_file& c) : chains_(c.people.size()) {
    for (const auto p : c.people.indexes()) chains_[p] = superiors(c, p);
  }
  /// Everyone above `p`, nearest first (shift leader, department director, center director).
  [[nodiscard]] auto chain(person_index p) const -> std::span<const person_index> { return chains_.at(p); }
  /// The level of `approver` in `p`'s chain (0 = directly above), if it is in the chain.
  [[nodiscard]] auto level(person_index p, person_index approver) const -> std::optional<std::size_t> {
    const auto ch = chain(p);
    for (std::size_t i = 0; i < ch.size(); ++i) {
      if (ch[i] == approver) return i;
    }
    return std::nullopt;
  }

 private:
  indexed_vector<person_index, std::vector<person_index>> chains_;
};

}  // namespace rulebook::detail
