// The judge: requests in `submitted_at` order against a working roster, then conduct over the
// final roster (CONTRACT §2). The engine applies every rule's `when:`, for every scope.
#include <rulebook/engine.hpp>
#include <rulebook/kind.hpp>

#include "../check_case.hpp"
#include "../policy_data.hpp"
#include "../side_by_side.hpp"
#include "render.hpp"
#include "state.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <exception>
#include <mutex>
#include <optional>
#include <set>
#include <system_error>
#include <thread>
#include <tuple>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace rulebook {

namespace detail {

/// Applies a judged request to the working roster (CONTRACT §2).
void apply(roster_state& state, const case_file& c, const request& r, const request_context& ctx, decision d) {
  if (d == decision::rejected) return;
  if (r.leave() != nullptr) {
    for (auto s : ctx.covered()) {
      state.leave[s] = ctx.index();
      if (d == decision::approved) state.effective_leave[s] = true;
    }
  } else if (const auto* sw = r.swap()) {
    // Clause swap.3: a swap counts once for each party, in the month its given shift starts.
    const auto day = c.shifts[sw->give].start.date();
    const month m{day.year(), day.month()};
    state.count_swap(r.employee, m);
    state.count_swap(sw->counterpart, m);
    state.move(sw->give, sw->counterpart, ctx.index());
    if (sw->take != no_index) state.move(sw->take, r.employee, ctx.index());
  }
}

/// A request's findings are all about the request: by clause, then policy order (CONTRACT §3's
/// order, with one subject), so a request reads the same whatever order the policy lists rules in.
void sort_request_findings(std::vector<finding>& findings, const policy& p) {
  std::stable_sort(findings.begin(), findings.end(), [&](const finding& a, const finding& b) {
    const auto& ca = p.rule_at(a.rule).header().clause;
    const auto& cb = p.rule_at(b.rule).header().clause;
    return ca != cb ? ca < cb : a.rule < b.rule;
  });
}

/// `t` as a number that orders like it: microseconds since 1970, `timeless` before everything.
auto moment(time_point t) -> std::int64_t {
  if (t.is_neg_infinity()) return std::numeric_limits<std::int64_t>::min();
  if (t.is_special()) return std::numeric_limits<std::int64_t>::max();
  static const time_point epoch(date(1970, 1, 1));
  return (t - epoch).total_microseconds();
}

/// Gives the pages of freed memory back to the system (glibc keeps them for reuse otherwise).
void give_back_free_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

std::size_t parallel_from = 100'000;
std::size_t parallel_requests_from = 1'000;

/// Runs `work(from, to)` over `[0, n)` in two halves, the second on another thread when `threads`
/// allows and `n` is worth it.
template <typename Work>
void halves(std::size_t n, unsigned threads, const Work& work) {
  if (threads < 2 || n < parallel_from) {
    work(std::size_t{0}, n);
    return;
  }
  side_by_side([&] { work(n / 2, n); }, [&] { work(std::size_t{0}, n / 2); });
}

/// The rank of each of a set of distinct 64-bit values among them: an open-addressing table,
/// small because findings have few distinct times (shift starts, months) however many they are.
class rank_table {
 public:
  void add(std::uint64_t v) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    auto& s = slots_[where(v)];
    if (!s.used) {
      s = {v, 0, true};
      ++size_;
    }
  }
  /// Numbers the values in increasing order, from 0.
  void rank() {
    std::vector<std::uint64_t> sorted;
    sorted.reserve(size_);
    for (const auto& s : slots_) {
      if (s.used) sorted.push_back(s.value);
    }
    std::sort(sorted.begin(), sorted.end());
    for (std::uint32_t r = 0; r < sorted.size(); ++r) slots_[where(sorted[r])].rank = r;
  }
  /// The rank of `v`, which was added.
  [[nodiscard]] auto operator[](std::uint64_t v) const -> std::uint32_t { return slots_[where(v)].rank; }

