// Private: the engine's working state while one case is judged. The roster as requests change it,
// the case's indexes, the calendar and the chain of command. Kinds see it through `roster_view`.
#pragma once

#include <rulebook/kind.hpp>

#include "chain_of_command.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace rulebook::detail {

/// Sorts `shifts` of `c` by start, then index.
inline void by_start(const case_file& c, std::vector<shift_index>& shifts) {
  std::sort(shifts.begin(), shifts.end(), [&](shift_index a, shift_index b) {
    return c.shifts[a].start < c.shifts[b].start || (c.shifts[a].start == c.shifts[b].start && a < b);
  });
}

/// The roster as requests change it, judged in `submitted_at` order.
struct roster_state {
  indexed_vector<shift_index, person_index> owner;      ///< per shift: who works it now
  indexed_vector<shift_index, request_index> leave;     ///< per shift: the last non-rejected leave covering it
  indexed_vector<shift_index, bool> effective_leave;    ///< per shift: an approved leave covers it
  indexed_vector<shift_index, request_index> moved_by;  ///< per shift: the last swap that moved it
  indexed_vector<person_index, std::vector<shift_index>> gained;  ///< per person: shifts received by swap
  indexed_vector<person_index, std::vector<shift_index>> given;   ///< per person: shifts given away by swap
  std::unordered_map<std::uint64_t, int> swaps;                   ///< per (person, month): non-rejected swaps
  /// Per moved shift (by index): whom each move gave it to, in order. A shift swapped twice is a
  /// path of two moves (clause swap.3).
  std::unordered_map<std::uint32_t, std::vector<person_index>> moves;

  /// While requests are judged apart (`session_state::judge_requests`): per person, which part
  /// judges the requests that touch them (`untouched`: none does, so they never change), the part
  /// this state belongs to, and whether a rule read a person or shift of another part.
  static constexpr std::uint32_t untouched = std::numeric_limits<std::uint32_t>::max();
  const std::vector<std::uint32_t>* part_of = nullptr;
  std::uint32_t part = 0;
  mutable bool strayed = false;
  /// Notes a read of `p`'s roster (strayed, unless it is this part's or nobody's) and returns the
  /// state to read it from.
  auto reads(person_index p) const -> const roster_state& {
    if (part_of == nullptr || p == no_index || p.value >= part_of->size()) return *this;
    const auto w = (*part_of)[p.value];
    if (w != untouched && w != part) strayed = true;
    return *this;
  }
  /// The same for shift `s` of `c`, which is its rostered employee's.
  auto reads(const case_file& c, shift_index s) const -> const roster_state& { return reads(c.shifts[s].employee); }

  roster_state() = default;  ///< an empty roster, to be assigned one
  explicit roster_state(const case_file& c)
      : owner(c.shifts.size()), leave(c.shifts.size(), no_index), effective_leave(c.shifts.size(), false),
        moved_by(c.shifts.size(), no_index), gained(c.people.size()), given(c.people.size()) {
    for (const auto s : c.shifts.indexes()) owner[s] = c.shifts[s].employee;
  }
  /// The shifts `p` works now, sorted by start.
  [[nodiscard]] auto shifts_of(const case_file& c, person_index p) const -> std::vector<shift_index> {
    std::vector<shift_index> out;
    for (auto s : c.rostered_shifts(p)) {
      if (owner[s] == p) out.push_back(s);
    }
    for (auto s : gained[p]) {
      if (owner[s] == p && c.shifts[s].employee != p) out.push_back(s);
    }
    if (!gained[p].empty()) {
      by_start(c, out);
      out.erase(std::unique(out.begin(), out.end()), out.end());  // a shift may come back twice
    }
    return out;
  }
  /// Clause swap.3: how many non-rejected swaps `p` is a party to in month `m`.
  [[nodiscard]] auto swaps_in(person_index p, month m) const -> int {
    auto it = swaps.find(key(p, m));
    return it == swaps.end() ? 0 : it->second;
  }
  /// Moves `s` to `to` by swap `request`.
  void move(shift_index s, person_index to, request_index request) {
    const auto from = owner[s];
    moves[s.value].push_back(to);
    given[from].push_back(s);
    gained[to].push_back(s);
    owner[s] = to;
    moved_by[s] = request;
  }
  void count_swap(person_index p, month m) { ++swaps[key(p, m)]; }
  /// Everyone who has held `s`, from its rostered employee to its owner now, move by move.
  [[nodiscard]] auto holders(const case_file& c, shift_index s) const -> std::vector<person_index> {
    std::vector<person_index> path{c.shifts[s].employee};
    if (const auto it = moves.find(s.value); it != moves.end())
      path.insert(path.end(), it->second.begin(), it->second.end());
    return path;
  }

