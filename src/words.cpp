// People, times, lengths, lists and the words for names, in English or Chinese (see words.hpp).
#include "words.hpp"

#include <rulebook/kind.hpp>

#include "policy_data.hpp"

#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

namespace rulebook {
namespace {

// The built-in words for the names the contract fixes, in Chinese; English uses the contract's own
// names. A policy's `labels:` overrides either.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> effect_zh{{{"reject", "驳回"},
                                                                                  {"needs_approval", "需审批"},
                                                                                  {"incomplete", "材料不全"},
                                                                                  {"late", "迟到"},
                                                                                  {"warning", "提醒"},
                                                                                  {"violation", "违纪"},
                                                                                  {"absenteeism", "旷工"}}};
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> decision_zh{
    {{"approved", "已批准"}, {"pending", "待审批"}, {"rejected", "已驳回"}}};
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> request_type_zh{
    {{"leave", "请假"}, {"swap", "换班"}, {"promotion", "晋级"}}};

template <std::size_t N>
auto lookup(const std::array<std::pair<std::string_view, std::string_view>, N>& table, std::string_view name)
    -> std::string_view {
  for (const auto& [k, v] : table) {
    if (k == name) return v;
  }
  return {};
}

auto builtin_zh(std::string_view section, std::string_view name) -> std::string_view {
  if (section == "effects") return lookup(effect_zh, name);
  if (section == "decisions") return lookup(decision_zh, name);
  if (section == "request_types") return lookup(request_type_zh, name);
  return {};
}

auto spaced(std::string name) -> std::string {
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
}

// The code point starting at `i` of `s`, and its length; U+FFFD for a broken sequence.
auto code_point_at(std::string_view s, std::size_t i) -> std::pair<char32_t, std::size_t> {
  const auto c = static_cast<unsigned char>(s[i]);
  const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + n > s.size()) return {0xFFFD, 1};
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return {cp, n};
}

// Chinese characters and full-width punctuation: what Chinese text is made of.
auto is_cjk(char32_t cp) -> bool {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xFF00 && cp <= 0xFFEF);
}

}  // namespace

auto labels::find(std::string_view section, std::string_view name, lang l) const -> const std::string* {
  for (const auto& e : entries) {
    if (e.section != section || e.name != name) continue;
    const auto& w = l == lang::zh ? e.zh : e.en;
    return w.empty() ? nullptr : &w;
  }
  return nullptr;
}

auto labels::word(std::string_view section, const std::string& name, lang l) const -> std::string {
  if (const auto* w = find(section, name, l)) return *w;
  if (l == lang::zh) {
    if (const auto w = builtin_zh(section, name); !w.empty()) return std::string(w);
  }
  return spaced(name);
}

auto policy::labels() const -> const rulebook::labels& { return data_->labels; }

auto policy::label(std::string_view section, const std::string& name, lang l) const -> std::string {
  return data_->labels.word(section, name, l);
}

auto policy::title(lang l) const -> std::string {
  const auto& t = l == lang::zh ? data_->title_zh : data_->title_en;
  if (!t.empty()) return t;
  const auto& other = l == lang::zh ? data_->title_en : data_->title_zh;
  return other.empty() ? data_->name : other;
}

auto message_context::person(person_index p) const -> std::string { return words::person(c, p, lang); }
auto message_context::time(const time_point& t) const -> std::string { return words::time(t, lang); }
auto message_context::day(const date& d) const -> std::string { return words::day(d, lang); }
auto message_context::month_words(const rulebook::month& mo) const -> std::string { return words::month(mo, lang); }
auto message_context::length(const duration& d) const -> std::string { return words::length(d, lang); }