 private:
  struct entry {
    std::uint64_t value = 0;
    std::uint32_t rank = 0;
    bool used = false;
  };
  // The slot holding `v`, or the free one where it goes (Fibonacci hashing, linear probing).
  [[nodiscard]] auto where(std::uint64_t v) const -> std::size_t {
    const auto mask = slots_.size() - 1;
    auto i = static_cast<std::size_t>((v * 0x9e37'79b9'7f4a'7c15ULL) >> shift_);
    while (slots_[i].used && slots_[i].value != v) i = (i + 1) & mask;
    return i;
  }
  void grow() {
    std::vector<entry> old(std::max<std::size_t>(1024, slots_.size() * 2));
    old.swap(slots_);
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(slots_.size()));  // the top bits index
    for (const auto& e : old) {
      if (e.used) slots_[where(e.value)] = e;
    }
  }
  std::vector<entry> slots_;
  std::size_t size_ = 0;
  unsigned shift_ = 64;
};

/// Moves each of `items` once, to its place: the item that belongs at `i` is at `from[i]` (a
/// permutation). Following the permutation's cycles needs no second copy of millions of findings,
/// but one cycle step waits for the memory the step before named: the cycles are cut at evenly
/// spaced places into segments, and each thread walks many segments at once, reading ahead for
/// each. A segment ends where the next begins; what stood there was set aside before the walk.
/// Cycles with no cut (short ones) are followed one by one after. `from` is left as the identity.
void put_in_place(std::vector<finding>& items, std::vector<std::uint32_t>& from, unsigned threads) {
  using T = finding;
  const auto n = from.size();
  const auto read_ahead = [&](std::uint32_t i) {
    const auto* bytes = reinterpret_cast<const char*>(&items[i]);
    for (std::size_t b = 0; b < sizeof(T); b += 64) __builtin_prefetch(bytes + b, 0);
    __builtin_prefetch(&from[i], 0);
  };
  std::vector<std::uint32_t> cuts;
  const std::size_t cut_count = std::min<std::size_t>(n / 64, 1024);
  for (std::size_t k = 0; k < cut_count; ++k) {
    const auto i = static_cast<std::uint32_t>(k * n / cut_count);
    if (from[i] != i) cuts.push_back(i);
  }
  std::vector<std::uint64_t> is_cut((n + 63) / 64);
  for (const auto i : cuts) is_cut[i / 64] |= std::uint64_t{1} << (i % 64);
  const auto cut = [&](std::uint32_t i) { return (is_cut[i / 64] >> (i % 64) & 1) != 0; };
  std::vector<T> set_aside(cuts.size());
  for (std::size_t k = 0; k < cuts.size(); ++k) set_aside[k] = std::move(items[cuts[k]]);
  // Walks the segments starting at cuts first, first + step, …, 16 at a time. A segment owns the
  // places it passes: no other walker reads or writes them, so threads share nothing but the
  // items set aside, each taken by the one segment that ends at its cut.
  const auto walk = [&](std::size_t first, std::size_t step) {
    struct walker {
      std::uint32_t to;    // the place to fill, whose item has gone
      std::uint32_t from;  // where its item is now
    };
    std::array<walker, 16> live{};
    std::size_t count = 0, next = first;
    const auto begin = [&] {
      const auto at = cuts[next];
      next += step;
      read_ahead(from[at]);
      return walker{at, from[at]};
    };
    while (count < live.size() && next < cuts.size()) live[count++] = begin();
    while (count > 0) {
      for (std::size_t a = 0; a < count;) {
        auto& w = live[a];
        from[w.to] = w.to;
        if (!cut(w.from)) {
          items[w.to] = std::move(items[w.from]);
          w.to = w.from;
          w.from = from[w.to];
          read_ahead(w.from);
          ++a;
          continue;
        }
        const auto k = static_cast<std::size_t>(std::lower_bound(cuts.begin(), cuts.end(), w.from) - cuts.begin());
        items[w.to] = std::move(set_aside[k]);
        if (next < cuts.size()) {
          w = begin();
          ++a;
        } else {
          w = live[--count];
        }
      }
    }
  };
  if (threads > 1 && n >= parallel_from) {
    side_by_side([&] { walk(1, 2); }, [&] { walk(0, 2); });
  } else {
    walk(0, 1);
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    if (from[i] == i) continue;
    T held = std::move(items[i]);
    std::uint32_t to = i;
    for (;;) {
      const auto at = from[to];
      from[to] = to;
      if (at == i) break;
      items[to] = std::move(items[at]);
      to = at;
    }
    items[to] = std::move(held);
  }
}

/// CONTRACT §3: findings by subject time, then employee, then clause (then policy order). A whole
/// center's year has millions of findings: each gets a 16-byte key (times, people and rules
/// ranked), the keys are sorted, and every finding is moved once, to its place.
void sort_findings(std::vector<finding>& findings, const policy& p, const case_file& c, unsigned threads) {
  std::vector<std::uint32_t> person_rank(c.people.size());
  {
    std::vector<person_index> by_id;
    by_id.reserve(c.people.size());
    for (const auto q : c.people.indexes()) by_id.push_back(q);
    std::stable_sort(by_id.begin(), by_id.end(),
                     [&](person_index a, person_index b) { return c.people[a].id < c.people[b].id; });
    for (std::uint32_t r = 0; r < by_id.size(); ++r) person_rank[by_id[r].value] = r + 1;  // 0: nobody
  }
  std::vector<std::uint32_t> rule_rank(p.rules().size());  // by clause, then policy order
  {
    std::vector<std::uint32_t> by_clause(p.rules().size());
    for (std::uint32_t i = 0; i < by_clause.size(); ++i) by_clause[i] = i;
    const auto clause = [&](std::uint32_t i) -> const std::string& { return p.header_at(i).clause; };
    std::stable_sort(by_clause.begin(), by_clause.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return clause(a) < clause(b); });
    for (std::uint32_t r = 0; r < by_clause.size(); ++r) rule_rank[by_clause[r]] = r;
  }
  // A key: (time's rank, person's rank) and (rule's rank, position). First the time itself goes
  // where its rank will be, then the distinct times are ranked, then each key gets its rank.
  struct key {
    std::uint64_t major;
    std::uint64_t minor;
  };
  const auto biased = [](time_point t) { return static_cast<std::uint64_t>(moment(t)) ^ (std::uint64_t{1} << 63); };
  std::vector<key> keys;
  keys.reserve(findings.size());
  keys.resize(findings.size());
  halves(keys.size(), threads, [&](std::size_t from, std::size_t to) {
    for (auto i = from; i < to; ++i) {
      keys[i] = {biased(findings[i].subject.at), std::uint64_t{rule_rank[findings[i].rule]} << 32 | i};
    }
  });
  rank_table times;
  for (const auto& k : keys) times.add(k.major);
  times.rank();
  halves(keys.size(), threads, [&](std::size_t from, std::size_t to) {
    for (auto i = from; i < to; ++i) {
      const auto who = findings[i].subject.employee;
      keys[i].major = std::uint64_t{times[keys[i].major]} << 32 | (who == no_index ? 0 : person_rank[who.value]);
    }
  });
  const auto before = [](const key& a, const key& b) {
    return a.major < b.major || (a.major == b.major && a.minor < b.minor);
  };
  // The order is total (positions differ): splitting the keys at their median and sorting the
  // halves on two threads gives the same order as one sort, with no buffer to merge through.
  const auto half = keys.begin() + static_cast<std::ptrdiff_t>(keys.size() / 2);
  if (threads > 1 && keys.size() >= parallel_from) {
    std::nth_element(keys.begin(), half, keys.end(), before);
    side_by_side([&] { std::sort(keys.begin(), half, before); }, [&] { std::sort(half, keys.end(), before); });
  } else {
    std::sort(keys.begin(), keys.end(), before);
  }
  // The keys give way to where each place's finding is now (a quarter of their memory).
  std::vector<std::uint32_t> from(keys.size());
  halves(keys.size(), threads, [&](std::size_t begin, std::size_t end) {
    for (auto i = begin; i < end; ++i) from[i] = static_cast<std::uint32_t>(keys[i].minor);
  });
  std::vector<key>().swap(keys);
  put_in_place(findings, from, threads);
}