 private:
  static auto key(person_index p, month m) -> std::uint64_t {
    return (std::uint64_t{p.value} << 32) | static_cast<std::uint32_t>(m.year * 12 + m.number);
  }
};

/// How many findings make sorting them worth a second thread (a test lowers it to try that path).
extern std::size_t parallel_from;
/// How many requests make judging them in parts worth the threads (a test lowers it).
extern std::size_t parallel_requests_from;

/// Moves each finding once, to its place: the one that belongs at `i` is at `from[i]` (a
/// permutation of the places), on `threads` threads when there are `parallel_from` or more.
/// Leaves `from` as the identity.
void put_in_place(std::vector<finding>& items, std::vector<std::uint32_t>& from, unsigned threads);

/// What the rules share while one case is judged: the case, its indexes (built here, once), the
/// calendar and the chain of command (built once per judgement).
struct judge_scope {
  const case_file& c;
  const chain_of_command& chart;
  const calendar& holidays;  ///< the policy's calendars plus the case's
  const rulebook::vocabulary& names;
  /// The conduct record: the findings over the final roster, by employee then time. Promotion
  /// requests, which never change the roster, are judged after conduct so their criteria can look
  /// at it. A center's year has millions of findings and few promotions, so the record is first
  /// kept only for the people promotions ask about (`keep_record`); the first question about anyone
  /// else builds everyone's, once (a what-if, or a kind that looks at a colleague).
  const std::vector<finding>* conduct = nullptr;  ///< in CONTRACT §3's order; null until judged
  std::vector<std::uint8_t> kept_for{};           ///< per person: whether `kept` holds their entries
  std::vector<conduct_entry> kept{};
  std::unique_ptr<std::once_flag> whole_built = std::make_unique<std::once_flag>();
  mutable std::vector<conduct_entry> whole{};
  /// Per person: their monthly assessments, the complaint tickets they received and their away
  /// periods (indexes into the case's lists; assessments and tickets in file order, away by start).
  indexed_vector<person_index, std::vector<std::uint32_t>> assessments_of{};
  indexed_vector<person_index, std::vector<std::uint32_t>> tickets_of{};
  indexed_vector<person_index, std::vector<std::uint32_t>> away_of{};

  /// The longest shift of the case (end − start): how far before a time a shift overlapping it
  /// can start.
  duration longest_shift{};

  /// Fills the per-person indexes; once per judgement.
  void index_records() {
    for (const auto& sh : c.shifts) longest_shift = std::max(longest_shift, sh.end - sh.start);
    assessments_of.assign(c.people.size(), {});
    tickets_of.assign(c.people.size(), {});
    away_of.assign(c.people.size(), {});
    for (std::uint32_t i = 0; i < c.assessments.size(); ++i) assessments_of.at(c.assessments[i].employee).push_back(i);
    for (std::uint32_t i = 0; i < c.tickets.size(); ++i) tickets_of.at(c.tickets[i].receiver).push_back(i);
    for (std::uint32_t i = 0; i < c.away.size(); ++i) away_of.at(c.away[i].employee).push_back(i);
    for (auto& away : away_of) {
      std::sort(away.begin(), away.end(),
                [&](std::uint32_t a, std::uint32_t b) { return c.away[a].from < c.away[b].from; });
    }
  }

  /// Keeps the record of the people marked in `wanted` from `findings` (judged conduct, which
  /// must outlive this scope or be followed by `complete_record`).
  void keep_record(const std::vector<finding>& findings, std::vector<std::uint8_t> wanted) {
    conduct = &findings;
    kept = entries(findings, &wanted);
    kept_for = std::move(wanted);
  }
  /// Builds everyone's record now (before the findings it is built from move away).
  void complete_record() const {
    if (conduct != nullptr) std::call_once(*whole_built, [this] { whole = entries(*conduct, nullptr); });
  }

