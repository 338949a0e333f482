// What the unit tests share: the shipped policy, a case written inline as YAML, and look-ups in
// a verdict by rule id.
#pragma once

#include <rulebook/kind.hpp>
#include <rulebook/rulebook.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace doctest {
/// Error lists print one per line, so a failing check shows the whole `file:line:column: message`.
template <>
struct StringMaker<std::vector<std::string>> {
  static auto convert(const std::vector<std::string>& v) -> String {
    std::string out = "{";
    for (const auto& s : v) out += "\n  \"" + s + "\"";
    return (out + (v.empty() ? "}" : "\n}")).c_str();
  }
};
}  // namespace doctest

namespace rulebook::test {

/// The period a duty finding names: `week 2026-03-02`, `2026-03-02` (a day), `2026-03`, or `-`.
inline auto period_of(const finding& f) -> std::string {
  if (f.subject.week) return "week " + format_date(*f.subject.week);
  if (f.subject.day) return format_date(*f.subject.day);
  if (f.subject.month) return format_month(*f.subject.month);
  return "-";
}

/// A directory of its own for one test's files, removed afterwards; `prefix` names it in the
/// system's temporary directory. The loader tests derive their helpers from it.
class scratch_dir {
 public:
  explicit scratch_dir(const std::string& prefix) {
    std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  scratch_dir(const scratch_dir&) = delete;
  auto operator=(const scratch_dir&) -> scratch_dir& = delete;
  ~scratch_dir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  /// Writes `bytes` as file `name`; its path.
  auto write(const std::string& name, const std::string& bytes) const -> std::string {
    auto p = (path_ / name).string();
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  /// The path of file `name` in it.
  [[nodiscard]] auto path(const std::string& name) const -> std::string { return (path_ / name).string(); }

 protected:
  std::filesystem::path path_;  // NOLINT(misc-non-private-member-variables-in-classes): the derived helpers' base
};

/// policies/customer-service.yaml, loaded once.
/// The text of `path`, relative to the source tree (`examples/march-2026.yaml`).
inline auto source_file(const std::string& path) -> std::string {
  std::ifstream in(std::string(RULEBOOK_SOURCE_DIR) + "/" + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline auto shipped_policy() -> const policy& {
  static const policy p = [] {
    std::vector<load_issue> issues;
    auto loaded = load_policy({std::string(RULEBOOK_SOURCE_DIR) + "/policies/customer-service.yaml"}, issues);
    for (const auto& i : issues) FAIL(to_string(i));
    return loaded;
  }();
  return p;
}

/// policies/vip-account-managers.yaml, loaded once: the second department's rulebook.
inline auto vip_policy() -> const policy& {
  static const policy p = [] {
    std::vector<load_issue> issues;
    auto loaded = load_policy({std::string(RULEBOOK_SOURCE_DIR) + "/policies/vip-account-managers.yaml"}, issues);
    for (const auto& i : issues) FAIL(to_string(i));
    return loaded;
  }();
  return p;
}

/// The customer-service department's names (roles, grades, leave and shift kinds), for a kind
/// test's own small policy: `test::policy_of("policy: {name: x}\n" + department_vocabulary + "rules: …")`.
inline const std::string department_vocabulary = R"(vocabulary:
  roles: [agent, quality, callback, editorial, shift_leader, department_director, center_director]
  grades: [junior, intermediate, senior]
  leave_kinds: [personal, personal_special, sick, sick_emergency, business]
  shift_kinds: [day, evening, night]
)";

/// A policy compiled from `text` (as file `file`); every issue fails the test.
inline auto policy_of(const std::string& text, const std::string& file = "p.yaml") -> policy {
  std::vector<load_issue> issues;
  auto p = parse_policy({{file, text}}, issues);
  for (const auto& i : issues) FAIL(to_string(i));
  return p;
}

/// The issues of compiling `text` as a policy, each as `file:line:column: message`.
inline auto policy_errors(const std::string& text, const std::string& file = "p.yaml") -> std::vector<std::string> {
  std::vector<load_issue> issues;
  (void)parse_policy({{file, text}}, issues);
  std::vector<std::string> out;
  for (const auto& i : issues) out.push_back(to_string(i));
  return out;
}

/// People for promotion tests: E001 is junior, E004 intermediate, E009 has no grade yet.
inline const std::string grades_org = R"(
people:
  - {id: E001, role: agent, grade: junior, leader: L01}
  - {id: E004, role: agent, grade: intermediate, leader: L01}
  - {id: E009, role: agent, leader: L01}
  - {id: L01, role: shift_leader, reports_to: D01}
  - {id: D01, role: department_director}
)";

/// A case of `grades_org`, one promotion request R1 of `who` to `to`, and `rest` (assessments, …).
inline auto promotion_case(const std::string& who, const std::string& to, const std::string& rest = "",
                           const std::string& submitted_at = "2026-03-05T09:00") -> std::string {
  return grades_org + "requests:\n  - {id: R1, type: promotion, employee: " + who + ", to_grade: " + to +
         ", submitted_at: " + submitted_at + "}\n" + rest;
}

/// The people most cases need: two agents under L01, a second team under L02, and the directors.
inline const std::string org = R"(
people:
  - {id: E001, name: 张三, role: agent, grade: junior, leader: L01, seat: A12}
  - {id: E002, name: 李四, role: agent, grade: junior, leader: L01, seat: A13}
  - {id: E003, role: agent, grade: junior, leader: L02}
  - {id: L01, role: shift_leader, reports_to: D01}
  - {id: L02, role: shift_leader, reports_to: D01}
  - {id: D01, role: department_director, reports_to: C01}
  - {id: C01, role: center_director}
)";

/// E001's roster for leave tests: two day shifts, a night shift and a shift on Labour Day.
inline const std::string roster = R"(
shifts:
  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00, kind: day}
  - {id: S2, employee: E001, start: 2026-03-03T08:00, end: 2026-03-03T17:00, kind: day}
  - {id: SN, employee: E001, start: 2026-03-04T22:00, end: 2026-03-05T06:00, kind: night}
  - {id: SH, employee: E001, start: 2026-05-01T08:00, end: 2026-05-01T17:00, kind: day}
  - {id: T1, employee: E002, start: 2026-03-02T08:00, end: 2026-03-02T17:00, kind: day}
)";

