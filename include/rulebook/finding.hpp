// What a rule reports: effects, decisions, and findings with their evidence.
#pragma once

#include <rulebook/lang.hpp>
#include <rulebook/model.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

// Everything declared here is the library's API: exported from librulebook.so (src/ is built hidden).
#pragma GCC visibility push(default)
namespace rulebook {

/// The closed set of effects a finding has (CONTRACT §3).
enum class effect : std::uint8_t { reject, needs_approval, incomplete, late, warning, violation, absenteeism };
/// A request's decision, which follows from its findings.
enum class decision : std::uint8_t { approved, pending, rejected };

/// Every effect, in the order of the contract.
inline constexpr effect all_effects[] = {effect::reject,  effect::needs_approval, effect::incomplete, effect::late,
                                         effect::warning, effect::violation,      effect::absenteeism};

/// `needs_approval`, `absenteeism`, …
[[nodiscard]] inline auto to_string(effect e) -> const char* {
  switch (e) {
    case effect::reject: return "reject";
    case effect::needs_approval: return "needs_approval";
    case effect::incomplete: return "incomplete";
    case effect::late: return "late";
    case effect::warning: return "warning";
    case effect::violation: return "violation";
    case effect::absenteeism: return "absenteeism";
  }
  return "?";
}
/// The effect named `s`, if any.
[[nodiscard]] inline auto parse_effect(std::string_view s) -> std::optional<effect> {
  for (auto e : all_effects) {
    if (s == to_string(e)) return e;
  }
  return std::nullopt;
}
/// `approved`, `pending`, `rejected`.
[[nodiscard]] inline auto to_string(decision d) -> const char* {
  switch (d) {
    case decision::approved: return "approved";
    case decision::pending: return "pending";
    case decision::rejected: return "rejected";
  }
  return "?";
}

/// A shift, named in evidence by its id.
struct shift_ref {
  shift_index index = no_index;  ///< the shift in the case
  friend auto operator==(const shift_ref&, const shift_ref&) -> bool = default;
};
/// A person, named in evidence by their id.
struct person_ref {
  person_index index = no_index;  ///< the person in the case
  friend auto operator==(const person_ref&, const person_ref&) -> bool = default;
};
/// A list of dates, e.g. days no certificate covers.
using date_list = std::vector<date>;

/// One number or name that decided a finding; rendered as JSON only when written.
using evidence_value =
    std::variant<std::int64_t, bool, std::string, shift_ref, person_ref, date, time_point, rulebook::month, date_list>;

/// A named piece of evidence. Keys are string literals owned by the rule kind.
struct evidence_item {
  std::string_view key;  ///< what the value measures, e.g. `notice_hours`
  evidence_value value;  ///< the number or name found
};

/// Whom and what a finding is about.
struct subject {
  person_index employee = no_index;  ///< the person the finding is about
  shift_index shift = no_index;      ///< the shift concerned, if any
  request_index request = no_index;  ///< set on the findings of a request
  /// The month concerned, for monthly rules.
  std::optional<rulebook::month> month;
  /// The week concerned (its Monday), for weekly duties.
  std::optional<date> week;
  /// The day concerned, for daily duties.
  std::optional<date> day;
  time_point at;  ///< the subject's time, which orders findings; `timeless` when there is none
};

/// The `subject.at` of a finding about no moment (a VIP book, a team's size): it sorts first.
inline const time_point timeless{boost::posix_time::neg_infin};

/// One thing a rule found. `rule` indexes the policy's rules.
struct finding {
  /// The rule that found it.
  std::uint32_t rule = 0;
  /// What the finding means for the request or the person.
  rulebook::effect effect = effect::warning;
  std::uint8_t variant = 0;   ///< which of its messages the rule renders (beside `effect`: 8 bytes less)
  std::string approver_role;  ///< with `needs_approval`
  /// Whom and what it is about.
  rulebook::subject subject;
  /// The numbers and names that decided it.
  std::vector<evidence_item> evidence;

  /// The evidence under `key`, or nullptr.
  [[nodiscard]] auto find(std::string_view key) const -> const evidence_value* {
    for (const auto& e : evidence) {
      if (e.key == key) return &e.value;
    }
    return nullptr;
  }
  /// The integer evidence under `key` (0 when absent).
  [[nodiscard]] auto number(std::string_view key) const -> std::int64_t {
    const auto* v = find(key);
    const auto* n = v ? std::get_if<std::int64_t>(v) : nullptr;
    return n ? *n : 0;
  }
};

/// One criterion of a request (a promotion's "typing at least 50 cpm"): what is required, what was
/// found, and whether it holds. Listed in the request's verdict so a reader sees why.
struct criterion {
  std::string name;      ///< language-neutral, as in JSON: `typing_cpm`
  std::string label_zh;  ///< the criterion in Chinese words, for a report in Chinese: 汉字录入(字/分钟)
  std::string test;      ///< how `found` is compared with `required`: `at_least`, `at_most`, `equals`
  /// The threshold the policy sets.
  evidence_value required;
  std::optional<evidence_value> found;  ///< nothing when there was nothing to measure
  /// Whether `found` meets `required`.
  bool holds = false;
  std::uint32_t rule = 0;                  ///< the rule that judged it
  std::optional<rulebook::month> month{};  ///< the assessment month the value comes from
};

/// The decision that follows from a request's findings (CONTRACT §3).
[[nodiscard]] inline auto decide(const std::vector<finding>& findings) -> decision {
  bool pending = false;
  for (const auto& f : findings) {
    if (f.effect == effect::reject) return decision::rejected;
    pending = pending || f.effect == effect::needs_approval || f.effect == effect::incomplete;
  }
  return pending ? decision::pending : decision::approved;
}

}  // namespace rulebook
#pragma GCC visibility pop