  /// The entries of `employee` with `from < at <= to`.
  [[nodiscard]] auto record_of(person_index employee, time_point from, time_point to) const
      -> std::span<const conduct_entry> {
    if (conduct == nullptr) return {};
    const bool is_kept = employee.value < kept_for.size() && kept_for[employee.value] != 0;
    if (!is_kept) complete_record();
    const auto& record = is_kept ? kept : whole;
    const auto lo = std::partition_point(record.begin(), record.end(), [&](const conduct_entry& e) {
      return e.employee < employee || (e.employee == employee && e.at <= from);
    });
    const auto hi = std::partition_point(lo, record.end(),
                                         [&](const conduct_entry& e) { return e.employee == employee && e.at <= to; });
    return {lo, hi};
  }

  /// The record entries of `findings` (of the people marked in `only`, or everyone's): by person,
  /// then time. The findings are in time order already (CONTRACT §3), so each is placed at its
  /// person's next slot: one pass, and no second buffer of millions as a stable sort would take.
  [[nodiscard]] auto entries(const std::vector<finding>& findings, const std::vector<std::uint8_t>* only) const
      -> std::vector<conduct_entry> {
    const auto wanted = [&](person_index p) { return p != no_index && (only == nullptr || (*only)[p.value] != 0); };
    const auto before = [](const conduct_entry& a, const conduct_entry& b) {
      return a.employee < b.employee || (a.employee == b.employee && a.at < b.at);
    };
    // A few people (those promotions ask about): one pass, then by person (a stable sort's buffer
    // of a few entries). Many: each entry straight to its place, in two passes.
    if (only != nullptr && static_cast<std::size_t>(std::count(only->begin(), only->end(), 1)) * 8 <= only->size()) {
      std::vector<conduct_entry> out;
      for (const auto& f : findings) {
        if (wanted(f.subject.employee)) out.push_back({f.subject.employee, f.effect, f.subject.at, f.rule});
      }
      std::stable_sort(out.begin(), out.end(), before);
      return out;
    }
    std::vector<std::size_t> next(c.people.size() + 1);
    for (const auto& f : findings) {
      if (wanted(f.subject.employee)) ++next[f.subject.employee.value + 1];
    }
    for (std::size_t p = 1; p < next.size(); ++p) next[p] += next[p - 1];
    std::vector<conduct_entry> out(next.back());
    for (const auto& f : findings) {
      if (wanted(f.subject.employee))
        out[next[f.subject.employee.value]++] = {f.subject.employee, f.effect, f.subject.at, f.rule};
    }
    // Times that order alike as moments and as times (all but the special ones) are sorted now.
    if (!std::is_sorted(out.begin(), out.end(), before)) std::stable_sort(out.begin(), out.end(), before);
    return out;
  }

  /// The shifts of `shifts` that rule `r`'s `when:` selects, or nothing when it selects them all
  /// (no shift condition, or a kind that does not look at shifts). One place for every context.
  [[nodiscard]] auto select(const rule& r, const std::vector<shift_index>& shifts, const roster_state& state) const
      -> std::optional<std::vector<shift_index>> {
    const auto& when = r.header().when;
    if (!r.looks_at_shifts() || !when.filters_shifts()) return std::nullopt;
    std::vector<shift_index> out;
    for (const auto s : shifts) {
      if (selects_shift(when, s, state)) out.push_back(s);
    }
    return out;
  }
  /// Whether `when` selects shift `s` on the roster as `state` has it now.
  [[nodiscard]] auto selects_shift(const condition& when, shift_index s, const roster_state& state) const -> bool {
    const auto& sh = c.shifts[s];
    if (when.holiday && holidays.is_holiday(sh.start.date()) != *when.holiday) return false;
    if (when.swapped && (state.moved_by[s] != no_index) != *when.swapped) return false;
    if (when.shift_kinds.empty()) return true;
    return std::any_of(when.shift_kinds.begin(), when.shift_kinds.end(),
                       [&](const std::string& k) { return sh.is_kind(k); });
  }
};

}  // namespace rulebook::detail
