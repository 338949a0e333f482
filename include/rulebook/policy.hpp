// A policy: an immutable, thread-safe list of rules compiled from YAML, with its calendars.
#pragma once

#include <rulebook/calendar.hpp>
#include <rulebook/error.hpp>
#include <rulebook/rule.hpp>

#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace rulebook {

namespace detail {
struct policy_data {
  std::string name;
  std::string version;
  std::string digest;  ///< `sha256:` of every file the policy was read from, in order
  std::vector<std::unique_ptr<const rule>> rules;
  rulebook::calendar calendar;
  rulebook::vocabulary vocabulary;
  std::map<std::string, std::pair<std::string, std::string>> clause_texts;  ///< clause id → {en, zh}
};
}  // namespace detail

/// A compiled policy. Cheap to copy (it shares its immutable data); safe to judge with concurrently.
class policy {
 public:
  policy() : data_(std::make_shared<detail::policy_data>()) {}
  explicit policy(std::shared_ptr<const detail::policy_data> data) : data_(std::move(data)) {}

  [[nodiscard]] auto name() const -> const std::string& { return data_->name; }
  [[nodiscard]] auto version() const -> const std::string& { return data_->version; }
  [[nodiscard]] auto digest() const -> const std::string& { return data_->digest; }
  [[nodiscard]] auto rules() const -> std::span<const std::unique_ptr<const rule>> { return data_->rules; }
  [[nodiscard]] auto rule_at(std::uint32_t i) const -> const rule& { return *data_->rules.at(i); }
  [[nodiscard]] auto calendar() const -> const rulebook::calendar& { return data_->calendar; }
  [[nodiscard]] auto vocabulary() const -> const rulebook::vocabulary& { return data_->vocabulary; }
  /// The rulebook's own text of clause `id` (from the policy's `clauses:`), or an empty string.
  [[nodiscard]] auto clause_text(const std::string& id, lang l = lang::en) const -> std::string {
    auto it = data_->clause_texts.find(id);
    if (it == data_->clause_texts.end()) return {};
    return l == lang::zh && !it->second.second.empty() ? it->second.second : it->second.first;
  }

 private:
  std::shared_ptr<const detail::policy_data> data_;
};

/// A policy file's name and text, for loading without the file system.
struct policy_text {
  std::string file;
  std::string text;
};

/// Loads and merges the policies in `paths` (a holiday calendar may be one of them).
/// @par Errors Collects every problem (unknown key or kind, wrong unit, duplicate rule id across
///      files, …) into `issues` and returns an empty policy; never throws for bad content.
/// @par Thread safety The result is immutable and may be shared across threads.
auto load_policy(const std::vector<std::string>& paths, std::vector<load_issue>& issues,
                 const kind_registry& kinds = kind_registry::builtin()) -> policy;
/// As above; throws `load_error` holding every problem.
auto load_policy(const std::vector<std::string>& paths, const kind_registry& kinds = kind_registry::builtin())
    -> policy;
/// Compiles policies given as text (calendars they name are read relative to the working directory).
auto parse_policy(const std::vector<policy_text>& texts, std::vector<load_issue>& issues,
                  const kind_registry& kinds = kind_registry::builtin()) -> policy;

/// Loads a case file (YAML or JSON) and checks it against `p`'s vocabulary.
/// @par Errors Every problem (unknown key, wrong type, impossible date, end before start,
///      dangling reference, duplicate id, a cycle in `reports_to`) goes to `issues`.
auto load_case(const std::string& path, const policy& p, std::vector<load_issue>& issues) -> case_file;
/// As above; throws `load_error` holding every problem.
auto load_case(const std::string& path, const policy& p) -> case_file;
/// Reads a case from text; `file` names it in messages.
auto parse_case(std::string file, std::string text, const policy& p, std::vector<load_issue>& issues) -> case_file;

/// Reads a case from an already parsed document node (e.g. a case written inline in a test file).
auto case_from_source(const std::string& file, const source_node& root, const policy& p,
                      std::vector<load_issue>& issues) -> case_file;

/// Checks a case built in code against `p`: names the policy does not know, a cycle in the chain
/// of command, a leave on someone else's shift. Positions are filled in where the case has them.
auto validate_case(const case_file& c, const policy& p) -> std::vector<load_issue>;

}  // namespace rulebook

namespace rulebook {

/// Things that are legal in `p` but suspicious, as warnings with their places: a `when:` that can
/// never match or has no effect, and a rule another always shadows.
[[nodiscard]] inline auto lint_policy(const policy& p) -> std::vector<load_issue> {
  std::vector<load_issue> out;
  auto warn = [&](const rule_header& h, std::string message) { out.push_back({h.where, {}, "warning: " + message}); };
  for (const auto& r : p.rules()) {
    const auto& h = r->header();
    const auto& w = h.when;
    const bool requests = r->judges(request_type::leave) || r->judges(request_type::swap) ||
                          r->judges(request_type::promotion);
    if (requests && !w.requests.empty() &&
        std::none_of(w.requests.begin(), w.requests.end(), [&](request_type t) { return r->judges(t); })) {
      warn(h, "`when` of rule `" + h.id + "` names requests that kind `" + h.kind + "` never judges: it can never match");
    } else if (!w.leave_kinds.empty() && !w.requests.empty() &&
               std::find(w.requests.begin(), w.requests.end(), request_type::leave) == w.requests.end()) {
      warn(h, "`when` of rule `" + h.id + "` names leave kinds but no leave requests: it can never match");
    } else if (!w.to_grades.empty() && ((!w.requests.empty() && std::find(w.requests.begin(), w.requests.end(),
                                                                          request_type::promotion) == w.requests.end()) ||
                                        !w.leave_kinds.empty() || (requests && !r->judges(request_type::promotion)))) {
      warn(h, "`when` of rule `" + h.id + "` names a grade to promote to but no promotion requests: it can never match");
    } else if (!requests && (!w.requests.empty() || !w.leave_kinds.empty() || !w.to_grades.empty())) {
      warn(h, "`when` of rule `" + h.id + "` names requests, but kind `" + h.kind +
                  "` judges the roster: the condition has no effect");
    }
    if (w.filters_shifts() && !r->looks_at_shifts()) {
      warn(h, "`when` of rule `" + h.id + "` names shifts, but kind `" + h.kind +
                  "` does not look at shifts: the condition has no effect");
    }
  }
  const auto rules = p.rules();
  for (std::size_t b = 0; b < rules.size(); ++b) {
    const auto& hb = rules[b]->header();
    for (std::size_t a = 0; a < rules.size(); ++a) {
      const auto& ha = rules[a]->header();
      if (a == b || ha.kind != hb.kind || !(ha.when == hb.when) || ha.effect != hb.effect || ha.approvers != hb.approvers ||
          !rules[a]->covers(*rules[b])) {
        continue;
      }
      if (rules[b]->covers(*rules[a]) && a > b) continue;  // identical: warn on the later one only
      warn(hb, "rule `" + hb.id + "` is shadowed by rule `" + ha.id + "` (" + ha.where.file + ":" +
                   std::to_string(ha.where.line) + "): whenever it fires, `" + ha.id + "` reports the same");
      break;
    }
  }
  return out;
}

}  // namespace rulebook
