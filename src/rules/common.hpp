// Helpers the rule kinds share: reading parameters and writing messages.
#pragma once

#include <rulebook/kind.hpp>

#include "../engine/render.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <fmt/format.h>

#include <memory>
#include <optional>
#include <string>

namespace rulebook::detail {

/// Reads a duration parameter; `fallback` when absent and optional.
inline auto duration_param(field_reader& params, std::string_view key, std::optional<duration> fallback = {})
    -> std::optional<duration> {
  const auto* n = fallback ? params.optional(key) : params.required(key);
  if (n == nullptr) return fallback;
  return params.reader().duration_value(*n, "`" + std::string(key) + "` of " + params.what());
}

/// Reads a boolean parameter with a default.
inline auto bool_param(field_reader& params, std::string_view key, bool fallback) -> std::optional<bool> {
  const auto* n = params.optional(key);
  if (n == nullptr) return fallback;
  return params.reader().boolean(*n, "`" + std::string(key) + "` of " + params.what());
}

/// Reads one of `choices`; the first is the default.
inline auto choice_param(field_reader& params, std::string_view key, const std::vector<std::string>& choices)
    -> std::optional<std::string> {
  const auto* n = params.optional(key);
  if (n == nullptr) return choices.front();
  auto t = params.reader().text(*n, "`" + std::string(key) + "` of " + params.what());
  if (!t) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), *t) == choices.end()) {
    std::string list;
    for (const auto& c : choices) list += (list.empty() ? "`" : ", `") + c + "`";
    params.reader().error(*n, "`" + std::string(key) + "` of " + params.what() + " must be one of " + list + ", not `" +
                                  *t + "`" + did_you_mean(*t, choices));
    return std::nullopt;
  }
  return t;
}

/// A rule kind that only makes sense with certain effects reports any other.
inline auto require_effect(field_reader& params, const rule_header& h, std::initializer_list<effect> allowed) -> bool {
  for (auto e : allowed) {
    if (h.effect == e) return true;
  }
  std::string list;
  for (auto e : allowed) list += (list.empty() ? "`" : ", `") + std::string(to_string(e)) + "`";
  const auto* n = params.node().find("effect");
  params.reader().error(n ? *n : params.node(),
                        "rule kind `" + h.kind + "` takes the effect " + list + ", not `" + to_string(h.effect) + "`");
  return false;
}

/// `24h`, `1h05min`, or "10min after" for a negative notice.
inline auto human(duration d) -> std::string { return format_duration(d.is_negative() ? d.invert_sign() : d); }

/// A role as words in the language asked for: "department director", 客服部主任.
inline auto role_name(const std::string& role, lang l) -> std::string { return role_words(role, l); }

/// A grade as words: "intermediate", 中级工.
inline auto grade_name(const std::string& grade, lang l) -> std::string {
  if (l == lang::zh) {
    if (grade == "junior") return "初级工";
    if (grade == "intermediate") return "中级工";
    if (grade == "senior") return "高级工";
  }
  return grade;
}

/// Whether `name` is one of the policy's `known` names (an empty list knows every name); reports
/// an unknown one at `at`, with a "did you mean".
inline auto known_name(field_reader& params, const source_node& at, const std::string& name,
                       const std::vector<std::string>& known, std::string_view what) -> bool {
  if (known.empty() || std::find(known.begin(), known.end(), name) != known.end()) return true;
  params.reader().error(at, "unknown " + std::string(what) + " `" + name + "` in " + params.what() +
                                did_you_mean(name, known));
  return false;
}

/// Reads a whole number parameter from `min` to `max`.
inline auto count_param(field_reader& params, std::string_view key, std::int64_t min,
                        std::optional<std::int64_t> fallback = {},
                        std::int64_t max = std::numeric_limits<std::int64_t>::max()) -> std::optional<std::int64_t> {
  const auto* n = fallback ? params.optional(key) : params.required(key);
  if (n == nullptr) return fallback;
  return params.reader().integer(*n, "`" + std::string(key) + "` of " + params.what(), min, max);
}

/// "Personal leave", "Sick leave", "Swap", …, for message openings.
inline auto request_name(const request& r, lang l) -> std::string {
  if (const auto* lv = r.leave()) {
    if (l == lang::zh) {
      if (lv->kind == "personal") return "事假";
      if (lv->kind == "personal_special") return "特殊事假";
      if (lv->kind == "sick") return "病假";
      if (lv->kind == "sick_emergency") return "急诊病假";
      if (lv->kind == "business") return "公假";
      return lv->kind + "假";
    }
    std::string k = lv->kind;
    std::replace(k.begin(), k.end(), '_', ' ');
    if (lv->kind == "personal_special") k = "special personal";
    if (lv->kind == "sick_emergency") k = "emergency sick";
    k[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(k[0])));
    return k + " leave";
  }
  if (r.swap()) return l == lang::zh ? "换班" : "Swap";
  return l == lang::zh ? "晋级申请" : "Promotion";
}

}  // namespace rulebook::detail
