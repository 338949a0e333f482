// The case's own bookkeeping: id tables and the per-employee roster index, kept by `add_*`.
#include <rulebook/model.hpp>

#include "id_table.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace rulebook {

case_file::case_file() : ids_(std::make_unique<detail::case_ids>()) {}
case_file::~case_file() = default;
case_file::case_file(const case_file& other)
    : file(other.file), period(other.period), calendar(other.calendar), people(other.people), shifts(other.shifts),
      punches(other.punches), away(other.away), requests(other.requests), assessments(other.assessments),
      tickets(other.tickets), callbacks(other.callbacks), monitoring(other.monitoring), accounts(other.accounts),
      meetings(other.meetings), reports(other.reports), trainings(other.trainings), sections(other.sections),
      list_files(other.list_files), ids_(other.ids_ ? std::make_unique<detail::case_ids>(*other.ids_) : nullptr),
      shifts_of_(other.shifts_of_), punch_of_(other.punch_of_) {}
case_file::case_file(case_file&& other) noexcept = default;
auto case_file::operator=(const case_file& other) -> case_file& {
  if (this != &other) *this = case_file(other);
  return *this;
}
auto case_file::operator=(case_file&& other) noexcept -> case_file& = default;

auto case_file::has_section(std::string_view section) const -> bool {
  return std::find(sections.begin(), sections.end(), section) != sections.end();
}

auto case_file::file_of(std::string_view section) const -> const std::string& {
  for (const auto& [list, path] : list_files) {
    if (list == section) return path;
  }
  return file;
}

auto case_file::problem_adding(const person& p) const -> add_problem {
  return find_person(p.id) != no_index ? add_problem::duplicate_id : add_problem::none;
}
auto case_file::problem_adding(const shift& s) const -> add_problem {
  if (!people.has(s.employee)) return add_problem::unknown_person;
  if (s.end <= s.start) return add_problem::ends_before_start;
  return find_shift(s.id) != no_index ? add_problem::duplicate_id : add_problem::none;
}
auto case_file::problem_adding(const punch& p) const -> add_problem {
  if (!shifts.has(p.shift)) return add_problem::unknown_shift;
  if (punch_of_[p.shift] != no_punch) return add_problem::punched_twice;
  return p.in && p.out && *p.out < *p.in ? add_problem::out_before_in : add_problem::none;
}
auto case_file::problem_adding(const request& r) const -> add_problem {
  if (!people.has(r.employee)) return add_problem::unknown_person;
  return find_request(r.id) != no_index ? add_problem::duplicate_id : add_problem::none;
}

auto case_file::add_person(person p) -> person_index {
  if (problem_adding(p) != add_problem::none) throw case_error("duplicate person id `" + p.id + "`");
  if (!ids_) ids_ = std::make_unique<detail::case_ids>();  // a moved-from case starts again
  const auto i = people.next_index();
  people.items_.push_back(std::move(p));  // first, so a failed push leaves the table as it was
  ids_->people.add(people.back().id, i.value);
  shifts_of_.emplace_back();
  return i;
}

void case_file::set_superior(person_index who, superior_link link, person_index superior) {
  const std::string key = link == superior_link::leader ? "leader" : "reports_to";
  const auto people_count = [&] {
    return std::to_string(people.size()) + (people.size() == 1 ? " person" : " people");
  };
  if (!people.has(who)) {
    throw case_error(who == no_index ? "set_superior names no person: no person index is set"
                                     : "set_superior names person index " + std::to_string(who.value) +
                                           ", but the case has " + people_count());
  }
  const auto& id = people[who].id;
  if (superior != no_index && !people.has(superior)) {
    throw case_error("`" + key + "` of person `" + id + "` would be person index " + std::to_string(superior.value) +
                     ", but the case has " + people_count());
  }
  if (superior == who) throw case_error("person `" + id + "` cannot be their own `" + key + "`");
  auto& p = people.items_[who];
  (link == superior_link::leader ? p.leader : p.reports_to) = superior;
}