/// One judgement of one case: what a `session` keeps to answer what-if questions.
struct session_state {
  session_state(policy p, const case_file& c, const judge_options& o)
      : policy_(std::move(p)), c_(&c), chart_(check_chain(c)), threads_(threads_for(o, c)) {
    if (c.calendar.holiday_count() + c.calendar.workday_count() > 0) {
      merged_ = std::make_unique<calendar>(policy_.calendar());
      merged_->merge(c.calendar);
    }
    scope_ = std::make_unique<judge_scope>(judge_scope{c, chart_, merged_ ? *merged_ : policy_.calendar(),
                                                       policy_.vocabulary()});
    const auto promotion = [&](request_index i) { return c.requests[i].type() == request_type::promotion; };
    // The indexes and how requests split into parts (see judge_requests) on one thread, the order
    // of requests and the working roster on the other.
    std::optional<std::vector<std::uint32_t>> parts;
    const auto index = [&] {
      scope_->index_records();
      if (threads_ < 2 || c.requests.size() < parallel_requests_from) return;
      std::vector<request_index> asked;  // in file order: the groups are the same in any order
      asked.reserve(c.requests.size());
      for (const auto i : c.requests.indexes()) {
        if (!promotion(i)) asked.push_back(i);
      }
      if (asked.size() >= parallel_requests_from) parts = split_people(asked);
    };
    const auto order = [&] {
      order_.resize(c.requests.size());
      std::generate(order_.begin(), order_.end(), [i = std::uint32_t{0}]() mutable { return request_index(i++); });
      // CONTRACT §2: requests in submitted_at order, ties in file order.
      std::stable_sort(order_.begin(), order_.end(), [&](request_index a, request_index b) {
        return c.requests[a].submitted_at < c.requests[b].submitted_at;
      });
      verdict_.requests.resize(c.requests.size());
      state_ = roster_state(c);
    };
    if (threads_ > 1 && c.requests.size() >= parallel_requests_from) {
      side_by_side(index, order);
    } else {
      index();
      order();
    }
    verdict_.policy = policy_;
    judge_requests(promotion, parts);
    judge_conduct();
    // Promotions change nothing on the roster, so judging them last keeps CONTRACT §2 and lets
    // their criteria see the conduct record (grade.order: "no violation in the last 3 months").
    std::vector<std::uint8_t> asked(c.people.size());
    for (const auto i : order_) {
      if (promotion(i)) asked[c.requests[i].employee.value] = 1;
    }
    scope_->keep_record(verdict_.findings, std::move(asked));
    for (const auto i : order_) {
      if (promotion(i)) verdict_.requests[i] = judge_and_apply(c.requests[i], i, state_);
    }
  }

  /// CONTRACT §2: the requests (but promotions) in `submitted_at` order on the working roster.
  /// Requests of people who never meet (no swap between them, no shift of one named by another)
  /// read and change disjoint parts of the roster, so on several threads each takes whole groups
  /// of such people and judges their requests in order on a roster of its own; the rosters are
  /// then joined. Should a rule read someone of another thread's part (a program's own kind may
  /// look at colleagues), every request is judged again on one thread: the verdict is the same
  /// for any number of threads.
  /// `parts`: split_people's answer, when it was asked.
  template <typename Skip>
  void judge_requests(const Skip& skip, const std::optional<std::vector<std::uint32_t>>& parts) {
    const auto& c = *c_;
    std::vector<request_index> asked;
    asked.reserve(order_.size());
    for (const auto i : order_) {
      if (!skip(i)) asked.push_back(i);
    }
    if (parts) {
      if (judge_apart(asked, *parts)) return;
      state_ = roster_state(c);  // back to the roster before any request
    }
    for (const auto i : asked) verdict_.requests[i] = judge_and_apply(c.requests[i], i, state_);
  }

