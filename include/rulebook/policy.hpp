// A policy: an immutable, thread-safe list of rules compiled from YAML, with its calendars; and
// the loaders that read policies and cases.
#pragma once

#include <rulebook/calendar.hpp>
#include <rulebook/error.hpp>
#include <rulebook/finding.hpp>
#include <rulebook/model.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

// Everything declared here is the library's API: exported from librulebook.so (src/ is built hidden).
#pragma GCC visibility push(default)
namespace rulebook {

class rule;           // rulebook/kind.hpp
class kind_registry;  // rulebook/kind.hpp

namespace detail {
struct policy_data;  // src/: the rules, calendar, names and clause texts
}  // namespace detail

/// The names a policy knows; a case that uses another is an input error.
struct vocabulary {
  std::vector<std::string> roles;           ///< `agent`, `shift_leader`, …
  std::vector<std::string> grades;          ///< in order, lowest first
  std::vector<std::string> leave_kinds;     ///< `personal`, `sick`, …
  std::vector<std::string> shift_kinds;     ///< `day`, `night`, …
  std::vector<std::string> tiers;           ///< VIP customer tiers
  std::vector<std::string> meeting_types;   ///< `team`, `monthly`, `briefing`, …
  std::vector<std::string> report_types;    ///< `quality_analysis`, `daily`, …
  std::vector<std::string> training_types;  ///< `pre_job`, …

  /// Whether `n` is among `names`.
  [[nodiscard]] static auto has(const std::vector<std::string>& names, std::string_view n) -> bool {
    for (const auto& name : names) {
      if (name == n) return true;
    }
    return false;
  }
};

/// The policy's own words for its names (`labels:`), in English and Chinese: what a report calls a
/// role, a grade, a leave kind, a tier, an effect or a decision. A name with no label in a language
/// falls back to a built-in word (effects, decisions, request types, units), else to the name with
/// `_` as spaces.
struct labels {
  /// The sections `labels:` may have: the vocabulary's lists, and `effects`, `decisions`,
  /// `request_types`, whose names are fixed by the contract.
  static constexpr const char* sections[] = {"roles",   "grades",        "leave_kinds",  "shift_kinds",
                                             "tiers",   "meeting_types", "report_types", "training_types",
                                             "effects", "decisions",     "request_types"};
  /// One name's words: `section` and `name` as the policy writes them, `en` and `zh` (either may be empty).
  struct entry {
    std::string section, name, en, zh;
  };
  std::vector<entry> entries;  ///< in the policy's order; a few dozen, looked up by a scan

  /// The policy's word for `name` in `section` in language `l`, or nullptr when it gives none.
  [[nodiscard]] auto find(std::string_view section, std::string_view name, lang l) const -> const std::string*;
  /// The word for `name` in `section`: the policy's, else the built-in one, else `name` with `_` as spaces.
  [[nodiscard]] auto word(std::string_view section, const std::string& name, lang l) const -> std::string;
};

/// A rule's `when:`: which requests, employees and shifts it looks at. Empty lists match anything.
/// The engine applies it; kinds do not.
struct condition {
  std::vector<request_type> requests;    ///< the request types it judges
  std::vector<std::string> leave_kinds;  ///< the leave kinds it judges
  std::vector<std::string> shift_kinds;  ///< `night` also matches a shift that is night by its times
  std::optional<bool> holiday;           ///< the shift starts on a holiday
  std::optional<bool> swapped;           ///< the shift came to its owner by a swap or return
  std::vector<std::string> roles;        ///< the employee's role
  std::vector<std::string> grades;       ///< the employee's grade
  std::vector<std::string> to_grades;    ///< the grade a promotion request asks for

  friend auto operator==(const condition&, const condition&) -> bool = default;