namespace {
// Room for one more in `v`, growing as push_back would: what follows cannot throw on it.
template <typename V>
void room_for_one(V& v) {
  if (v.size() == v.capacity()) v.reserve(std::max<std::size_t>(16, v.capacity() * 2));
}
}  // namespace

auto case_file::add_shift(shift s) -> shift_index {
  if (!people.has(s.employee)) throw case_error("shift `" + s.id + "` refers to a person who does not exist");
  if (s.end <= s.start) throw case_error("shift `" + s.id + "` ends before it starts");
  if (!ids_) ids_ = std::make_unique<detail::case_ids>();
  const auto i = shifts.next_index();
  auto& own = shifts_of_[s.employee];
  // The id is looked up and added in one go; a duplicate leaves the case as it was. Then room for
  // the shift (should there be no memory, the id is taken back out), and nothing after can fail.
  if (ids_->shifts.add_unless_there(s.id, i.value, [&](std::uint32_t j) -> std::string_view {
        return shifts[shift_index(j)].id;
      }) != detail::id_table::none) {
    throw case_error("duplicate shift id `" + s.id + "`");
  }
  try {
    room_for_one(shifts.items_);
    room_for_one(own);
    room_for_one(punch_of_);
  } catch (...) {
    ids_->shifts.undo_last(s.id, i.value);
    throw;
  }
  shifts.items_.push_back(std::move(s));
  const auto& added = shifts.back();
  // Rosters are mostly written in time order: a shift after its employee's last is appended.
  if (own.empty() || !(added.start < shifts[own.back()].start)) {
    own.push_back(i);
  } else {
    const auto pos = std::upper_bound(own.begin(), own.end(), added.start,
                                      [&](const time_point& t, shift_index j) { return t < shifts[j].start; });
    own.insert(pos, i);
  }
  punch_of_.push_back(no_punch);
  return i;
}

auto case_file::add_punch(punch p) -> std::uint32_t {
  switch (problem_adding(p)) {
    case add_problem::unknown_shift: throw case_error("punch for a shift that does not exist");
    case add_problem::punched_twice: throw case_error("shift `" + shifts[p.shift].id + "` has punches recorded twice");
    case add_problem::out_before_in: throw case_error("punch-out before punch-in for `" + shifts[p.shift].id + "`");
    default: break;
  }
  const auto i = static_cast<std::uint32_t>(punches.size());
  punches.items_.push_back(p);  // first, so a failed push leaves the record as it was
  punch_of_[p.shift] = i;
  return i;
}

auto case_file::add_request(request r) -> request_index {
  if (!people.has(r.employee)) throw case_error("request `" + r.id + "` refers to a person who does not exist");
  if (!ids_) ids_ = std::make_unique<detail::case_ids>();
  const auto i = requests.next_index();
  if (ids_->requests.add_unless_there(r.id, i.value, [&](std::uint32_t j) -> std::string_view {
        return requests[request_index(j)].id;
      }) != detail::id_table::none) {
    throw case_error("duplicate request id `" + r.id + "`");  // as for a shift: nothing changed
  }
  try {
    room_for_one(requests.items_);
  } catch (...) {
    ids_->requests.undo_last(r.id, i.value);
    throw;
  }
  requests.items_.push_back(std::move(r));
  return i;
}

// A moved-from case has no tables: it finds nothing.
auto case_file::find_person(std::string_view id) const -> person_index {
  if (!ids_) return no_index;
  return person_index(ids_->people.find(id, [&](std::uint32_t j) -> std::string_view {
    return people[person_index(j)].id;
  }));
}
auto case_file::find_shift(std::string_view id) const -> shift_index {
  if (!ids_) return no_index;
  return shift_index(ids_->shifts.find(id,
                                       [&](std::uint32_t j) -> std::string_view { return shifts[shift_index(j)].id; }));
}
auto case_file::find_request(std::string_view id) const -> request_index {
  if (!ids_) return no_index;
  return request_index(ids_->requests.find(id, [&](std::uint32_t j) -> std::string_view {
    return requests[request_index(j)].id;
  }));
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