  /// Per person, which of `threads_` parts judges the requests touching them: people linked by a
  /// request (a swap's two parties, a leave and the owner of a shift it names) are in one group,
  /// and groups go to parts by their number of requests. Nothing when there is one group only.
  auto split_people(const std::vector<request_index>& asked) const -> std::optional<std::vector<std::uint32_t>> {
    const auto& c = *c_;
    std::vector<std::uint32_t> root(c.people.size());
    for (std::uint32_t p = 0; p < root.size(); ++p) root[p] = p;
    const auto find = [&](std::uint32_t p) {
      while (root[p] != p) p = root[p] = root[root[p]];
      return p;
    };
    std::vector<std::uint8_t> touched(c.people.size());
    const auto link = [&](person_index a, person_index b) {
      if (!c.people.has(a) || !c.people.has(b)) return;
      touched[a.value] = touched[b.value] = 1;
      root[find(a.value)] = find(b.value);
    };
    const auto owner = [&](shift_index s) { return c.shifts.has(s) ? c.shifts[s].employee : person_index(no_index); };
    for (const auto i : asked) {
      const auto& r = c.requests[i];
      link(r.employee, r.employee);
      if (const auto* l = r.leave()) {
        for (const auto s : l->shifts) link(r.employee, owner(s));
      } else if (const auto* sw = r.swap()) {
        link(r.employee, sw->counterpart);
        link(r.employee, owner(sw->give));
        if (sw->take != no_index) link(r.employee, owner(sw->take));
      }
    }
    std::vector<std::uint32_t> requests_of(c.people.size());
    for (const auto i : asked) ++requests_of[find(c.requests[i].employee.value)];
    std::vector<std::uint32_t> groups;
    for (std::uint32_t p = 0; p < root.size(); ++p) {
      if (touched[p] != 0 && find(p) == p) groups.push_back(p);
    }
    if (groups.size() < 2) return std::nullopt;
    // The biggest groups first, each to the part with the fewest requests so far.
    std::stable_sort(groups.begin(), groups.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return requests_of[a] > requests_of[b]; });
    const auto parts = std::min<std::size_t>(threads_, groups.size());
    // Every part but the first builds a roster of its own before it judges: about as long as
    // judging one request per 128 shifts of the case.
    std::vector<std::size_t> load(parts, c.shifts.size() / 128);
    load[0] = 0;
    std::vector<std::uint32_t> part_of_group(c.people.size(), roster_state::untouched);
    for (const auto g : groups) {
      const auto least = static_cast<std::uint32_t>(std::min_element(load.begin(), load.end()) - load.begin());
      part_of_group[g] = least;
      load[least] += requests_of[g];
    }
    // Few requests among many shifts may all go to the first part: then there are no parts.
    if (std::none_of(groups.begin(), groups.end(), [&](std::uint32_t g) { return part_of_group[g] != 0; })) {
      return std::nullopt;
    }
    std::vector<std::uint32_t> part_of(c.people.size(), roster_state::untouched);
    for (std::uint32_t p = 0; p < root.size(); ++p) {
      if (touched[p] != 0) part_of[p] = part_of_group[find(p)];
    }
    return part_of;
  }

  /// Judges `asked` in parts (see `judge_requests`); false when a rule strayed into another
  /// part, or a part failed, and the requests must be judged again on one thread.
  auto judge_apart(const std::vector<request_index>& asked, const std::vector<std::uint32_t>& part_of) -> bool {
    const auto& c = *c_;
    std::uint32_t parts = 1;
    for (const auto part : part_of) {
      if (part != roster_state::untouched) parts = std::max(parts, part + 1);
    }
    std::vector<std::unique_ptr<roster_state>> own(parts);  // part 0 judges on `state_` itself
    std::atomic<bool> failed{false};
    const auto judge_part = [&](std::uint32_t part) {
      try {
        if (part > 0) own[part] = std::make_unique<roster_state>(c);
        auto& state = part == 0 ? state_ : *own[part];
        state.part_of = &part_of;
        state.part = part;
        for (const auto i : asked) {
          if (part_of[c.requests[i].employee.value] != part) continue;
          verdict_.requests[i] = judge_and_apply(c.requests[i], i, state);
          if (state.strayed) break;
        }
        state.part_of = nullptr;
        if (state.strayed) failed = true;
      } catch (...) {  // judged again on one thread, which throws it in order
        failed = true;
      }
    };
    std::vector<std::thread> pool;
    try {
      for (std::uint32_t t = 1; t < parts; ++t) pool.emplace_back(judge_part, t);
    } catch (...) {  // no thread to be had: judged again on one
      failed = true;
    }
    if (!failed) judge_part(0);
    for (auto& t : pool) t.join();
    if (failed) return false;
    // Each part's people and shifts, from its roster into the one conduct is judged on.
    for (std::uint32_t part = 1; part < parts; ++part) {
      auto& from = *own[part];
      for (const auto p : c.people.indexes()) {
        if (part_of[p.value] != part) continue;
        state_.gained[p] = std::move(from.gained[p]);
        state_.given[p] = std::move(from.given[p]);
        for (const auto s : c.rostered_shifts(p)) {  // a shift is its rostered employee's
          state_.owner[s] = from.owner[s];
          state_.leave[s] = from.leave[s];
          state_.effective_leave[s] = from.effective_leave[s];
          state_.moved_by[s] = from.moved_by[s];
        }
      }
      for (auto& [s, moves] : from.moves) state_.moves[s] = std::move(moves);
      for (const auto& [key, count] : from.swaps) state_.swaps[key] = count;
      own[part].reset();
    }
    return true;
  }

  static auto check_chain(const case_file& c) -> const case_file& {
    if (const auto on_cycle = find_cycle(c)) {
      throw case_error("the chain of command above `" + c.people[*on_cycle].id + "` is a cycle");
    }
    return c;
  }

  void check(const request& r) const {
    const auto& people = c_->people;
    const auto& shifts = c_->shifts;
    bool ok = people.has(r.employee);
    for (const auto& a : r.approvals) ok = ok && people.has(a.by);
    if (const auto* l = r.leave()) {
      ok = ok && people.has(l->submitted_by) && (!l->shifts.empty() || (l->from && l->to));
      for (const auto s : l->shifts) ok = ok && shifts.has(s);
    } else if (const auto* sw = r.swap()) {
      ok = ok && people.has(sw->counterpart) && shifts.has(sw->give) && (sw->take == no_index || shifts.has(sw->take));
    }
    if (!ok) throw case_error("request `" + r.id + "` refers to a person or shift the case does not have");
    const auto& grades = policy_.vocabulary().grades;
    if (const auto* p = r.promotion(); p && !grades.empty() && !vocabulary::has(grades, p->to_grade)) {
      throw case_error("request `" + r.id + "` asks for the grade `" + p->to_grade + "`, which the policy `" +
                       policy_.name() + "` does not know");
    }
  }

  auto what_if(const request& r) const -> request_verdict {
    check(r);
    const auto index = c_->requests.next_index();
    if (order_.empty() || c_->requests[order_.back()].submitted_at <= r.submitted_at) {
      return judge(r, index, state_);
    }
    roster_state replay(*c_);
    for (const auto i : order_) {
      if (c_->requests[i].submitted_at > r.submitted_at) break;
      (void)judge_and_apply(c_->requests[i], i, replay);
    }
    return judge(r, index, replay);
  }

  auto judge(const request& r, request_index index, const roster_state& state) const -> request_verdict {
    request_context ctx(*scope_, state, r, index);
    return finish(r, index, ctx);
  }
  auto judge_and_apply(const request& r, request_index index, roster_state& state) const -> request_verdict {
    request_context ctx(*scope_, state, r, index);
    auto out = finish(r, index, ctx);
    apply(state, *c_, r, ctx, out.decision);
    return out;
  }
  auto finish(const request& r, request_index index, request_context& ctx) const -> request_verdict {
    const auto& rules = policy_.rules();
    std::vector<std::uint32_t> judged_by;
    // Which rules apply: the request's type and `when:`; a rule whose `when:` names shifts applies
    // only to a request that touches such a shift.
    const auto applies = [&](const rule& rl) {
      if (!rl.judges(r.type()) || !rl.header().when.matches_request(r, *c_)) return false;
      ctx.begin(rl);
      return !(rl.looks_at_shifts() && rl.header().when.filters_shifts() && ctx.selected().empty());
    };
    std::vector<std::uint8_t> applied;
    if (overrides_) {
      applied.resize(rules.size());
      for (std::size_t i = 0; i < rules.size(); ++i) applied[i] = applies(*rules[i]) ? 1 : 0;
    }
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const auto& rl = *rules[i];
      if (overrides_) {
        // `overrides:`: where an exception applies, the rule it overrides does not.
        const auto& by = rl.header().overridden_by;
        if (applied[i] == 0 || std::any_of(by.begin(), by.end(), [&](std::uint32_t o) { return applied[o] != 0; })) {
          continue;
        }
        ctx.begin(rl);
      } else if (!applies(rl)) {
        continue;
      }
      rl.judge_request(ctx);
      judged_by.push_back(static_cast<std::uint32_t>(i));
    }
    if (precedence_) give_way(ctx.findings, true);
    request_verdict out;
    out.request = index;
    out.decision = decide(ctx.findings);
    sort_request_findings(ctx.findings, policy_);
    out.findings = std::move(ctx.findings);
    out.criteria = std::move(ctx.criteria);
    out.judged_by = std::move(judged_by);
    return out;
  }

  /// How many threads judge conduct: as asked, else every core; one for a small case.
  static auto threads_for(const judge_options& o, const case_file& c) -> unsigned {
    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    const unsigned asked = o.threads == 0 ? cores : o.threads;
    return c.people.size() < 64 ? 1U : std::min(asked, 64U);
  }

  /// Runs `work(i)` for every `i < n` on `threads_` threads (the calling one among them); each
  /// `i` is done exactly once. The first exception a worker throws is rethrown here.
  template <typename Work>
  void in_parallel(std::size_t n, const Work& work) const {
    if (threads_ <= 1 || n < 2) {
      for (std::size_t i = 0; i < n; ++i) work(i);
      return;
    }
    std::atomic<std::size_t> next{0};
    std::exception_ptr failed;
    std::mutex failed_mutex;
    const auto run = [&] {
      try {
        for (std::size_t i; (i = next.fetch_add(1)) < n;) work(i);
      } catch (...) {
        const std::lock_guard lock(failed_mutex);
        if (!failed) failed = std::current_exception();
        next = n;
      }
    };
    std::vector<std::thread> pool;
    const auto extra = std::min<std::size_t>(threads_ - 1, n - 1);
    try {
      pool.reserve(extra);
      for (std::size_t t = 0; t < extra; ++t) pool.emplace_back(run);
    } catch (...) {  // no more threads to be had: those started and this one do every task
    }
    run();
    for (auto& t : pool) t.join();
    if (failed) std::rethrow_exception(failed);
  }

  // Conduct over the final roster, employee by employee and across the case. Employees are
  // independent and so are case-wide rules: they are judged in parallel, each into a slot of its
  // own, and the slots are joined in order, so the verdict is the same for any number of threads.
  void judge_conduct() {
    const auto& c = *c_;
    std::vector<const rule*> conduct, whole;
    for (const auto& rl : policy_.rules()) {
      if (rl->judges_conduct()) conduct.push_back(rl.get());
      if (rl->judges_case()) whole.push_back(rl.get());
    }
    std::vector<std::vector<finding>> of_employee(conduct.empty() ? 0 : c.people.size());
    std::vector<std::vector<finding>> of_rule(whole.size());
    // One pool for both: the case-wide rules (each a long task) first, then the employees.
    in_parallel(whole.size() + of_employee.size(), [&](std::size_t task) {
      if (task < whole.size()) {
        case_context ctx(*scope_, state_);
        ctx.begin(*whole[task]);
        whole[task]->judge_case(ctx);
        of_rule[task] = std::move(ctx.findings);
        return;
      }
      const auto i = task - whole.size();
      const person_index e(static_cast<std::uint32_t>(i));
      auto shifts = state_.shifts_of(c, e);
      std::erase_if(shifts, [&](shift_index s) { return !c.in_period(c.shifts[s]); });
      const auto& away = scope_->away_of[e];
      if (shifts.empty() && away.empty()) return;
      employee_context ctx(*scope_, state_, e, std::move(shifts), away);
      for (const auto* rl : conduct) {
        if (!rl->header().when.matches_person(c.people[e])) continue;
        ctx.begin(*rl);
        rl->judge_employee(ctx);
      }
      ctx.findings.shrink_to_fit();  // held until every employee is judged: no slack
      of_employee[i] = std::move(ctx.findings);
    });
    std::size_t total = verdict_.findings.size();
    for (const auto& fs : of_employee) total += fs.size();
    for (const auto& fs : of_rule) total += fs.size();
    verdict_.findings.reserve(total);
    // Findings move from the slots into one list. The slots are freed as they go, and the pages
    // they held are given back every few tens of megabytes: otherwise the allocator keeps them,
    // and a center's year would hold its millions of findings twice at this moment (its peak).
    constexpr std::size_t give_back_every = std::size_t{32} << 20;
    std::size_t moved = 0;
    for (auto* slots : {&of_employee, &of_rule}) {
      for (auto& fs : *slots) {
        moved += fs.capacity() * sizeof(finding);
        std::move(fs.begin(), fs.end(), std::back_inserter(verdict_.findings));
        std::vector<finding>().swap(fs);
        if (moved >= give_back_every) {
          give_back_free_memory();
          moved = 0;
        }
      }
    }
    give_back_free_memory();  // and the last few, before the sort's keys are taken
    if (overrides_) drop_overridden(verdict_.findings);
    if (precedence_) give_way(verdict_.findings);
    sort_findings(verdict_.findings, policy_, c, threads_);
  }

  // `instead_of:`: a rule's findings give way to those of the rules named in it, subject by
  // subject: the same request (`one_request`: the findings are one request's), or the same
  // employee, shift and period.
  void give_way(std::vector<finding>& findings, bool one_request = false) const {
    const auto& rules = policy_.rules();
    const auto key = [one_request](const finding& f) {
      if (one_request) return std::tuple(f.rule, 0U, 0U, 0U, 0, 0U, 0U);
      return std::tuple(f.rule, f.subject.request.value, f.subject.employee.value, f.subject.shift.value,
                        f.subject.month ? f.subject.month->year * 12 + f.subject.month->number : 0,
                        f.subject.week ? f.subject.week->day_number() : 0U,
                        f.subject.day ? f.subject.day->day_number() : 0U);
    };
    // Only the findings of rules that others give way to are kept as keys: a year of a center has
    // millions of findings, and most policies name few such rules.
    std::set<decltype(key(findings.front()))> reported;
    for (const auto& f : findings) {
      if (replacer_[f.rule] != 0) reported.insert(key(f));
    }
    if (reported.empty()) return;
    std::erase_if(findings, [&](const finding& f) {
      for (const auto by : rules[f.rule]->header().replaced_by) {
        auto k = key(f);
        std::get<0>(k) = by;
        if (reported.contains(k)) return true;
      }
      return false;
    });
  }

  // `overrides:` for conduct: a finding gives way where a rule overriding its rule applies to its
  // subject (the employee, and the shift where the overriding rule's `when:` names shifts).
  void drop_overridden(std::vector<finding>& findings) const {
    const auto& rules = policy_.rules();
    const auto& c = *c_;
    std::erase_if(findings, [&](const finding& f) {
      for (const auto by : rules[f.rule]->header().overridden_by) {
        const auto& o = *rules[by];
        const auto& when = o.header().when;
        if (f.subject.employee != no_index && !when.matches_person(c.people[f.subject.employee])) continue;
        if (o.looks_at_shifts() && when.filters_shifts() && f.subject.shift != no_index &&
            !scope_->selects_shift(when, f.subject.shift, state_)) {
          continue;
        }
        return true;
      }
      return false;
    });
  }

  policy policy_;
  bool precedence_ = std::any_of(policy_.rules().begin(), policy_.rules().end(), [](const auto& r) {
    return !r->header().overridden_by.empty() || !r->header().replaced_by.empty();
  });  // whether any rule names another in `overrides:` or `instead_of:`
  bool overrides_ = std::any_of(policy_.rules().begin(), policy_.rules().end(), [](const auto& r) {
    return !r->header().overridden_by.empty();
  });  // whether any rule is overridden: only then is each rule's applying found first
  // Per rule: whether another rule's findings give way to it (it is named in an `instead_of:`).
  std::vector<std::uint8_t> replacer_ = [this] {
    std::vector<std::uint8_t> out(policy_.rules().size());
    for (const auto& r : policy_.rules()) {
      for (const auto by : r->header().replaced_by) out[by] = 1;
    }
    return out;
  }();
  const case_file* c_;
  chain_of_command chart_;
  std::unique_ptr<calendar> merged_;
  std::unique_ptr<judge_scope> scope_;
  roster_state state_;
  std::vector<request_index> order_;
  rulebook::verdict verdict_;
  unsigned threads_ = 1;
};

}  // namespace detail