namespace words {

auto length(const duration& d, lang l) -> std::string {
  const auto positive = d.is_negative() ? d.invert_sign() : d;
  if (l != lang::zh) return format_duration(positive);
  std::int64_t s = positive.total_seconds();
  if (s == 0) return "0分钟";
  const std::int64_t days = s >= 7 * 86400 ? s / 86400 : 0;
  const std::int64_t hours = (s - days * 86400) / 3600, mins = s % 3600 / 60, secs = s % 60;
  std::string out;
  if (days) out += std::to_string(days) + "天";
  if (hours) out += std::to_string(hours) + "小时";
  if (mins) out += std::to_string(mins) + "分钟";
  if (secs) out += std::to_string(secs) + "秒";
  return out;
}

auto minutes(std::int64_t n, lang l) -> std::string {
  if (l != lang::zh) return fmt::format("{} minute{}", n, n == 1 ? "" : "s");
  return length(boost::posix_time::minutes(n), l);
}

auto day(const date& d, lang l) -> std::string {
  if (l != lang::zh || d.is_special()) return format_date(d);
  const auto ymd = d.year_month_day();
  return fmt::format("{}年{}月{}日", static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                     static_cast<int>(ymd.day));
}

auto clock(const time_point& t) -> std::string {
  if (t.is_special()) return format_time_point(t);
  const auto tod = t.time_of_day();
  return fmt::format("{:02}:{:02}", tod.hours(), tod.minutes());
}

auto time(const time_point& t, lang l) -> std::string {
  if (l != lang::zh || t.is_special()) return format_time_point(t);
  return day(t.date(), l) + " " + clock(t);
}

auto month(const rulebook::month& m, lang l) -> std::string {
  if (l != lang::zh) return format_month(m);
  return fmt::format("{}年{}月", m.year, m.number);
}

auto person(const rulebook::person& p, lang l) -> std::string {
  if (l != lang::zh || p.name.empty()) return p.id;
  return p.name + "（" + p.id + "）";
}

auto person(const case_file& c, person_index i, lang l) -> std::string {
  return i == no_index || !c.people.has(i) ? std::string("?") : person(c.people[i], l);
}

auto list(const std::vector<std::string>& items, lang l) -> std::string {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      const bool last = i + 1 == items.size();
      out += l == lang::zh ? (last ? "和" : "、") : (last ? " and " : ", ");
    }
    out += items[i];
  }
  return out;
}

auto effect_word(const labels* ls, effect e, lang l) -> std::string {
  if (ls != nullptr) {
    if (const auto* w = ls->find("effects", to_string(e), l)) return *w;
  }
  if (l == lang::zh) return std::string(builtin_zh("effects", to_string(e)));
  return to_string(e);
}

auto decision_word(const labels* ls, decision d, lang l) -> std::string {
  if (ls != nullptr) {
    if (const auto* w = ls->find("decisions", to_string(d), l)) return *w;
  }
  if (l == lang::zh) return std::string(builtin_zh("decisions", to_string(d)));
  return to_string(d);
}

auto request_type_word(const labels* ls, request_type t, lang l) -> std::string {
  if (ls != nullptr) {
    if (const auto* w = ls->find("request_types", to_string(t), l)) return *w;
  }
  if (l == lang::zh) return std::string(builtin_zh("request_types", to_string(t)));
  return to_string(t);
}

auto name_word(const labels* ls, std::string_view section, const std::string& name, lang l) -> std::string {
  return ls != nullptr ? ls->word(section, name, l) : labels{}.word(section, name, l);
}

