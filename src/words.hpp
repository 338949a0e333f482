// Private: people, times, lengths, lists and the words for names, written for people in English or
// Chinese. Every message and writer takes its words from here, so each has one reading.
//
// English keeps the case's own notation (`E001`, `2026-03-04T12:00`, `24h`). Chinese is written as
// a Chinese HR officer writes it: 张三（E001）, 2026年3月4日 12:00, 24小时, 甲、乙和丙. A length is
// in 小时 and 分钟 below 7 days, as the rulebook states its limits (提前24小时, 72小时内), and in
// 天 from 7 days on, as `format_duration` switches to `d`: 59分钟, 1小时, 1小时5分钟, 72小时, 7天.
#pragma once

#include <rulebook/finding.hpp>
#include <rulebook/model.hpp>
#include <rulebook/policy.hpp>
#include <rulebook/time.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace rulebook::words {

/// A length of time, its sign dropped: `24h`, `1h05min`; 24小时, 1小时5分钟, 7天.
auto length(const duration& d, lang l) -> std::string;
/// A whole number of minutes: `20 minutes`; 20分钟 (or 1小时5分钟 from an hour on).
auto minutes(std::int64_t n, lang l) -> std::string;
/// A day: `2026-03-04`; 2026年3月4日.
auto day(const date& d, lang l) -> std::string;
/// A moment: `2026-03-04T12:00`; 2026年3月4日 12:00.
auto time(const time_point& t, lang l) -> std::string;
/// The time of day of a moment: `08:40`, both languages.
auto clock(const time_point& t) -> std::string;
/// A month: `2026-03`; 2026年3月.
auto month(const rulebook::month& m, lang l) -> std::string;
/// A person: `E001`; 张三（E001） when the case gives a name, else E001.
auto person(const rulebook::person& p, lang l) -> std::string;
/// Person `i` of `c`, or `?`.
auto person(const case_file& c, person_index i, lang l) -> std::string;
/// Items as a list: `a, b and c`; 甲、乙和丙.
auto list(const std::vector<std::string>& items, lang l) -> std::string;

/// An effect as words (`labels.effects`, else 违纪 …; in English `violation`, as the contract names it).
auto effect_word(const labels* ls, effect e, lang l) -> std::string;
/// A decision as words (`labels.decisions`, else 已批准 …; in English `approved`).
auto decision_word(const labels* ls, decision d, lang l) -> std::string;
/// A request type as words (`labels.request_types`, else 请假 …; in English `leave`).
auto request_type_word(const labels* ls, request_type t, lang l) -> std::string;
/// A name of `section` as words: the policy's label, else the name with `_` as spaces.
auto name_word(const labels* ls, std::string_view section, const std::string& name, lang l) -> std::string;

/// An evidence key as words: in English the key itself (as the JSON verdict has it); in Chinese
/// what it measures (`late_minutes` 迟到分钟数), or the key when it is not a built-in kind's.
auto evidence_key(std::string_view key, lang l) -> std::string;

/// Whether `text` has ASCII `,` `;` `:` `(` `)` between two CJK characters (ignoring spaces and
/// digits/letters between them is not done: only the punctuation itself, with CJK on both sides).
auto ascii_punct_between_cjk(std::string_view text) -> bool;

}  // namespace rulebook::words