session::session(policy p, const case_file& c, const judge_options& o) {
  detail::check_judgeable(p, c, o);  // src/check_case.cpp: rules to judge by, a case safe to read
  state_ = std::make_unique<detail::session_state>(std::move(p), c, o);
}
session::~session() = default;

auto session::verdict() const -> const rulebook::verdict& { return state_->verdict_; }
auto session::take_verdict() -> rulebook::verdict {
  state_->scope_->complete_record();  // what-ifs after this still see everyone's conduct
  return std::move(state_->verdict_);
}
auto session::what_if(const request& r) const -> request_verdict { return state_->what_if(r); }
auto session::message(const finding& f, const request& r, lang l) const -> std::string {
  return detail::render_message(state_->policy_.rule_at(f.rule), f, message_context{*state_->c_, l, &r});
}

auto judge(const policy& p, const case_file& c, const judge_options& o) -> verdict {
  // No session outlives this judgement, so no what-if asks about the record after it.
  detail::check_judgeable(p, c, o);
  detail::session_state state(p, c, o);
  return std::move(state.verdict_);
}

// ---- what kinds see: roster_view and the contexts ----

auto roster_view::c() const -> const case_file& { return scope_->c; }
auto roster_view::holidays() const -> const rulebook::calendar& { return scope_->holidays; }
auto roster_view::names() const -> const rulebook::vocabulary& { return scope_->names; }
// Each read of the working roster notes whose it is: requests judged apart must read only their
// own part's people and shifts (a shift is its rostered employee's).
auto roster_view::owner(shift_index s) const -> person_index { return state_->reads(scope_->c, s).owner[s]; }
auto roster_view::moved_by(shift_index s) const -> request_index { return state_->reads(scope_->c, s).moved_by[s]; }
auto roster_view::leave_of(shift_index s) const -> request_index { return state_->reads(scope_->c, s).leave[s]; }
auto roster_view::on_leave(shift_index s) const -> bool { return state_->reads(scope_->c, s).effective_leave[s]; }
auto roster_view::holders(shift_index s) const -> std::vector<person_index> {
  return state_->reads(scope_->c, s).holders(scope_->c, s);
}
auto roster_view::shifts_of(person_index p) const -> std::vector<shift_index> {
  return state_->reads(p).shifts_of(scope_->c, p);
}
auto roster_view::given_by(person_index p) const -> std::span<const shift_index> { return state_->reads(p).given[p]; }
auto roster_view::swaps_in(person_index p, month m) const -> int { return state_->reads(p).swaps_in(p, m); }
auto roster_view::chain(person_index p) const -> std::span<const person_index> { return scope_->chart.chain(p); }
auto roster_view::assessments_of(person_index p) const -> std::span<const std::uint32_t> {
  return scope_->assessments_of[p];
}
auto roster_view::tickets_of(person_index p) const -> std::span<const std::uint32_t> { return scope_->tickets_of[p]; }
auto roster_view::record_of(person_index p, time_point from, time_point to) const -> std::span<const conduct_entry> {
  return scope_->record_of(p, from, to);
}
void roster_view::by_start(std::vector<shift_index>& shifts) const { detail::by_start(scope_->c, shifts); }