  /// Whether `r` (its type, leave kind, target grade and employee) is selected.
  [[nodiscard]] auto matches_request(const request& r, const case_file& c) const -> bool;
  /// Whether person `p` (role and grade) is selected.
  [[nodiscard]] auto matches_person(const person& p) const -> bool;
  /// Whether `when:` names anything about people.
  [[nodiscard]] auto filters_people() const -> bool { return !roles.empty() || !grades.empty(); }
  /// Whether `when:` names anything about shifts.
  [[nodiscard]] auto filters_shifts() const -> bool {
    return !shift_kinds.empty() || holiday.has_value() || swapped.has_value();
  }
};

/// What every rule has, whatever its kind.
struct rule_header {
  std::string id;      ///< the policy's rule id, e.g. `leave-notice-personal`
  std::string clause;  ///< the rulebook clause it cites, e.g. `leave.2`
  std::string kind;    ///< the kind's registered name
  /// The effect the rule's findings carry.
  rulebook::effect effect = effect::warning;
  std::vector<std::string> approvers;  ///< roles whose valid approval lifts a `needs_approval`
  condition when;                      ///< applied by the engine
  /// `overrides:`: rules this one replaces wherever it applies (an exception to a general rule:
  /// "seniors may swap 4 times a month" next to the cap of 2).
  std::vector<std::string> overrides;
  /// `instead_of:`: rules whose findings give way to this rule's, subject by subject (an either/or
  /// clause: too late → rejected, otherwise → needs approval).
  std::vector<std::string> instead_of;
  std::vector<std::uint32_t> overridden_by;  ///< the rules whose `overrides:` name this one
  std::vector<std::uint32_t> replaced_by;    ///< the rules whose `instead_of:` name this one
  std::string description;                   ///< the policy's description of the rule
  std::string message_en;  ///< the policy's own message template, if it gives one (`message: {en: …}`)
  std::string message_zh;  ///< the same in Chinese
  /// The policy's names, for a kind that checks names among its parameters while it is built.
  const rulebook::vocabulary* vocabulary = nullptr;
  /// The policy's words for its names (`labels:`), for messages; nullptr for a rule built in code.
  const rulebook::labels* labels = nullptr;
  source_position where;    ///< where the rule is written
  std::uint32_t index = 0;  ///< position in the policy
};

/// A compiled policy. Cheap to copy (it shares its immutable data); safe to judge with concurrently.
/// A default-constructed policy has no rules.
class policy {
 public:
  /// A policy with no rules.
  policy();
  /// A policy over compiled data (the loaders make these).
  explicit policy(std::shared_ptr<const detail::policy_data> data) : data_(std::move(data)) {}

  /// The policy's `name`.
  [[nodiscard]] auto name() const -> const std::string&;
  /// The policy's `version`.
  [[nodiscard]] auto version() const -> const std::string&;
  /// `sha256:` of every file the policy was read from, in order.
  [[nodiscard]] auto digest() const -> const std::string&;
  /// Every rule, in policy order (include <rulebook/kind.hpp> to look inside one).
  [[nodiscard]] auto rules() const -> std::span<const std::unique_ptr<const rule>>;
  /// Rule `i` in policy order.
  [[nodiscard]] auto rule_at(std::uint32_t i) const -> const rule&;
  /// What every rule has (id, clause, effect, `when:`) of rule `i` in policy order.
  [[nodiscard]] auto header_at(std::uint32_t i) const -> const rule_header&;
  /// The policy's holiday calendars, merged.
  [[nodiscard]] auto calendar() const -> const rulebook::calendar&;
  /// The names a case may use.
  [[nodiscard]] auto vocabulary() const -> const rulebook::vocabulary&;
  /// The policy's title in language `l` (`title:` of the policy header), or its name.
  [[nodiscard]] auto title(lang l) const -> std::string;
  /// The policy's words for its names (`labels:`).
  [[nodiscard]] auto labels() const -> const rulebook::labels&;
  /// The word for `name` in `section` (`roles`, `grades`, `leave_kinds`, `tiers`, `effects`, …) in
  /// language `l`: the policy's label, else a built-in word, else the name with `_` as spaces.
  [[nodiscard]] auto label(std::string_view section, const std::string& name, lang l = lang::en) const -> std::string;
  /// The rulebook's own text of clause `id` (from the policy's `clauses:`), or an empty string.
  [[nodiscard]] auto clause_text(const std::string& id, lang l = lang::en) const -> std::string;