/// A case of `org`, `roster` and one request (written as the body of a list item).
inline auto with_request(const std::string& request_yaml) -> std::string {
  return org + roster + "requests:\n  - " + request_yaml + "\n";
}

/// People for swap tests: E001, E002 and E004 under L01; E003 under L02; E004 is intermediate;
/// Q01 works quality, not the phones.
inline const std::string swap_org = R"(
people:
  - {id: E001, role: agent, grade: junior, leader: L01, seat: A12}
  - {id: E002, role: agent, grade: junior, leader: L01, seat: A13}
  - {id: E003, role: agent, grade: junior, leader: L02}
  - {id: E004, role: agent, grade: intermediate, leader: L01}
  - {id: Q01, role: quality, grade: junior, leader: L01}
  - {id: L01, role: shift_leader, reports_to: D01}
  - {id: L02, role: shift_leader, reports_to: D01}
  - {id: D01, role: department_director, reports_to: C01}
  - {id: C01, role: center_director}
)";

/// A day shift `id` of `who` from 08:00 to 17:00 on `day`, as a YAML list item.
inline auto day_shift(const std::string& id, const std::string& who, const std::string& day) -> std::string {
  return "  - {id: " + id + ", employee: " + who + ", start: " + day + "T08:00, end: " + day + "T17:00, kind: day}\n";
}