auto roster_view::around(person_index p, shift_index s, bool given, std::span<const shift_index> extra,
                         std::span<const shift_index> without) const -> std::pair<shift_index, shift_index> {
  const auto& c = scope_->c;
  const auto& st = *state_;
  st.reads(p);
  st.reads(c, s);
  const auto key = [&](shift_index x) { return std::pair(c.shifts[x].start, x); };
  const auto target = key(s);
  const auto excluded = [&](shift_index x) {
    return x == s || std::find(without.begin(), without.end(), x) != without.end();
  };
  shift_index before = no_index, after = no_index;
  const auto consider = [&](shift_index x) {
    if (excluded(x)) return;
    const auto k = key(x);
    if (k < target && (before == no_index || key(before) < k)) before = x;
    if (target < k && (after == no_index || k < key(after))) after = x;
  };
  // Rostered to `p` and still theirs (or given away, when those count): the nearest on each side.
  const auto& own = c.rostered_shifts(p);
  const auto holds = [&](shift_index x) { return st.owner[x] == p || given; };
  const auto at = std::lower_bound(own.begin(), own.end(), target,
                                   [&](shift_index x, const auto& t) { return key(x) < t; });
  for (auto it = at; it != own.begin();) {
    --it;
    if (holds(*it) && !excluded(*it)) {
      consider(*it);
      break;
    }
  }
  for (auto it = at; it != own.end(); ++it) {
    if (holds(*it) && !excluded(*it)) {
      consider(*it);
      break;
    }
  }
  // Shifts that moved: received and still held, given away (when they count), and the extra ones.
  for (const auto x : st.gained[p]) {
    if (st.owner[x] == p) consider(x);
  }
  if (given) {
    for (const auto x : st.given[p]) consider(x);
  }
  for (const auto x : extra) consider(x);
  return {before, after};
}