auto evidence_key(std::string_view key, lang l) -> std::string {
  if (l != lang::zh) return std::string(key);
  // The keys the built-in kinds write (a kind of a program's own keeps its keys as they are).
  static constexpr std::pair<std::string_view, std::string_view> zh[] = {{"actual_notice_minutes", "实际提前分钟数"},
                                                                         {"adjacent_shift", "相邻班次"},
                                                                         {"approved_at", "批准时间"},
                                                                         {"approver", "审批人"},
                                                                         {"at_least", "至少"},
                                                                         {"at_most", "至多"},
                                                                         {"attribute", "属性"},
                                                                         {"away_minutes", "离岗分钟数"},
                                                                         {"before", "截止时间"},
                                                                         {"book", "账户册"},
                                                                         {"by", "经办人"},
                                                                         {"callback_minutes", "回访用时（分钟）"},
                                                                         {"case", "案例"},
                                                                         {"chair", "主持人"},
                                                                         {"closed", "关闭时间"},
                                                                         {"counterpart_value", "对方的值"},
                                                                         {"criterion", "考核项"},
                                                                         {"customers", "客户数"},
                                                                         {"day", "日期"},
                                                                         {"day_of_month", "每月日期"},
                                                                         {"days", "天数"},
                                                                         {"days_late", "逾期天数"},
                                                                         {"deadline", "截止时间"},
                                                                         {"dispatch_minutes", "派发用时（分钟）"},
                                                                         {"dispatch_seconds", "派发用时（秒）"},
                                                                         {"dispatched_at", "派发时间"},
                                                                         {"due", "应交时间"},
                                                                         {"due_before", "应在此前提交"},
                                                                         {"each", "每人"},
                                                                         {"earlier_swap", "此前的换班"},
                                                                         {"early_minutes", "早退分钟数"},
                                                                         {"employee_value", "本人的值"},
                                                                         {"exam_passed", "业务考试合格"},
                                                                         {"failed_attempts", "未接通次数"},
                                                                         {"failed_attempts_needed", "应有未接通次数"},
                                                                         {"fault", "责任"},
                                                                         {"field", "字段"},
                                                                         {"first", "首次"},
                                                                         {"form_filed", "已填换班登记表"},
                                                                         {"found", "实际"},
                                                                         {"from", "开始"},
                                                                         {"grade", "级别"},
                                                                         {"handed_in", "交回时间"},
                                                                         {"held_at", "召开时间"},
                                                                         {"holder", "上岗人"},
                                                                         {"holders", "上岗人"},
                                                                         {"holiday", "节假日"},
                                                                         {"incoming_punched_in", "接班人到岗时间"},
                                                                         {"incoming_shift", "接班班次"},
                                                                         {"lasts_at_least", "至少持续"},
                                                                         {"late_arrival", "迟到"},
                                                                         {"late_minutes", "迟到分钟数"},
                                                                         {"late_tickets", "超时工单"},
                                                                         {"leader", "班长"},
                                                                         {"leader_notified_at", "通知班长时间"},
                                                                         {"limit_minutes", "限值（分钟）"},
                                                                         {"load_percent", "负荷百分比"},
                                                                         {"max", "上限"},
                                                                         {"max_customers", "客户数上限"},
                                                                         {"max_days", "天数上限"},
                                                                         {"meeting", "会议"},
                                                                         {"meetings", "会议"},
                                                                         {"members", "成员"},
                                                                         {"min", "下限"},
                                                                         {"min_rest_minutes", "最短休息分钟数"},
                                                                         {"minutes", "分钟数"},
                                                                         {"minutes_before_start", "距开班分钟数"},
                                                                         {"minutes_before_training", "距培训分钟数"},
                                                                         {"minutes_late", "逾期分钟数"},
                                                                         {"minutes_unattended", "脱岗分钟数"},
                                                                         {"missing_role", "缺少的角色"},
                                                                         {"month", "月份"},
                                                                         {"months_in_grade", "任现级别月数"},
                                                                         {"next_grade", "下一级别"},
                                                                         {"opens", "开始时间"},
                                                                         {"owner", "本人"},
                                                                         {"party", "当事方"},
                                                                         {"pending_leave", "待批的请假"},
                                                                         {"period", "期间"},
                                                                         {"punched_out", "打卡离岗时间"},
                                                                         {"reached_at", "接通时间"},
                                                                         {"reason", "理由"},
                                                                         {"received_at", "受理时间"},
                                                                         {"report", "报告"},
                                                                         {"required", "要求"},
                                                                         {"required_minutes", "要求分钟数"},
                                                                         {"required_notice_minutes", "应提前分钟数"},
                                                                         {"resolved_at", "解决时间"},
                                                                         {"rest_minutes", "休息分钟数"},
                                                                         {"seat", "座席"},
                                                                         {"second", "第二次"},
                                                                         {"sessions", "场次"},
                                                                         {"shared_with", "共用人"},
                                                                         {"shares", "份额"},
                                                                         {"shift", "班次"},
                                                                         {"shift_start", "开班时间"},
                                                                         {"since", "起始"},
                                                                         {"start", "开始"},
                                                                         {"starts_late", "开始过晚"},
                                                                         {"submitted_at", "提出时间"},
                                                                         {"submitted_by", "提出人"},
                                                                         {"sunday", "周日"},
                                                                         {"swap", "换班"},
                                                                         {"swaps_before", "此前换班次数"},
                                                                         {"threshold_minutes", "阈值（分钟）"},
                                                                         {"ticket", "工单"},
                                                                         {"tier", "等级"},
                                                                         {"to", "结束"},
                                                                         {"to_grade", "申请级别"},
                                                                         {"too_short", "时长不足"},
                                                                         {"trained_at", "培训时间"},
                                                                         {"typing_cpm", "汉字录入（字/分钟）"},
                                                                         {"uncovered_days", "未覆盖的日期"},
                                                                         {"wrong_contact", "联系方式有误"}};
  for (const auto& [k, w] : zh) {
    if (k == key) return std::string(w);
  }
  return std::string(key);
}

auto ascii_punct_between_cjk(std::string_view text) -> bool {
  // Each ASCII `,;:()` with a CJK character (spaces skipped) right before or right after it.
  std::vector<std::pair<char32_t, std::size_t>> cps;
  for (std::size_t i = 0; i < text.size();) {
    const auto cp = code_point_at(text, i);
    cps.emplace_back(cp.first, i);
    i += cp.second;
  }
  const auto cjk_near = [&](std::size_t k, int step) {
    for (auto j = static_cast<std::ptrdiff_t>(k) + step; j >= 0 && j < static_cast<std::ptrdiff_t>(cps.size());
         j += step) {
      const auto cp = cps[static_cast<std::size_t>(j)].first;
      if (cp == ' ') continue;
      if (cp == '\n') return false;
      return is_cjk(cp);
    }
    return false;
  };
  for (std::size_t k = 0; k < cps.size(); ++k) {
    const auto cp = cps[k].first;
    if (cp != ',' && cp != ';' && cp != ':' && cp != '(' && cp != ')') continue;
    if (cjk_near(k, -1) || cjk_near(k, +1)) return true;
  }
  return false;
}

}  // namespace words
}  // namespace rulebook