 private:
  std::shared_ptr<const detail::policy_data> data_;
};

/// A policy file's name and text, for loading without the file system.
struct policy_text {
  std::string file;  ///< named in messages
  std::string text;  ///< YAML
};

/// The folders where policies are found by name, in order: those in `$RULEBOOK_POLICY_PATH`
/// (separated by `:`), `share/rulebook/policies` beside the program's `bin/`, and the install's
/// `share/rulebook/policies`. Those that exist.
auto policy_dirs() -> std::vector<std::string>;
/// The file of the policy named `name` (`customer-service`, `calendars/cn-2026`) in the first of
/// `policy_dirs()` that has it, or an empty string.
auto find_policy(const std::string& name) -> std::string;

/// Loads and merges the policies in `paths` (a holiday calendar may be one of them), with the
/// built-in rule kinds (see rulebook/kind.hpp for a program's own kinds). An entry that is no file
/// and has no extension is a name, looked up with `find_policy`. Every loader writes its problems
/// in language `l` (`rulebook check --lang zh`).
/// @par Errors Collects every problem (unknown key or kind, wrong unit, duplicate rule id across
///      files, …) into `issues` and returns an empty policy; never throws for bad content.
/// @par Thread safety The result is immutable and may be shared across threads.
auto load_policy(const std::vector<std::string>& paths, std::vector<load_issue>& issues, lang l = lang::en) -> policy;
/// As above; throws `load_error` holding every problem.
auto load_policy(const std::vector<std::string>& paths, lang l = lang::en) -> policy;
/// Compiles policies given as text (calendars they name are read relative to the working directory).
auto parse_policy(const std::vector<policy_text>& texts, std::vector<load_issue>& issues, lang l = lang::en) -> policy;

/// Loads a case file (YAML or JSON) and checks it against `p`'s vocabulary.
/// @par Errors Every problem (unknown key, wrong type, impossible date, end before start,
///      dangling reference, duplicate id, a cycle in `reports_to`) goes to `issues`.
auto load_case(const std::string& path, const policy& p, std::vector<load_issue>& issues, lang l = lang::en)
    -> case_file;
/// As above; throws `load_error` holding every problem.
auto load_case(const std::string& path, const policy& p, lang l = lang::en) -> case_file;
/// Reads a case from text; `file` names it in messages.
auto parse_case(std::string file, std::string text, const policy& p, std::vector<load_issue>& issues, lang l = lang::en)
    -> case_file;

/// Reads one request, in the format of an item of a case's `requests:` (YAML or JSON), naming the
/// people and shifts of `c`: the question a scheduler puts to `session::what_if`. `file` names it
/// in messages.
/// @par Errors Every problem (unknown key, dangling reference, a shift that is not the employee's,
///      an id the case already has, a name `p` does not know) goes to `issues`, and nothing is returned.
auto parse_request(std::string file, std::string text, const case_file& c, const policy& p,
                   std::vector<load_issue>& issues, lang l = lang::en) -> std::optional<request>;

/// A list of a case kept in a CSV file of its own, e.g. a WFM tool's roster export: a header row
/// names the fields, each further row is one record (README, "Lists in CSV files").
struct section_file {
  std::string section;             ///< the list it holds: `people`, `shifts`, `punches`, `away`, `tickets`, …
  std::string path;                ///< the CSV file, as the caller names it (relative to the working directory)
  std::string encoding = "utf-8";  ///< `utf-8`, `gb18030` or `gbk`
  /// Headers renamed to the fields of the case format, e.g. {"工号", "employee"}; an empty field
  /// name leaves the column out.
  std::vector<std::pair<std::string, std::string>> columns{};
};

/// Told how far reading a case has got: `done` bytes of `total` of `file` (a total of 0: not
/// known). Called from the thread that loads, every few megabytes of a JSON case. It refers to a
/// callable, `[&](const std::string& file, std::size_t done, std::size_t total) {…}`, which must
/// outlive the call to `load_case`; it costs no allocation (and this header no <functional>).
class load_progress {
 public:
  /// Tells nobody.
  load_progress() = default;
  /// Tells `f`, which is kept by reference.
  template <typename F>
  requires(!std::is_same_v<std::remove_cvref_t<F>, load_progress>)
      load_progress(const F& f)  // NOLINT(google-explicit-constructor): passed where a callback is expected
      : callee_(&f), call_([](const void* callee, const std::string& file, std::size_t done, std::size_t total) {
          (*static_cast<const F*>(callee))(file, done, total);
        }) {}
  /// A temporary would be gone before it is told: keep the callable in a variable.
  template <typename F>
  requires(!std::is_same_v<std::remove_cvref_t<F>, load_progress>) load_progress(const F&& f)
  = delete;
  /// Whether anyone is told.
  explicit operator bool() const { return call_ != nullptr; }
  /// Tells the callee.
  void operator()(const std::string& file, std::size_t done, std::size_t total) const {
    if (call_ != nullptr) call_(callee_, file, done, total);
  }

 private:
  const void* callee_ = nullptr;
  void (*call_)(const void*, const std::string&, std::size_t, std::size_t) = nullptr;
};

/// Loads the case at `path` (or none, when `path` is empty) with the lists `files` names read from
/// their CSV files: each replaces the case's own list of that name, or adds it. `progress`, when
/// given, is told how far reading has got.
/// @par Errors As `load_case`; problems inside a CSV file name that file, line and column.
auto load_case(const std::string& path, std::span<const section_file> files, const policy& p,
               std::vector<load_issue>& issues, const load_progress& progress = {}, lang l = lang::en) -> case_file;

/// Checks a case built in code against `p`: an index out of range (a ticket's receiver, a
/// request's approver, …) or missing where one is needed (a leave's `submitted_by`), names the
/// policy does not know, a cycle in the chain of command, a leave on someone else's shift.
/// Positions are filled in where the case has them. The loaders and `judge` and `session` run it;
/// the last two throw `case_error` holding what it finds.
/// @par Complexity Linear in the size of the case.
auto validate_case(const case_file& c, const policy& p, lang l = lang::en) -> std::vector<load_issue>;

/// Things that are legal in `p` but suspicious, as warnings with their places: a `when:` that can
/// never match or has no effect, and a rule another always shadows.
[[nodiscard]] auto lint_policy(const policy& p) -> std::vector<load_issue>;
/// As above, the warnings in language `l` (`rulebook lint --lang zh`).
[[nodiscard]] auto lint_policy(const policy& p, lang l) -> std::vector<load_issue>;

}  // namespace rulebook
#pragma GCC visibility pop