request_context::request_context(const detail::judge_scope& scope, const detail::roster_state& state, const request& r,
                                 request_index index)
    : roster_view(scope, state), request_(&r), index_(index) {
  const auto& c = scope.c;
  if (const auto* l = r.leave()) {
    if (!l->shifts.empty()) {
      covered_ = l->shifts;
    } else if (l->from && l->to) {
      // The employee's shifts overlapping the time range, as `shifts_of` would list them (by start,
      // then index): of the rostered ones (sorted by start) only those starting after `from` less
      // the longest shift are looked at, not a year's roster for each request.
      const auto e = r.employee;
      const auto overlaps = [&](shift_index s) { return c.shifts[s].start < *l->to && c.shifts[s].end > *l->from; };
      const auto& own = c.rostered_shifts(e);
      const auto earliest = *l->from - scope.longest_shift;
      auto it = std::lower_bound(own.begin(), own.end(), earliest,
                                 [&](shift_index s, const time_point& t) { return c.shifts[s].start < t; });
      for (; it != own.end() && c.shifts[*it].start < *l->to; ++it) {
        if (state.owner[*it] == e && overlaps(*it)) covered_.push_back(*it);
      }
      bool gained = false;
      for (const auto s : state.gained[e]) {
        if (state.owner[s] == e && c.shifts[s].employee != e && overlaps(s)) {
          covered_.push_back(s);
          gained = true;
        }
      }
      if (gained) {
        detail::by_start(c, covered_);
        covered_.erase(std::unique(covered_.begin(), covered_.end()), covered_.end());
      }
    }
    std::sort(covered_.begin(), covered_.end(),
              [&](shift_index a, shift_index b) { return c.shifts[a].start < c.shifts[b].start; });
    covered_.erase(std::unique(covered_.begin(), covered_.end()), covered_.end());
    for (auto s : covered_) {
      const auto d = c.shifts[s].start.date();  // clause leave.3: a shift counts as the day it starts
      if (days_.empty() || days_.back() != d) days_.push_back(d);
    }
  } else if (const auto* sw = r.swap()) {
    covered_.push_back(sw->give);  // a swap touches the shift it gives and the one it takes back
    if (sw->take != no_index) covered_.push_back(sw->take);
  }
}