/// A swap request as a YAML list item, complete (reason, form, both leaders) unless `extra` overrides.
inline auto swap(const std::string& id, const std::string& who, const std::string& other, const std::string& give,
                 const std::string& submitted_at, const std::string& extra = "") -> std::string {
  return "  - {id: " + id + ", type: swap, employee: " + who + ", counterpart: " + other + ", give: " + give +
         ", submitted_at: " + submitted_at +
         (extra.find("reason") == std::string::npos ? ", reason: clinic visit" : "") +
         (extra.find("form_filed") == std::string::npos ? ", form_filed: true" : "") +
         (extra.find("approvals") == std::string::npos
              ? ", approvals: [{by: L01, at: " + submitted_at + "}, {by: L02, at: " + submitted_at + "}]"
              : "") +
         extra + "}\n";
}

/// Parses `yaml` as a case under `p`; every issue fails the test.
inline auto case_of(const std::string& yaml, const policy& p = shipped_policy()) -> case_file {
  std::vector<load_issue> issues;
  auto c = parse_case("case.yaml", yaml, p, issues);
  for (const auto& i : issues) FAIL(to_string(i));
  return c;
}

/// The issues of loading `yaml` as a case, each as `file:line:column: message`.
inline auto case_errors(const std::string& yaml, const policy& p = shipped_policy()) -> std::vector<std::string> {
  std::vector<load_issue> issues;
  (void)parse_case("case.yaml", yaml, p, issues);
  std::vector<std::string> out;
  for (const auto& i : issues) out.push_back(to_string(i));
  return out;
}

/// A judged case, kept together so findings can be looked up and messages rendered.
struct judged {
  case_file c;
  rulebook::verdict v;

  explicit judged(const std::string& yaml, const policy& p = shipped_policy()) : c(case_of(yaml, p)), v(judge(p, c)) {}

  /// The verdict of request `id`.
  [[nodiscard]] auto request(const std::string& id) const -> const request_verdict& {
    const auto i = c.find_request(id);
    REQUIRE_MESSAGE(i != no_index, "no request " << id);
    return v.requests.at(i);
  }
  [[nodiscard]] auto decision_of(const std::string& id) const -> rulebook::decision { return request(id).decision; }
  /// The findings of request `id` made by rule `rule_id`.
  [[nodiscard]] auto findings_of(const std::string& id, const std::string& rule_id) const -> std::vector<finding> {
    std::vector<finding> out;
    for (const auto& f : request(id).findings) {
      if (v.rule_of(f).header().id == rule_id) out.push_back(f);
    }
    return out;
  }
  /// The conduct findings made by rule `rule_id`.
  [[nodiscard]] auto conduct(const std::string& rule_id) const -> std::vector<finding> {
    std::vector<finding> out;
    for (const auto& f : v.findings) {
      if (v.rule_of(f).header().id == rule_id) out.push_back(f);
    }
    return out;
  }
  /// The conduct findings of every rule but `rule_ids` (the monthly monitoring warnings a case
  /// with no `monitoring:` draws, when a test is about something else).
  [[nodiscard]] auto conduct_but(std::initializer_list<std::string_view> rule_ids) const -> std::vector<finding> {
    std::vector<finding> out;
    for (const auto& f : v.findings) {
      const auto& id = v.rule_of(f).header().id;
      if (std::find(rule_ids.begin(), rule_ids.end(), id) == rule_ids.end()) out.push_back(f);
    }
    return out;
  }
  [[nodiscard]] auto message(const finding& f, lang l = lang::en) const -> std::string { return v.message(f, c, l); }
  [[nodiscard]] auto json() const -> std::string {
    std::ostringstream out;
    write_json(out, v, c);
    return out.str();
  }
};

/// Sets a test seam `var` to `value` while the guard lives, and back when it goes, also when the
/// test fails part-way.
template <typename T>
class set_for_test {
 public:
  set_for_test(T& var, T value) : var_(&var), old_(std::exchange(var, std::move(value))) {}
  set_for_test(const set_for_test&) = delete;
  auto operator=(const set_for_test&) -> set_for_test& = delete;
  ~set_for_test() { *var_ = std::move(old_); }

 private:
  T* var_;
  T old_;
};

}  // namespace rulebook::test
