// Helpers the rule kinds share: reading parameters and writing messages.
#pragma once

#include <rulebook/kind.hpp>

#include "../engine/render.hpp"
#include "../words.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <fmt/format.h>

#include <memory>
#include <optional>
#include <string>

namespace rulebook::detail {

/// A kind of name, as messages call it in each language: `{"role", "角色"}`.
struct noun {
  std::string_view en, zh;
};

/// Names in backticks as Chinese lists choices: "`a`、`b`或`c`".
template <typename Names>
inline auto zh_choices(const Names& names) -> std::string {
  std::string out;
  std::size_t i = 0;
  for (const auto& n : names) {
    out += i == 0 ? "" : i + 1 == std::size(names) ? "或" : "、";
    out += '`';
    out += n;
    out += '`';
    ++i;
  }
  return out;
}

/// Reads a duration parameter; `fallback` when absent and optional.
inline auto duration_param(field_reader& params, std::string_view key, std::optional<duration> fallback = {})
    -> std::optional<duration> {
  const auto* n = fallback ? params.optional(key) : params.required(key);
  if (n == nullptr) return fallback;
  return params.reader().duration_value(*n, params.what_of(key));
}

/// Reads a boolean parameter with a default.
inline auto bool_param(field_reader& params, std::string_view key, bool fallback) -> std::optional<bool> {
  const auto* n = params.optional(key);
  if (n == nullptr) return fallback;
  return params.reader().boolean(*n, params.what_of(key));
}

/// Reads one of `choices`; the first is the default.
inline auto choice_param(field_reader& params, std::string_view key, const std::vector<std::string>& choices)
    -> std::optional<std::string> {
  const auto* n = params.optional(key);
  if (n == nullptr) return choices.front();
  auto& rd = params.reader();
  auto t = rd.text(*n, params.what_of(key));
  if (!t) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), *t) == choices.end()) {
    std::string list;
    for (const auto& c : choices) list += (list.empty() ? "`" : ", `") + c + "`";
    const auto hint = did_you_mean(*t, choices, rd.language());
    rd.error(*n, rd.pick("`" + std::string(key) + "` of " + params.what() + " must be one of " + list + ", not `" + *t +
                             "`" + hint,
                         params.what_of(key) + "必须是" + zh_choices(choices) + "，不能是`" + *t + "`" + hint));
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
  std::vector<std::string> names;
  for (auto e : allowed) {
    list += (list.empty() ? "`" : ", `") + std::string(to_string(e)) + "`";
    names.emplace_back(to_string(e));
  }
  const auto* n = params.node().find("effect");
  auto& rd = params.reader();
  rd.error(n ? *n : params.node(),
           rd.pick("rule kind `" + h.kind + "` takes the effect " + list + ", not `" + to_string(h.effect) + "`",
                   "规则种类`" + h.kind + "`的效力只能是" + zh_choices(names) + "，不能是`" +
                       std::string(to_string(h.effect)) + "`"));
  return false;
}

/// `24h`, `1h05min`, or "10min after" for a negative notice.
inline auto human(duration d) -> std::string { return format_duration(d.is_negative() ? d.invert_sign() : d); }

/// A role as words in the language asked for, from the policy's `labels.roles`: "shift leader", 值班长.
inline auto role_name(const rule_header& h, const std::string& role, lang l) -> std::string {
  return role_words(h.labels, role, l);
}

/// The role word of `employee`'s leader (the next one up the chain), in Chinese: what the policy
/// calls a shift leader (班长, 团队经理); 上级 when there is none.
inline auto leader_word(const rule_header& h, const message_context& m, person_index employee) -> std::string {
  const auto up = employee == no_index ? person_index(no_index) : m.c.people[employee].superior();
  if (up == no_index || m.c.people[up].role.empty()) return "上级";
  return role_words(h.labels, m.c.people[up].role, lang::zh);
}

/// A grade as words, from the policy's `labels.grades`: "intermediate", 中级工.
inline auto grade_name(const rule_header& h, const std::string& grade, lang l) -> std::string {
  return words::name_word(h.labels, "grades", grade, l);
}

/// A name of `section` (`tiers`, `leave_kinds`, …) as words, from the policy's `labels:`.
inline auto label(const rule_header& h, std::string_view section, const std::string& name, lang l) -> std::string {
  return words::name_word(h.labels, section, name, l);
}

/// Whether `name` is one of the policy's `known` names (an empty list knows every name); reports
/// an unknown one at `at`, with a "did you mean".
inline auto known_name(field_reader& params, const source_node& at, const std::string& name,
                       const std::vector<std::string>& known, noun what) -> bool {
  if (known.empty() || std::find(known.begin(), known.end(), name) != known.end()) return true;
  auto& rd = params.reader();
  const auto hint = did_you_mean(name, known, rd.language());
  rd.error(at, rd.pick("unknown " + std::string(what.en) + " `" + name + "` in " + params.what() + hint,
                       params.what() + "中有未知的" + std::string(what.zh) + "`" + name + "`" + hint));
  return false;
}

/// Reads a whole number parameter from `min` to `max`.
inline auto count_param(field_reader& params, std::string_view key, std::int64_t min,
                        std::optional<std::int64_t> fallback = {},
                        std::int64_t max = std::numeric_limits<std::int64_t>::max()) -> std::optional<std::int64_t> {
  const auto* n = fallback ? params.optional(key) : params.required(key);
  if (n == nullptr) return fallback;
  return params.reader().integer(*n, params.what_of(key), min, max);
}

/// "Personal leave", "Sick leave", "Swap", 事假, 换班, …, for message openings: a leave by its kind's
/// label (`labels.leave_kinds`, which names the leave: `personal: {en: personal leave, zh: 事假}`).
inline auto request_name(const rule_header& h, const request& r, lang l) -> std::string {
  if (const auto* lv = r.leave()) {
    const auto* w = h.labels != nullptr ? h.labels->find("leave_kinds", lv->kind, l) : nullptr;
    std::string k = w != nullptr
                        ? *w
                        : words::name_word(nullptr, "leave_kinds", lv->kind, l) + (l == lang::zh ? "假" : " leave");
    if (l != lang::zh && !k.empty()) k[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(k[0])));
    return k;
  }
  if (r.swap()) return l == lang::zh ? words::request_type_word(h.labels, request_type::swap, l) : "Swap";
  return l == lang::zh ? words::request_type_word(h.labels, request_type::promotion, l) + "申请" : "Promotion";
}

}  // namespace rulebook::detail