void request_context::begin(const rule& r) { selected_ = scope_->select(r, covered_, *state_); }

auto request_context::approvals() const -> const approval_check& {
  if (approvals_) return *approvals_;
  // An approval counts when its approver is in the chain and every lower level approved at or
  // before it; otherwise a level was skipped.
  auto& out = approvals_.emplace();
  const auto& chart = scope_->chart;
  const auto employee = request_->employee;
  const auto& given = request_->approvals;
  const auto levels = chart.chain(employee).size();
  out.valid.assign(levels, false);
  std::vector<std::optional<time_point>> earliest(levels);
  for (std::uint32_t i = 0; i < given.size(); ++i) {
    const auto level = chart.level(employee, given[i].by);
    if (!level) {
      out.outside.push_back(i);
      continue;
    }
    auto& e = earliest[*level];
    if (!e || given[i].at < *e) e = given[i].at;
  }
  for (const auto& a : given) {
    const auto level = chart.level(employee, a.by);
    if (!level) continue;
    bool lower_first = true;
    for (std::size_t j = 0; j < *level && lower_first; ++j) lower_first = earliest[j] && *earliest[j] <= a.at;
    if (lower_first) out.valid[*level] = true;
  }
  return out;
}

auto request_context::approved_by_role(const std::vector<std::string>& roles) const -> bool {
  const auto chain = scope_->chart.chain(request_->employee);
  const auto& check = approvals();
  for (std::size_t level = 0; level < chain.size(); ++level) {
    if (check.valid[level] && std::find(roles.begin(), roles.end(), c().people[chain[level]].role) != roles.end()) {
      return true;
    }
  }
  return false;
}

void request_context::report(const rule_header& r, finding f, bool liftable) {
  f.rule = r.index;
  if (f.effect == effect::needs_approval && liftable) {
    if (f.approver_role.empty() && !r.approvers.empty()) f.approver_role = r.approvers.front();
    const auto& roles = r.approvers.empty() ? std::vector<std::string>{f.approver_role} : r.approvers;
    if (approved_by_role(roles)) return;
  }
  if (f.effect == effect::needs_approval && f.approver_role.empty() && !r.approvers.empty()) {
    f.approver_role = r.approvers.front();
  }
  if (f.subject.employee == no_index) f.subject.employee = request_->employee;
  f.subject.request = index_;
  findings.push_back(std::move(f));
}

employee_context::employee_context(const detail::judge_scope& scope, const detail::roster_state& state,
                                   person_index employee, std::vector<shift_index> shifts,
                                   std::vector<std::uint32_t> away)
    : roster_view(scope, state), employee_(employee), shifts_(std::move(shifts)), away_(std::move(away)) {}

void employee_context::begin(const rule& r) { selected_ = scope_->select(r, shifts_, *state_); }

void employee_context::report(const rule_header& r, finding f) {
  f.rule = r.index;
  if (f.subject.employee == no_index) f.subject.employee = employee_;
  findings.push_back(std::move(f));
}

void case_context::report(const rule_header& r, finding f) {
  f.rule = r.index;
  if (rule_ != nullptr) {
    const auto& when = rule_->header().when;
    const auto& c = scope_->c;
    if (when.filters_people() && f.subject.employee != no_index && !when.matches_person(c.people[f.subject.employee])) {
      return;
    }
    if (rule_->looks_at_shifts() && when.filters_shifts() && f.subject.shift != no_index &&
        !scope_->selects_shift(when, f.subject.shift, *state_)) {
      return;
    }
  }
  findings.push_back(std::move(f));
}

// ---- when: ----

auto condition::matches_request(const request& r, const case_file& c) const -> bool {
  if (!requests.empty() && std::find(requests.begin(), requests.end(), r.type()) == requests.end()) return false;
  if (!leave_kinds.empty()) {
    const auto* l = r.leave();
    if (l == nullptr || std::find(leave_kinds.begin(), leave_kinds.end(), l->kind) == leave_kinds.end()) return false;
  }
  if (!to_grades.empty()) {
    const auto* p = r.promotion();
    if (p == nullptr || std::find(to_grades.begin(), to_grades.end(), p->to_grade) == to_grades.end()) return false;
  }
  return matches_person(c.people[r.employee]);
}

auto condition::matches_person(const person& p) const -> bool {
  if (!roles.empty() && std::find(roles.begin(), roles.end(), p.role) == roles.end()) return false;
  return grades.empty() || std::find(grades.begin(), grades.end(), p.grade) != grades.end();
}

// ---- explain ----

auto explain(const verdict& v, const case_file& c, request_index i) -> std::vector<rule_outcome> {
  return explain(v.policy, c, c.requests.at(i), v.requests.at(i));
}

auto explain(const policy& p, const case_file& c, const request& r, const request_verdict& rv)
    -> std::vector<rule_outcome> {
  std::vector<rule_outcome> out;
  for (const auto& rl : p.rules()) {
    if (!rl->judges(r.type()) || !rl->header().when.matches_request(r, c)) continue;
    const auto index = rl->header().index;
    rule_outcome o{index, std::binary_search(rv.judged_by.begin(), rv.judged_by.end(), index), true, {}, {}};
    for (const auto& f : rv.findings) {
      if (f.rule == o.rule) o.findings.push_back(&f);
    }
    // Either/or: where a rule it gives way to reported, this one's findings were dropped.
    for (const auto by : rl->header().replaced_by) {
      if (o.findings.empty() &&
          std::any_of(rv.findings.begin(), rv.findings.end(), [&](const finding& f) { return f.rule == by; })) {
        o.applies = false;
        o.gave_way_to = by;
        break;
      }
    }
    // A warning reports something, but the rule's requirement still holds.
    o.held = std::all_of(o.findings.begin(), o.findings.end(),
                         [](const finding* f) { return f->effect == effect::warning; });
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace rulebook
