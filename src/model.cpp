// The case's own bookkeeping: id tables and the per-employee roster index, kept by `add_*`.
#include <rulebook/model.hpp>

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace rulebook {

namespace detail {

struct string_hash {
  using is_transparent = void;
  auto operator()(std::string_view s) const noexcept -> std::size_t { return std::hash<std::string_view>{}(s); }
};
using id_table = std::unordered_map<std::string, std::uint32_t, string_hash, std::equal_to<>>;

/// The id → index tables of a case.
struct case_ids {
  id_table people, shifts, requests;

  static auto find(const std::unique_ptr<case_ids>& ids, id_table case_ids::*table, std::string_view id)
      -> std::uint32_t {
    return ids ? find((*ids).*table, id) : std::numeric_limits<std::uint32_t>::max();  // moved-from: empty
  }
  static auto find(const id_table& t, std::string_view id) -> std::uint32_t {
    auto it = t.find(id);
    return it == t.end() ? std::numeric_limits<std::uint32_t>::max() : it->second;
  }
};

}  // namespace detail

case_file::case_file() : ids_(std::make_unique<detail::case_ids>()) {}
case_file::~case_file() = default;
case_file::case_file(const case_file& other)
    : file(other.file), period(other.period), calendar(other.calendar), people(other.people), shifts(other.shifts),
      punches(other.punches), away(other.away), requests(other.requests), assessments(other.assessments),
      tickets(other.tickets), callbacks(other.callbacks), monitoring(other.monitoring), accounts(other.accounts),
      sections(other.sections), ids_(other.ids_ ? std::make_unique<detail::case_ids>(*other.ids_) : nullptr), shifts_of_(other.shifts_of_),
      punch_of_(other.punch_of_) {}
case_file::case_file(case_file&& other) noexcept = default;
auto case_file::operator=(const case_file& other) -> case_file& {
  if (this != &other) *this = case_file(other);
  return *this;
}
auto case_file::operator=(case_file&& other) noexcept -> case_file& = default;

auto case_file::has_section(std::string_view section) const -> bool {
  return std::find(sections.begin(), sections.end(), section) != sections.end();
}

auto case_file::add_person(person p) -> person_index {
  if (!ids_) ids_ = std::make_unique<detail::case_ids>();  // a moved-from case starts again
  const auto i = people.next_index();
  if (!ids_->people.emplace(p.id, i.value).second) throw case_error("duplicate person id `" + p.id + "`");
  people.push_back(std::move(p));
  shifts_of_.emplace_back();
  return i;
}

auto case_file::add_shift(shift s) -> shift_index {
  if (!people.has(s.employee)) throw case_error("shift `" + s.id + "` refers to a person who does not exist");
  if (s.end <= s.start) throw case_error("shift `" + s.id + "` ends before it starts");
  const auto i = shifts.next_index();
  if (!ids_) ids_ = std::make_unique<detail::case_ids>();
  if (!ids_->shifts.emplace(s.id, i.value).second) throw case_error("duplicate shift id `" + s.id + "`");
  auto& own = shifts_of_[s.employee];
  const auto pos = std::upper_bound(own.begin(), own.end(), s.start,
                                    [&](const time_point& t, shift_index j) { return t < shifts[j].start; });
  own.insert(pos, i);
  shifts.push_back(std::move(s));
  punch_of_.push_back(no_punch);
  return i;
}

auto case_file::add_punch(punch p) -> std::uint32_t {
  if (!shifts.has(p.shift)) throw case_error("punch for a shift that does not exist");
  if (punch_of_[p.shift] != no_punch) throw case_error("shift `" + shifts[p.shift].id + "` has punches recorded twice");
  if (p.in && p.out && *p.out < *p.in) throw case_error("punch-out before punch-in for `" + shifts[p.shift].id + "`");
  const auto i = static_cast<std::uint32_t>(punches.size());
  punch_of_[p.shift] = i;
  punches.push_back(p);
  return i;
}

auto case_file::add_request(request r) -> request_index {
  if (!people.has(r.employee)) throw case_error("request `" + r.id + "` refers to a person who does not exist");
  const auto i = requests.next_index();
  if (!ids_) ids_ = std::make_unique<detail::case_ids>();
  if (!ids_->requests.emplace(r.id, i.value).second) throw case_error("duplicate request id `" + r.id + "`");
  requests.push_back(std::move(r));
  return i;
}

auto case_file::find_person(std::string_view id) const -> person_index {
  return person_index(detail::case_ids::find(ids_, &detail::case_ids::people, id));
}
auto case_file::find_shift(std::string_view id) const -> shift_index {
  return shift_index(detail::case_ids::find(ids_, &detail::case_ids::shifts, id));
}
auto case_file::find_request(std::string_view id) const -> request_index {
  return request_index(detail::case_ids::find(ids_, &detail::case_ids::requests, id));
}
auto case_file::person_at(std::string_view id) const -> person_index {
  const auto i = find_person(id);
  if (i == no_index) throw case_error("no person `" + std::string(id) + "`");
  return i;
}
auto case_file::shift_at(std::string_view id) const -> shift_index {
  const auto i = find_shift(id);
  if (i == no_index) throw case_error("no shift `" + std::string(id) + "`");
  return i;
}

}  // namespace rulebook
